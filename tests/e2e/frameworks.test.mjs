// The host apps in examples/ (React with Vite, Next's app router, Vue 3, Svelte 5), built by
// scripts/test.sh from the tierwise package in dist/widget, driven in Chromium: the verdict
// shows, the team size changes through the framework, the framework's own handlers receive the
// change and call-to-action events, and unmounting and mounting again is clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { serve } from './server.mjs';
import { launch, closeAll, DIST } from './browser.mjs';
import { execFileSync } from 'node:child_process';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const CONFIG = await readFile(new URL('../../public/configs/devtool-seats.json', import.meta.url), 'utf8');
const VITE_APPS = ['react-vite', 'vue', 'svelte'];

const built = async (path) => access(path).then(() => true, () => false);
if (!(await built(`${EXAMPLES}next/.next/BUILD_ID`))) {
  throw new Error('examples/ is not built: scripts/test.sh installs and builds the host apps (npm ci && npm run build in examples/)');
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const servers = {};
let next;
before(async () => {
  // The Vite apps are static: their dist/ and the config they name.
  for (const app of VITE_APPS) servers[app] = await serve(`${EXAMPLES}${app}/dist/`, () => ({}), { '/configs/devtool-seats.json': CONFIG });
  // Next renders on its own server.
  const port = await freePort();
  next = spawn(process.execPath, ['../node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: `${EXAMPLES}next`,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  next.output = '';
  next.stdout.on('data', (d) => (next.output += d));
  next.stderr.on('data', (d) => (next.output += d));
  servers.next = { url: `http://127.0.0.1:${port}`, close: async () => next.kill() };
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      if ((await fetch(servers.next.url)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`next start did not answer in 30 s:\n${next.output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});
after(async () => {
  await closeAll();
  for (const s of Object.values(servers)) await s.close();
});

for (const app of [...VITE_APPS, 'next']) {
  test(`${app}: verdict shown, team size changed through the framework, events in its handlers, unmount and remount clean`, async () => {
    const context = await launch();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // "Without warnings": a framework's runtime warning fails the test as an error does.
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`${m.type()}: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    const start = `${servers[app].url}/`;
    await page.goto(start);
    const widget = page.locator('tierwise-calculator');
    const text = (id) => page.locator(`#${id}`).textContent();
    // The framework's handler saw the first result, after ready.
    await page.waitForFunction(() => /^team 80: \w+$/.test(document.getElementById('recommended').textContent), null, { timeout: 20000 });
    assert.equal(await text('readies'), '1');
    assert.match(await widget.locator('.verdict').textContent(), /\w+/);
    // Through the framework's state: the element's attribute, the widget's input, the handler.
    await page.click('#bigger');
    await page.waitForFunction(() => /^team 120: \w+$/.test(document.getElementById('recommended').textContent), null, { timeout: 10000 });
    assert.equal(await widget.getByRole('spinbutton', { name: 'Team size', exact: true }).inputValue(), '120');
    // The call to action: the handler cancels it, so the page stays.
    const option = await widget.locator('a.cta').getAttribute('data-option');
    assert.ok(option !== null, 'a call to action is shown');
    await widget.locator('a.cta').click();
    await page.waitForFunction(() => document.getElementById('cta').textContent !== '', null, { timeout: 5000 });
    assert.match(await text('cta'), /^\w+$/);
    assert.equal(page.url(), start);
    // Unmount, then mount again.
    await page.click('#toggle');
    await widget.waitFor({ state: 'detached' });
    await page.click('#toggle');
    await page.waitForFunction(() => document.getElementById('readies').textContent === '2', null, { timeout: 20000 });
    assert.match(await widget.locator('.verdict').textContent(), /\w+/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('next: the element is in the server-rendered HTML', async () => {
  const html = await (await fetch(`${servers.next.url}/`)).text();
  assert.match(html, /<tierwise-calculator [^>]*config="\/pricing\.json"[^>]*team-size="80"/);
});

test('npm pack makes the package from dist/widget, with every file its exports name', async () => {
  const widget = `${DIST}/widget`;
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: widget, encoding: 'utf8' }));
  assert.equal(packed.name, 'tierwise');
  const files = new Set(packed.files.map((f) => f.path));
  const pkg = JSON.parse(await readFile(`${widget}/package.json`, 'utf8'));
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of [...targets, pkg.types, pkg.customElements]) {
    // A pattern ("./messages/*") must match at least one file.
    const re = new RegExp(`^${target.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`);
    assert.ok([...files].some((f) => re.test(f)), `${target} is not in the package`);
  }
  for (const lang of ['de', 'fr', 'zh-CN']) assert.ok(files.has(`messages/${lang}.json`), `messages/${lang}.json is not in the package`);
});
