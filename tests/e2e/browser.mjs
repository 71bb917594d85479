// Debian's Chromium, driven by playwright-core: no browser download.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';

/** The built site: $DIST, or the repository's dist/. */
export const DIST = process.env.DIST ?? new URL('../../dist/', import.meta.url).pathname;
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

// Every context still open. A test that fails before its own close() would otherwise leave a
// Chromium running, and the test file's process would wait for it forever.
const openContexts = new Set();

/** Closes every context `launch` opened that is still open: each test file's `after` hook. */
export async function closeAll() {
  await Promise.allSettled([...openContexts].map((c) => c.close()));
  openContexts.clear();
}

/** A fresh browser context: its own profile, so storage never leaks between tests. */
export async function launch(options = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tierwise-chromium-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
    ...options,
  });
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  return context;
}

/** Opens `url` and collects page errors and console errors into `page.errors`. */
export async function open(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(url);
  return page;
}

/**
 * A fresh context and page at `url`: `page.errors` collects page errors and console errors
 * (and warnings, with `warnings`), `page.requests` every requested URL; `init(arg)` runs in the
 * page before its own scripts. Resolves to { context, page }.
 */
export async function visit(url, { warnings = false, init, arg } = {}) {
  const context = await launch();
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' || (warnings && m.type() === 'warning')) && page.errors.push(m.text()));
  if (init) await page.addInitScript(init, arg);
  await page.goto(url);
  return { context, page };
}

/** WCAG 2.2 AA violations axe finds on the page (inside shadow roots too). */
export async function axeViolations(page, include) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (include) builder = builder.include(include);
  // The widget lets the browser skip drawing its charts and cost tables while they are off
  // screen (`content-visibility: auto`), and axe cannot read the colours of skipped text. They
  // are drawn for the check, with the same colours, so their contrast is checked too (a
  // constructed sheet: pages with a strict CSP refuse a <style> element).
  const drawAll = (on) =>
    page.evaluate((on) => {
      const sheet = (window.__tierwiseAxeSheet ??= new CSSStyleSheet());
      sheet.replaceSync('* { content-visibility: visible !important; }');
      for (const root of [...document.querySelectorAll('tierwise-calculator')].map((h) => h.shadowRoot).filter(Boolean)) {
        const others = root.adoptedStyleSheets.filter((s) => s !== sheet);
        root.adoptedStyleSheets = on ? [...others, sheet] : others;
      }
    }, on);
  await drawAll(true);
  const { violations } = await builder.analyze();
  await drawAll(false);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
