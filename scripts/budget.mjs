// The budgets of issues 5 and 12, checked against the built site: what the widget downloads,
// gzipped, and the engine's speed in wasm in headless Chromium. Prints a table; exits 1 naming
// each broken budget, 0 when all hold.
//
//   node scripts/budget.mjs            # against dist/
//   DIST=/some/dist node scripts/budget.mjs
//   node scripts/budget.mjs --ceiling compact=170000 --ceiling full=250000 --ceiling compact+full=400000
//
// Two downloads have budgets (issue 12): what a pricing page's compact calculator downloads
// (module, compact wasm, stylesheet) and everything a visitor has downloaded once the full
// calculator shows (the worse of its two ways in: `mode="full"` directly, or compact mode and
// then "compare all options"). One build split in two: the main wasm, and the full layout's
// chunk that a full calculator needs beside it; both ways into the full calculator download
// the same files, and each stays its own line so either can be held to its ceiling.
// Each download has its own name (compact, full, compact+full) for --ceiling.
// --ceiling NAME=N: a download over its budget but within N bytes is reported, not failed;
// over N fails. The test command uses it while a budget is not met, so neither download can
// grow unnoticed and the speed budgets are enforced meanwhile.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

/** The download budgets, gzip -9, in bytes. "100 KB" read strictly: 100,000 bytes, not 102,400. */
const SIZE_BUDGETS = { compact: 100_000, full: 160_000, 'compact+full': 160_000 };
const ceilings = {};
for (let i = 0; i < process.argv.length; i++) {
  if (process.argv[i] === '--size-ceiling') {
    console.error('--size-ceiling N is now --ceiling compact=N and --ceiling full=N (issue 12: two downloads, two budgets)');
    process.exit(2);
  }
  if (process.argv[i] !== '--ceiling') continue;
  const [name, bytes] = String(process.argv[i + 1]).split('=');
  const n = Number(bytes);
  if (!(name in SIZE_BUDGETS) || !Number.isInteger(n) || n < SIZE_BUDGETS[name]) {
    console.error(`--ceiling needs NAME=N, NAME one of ${Object.keys(SIZE_BUDGETS).join(', ')} and N a whole number of bytes of at least its budget, not ${process.argv[i + 1]}`);
    process.exit(2);
  }
  ceilings[name] = n;
}
/** One evaluation through the wasm API, in microseconds (median): `engine(config).evaluate(
 * scenario, COSTS)` reads and checks the scenario, computes every option's yearly lines, totals,
 * present cost, savings, ROI, payback and the recommendation (what the README's native
 * benchmarks call one evaluation), and hands them back as JS objects. The full Result (with the
 * winning intervals and sensitivity) is timed too, and printed, without a budget. */
const EVALUATION_BUDGET_US = 50;
/** One evaluation with 10,000 Monte Carlo draws, in milliseconds (median). */
const MONTE_CARLO_BUDGET_MS = 25;
const DRAWS = 10_000;

/** What a host page's browser fetches for the widget; the config is the host's own. */
const MODULE = 'widget/tierwise.js';
/** Every calculator's stylesheet, and the full calculator's rules over it. */
const STYLESHEET = 'widget/tierwise.css';
const FULL_STYLESHEET = 'widget/tierwise-full.css';
const MAIN_WASM = 'widget/wasm/tierwise_bg.wasm';
const CHUNK_WASM = 'widget/wasm/tierwise_full_bg.wasm';
const WIDGET_FILES = [MODULE, STYLESHEET, FULL_STYLESHEET, MAIN_WASM, CHUNK_WASM];
/** Each way of downloading the widget: the files it fetches. */
const DOWNLOADS = [
  { name: 'compact', label: 'compact (mode="compact")', files: [MODULE, MAIN_WASM, STYLESHEET] },
  { name: 'full', label: 'full (mode="full" or "present")', files: [MODULE, MAIN_WASM, CHUNK_WASM, STYLESHEET, FULL_STYLESHEET] },
  { name: 'compact+full', label: 'full from compact ("compare all options")', files: [MODULE, MAIN_WASM, STYLESHEET, CHUNK_WASM, FULL_STYLESHEET] },
];
/** The sample configs, each timed; the slowest counts against the budget. */
const CONFIGS = ['stream-platform', 'devtool-seats', 'framework-platform', 'usage-metrics'];
/** Single evaluations: warm-up calls, then SAMPLES timings of BATCH calls each (see below). */
const WARM_UP = 500;
const SAMPLES = 200;
const BATCH = 10;
/** Every config is measured in this many rounds, one config after another, and its best round
 * counts: on this shared VM a burst of other work (a build finishing, say) can slow a whole
 * round, and noise only ever adds time. Five, not three: a clean-clone run measured the
 * five-option sample at 49.5 µs best of three while runs minutes apart gave 39.5–44 µs. */
const ROUNDS = 5;
/** Monte Carlo: warm-up runs, then timed runs. */
const MC_WARM_UP = 2;
const MC_RUNS = 9;

const DIST = process.env.DIST ?? new URL('../dist/', import.meta.url).pathname;
const broken = [];

// ---- Size: gzip -9 with node's zlib, as a server or CDN would send it; brotli beside it.
function gzip(body) {
  return gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;
}
function brotli(body) {
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
const sizes = [];
for (const file of WIDGET_FILES) {
  try {
    const body = await readFile(join(DIST, file));
    sizes.push({ file, raw: body.length, gzip: gzip(body), brotli: brotli(body) });
  } catch (e) {
    sizes.push({ file, raw: null, gzip: null, brotli: null });
    broken.push(`${file} is missing from ${DIST} (${e.code ?? e.message})`);
  }
}
const sizeOf = (file) => sizes.find((s) => s.file === file);
for (const d of DOWNLOADS) {
  d.gzip = d.files.reduce((sum, f) => sum + (sizeOf(f).gzip ?? 0), 0);
  d.brotli = d.files.reduce((sum, f) => sum + (sizeOf(f).brotli ?? 0), 0);
}
// The other languages' words: fetched only by a calculator that speaks them, never by an
// English page (tests/e2e/languages.test.mjs checks the requests), so outside the total.
const catalogues = [];
for (const lang of ['de', 'fr', 'zh-CN']) {
  const file = `widget/messages/${lang}.json`;
  try {
    const body = await readFile(join(DIST, file));
    catalogues.push({ file, raw: body.length, gzip: gzip(body), brotli: brotli(body) });
  } catch (e) {
    broken.push(`${file} is missing from ${DIST} (${e.code ?? e.message})`);
  }
}
const notes = [];
for (const d of DOWNLOADS) {
  const budget = SIZE_BUDGETS[d.name];
  const ceiling = ceilings[d.name];
  if (d.gzip > (ceiling ?? budget)) {
    const limit = ceiling === undefined ? `the budget of ${fmt(budget)}` : `the ceiling of ${fmt(ceiling)} given with --ceiling ${d.name}=…`;
    broken.push(`download, ${d.label}: ${fmt(d.gzip)} bytes gzipped, over ${limit}`);
  } else if (d.gzip > budget) {
    notes.push(`download, ${d.label}: ${fmt(d.gzip)} bytes gzipped is over the budget of ${fmt(budget)}; held under the ceiling of ${fmt(ceiling)}, so not failed`);
  }
}

// ---- Speed: the engine in wasm, in headless Chromium.
// The page is cross-origin isolated (COOP + COEP), which gives performance.now() a 5 µs
// resolution instead of 100 µs; each single-evaluation sample still times a batch of BATCH
// calls and divides, so the clock's grain is at most 0.5 µs of a figure.
let engine = null;
let engineError = null;
try {
  engine = await measureEngine();
} catch (e) {
  engineError = e.message.split('\n')[0];
  broken.push(`engine speed could not be measured: ${engineError}`);
}
if (engine) {
  const worst = (key) => engine.configs.reduce((a, b) => (b[key] > a[key] ? b : a));
  const slowEval = worst('evaluationUs');
  const slowMc = worst('monteCarloMs');
  if (slowEval.evaluationUs > EVALUATION_BUDGET_US) {
    broken.push(`one evaluation: ${slowEval.evaluationUs.toFixed(1)} µs (${slowEval.config}), over the budget of ${EVALUATION_BUDGET_US} µs`);
  }
  if (slowMc.monteCarloMs > MONTE_CARLO_BUDGET_MS) {
    broken.push(`${fmt(DRAWS)} Monte Carlo draws: ${slowMc.monteCarloMs.toFixed(1)} ms (${slowMc.config}), over the budget of ${MONTE_CARLO_BUDGET_MS} ms`);
  }
  for (const c of engine.configs) {
    if (c.problem) broken.push(`${c.config}: ${c.problem}`);
  }
}

// ---- Report.
console.log(`Tierwise budgets, against ${DIST}\n`);
const size = (x) => (x === null ? 'missing' : fmt(x));
console.log(table(
  ['widget download', 'raw bytes', 'gzip -9 bytes', 'brotli -q 11 bytes'],
  [
    ...sizes.map((s) => [s.file, size(s.raw), size(s.gzip), size(s.brotli)]),
    ...DOWNLOADS.map((d) => [`total, ${d.label}`, fmt(d.files.reduce((sum, f) => sum + (sizeOf(f).raw ?? 0), 0)), fmt(d.gzip), fmt(d.brotli)]),
    ...catalogues.map((s) => [`${s.file} (on demand)`, fmt(s.raw), fmt(s.gzip), fmt(s.brotli)]),
  ],
));
console.log();
const verdict = (ok) => (ok ? 'ok' : 'OVER');
const rows = DOWNLOADS.map((d) => [`download, ${d.label}, gzip -9 (1 KB = 1,000 bytes)`, `${fmt(d.gzip)} B`, `≤ ${fmt(SIZE_BUDGETS[d.name])} B`, verdict(d.gzip <= SIZE_BUDGETS[d.name])]);
if (engine) {
  for (const c of engine.configs) {
    rows.push([`one evaluation, ${c.config}`, `${c.evaluationUs.toFixed(1)} µs`, `≤ ${EVALUATION_BUDGET_US} µs`, verdict(c.evaluationUs <= EVALUATION_BUDGET_US)]);
  }
  for (const c of engine.configs) {
    rows.push([`the full Result (with intervals, sensitivity), ${c.config}`, `${c.fullUs.toFixed(1)} µs`, '—', '']);
  }
  for (const c of engine.configs) {
    rows.push([`${fmt(DRAWS)} Monte Carlo draws, ${c.config}`, `${c.monteCarloMs.toFixed(1)} ms`, `≤ ${MONTE_CARLO_BUDGET_MS} ms`, verdict(c.monteCarloMs <= MONTE_CARLO_BUDGET_MS && !c.problem)]);
  }
} else {
  rows.push(['engine speed', 'not measured', '', 'FAILED']);
}
console.log(table(['budget', 'measured (best median)', 'budget', ''], rows));
if (engine) {
  console.log(
    `\nEngine: ${engine.api} in ${engine.browser}, cross-origin isolated: ${engine.isolated} ` +
      `(clock step ${(engine.clockStepMs * 1000).toFixed(1)} µs). Each figure is the best of ${ROUNDS} rounds. One evaluation: median of ${SAMPLES} samples, each the mean of ` +
      `${BATCH} calls, after ${WARM_UP} warm-up calls (rounds: ${engine.configs.map((c) => `${c.config} ${c.rounds.map((x) => x.toFixed(1)).join('/')} µs`).join('; ')}); ` +
      `Monte Carlo: median of ${MC_RUNS} runs after ${MC_WARM_UP} warm-up runs ` +
      `(runs: ${engine.configs.map((c) => `${c.config} ${c.monteCarloRuns.map((x) => x.toFixed(1)).join('/')} ms`).join('; ')}).`,
  );
}
for (const n of notes) console.log(`\nNot met: ${n}.`);
if (broken.length) {
  console.error(`\nBroken budget${broken.length > 1 ? 's' : ''}:`);
  for (const b of broken) console.error(`  - ${b}`);
  process.exit(1);
}
console.log(notes.length ? '\nEvery other budget holds.' : '\nEvery budget holds.');

/** Times the engine through the bundle's own API in a blank, cross-origin-isolated page. */
async function measureEngine() {
  const configs = {};
  for (const name of CONFIGS) configs[name] = JSON.parse(await readFile(join(DIST, 'configs', `${name}.json`), 'utf8'));
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget</title><link rel="icon" href="data:,"></head><body></body></html>';
  const server = await serve(DIST, () => isolated, { '/budget.html': page });
  const context = await launch();
  try {
    const tab = await context.newPage();
    await tab.goto(server.url + '/budget.html');
    const out = await tab.evaluate(
      async ({ configs, WARM_UP, SAMPLES, BATCH, MC_WARM_UP, MC_RUNS, DRAWS, ROUNDS }) => {
        const api = await import('/widget/tierwise.js');
        const median = (xs) => {
          const s = [...xs].sort((a, b) => a - b);
          return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        };
        let t0 = performance.now();
        let t1;
        do t1 = performance.now();
        while (t1 === t0);
        const rounds = [];
        for (let round = 0; round < ROUNDS; round++) for (const [name, config] of Object.entries(configs)) {
          // The engine as a calculator uses it: the config checked once (as when it loads),
          // then one evaluation per scenario, result handed back as JS objects.
          const engine = await api.engine(config);
          const COSTS = { wins: false, sensitivity: false };
          const call = (_, scenario) => engine.evaluate(scenario, COSTS);
          // Team sizes vary call to call, so nothing could be served from a cache.
          const scenario = (i) => ({ team_size: 20 + (i % 17), scale: 2 + (i % 5) });
          for (let i = 0; i < WARM_UP; i++) await call(config, scenario(i));
          const first = await call(config, scenario(0));
          let problem = null;
          if (!(first?.options?.length >= 2) || !first.options.every((o) => Number.isFinite(o.present_cost)) || !('recommended' in first) || first.monte_carlo != null) {
            problem = 'an evaluation did not return every option\'s costs and the recommendation, without Monte Carlo';
          }
          const timeBatches = (f) => {
            const perCall = [];
            for (let s = 0; s < SAMPLES; s++) {
              const start = performance.now();
              for (let i = 0; i < BATCH; i++) f(scenario(s * BATCH + i));
              perCall.push(((performance.now() - start) / BATCH) * 1000);
            }
            return perCall;
          };
          const perCall = timeBatches((sc) => call(config, sc));
          const fullUs = median(timeBatches((sc) => engine.evaluate(sc)));
          const mc = (seed) => ({ team_size: 40, scale: 6, monte_carlo: { draws: DRAWS, seed } });
          for (let i = 0; i < MC_WARM_UP; i++) await call(config, mc(i));
          const runs = [];
          for (let i = 0; i < MC_RUNS; i++) {
            const start = performance.now();
            const r = await call(config, mc(100 + i));
            runs.push(performance.now() - start);
            // The figure counts only if the simulation really ran DRAWS futures.
            const spread = r?.monte_carlo?.options ?? [];
            if (r?.monte_carlo?.draws !== DRAWS || spread.length < 2 || !spread.every((o) => [o.p10, o.p50, o.p90].every(Number.isFinite))) {
              problem = `the Monte Carlo result does not show ${DRAWS} draws (monte_carlo: ${JSON.stringify(r?.monte_carlo)?.slice(0, 80)})`;
            }
          }
          rounds.push({ config: name, evaluationUs: median(perCall), fullUs, monteCarloMs: median(runs), monteCarloRuns: runs, problem });
          engine.free();
        }
        // Per config, the best round: the machine's noise only ever adds time.
        const results = Object.keys(configs).map((name) => {
          const mine = rounds.filter((r) => r.config === name);
          const best = (key) => mine.reduce((a, b) => (b[key] < a[key] ? b : a));
          const mc = best('monteCarloMs');
          return {
            config: name,
            evaluationUs: best('evaluationUs').evaluationUs,
            fullUs: best('fullUs').fullUs,
            monteCarloMs: mc.monteCarloMs,
            monteCarloRuns: mc.monteCarloRuns,
            problem: mine.find((r) => r.problem)?.problem ?? null,
            rounds: mine.map((r) => r.evaluationUs),
          };
        });
        return { api: 'engine(config).evaluate(scenario, { wins: false, sensitivity: false })', isolated: crossOriginIsolated, clockStepMs: t1 - t0, configs: results, browser: navigator.userAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent };
      },
      { configs, WARM_UP, SAMPLES, BATCH, MC_WARM_UP, MC_RUNS, DRAWS, ROUNDS },
    );
    return out;
  } finally {
    await context.close();
    await server.close();
  }
}

function fmt(n) {
  return n.toLocaleString('en-US');
}

/** A plain text table, columns padded; numbers right-aligned. */
function table(head, rows) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
