// The widget's words in English, German, French and Simplified Chinese: chosen by `locale`
// (then the page's `lang`), loaded only when asked for, overridable by the host and the config.
// A screenshot per language is kept in tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { closeAll, axeViolations, DIST, ARTIFACTS, visit as visitPage } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url);
const CONFIG_TEXT = await readFile(new URL('public/configs/devtool-seats.json', ROOT), 'utf8');
const config = JSON.parse(CONFIG_TEXT);
// The built-in English: `"id" => "text",` lines of src/model/messages/en.rs.
const EN = Object.fromEntries(
  [...(await readFile(new URL('src/model/messages/en.rs', ROOT), 'utf8')).matchAll(/^\s+("(?:[^"\\]|\\.)*") => ("(?:[^"\\]|\\.)*"),$/gm)].map((m) => [JSON.parse(m[1]), JSON.parse(m[2])]),
);
assert.ok(Object.keys(EN).length > 200, 'the English messages were read');
const ZH = JSON.parse(await readFile(new URL('src/messages/zh-CN.json', ROOT), 'utf8'));

const page = (lang, body) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Languages</title><link rel="icon" href="data:,">` +
  `<script type="module" src="/widget/tierwise.js"></script></head><body><h1>Pricing</h1>${body}</body></html>`;
const FIXTURES = {
  '/full.html': page('en', '<tierwise-calculator config="/configs/devtool-seats.json"></tierwise-calculator>'),
  '/page-de.html': page('de', '<tierwise-calculator config="/configs/devtool-seats.json" mode="compact"></tierwise-calculator>'),
  '/blank.html': page('en', '<div id="target"></div>'),
};

let server, tampered;
before(async () => {
  server = await serve(DIST, () => ({}), FIXTURES);
  const de = Buffer.from(await readFile(`${DIST}/widget/messages/de.json`));
  de[de.length - 3] ^= 0x01;
  tampered = await serve(DIST, () => ({}), { ...FIXTURES, '/widget/messages/de.json': de });
});
after(async () => {
  await closeAll();
  await server?.close();
  await tampered?.close();
});

/** Opens `path`, recording page errors, console errors and warnings, and request paths. */
async function visit(path, base = server.url) {
  const opened = await visitPage(base + path, { warnings: true });
  opened.page.paths = () => opened.page.requests.map((u) => new URL(u).pathname);
  return opened;
}

/** Sets `locale`, waits for the calculator with Monte Carlo done, opens the assumptions and a
 * line's math, and returns the calculator's visible text. */
async function shown(page, locale) {
  await page.evaluate(async (l) => {
    const el = document.querySelector('tierwise-calculator');
    await el.ready;
    if (l) {
      const ready = new Promise((r) => el.addEventListener('tierwiseready', r, { once: true }));
      el.locale = l;
      await ready;
    }
  }, locale);
  const widget = page.locator('tierwise-calculator');
  await widget.locator('.card .range').first().waitFor({ timeout: 20000 });
  await widget.locator('details.assumptions > summary').click();
  await widget.locator('button.math-link').first().click();
  await widget.locator('.math').filter({ hasText: /=/ }).waitFor();
  return page.evaluate(() => document.querySelector('tierwise-calculator').shadowRoot.querySelector('.tierwise').innerText);
}

for (const lang of ['en', 'de', 'fr', 'zh-CN']) {
  test(`${lang}: the calculator speaks it, axe passes, and only its catalogue is fetched`, async () => {
    const { context, page } = await visit('/full.html');
    const text = await shown(page, lang === 'en' ? null : lang);
    assert.equal(await page.evaluate(() => document.querySelector('tierwise-calculator').shadowRoot.querySelector('.tierwise').lang), lang);
    await page.screenshot({ path: `${ARTIFACTS}language-${lang}.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    const catalogues = page.paths().filter((p) => p.includes('/messages/'));
    assert.deepEqual(catalogues, lang === 'en' ? [] : [`/widget/messages/${lang}.json`]);
    if (lang !== 'en') {
      // The headings and buttons are this language's.
      const words = JSON.parse(await readFile(new URL(`src/messages/${lang}.json`, ROOT), 'utf8'));
      for (const id of ['card.expected_present_cost', 'assumptions.title', 'toolbar.print', 'lines.title']) {
        assert.ok(text.includes(words[id]), `${lang}: "${words[id]}" (${id}) is not shown`);
        assert.ok(!text.includes(EN[id]) || words[id] === EN[id], `${lang}: the English "${EN[id]}" is still shown`);
      }
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('zh-CN: no English word of the catalogue remains on screen', async () => {
  const { context, page } = await visit('/full.html');
  const text = await shown(page, 'zh-CN');
  // The vendor's own words (product, options, requirements, sources, units) are the config's.
  const vendor = new Set();
  JSON.stringify(config).replace(/"((?:[^"\\]|\\.)*)"/g, (_, s) => {
    for (const w of s.match(/[A-Za-z]{3,}/g) ?? []) vendor.add(w.toLowerCase());
    return '';
  });
  const kept = new Set(Object.values(ZH).flatMap((t) => (t.replace(/\{[a-z_]+\}/g, '').match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase())));
  const english = new Set(
    Object.values(EN)
      .flatMap((t) => t.replace(/\{[a-z_]+\}/g, '').match(/[A-Za-z]{3,}/g) ?? [])
      .map((w) => w.toLowerCase())
      .filter((w) => !vendor.has(w) && !kept.has(w)),
  );
  const left = [...new Set((text.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase()))].filter((w) => english.has(w));
  assert.deepEqual(left, [], `English words on the zh-CN screen: ${left.join(', ')}`);
  await context.close();
});

test("without a locale the page's lang chooses the words", async () => {
  const { context, page } = await visit('/page-de.html');
  await page.evaluate(() => document.querySelector('tierwise-calculator').ready);
  const de = JSON.parse(await readFile(new URL('src/messages/de.json', ROOT), 'utf8'));
  const widget = page.locator('tierwise-calculator');
  assert.equal(await widget.locator('button.compare-all').textContent(), de['compact.compare_all']);
  assert.match(await widget.locator('.runner-up').textContent(), new RegExp(de.runner_up.split('{')[0].trim()));
  await context.close();
});

test('a host and a vendor override any message; a wrong id or placeholder is refused by name', async () => {
  const { context, page } = await visit('/blank.html');
  const out = await page.evaluate(async (cfg) => {
    const { mount } = await import('/widget/tierwise.js');
    const target = document.getElementById('target');
    const withWords = { ...cfg, messages: { de: { 'card.recommended': 'Unsere Empfehlung' }, en: { 'card.recommended': 'Our pick' } } };
    const h = mount(target, { config: withWords, messages: { 'compact.compare_all': 'See every plan' }, mode: 'compact' });
    await h.ready;
    const root = target.shadowRoot;
    const button = root.querySelector('button.compare-all').textContent;
    // The full calculator comes in (the full build, loaded now) with the same words.
    const shown = async (selector) => {
      while (!root.querySelector(selector)) await new Promise((r) => requestAnimationFrame(r));
      return root.querySelector(selector).textContent;
    };
    root.querySelector('button.compare-all').click();
    const badge = await shown('.badge');
    const refused = [];
    for (const messages of [{ 'card.recomended': 'x' }, { runner_up: 'Next: {optoin}' }, 'words']) {
      try {
        h.update({ messages });
        refused.push('accepted');
      } catch (e) {
        refused.push(`${e.problems?.[0]?.path}: ${e.message}`);
      }
    }
    // The vendor's German, once the locale asks for German (back in compact mode, which the
    // full build has too).
    const again = new Promise((r) => target.addEventListener('tierwiseready', r, { once: true }));
    h.update({ locale: 'de', mode: 'compact' });
    await again;
    const compare = await shown('button.compare-all');
    root.querySelector('button.compare-all').click();
    return { button, badge, refused, german: await shown('.badge'), compare };
  }, config);
  assert.equal(out.button, 'See every plan');
  assert.equal(out.badge, 'Our pick');
  assert.match(out.refused[0], /^options\.messages\["card\.recomended"\]: .*names an unknown message id "card\.recomended"/);
  assert.match(out.refused[1], /^options\.messages\.runner_up: .*uses \{optoin\}, but this message's placeholders are \{option\}, \{amount\}, \{years\}/);
  assert.match(out.refused[2], /^options\.messages: .*must be an object, not a string/);
  // After the reload in German: the host's words still win, then the vendor's German.
  assert.equal(out.compare, 'See every plan');
  assert.equal(out.german, 'Unsere Empfehlung');
  await context.close();
});

test('a catalogue that fails its hash leaves the calculator in English and names the file', async () => {
  const { context, page } = await visit('/page-de.html', tampered.url);
  await page.evaluate(() => document.querySelector('tierwise-calculator').ready);
  const widget = page.locator('tierwise-calculator');
  assert.equal(await widget.locator('button.compare-all').textContent(), EN['compact.compare_all']);
  // Chromium's own SRI messages, and ours naming the file.
  const ours = page.errors.filter((e) => e.startsWith('Tierwise'));
  assert.equal(ours.length, 1, page.errors.join('\n'));
  assert.match(ours[0], /the de words could not be loaded \(http:\/\/127\.0\.0\.1:\d+\/widget\/messages\/de\.json does not match the integrity hash/);
  assert.ok(page.errors.every((e) => e.startsWith('Tierwise') || /integrity/i.test(e)), page.errors.join('\n'));
  await context.close();
});
