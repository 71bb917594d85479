// Embeds the calculator from ?frame-origin= (default: this origin) and lists what it posts.
// ?parent-origin= overrides the origin the frame is told to post to (to show it is exact).
const params = new URLSearchParams(location.search);
const frameOrigin = params.get('frame-origin') ?? location.origin;
const parentOrigin = params.get('parent-origin') ?? location.origin;
const frame = document.getElementById('frame');
const log = document.getElementById('log');
window.tierwiseMessages = [];
frame.src = `${frameOrigin}/embed.html?config=configs/devtool-seats.json&parent-origin=${encodeURIComponent(parentOrigin)}`;
window.addEventListener('message', (e) => {
  if (e.origin !== frameOrigin) return;
  window.tierwiseMessages.push(e.data);
  if (e.data?.type === 'tierwise:resize') frame.style.height = `${e.data.height}px`;
  const item = document.createElement('li');
  item.textContent = e.data?.type ?? 'unknown';
  log.append(item);
});
