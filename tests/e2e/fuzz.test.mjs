// Hostile input at volume, in the browser (issue 13): at least 10,000 random documents,
// scenarios and option objects, drawn from a seeded generator, thrown at evaluate(), engine()
// and mount()/update(). Each must end in a result whose figures are all finite or in an Error
// whose message names what is wrong; never a trap of the wasm instance. Afterwards the page's
// other widget must still answer. FUZZ_CASES sets the count (scripts/soak.sh runs 100,000),
// FUZZ_SEED the seed; a failure prints the seed and case so it can be replayed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, closeAll, DIST } from './browser.mjs';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const CHUNK = 500;
const SAMPLES = ['stream-platform', 'devtool-seats', 'framework-platform', 'usage-metrics'];
const samples = await Promise.all(SAMPLES.map(async (n) => JSON.parse(await readFile(join(DIST, `configs/${n}.json`), 'utf8'))));

const PAGE =
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fuzz</title><link rel="icon" href="data:,">` +
  `<script type="module">window.api = await import('/widget/tierwise.js');</script></head><body><h1>Fuzz</h1>` +
  `<div id="target"></div>` +
  `<tierwise-calculator id="other" config="/configs/devtool-seats.json" mode="compact"></tierwise-calculator>` +
  `</body></html>`;

let server;
before(async () => {
  server = await serve(DIST, () => ({}), { '/fixtures/fuzz.html': PAGE });
});
after(async () => {
  await closeAll();
  await server?.close();
});

/** Runs in the page: the generator and one chunk of cases. Returns counts and failures. */
function installFuzzer([samples, seed]) {
  // mulberry32: small, seeded, the same sequence in every browser.
  let state = seed >>> 0;
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const NAMES = ['schema', 'product', 'currency', 'options', 'requirements', 'assumptions', 'defaults', 'id', 'kind', 'name', 'price',
    'bands', 'unit_bands', 'up_to', 'per_seat', 'per_unit', 'per_year', 'minimum', 'quote', 'low', 'high', 'value', 'limits',
    'min_team_size', 'max_team_size', 'max_scale', 'infra_factor', 'team_size', 'scale', 'horizon', 'team_growth', 'scale_growth',
    'monte_carlo', 'draws', 'seed', 'addon', 'external', 'build', 'included', 'unavailable', 'source', 'engineer_cost', 'work_hours',
    'discount_rate', 'infra_base_month', 'mode', 'theme', 'locale', 'config', 'persist', 'scenario', 'cta', 'url', '__proto__'];
  const NUMBERS = [NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 2, 10, 1e6, 1e12, 1e13, 1e308, 5e-324, 2 ** 53, -1e9];
  const leaf = () => {
    const r = rand();
    if (r < 0.1) return null;
    if (r < 0.15) return undefined;
    if (r < 0.2) return rand() < 0.5;
    if (r < 0.55) return rand() < 0.5 ? pick(NUMBERS) : (rand() - 0.3) * 10 ** Math.floor(rand() * 8);
    if (r < 0.6) return 10n;
    if (r < 0.62) return () => 1;
    if (r < 0.64) return Symbol('x');
    return pick([...NAMES, '', ' ', 'x'.repeat(3000), '<img src=x onerror=alert(1)>', 'sso', 'community', 'enterprise', 'cloud', 'compact', 'full', 'dark']);
  };
  const anyValue = (depth = 0) => {
    const r = rand();
    if (depth > 4 || r < 0.5) return leaf();
    if (r < 0.7) return Array.from({ length: Math.floor(rand() * 6) }, () => anyValue(depth + 1));
    const o = {};
    for (let i = Math.floor(rand() * 6); i > 0; i--) o[pick(NAMES)] = anyValue(depth + 1);
    return o;
  };
  // Replaces one node (depth-first, counting from the root) of a copy of `doc`.
  const plant = (doc, value) => {
    const copy = structuredClone(doc);
    const nodes = [];
    const walk = (parent, key, node) => {
      nodes.push([parent, key]);
      if (node && typeof node === 'object') for (const k of Object.keys(node)) walk(node, k, node[k]);
    };
    walk(null, null, copy);
    const [parent, key] = pick(nodes);
    if (parent === null) return value;
    parent[key] = value;
    return copy;
  };
  // Half the documents are valid or nearly so, so both outcomes are exercised in volume.
  const config = () => {
    const r = rand();
    if (r < 0.1) return anyValue();
    const base = pick(samples);
    return r < 0.5 ? structuredClone(base) : plant(base, anyValue());
  };
  // A plausible value for a scenario or option field (most valid, some just out of range).
  const plausible = (k) => {
    switch (k) {
      case 'team_size': return pick([1, 3, 40, 120, 5000, 1e6, Math.ceil(rand() * 500), 0, 2e6]);
      case 'scale': return pick([0.5, 1, 6, 40, 1e6, rand() * 100, 0, -1]);
      case 'horizon': return pick([1, 3, 5, 10, 11, 2.5]);
      case 'team_growth': case 'scale_growth': return pick([-0.9, 0, 0.2, 1, 10, -1, 11]);
      case 'requirements': return pick([[], ['sso'], ['sso', 'audit_log'], ['bogus'], 'sso']);
      case 'assumptions': return { [pick(['engineer_cost', 'work_hours', 'discount_rate', 'infra_base_month', 'migration_weeks'])]: pick([1800, 0.08, 150000, { value: 1800, low: 1500, high: 2000 }, { value: 0.08, low: 0, high: 0.2 }, -5]) };
      case 'monte_carlo': return { draws: pick([1, 10, 100, 0]), seed: pick([1, 42, -1]) };
      case 'mode': return pick(['full', 'compact', 'present', 'wide']);
      case 'theme': return pick(['light', 'dark', 'auto', 'pink']);
      case 'locale': return pick(['de-DE', 'en-US', 'zh-CN', 'xx', '']);
      case 'persist': return pick([true, false, 'yes']);
      default: return anyValue(2);
    }
  };
  const FIELDS = ['team_size', 'scale', 'horizon', 'team_growth', 'scale_growth', 'requirements', 'assumptions', 'monte_carlo'];
  const scenario = () => {
    if (rand() < 0.1) return anyValue();
    const s = { team_size: Math.ceil(rand() * 500), scale: 0.5 + rand() * 50 };
    for (let i = Math.floor(rand() * 4); i > 0; i--) {
      const k = rand() < 0.9 ? pick(FIELDS) : pick(NAMES);
      s[k] = rand() < 0.75 ? plausible(k) : anyValue(2);
    }
    return s;
  };
  const options = () => {
    if (rand() < 0.05) return anyValue();
    const o = {};
    for (let i = 1 + Math.floor(rand() * 3); i > 0; i--) {
      const k = rand() < 0.9 ? pick([...FIELDS, 'mode', 'theme', 'locale', 'persist']) : pick(NAMES);
      o[k] = rand() < 0.75 ? plausible(k) : anyValue(2);
    }
    return o;
  };

  const TRAP = /unreachable|RuntimeError|panicked|already (mutably )?borrowed|memory access|recursion|null function|table index/i;
  const keysOf = (v, out = new Set(), depth = 0) => {
    if (v && typeof v === 'object' && depth < 8) for (const k of Object.keys(v)) { out.add(k); keysOf(v[k], out, depth + 1); }
    return out;
  };
  // A message names what is wrong: the document (config, scenario, options) or a field of it.
  const names = (message, ...docs) =>
    /\b(config|scenario|options?|element)\b/i.test(message) || docs.some((d) => [...keysOf(d)].some((k) => k.length > 1 && message.includes(k)));
  const finite = (v, depth = 0) => {
    if (typeof v === 'number') return Number.isFinite(v);
    if (v && typeof v === 'object' && depth < 12) return Object.values(v).every((x) => finite(x, depth + 1));
    return true;
  };
  const visible = (el) => [...(el.shadowRoot?.querySelectorAll('.verdict, .card, input') ?? [])].map((n) => n.value ?? n.textContent).join(' ');

  let target;
  window.runChunk = async (from, count) => {
    const counts = { results: 0, errors: 0 };
    const failures = [];
    const fail = (i, what, detail) => failures.length < 10 && failures.push(`case ${i} (${what}): ${detail}`);
    // The input, shortened, so a failure can be read and replayed.
    const show = (docs) => {
      try {
        const text = JSON.stringify(docs, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? `${v}n` : typeof v === 'function' || typeof v === 'symbol' ? String(v) : v));
        return text.length > 600 ? text.slice(0, 600) + '…' : text;
      } catch (e) {
        return String(e);
      }
    };
    const check = (i, what, outcome, ...docs) => {
      if (outcome instanceof Error || outcome?.isError) {
        const message = String(outcome.message ?? '');
        counts.errors++;
        if (!message || TRAP.test(message)) fail(i, what, `bad error: ${message}; input ${show(docs.slice(what === 'evaluate' ? 1 : 0))}`);
        else if (!names(message, ...docs)) fail(i, what, `the error names nothing: ${message}`);
      } else {
        counts.results++;
        if (!finite(outcome)) fail(i, what, 'a figure is not finite');
      }
    };
    if (!target) {
      target = window.api.mount(document.getElementById('target'), { config: samples[1], mode: 'compact' });
      await target.ready;
    }
    for (let i = from; i < from + count; i++) {
      const kind = i % 10;
      const c = config();
      const s = scenario();
      try {
        if (kind < 4) {
          check(i, 'evaluate', await window.api.evaluate(c, s).catch((e) => e), c, s);
        } else if (kind < 7) {
          let e;
          try {
            e = await window.api.engine(c);
          } catch (err) {
            check(i, 'engine', err, c);
            continue;
          }
          for (let k = 0; k < 3; k++) {
            const sc = scenario();
            const parts = rand() < 0.5 ? undefined : pick([{ wins: false, sensitivity: false }, anyValue(2), {}]);
            let out;
            try { out = e.evaluate(sc, parts); } catch (err) { out = err; }
            check(i, 'engine.evaluate', out, sc, parts, { parts: 1 });
          }
          e.free();
        } else if (kind < 9 || i % 50 !== 9) {
          const o = options();
          let out;
          try { target.update(o); out = { shown: visible(document.getElementById('target')) }; } catch (err) { out = err; }
          check(i, 'update', out, o);
          if (/NaN|Infinity|undefined/.test(out.shown ?? '')) fail(i, 'update', `shows ${out.shown}`);
        } else {
          // A fresh mount with random options (every 50th case: mounting is the slow part).
          const el = document.createElement('div');
          document.body.append(el);
          const o = options();
          let handle;
          try {
            handle = window.api.mount(el, { config: c, ...(o && typeof o === 'object' ? o : {}) });
            const settled = await Promise.race([handle.ready.then(() => ({ ok: true }), (e) => e), new Promise((r) => setTimeout(() => r({ hung: true }), 3000))]);
            if (settled.hung) fail(i, 'mount', 'handle.ready never settled');
            else check(i, 'mount', settled.ok ? { shown: 1 } : settled, c, o);
          } catch (err) {
            check(i, 'mount', err, c, o);
          } finally {
            handle?.destroy();
            el.remove();
          }
        }
      } catch (err) {
        fail(i, 'uncaught', String(err?.stack ?? err));
      }
    }
    return { counts, failures };
  };
}

test(`${CASES.toLocaleString('en')} random documents, scenarios and options end in a result or an Error naming a field`, async () => {
  const context = await launch();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  await page.addInitScript(installFuzzer, [samples, SEED]);
  await page.goto(server.url + '/fixtures/fuzz.html');
  await page.waitForFunction(() => window.api && document.getElementById('other').shadowRoot?.querySelector('.verdict'), null, { timeout: 20000 });

  const totals = { results: 0, errors: 0 };
  const started = Date.now();
  for (let from = 0; from < CASES; from += CHUNK) {
    const { counts, failures } = await page.evaluate(([f, n]) => window.runChunk(f, n), [from, Math.min(CHUNK, CASES - from)]);
    totals.results += counts.results;
    totals.errors += counts.errors;
    assert.deepEqual(failures, [], `seed ${SEED}`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${CASES} cases (${totals.results + totals.errors} calls: ${totals.results} results, ${totals.errors} errors), ${seconds.toFixed(1)} s, seed ${SEED}`);
  // Both outcomes in volume: the generator is neither all garbage nor all valid.
  assert.ok(totals.results > CASES / 5 && totals.errors > CASES / 5, JSON.stringify(totals));

  // The other widget still answers: a new team size gives a new verdict, and evaluate() works.
  const before = await page.evaluate(() => document.getElementById('other').shadowRoot.querySelector('.verdict').textContent);
  await page.evaluate(() => document.getElementById('other').setAttribute('team-size', '3'));
  await page.waitForFunction((b) => document.getElementById('other').shadowRoot.querySelector('.verdict').textContent !== b, before, { timeout: 10000 });
  const r = await page.evaluate(async (c) => (await window.api.evaluate(c, { team_size: 40, scale: 6 })).recommended, samples[1]);
  assert.equal(typeof r, 'string');
  // The page logged nothing but the tierwise:error events' own console lines, if any.
  assert.deepEqual(errors.filter((e) => /panicked|unreachable|RuntimeError/.test(e)), []);
  await context.close();
});

test('an update while the config reloads (a new locale) is remembered, not a panic', async () => {
  // Found by the fuzz above: a locale change reloads the config, and an update() in the same
  // task reached the calculator state the reload had just disposed.
  const context = await launch();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + '/fixtures/fuzz.html');
  await page.waitForFunction(() => window.api, null, { timeout: 20000 });
  const teamSize = await page.evaluate(async (config) => {
    const el = document.getElementById('target');
    const handle = window.api.mount(el, { config, mode: 'compact' });
    await handle.ready;
    const changed = new Promise((resolve) => el.addEventListener('tierwise:change', (e) => e.detail.scenario.team_size === 77 && resolve(77)));
    handle.update({ locale: 'de-DE' });
    // Updates in the next few microtasks: after the reload has disposed the old state, before
    // the config has loaded again.
    for (let k = 0; k < 8; k++) {
      await Promise.resolve();
      handle.update({ team_size: 70 + k });
    }
    handle.update({ team_size: 77 });
    return Promise.race([changed, new Promise((r) => setTimeout(() => r('no change'), 5000))]);
  }, samples[1]);
  assert.equal(teamSize, 77);
  assert.deepEqual(errors, []);
  await context.close();
});
