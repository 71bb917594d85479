// <tierwise-calculator> as a platform element: properties, events, moves, remounts, errors,
// the module's exports, importing it on a server, and the Custom Elements Manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { closeAll, DIST, launch, visit as visitPage } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url);
const stream = JSON.parse(await readFile(new URL('public/configs/stream-platform.json', ROOT), 'utf8'));
const manifest = JSON.parse(await readFile(new URL('widget/custom-elements.json', `file://${DIST}/`), 'utf8'));
const EVENTS = ['tierwiseready', 'tierwisechange', 'tierwisecta', 'tierwiseerror'];

const page = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element</title><link rel="icon" href="data:,">${head}` +
  `<script type="module" src="/widget/tierwise.js"></script></head><body><h1>Element</h1>${body}</body></html>`;

const css = await readFile(new URL('widget/tierwise.css', `file://${DIST}/`));
const fullCss = await readFile(new URL('widget/tierwise-full.css', `file://${DIST}/`));
const FIXTURES = {
  '/element.html': page('<div id="a"><tierwise-calculator config="/configs/stream-platform.json" team-size="80"></tierwise-calculator></div><div id="b"></div>'),
  // Properties set by a framework before the module defines the element.
  '/early.html': page(
    '<div id="host"></div>',
    `<script>const e = document.createElement('tierwise-calculator'); e.teamSize = 77; e.requirements = ['sso']; e.config = '/configs/stream-platform.json';` +
      ` document.addEventListener('DOMContentLoaded', () => document.getElementById('host').append(e));</script>`,
  ),
  '/blank.html': page('<div id="target"></div>'),
  '/missing.html': page('<tierwise-calculator config="/configs/missing.json" mode="compact"></tierwise-calculator>'),
};

let server, tamperedCss, tamperedFullCss;
/** `body` with one byte changed near its end. */
const tampered = (body) => {
  const changed = Buffer.from(body);
  changed[changed.length - 2] ^= 0x01;
  return changed;
};
before(async () => {
  server = await serve(DIST, () => ({}), FIXTURES);
  tamperedCss = await serve(DIST, () => ({}), { ...FIXTURES, '/widget/tierwise.css': tampered(css) });
  tamperedFullCss = await serve(DIST, () => ({}), { ...FIXTURES, '/widget/tierwise-full.css': tampered(fullCss) });
});
after(async () => {
  await closeAll();
  await server?.close();
  await tamperedCss?.close();
  await tamperedFullCss?.close();
});

/** Opens `path`, recording every tierwise event in order (both names) and page errors. */
function visit(path, base = server.url) {
  const init = (names) => {
    window.__events = [];
    for (const type of [...names, ...names.map((n) => n.replace('tierwise', 'tierwise:'))]) {
      window.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  };
  return visitPage(base + path, { init, arg: EVENTS });
}
const count = (p, type) => p.evaluate((t) => window.__events.filter((e) => e.type === t).length, type);
const until = (p, type, n = 1) => p.waitForFunction(([t, k]) => window.__events.filter((e) => e.type === t).length >= k, [type, n], { timeout: 20000 });

test('events: every name also fires as its tierwise: alias, ready comes first, and a late listener reads the latest result', async () => {
  const { context, page } = await visit('/element.html');
  await until(page, 'tierwisechange');
  const order = await page.evaluate(() => window.__events.map((e) => e.type));
  assert.deepEqual(order.slice(0, 4), ['tierwiseready', 'tierwise:ready', 'tierwisechange', 'tierwise:change']);
  const late = await page.evaluate(() => {
    const el = document.querySelector('tierwise-calculator');
    return { recommended: el.result.recommended, team: el.scenario.team_size, options: el.result.options.length };
  });
  assert.equal(late.team, 80);
  assert.equal(late.options, stream.options.length);
  assert.equal(typeof late.recommended, 'string');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('properties mirror attributes; removing one returns to the config default', async () => {
  const { context, page } = await visit('/element.html');
  await page.evaluate(() => document.querySelector('tierwise-calculator').ready);
  const step = (f) =>
    page.evaluate(async (body) => {
      const el = document.querySelector('tierwise-calculator');
      const changed = new Promise((r) => el.addEventListener('tierwisechange', r, { once: true }));
      new Function('el', body)(el);
      await changed;
      return { scenario: el.scenario, attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])), teamSize: el.teamSize, requirements: el.requirements };
    }, f);
  let s = await step('el.teamSize = 120');
  assert.equal(s.attrs['team-size'], '120');
  assert.equal(s.scenario.team_size, 120);
  assert.equal(s.teamSize, 120);
  s = await step("el.requirements = ['sso', 'audit_log']");
  assert.equal(s.attrs.requirements, 'sso,audit_log');
  assert.deepEqual(s.requirements, ['sso', 'audit_log']);
  assert.deepEqual(s.scenario.requirements, ['sso', 'audit_log']);
  // The matrix shows what is required, ticked and unticked from outside (the checkboxes'
  // property, not only their attribute).
  const ticked = () => [...document.querySelector('tierwise-calculator').shadowRoot.querySelectorAll('input[type="checkbox"]:checked')].map((i) => i.id).join();
  const showsTicked = (want) => page.waitForFunction(`(${ticked})() === ${JSON.stringify(want)}`, null, { timeout: 5000 });
  await showsTicked('tw-req-sso,tw-req-audit_log');
  s = await step("el.requirements = ['scim']");
  assert.deepEqual(s.scenario.requirements, ['scim']);
  await showsTicked('tw-req-scim');
  // A box the visitor ticked is unticked too: setting `checked` marks it dirty, as a person's
  // tick does, so its checkedness no longer follows its attribute.
  s = await step("const b = el.shadowRoot.querySelector('#tw-req-sso'); b.checked = true; b.dispatchEvent(new Event('input', { bubbles: true }))");
  assert.deepEqual(s.scenario.requirements, ['sso', 'scim']);
  s = await step("el.requirements = ['scim', 'soc2']");
  await showsTicked('tw-req-scim,tw-req-soc2');
  s = await step('el.teamSize = null');
  assert.equal(s.attrs['team-size'], undefined);
  assert.equal(s.scenario.team_size, stream.defaults.team_size, 'back to the config default');
  s = await step("el.removeAttribute('requirements')");
  assert.deepEqual(s.scenario.requirements, stream.defaults.requirements ?? []);
  await showsTicked((stream.defaults.requirements ?? []).map((r) => `tw-req-${r}`).join());
  s = await step("el.setAttribute('scale', '9')");
  assert.equal(s.scenario.scale, 9);
  s = await step("el.removeAttribute('scale')");
  assert.equal(s.scenario.scale, stream.defaults.scale);
  // mode, theme: properties too.
  const look = await page.evaluate(async () => {
    const el = document.querySelector('tierwise-calculator');
    el.mode = 'compact';
    el.theme = 'dark';
    await new Promise((r) => requestAnimationFrame(r));
    const root = el.shadowRoot.querySelector('.tierwise');
    const compact = root.classList.contains('compact');
    const theme = root.dataset.theme;
    el.mode = null;
    el.theme = null;
    await new Promise((r) => requestAnimationFrame(r));
    return { compact, theme, after: [root.classList.contains('compact'), root.dataset.theme, el.mode] };
  });
  assert.deepEqual(look, { compact: true, theme: 'dark', after: [false, 'auto', null] });
  // A config object as a property.
  const product = { ...structuredClone(stream), product: 'Object Config Co' };
  const shown = await page.evaluate(async (config) => {
    const el = document.querySelector('tierwise-calculator');
    const ready = new Promise((r) => el.addEventListener('tierwisechange', r, { once: true }));
    el.config = config;
    await ready;
    return { same: el.config === config, text: el.shadowRoot.textContent.includes('Object Config Co') };
  }, product);
  assert.deepEqual(shown, { same: true, text: true });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('while its config loads, a calculator says so in a status line, gone once it shows', async () => {
  const context = await launch();
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/configs/stream-platform.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url + '/element.html');
  const status = page.locator('tierwise-calculator p.loading[role="status"]');
  await status.waitFor();
  assert.equal(await status.textContent(), 'Loading the pricing config…');
  release();
  await page.locator('tierwise-calculator .verdict').waitFor();
  assert.equal(await status.count(), 0);
  await context.close();
});

test('a config that comes with the wasm: no loading line flashes, and tierwiseready comes once the verdict is on screen', async () => {
  const context = await launch();
  const page = await context.newPage();
  // From the page's first moment: what is ever added to the element's shadow root, when the
  // verdict is first seen in an animation frame (before that frame's paint), and when
  // tierwiseready comes.
  await page.addInitScript(() => {
    window.__log = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.querySelector?.('p.loading') || n.matches?.('p.loading')) window.__log.push('loading');
      }).observe(root, { childList: true, subtree: true });
      return root;
    };
    const poll = () => {
      if (document.querySelector('tierwise-calculator')?.shadowRoot?.querySelector('.verdict')?.textContent) return window.__log.push('verdict in a frame');
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    addEventListener('tierwiseready', () => window.__log.push('ready'));
  });
  await page.goto(server.url + '/element.html');
  await page.waitForFunction(() => window.__log.includes('ready'), null, { timeout: 20000 });
  assert.deepEqual(await page.evaluate(() => window.__log), ['verdict in a frame', 'ready']);
  await context.close();
});

test('a config fetched early that answers 404 is refused by name, as a later one is', async () => {
  const { context, page } = await visit('/missing.html');
  await until(page, 'tierwiseerror');
  const { problems } = (await page.evaluate(() => window.__events.find((e) => e.type === 'tierwiseerror'))).detail;
  assert.equal(problems.length, 1);
  assert.equal(problems[0].path, 'config');
  assert.match(problems[0].message, /\/configs\/missing\.json answered HTTP 404/);
  await context.close();
});

test('properties set before the element is defined are kept', async () => {
  const { context, page } = await visit('/early.html');
  const s = await page.evaluate(async () => {
    const el = document.querySelector('tierwise-calculator');
    await el.ready;
    return { scenario: el.scenario, own: Object.prototype.hasOwnProperty.call(el, 'teamSize') };
  });
  assert.equal(s.scenario.team_size, 77);
  assert.deepEqual(s.scenario.requirements, ['sso']);
  assert.equal(s.own, false, 'the instance property became the element property');
  await context.close();
});

test('moving the element keeps its state; a second mount() replaces the first', async () => {
  const { context, page } = await visit('/element.html');
  const moved = await page.evaluate(async () => {
    const el = document.querySelector('tierwise-calculator');
    await el.ready;
    const changed = new Promise((r) => el.addEventListener('tierwisechange', r, { once: true }));
    el.update({ team_size: 33 });
    await changed;
    const input = el.shadowRoot.querySelector('input[type=number]');
    document.getElementById('b').append(el);
    await new Promise((r) => setTimeout(r, 300));
    return {
      team: el.scenario?.team_size,
      sameInput: el.shadowRoot.querySelector('input[type=number]') === input,
      readies: window.__events.filter((e) => e.type === 'tierwiseready').length,
    };
  });
  assert.deepEqual(moved, { team: 33, sameInput: true, readies: 1 });
  // Removed for good: torn down.
  const removed = await page.evaluate(async () => {
    const el = document.querySelector('tierwise-calculator');
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return { result: el.result, children: el.shadowRoot.childElementCount };
  });
  assert.deepEqual(removed, { result: null, children: 0 });

  const remount = await page.evaluate(async () => {
    const { mount } = await import('/widget/tierwise.js');
    const target = document.createElement('div');
    document.body.append(target);
    const first = mount(target, { config: '/configs/stream-platform.json', team_size: 11 });
    await first.ready;
    const second = mount(target, { config: '/configs/stream-platform.json', team_size: 22 });
    await second.ready;
    let refused = '';
    try {
      first.update({ team_size: 5 });
    } catch (e) {
      refused = e.message;
    }
    return { roots: target.shadowRoot.querySelectorAll('.tierwise').length, team: second.scenario.team_size, refused, firstResult: first.result };
  });
  assert.deepEqual(remount, { roots: 1, team: 22, refused: 'Tierwise: this widget was destroyed', firstResult: null });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('tierwiseerror always lists its problems: a bad attribute, an unusable config, a failed stylesheet', async () => {
  const { context, page } = await visit('/element.html');
  await until(page, 'tierwiseready');
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('team-size', 'many'));
  await until(page, 'tierwiseerror');
  const bad = (await page.evaluate(() => window.__events.filter((e) => e.type === 'tierwiseerror')))[0].detail;
  assert.equal(bad.problems.length, 1);
  assert.equal(bad.problems[0].path, 'team_size');
  assert.match(bad.message, /team_size/);
  // A config URL that answers 404: one problem at `config`.
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('config', '/configs/missing.json'));
  await until(page, 'tierwiseerror', 2);
  const missing = (await page.evaluate(() => window.__events.filter((e) => e.type === 'tierwiseerror')))[1].detail;
  assert.equal(missing.problems.length, 1);
  assert.equal(missing.problems[0].path, 'config');
  assert.match(missing.problems[0].message, /missing\.json/);
  await context.close();

  const css = await visit('/element.html', tamperedCss.url);
  await until(css.page, 'tierwiseerror');
  const detail = (await css.page.evaluate(() => window.__events.filter((e) => e.type === 'tierwiseerror')))[0].detail;
  assert.match(detail.message, /could not load its stylesheet: http:\/\/127\.0\.0\.1:\d+\/widget\/tierwise\.css does not match the integrity hash/);
  assert.match(detail.problems[0].path, /\/widget\/tierwise\.css$/);
  await css.context.close();

  // The full calculator's own stylesheet is checked the same way.
  const full = await visit('/element.html', tamperedFullCss.url);
  await until(full.page, 'tierwiseerror');
  const fullDetail = (await full.page.evaluate(() => window.__events.filter((e) => e.type === 'tierwiseerror')))[0].detail;
  assert.match(fullDetail.message, /could not load its stylesheet: http:\/\/127\.0\.0\.1:\d+\/widget\/tierwise-full\.css does not match the integrity hash/);
  assert.match(fullDetail.problems[0].path, /\/widget\/tierwise-full\.css$/);
  await full.context.close();
});

test('the module exports only the documented API, and importing it on a server does nothing', async () => {
  const { context, page } = await visit('/blank.html');
  const keys = await page.evaluate(async () => Object.keys(await import('/widget/tierwise.js')).sort());
  assert.deepEqual(keys, ['engine', 'evaluate', 'mount', 'version']);
  await context.close();
  // Node has no HTMLElement or customElements: the import must not touch them.
  assert.equal(typeof globalThis.HTMLElement, 'undefined');
  const module = await import(new URL('widget/tierwise.js', `file://${DIST}/`).href);
  assert.deepEqual(Object.keys(module).sort(), ['engine', 'evaluate', 'mount', 'version']);
  assert.throws(() => module.mount({}), /mount\(\) needs an HTML element/);
});

test('the README recipe: an import map holding the hash, then a dynamic import of the URL, runs only the checked module', async () => {
  const { createHash } = await import('node:crypto');
  const bundle = await readFile(new URL('widget/tierwise.js', `file://${DIST}/`));
  const good = 'sha384-' + createHash('sha384').update(bundle).digest('base64');
  const bad = 'sha384-' + createHash('sha384').update('another build').digest('base64');
  const recipe = (hash) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recipe</title><link rel="icon" href="data:,">` +
    `<script type="importmap">${JSON.stringify({ integrity: { '/widget/tierwise.js': hash } })}</script></head><body><h1>Recipe</h1>` +
    `<script type="module">import('/widget/tierwise.js').then((m) => (window.__loaded = typeof m.mount), (e) => (window.__loaded = 'refused'));</script></body></html>`;
  const recipes = await serve(DIST, () => ({}), { '/good.html': recipe(good), '/bad.html': recipe(bad) });
  try {
    for (const [path, expected] of [['/good.html', 'function'], ['/bad.html', 'refused']]) {
      const { context, page } = await visit(path, recipes.url);
      await page.waitForFunction(() => window.__loaded !== undefined, null, { timeout: 10000 });
      assert.equal(await page.evaluate(() => window.__loaded), expected, path);
      await context.close();
    }
  } finally {
    await recipes.close();
  }
});

test('the shipped stylesheets, minified by bundle.mjs, hold the same rules as their sources in style/', async () => {
  const { context, page } = await visit('/blank.html');
  for (const sheet of ['tierwise.css', 'tierwise-full.css']) {
    const source = await readFile(new URL(`style/${sheet}`, ROOT), 'utf8');
    const shipped = await readFile(new URL(`widget/${sheet}`, `file://${DIST}/`), 'utf8');
    assert.ok(shipped.length < source.length * 0.9, `${sheet} is minified`);
    // The browser's own reading of each: every rule, as the CSSOM writes it out. Custom
    // properties keep their values' text as written, so the spaces beside commas (which
    // separate nothing in CSS, and which the minifier drops) are left out of the comparison.
    const rules = (text) =>
      page.evaluate((t) => {
        const s = new CSSStyleSheet();
        s.replaceSync(t);
        return [...s.cssRules].map((r) => r.cssText.replace(/ *, */g, ','));
      }, text);
    const [fromSource, fromShipped] = [await rules(source), await rules(shipped)];
    assert.ok(fromSource.length > 10, `${sheet} has its rules`);
    assert.deepEqual(fromShipped, fromSource, sheet);
  }
  await context.close();
});

test('custom-elements.json matches the element: attributes, properties, events, parts, custom properties', async () => {
  const decl = manifest.modules[0].declarations.find((d) => d.customElement);
  assert.equal(decl.tagName, 'tierwise-calculator');
  const pkg = JSON.parse(await readFile(new URL('widget/package.json', `file://${DIST}/`), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  const { context, page } = await visit('/blank.html');
  const seen = await page.evaluate(async (fields) => {
    await customElements.whenDefined('tierwise-calculator');
    const C = customElements.get('tierwise-calculator');
    const el = document.createElement('tierwise-calculator');
    return { observed: C.observedAttributes, missing: fields.filter((f) => !(f in el)) };
  }, decl.members.map((m) => m.name));
  await context.close();
  // Every observed attribute is listed; `loading` is read once, at connection.
  assert.deepEqual(decl.attributes.map((a) => a.name).filter((a) => a !== 'loading').sort(), [...seen.observed].sort());
  assert.deepEqual(seen.missing, []);
  const types = await readFile(new URL('widget/tierwise.d.ts', `file://${DIST}/`), 'utf8');
  const mapped = [...types.match(/interface TierwiseEventMap \{([^}]*)\}/)[1].matchAll(/^\s+'?(tierwise[a-z:]+)'?:/gm)].map((m) => m[1]);
  assert.deepEqual(decl.events.map((e) => e.name).sort(), mapped.filter((n) => !n.includes(':')).sort());
  assert.deepEqual(mapped.filter((n) => n.includes(':')).sort(), EVENTS.map((n) => n.replace('tierwise', 'tierwise:')).sort());
  // Parts and custom properties: the ones the sources use.
  const { execSync } = await import('node:child_process');
  const grep = (re, where) => execSync(`grep -rhoE -e '${re}' ${where}`, { cwd: ROOT.pathname }).toString();
  const parts = new Set([...grep('part(=|", )"[a-z-]+"', 'src/web src/js/tierwise.js').matchAll(/"([a-z-]+)"$/gm)].map((m) => m[1]));
  parts.add('container'); // set by the loader with setAttribute
  assert.deepEqual(decl.cssParts.map((p) => p.name).sort(), [...parts].sort());
  const props = new Set(grep('--tierwise-[a-z0-9-]+', 'style/').split('\n').filter(Boolean));
  assert.deepEqual(decl.cssProperties.map((p) => p.name).sort(), [...props].sort());
});
