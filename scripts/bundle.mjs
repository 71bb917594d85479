// Trunk post-build hook: seals the widget bundle in $TRUNK_STAGING_DIR/widget/.
// widget/tierwise.js = wasm-bindgen's glue + src/js/tierwise.js, with the sha384 of the wasm
// and the stylesheet filled in; the separate glue file is removed. One <script integrity>
// then covers everything the widget loads.
import { createHash } from 'node:crypto';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('bundle.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const widget = join(staging, 'widget');
const sri = async (file) => 'sha384-' + createHash('sha384').update(await readFile(file)).digest('base64');

const glueFile = join(widget, 'wasm', 'tierwise.js');
const glue = await readFile(glueFile, 'utf8');
for (const name of ['async function __wbg_init(', 'export class Widget', 'export class Engine', 'export function evaluateSync(']) {
  if (!glue.includes(name)) throw new Error(`wasm-bindgen's glue no longer defines ${name}: update scripts/bundle.mjs`);
}
const loader = await readFile(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'src', 'js', 'tierwise.js'), 'utf8');
const sealed = loader
  .replace('__WASM_INTEGRITY__', await sri(join(widget, 'wasm', 'tierwise_bg.wasm')))
  .replace('__STYLESHEET_INTEGRITY__', await sri(join(widget, 'tierwise.css')));
await writeFile(join(widget, 'tierwise.js'), `${glue}\n// ---- Tierwise loader (src/js/tierwise.js) ----\n${sealed}`);
await rm(glueFile);

