// The demo page loads a sample config and shows the engine's verdict and every option's cost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, closeAll, DIST, ARTIFACTS } from './browser.mjs';

let server, context;
before(async () => {
  server = await serve(DIST);
  context = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await closeAll();
  await server?.close();
});

test('the first page shows the verdict and the three options for the default scenario', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + '/');
  const verdict = page.locator('.verdict');
  await verdict.waitFor({ timeout: 20000 });
  const text = await verdict.textContent();
  assert.match(text, /pays off: saves about \$[\d.,]+[KM]? over 3 years/);
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
  const cards = page.locator('.card');
  assert.equal(await cards.count(), 3);
  const body = await page.locator('.cards').textContent();
  assert.match(body, /Community \(self-hosted\)/);
  assert.match(body, /Enterprise \(self-managed\)/);
  assert.match(body, /Expected present cost\$[\d,]+At your figures\$[\d,]+/);
  await page.screenshot({ path: ARTIFACTS + 'first-page.png', fullPage: true });
  assert.deepEqual(errors, []);
});
