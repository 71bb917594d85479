// The split build (issue 12): a compact calculator downloads the main wasm alone; "compare all
// options", or another mode, brings in the full layout's chunk and shows it in place, with the
// scenario as it is; a full or presenter calculator downloads both, once; the engine API needs
// the main wasm only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { closeAll, DIST, launch, visit as visitPage } from './browser.mjs';

/** A message id of the full layout's (src/model/messages/en.rs, `EN_FULL`): what a message
 * shows when its words are not there. */
const FULL_ID = /\b(?:math|chart|compare|toolbar|report|card|lines?|assumptions|treatment|charge)\.[a-z_]+|\bassumption\.[a-z_]+\.(?:source|per)\b/;
const MAIN = '/widget/wasm/tierwise_bg.wasm';
const CHUNK = '/widget/wasm/tierwise_full_bg.wasm';

const page = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Builds</title><link rel="icon" href="data:,">` +
  `<script type="module" src="/widget/tierwise.js"></script></head><body><h1>Builds</h1>${body}</body></html>`;
const FIXTURES = {
  '/compact.html': page('<tierwise-calculator config="/configs/devtool-seats.json" mode="compact" team-size="80" scale="6" requirements="sso"></tierwise-calculator>'),
  '/full.html': page('<tierwise-calculator config="/configs/devtool-seats.json" team-size="80"></tierwise-calculator>'),
  '/present.html': page('<tierwise-calculator config="/configs/devtool-seats.json" mode="present"></tierwise-calculator>'),
  '/blank.html': page('<div id="target"></div>'),
  '/room.html': page(
    '<tierwise-calculator config="/configs/devtool-seats.json" mode="compact"></tierwise-calculator><p id="below">Below</p>' +
      '<tierwise-calculator id="lazy" config="/configs/devtool-seats.json" loading="lazy"></tierwise-calculator>' +
      '<tierwise-calculator id="broken" config="/configs/missing.json" mode="compact"></tierwise-calculator>',
  ),
};

let server;
before(async () => {
  server = await serve(DIST, () => ({}), FIXTURES);
});
after(async () => {
  await closeAll();
  await server?.close();
});

function visit(path) {
  const init = () => {
    window.__events = [];
    for (const type of ['tierwiseready', 'tierwisechange', 'tierwiseerror']) {
      window.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  };
  return visitPage(server.url + path, { init });
}
const wasmRequests = (p) => p.requests.map((u) => new URL(u).pathname).filter((u) => u.endsWith('.wasm'));
const cssRequests = (p) => p.requests.map((u) => new URL(u).pathname).filter((u) => u.startsWith('/widget/') && u.endsWith('.css'));
const BASE_CSS = '/widget/tierwise.css';
const FULL_CSS = '/widget/tierwise-full.css';
const count = (p, type) => p.evaluate((t) => window.__events.filter((e) => e.type === t).length, type);
const until = (p, type, n = 1) => p.waitForFunction(([t, k]) => window.__events.filter((e) => e.type === t).length >= k, [type, n], { timeout: 20000 });

test('compact mode downloads the main wasm alone; pointing at "compare all options" fetches the full layout\'s chunk', async () => {
  const { context, page } = await visit('/compact.html');
  await until(page, 'tierwisechange');
  const widget = page.locator('tierwise-calculator');
  await page.waitForTimeout(300);
  assert.deepEqual(wasmRequests(page), [MAIN]);
  // And the stylesheet every calculator needs, not the full calculator's.
  assert.deepEqual(cssRequests(page), [BASE_CSS]);
  await widget.getByRole('button', { name: 'Compare all options' }).hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/tierwise_full_bg.wasm')));
  assert.deepEqual(wasmRequests(page), [MAIN, CHUNK]);
  // Fetched, not shown: the compact calculator is still the one on screen.
  assert.equal(await widget.locator('.card').count(), 0);
  // Every word it shows is its own: none is a message id of the full layout's, whose words
  // are not here (they come with the chunk).
  assert.doesNotMatch(await page.evaluate(() => document.querySelector('tierwise-calculator').shadowRoot.textContent), FULL_ID);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the full layout's English is in the chunk's file, not the main wasm's", async () => {
  const sections = async (path) => WebAssembly.Module.customSections(new WebAssembly.Module(await readFile(join(DIST, path))), 'tierwise_en_full');
  assert.equal((await sections(MAIN)).length, 0);
  const [words] = await sections(CHUNK);
  const texts = new TextDecoder().decode(words).split('\n');
  assert.ok(texts.includes('Expected present cost') && texts.includes('{option}, {line}, year {year}: {amount}. Show the math'), texts.slice(0, 5).join(' | '));
});

test('"compare all options" brings in the full calculator with the scenario, focus and events kept', async () => {
  const { context, page } = await visit('/compact.html');
  await until(page, 'tierwisechange');
  const widget = page.locator('tierwise-calculator');
  await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).fill('95');
  await widget.getByRole('spinbutton', { name: 'Deployment scale', exact: true }).fill('9');
  await until(page, 'tierwisechange', 3);
  const before = await page.evaluate(() => document.querySelector('tierwise-calculator').scenario);
  await widget.getByRole('button', { name: 'Compare all options' }).press('Enter');
  await widget.locator('.card').first().waitFor();
  // Shown styled: the full calculator's stylesheet came in with its chunk, after the base one.
  assert.deepEqual(cssRequests(page), [BASE_CSS, FULL_CSS]);
  assert.equal(await widget.locator('.layout').evaluate((e) => getComputedStyle(e).display), 'grid');
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelector('tierwise-calculator').shadowRoot.querySelectorAll('link')].map((l) => new URL(l.href).pathname)),
    [BASE_CSS, FULL_CSS],
  );
  // Every sentence filled in: no message shows a raw placeholder (`{option}`), and the full
  // layout's own words came with its chunk (an id shows where a message has no words).
  const shown = await page.evaluate(() => document.querySelector('tierwise-calculator').shadowRoot.textContent);
  assert.doesNotMatch(shown, /\{[a-z_]+\}/);
  assert.doesNotMatch(shown, FULL_ID);
  assert.match(shown, /Expected present cost/);
  // The scenario as it was, not the attributes' 80 and 6: team, scale, the requirement.
  const after = await page.evaluate(() => document.querySelector('tierwise-calculator').scenario);
  assert.deepEqual(after, before);
  assert.equal(after.team_size, 95);
  assert.equal(after.scale, 9);
  assert.deepEqual(after.requirements, ['sso']);
  assert.equal(await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).inputValue(), '95');
  assert.equal(await widget.getByRole('checkbox', { name: /SAML single sign-on/ }).isChecked(), true);
  // One calculator in the shadow root, the full one, and the compact layout is gone.
  assert.equal(await page.evaluate(() => document.querySelector('tierwise-calculator').shadowRoot.querySelectorAll('[part="container"]').length), 1);
  assert.equal(await widget.getByRole('button', { name: 'Compare all options' }).count(), 0);
  // Focus went with the visitor into the full calculator, not back to the page.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TIERWISE-CALCULATOR');
  assert.equal(await page.evaluate(() => document.querySelector('tierwise-calculator').shadowRoot.activeElement?.classList.contains('tierwise')), true);
  // The element's API and events go on (ready came once: the calculator is the same one);
  // nothing was downloaded twice.
  assert.equal(await count(page, 'tierwiseready'), 1);
  assert.deepEqual(wasmRequests(page), [MAIN, CHUNK]);
  const changes = await count(page, 'tierwisechange');
  await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).fill('120');
  await until(page, 'tierwisechange', changes + 1);
  assert.equal(await page.evaluate(() => document.querySelector('tierwise-calculator').result.options.length), 5);
  assert.equal(await page.evaluate(() => document.querySelector('tierwise-calculator').scenario.team_size), 120);
  await page.evaluate(() => (document.querySelector('tierwise-calculator').teamSize = 33));
  await page.waitForFunction(() => document.querySelector('tierwise-calculator').scenario.team_size === 33);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a full or presenter calculator downloads the main wasm and the chunk, each once', async () => {
  for (const path of ['/full.html', '/present.html']) {
    const { context, page } = await visit(path);
    await until(page, 'tierwisechange');
    await page.locator('tierwise-calculator .card').first().waitFor();
    assert.deepEqual(wasmRequests(page).sort(), [MAIN, CHUNK], path);
    assert.deepEqual(cssRequests(page), [BASE_CSS, FULL_CSS], path);
    assert.deepEqual(page.errors, [], path);
    await context.close();
  }
});

test('the mode attribute: leaving compact mode brings in the chunk; going back and forth loads nothing more', async () => {
  const { context, page } = await visit('/compact.html');
  await until(page, 'tierwisechange');
  const widget = page.locator('tierwise-calculator');
  await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).fill('42');
  await page.waitForFunction(() => document.querySelector('tierwise-calculator').scenario.team_size === 42);
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('mode', 'present'));
  await widget.locator('.tierwise.present').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('tierwise-calculator').scenario.team_size), 42);
  // Back to compact: no download, no reload.
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('mode', 'compact'));
  await widget.locator('.tierwise.compact').waitFor();
  assert.equal(await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).inputValue(), '42');
  // There, "compare all options" opens the full layout in place.
  await widget.getByRole('button', { name: 'Compare all options' }).click();
  await widget.locator('.card').first().waitFor();
  // Removing the attribute is the full mode.
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('mode', 'present'));
  await widget.locator('.tierwise.present').waitFor();
  await page.evaluate(() => document.querySelector('tierwise-calculator').removeAttribute('mode'));
  await page.waitForFunction(() => !document.querySelector('tierwise-calculator').shadowRoot.querySelector('.tierwise.present'));
  assert.equal(await widget.locator('.tierwise.compact').count(), 0);
  assert.deepEqual(wasmRequests(page), [MAIN, CHUNK]);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('mount(): mode through update() and reset; a bad mode is refused; destroy while the chunk loads', async () => {
  const { context, page } = await visit('/blank.html');
  const out = await page.evaluate(async () => {
    const { mount } = await import('/widget/tierwise.js');
    const target = document.getElementById('target');
    const h = mount(target, { config: '/configs/stream-platform.json', mode: 'compact', team_size: 30 });
    await h.ready;
    let refused = null;
    try {
      h.update({ mode: 'wide' });
    } catch (e) {
      refused = `${e.problems?.[0]?.path}: ${e.message}`;
    }
    const shown = (selector) =>
      new Promise((resolve) => {
        const poll = () => (target.shadowRoot.querySelector(selector) ? resolve() : requestAnimationFrame(poll));
        poll();
      });
    h.update({ mode: 'full', team_size: 31 });
    await shown('.card');
    const afterFull = h.scenario.team_size;
    // Another calculator, destroyed while its full layout would be coming in.
    const other = document.createElement('div');
    document.body.append(other);
    const h2 = mount(other, { config: '/configs/stream-platform.json', mode: 'compact' });
    await h2.ready;
    h2.update({ mode: 'present' });
    h2.destroy();
    await new Promise((r) => setTimeout(r, 500));
    return { refused, afterFull, leftovers: other.shadowRoot.childElementCount, cards: target.shadowRoot.querySelectorAll('.card').length };
  });
  assert.match(out.refused, /^options\.mode: .*"wide".*full.*compact.*present/);
  assert.equal(out.afterFull, 31);
  assert.equal(out.leftovers, 0);
  assert.ok(out.cards >= 3);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('engine() and evaluate() need the main wasm alone', async () => {
  const { context, page } = await visit('/blank.html');
  const out = await page.evaluate(async () => {
    const { engine, evaluate } = await import('/widget/tierwise.js');
    const config = await (await fetch('/configs/stream-platform.json')).json();
    const e = await engine(config);
    const a = e.evaluate({ team_size: 40, scale: 3 }).recommended;
    const b = (await evaluate(config, { team_size: 40, scale: 3 })).recommended;
    e.free();
    return { a, b };
  });
  assert.equal(out.a, out.b);
  assert.deepEqual(wasmRequests(page), [MAIN]);
  await context.close();
});

test('a loading calculator keeps room, so the page below never jumps back; a lazy one waits for the eager one', async () => {
  const context = await launch();
  const page = await context.newPage();
  // The main wasm is held back until the test lets it through.
  let release;
  const held = new Promise((r) => (release = r));
  await context.route('**' + MAIN, async (route) => {
    await held;
    await route.continue();
  });
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.goto(server.url + '/room.html');
  const below = () => page.locator('#below').evaluate((e) => e.getBoundingClientRect().top);
  const room = (id) => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[part=container]').style.minHeight, id);
  await page.waitForFunction(() => document.querySelector('tierwise-calculator').shadowRoot?.querySelector('[part=container]'));
  // While its wasm loads: 25rem kept, and the lazy calculator in view has not started.
  assert.equal(await room('tierwise-calculator'), '25rem');
  const loading = await below();
  assert.ok(loading >= 400, `the element below starts ${loading} px down`);
  await page.waitForTimeout(500);
  assert.deepEqual(wasm, [MAIN]);
  release();
  await page.locator('tierwise-calculator').first().locator('.verdict').waitFor();
  // Shown: the room is given back, and the calculator only grew.
  assert.equal(await room('tierwise-calculator'), '');
  assert.ok((await below()) >= loading, 'the page below moved up when the calculator showed');
  // A config that cannot load gives its room back too, for the error panel.
  await page.locator('#broken').locator('[role=alert]').waitFor();
  assert.equal(await room('#broken'), '');
  // The lazy one started after the eager ones, and shows.
  await page.locator('#lazy').locator('.card').first().waitFor();
  assert.deepEqual(wasm, [MAIN, CHUNK]);
  await context.close();
});
