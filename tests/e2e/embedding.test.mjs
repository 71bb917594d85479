// Embedding on real host pages: the examples in public/examples, served from dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { closeAll, axeViolations, DIST, ARTIFACTS, visit as visitPage } from './browser.mjs';

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
const stream = JSON.parse(await readFile(new URL('../../public/configs/stream-platform.json', import.meta.url), 'utf8'));

const hostile = structuredClone(stream);
hostile.product = '<img src=x onerror="window.__xss=1">Evil';
hostile.options[1].name = '<script>window.__xss=2</script><b>Enterprise</b>';
hostile.requirements[0].name = '"><svg onload="window.__xss=3">';
const jsUrl = structuredClone(stream);
jsUrl.options[1].cta = { label: 'Buy', url: 'javascript:window.__xss=4' };

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">` +
  `<link rel="stylesheet" href="/examples/examples.css"><script type="module" src="/widget/tierwise.js"></script></head><body>${body}</body></html>`;

const FIXTURES = {
  '/fixtures/hostile.json': JSON.stringify(hostile),
  '/fixtures/js-url.json': JSON.stringify(jsUrl),
  '/fixtures/hostile.html': page('Hostile config', '<h1>Hostile</h1><tierwise-calculator config="/fixtures/hostile.json"></tierwise-calculator>'),
  '/fixtures/js-url.html': page('javascript: URL', '<h1>Bad link</h1><tierwise-calculator config="/fixtures/js-url.json"></tierwise-calculator>'),
  '/fixtures/lazy.html': page('Lazy', '<h1>Lazy</h1><div style="height:4000px"></div><tierwise-calculator loading="lazy" config="/configs/stream-platform.json"></tierwise-calculator>'),
  '/fixtures/blank.html': page('API', '<h1>API</h1><div id="target"></div>'),
};

let server, other;
before(async () => {
  server = await serve(DIST, (path) => (path === '/examples/strict-csp.html' ? { 'content-security-policy': CSP } : {}), FIXTURES);
  // A second origin (another port), for the iframe: the frame and its host must differ.
  other = await serve(DIST);
});
after(async () => {
  await closeAll();
  await server?.close();
  await other?.close();
});

/** Opens `path`, recording every request, CSP violation, page error and tierwise event. */
function visit(path, base = server.url) {
  return visitPage(base + path, {
    init: () => {
      window.__events = [];
      window.__csp = [];
      for (const type of ['tierwise:ready', 'tierwise:change', 'tierwise:cta', 'tierwise:error']) {
        window.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));
      }
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  });
}

const events = (p, type) => p.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const shadowText = (p, selector, host = 'tierwise-calculator') =>
  p.evaluate(([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? null, [host, selector]);
const waitReady = (p, count = 1) => p.waitForFunction((n) => window.__events.filter((e) => e.type === 'tierwise:ready').length >= n, count, { timeout: 20000 });

function onlyOwnRequests(p, base = server.url) {
  for (const url of p.requests) {
    const u = new URL(url);
    assert.equal(u.origin, base, `request to another origin: ${url}`);
    assert.ok(
      /^\/(examples\/[\w.-]+\.(html|css|js)|widget\/(tierwise\.(js|css)|tierwise-full\.css|wasm\/tierwise(_full)?_bg\.wasm)|configs\/[\w-]+\.json|fixtures\/[\w.-]+|embed\.(html|js)|demo\.css)$/.test(u.pathname),
      `unexpected request: ${u.pathname}`,
    );
  }
}

test('compact mode names the runner-up, and "compare all options" opens the full calculator with the scenario kept', async () => {
  const { context, page } = await visit('/examples/plain.html');
  await waitReady(page);
  const widget = page.locator('tierwise-calculator').first();
  assert.equal(await widget.locator('.card').count(), 0);
  assert.match(await widget.locator('.runner-up').textContent(), /^Next best: Forgeline .+, about \$[\d.]+K? more over 3 years\.$/);
  await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).fill('95');
  await widget.getByRole('button', { name: 'Compare all options' }).click();
  await widget.locator('.card').first().waitFor();
  assert.equal(await widget.locator('.card').count(), 5);
  assert.equal(await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).inputValue(), '95');
  assert.equal(await widget.locator('table.matrix').count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a plain host page: renders, computes, events arrive with their details, nothing else is fetched', async () => {
  const { context, page } = await visit('/examples/plain.html');
  await waitReady(page);
  const ready = await events(page, 'tierwise:ready');
  assert.equal(ready[0].composed, true);
  assert.equal(ready[0].bubbles, true);
  const change = (await events(page, 'tierwise:change'))[0];
  assert.equal(change.detail.scenario.team_size, 80);
  assert.equal(change.detail.scenario.scale, 6);
  // devtool-seats: a model-2 config with five options; the Result carries model 2's fields.
  const result = change.detail.result;
  assert.equal(result.model, 2);
  assert.equal(result.options.length, 5);
  assert.equal(result.options[0].savings, null);
  for (const o of result.options) {
    assert.equal(typeof o.expected_present_cost, 'number');
    assert.equal(typeof o.expected_total, 'number');
    assert.ok(Array.isArray(o.limits_exceeded));
  }
  assert.equal(typeof result.options[1].savings_at_values, 'number');
  // 80 users on 6 runners break the free tier's limits of 5 users and 2 runners.
  const free = result.options.find((o) => o.id === 'cloud_free');
  assert.deepEqual([free.qualified, free.limits_exceeded], [false, ['max_team_size', 'max_scale']]);
  assert.match(await shadowText(page, '.verdict'), /pays off|Stay on the community edition|Close call between/);
  assert.equal(await page.locator('tierwise-calculator').first().evaluate((e) => e.shadowRoot.mode), 'open');
  onlyOwnRequests(page);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, []);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('attribute changes after mount update the widget', async () => {
  const { context, page } = await visit('/examples/plain.html');
  await waitReady(page);
  const before = await shadowText(page, '.verdict');
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('team-size', '900'));
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'tierwise:change' && e.detail.scenario.team_size === 900));
  assert.notEqual(await shadowText(page, '.verdict'), before);
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('mode', 'full'));
  await page.locator('tierwise-calculator').first().locator('.cards').waitFor();
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('team-size', 'lots'));
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'tierwise:error'));
  const error = (await events(page, 'tierwise:error'))[0];
  assert.match(error.detail.message, /team_size must be a number, not a string/);
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('config', '../configs/framework-platform.json'));
  await page.waitForFunction(() => /Latticework/.test(document.querySelector('tierwise-calculator').shadowRoot.querySelector('.verdict')?.textContent ?? ''));
  await context.close();
});

test('a CTA fires tierwise:cta, and preventDefault keeps the page where it is', async () => {
  const { context, page } = await visit('/examples/two-widgets.html');
  await waitReady(page, 2);
  // Both simulations drawn first, so no card is redrawn between Playwright's aim and its
  // click (one full run saw the click make no event).
  await page.waitForFunction(() =>
    ['#first', '#second'].every((id) => document.querySelector(id).shadowRoot.querySelector('.verdict')?.textContent.includes('simulated futures')),
  );
  await page.evaluate(() => window.addEventListener('tierwise:cta', (e) => e.preventDefault(), { once: true }));
  const url = page.url();
  await page.locator('#second').getByRole('link', { name: 'Get Inline Pro' }).click();
  const cta = (await events(page, 'tierwise:cta'))[0];
  assert.equal(cta.id, 'second');
  assert.equal(cta.detail.option, 'pro');
  assert.equal(cta.detail.scenario.team_size, 10);
  assert.equal(cta.detail.result.options.length, 2);
  await page.waitForTimeout(300);
  assert.equal(page.url(), url);
  // Without preventDefault the link is followed.
  await context.route('https://inline.example/**', (route) => route.fulfill({ body: 'bought', contentType: 'text/plain' }));
  await Promise.all([page.waitForURL('https://inline.example/buy'), page.locator('#second').getByRole('link', { name: 'Get Inline Pro' }).click()]);
  await context.close();
});

test('two widgets with different configs on one page stay independent', async () => {
  const { context, page } = await visit('/examples/two-widgets.html');
  await waitReady(page, 2);
  // Both simulations done, so nothing but the first widget's input can change a verdict.
  await page.waitForFunction(() =>
    ['#first', '#second'].every((id) => document.querySelector(id).shadowRoot.querySelector('.verdict')?.textContent.includes('simulated futures')),
  );
  const second = await shadowText(page, '.verdict', '#second');
  assert.match(await shadowText(page, '.verdict', '#first'), /Rivulet/);
  assert.match(second, /Inline (Community|Pro)/);
  await page.locator('#first').getByRole('spinbutton', { name: 'Team size', exact: true }).fill('2000');
  await page.waitForFunction(() => window.__events.some((e) => e.id === 'first' && e.type === 'tierwise:change' && e.detail.scenario.team_size === 2000));
  assert.equal(await shadowText(page, '.verdict', '#second'), second);
  assert.equal(await page.locator('#second').getByRole('spinbutton', { name: 'Team size', exact: true }).inputValue(), '10');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('under a strict Content-Security-Policy: renders with no violation', async () => {
  const { context, page } = await visit('/examples/strict-csp.html');
  await waitReady(page);
  assert.match(await shadowText(page, '.verdict'), /pays off|Stay on the community edition|Close call between/);
  const change = (await events(page, 'tierwise:change'))[0];
  assert.deepEqual(change.detail.scenario.requirements, ['sso', 'rbac']);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
  onlyOwnRequests(page);
  await context.close();
});

test('aggressive host CSS cannot restyle the widget, custom properties and parts can', async () => {
  const { context, page } = await visit('/examples/aggressive-css.html');
  await waitReady(page);
  const looks = await page.evaluate(() => {
    const root = document.querySelector('tierwise-calculator').shadowRoot;
    const style = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      input: style('input[type="number"]').display,
      button: style('button').display,
      svg: root.querySelector('svg').getBoundingClientRect().width,
      div: style('.layout').display,
      bg: style('.tierwise').backgroundColor,
      font: style('.tierwise').fontFamily,
      verdictBorder: style('.verdict').borderLeftColor,
    };
  });
  assert.notEqual(looks.input, 'none');
  assert.notEqual(looks.button, 'none');
  assert.ok(looks.svg > 100, `svg width ${looks.svg}`);
  assert.equal(looks.div, 'grid');
  assert.equal(looks.bg, 'rgb(255, 251, 230)', 'the --tierwise-bg custom property themes it');
  assert.doesNotMatch(looks.font, /Comic/);
  assert.equal(looks.verdictBorder, 'rgb(122, 62, 0)', '::part(verdict) styles it');
  await page.screenshot({ path: ARTIFACTS + 'aggressive-css.png' });
  await context.close();
});

test('config strings are text, never markup; javascript: links are refused', async () => {
  const { context, page } = await visit('/fixtures/hostile.html');
  await waitReady(page);
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('mode', 'full'));
  // The full layout (its chunk loaded) draws every option's name, in its cards among others.
  await page.locator('tierwise-calculator .card').first().waitFor();
  const found = await page.evaluate(() => {
    const root = document.querySelector('tierwise-calculator').shadowRoot;
    return { img: root.querySelectorAll('img, script, b').length, text: root.textContent, xss: window.__xss ?? null };
  });
  assert.equal(found.img, 0);
  assert.equal(found.xss, null);
  assert.match(found.text, /<script>window.__xss=2<\/script><b>Enterprise<\/b>/);
  await context.close();

  const bad = await visit('/fixtures/js-url.html');
  await bad.page.waitForFunction(() => window.__events.some((e) => e.type === 'tierwise:error'));
  const error = (await events(bad.page, 'tierwise:error'))[0];
  assert.deepEqual(error.detail.problems.map((p) => p.path), ['options[1].cta.url']);
  assert.match(await shadowText(bad.page, '.error'), /options\[1\]\.cta\.url is "javascript:window.__xss=4", but must be an http:\/\/ or https:\/\/ URL/);
  assert.equal(await bad.page.evaluate(() => document.querySelector('tierwise-calculator').shadowRoot.querySelectorAll('a').length), 0);
  await bad.context.close();
});

test('loading="lazy" fetches no wasm until the element nears the viewport', async () => {
  const { context, page } = await visit('/fixtures/lazy.html');
  await page.waitForTimeout(800);
  assert.ok(!page.requests.some((u) => u.endsWith('.wasm')), 'no wasm before scrolling');
  assert.ok(!page.requests.some((u) => u.endsWith('.json')), 'no config before scrolling');
  await page.evaluate(() => document.querySelector('tierwise-calculator').scrollIntoView());
  await waitReady(page);
  assert.ok(page.requests.some((u) => u.endsWith('tierwise_bg.wasm')));
  await context.close();
});

test('the iframe variant posts only to the named parent origin and ignores other senders', async () => {
  // Host on one origin, frame on another.
  const { context, page } = await visit(`/examples/iframe-host.html?frame-origin=${encodeURIComponent(other.url)}`);
  await page.waitForFunction(() => window.tierwiseMessages.some((m) => m.type === 'tierwise:ready'), null, { timeout: 20000 });
  // The frame posts its height whenever it changes: first while loading, then with the
  // calculator drawn. The host follows the latest.
  await page.waitForFunction(() => window.tierwiseMessages.findLast((m) => m.type === 'tierwise:resize')?.height > 200, null, { timeout: 20000 });
  const messages = await page.evaluate(() => window.tierwiseMessages);
  const change = messages.find((m) => m.type === 'tierwise:change');
  assert.equal(change.detail.result.options.length, 5);
  // The host (the named origin) may update the frame.
  await page.evaluate((origin) => document.getElementById('frame').contentWindow.postMessage({ type: 'tierwise:update', options: { team_size: 777 } }, origin), other.url);
  await page.waitForFunction(() => window.tierwiseMessages.some((m) => m.type === 'tierwise:change' && m.detail.scenario.team_size === 777));
  await context.close();

  // Told to post to another origin: this host hears nothing, and its messages are ignored.
  const wrong = await visit(`/examples/iframe-host.html?frame-origin=${encodeURIComponent(other.url)}&parent-origin=${encodeURIComponent('https://site.example')}`);
  const frame = wrong.page.frameLocator('#frame');
  await frame.locator('tierwise-calculator .verdict').waitFor({ timeout: 20000 });
  await wrong.page.evaluate((origin) => document.getElementById('frame').contentWindow.postMessage({ type: 'tierwise:update', options: { team_size: 555 } }, origin), other.url);
  await wrong.page.waitForTimeout(800);
  assert.deepEqual(await wrong.page.evaluate(() => window.tierwiseMessages), []);
  assert.equal(await frame.getByRole('spinbutton', { name: 'Team size', exact: true }).inputValue(), '120');
  await wrong.context.close();
});

test('the JavaScript API: evaluate(), mount() with update() and destroy()', async () => {
  const { context, page } = await visit('/fixtures/blank.html');
  const out = await page.evaluate(async (config) => {
    const api = await import('/widget/tierwise.js');
    const result = await api.evaluate(config, { team_size: 40, scale: 6, requirements: ['sso'] });
    const errors = [];
    for (const bad of [{ team_size: NaN, scale: 6 }, { team_size: '40', scale: 6 }, { scale: 6 }, null]) {
      try {
        await api.evaluate(config, bad);
        errors.push('no error');
      } catch (e) {
        errors.push(`${e instanceof Error} ${e.message}`);
      }
    }
    const target = document.getElementById('target');
    const handle = api.mount(target, { config, team_size: 55 });
    await handle.ready;
    const seen = [];
    target.addEventListener('tierwise:change', (e) => seen.push(e.detail.scenario.team_size));
    handle.update({ team_size: 66 });
    await new Promise((r) => setTimeout(r, 50));
    let badUpdate = null;
    try {
      handle.update({ team_size: Infinity });
    } catch (e) {
      badUpdate = e.message;
    }
    const verdict = target.shadowRoot.querySelector('.verdict').textContent;
    handle.destroy();
    handle.destroy();
    let afterDestroy = null;
    try {
      handle.update({ team_size: 77 });
    } catch (e) {
      afterDestroy = e.message;
    }
    return { version: api.version, result, errors, seen, badUpdate, verdict, left: target.shadowRoot.childNodes.length, afterDestroy };
  }, stream);
  assert.equal(out.version, '0.1.0');
  assert.equal(out.result.recommended, 'cloud');
  assert.equal(out.result.options[0].savings, null);
  assert.equal(out.result.options[0].wins_team_size, null);
  assert.ok(Array.isArray(out.result.options[1].wins_team_size));
  assert.match(out.errors[0], /^true Tierwise: bad scenario: team_size is NaN/);
  assert.match(out.errors[1], /^true Tierwise: bad scenario: team_size must be a number, not a string/);
  assert.match(out.errors[2], /^true Tierwise: bad scenario: team_size is missing/);
  assert.match(out.errors[3], /^true Tierwise: bad scenario: must be an object, not null/);
  assert.deepEqual(out.seen, [66]);
  assert.match(out.badUpdate, /team_size is ∞|team_size is Infinity|team_size is infinity/);
  assert.match(out.verdict, /pays off|Stay on the community edition|Close call between/);
  assert.equal(out.left, 0);
  assert.match(out.afterDestroy, /destroyed/);
  await context.close();
});

test('engine(config): one config checked once, many scenarios, with or without the costly parts', async () => {
  const { context, page } = await visit('/fixtures/blank.html');
  const out = await page.evaluate(async (config) => {
    const api = await import('/widget/tierwise.js');
    const engine = await api.engine(config);
    const scenario = { team_size: 40, scale: 6, requirements: ['sso'] };
    const full = engine.evaluate(scenario);
    const costs = engine.evaluate(scenario, { wins: false, sensitivity: false });
    const once = await api.evaluate(config, scenario);
    const refusals = [];
    for (const [s, parts] of [[scenario, { wins: 'no' }], [scenario, 'costs'], [{ scale: 6 }, undefined]]) {
      try {
        engine.evaluate(s, parts);
        refusals.push('no error');
      } catch (e) {
        refusals.push(e.message);
      }
    }
    let badConfig = null;
    try {
      await api.engine({ ...config, currency: 42 });
    } catch (e) {
      badConfig = e.message;
    }
    engine.free();
    return { full, costs, once, refusals, badConfig };
  }, stream);
  assert.deepEqual(out.full, out.once, 'engine(config).evaluate(s) is evaluate(config, s)');
  assert.equal(out.costs.recommended, out.full.recommended);
  assert.deepEqual(out.costs.options.map((o) => o.present_cost), out.full.options.map((o) => o.present_cost));
  assert.ok(Array.isArray(out.full.options[1].wins_team_size));
  assert.equal(out.costs.options[1].wins_team_size, null, 'intervals left out');
  assert.ok(out.full.sensitivity.length > 0);
  assert.deepEqual(out.costs.sensitivity, [], 'sensitivity left out');
  assert.match(out.refusals[0], /parts\.wins must be true or false, not a string/);
  assert.match(out.refusals[1], /parts must be an object, not a string/);
  assert.match(out.refusals[2], /team_size is missing/);
  assert.match(out.badConfig, /currency/);
  await context.close();
});

test('Subresource Integrity: the snippet hash loads the bundle; a changed bundle does not run', async () => {
  const { createHash } = await import('node:crypto');
  const bundle = await readFile(new URL('../../dist/widget/tierwise.js', import.meta.url));
  const good = 'sha384-' + createHash('sha384').update(bundle).digest('base64');
  const bad = 'sha384-' + createHash('sha384').update('something else').digest('base64');
  const sri = (hash, mode = 'compact') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title><link rel="icon" href="data:,">` +
    `<script type="module" src="/widget/tierwise.js" integrity="${hash}" crossorigin="anonymous"></script></head>` +
    `<body><h1>SRI</h1><tierwise-calculator config="/configs/stream-platform.json" mode="${mode}"></tierwise-calculator></body></html>`;
  const corrupted = async (file) => {
    const body = Buffer.from(await readFile(new URL(`../../dist/widget/wasm/${file}`, import.meta.url)));
    body[body.length - 10] ^= 0xff;
    return body;
  };
  const sriServer = await serve(DIST, () => ({}), { '/sri-good.html': sri(good), '/sri-bad.html': sri(bad) });
  // The main wasm changed on the way; then only the full layout's chunk, which compact mode
  // brings in.
  const tampered = await serve(DIST, () => ({}), { '/widget/wasm/tierwise_bg.wasm': await corrupted('tierwise_bg.wasm'), '/sri-good.html': sri(good) });
  const tamperedFull = await serve(DIST, () => ({}), { '/widget/wasm/tierwise_full_bg.wasm': await corrupted('tierwise_full_bg.wasm'), '/sri-good.html': sri(good), '/sri-full.html': sri(good, 'full') });
  try {
    const ok = await visit('/sri-good.html', sriServer.url);
    await waitReady(ok.page);
    await ok.context.close();

    const refused = await visit('/sri-bad.html', sriServer.url);
    await refused.page.waitForTimeout(1000);
    assert.equal(await refused.page.evaluate(() => customElements.get('tierwise-calculator')), undefined);
    await refused.context.close();

    const swapped = await visit('/sri-good.html', tampered.url);
    await swapped.page.waitForFunction(() => window.__events.some((e) => e.type === 'tierwise:error'));
    const error = (await events(swapped.page, 'tierwise:error'))[0];
    // It names the file, and says its hash did not match (not just "Failed to fetch").
    assert.match(error.detail.message, /could not start: http:\/\/127\.0\.0\.1:\d+\/widget\/wasm\/tierwise_bg\.wasm does not match the integrity hash/);
    assert.match(error.detail.problems[0].path, /\/widget\/wasm\/tierwise_bg\.wasm$/);
    await swapped.context.close();

    // The compact calculator works; asking for every option names the chunk's file, and the
    // compact calculator is back, its button ready to try again.
    const half = await visit('/sri-good.html', tamperedFull.url);
    await waitReady(half.page);
    const widget = half.page.locator('tierwise-calculator');
    await widget.getByRole('button', { name: 'Compare all options' }).click();
    await half.page.waitForFunction(() => window.__events.some((e) => e.type === 'tierwise:error'));
    const fullError = (await events(half.page, 'tierwise:error'))[0];
    assert.match(fullError.detail.message, /could not load the full calculator: http:\/\/127\.0\.0\.1:\d+\/widget\/wasm\/tierwise_full_bg\.wasm does not match the integrity hash/);
    assert.match(fullError.detail.problems[0].path, /\/widget\/wasm\/tierwise_full_bg\.wasm$/);
    await widget.getByRole('button', { name: 'Compare all options' }).waitFor();
    assert.equal(await widget.locator('.verdict').count(), 1);
    assert.equal(await widget.locator('.card').count(), 0);
    await half.context.close();

    // A calculator that starts full says so in its panel, besides the event.
    const none = await visit('/sri-full.html', tamperedFull.url);
    const panel = none.page.locator('tierwise-calculator').getByRole('alert');
    await panel.waitFor();
    assert.match(await panel.textContent(), /The full calculator could not be loaded/);
    const noneError = (await events(none.page, 'tierwise:error'))[0];
    assert.match(noneError.detail.message, /tierwise_full_bg\.wasm does not match the integrity hash/);
    await none.context.close();
  } finally {
    await sriServer.close();
    await tampered.close();
    await tamperedFull.close();
  }
});
