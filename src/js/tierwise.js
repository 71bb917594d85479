// Tierwise: does self-hosting the free edition really cost less than paying?
//
// One ES module for host pages. It finds its wasm and stylesheet relative to itself, so the
// bundle can be served from any path or CDN, or bundled by Vite or webpack (both understand
// `new URL('./…', import.meta.url)`). It only wires the browser to the engine: the element's
// lifecycle, its shadow root, lazy loading and attribute changes. Everything else (config
// checks, computing, rendering, events) happens in the wasm.
//
// One build of the crate, split in two (issue 12): the main wasm (everything a pricing page's
// compact calculator needs: the main inputs, the verdict, the call to action, the engine API)
// and the full layout's chunk (for `mode="full"` and `"present"`, or when a compact
// calculator's visitor asks to compare all options), loaded on first need by `loadChunk`.
// scripts/bundle.mjs puts the build's wasm-bindgen glue in front of this file as `GLUE`
// (`{ init, Widget, Engine, evaluateSync }`, exported from here by nothing), fills in the
// integrity of both wasm files, the stylesheets and the catalogues, and minifies the result,
// so the one hash on the host's <script integrity> covers everything the widget loads.
// Importing it on a server does nothing: the element is defined only where `customElements`
// exists.

export const version = '0.1.0';

/** The stylesheets and their hashes: what every calculator needs, and the full calculator's
 * rules over it (split so a pricing page's compact calculator downloads 2.2 KB less). */
const BASE_STYLE = [new URL('./tierwise.css', import.meta.url).href, '__INTEGRITY:tierwise.css__'];
const FULL_STYLE = [new URL('./tierwise-full.css', import.meta.url).href, '__INTEGRITY:tierwise-full.css__'];
/** The stylesheets a mode's calculator needs, in order. */
const stylesFor = (mode) => (mode === 'compact' ? [BASE_STYLE] : [BASE_STYLE, FULL_STYLE]);
/** The build: its glue, its main wasm and that wasm's hash (one static URL per wasm file, so
 * bundlers emit both). */
const BUILD = { glue: GLUE, wasm: new URL('./wasm/tierwise_bg.wasm', import.meta.url), integrity: '__INTEGRITY:wasm/tierwise_bg.wasm__' };
/** The full layout's chunk of wasm and its hash. */
const CHUNK = [new URL('./wasm/tierwise_full_bg.wasm', import.meta.url), '__INTEGRITY:wasm/tierwise_full_bg.wasm__'];
// The words of each language but English (which is built in), fetched only when a calculator
// speaks it. One static URL each, so bundlers (Vite, webpack) emit the files.
const CATALOGUES = {
  de: [new URL('./messages/de.json', import.meta.url), '__INTEGRITY:messages/de.json__'],
  fr: [new URL('./messages/fr.json', import.meta.url), '__INTEGRITY:messages/fr.json__'],
  'zh-CN': [new URL('./messages/zh-CN.json', import.meta.url), '__INTEGRITY:messages/zh-CN.json__'],
};

/** An Error whose `problems` (as in `tierwiseerror`'s detail) name what is wrong. */
function failure(message, path) {
  return Object.assign(new Error(message), { problems: [{ path, message }] });
}

/** Why `url` did not load with its sealed hash: a second look without the hash tells. */
async function whyNot(url, error) {
  try {
    const r = await fetch(url, { cache: 'no-store' });
    if (!r.ok) return `the server answered ${r.status} for ${url}`;
    return `${url} does not match the integrity hash sealed into tierwise.js (it is from another build, or was changed on the way)`;
  } catch {
    return `${url} could not be fetched (${error?.message ?? error})`;
  }
}

/** Loads and starts the build once, on first need, checking its wasm against its hash. */
function load() {
  const build = BUILD;
  return (build.loading ??= (async () => {
    let response;
    try {
      response = await (build.response = fetch(build.wasm, { integrity: build.integrity }));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (e) {
      throw failure(`Tierwise could not start: ${await whyNot(build.wasm.href, e)}`, build.wasm.href);
    }
    await build.glue.init({ module_or_path: response });
    return build.glue;
  })());
}

/** The full layout chunk's response, fetched once (again after a failure), checked against its
 * hash; rejects with an Error saying why not. */
let chunkResponse = null;
function fetchChunk() {
  const [url, integrity] = CHUNK;
  const failed = async (e) => {
    chunkResponse = null;
    throw failure(`Tierwise could not load the full calculator: ${await whyNot(url.href, e)}`, url.href);
  };
  return (chunkResponse ??= fetch(url, { integrity }).then((r) => (r.ok ? r : failed(`HTTP ${r.status}`)), failed));
}

/**
 * What the main wasm calls to load the chunk (wasm-split's import, see scripts/bundle.mjs):
 * instantiates it once against `exports`, the main module's (its memory, its function table,
 * whatever else the chunk imports, by name), then calls back `callback(data, loaded)` from the
 * table, as the Rust side expects.
 */
let chunkLoading = null;
/** The full layout's English, from the chunk's custom section (see src/web/app.rs). */
let fullWords = null;
function loadChunk(exports, callback, data) {
  chunkLoading ??= fetchChunk()
    .then((response) => WebAssembly.compileStreaming(response))
    .then((module) => {
      const [words] = WebAssembly.Module.customSections(module, 'tierwise_en_full');
      if (!words) throw new Error("Tierwise: the full calculator's wasm has no words (is it from another build?)");
      fullWords = new TextDecoder().decode(words);
      const shared = {};
      for (const { module: from, name } of WebAssembly.Module.imports(module)) {
        if (!(name in exports)) throw new Error(`Tierwise: the full calculator's wasm needs ${from}.${name}, which the main wasm lacks (is it from another build?)`);
        shared[name] = exports[name];
      }
      return WebAssembly.instantiate(module, { __wasm_split: shared });
    });
  chunkLoading.then(
    () => exports.__indirect_function_table.get(callback)(data, true),
    (e) => {
      chunkLoading = null;
      console.error(e);
      exports.__indirect_function_table.get(callback)(data, false);
    },
  );
}

/**
 * The full layout is coming on `element` (the wasm's `loader::full`): links its stylesheet and
 * fetches the chunk, both at once; settles when both are in or failed, a failure reported as
 * `tierwiseerror` naming the file and why.
 */
function full(element) {
  const chunk = fetchChunk().catch((e) => fail(element, e));
  return Promise.all([styled(element, stylesFor('full')), chunk]);
}

const catalogues = new Map();
/** A language's messages, fetched once on first need and checked against its sealed hash. */
function catalogue(lang) {
  const entry = CATALOGUES[lang];
  if (!entry) return Promise.resolve(null);
  if (!catalogues.has(lang)) {
    const [url, integrity] = entry;
    const failed = async (e) => Promise.reject(new Error(await whyNot(url.href, e)));
    catalogues.set(lang, fetch(url, { integrity }).then((r) => (r.ok ? r.json() : failed(`HTTP ${r.status}`)), failed));
  }
  return catalogues.get(lang);
}

/**
 * Config fetches started when a calculator mounts, while its wasm loads, so the config does
 * not wait for it (a round trip less before the verdict). The wasm takes each one once, by
 * URL (resolved and same-origin, as it checks), through `takeConfig`; an untaken one is
 * dropped after a while, so a later calculator never reads an old answer.
 */
const early = new Map();
const EARLY_MS = 10000;
function fetchEarly(url) {
  try {
    const href = new URL(url, location.href).href;
    if (new URL(href).origin !== location.origin || early.has(href)) return;
    // Read whole while the wasm loads too: the wasm then finds the body in memory, not a
    // read that waits its turn behind the page's work (measured: ~5 ms sooner verdicts).
    const response = fetch(href).then((r) => r.text().then((body) => new Response(body || null, r)));
    response.catch(() => {});
    early.set(href, response);
    setTimeout(() => early.get(href) === response && early.delete(href), EARLY_MS);
  } catch {
    // Not a URL: the wasm says so, by name.
  }
}
function takeConfig(href) {
  const response = early.get(href);
  early.delete(href);
  return response ?? fetch(href);
}

/**
 * The first `Intl.NumberFormat` of a page costs ~20 ms (the browser loads its locale data; the
 * ones after cost ~0.1 ms, whatever the locale or currency). A calculator needs one before its
 * verdict shows, so one is made while its wasm compiles: once `build`'s response is in and
 * streaming compilation has started, not before, where it held up the response's handling
 * (measured on the compact page: median verdict ~7–10 ms sooner over 4×15 runs).
 */
let intlWarm = false;
function warmIntl(build) {
  if (intlWarm) return;
  intlWarm = true;
  const warm = () => setTimeout(() => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1));
  build.response.then(warm, warm);
}

/** What the loader lends every calculator (see src/web/loader.rs). */
const LOADER = { catalogue, fetch: takeConfig, full, words: () => fullWords };

/** Fires `tierwiseerror` and its alias `tierwise:error`; the detail always lists problems. */
function fail(element, error) {
  const message = String(error?.message ?? error);
  const problems = Array.isArray(error?.problems) && error.problems.length ? error.problems : [{ path: '', message }];
  for (const name of ['tierwiseerror', 'tierwise:error']) {
    element.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: { message, problems } }));
  }
}

/** The open shadow root with the `styles` and a mount point, made once per element. */
function prepare(element, styles) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  const root = container();
  shadow.append(root);
  styled(element, styles);
  return root;
}

/**
 * Links each of the `styles` the shadow root lacks, in order, before the calculator. Settles
 * once they have loaded, or failed (which fires `tierwiseerror` naming the file).
 */
function styled(element, styles) {
  const shadow = element.shadowRoot;
  return Promise.all(
    styles.map(([href, integrity]) => {
      // (`:scope` matches no element in a shadow root: its children are read directly.)
      const had = [...shadow.children].find((e) => e.localName === 'link' && e.href === href);
      if (had) return linked.get(had);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.crossOrigin = 'anonymous';
      link.integrity = integrity;
      link.href = href;
      const done = new Promise((settle) => {
        link.addEventListener('load', settle);
        link.addEventListener('error', () => {
          settle();
          whyNot(href, 'the stylesheet did not load').then((why) => fail(element, failure(`Tierwise could not load its stylesheet: ${why}`, href)));
        });
      });
      linked.set(link, done);
      [...shadow.children].find((e) => e.getAttribute('part') === 'container').before(link);
      return done;
    }),
  );
}
/** Each stylesheet link's settling (load or error). */
const linked = new WeakMap();

/** A calculator's mount point in the shadow root. */
function container() {
  const root = document.createElement('div');
  root.setAttribute('part', 'container');
  return root;
}

/** Each element's live calculator: `mount()` on an element replaces the one before. */
const mounted = new WeakMap();

/**
 * Mounts a calculator in `element` (in an open shadow root) and returns a handle:
 * `update(options)` changes it, `destroy()` removes it, `ready` resolves once mounted,
 * `result` and `scenario` are the latest (null until ready).
 * Options: { config (URL or object), mode, theme, locale, persist, team_size, scale,
 * requirements, horizon, team_growth, scale_growth, scenario }.
 */
export function mount(element, options = {}) {
  if (typeof HTMLElement === 'undefined' || !(element instanceof HTMLElement)) throw new TypeError('Tierwise: mount() needs an HTML element');
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError('Tierwise: mount() options must be an object');
  mounted.get(element)?.handle.destroy();
  const compact = options.mode === 'compact';
  // The wasm first, then the config: the verdict waits for both, and the wasm is the larger.
  const loading = load();
  // A calculator that starts full needs the full layout's chunk too: fetched beside the rest.
  if (!compact) fetchChunk().catch(() => {});
  if (typeof options.config === 'string') fetchEarly(options.config);
  warmIntl(BUILD);
  const root = prepare(element, stylesFor(options.mode));
  // Room for the calculator while it loads, so the page below does not jump when it shows:
  // less than the smallest calculator of its mode (compact 26–44rem tall, full over 230rem), so
  // showing it only ever grows the element.
  root.style.minHeight = compact ? '25rem' : '50rem';
  // Pointing at a compact calculator's "compare all options", or tabbing to it, fetches the
  // full layout's chunk, so a click finds it there.
  const warm = (e) => e.target.closest?.('.compare-all') && fetchChunk().catch(() => {});
  root.addEventListener('pointerover', warm);
  root.addEventListener('focusin', warm);
  let widget = null;
  let destroyed = false;
  const queued = [];
  // Settles when the calculator shows (tierwiseready); rejects on the first tierwiseerror
  // before that (a config that cannot be used, options or scenario fields that were refused).
  let settled = false;
  let stop = () => {};
  const ready = new Promise((resolve, reject) => {
    const settle = (f, v) => {
      if (!settled) {
        settled = true;
        root.style.minHeight = '';
        stop();
        f(v);
      }
    };
    const onReady = () => settle(resolve);
    const onError = (e) => settle(reject, Object.assign(new Error(e.detail.message), { problems: e.detail.problems }));
    element.addEventListener('tierwiseready', onReady);
    element.addEventListener('tierwiseerror', onError);
    stop = () => {
      element.removeEventListener('tierwiseready', onReady);
      element.removeEventListener('tierwiseerror', onError);
    };
    loading.then(
      (glue) => {
        if (destroyed) return settle(resolve);
        try {
          widget = new glue.Widget(element, root, options, LOADER);
          for (const apply of queued.splice(0)) apply(widget);
        } catch (e) {
          // Refused options: the promise's caller is not on the stack any more, so the page
          // hears of it as an event, and `ready` rejects with it.
          fail(element, e);
        }
      },
      (e) => fail(element, e),
    );
  });
  // A host that never awaits `ready` still hears of failures through tierwiseerror.
  ready.catch(() => {});
  const alive = () => {
    if (destroyed) throw new Error('Tierwise: this widget was destroyed');
  };
  /** Runs `apply` on the widget now, or once it exists. */
  const withWidget = (apply) => (widget ? apply(widget) : queued.push(apply));
  const handle = {
    ready,
    get result() {
      return widget?.result ?? null;
    },
    get scenario() {
      return widget?.scenario ?? null;
    },
    update(next) {
      alive();
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        throw new TypeError('Tierwise: update() needs an options object, such as { team_size: 40 }');
      }
      withWidget((w) => w.update(next));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stop();
      if (mounted.get(element)?.handle === handle) mounted.delete(element);
      if (widget) {
        widget.destroy();
        widget.free();
      }
      widget = null;
      element.shadowRoot?.replaceChildren();
    },
  };
  // What the element needs beyond the handle: forgetting an attribute it no longer has.
  const reset = (name) => {
    alive();
    withWidget((w) => w.reset(name));
  };
  mounted.set(element, { handle, reset });
  return handle;
}

/** The Result of the spec for `scenario` under `config` (plain objects, null for absent values). */
export async function evaluate(config, scenario) {
  return (await load()).evaluateSync(config, scenario);
}

/**
 * An engine for one config, checked once: `(await engine(config)).evaluate(scenario)` gives
 * the Result for each scenario without reading the config again. `free()` releases it.
 */
export async function engine(config) {
  const { Engine } = await load();
  return new Engine(config);
}

const ATTRIBUTES = ['config', 'mode', 'theme', 'locale', 'team-size', 'scale', 'requirements', 'persist'];
/** Attribute → option key. */
const key = (name) => name.replace('-', '_');

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
    // Numbers come as text; anything that is not a number stays text so the engine can say so.
    const k = key(name);
    o[k] = (k === 'team_size' || k === 'scale') && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  }
  return o;
}

/** What eager elements have started and not yet shown: a `loading="lazy"` element that nears
 * the viewport waits for them (a few seconds at most), so it never takes bandwidth or the main
 * thread from the calculator the visitor sees first. */
const eager = new Set();
const EAGER_WAIT_MS = 3000;
/** After the frame that shows them has been painted, so a page's first verdict is on screen
 * before anything else starts. */
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
const afterEager = () => Promise.race([Promise.allSettled([...eager]).then(painted), new Promise((r) => setTimeout(r, EAGER_WAIT_MS))]);

/** `<tierwise-calculator>`, made only in a browser (never at import on a server). */
function defineElement() {
  const number = (v) => (v === null ? null : Number(v));
  /** Properties that mirror an attribute: [property, attribute, read, write]. */
  const MIRRORED = [
    ['teamSize', 'team-size', number, String],
    ['scale', 'scale', number, String],
    ['requirements', 'requirements', (v) => (v === null ? null : v.split(',').map((s) => s.trim()).filter(Boolean)), (v) => (Array.isArray(v) ? v.join(',') : String(v))],
    ['mode', 'mode', (v) => v, String],
    ['theme', 'theme', (v) => v, String],
    ['locale', 'locale', (v) => v, String],
  ];

  /** `<tierwise-calculator config="…" mode="full|compact|present" theme="light|dark|auto" …>` */
  class TierwiseCalculator extends HTMLElement {
    static observedAttributes = ATTRIBUTES;
    #config = null; // a config object set through the `config` property
    #ready;
    #settle;
    #observer = null;

    constructor() {
      super();
      this.#ready = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
      this.#ready.catch(() => {});
    }

    /** Resolves once the calculator shows; rejects with the first error before that. */
    get ready() {
      return this.#ready;
    }
    /** The latest Result (as in `tierwisechange`), or null until ready. */
    get result() {
      return mounted.get(this)?.handle.result ?? null;
    }
    /** The current scenario, or null until ready. */
    get scenario() {
      return mounted.get(this)?.handle.scenario ?? null;
    }
    /** A config URL (the attribute) or a config object. */
    get config() {
      return this.#config ?? this.getAttribute('config');
    }
    set config(value) {
      if (value !== null && value !== undefined && typeof value === 'object') {
        this.#config = value;
        mounted.get(this)?.handle.update({ config: value });
      } else {
        this.#config = null;
        if (value === null || value === undefined) this.removeAttribute('config');
        else this.setAttribute('config', String(value));
      }
    }
    get persist() {
      return this.hasAttribute('persist');
    }
    set persist(on) {
      this.toggleAttribute('persist', Boolean(on));
    }
    /** Changes the calculator like `mount()`'s handle; throws an Error naming a bad field. */
    update(options) {
      const live = mounted.get(this);
      if (!live) throw new Error('Tierwise: this element is not connected yet');
      live.handle.update(options);
    }

    connectedCallback() {
      // Properties set before the element was defined (by a framework) become ours.
      for (const p of ['config', 'persist', ...MIRRORED.map((m) => m[0])]) {
        if (Object.prototype.hasOwnProperty.call(this, p)) {
          const v = this[p];
          delete this[p];
          this[p] = v;
        }
      }
      // Moved in the document: the calculator is still there.
      if (mounted.has(this) || this.#observer) return;
      const start = () => {
        const options = optionsOf(this);
        if (this.#config) options.config = this.#config;
        const handle = mount(this, options);
        handle.ready.then(this.#settle.resolve, this.#settle.reject);
        return handle;
      };
      if (this.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window) {
        // Nothing but this module loads until the element nears the viewport, and the eager
        // calculators have shown.
        const near = (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          this.#observer?.disconnect();
          afterEager().then(() => this.#observer && ((this.#observer = null), start()));
        };
        this.#observer = new IntersectionObserver(near, { rootMargin: '200px' });
        this.#observer.observe(this);
      } else {
        const { ready } = start();
        eager.add(ready);
        ready.finally(() => eager.delete(ready)).catch(() => {});
      }
    }

    disconnectedCallback() {
      // A move is a disconnect and a connect in one task: tear down only if it stays out.
      queueMicrotask(() => {
        if (this.isConnected) return;
        this.#observer?.disconnect();
        this.#observer = null;
        mounted.get(this)?.handle.destroy();
      });
    }

    attributeChangedCallback(name, before, after) {
      const live = mounted.get(this);
      if (!live || before === after) return;
      try {
        if (after === null && name !== 'persist') {
          // Removing `config` falls back to a config object set as a property, or the inline child.
          if (name === 'config' && this.#config) live.handle.update({ config: this.#config });
          else live.reset(key(name));
        } else {
          live.handle.update(optionsOf(this, name));
        }
      } catch (e) {
        fail(this, e);
      }
    }
  }
  for (const [property, attribute, read, write] of MIRRORED) {
    Object.defineProperty(TierwiseCalculator.prototype, property, {
      get() {
        return read(this.getAttribute(attribute));
      },
      set(v) {
        if (v === null || v === undefined) this.removeAttribute(attribute);
        else this.setAttribute(attribute, write(v));
      },
      configurable: true,
    });
  }
  customElements.define('tierwise-calculator', TierwiseCalculator);
}

if (typeof customElements !== 'undefined' && !customElements.get('tierwise-calculator')) defineElement();
