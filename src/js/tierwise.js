// Tierwise: does self-hosting the free edition really cost less than paying?
//
// One ES module for host pages. It finds its wasm and stylesheet relative to itself, so the
// bundle can be served from any path or CDN. It only wires the browser to the engine: the
// element's lifecycle, its shadow root, lazy loading and attribute changes. Everything else
// (config checks, computing, rendering, events) happens in the wasm.
//
// scripts/bundle.mjs appends this file to wasm-bindgen's glue (which defines __wbg_init,
// Widget and evaluateSync) and fills in the integrity of the wasm and the stylesheet, so the
// one hash on the host's <script integrity> covers the whole bundle.

export const version = '0.1.0';

const WASM = new URL('wasm/tierwise_bg.wasm', import.meta.url);
const STYLESHEET = new URL('tierwise.css', import.meta.url).href;
const WASM_INTEGRITY = '__WASM_INTEGRITY__';
const STYLESHEET_INTEGRITY = '__STYLESHEET_INTEGRITY__';

let loading = null;
/** Loads and starts the wasm once, on first need, checking it against its hash. */
function load() {
  return (loading ??= __wbg_init({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }) }));
}

function fail(element, message, problems = []) {
  element.dispatchEvent(new CustomEvent('tierwise:error', { bubbles: true, composed: true, detail: { message, problems } }));
}

/** The open shadow root with our stylesheet and a mount point, made once per element. */
function prepare(element) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.crossOrigin = 'anonymous';
  link.integrity = STYLESHEET_INTEGRITY;
  link.href = STYLESHEET;
  const root = document.createElement('div');
  root.setAttribute('part', 'container');
  shadow.append(link, root);
  return root;
}

/**
 * Mounts a calculator in `element` (in an open shadow root) and returns a handle:
 * `update(options)` changes it, `destroy()` removes it, `ready` resolves once mounted.
 * Options: { config (URL or object), mode, theme, locale, persist, team_size, scale,
 * requirements, horizon, team_growth, scale_growth, scenario }.
 */
export function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) throw new TypeError('Tierwise: mount() needs an HTML element');
  if (options === null || typeof options !== 'object') throw new TypeError('Tierwise: mount() options must be an object');
  const root = prepare(element);
  let widget = null;
  let destroyed = false;
  const queued = [];
  // Settles when the calculator shows (tierwise:ready); rejects on the first tierwise:error
  // before that (a config that cannot be used, options or scenario fields that were refused).
  let settled = false;
  const ready = new Promise((resolve, reject) => {
    const settle = (f, v) => {
      if (!settled) {
        settled = true;
        f(v);
      }
    };
    element.addEventListener('tierwise:ready', () => settle(resolve), { once: true });
    element.addEventListener('tierwise:error', (e) => settle(reject, new Error(e.detail.message)));
    load().then(
      () => {
        if (destroyed) return settle(resolve);
        try {
          widget = new Widget(element, root, options);
          for (const o of queued.splice(0)) widget.update(o);
        } catch (e) {
          // Refused options: the promise's caller is not on the stack any more, so the page
          // hears of it as an event, and `ready` rejects with it.
          fail(element, String(e?.message ?? e));
        }
      },
      (e) => fail(element, `Tierwise could not start: ${e?.message ?? e}`),
    );
  });
  // A host that never awaits `ready` still hears of failures through tierwise:error.
  ready.catch(() => {});
  return {
    ready,
    update(next) {
      if (destroyed) throw new Error('Tierwise: this widget was destroyed');
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        throw new TypeError('Tierwise: update() needs an options object, such as { team_size: 40 }');
      }
      if (widget) widget.update(next);
      else queued.push(next);
    },
    destroy() {
      destroyed = true;
      if (widget) {
        widget.destroy();
        widget.free();
        widget = null;
      }
      element.shadowRoot?.replaceChildren();
    },
  };
}

/** The Result of the spec for `scenario` under `config` (plain objects, null for absent values). */
export async function evaluate(config, scenario) {
  await load();
  return evaluateSync(config, scenario);
}

/**
 * An engine for one config, checked once: `(await engine(config)).evaluate(scenario)` gives
 * the Result for each scenario without reading the config again. `free()` releases it.
 */
export async function engine(config) {
  await load();
  return new Engine(config);
}

const ATTRIBUTES = ['config', 'mode', 'theme', 'locale', 'team-size', 'scale', 'requirements', 'persist'];

/** The options an element's attributes state; `only` limits them to one attribute. */
function optionsOf(element, only) {
  const o = {};
  for (const name of only ? [only] : ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (name === 'persist') {
      if (value !== null || only) o.persist = value !== null;
      continue;
    }
    if (value === null) continue;
    const key = name.replace('-', '_');
    // Numbers come as text; anything that is not a number stays text so the engine can say so.
    o[key] = (key === 'team_size' || key === 'scale') && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  }
  return o;
}

/** `<tierwise-calculator config="…" mode="full|compact|present" theme="light|dark|auto" …>` */
class TierwiseCalculator extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  connectedCallback() {
    if (this.handle || this.observer) return;
    const start = () => {
      this.observer?.disconnect();
      this.observer = null;
      this.handle = mount(this, optionsOf(this));
    };
    if (this.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window) {
      // Nothing but this module loads until the element nears the viewport.
      this.observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '200px' });
      this.observer.observe(this);
    } else {
      start();
    }
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.observer = null;
    this.handle?.destroy();
    this.handle = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.handle || before === after) return;
    try {
      this.handle.update(optionsOf(this, name));
    } catch (e) {
      fail(this, String(e?.message ?? e));
    }
  }
}

if (!customElements.get('tierwise-calculator')) customElements.define('tierwise-calculator', TierwiseCalculator);
