// The calculator as its three kinds of user meet it, against the built site in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import { launch, closeAll, open, axeViolations, DIST, ARTIFACTS } from './browser.mjs';

const BAD_CONFIG = JSON.stringify({
  schema: 1, product: 'Broken', currency: 'USD',
  options: [
    { id: 'community', kind: 'community', name: 'Community' },
    { id: 'e', kind: 'enterprise', name: 'E', price: { bands: [{ up_to: 10, per_seat: -5 }, { per_seat: 1 }] } },
  ],
});

let server;
before(async () => {
  server = await serve(DIST, () => ({}), { '/fixtures/bad.json': BAD_CONFIG, '/fixtures/not-json.json': '{ nope' });
});
after(async () => {
  await closeAll();
  await server?.close();
});

const FRAMEWORK = '?config=configs/framework-platform.json';

async function fresh(query = '') {
  const context = await launch();
  const page = await open(context, server.url + '/' + query);
  await page.locator('.verdict').waitFor({ timeout: 20000 });
  return { context, page };
}

const verdict = (page) => page.locator('.verdict').textContent();
/** Waits until the widget's verdict (inside its shadow root) passes `test`. */
const verdictWhere = (page, pattern) =>
  page.waitForFunction((source) => new RegExp(source).test(document.querySelector('tierwise-calculator')?.shadowRoot?.querySelector('.verdict')?.textContent ?? ''), pattern);
const simulated = (page) => verdictWhere(page, 'simulated futures');
const teamSize = (page) => page.getByRole('spinbutton', { name: 'Team size', exact: true });

test('a newcomer loads the page, changes team size, ticks SSO and reads the verdict', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  await simulated(page);
  const first = await verdict(page);
  assert.match(first, /^(Latticework .+ (pays off|is the cheapest option that fits)|Stay on the community edition|Close call between Latticework)/);
  for (const label of ['Team size', 'Deployment scale', 'Horizon (years)', 'Team growth per year', 'Scale growth per year']) {
    assert.equal(await page.getByRole('spinbutton', { name: label, exact: true }).count(), 1, label);
    assert.equal(await page.getByRole('slider', { name: label, exact: true }).count(), 1, label);
  }
  await teamSize(page).fill('400');
  await page.getByRole('checkbox', { name: 'Single sign-on for the admin console' }).check();
  await simulated(page);
  const after = await verdict(page);
  assert.notEqual(after, first);
  assert.match(after, /pays off: saves about €[\d.,]+[KM]? over 3 years, pays back in month \d+ — cheapest in (\d of 10|every one of the) simulated futures\.$/);
  assert.doesNotMatch(after, /NaN|undefined|Infinity/);
  const cards = page.locator('.card');
  assert.equal(await cards.count(), 3);
  assert.match(await cards.first().textContent(), /Expected present cost€[\d,]+At your figures€[\d,]+/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the newcomer reads how sure the verdict is: clear, likely and a close call', async () => {
  // The same three scenarios are checked natively (tests/words.rs) with the widget's simulation.
  const cases = [
    ['configs/devtool-seats.json', 'team_size=40&scale=6&requirements=sso', /^Forgeline Cloud Team pays off: saves about \$[\d.]+K over 3 years, pays back in month \d+ — cheapest in (8|9) of 10 simulated futures\.$/],
    ['configs/framework-platform.json', 'team_size=120&scale=1&requirements=sso', /^Latticework Cloud likely pays off: saves about €[\d.]+K over 3 years, pays back in month \d+ — cheapest in (6|7) of 10 simulated futures\.$/],
    ['configs/devtool-seats.json', 'team_size=2000&scale=1&requirements=', /^Close call between Forgeline Dedicated and Forgeline Enterprise: Forgeline Dedicated costs about \$[\d.]+K less over 3 years on average, cheaper in \d of 10 simulated futures; what decides it: [A-Z][a-z -]+\.$/],
  ];
  for (const [config, query, wording] of cases) {
    const { context, page } = await fresh(`?config=${config}&${query}`);
    await simulated(page);
    assert.match(await verdict(page), wording);
    await context.close();
  }
});

test('a five-option model-2 config: a card each, quotes and broken plan limits in words, every series charted', async () => {
  const { context, page } = await fresh('?config=configs/devtool-seats.json&team_size=120&scale=8&requirements=sso');
  await simulated(page);
  const cards = page.locator('.card');
  assert.equal(await cards.count(), 5);
  for (const card of await cards.all()) {
    // The expected present cost is the headline, the figure at the entered values beside it.
    assert.match(await card.textContent(), /Expected present cost\$[\d,]+At your figures\$[\d,]+/);
  }
  // The enterprise edition and the dedicated cloud are priced on request.
  assert.match(await cards.filter({ hasText: 'Forgeline Enterprise' }).textContent(), /price on request — estimated \$[\d.]+K–\$[\d.]+K a year/);
  // 120 users break the free tier's 5-user limit (and it has no SSO); the card says both.
  const free = await cards.filter({ hasText: 'Forgeline Cloud Free' }).textContent();
  assert.match(free, /cannot meet SAML single sign-on; up to 5 users, you reach 120 in year 1/);
  // Every option is a series of the cumulative chart, with a legend entry each.
  assert.equal(await page.locator('figure:has(#tw-cumulative-title) polyline.series').count(), 5);
  assert.equal(await page.locator('figure:has(#tw-cumulative-title) .legend').count(), 5);
  assert.equal(await page.locator('figure:has(#tw-breakdown-title) .tick').count() >= 5, true);
  const text = await page.locator('.cards').textContent();
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
  // "Show the math" for the expected figures: drawn when opened.
  const expected = page.locator('details.expected-math');
  assert.equal(await expected.locator('li').count(), 0);
  await expected.locator('summary').click();
  const math = await expected.locator('ul').textContent();
  assert.match(math, /Engineer cost: mean of low \$125,000, value \$165,000 and high \$240,000 = \$176,667/);
  assert.match(math, /Forgeline Enterprise's quoted price: the typical deal × the mean of 0\.65, 1 and 1\.05 = × 0\.9/);
  assert.match(math, /Expected hourly rate: \$176,667 × E\[1 ÷ hours\] = 1 ÷ [\d,.]+ h = \$[\d,]+\/h \(at your figures \$[\d,]+\/h\)/);
  assert.match(math, /Expected discount factors E\[\(1 \+ r\)\^−y\]: year 1: [\d.]+%, year 2: [\d.]+%, year 3: [\d.]+% \(at your figures year 1: 92\.59%/);
  await page.screenshot({ path: ARTIFACTS + 'five-options.png', fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an invalid entry shows the engine message at the field and keeps the last valid result', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  await simulated(page);
  const before = await verdict(page);
  await teamSize(page).fill('0');
  const error = page.locator('#tw-team-size-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Team size is 0, but must be between 1 and 1,000,000');
  assert.equal(await teamSize(page).getAttribute('aria-invalid'), 'true');
  await page.waitForTimeout(400);
  assert.equal(await verdict(page), before);
  await page.getByRole('spinbutton', { name: 'Team growth per year', exact: true }).fill('-95');
  assert.equal(await page.locator('#tw-team-growth-error').textContent(), 'Team growth per year is -95%, but must be between -90% and 1,000%');
  await teamSize(page).fill('60');
  assert.equal(await error.textContent(), '');
  await context.close();
});

test('the assumptions panel edits values and ranges, refuses an inverted or disallowed one, and resets', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  await page.locator('summary', { hasText: 'Assumptions' }).click();
  const field = (name) => page.getByRole('spinbutton', { name, exact: true });
  const assumption = (id) => page.evaluate((id) => document.querySelector('tierwise-calculator').scenario.assumptions[id], id);
  assert.equal(await field('Engineer cost value').inputValue(), '110000');
  assert.equal(await field('Engineer cost low').inputValue(), '80000');
  assert.equal(await field('Engineer cost high').inputValue(), '150000');
  const error = page.locator('#tw-a-engineer_cost-error');
  await field('Engineer cost low').fill('200000');
  assert.equal(await error.textContent(), 'Engineer cost (low) must not be above the high value');
  assert.equal((await assumption('engineer_cost')).low, 80000);
  await field('Engineer cost high').fill('70000');
  assert.equal(await error.textContent(), 'Engineer cost (high) must not be below the low value');
  await field('Engineer cost low').fill('90000');
  assert.equal(await error.textContent(), '');
  await field('Engineer cost value').fill('120000');
  assert.deepEqual(await assumption('engineer_cost'), { value: 120000, low: 90000, high: 150000 });
  // A fraction is shown and typed in percent.
  const loss = page.locator('tr', { has: page.locator('th', { hasText: /^Productivity lost when down$/ }) }).getByRole('spinbutton').first();
  await loss.fill('50');
  assert.equal((await assumption('productivity_loss')).value, 0.5);
  await loss.fill('500');
  assert.match(await page.locator('#tw-a-productivity_loss-error').textContent(), /^Productivity lost when down is 500%, but must be between/);
  assert.equal((await assumption('productivity_loss')).value, 0.5);
  await page.getByRole('button', { name: "Reset to the vendor's defaults" }).click();
  assert.equal(await field('Engineer cost value').inputValue(), '110000');
  assert.equal(await field('Engineer cost low').inputValue(), '80000');
  assert.deepEqual(await assumption('engineer_cost'), { value: 110000, low: 80000, high: 150000 });
  // The reset's values are all allowed, so no row keeps a refusal.
  assert.equal(await page.locator('#tw-a-productivity_loss-error').textContent(), '');
  await context.close();
});

test('a share link restores the scenario exactly, and storage restores it on a plain visit', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  await teamSize(page).fill('137');
  await page.getByRole('spinbutton', { name: 'Horizon (years)', exact: true }).fill('5');
  await page.getByRole('checkbox', { name: 'Role-based access to environments' }).check();
  await page.locator('summary', { hasText: 'Assumptions' }).click();
  await page.getByRole('spinbutton', { name: 'Engineer cost value' }).fill('125000');
  await page.waitForFunction(() => location.search.includes('engineer_cost=125000'));
  const link = page.url();
  assert.match(link, /team_size=137&scale=3&horizon=5&team_growth=0\.1&scale_growth=0\.25&requirements=sso,rbac&engineer_cost=125000/);
  await simulated(page);
  const expected = await verdict(page);
  await context.close();

  const other = await launch();
  const shared = await open(other, link);
  await simulated(shared);
  assert.equal(await verdict(shared), expected);
  assert.equal(await teamSize(shared).inputValue(), '137');
  assert.equal(await shared.getByRole('checkbox', { name: 'Role-based access to environments' }).isChecked(), true);
  // A plain visit to the same config restores the last scenario from localStorage.
  await shared.goto(server.url + '/' + FRAMEWORK);
  await simulated(shared);
  assert.equal(await verdict(shared), expected);
  const keys = await shared.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['tierwise']);
  await other.close();
});

test('a tampered link restores what is valid and says what it ignored', async () => {
  const { context, page } = await fresh(`${FRAMEWORK}&team_size=77&scale=lots&requirements=sso,bogus&colour=red`);
  const notice = page.locator('.notice');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /scale must be a number, not a string/);
  assert.match(text, /requirements\[1\] names an unknown requirement "bogus"/);
  assert.match(text, /colour is not a setting Tierwise knows; it was ignored/);
  assert.equal(await teamSize(page).inputValue(), '77');
  assert.equal(await page.getByRole('spinbutton', { name: 'Deployment scale', exact: true }).inputValue(), '3');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0);
  // A chart's data table is drawn while its details are open, and gone when they close.
  const data = page.locator('figure:has(#tw-cumulative-title) details.data');
  assert.equal(await data.locator('table').count(), 0);
  await data.locator('summary').click();
  // The table comes with the toggle event, a task after the click: wait for it.
  await data.locator('table').waitFor();
  assert.equal(await data.locator('table').count(), 1);
  await data.locator('summary').click();
  await page.waitForFunction(() => !document.querySelector('tierwise-calculator').shadowRoot.querySelector('details.data table'));
  await context.close();
});

test('exports: CSV of the yearly lines and JSON of scenario and result', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.equal(csvDownload.suggestedFilename(), 'tierwise-latticework.csv');
  const csvPath = ARTIFACTS + 'export.csv';
  await csvDownload.saveAs(csvPath);
  const rows = (await readFile(csvPath, 'utf8')).trim().split('\n');
  assert.equal(rows[0], 'option,view,year,licence,infrastructure,operations,self_help,downtime,compliance,migration,compliance_build,total');
  // 3 options × 2 views (at the entered values, expected) × (one-time row + 3 years).
  assert.equal(rows.length, 1 + 3 * 2 * 4);
  assert.match(rows[5], /^Latticework Open Source,expected,0,/);
  assert.match(rows[9], /^Latticework Platform,values,0,/);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const jsonPath = ARTIFACTS + 'export.json';
  await jsonDownload.saveAs(jsonPath);
  const data = JSON.parse(await readFile(jsonPath, 'utf8'));
  assert.equal(data.product, 'Latticework');
  assert.equal(data.scenario.team_size, 25);
  assert.equal(data.scenario.assumptions.engineer_cost.value, 110000);
  assert.equal(data.result.options.length, 3);
  assert.equal(data.result.options[0].savings, null);
  assert.equal(data.result.options[1].years.length, 3);
  assert.equal(data.result.model, 2);
  assert.equal(typeof data.result.options[1].expected_present_cost, 'number');
  assert.equal(typeof data.result.options[1].savings_at_values, 'number');
  assert.equal(data.result.monte_carlo.draws, 10000);
  assert.ok(Array.isArray(data.result.options[1].wins_team_size));
  await context.close();
});

test('print to PDF: a report of 1 to 3 pages on A4 and Letter that a reader can check and reopen', async () => {
  const query = '?config=configs/devtool-seats.json&team_size=120&scale=8&requirements=sso,audit_events';
  const { context, page } = await fresh(query);
  await simulated(page);
  const shown = await verdict(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.toolbar').isVisible(), false);
  assert.equal(await page.locator('.assumptions-print').isVisible(), true);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    const path = ARTIFACTS + `report-${format.toLowerCase()}.pdf`;
    await writeFile(path, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 3, `${format}: ${pages} pages`);
    // What a reader finds in the PDF's text (pdftotext, Debian's poppler-utils).
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    const today = new Date().toISOString().slice(0, 10);
    for (const want of [
      'Forgeline: what each option costs',
      `Prepared on ${today} with Tierwise, cost model 2.`,
      'Scenario: 120 users growing 15% a year and 8 CI runners growing 20% a year, over 3 years.',
      'Requirements: SAML single sign-on, Audit events and log streaming.',
      shown.replace(/\s+/g, ' ').slice(0, 60),
      'Expected present cost', 'At your figures',
      'Forgeline Community', 'Forgeline Cloud Free', 'Forgeline Cloud Team', 'Forgeline Enterprise', 'Forgeline Dedicated',
      'Cumulative cost over time', 'Where the money goes', 'Savings against team size', 'What the answer depends on',
      'Every cost line', 'Year 1', 'Licence', 'Self-help',
      'Assumptions: value (low – high) and source', 'Engineer cost', 'Base infrastructure',
    ]) {
      assert.ok(flat.includes(want), `${format}: the report lacks "${want}"`);
    }
    // Every assumption's source note is printed.
    const config = JSON.parse(await readFile(new URL('../../public/configs/devtool-seats.json', import.meta.url), 'utf8'));
    for (const a of Object.values(config.assumptions)) {
      assert.ok(flat.includes(a.source.slice(0, 30)), `${format}: no source "${a.source}"`);
    }
    // The share link, printed in full, reopens the exact scenario.
    // The link wraps across lines in print: it is everything up to the first fieldset's legend.
    const link = (flat.split('Reopen this scenario:')[1] ?? '').split('Your situation')[0].replace(/\s+/g, '');
    assert.match(link, /team_size=120&scale=8&horizon=3/);
    const reopened = await open(context, link);
    await reopened.locator('.verdict').waitFor({ timeout: 20000 });
    await verdictWhere(reopened, 'simulated futures');
    assert.equal(await verdict(reopened), shown);
    await reopened.close();
  }
  await context.close();
});

test('presenter mode: results first, assumptions hidden, A and B side by side', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  const present = page.getByRole('button', { name: 'Presenter mode' });
  assert.equal(await present.getAttribute('aria-pressed'), 'false');
  await present.click();
  assert.equal(await present.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.tierwise.present').count(), 1);
  assert.equal(await page.locator('.assumptions').isVisible(), false);
  const verdictBox = await page.locator('.verdict').boundingBox();
  const inputsBox = await page.locator('.inputs').boundingBox();
  assert.ok(verdictBox.y < inputsBox.y, 'the verdict comes before the inputs');
  const clear = page.getByRole('button', { name: 'Clear A' });
  assert.equal(await clear.isDisabled(), true);
  const pin = page.getByRole('button', { name: 'Pin current as A' });
  await pin.click();
  assert.equal(await clear.isDisabled(), false);
  // Each column's costs: A's are computed once, when A is pinned.
  const costs = (i) => page.locator('.scenario-column').nth(i).locator('li').allTextContents();
  const pinned = await costs(0);
  assert.deepEqual(await costs(1), pinned, 'A is the current scenario when pinned');
  await teamSize(page).fill('500');
  const row = page.locator('.differences tr.changed');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.equal(await row.first().textContent(), 'Team size25500');
  assert.equal(await page.locator('.differences mark').textContent(), '500');
  assert.equal(await page.locator('.scenario-column').count(), 2);
  assert.deepEqual(await costs(0), pinned, 'A keeps its figures when B changes');
  assert.notDeepEqual(await costs(1), pinned, 'B has its own');
  // Pinned anew, A is the scenario as it is now.
  await pin.click();
  await page.locator('.compare .differences td[colspan]').waitFor();
  assert.deepEqual(await costs(0), await costs(1));
  assert.notDeepEqual(await costs(0), pinned);
  await page.waitForFunction(() => location.search.includes('mode=present'));
  await clear.click();
  await page.locator('.compare .hint').waitFor();
  assert.equal(await clear.isDisabled(), true);
  // The theme picker themes the calculator and the link; the share button says what it copied.
  await page.getByLabel('Theme').selectOption('dark');
  assert.equal(await page.locator('.tierwise.present').getAttribute('data-theme'), 'dark');
  await page.waitForFunction(() => location.search.includes('theme=dark'));
  // The element's theme, set after a person chose one, shows in the picker too.
  await page.evaluate(() => document.querySelector('tierwise-calculator').setAttribute('theme', 'light'));
  await page.waitForFunction(() => document.querySelector('tierwise-calculator').shadowRoot.querySelector('.toolbar select').value === 'light');
  assert.equal(await page.locator('.tierwise.present').getAttribute('data-theme'), 'light');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  assert.match(await page.locator('.copied').textContent(), /^Link copied: http\S+mode=present&theme=dark$/);
  await context.close();
});

test('show the math: a cost line opens its formula with the numbers substituted', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  await page.getByRole('button', { name: /^Latticework Open Source, Operations, year 2: .+ Show the math$/ }).click();
  const math = await page.locator('.math').textContent();
  assert.match(math, /^Operations: \(6 h \+ 4 h × 3\.75 production apps\) a month × 12 × €[\d.,]+\/h .+ = €[\d,]+$/);
  await context.close();
});

test('configs: the picker, a config from the URL, a bad one and a foreign one', async () => {
  const { context, page } = await fresh();
  await page.getByLabel('Pricing config').selectOption('configs/devtool-seats.json');
  await verdictWhere(page, '^Forgeline');
  assert.match(page.url(), /config=configs\/devtool-seats\.json/);

  await page.goto(server.url + '/?config=/fixtures/bad.json');
  const panel = page.locator('.error');
  await panel.waitFor();
  assert.match(await panel.textContent(), /options\[1\]\.price\.bands\[0\]\.per_seat is -5, but must be between 0 and 1,000,000,000,000/);

  await page.goto(server.url + '/?config=/fixtures/not-json.json');
  await page.locator('.error').waitFor();
  assert.match(await page.locator('.error').textContent(), /not valid JSON/);

  await page.goto(server.url + '/?config=https://elsewhere.example/pricing.json');
  await page.locator('.error').waitFor();
  assert.match(await page.locator('.error').textContent(), /must come from this site/);
  assert.ok(!server.requests.some((r) => r.includes('elsewhere')));
  await context.close();
});

test('keyboard only: every control is reachable and shows its focus', async () => {
  const { context, page } = await fresh(FRAMEWORK);
  const seen = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const style = getComputedStyle(el);
      return { name: el.getAttribute('aria-label') || el.id || el.textContent.trim().slice(0, 30), outline: style.outlineStyle, width: style.outlineWidth };
    });
    assert.notEqual(info.outline, 'none', `focus is visible on ${info.name}`);
    seen.add(info.name);
  }
  for (const id of ['tw-team-size', 'tw-scale', 'tw-horizon', 'tw-team-growth', 'tw-scale-growth', 'tw-req-sso']) {
    assert.ok(seen.has(id), `${id} reached by Tab`);
  }
  await teamSize(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('900');
  await page.waitForFunction(() => location.search.includes('team_size=900'));
  await context.close();
});

const FIVE = '?config=configs/devtool-seats.json&team_size=120&scale=8&requirements=sso';

test('axe finds no WCAG 2.2 AA violation in light, dark and presenter mode, with three options and five', async () => {
  for (const [name, query] of [
    ['light', FRAMEWORK + '&theme=light'], ['dark', FRAMEWORK + '&theme=dark'], ['present', FRAMEWORK + '&mode=present'],
    ['five options, light', FIVE + '&theme=light'], ['five options, dark', FIVE + '&theme=dark'], ['five options, present', FIVE + '&mode=present'],
  ]) {
    const { context, page } = await fresh(query);
    await simulated(page);
    await page.locator('summary', { hasText: 'Assumptions' }).click().catch(() => {});
    assert.deepEqual(await axeViolations(page), [], name);
    await context.close();
  }
});

test('screenshots of a five-option config at 375, 768 and 1280 px and in presenter mode, and no sideways scrolling from 320 px', async () => {
  for (const [width, mode] of [[320, ''], [375, ''], [768, ''], [1280, ''], [1280, '&mode=present']]) {
    const { context, page } = await fresh(FIVE + mode);
    await page.setViewportSize({ width, height: 900 });
    await simulated(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: the page scrolls sideways by ${overflow} px`);
    // The requirements matrix scrolls sideways inside its own box, its first column in place.
    const matrix = await page.locator('.matrix-scroll').evaluate((el) => ({ scrolls: el.scrollWidth > el.clientWidth, sticky: getComputedStyle(el.querySelector('tbody th[scope="row"]')).position }));
    assert.equal(matrix.sticky, 'sticky');
    if (width <= 375) assert.equal(matrix.scrolls, true, `${width} px: the matrix should scroll`);
    const name = mode ? 'calculator-present' : `calculator-${width}`;
    if (width !== 320) await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
    await context.close();
  }
});
