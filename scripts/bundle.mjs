// Trunk post-build hook: seals the widget bundle in $TRUNK_STAGING_DIR/widget/.
// widget/tierwise.js = wasm-bindgen's glue (with its inline_js snippets inlined) +
// src/js/tierwise.js, with the sha384 of the wasm and the stylesheet filled in; the separate
// glue and snippet files are removed. One <script integrity> then covers everything the
// widget loads. The glue's own exports are dropped: the module exports only the documented
// API (mount, evaluate, engine, version). The npm package's other files (package.json, types,
// the React component, custom-elements.json) come from src/js/package/, so dist/widget/ is the
// package (`npm pack dist/widget`) and a site loading it from a URL has the same files.
import { createHash } from 'node:crypto';
import { readFile, writeFile, rm, readdir, copyFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('bundle.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const widget = join(staging, 'widget');
const sri = async (file) => 'sha384-' + createHash('sha384').update(await readFile(file)).digest('base64');

const glueFile = join(widget, 'wasm', 'tierwise.js');
let glue = await readFile(glueFile, 'utf8');
// The Rust side's inline_js snippets: each `import { f } from './snippets/…'` is replaced by the
// snippet's own code, so the bundle stays one module under one integrity hash.
const snippetImport = /^import \{ ([\w, ]+) \} from '\.\/(snippets\/[\w./-]+\.js)';\n/gm;
for (const [line, names, path] of [...glue.matchAll(snippetImport)]) {
  const code = (await readFile(join(widget, 'wasm', path), 'utf8')).replace(/^export /gm, '');
  for (const name of names.split(', ')) {
    if (!code.includes(`function ${name}(`)) throw new Error(`snippet ${path} does not define ${name}`);
  }
  glue = glue.replace(line, `// ---- inline_js snippet (${path}) ----\n${code.trim()}\n`);
}
if (glue.includes("from './snippets/")) throw new Error('a snippet import is left in the glue: update scripts/bundle.mjs');
await rm(join(widget, 'wasm', 'snippets'), { recursive: true, force: true });
for (const name of ['async function __wbg_init(', 'class Widget', 'class Engine', 'function evaluateSync(']) {
  if (!glue.includes(name)) throw new Error(`wasm-bindgen's glue no longer defines ${name}: update scripts/bundle.mjs`);
}
// Only the loader exports; the glue's classes and functions stay module-private.
glue = glue.replace(/^export \{[^}]*\};?\n/gm, '').replace(/^export (class|function|async function|const|let) /gm, '$1 ');
// The glue's default wasm URL (never used: the loader passes the checked response) would make
// bundlers look for a file beside the module.
const defaultUrl = "new URL('tierwise_bg.wasm', import.meta.url)";
if (!glue.includes(defaultUrl)) throw new Error("the glue no longer names its default wasm URL: update scripts/bundle.mjs");
glue = glue.replace(defaultUrl, 'WASM');
if (/^export /m.test(glue)) throw new Error('an export is left in the glue: update scripts/bundle.mjs');
const loader = await readFile(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'src', 'js', 'tierwise.js'), 'utf8');
const sealed = loader
  .replace('__WASM_INTEGRITY__', await sri(join(widget, 'wasm', 'tierwise_bg.wasm')))
  .replace('__STYLESHEET_INTEGRITY__', await sri(join(widget, 'tierwise.css')));
await writeFile(join(widget, 'tierwise.js'), `${glue}\n// ---- Tierwise loader (src/js/tierwise.js) ----\n${sealed}`);
await rm(glueFile);


const packageDir = join(process.env.TRUNK_SOURCE_DIR ?? '.', 'src', 'js', 'package');
for (const file of await readdir(packageDir)) await copyFile(join(packageDir, file), join(widget, file));
