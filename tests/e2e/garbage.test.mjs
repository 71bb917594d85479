// Garbage in, a clear Error out (issue 5, hardening): the JavaScript API and the element's
// attributes given NaN, ±Infinity, strings where numbers go, null, undefined, missing fields,
// wrong types and huge values. Each must end in an Error (thrown, or a rejected promise for the
// asynchronous parts) or a tierwise:error event whose message names what is wrong; never a
// trapped wasm instance, an uncaught exception or NaN on screen. One wasm instance serves every
// widget on a page, so a trap would take a second widget down with the first: one test throws
// everything at one widget and then uses another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, closeAll, DIST } from './browser.mjs';

const stream = JSON.parse(await readFile(join(DIST, 'configs/stream-platform.json'), 'utf8'));

const PAGE =
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Garbage in</title><link rel="icon" href="data:,">` +
  `<script type="module">window.api = await import('/widget/tierwise.js');</script></head><body><h1>Garbage in</h1>` +
  `<div id="first"></div>` +
  `<tierwise-calculator id="second" config="/configs/devtool-seats.json" mode="compact"></tierwise-calculator>` +
  `<tierwise-calculator id="third" config="/configs/framework-platform.json" mode="compact"></tierwise-calculator>` +
  `</body></html>`;

/** What a trapped wasm instance says (a Rust panic is `unreachable` under panic = "abort"). */
const TRAP = /unreachable|RuntimeError|panicked|already (mutably )?borrowed|memory access|recursion|null function|table index/i;
/** Words of the machinery, not of the person who passed the value. */
const JARGON = /JsValue\(|__wbindgen|serde|invalid type:/;
/** How long a promise (handle.ready) may take to settle on localhost before it counts as hung. */
const SETTLE_MS = 3000;
/** Monte Carlo runs this long after the last change; a case waits it out before destroying a
 * widget, so a trap from destroying with a simulation pending (its own test, at the end) is not
 * pinned on whichever case runs next. */
const MONTE_CARLO_DELAY_MS = 250;

// Each case: a name, a JavaScript expression evaluated in the page (so NaN, functions, symbols,
// BigInt and cycles arrive as themselves), and what the message must name. `config` is the
// stream-platform sample; `edit(f)` is a copy of it changed by f.
const c = (name, value, names) => ({ name, value, names });
const cycle = (fields) => `(() => { const o = ${fields}; o.self = o; return o; })()`;
const deep = (fields) => `(() => { let o = {}; for (let i = 0; i < 10000; i++) o = { x: o }; return { ...${fields}, deep: o }; })()`;

/** Garbage for a number field, as a JS expression each. */
const NUMBER_GARBAGE = ['NaN', 'Infinity', '-Infinity', "'40'", "''", 'null', '[]', '[40]', '{}', 'true', '-1', '1e308', 'Number.MAX_VALUE', '10n ** 30n', "Symbol('40')", '() => 40', 'new Date()'];

/** Scenario documents for evaluate(config, scenario). */
const SCENARIOS = [
  ...NUMBER_GARBAGE.map((v) => c(`team_size: ${v}`, `{ team_size: ${v}, scale: 6 }`, /team_size/)),
  c('team_size: undefined', '{ team_size: undefined, scale: 6 }', /team_size/),
  c('team_size missing', '{ scale: 6 }', /team_size/),
  c('team_size: 2,000,000', '{ team_size: 2e6, scale: 6 }', /team_size/),
  ...['NaN', '0', '-Infinity', "'6'", 'null', '{}'].map((v) => c(`scale: ${v}`, `{ team_size: 40, scale: ${v} }`, /scale/)),
  ...['0', '11', '2.5', 'NaN', "'3'"].map((v) => c(`horizon: ${v}`, `{ team_size: 40, scale: 6, horizon: ${v} }`, /horizon/)),
  ...['-1', 'Infinity', "'fast'"].map((v) => c(`team_growth: ${v}`, `{ team_size: 40, scale: 6, team_growth: ${v} }`, /team_growth/)),
  c('scale_growth: NaN', '{ team_size: 40, scale: 6, scale_growth: NaN }', /scale_growth/),
  ...["'sso'", '42', '[42]', '[null]', "['bogus']", '{ sso: true }'].map((v) => c(`requirements: ${v}`, `{ team_size: 40, scale: 6, requirements: ${v} }`, /requirements/)),
  c('requirements: 100,000 unknown ids', "{ team_size: 40, scale: 6, requirements: Array(100000).fill('bogus') }", /requirements/),
  ...["'x'", '{ engineer_cost: NaN }', "{ engineer_cost: '1' }", '{ engineer_cost: { value: 1, low: 5, high: 2 } }', '{ work_hours: 0 }'].map((v) =>
    c(`assumptions: ${v}`, `{ team_size: 40, scale: 6, assumptions: ${v} }`, /assumptions/),
  ),
  c('assumptions: an unknown one', '{ team_size: 40, scale: 6, assumptions: { nope: 1 } }', /assumptions\.nope/),
  ...['true', "'yes'", '{ draws: 0 }', '{ draws: 1e9 }', '{ draws: NaN }', '{ draws: 2.5 }', '{ seed: -1 }', '{ seed: 2 ** 60 }', '{ seed: Infinity }'].map((v) =>
    c(`monte_carlo: ${v}`, `{ team_size: 40, scale: 6, monte_carlo: ${v} }`, /monte_carlo/),
  ),
  ...['null', 'undefined', '42', "'team_size=40'", '[]', 'NaN', '() => 1'].map((v) => c(`the scenario is ${v}`, v, /scenario/)),
  c('the scenario refers to itself', cycle('{ team_size: 40, scale: 6 }'), /scenario/),
  c('the scenario nests 10,000 levels deep', deep('{ team_size: 40, scale: 6 }'), /scenario/),
];

/** Config documents for evaluate(config, scenario). */
const CONFIGS = [
  ...['null', 'undefined', '42', "'configs/stream-platform.json'", '[]', 'NaN'].map((v) => c(`the config is ${v}`, v, /config/)),
  c('the config is {}', '{}', /schema|product|currency|options/),
  c('schema: NaN', 'edit((c) => { c.schema = NaN; })', /schema/),
  c('product: NaN', 'edit((c) => { c.product = NaN; })', /product/),
  c('product: 3,000 characters', "edit((c) => { c.product = 'x'.repeat(3000); })", /product/),
  c('currency: "usd"', "edit((c) => { c.currency = 'usd'; })", /currency/),
  c('currency: 42', 'edit((c) => { c.currency = 42; })', /currency/),
  c("options: 'all'", "edit((c) => { c.options = 'all'; })", /options/),
  c('options: []', 'edit((c) => { c.options = []; })', /options/),
  ...['NaN', 'Infinity', "'600'", '-5', '1e308', 'null'].map((v) =>
    c(`per_seat: ${v}`, `edit((c) => { c.options[1].price.bands[0].per_seat = ${v}; })`, /options\[1\]\.price\.bands\[0\]\.per_seat/),
  ),
  c('up_to: NaN', 'edit((c) => { c.options[1].price.bands[0].up_to = NaN; })', /options\[1\]\.price\.bands\[0\]\.up_to/),
  c('bands: {}', 'edit((c) => { c.options[1].price.bands = {}; })', /options\[1\]\.price\.bands/),
  c('bands: 60 of them', 'edit((c) => { c.options[1].price.bands = Array.from({ length: 60 }, (_, i) => (i < 59 ? { up_to: i + 1, per_seat: 1 } : { per_seat: 1 })); })', /bands/),
  c('term discount: 2', 'edit((c) => { c.options[1].price.term_discounts[0].discount = 2; })', /discount/),
  c('availability: NaN', 'edit((c) => { c.options[2].availability = NaN; })', /availability/),
  c('requirements: 101 of them', "edit((c) => { c.requirements = Array.from({ length: 101 }, (_, i) => ({ id: 'r' + i, name: 'R' + i })); })", /requirements/),
  c('cta.url: javascript:', "edit((c) => { c.options[1].cta.url = 'javascript:alert(1)'; })", /cta\.url/),
  c('assumptions.engineer_cost: NaN', 'edit((c) => { c.assumptions.engineer_cost = NaN; })', /assumptions\.engineer_cost/),
  c('defaults.team_size: Infinity', 'edit((c) => { c.defaults.team_size = Infinity; })', /defaults\.team_size/),
  c('the config refers to itself', 'edit((c) => { c.options[1].price.self = c; })', /config/),
  c('the config nests 10,000 levels deep', deep('config'), /config/),
];

/** Options for mount() and handle.update(): the scenario fields and the widget's own. */
const OPTION_FIELDS = [
  ...NUMBER_GARBAGE.filter((v) => v !== 'null').map((v) => c(`team_size: ${v}`, `{ team_size: ${v} }`, /team_size/)),
  c('team_size: null', '{ team_size: null }', /team_size/),
  c('team_size: 2,000,000', '{ team_size: 2e6 }', /team_size/),
  c('scale: 0', '{ scale: 0 }', /scale/),
  c('scale: NaN', '{ scale: NaN }', /scale/),
  c('horizon: 11', '{ horizon: 11 }', /horizon/),
  c('team_growth: -Infinity', '{ team_growth: -Infinity }', /team_growth/),
  c("requirements: ['bogus']", "{ requirements: ['bogus'] }", /requirements/),
  c('requirements: 42', '{ requirements: 42 }', /requirements/),
  c("scenario: 'x'", "{ scenario: 'x' }", /scenario/),
  c('scenario: { team_size: NaN }', '{ scenario: { team_size: NaN } }', /team_size/),
  c("mode: 'bogus'", "{ mode: 'bogus' }", /mode/),
  c('mode: 42', '{ mode: 42 }', /mode/),
  c("theme: 'neon'", "{ theme: 'neon' }", /theme/),
  c('locale: 42', '{ locale: 42 }', /locale/),
  c("locale: ''", "{ locale: '' }", /locale/),
  c("persist: 'yes'", "{ persist: 'yes' }", /persist/),
  c('config: 42', '{ config: 42 }', /config/),
  c('config: []', '{ config: [] }', /config/),
];

/** Options whose problems show only once the config loads: for mount(), through `ready`. */
const MOUNT_ONLY = [
  c('config: a URL on another origin', "{ config: 'https://elsewhere.example/pricing.json' }", /config|this site/),
  c('config: javascript:', "{ config: 'javascript:alert(1)' }", /config|this site/),
  c("config: ''", "{ config: '' }", /config/),
  c('config: {}', '{ config: {} }', /schema|product|currency|options/),
  c('config with per_seat: NaN', '{ config: edit((c) => { c.options[1].price.bands[0].per_seat = NaN; }) }', /per_seat/),
  // Last: a locale Intl refuses reaches Intl.NumberFormat inside the wasm.
  c("locale: 'not a locale!!'", "{ locale: 'not a locale!!' }", /locale/),
];

/** Whole option arguments that are not an object. */
const NOT_OPTIONS = ['null', '42', "'team_size=40'", '[]', 'true'].map((v) => c(`options are ${v}`, v, /options|object/));

/** Things that are not an element, for mount(). */
const NOT_ELEMENTS = ['null', 'undefined', '{}', "'first'", 'document', "document.createTextNode('x')"].map((v) => c(`element is ${v}`, v, /element/));

/** Attributes of <tierwise-calculator>, as text. */
const ATTRIBUTES = [
  ...['NaN', 'Infinity', '-Infinity', '1e400', 'forty', '', '   ', '-5', '0', '1e308', '40 seats'].map((v) => c(`team-size="${v}"`, ['team-size', v], /team[-_]size/)),
  ...['0', 'NaN', '-1'].map((v) => c(`scale="${v}"`, ['scale', v], /scale/)),
  ...['bogus', 'sso,bogus'].map((v) => c(`requirements="${v}"`, ['requirements', v], /requirements/)),
  ...['bogus', ''].map((v) => c(`mode="${v}"`, ['mode', v], /mode/)),
  c('theme="neon"', ['theme', 'neon'], /theme/),
  // A locale Intl refuses reaches Intl.NumberFormat inside the wasm.
  c('locale="not a locale!!"', ['locale', 'not a locale!!'], /locale/),
  // Last: these replace the calculator with an error panel.
  c('config on another origin', ['config', 'https://elsewhere.example/pricing.json'], /config|this site/),
  c('config="javascript:alert(1)"', ['config', 'javascript:alert(1)'], /config|this site/),
];

let server;
before(async () => {
  server = await serve(DIST, () => ({}), { '/fixtures/garbage.html': PAGE });
});
after(async () => {
  await closeAll();
  await server?.close();
});

/**
 * A fresh page: #first mounted through the API with the stream-platform config, #second and
 * #third as elements. Page errors and every tierwise:* event are recorded.
 */
async function session() {
  const context = await launch();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && page.errors.push(m.text()));
  await page.addInitScript(
    ([config, settleMs, quietMs]) => {
      window.config = config;
      window.edit = (f) => {
        const copy = structuredClone(config);
        f(copy);
        return copy;
      };
      // A case's garbage arrives as source text, so NaN, functions, symbols, BigInt and cycles
      // reach the API as themselves rather than as what Playwright can serialize.
      window.value = (expr) => (0, eval)(`(${expr})`);
      window.describe = (e) => ({ kind: 'error', isError: e instanceof Error, name: e?.name, message: String(e?.message ?? e) });
      window.__events = [];
      for (const type of ['tierwise:ready', 'tierwise:change', 'tierwise:error']) {
        window.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail }));
      }
      // Everything a person reads as a figure: the verdict, the cards and the number fields.
      window.figures = (target) => {
        const root = (typeof target === 'string' ? document.getElementById(target) : target).shadowRoot;
        if (!root) return '';
        const texts = [...root.querySelectorAll('.verdict, .card')].map((n) => n.textContent);
        const inputs = [...root.querySelectorAll('input')].map((n) => n.value);
        return [...texts, ...inputs].join(' | ');
      };
      // mount() on a fresh element: a synchronous throw, or handle.ready settling in time.
      window.runMount = async (expr, target) => {
        const value = window.value(expr);
        const el = document.createElement('div');
        document.body.append(el);
        let handle;
        try {
          try {
            if (target === 'element') handle = window.api.mount(value, { config });
            else if (target === 'options') handle = window.api.mount(el, value);
            else handle = window.api.mount(el, { config, ...value });
          } catch (e) {
            return window.describe(e);
          }
          const hung = new Promise((resolve) => setTimeout(() => resolve({ kind: 'hung' }), settleMs));
          return await Promise.race([
            handle.ready.then(() => ({ kind: 'resolved', detail: `handle.ready resolved; it shows: ${window.figures(el) || 'nothing'}` }), window.describe),
            hung,
          ]);
        } finally {
          await window.quiet();
          handle?.destroy();
          el.remove();
        }
      };
      window.quiet = () => new Promise((r) => setTimeout(r, quietMs));
    },
    [stream, SETTLE_MS, MONTE_CARLO_DELAY_MS + 100],
  );
  await page.goto(server.url + '/fixtures/garbage.html');
  await page.waitForFunction(() => window.api && ['second', 'third'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.verdict')), null, { timeout: 20000 });
  await page.evaluate(async () => {
    window.first = window.api.mount(document.getElementById('first'), { config: window.config, mode: 'compact' });
    // A widget no case touches, to ask after each one whether widgets still answer.
    const probe = document.createElement('div');
    probe.id = 'probe';
    document.body.append(probe);
    window.probe = window.api.mount(probe, { config: window.config, mode: 'compact' });
    await Promise.all([window.first.ready, window.probe.ready]);
  });
  return { context, page };
}

/**
 * Whether the wasm still works: evaluate() computes, and a widget no case touched recomputes
 * on an update. (A trap does not always stop the instance; evaluate() alone can miss it.)
 */
async function healthy(page) {
  return page
    .evaluate(async () => {
      const r = await window.api.evaluate(window.config, { team_size: 12, scale: 3 });
      if (r.options.length !== 3) return false;
      const size = 11 + (window.__probes = (window.__probes ?? 0) + 1);
      const el = document.getElementById('probe');
      let on;
      const changed = new Promise((resolve) => {
        on = (e) => e.detail.scenario.team_size === size && resolve(true);
        el.addEventListener('tierwise:change', on);
        setTimeout(() => resolve(false), 2000);
      }).finally(() => el.removeEventListener('tierwise:change', on));
      window.probe.update({ team_size: size });
      return changed;
    })
    .catch(() => false);
}

/** Runs `run` (in the page) on each case as a subtest, on one page while the instance lives. */
async function eachCase(t, cases, run, check) {
  let s = await session();
  try {
    for (const item of cases) {
      await t.test(item.name, async () => {
        const errorsBefore = s.page.errors.length;
        const outcome = await s.page.evaluate(run, item.value);
        const alive = await healthy(s.page);
        const uncaught = s.page.errors.slice(errorsBefore);
        try {
          assert.deepEqual(uncaught, [], `uncaught exceptions (the outcome: ${outcome.kind}${outcome.message ? `: ${outcome.message}` : ''})`);
          assert.ok(alive, `widgets stopped working after this (the outcome: ${outcome.kind}${outcome.message ? `: ${outcome.message}` : ''})`);
          await check(s.page, item, outcome);
        } finally {
          if (!alive || uncaught.length) {
            // An exception thrown through the wasm can leave its state half-updated: later cases
            // get a fresh instance, so each failure is pinned on its own case.
            await s.context.close();
            s = await session();
          }
        }
      });
    }
  } finally {
    await s.context.close();
  }
}

/** An Error thrown, or a promise rejected with one, whose message names what is wrong. */
function assertClearError(item, outcome, how) {
  assert.notEqual(outcome.kind, 'hung', `${how} never settled (${SETTLE_MS} ms)`);
  assert.equal(outcome.kind, 'error', `expected an Error, got: ${outcome.kind}${outcome.detail ? ` (${outcome.detail})` : ''}`);
  assertClearWords(item, outcome);
  assert.ok(outcome.isError, `not an Error instance: ${outcome.name}: ${outcome.message}`);
}

/** A message that names what is wrong, in the words of the person who passed it. */
function assertClearWords(item, outcome) {
  assert.doesNotMatch(outcome.message, TRAP, `a trap, not a clear message: "${outcome.message}"`);
  assert.doesNotMatch(outcome.message, JARGON, `the machinery's words, not a clear message: "${outcome.message}"`);
  assert.match(outcome.message, item.names, `the message does not name what is wrong (${item.names}): "${outcome.message}"`);
}

test('evaluate(): a bad scenario is a rejected Error naming the field', async (t) => {
  await eachCase(
    t,
    SCENARIOS,
    async (expr) => {
      try {
        const r = await window.api.evaluate(window.config, window.value(expr));
        return { kind: 'returned', detail: JSON.stringify(r).slice(0, 120) };
      } catch (e) {
        return window.describe(e);
      }
    },
    (_page, item, outcome) => assertClearError(item, outcome, 'evaluate()'),
  );
});

test('evaluate(): a bad config is a rejected Error naming the field', async (t) => {
  await eachCase(
    t,
    CONFIGS,
    async (expr) => {
      try {
        const r = await window.api.evaluate(window.value(expr), { team_size: 40, scale: 6 });
        return { kind: 'returned', detail: JSON.stringify(r).slice(0, 120) };
      } catch (e) {
        return window.describe(e);
      }
    },
    (_page, item, outcome) => assertClearError(item, outcome, 'evaluate()'),
  );
});

test('mount(): a bad element or bad options throw, or reject handle.ready, with an Error naming the field', async (t) => {
  const check = (_page, item, outcome) => assertClearError(item, outcome, 'handle.ready');
  await eachCase(t, NOT_ELEMENTS, (expr) => window.runMount(expr, 'element'), check);
  await eachCase(t, NOT_OPTIONS, (expr) => window.runMount(expr, 'options'), check);
  await eachCase(t, [...OPTION_FIELDS, ...MOUNT_ONLY], (expr) => window.runMount(expr, 'fields'), check);
});

test('handle.update(): garbage throws an Error naming the field, and the last valid result stays', async (t) => {
  await eachCase(
    t,
    [...NOT_OPTIONS, ...OPTION_FIELDS, MOUNT_ONLY.at(-1)],
    async (expr) => {
      try {
        window.first.update(window.value(expr));
        return { kind: 'returned', detail: 'update() returned' };
      } catch (e) {
        return window.describe(e);
      } finally {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async (page, item, outcome) => {
      assertClearError(item, outcome, 'update()');
      const shown = await page.evaluate(() => window.figures('first'));
      assert.doesNotMatch(shown, /NaN|Infinity|undefined|∞/, `NaN on screen: ${shown}`);
      assert.match(shown, /pays off|costs least|Stay on the community edition|Close call between|fits/, `the verdict is gone: ${shown}`);
    },
  );
});

test('<tierwise-calculator> attributes: garbage fires tierwise:error naming the attribute, with no NaN on screen', async (t) => {
  await eachCase(
    t,
    ATTRIBUTES,
    async ([name, text]) => {
      const el = document.getElementById('third');
      const seen = window.__events.length;
      el.setAttribute(name, text);
      for (let i = 0; i < 60 && !window.__events.slice(seen).some((e) => e.type === 'tierwise:error' && e.id === 'third'); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const error = window.__events.slice(seen).find((e) => e.type === 'tierwise:error' && e.id === 'third');
      if (!error) return { kind: 'no event', detail: `no tierwise:error; shows: ${window.figures('third')}` };
      const { message, problems } = error.detail;
      // An event is not an Error, but carries the same words: message and problems together.
      return { kind: 'error', isError: true, message: [message, ...problems.map((p) => `${p.path}: ${p.message}`)].join('; ') };
    },
    async (page, item, outcome) => {
      assert.equal(outcome.kind, 'error', `expected a tierwise:error event: ${outcome.detail ?? outcome.kind}`);
      assertClearWords(item, outcome);
      const shown = await page.evaluate(() => window.figures('third'));
      assert.doesNotMatch(shown, /NaN|Infinity|undefined|∞/, `NaN on screen: ${shown}`);
    },
  );
});

test('<tierwise-calculator> created with garbage attributes reports them and shows no NaN', async (t) => {
  const fresh = ATTRIBUTES.filter((a) => a.value[0] !== 'config');
  await eachCase(
    t,
    fresh,
    async ([name, text]) => {
      const el = document.createElement('tierwise-calculator');
      el.id = 'fresh';
      el.setAttribute('config', '/configs/stream-platform.json');
      el.setAttribute('mode', 'compact');
      el.setAttribute(name, text);
      const seen = window.__events.length;
      document.body.append(el);
      try {
        for (let i = 0; i < 60 && !window.__events.slice(seen).some((e) => e.id === 'fresh' && e.type === 'tierwise:error'); i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
        const error = window.__events.slice(seen).find((e) => e.id === 'fresh' && e.type === 'tierwise:error');
        const shown = window.figures('fresh');
        if (!error) return { kind: 'no event', detail: `no tierwise:error; it shows: ${shown || 'nothing'}`, shown };
        const { message, problems } = error.detail;
        return { kind: 'error', isError: true, message: [message, ...problems.map((p) => `${p.path}: ${p.message}`)].join('; '), shown };
      } finally {
        await window.quiet();
        el.remove();
      }
    },
    async (_page, item, outcome) => {
      assert.equal(outcome.kind, 'error', `expected a tierwise:error event: ${outcome.detail ?? outcome.kind}`);
      assertClearWords(item, outcome);
      assert.doesNotMatch(outcome.shown, /NaN|Infinity|undefined|∞/, `NaN on screen: ${outcome.shown}`);
    },
  );
});

test('after the first widget got every kind of garbage, a second widget on the page keeps working', async () => {
  const { context, page } = await session();
  // Everything above, on one page, outcomes ignored: only what follows matters here.
  await page.evaluate(
    async ({ scenarios, configs, fields, mountOnly, notOptions, attributes }) => {
      const { value } = window;
      const ignore = async (f) => {
        try {
          await f();
        } catch {}
      };
      for (const s of scenarios) await ignore(() => window.api.evaluate(window.config, value(s)));
      for (const cfg of configs) await ignore(() => window.api.evaluate(value(cfg), { team_size: 40, scale: 6 }));
      // Not another config for #first: a config that fails to load rightly replaces its calculator.
      for (const o of [...notOptions, ...fields, mountOnly.at(-1)]) await ignore(() => window.first.update(value(o)));
      for (const o of [...fields, ...mountOnly]) {
        const el = document.createElement('div');
        document.body.append(el);
        // A ready that never settles is its own failure (above); here it must not stall the page.
        await ignore(() => Promise.race([window.api.mount(el, { config: window.config, ...value(o) }).ready, new Promise((r) => setTimeout(r, 300))]));
      }
      const third = document.getElementById('third');
      for (const [name, text] of attributes) {
        third.setAttribute(name, text);
        await new Promise((r) => setTimeout(r, 30));
      }
      await new Promise((r) => setTimeout(r, 500));
    },
    {
      scenarios: SCENARIOS.map((x) => x.value),
      configs: CONFIGS.map((x) => x.value),
      fields: OPTION_FIELDS.map((x) => x.value),
      mountOnly: MOUNT_ONLY.map((x) => x.value),
      notOptions: NOT_OPTIONS.map((x) => x.value),
      attributes: ATTRIBUTES.map((x) => x.value),
    },
  );
  const verdictOf = (id) => page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('.verdict')?.textContent ?? null, id);
  const trouble = () => `uncaught on the page: ${JSON.stringify([...new Set(page.errors)].slice(0, 8))}`;
  try {
    const before = await verdictOf('second');
    assert.match(before ?? '', /^Forgeline/);
    await page.locator('#second').getByRole('spinbutton', { name: 'Team size', exact: true }).fill('3000');
    await page
      .waitForFunction(() => window.__events.some((e) => e.id === 'second' && e.type === 'tierwise:change' && e.detail.scenario.team_size === 3000), null, { timeout: 5000 })
      .catch(() => assert.fail(`the second widget did not recompute for team size 3000; ${trouble()}`));
    await page
      .waitForFunction((b) => document.getElementById('second').shadowRoot.querySelector('.verdict')?.textContent !== b, before, { timeout: 5000 })
      .catch(() => assert.fail(`the second widget's verdict did not change; ${trouble()}`));
    assert.doesNotMatch(await page.evaluate(() => window.figures('second')), /NaN|Infinity|undefined|∞/);
    // The first widget and evaluate() still answer too.
    assert.ok(await healthy(page), `evaluate() or a fresh update stopped working; ${trouble()}`);
    await page.evaluate(() => window.first.update({ team_size: 77 })).catch((e) => assert.fail(`the first widget's update({ team_size: 77 }) threw: ${e.message.split('\n')[0]}; ${trouble()}`));
    await page
      .waitForFunction(() => window.__events.some((e) => e.type === 'tierwise:change' && e.detail.scenario.team_size === 77 && e.detail.result.options.length === 3), null, { timeout: 5000 })
      .catch(() => assert.fail(`the first widget did not recompute after the garbage; ${trouble()}`));
  } finally {
    await context.close();
  }
});

test('destroying a widget, or removing its element, right after a change traps nothing', async () => {
  const { context, page } = await session();
  try {
    await page.evaluate(async () => {
      // Monte Carlo is pending for 250 ms after mount and after every change.
      const el = document.createElement('div');
      document.body.append(el);
      const handle = window.api.mount(el, { config: window.config, mode: 'compact' });
      await handle.ready;
      handle.destroy();
      const other = document.createElement('div');
      document.body.append(other);
      const again = window.api.mount(other, { config: window.config, mode: 'compact' });
      await again.ready;
      await window.quiet();
      again.update({ team_size: 99 });
      again.destroy();
      const third = document.getElementById('third');
      third.setAttribute('team-size', '321');
      third.remove();
      await window.quiet();
      await window.quiet();
    });
    assert.deepEqual(page.errors, [], 'no uncaught exception (a trap is "unreachable")');
    assert.ok(await healthy(page), 'widgets still work');
  } finally {
    await context.close();
  }
});
