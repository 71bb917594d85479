// The JSON Schema of pricing configs (schema/config.schema.json) against the configs we ship,
// the spec's examples, and a table of broken configs, each one change away from a valid one.
// Every case is also put to `tierwise check`, so the schema and the engine's validator cannot
// drift apart unnoticed: both must accept the valid configs, both must refuse the broken ones,
// and the CLI must name the field at fault by the same path as one of Ajv's errors.
//
// The CLI half needs the native binary (target/debug/tierwise, or TIERWISE_BIN): run
// `cargo build` first. Without it a test fails saying so (the other CLI cases are skipped with
// a pointer to it): the run fails, it does not skip silently.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = new URL('../../', import.meta.url);
/** The spec's folder, a sibling of the repository. */
const SHARED = new URL('../../../shared/spec/', import.meta.url);
const BIN = process.env.TIERWISE_BIN || fileURLToPath(new URL('target/debug/tierwise', ROOT));

const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));
const schema = readJson(new URL('schema/config.schema.json', ROOT));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

/** The configs that must be valid: the shipped samples, and the spec's examples when present. */
const SAMPLES = readdirSync(new URL('public/configs/', ROOT))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: `public/configs/${f}`, url: new URL(`public/configs/${f}`, ROOT) }));
const HAVE_SHARED = existsSync(SHARED);
const EXAMPLES = HAVE_SHARED
  ? readdirSync(SHARED)
      .filter((f) => /^example-config.*\.json$/.test(f))
      .sort()
      .map((f) => ({ name: `shared/spec/${f}`, url: new URL(f, SHARED) }))
  : [];

// ---------------------------------------------------------------------------------------------
// Paths: Ajv speaks JSON Pointer (/options/1/price/quote/low), the engine the notation of its
// messages (options[1].price.quote.low).

/** `pointer` in the CLI's notation; `doc` tells array indices from keys that look like numbers. */
export function cliPath(pointer, doc) {
  if (pointer === '') return '';
  let path = '';
  let node = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path += `[${key}]`;
    } else {
      path += path ? `.${key}` : key;
    }
    node = node != null && typeof node === 'object' ? node[key] : undefined;
  }
  return path;
}

const escapePointer = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** The path an Ajv error is about, in the CLI's notation: for a missing or unknown property,
 * the property's own path (as the engine reports it), not its parent's. */
export function errorPath(error, doc) {
  let pointer = error.instancePath;
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    pointer += `/${escapePointer(error.params.missingProperty)}`;
  } else if (error.keyword === 'additionalProperties') {
    pointer += `/${escapePointer(error.params.additionalProperty)}`;
  }
  return cliPath(pointer, doc);
}

test('cliPath turns JSON Pointers into the CLI notation', () => {
  const doc = { options: [{}, { price: { quote: {} } }], requirements: [{ '7': 'x', 'a/b': 1 }] };
  assert.equal(cliPath('', doc), '');
  assert.equal(cliPath('/schema', doc), 'schema');
  assert.equal(cliPath('/options/1/price/quote/low', doc), 'options[1].price.quote.low');
  assert.equal(cliPath('/requirements/0/7', doc), 'requirements[0].7');
  assert.equal(cliPath('/requirements/0/a~1b', doc), 'requirements[0].a/b');
  assert.equal(cliPath('/options/0/limits/max_scale', doc), 'options[0].limits.max_scale');
  assert.equal(errorPath({ keyword: 'required', instancePath: '/options/1', params: { missingProperty: 'availability' } }, doc), 'options[1].availability');
  assert.equal(errorPath({ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'nope' } }, doc), 'nope');
});

// ---------------------------------------------------------------------------------------------
// The valid configs the broken ones are made from.

/** A compact model-2 config using every model-2 construct; options 0 community, 1 cloud_free,
 * 2 cloud_team, 3 enterprise. */
const MODEL2 = {
  $schema: 'https://tierwise.example/schema/config-2.json',
  schema: 2,
  product: 'Schema Test',
  currency: 'USD',
  scale_unit: { one: 'node', many: 'nodes' },
  defaults: { team_size: 40, scale: 6, horizon: 3, team_growth: 0.2, scale_growth: 0.3, requirements: ['sso'] },
  assumptions: {
    engineer_cost: { value: 180000, low: 130000, high: 250000, source: 'Survey' },
    work_hours: 1800,
    infra_base_month: { value: 300, low: 150, high: 600 },
    infra_per_unit_month: 420,
    migration_weeks: { low: 1, high: 6 },
  },
  options: [
    { id: 'community', kind: 'community', name: 'Community' },
    {
      id: 'cloud_free', kind: 'cloud', name: 'Cloud Free',
      price: { source: 'Pricing page' },
      limits: { max_team_size: 5, max_scale: 1 },
      admin_hours_month: 1, support_reduction: 0, availability: 0.995,
    },
    {
      id: 'cloud_team', kind: 'cloud', name: 'Cloud Team',
      price: {
        bands: [{ per_seat: 240 }],
        unit_bands: [{ up_to: 2, per_unit: 0 }, { up_to: 50, per_unit: 14400 }, { per_unit: 10800 }],
        minimum: 2400,
      },
      limits: { max_team_size: 250 },
      admin_hours_month: 4, support_reduction: 0.5, availability: 0.999,
    },
    {
      id: 'enterprise', kind: 'enterprise', name: 'Enterprise',
      price: {
        platform_fee: 15000,
        bands: [{ up_to: 50, per_seat: 600 }, { up_to: 250, per_seat: 450 }, { per_seat: 300 }],
        per_unit: 2400,
        minimum: 50000,
        term_discounts: [{ min_years: 2, discount: 0.05 }, { min_years: 3, discount: 0.1 }],
        quote: { low: 0.6, high: 1.1 },
        source: 'Typical deal',
      },
      limits: { min_team_size: 25 },
      infra_factor: 1.1,
      ops_reduction: 0.3, support_reduction: 0.75, downtime_reduction: 0.5,
      cta: { label: 'Talk to sales', url: 'https://example.com/sales' },
    },
  ],
  requirements: [
    {
      id: 'sso', name: 'Single sign-on', group: 'Security',
      community: { build: { weeks: 6, upkeep: 0.2 } },
      cloud_free: 'unavailable',
      cloud_team: { addon: { per_seat: 48, source: 'SSO add-on' } },
      enterprise: 'included',
    },
    {
      id: 'sla_support', name: '24/7 support', group: 'Operations',
      community: { external: { per_year: 20000, per_seat: 150 } },
      cloud_free: 'unavailable',
      cloud_team: { addon: { per_year: 12000 } },
      enterprise: 'included',
    },
  ],
};

/** A model-1 sample: options 0 community, 1 enterprise, 2 cloud; requirement 1 (scim) has a
 * cloud add-on. */
const MODEL1 = readJson(new URL('public/configs/stream-platform.json', ROOT));

const clone = (x) => structuredClone(x);
const from = (base, edit) => {
  const c = clone(base);
  edit(c);
  return c;
};
const paidOption = (i) => ({ id: `paid_${i}`, kind: 'cloud', name: `Paid ${i}`, price: {}, availability: 0.999 });
/** `c` with paid options added until it has `paid` of them, each named in every requirement. */
const withPaid = (c, paid) => {
  for (let i = c.options.length - 1; i < paid; i++) {
    const o = paidOption(i);
    c.options.push(o);
    for (const r of c.requirements ?? []) r[o.id] = 'unavailable';
  }
};

// ---------------------------------------------------------------------------------------------
// Broken configs. `path`: where the problem is, in the CLI's notation; Ajv must report an error
// there and the CLI must name it. `model1`: a
// model-2 construct in a model-1 config, whose message must say to declare "schema": 2.
// `cli: 'warns'`: the schema refuses, but the engine only warns (an ignored unknown field).
const BROKEN = [
  // The model-2 constructs, out of range or malformed.
  { name: 'quote low 1.5', base: MODEL2, edit: (c) => { c.options[3].price.quote.low = 1.5; }, path: 'options[3].price.quote.low' },
  { name: 'quote low 0', base: MODEL2, edit: (c) => { c.options[3].price.quote.low = 0; }, path: 'options[3].price.quote.low' },
  { name: 'quote high 0.9', base: MODEL2, edit: (c) => { c.options[3].price.quote.high = 0.9; }, path: 'options[3].price.quote.high' },
  { name: 'quote high 11', base: MODEL2, edit: (c) => { c.options[3].price.quote.high = 11; }, path: 'options[3].price.quote.high' },
  { name: 'quote without high', base: MODEL2, edit: (c) => { delete c.options[3].price.quote.high; }, path: 'options[3].price.quote.high' },
  { name: 'limits max_team_size 0', base: MODEL2, edit: (c) => { c.options[1].limits.max_team_size = 0; }, path: 'options[1].limits.max_team_size' },
  { name: 'limits max_team_size 2,000,000', base: MODEL2, edit: (c) => { c.options[1].limits.max_team_size = 2e6; }, path: 'options[1].limits.max_team_size' },
  { name: 'limits max_scale 0', base: MODEL2, edit: (c) => { c.options[1].limits.max_scale = 0; }, path: 'options[1].limits.max_scale' },
  { name: 'limits on the community option', base: MODEL2, edit: (c) => { c.options[0].limits = { max_team_size: 5 }; }, path: 'options[0].limits' },
  { name: 'per_unit together with unit_bands', base: MODEL2, edit: (c) => { c.options[2].price.per_unit = 100; }, path: 'options[2].price.unit_bands' },
  { name: 'a negative unit band per_unit', base: MODEL2, edit: (c) => { c.options[2].price.unit_bands[1].per_unit = -1; }, path: 'options[2].price.unit_bands[1].per_unit' },
  { name: 'a unit band with per_seat', base: MODEL2, edit: (c) => { c.options[2].price.unit_bands[1] = { up_to: 50, per_seat: 1 }; }, path: 'options[2].price.unit_bands[1].per_unit' },
  { name: 'infra_factor 11', base: MODEL2, edit: (c) => { c.options[3].infra_factor = 11; }, path: 'options[3].infra_factor' },
  { name: 'infra_factor on a cloud option', base: MODEL2, edit: (c) => { c.options[2].infra_factor = 1; }, path: 'options[2].infra_factor' },
  { name: 'an addon with no amount, only a source', base: MODEL2, edit: (c) => { c.requirements[0].cloud_team = { addon: { source: 'x' } }; }, path: 'requirements[0].cloud_team.addon' },
  { name: 'an external with per_seat -5', base: MODEL2, edit: (c) => { c.requirements[1].community.external.per_seat = -5; }, path: 'requirements[1].community.external.per_seat' },
  { name: 'an empty source note on a price', base: MODEL2, edit: (c) => { c.options[1].price.source = '  '; }, path: 'options[1].price.source' },
  // Options.
  { name: '8 options (7 paid)', base: MODEL2, edit: (c) => withPaid(c, 7), path: 'options' },
  { name: 'two community options', base: MODEL2, edit: (c) => { c.options[1] = { id: 'cloud_free', kind: 'community', name: 'Second community' }; }, path: 'options' },
  { name: 'no paid option', base: MODEL2, edit: (c) => { c.options = [c.options[0]]; for (const r of c.requirements) for (const k of ['cloud_free', 'cloud_team', 'enterprise']) delete r[k]; }, path: 'options' },
  { name: 'a cloud option without availability', base: MODEL2, edit: (c) => { delete c.options[1].availability; }, path: 'options[1].availability' },
  { name: 'an enterprise option without price', base: MODEL2, edit: (c) => { delete c.options[3].price; }, path: 'options[3].price' },
  { name: 'availability 1.5', base: MODEL2, edit: (c) => { c.options[2].availability = 1.5; }, path: 'options[2].availability' },
  { name: 'an option id with a space', base: MODEL2, edit: (c) => { c.options[1].id = 'cloud free'; for (const r of c.requirements) { r['cloud free'] = r.cloud_free; delete r.cloud_free; } }, path: 'options[1].id' },
  { name: 'a javascript: cta url', base: MODEL2, edit: (c) => { c.options[3].cta.url = 'javascript:alert(1)'; }, path: 'options[3].cta.url' },
  { name: 'a cta url with a space', base: MODEL2, edit: (c) => { c.options[3].cta.url = 'https://example.com/talk to sales'; }, path: 'options[3].cta.url' },
  { name: 'a protocol-relative cta url', base: MODEL2, edit: (c) => { c.options[3].cta.url = '//evil.example/'; }, path: 'options[3].cta.url' },
  // Prices.
  { name: 'a negative band per_seat', base: MODEL2, edit: (c) => { c.options[3].price.bands[0].per_seat = -1; }, path: 'options[3].price.bands[0].per_seat' },
  { name: 'a band up_to 0', base: MODEL2, edit: (c) => { c.options[3].price.bands[0].up_to = 0; }, path: 'options[3].price.bands[0].up_to' },
  { name: 'platform_fee over 1e12', base: MODEL2, edit: (c) => { c.options[3].price.platform_fee = 2e12; }, path: 'options[3].price.platform_fee' },
  { name: 'term discount min_years 1.5', base: MODEL2, edit: (c) => { c.options[3].price.term_discounts[0].min_years = 1.5; }, path: 'options[3].price.term_discounts[0].min_years' },
  { name: 'term discount 1.2', base: MODEL2, edit: (c) => { c.options[3].price.term_discounts[1].discount = 1.2; }, path: 'options[3].price.term_discounts[1].discount' },
  // The document, defaults and assumptions.
  { name: 'a missing schema', base: MODEL2, edit: (c) => { delete c.schema; }, path: 'schema' },
  { name: 'schema 3', base: MODEL2, edit: (c) => { c.schema = 3; }, path: 'schema' },
  { name: 'schema "2"', base: MODEL2, edit: (c) => { c.schema = '2'; }, path: 'schema' },
  { name: 'currency "usd"', base: MODEL2, edit: (c) => { c.currency = 'usd'; }, path: 'currency' },
  { name: 'a missing product', base: MODEL2, edit: (c) => { delete c.product; }, path: 'product' },
  { name: 'defaults horizon 2.5', base: MODEL2, edit: (c) => { c.defaults.horizon = 2.5; }, path: 'defaults.horizon' },
  { name: 'defaults scale 0', base: MODEL2, edit: (c) => { c.defaults.scale = 0; }, path: 'defaults.scale' },
  { name: 'defaults team_growth -1', base: MODEL2, edit: (c) => { c.defaults.team_growth = -1; }, path: 'defaults.team_growth' },
  { name: 'an assumption with an unknown id', base: MODEL2, edit: (c) => { c.assumptions.nope = 1; }, path: 'assumptions.nope' },
  { name: 'work_hours 50', base: MODEL2, edit: (c) => { c.assumptions.work_hours = 50; }, path: 'assumptions.work_hours' },
  { name: 'an assumption low above its allowed range', base: MODEL2, edit: (c) => { c.assumptions.engineer_cost.low = 2e7; }, path: 'assumptions.engineer_cost.low' },
  { name: 'an assumption low without high', base: MODEL2, edit: (c) => { delete c.assumptions.engineer_cost.high; }, path: 'assumptions.engineer_cost.high' },
  { name: 'self_hosted_availability 1.01', base: MODEL2, edit: (c) => { c.assumptions.self_hosted_availability = 1.01; }, path: 'assumptions.self_hosted_availability' },
  // Treatments.
  { name: 'a treatment "maybe"', base: MODEL2, edit: (c) => { c.requirements[0].enterprise = 'maybe'; }, path: 'requirements[0].enterprise' },
  { name: 'a treatment with two kinds', base: MODEL2, edit: (c) => { c.requirements[0].enterprise = { included: {}, addon: { per_year: 1 } }; }, path: 'requirements[0].enterprise' },
  { name: 'a treatment {"maybe": {}}', base: MODEL2, edit: (c) => { c.requirements[0].enterprise = { maybe: {} }; }, path: 'requirements[0].enterprise' },
  { name: 'build weeks 600', base: MODEL2, edit: (c) => { c.requirements[0].community.build.weeks = 600; }, path: 'requirements[0].community.build.weeks' },
  { name: 'build without weeks', base: MODEL2, edit: (c) => { c.requirements[0].community.build = { upkeep: 0.2 }; }, path: 'requirements[0].community.build.weeks' },
  // Model-2 constructs in a model-1 config.
  { name: 'model 1 with limits', base: MODEL1, model1: true, edit: (c) => { c.options[1].limits = { min_team_size: 25 }; }, path: 'options[1].limits' },
  { name: 'model 1 with unit_bands', base: MODEL1, model1: true, edit: (c) => { delete c.options[2].price.per_unit; c.options[2].price.unit_bands = [{ up_to: 2, per_unit: 0 }, { per_unit: 14400 }]; }, path: 'options[2].price.unit_bands' },
  { name: 'model 1 with infra_base_month', base: MODEL1, model1: true, edit: (c) => { c.assumptions.infra_base_month = 300; }, path: 'assumptions.infra_base_month' },
  { name: 'model 1 with a per-seat addon', base: MODEL1, model1: true, edit: (c) => { c.requirements[1].cloud = { addon: { per_year: 6000, per_seat: 48 } }; }, path: 'requirements[1].cloud.addon.per_seat' },
  { name: 'model 1 with a per-unit external', base: MODEL1, model1: true, edit: (c) => { c.requirements[3].community = { external: { per_year: 1000, per_unit: 100 } }; }, path: 'requirements[3].community.external.per_unit' },
  { name: 'model 1 with a quote', base: MODEL1, model1: true, edit: (c) => { c.options[1].price.quote = { low: 0.6, high: 1.1 }; }, path: 'options[1].price.quote' },
  { name: 'model 1 with a price source', base: MODEL1, model1: true, edit: (c) => { c.options[1].price.source = 'Pricing page'; }, path: 'options[1].price.source' },
  { name: 'model 1 with infra_factor', base: MODEL1, model1: true, edit: (c) => { c.options[1].infra_factor = 1.1; }, path: 'options[1].infra_factor' },
  { name: 'model 1 with {"included": {"source"}}', base: MODEL1, model1: true, edit: (c) => { c.requirements[0].enterprise = { included: { source: 'Docs' } }; }, path: 'requirements[0].enterprise.included' },
  { name: 'model 1 with {"unavailable": {"source"}}', base: MODEL1, model1: true, edit: (c) => { c.requirements[0].cloud = { unavailable: { source: 'Docs' } }; }, path: 'requirements[0].cloud.unavailable' },
  { name: 'model 1 with an addon source', base: MODEL1, model1: true, edit: (c) => { c.requirements[1].cloud.addon.source = 'Pricing page'; }, path: 'requirements[1].cloud.addon.source' },
  { name: 'model 1 with a build source', base: MODEL1, model1: true, edit: (c) => { c.requirements[0].community.build.source = 'Estimate'; }, path: 'requirements[0].community.build.source' },
  { name: 'model 1 with three paid options', base: MODEL1, model1: true, edit: (c) => withPaid(c, 3), path: 'options' },
  // Unknown fields: the schema refuses them (editors flag typos); the engine ignores them with a warning.
  { name: 'a misspelt price field', base: MODEL2, cli: 'warns', edit: (c) => { c.options[3].price.platform_fees = 1; }, path: 'options[3].price.platform_fees' },
  { name: 'a misspelt top-level field', base: MODEL1, cli: 'warns', edit: (c) => { c.requirement = []; }, path: 'requirement' },
];

/** Valid model-2 variations (and model-1 edge cases) both must accept. */
const VALID = [
  { name: 'the model-2 base config', base: MODEL2, edit: () => {} },
  { name: 'the model-1 base config', base: MODEL1, edit: () => {} },
  { name: 'a cloud option priced {}', base: MODEL2, edit: (c) => { c.options[1].price = {}; } },
  { name: 'an enterprise option priced {} (a free tier)', base: MODEL2, edit: (c) => { c.options[3].price = {}; } },
  { name: '{"included": {"source": …}}', base: MODEL2, edit: (c) => { c.requirements[0].enterprise = { included: { source: 'Included in every plan, pricing page' } }; } },
  { name: '{"unavailable": {"source": …}}', base: MODEL2, edit: (c) => { c.requirements[0].cloud_free = { unavailable: { source: 'Not on the free tier' } }; } },
  { name: 'an addon per_unit only', base: MODEL2, edit: (c) => { c.requirements[1].cloud_team = { addon: { per_unit: 1200 } }; } },
  { name: 'an external with every part and a source', base: MODEL2, edit: (c) => { c.requirements[1].community = { external: { per_year: 1, per_seat: 2, per_unit: 3, source: 'Quote' } }; } },
  { name: 'a build with a source note', base: MODEL2, edit: (c) => { c.requirements[0].community.build.source = 'Our estimate'; } },
  { name: 'six paid options', base: MODEL2, edit: (c) => withPaid(c, 6) },
  { name: 'the community option listed last', base: MODEL2, edit: (c) => { c.options.push(c.options.shift()); } },
  { name: 'quote at its edges (low 1, high 1)', base: MODEL2, edit: (c) => { c.options[3].price.quote = { low: 1, high: 1 }; } },
  { name: 'quote at its edges (low 0.01, high 10)', base: MODEL2, edit: (c) => { c.options[3].price.quote = { low: 0.01, high: 10 }; } },
  { name: 'limits at the ends of the input ranges', base: MODEL2, edit: (c) => { c.options[3].limits = { min_team_size: 1, max_team_size: 1e6, max_scale: 1e6 }; } },
  { name: 'empty limits', base: MODEL2, edit: (c) => { c.options[2].limits = {}; } },
  { name: 'infra_factor 0', base: MODEL2, edit: (c) => { c.options[3].infra_factor = 0; } },
  { name: 'unit_bands of one open band', base: MODEL2, edit: (c) => { c.options[2].price.unit_bands = [{ per_unit: 100 }]; } },
  { name: 'a cta url that is a path, in capitals', base: MODEL2, edit: (c) => { c.options[3].cta.url = '/Pricing?plan=Enterprise#Sales'; } },
  { name: 'a cta url with an upper-case scheme', base: MODEL2, edit: (c) => { c.options[3].cta.url = 'HTTPS://Example.com/sales'; } },
  { name: 'a model-2 config without $schema', base: MODEL2, edit: (c) => { delete c.$schema; } },
  { name: 'a model-1 config with $schema', base: MODEL1, edit: (c) => { c.$schema = 'https://tierwise.example/schema/config-2.json'; } },
  { name: 'a model-1 cloud option priced {}', base: MODEL1, edit: (c) => { c.options[2].price = {}; } },
  { name: 'a model-1 config with every assumption a bare number', base: MODEL1, edit: (c) => { for (const [k, v] of Object.entries(c.assumptions)) c.assumptions[k] = v.value ?? v; } },
];

// ---------------------------------------------------------------------------------------------
// The CLI.

const TMP = mkdtempSync(join(tmpdir(), 'tierwise-schema-'));
after(() => rmSync(TMP, { recursive: true, force: true }));
let files = 0;

/** Runs `tierwise check` on `doc`: its exit code and everything it printed. */
function check(doc) {
  const file = join(TMP, `config-${++files}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const r = spawnSync(BIN, ['check', file], { encoding: 'utf8', timeout: 10_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}${r.stderr}`.replaceAll(file, 'CONFIG') };
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the CLI's output names `path` as a word of its own (`options` does not match
 * `options[1].id`). */
function names(out, path) {
  return new RegExp(`(?:^|[\\s:])${escapeRegExp(path)}(?=[\\s:]|$)`, 'm').test(out);
}

const HAVE_BIN = existsSync(BIN);
const NO_BIN = `no CLI binary at ${BIN}: run \`cargo build\` first (or set TIERWISE_BIN)`;

// ---------------------------------------------------------------------------------------------
// The schema half.

describe('the JSON Schema', () => {
  test('compiles in strict mode, with a description on every property', () => {
    const missing = [];
    const walk = (node, at) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      for (const [key, sub] of Object.entries(node.properties ?? {})) {
        // Boolean schemas (`true` beside a `required`, `false` for "absent") are never shown.
        if (typeof sub === 'object' && typeof sub.description !== 'string') missing.push(`${at}/properties/${key}`);
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`);
    };
    walk(schema, '#');
    assert.deepEqual(missing, []);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://tierwise.example/schema/config-2.json');
  });

  for (const { name, url } of [...SAMPLES, ...EXAMPLES]) {
    test(`accepts ${name}`, () => {
      const doc = readJson(url);
      assert.ok(validate(doc), `${name}:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    });
  }
  test('finds the spec\'s example configs', { skip: HAVE_SHARED ? false : `the spec folder ${fileURLToPath(SHARED)} is absent: its example configs are not checked` }, () => {
    const names = EXAMPLES.map((e) => e.name);
    for (const f of ['example-config.json', 'example-config-v1.json']) assert.ok(names.includes(`shared/spec/${f}`), `${f} is missing from the spec folder`);
  });

  for (const { name, base, edit } of VALID) {
    test(`accepts ${name}`, () => {
      const doc = from(base, edit);
      assert.ok(validate(doc), ajv.errorsText(validate.errors, { separator: '\n' }));
    });
  }

  for (const { name, base, edit, path } of BROKEN) {
    test(`refuses ${name}`, () => {
      const doc = from(base, edit);
      assert.equal(validate(doc), false, 'the schema accepted it');
      const paths = validate.errors.map((e) => errorPath(e, doc));
      assert.ok(paths.includes(path), `no error at ${path}; the errors:\n${validate.errors.map((e, i) => `${paths[i] || '(document)'}: ${e.message}`).join('\n')}`);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The CLI half: the same documents through `tierwise check`.

describe('tierwise check agrees', () => {
  test('the CLI binary is built', () => {
    assert.ok(HAVE_BIN, NO_BIN);
  });
  const opts = { skip: HAVE_BIN ? false : 'no CLI binary (see the failing test above)' };

  for (const { name, url } of [...SAMPLES, ...EXAMPLES]) {
    test(`accepts ${name}`, opts, (t) => {
      const { code, out } = check(readJson(url));
      assert.equal(code, 0, out);
      if (/warning:/.test(out)) t.diagnostic(out.trim());
    });
  }

  for (const { name, base, edit } of VALID) {
    test(`accepts ${name}`, opts, (t) => {
      const { code, out } = check(from(base, edit));
      assert.equal(code, 0, out);
      if (/warning:/.test(out)) t.diagnostic(out.trim());
    });
  }

  for (const { name, base, edit, path, model1, cli } of BROKEN) {
    test(`${cli === 'warns' ? 'warns of' : 'refuses'} ${name}`, opts, () => {
      const { code, out } = check(from(base, edit));
      if (cli === 'warns') {
        assert.equal(code, 0, out);
        assert.match(out, /warning:/, out);
      } else {
        assert.equal(code, 1, `exit code ${code}, expected 1:\n${out}`);
      }
      assert.ok(names(out, path), `the output does not name ${path}:\n${out}`);
      if (model1) assert.match(out, /"schema": ?2|schema 2/, `the message should say to declare "schema": 2:\n${out}`);
    });
  }
});
