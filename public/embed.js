// The iframe variant: embed.html?config=…&parent-origin=https://site.example
// Events and size go to exactly the named parent origin; messages from any other origin are
// ignored. Without a valid parent-origin nothing is posted at all.
const params = new URLSearchParams(location.search);
const calculator = document.getElementById('calculator');

function originOf(text) {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text ? url.origin : null;
  } catch {
    return null;
  }
}
const parentOrigin = originOf(params.get('parent-origin') ?? '');
const post = (message) => {
  if (parentOrigin && window.parent !== window) window.parent.postMessage(message, parentOrigin);
};

for (const name of ['config', 'mode', 'theme', 'locale', 'team-size', 'scale', 'requirements']) {
  if (params.has(name)) calculator.setAttribute(name, params.get(name));
}
for (const type of ['tierwise:ready', 'tierwise:change', 'tierwise:error']) {
  calculator.addEventListener(type, (e) => post({ type, detail: e.detail }));
}
calculator.addEventListener('tierwise:cta', (e) => {
  post({ type: 'tierwise:cta', detail: e.detail });
  // Inside a frame a link would replace the calculator: open it beside the host page instead.
  e.preventDefault();
  const link = e.composedPath().find((n) => n instanceof HTMLAnchorElement);
  if (link) window.open(link.href, '_blank', 'noopener');
});

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height !== lastHeight) post({ type: 'tierwise:resize', height: (lastHeight = height) });
}).observe(document.body);

window.addEventListener('message', (e) => {
  if (!parentOrigin || e.origin !== parentOrigin || e.source !== window.parent) return;
  if (e.data?.type === 'tierwise:update' && e.data.options && typeof e.data.options === 'object') {
    try {
      calculator.update(e.data.options);
    } catch (err) {
      const message = String(err?.message ?? err);
      post({ type: 'tierwise:error', detail: { message, problems: err?.problems ?? [{ path: 'options', message }] } });
    }
  }
});

await import('./widget/tierwise.js');
