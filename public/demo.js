// The demo page: a picker over the sample configs, or any same-origin config from ?config=.
const params = new URLSearchParams(location.search);
const calculator = document.getElementById('calculator');
const picker = document.getElementById('config-picker');
const config = params.get('config') || picker.options[0].value;
if (![...picker.options].some((o) => o.value === config)) picker.add(new Option(config, config));
picker.value = config;
for (const name of ['mode', 'theme']) {
  if (params.get(name)) calculator.setAttribute(name, params.get(name) === 'present' ? 'present' : params.get(name));
}
calculator.setAttribute('config', config);
// Fetch the config alongside the widget's wasm rather than after it (the widget then reads it
// from this response).
document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: config, crossOrigin: 'anonymous' }));
picker.addEventListener('change', () => {
  // A scenario belongs to its config: the new one starts from its own defaults.
  history.replaceState(null, '', `?config=${encodeURIComponent(picker.value).replaceAll('%2F', '/')}`);
  calculator.setAttribute('config', picker.value);
});
