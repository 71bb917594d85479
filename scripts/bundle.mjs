// Trunk post-build hook: seals the widget bundle in $TRUNK_STAGING_DIR/widget/.
// widget/tierwise.js = wasm-bindgen's glue (with its inline_js snippets inlined) +
// src/js/tierwise.js, with the sha384 of the wasm and the stylesheet filled in; the separate
// glue and snippet files are removed. One <script integrity> then covers everything the
// widget loads. The glue's own exports are dropped: the module exports only the documented
// API (mount, evaluate, engine, version). The npm package's other files (package.json, types,
// the React component, custom-elements.json) come from src/js/package/, so dist/widget/ is the
// package (`npm pack dist/widget`) and a site loading it from a URL has the same files.
import { createHash } from 'node:crypto';
import { readFile, writeFile, rm, readdir, copyFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('bundle.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const widget = join(staging, 'widget');
const sri = async (file) => 'sha384-' + createHash('sha384').update(await readFile(file)).digest('base64');

const source = process.env.TRUNK_SOURCE_DIR ?? '.';
const release = process.env.TRUNK_PROFILE === 'release';
const run = (command, args) => {
  const r = spawnSync(command, args, { cwd: source, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
  return r.stdout;
};

// ---- wasm-opt, for the main wasm and the chunk, in release (index.html has Trunk skip its
// own build). `--low-memory-unused`: the widget never touches the first 1 KB of memory
// (−1.7 KB gzipped). -Oz twice: the second pass finds a little more (15–50 bytes gzipped,
// measured). `minifyNames` then renames the ~130 imports and ~30
// exports, whose wasm-bindgen names carry a 16-digit hash each, to a letter or two (−3.4 KB
// gzipped on the compact wasm, and less glue, measured), and `renamed` applies the renaming to
// the build's glue.
// `--one-caller-inline-max-function-size=15`: binaryen inlines every function that has one
// caller, whatever its size, by default; the big ones (component bodies, decoders, exports)
// then merge into functions with hundreds of locals, whose code gzip compresses far worse.
// Measured (gzip -9, wasm only): compact 131.7 → 120.6 KB, full 204.6 → 183.8 KB, though the
// raw wasm grows ~2%; 12–20 give the same within 0.3 KB, no inlining at all 184.4 KB (full).
// The functions are then put each beside the one most like it (`orderFunctions`).
// `--strip-producers`, `--strip-target-features`: custom sections for tools that no browser
// reads (−0.2 KB gzipped on the main wasm, −0.15 KB on the chunk, measured).
// KEEP_NAMES=1 keeps the function names (`-g`), for a CPU profile that names Rust functions.
const WASM_OPT = [
  '-Oz',
  '--low-memory-unused',
  '--one-caller-inline-max-function-size=15',
  '-Oz',
  '--strip-producers',
  '--strip-target-features',
  ...(process.env.KEEP_NAMES ? ['-g'] : []),
];
/** Optimises `input` into `output` (the same file is fine), in a release build, with the
 * wasm `features` it uses if its own target_features section is gone. */
async function optimise(input, output, features = []) {
  if (!release) {
    if (input !== output) await copyFile(input, output);
    return;
  }
  // Read before wasm-opt strips the target_features section.
  const used = features.length ? features : featuresOf(input);
  run('wasm-opt', [input, `--output=${output}`, ...used, ...WASM_OPT]);
  await orderFunctions(output, used);
}

/** The wasm features `file` uses (from its target_features section), as wasm-opt's flags. */
function featuresOf(file) {
  return run('wasm-opt', [file, '--print-features', '--output=/dev/null']).split('\n').filter((f) => f.startsWith('--enable-'));
}

/**
 * Orders the functions of `file` so that each is followed by the one most like it: from the
 * smallest, the next is always the one left whose instructions (and pairs of consecutive
 * ones) are most often in the last one's, ties to the smaller. Functions alike (a generic's copies,
 * drop glue, getters, shims) then sit side by side, within gzip's 32 KB window of each other.
 * A function's index is its place, and binaryen's text format has calls name functions, so
 * moving their definitions is all it takes. Measured, gzip -9, against binaryen's
 * `--reorder-functions-by-name` (which only puts a generic's copies together): main wasm
 * −1.9 KB, chunk −1.1 KB; plain order of size gave −1.2 / −0.9 KB, and instructions alone,
 * or with runs of three, four or six, 0.05–0.4 KB less than with pairs. The last wasm-opt writes
 * the code through its Stack IR optimisations, as the first did: a plain write of the same
 * module is 0.5 KB larger.
 */
async function orderFunctions(file, features) {
  const wat = `${file}.wat`;
  const names = process.env.KEEP_NAMES ? ['-g'] : [];
  run('wasm-dis', [file, `--output=${wat}`]);
  const [open, ...rest] = (await readFile(wat, 'utf8')).trimEnd().split('\n');
  if (open !== '(module' || rest.pop() !== ')') throw new Error(`wasm-dis printed ${file} in an unexpected form: update orderFunctions in scripts/bundle.mjs`);
  // The module's fields, each starting on a line indented by one space.
  const fields = [];
  for (const line of rest) {
    if (line.startsWith(' (')) fields.push([line]);
    else fields.at(-1).push(line);
  }
  const isFunc = (f) => f[0].startsWith(' (func ');
  const funcs = fields.filter(isFunc);
  // What a function is made of, names left out (they differ between functions alike).
  const parts = funcs.map((f) => {
    const code = f.slice(1).map((line) => line.trim().replace(/\$"[^"]*"|\$[^\s()]+/g, '$'));
    return new Set([...code, ...code.slice(1).map((line, i) => `${code[i]}|${line}`)]);
  });
  const left = new Set(funcs.keys());
  const order = [];
  for (let last = -1; left.size; ) {
    let best = -1;
    let bestScore = -1;
    for (const i of left) {
      let shared = 0;
      if (last >= 0) for (const p of parts[i]) shared += parts[last].has(p) ? 1 : 0;
      const score = parts[i].size ? shared / parts[i].size : 0;
      if (score > bestScore || (score === bestScore && funcs[i].length < funcs[best].length)) [best, bestScore] = [i, score];
    }
    left.delete(best);
    order.push(funcs[best]);
    last = best;
  }
  const first = fields.findIndex(isFunc);
  const ordered = [...fields.slice(0, first).filter((f) => !isFunc(f)), ...order, ...fields.slice(first).filter((f) => !isFunc(f))];
  await writeFile(wat, ['(module', ...ordered.flat(), ')'].join('\n'));
  run('wasm-as', [...names, ...features, wat, `--output=${file}`]);
  await rm(wat);
  run('wasm-opt', [file, `--output=${file}`, ...features, '--shrink-level=2', '--optimize-level=2', '--generate-stack-ir', '--optimize-stack-ir', ...names]);
}

/**
 * Points the function table's entries for closure `invoke` functions that no JavaScript calls
 * at one function that traps, so wasm-opt can drop them. wasm-split keeps every function the
 * `__wbindgen_describe_*` exports reach, and those describe 40-odd closure types (tachys's,
 * leptos's) of which the glue calls 4; the table, shared with the chunk, keeps the rest alive
 * after wasm-bindgen has removed the describe functions (−0.7 KB gzipped, measured). No Rust
 * code calls an `invoke` function: JavaScript does, through the exports wasm-bindgen makes for
 * the closures it found. Done in binaryen's text format, which round-trips the module exactly.
 */
async function dropDeadInvokes(file) {
  const wat = `${file}.wat`;
  run('wasm-dis', [file, `--output=${wat}`]);
  const text = await readFile(wat, 'utf8');
  const invoke = /\$wasm_bindgen::convert::closures::_::invoke::(h[0-9a-f]{16})(?=[ )])/g;
  const called = new Set([...text.matchAll(/\(export "wasm_bindgen__convert__closures_____invoke__(h[0-9a-f]{16})"/g)].map((m) => m[1]));
  if (called.size === 0 || !invoke.test(text)) throw new Error('the main wasm names no closure invoke functions, or exports none: update scripts/bundle.mjs');
  const dead = '$tierwise_dead_table_entry';
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith(' (elem '));
  for (let i = first; lines[i]?.startsWith(' (elem '); i++) {
    lines[i] = lines[i].replace(invoke, (entry, hash) => (called.has(hash) ? entry : dead));
  }
  lines.splice(first, 0, ` (func ${dead} (unreachable))`);
  await writeFile(wat, lines.join('\n'));
  const features = featuresOf(file);
  run('wasm-as', ['-g', ...features, wat, `--output=${file}`]);
  await rm(wat);
  // The text format has no target_features section: wasm-opt is told them instead.
  return features;
}

/** The custom section with the full layout's English: see src/web/app.rs. */
const WORDS_SECTION = 'tierwise_en_full';

/** The sections of `wasm` as { id, name (a custom section's), start, end } (the whole
 * section, its id byte included). */
function sectionsOf(wasm) {
  const out = [];
  let at = 8;
  const u32 = () => {
    const [value, next] = readU32(wasm, at);
    at = next;
    return value;
  };
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = u32();
    const end = at + size;
    let name = null;
    if (id === 0) {
      const length = u32();
      name = new TextDecoder().decode(wasm.subarray(at, at + length));
    }
    out.push({ id, name, start, end });
    at = end;
  }
  if (at !== wasm.length) throw new Error('a wasm file ends inside a section: update scripts/bundle.mjs');
  return out;
}

/** The unsigned LEB128 number at `at` in `wasm`, and where it ends. */
function readU32(wasm, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** The unsigned LEB128 encoding of `n`. */
function leb(n) {
  const out = [];
  do {
    const byte = n % 128;
    n = Math.floor(n / 128);
    out.push(n ? byte | 0x80 : byte);
  } while (n);
  return Uint8Array.from(out);
}

/**
 * Moves the custom section `name`, as the linker wrote it into `linked` (the crate's wasm
 * before the split), to the end of the file `to`, and makes sure the file `from` has none
 * (wasm-opt's round trip through the text format in `orderFunctions` drops custom sections,
 * but one left would be removed here).
 */
async function moveCustomSection(from, to, name, linked) {
  const [payload] = WebAssembly.Module.customSections(new WebAssembly.Module(linked), name);
  if (!payload) throw new Error(`the linked wasm has no custom section ${name}: update scripts/bundle.mjs or src/web/app.rs`);
  const main = await readFile(from);
  const kept = sectionsOf(main).filter((s) => s.name !== name);
  await writeFile(from, Buffer.concat([main.subarray(0, 8), ...kept.map((s) => main.subarray(s.start, s.end))]));
  const label = new TextEncoder().encode(name);
  const body = Buffer.concat([leb(label.length), label, new Uint8Array(payload)]);
  await writeFile(to, Buffer.concat([await readFile(to), Uint8Array.of(0), leb(body.length), body]));
}

/**
 * Renames the imports and exports of `file` (the main wasm) to a letter or two, and the
 * imports' modules too, but for the names in `keep` (the exports the chunk imports by name).
 * Returns what its glue must rename:
 * { modules: [[module, short]], imports: [[module, name, short]], exports: [[name, short]] }.
 * Not wasm-opt's `--minify-imports-and-exports-and-modules`, which cannot keep names.
 */
async function minifyNames(file, keep = new Set()) {
  const wasm = await readFile(file);
  const module = new WebAssembly.Module(wasm);
  const imported = WebAssembly.Module.imports(module);
  const exported = WebAssembly.Module.exports(module);
  const short = (names) => {
    const sorted = [...new Set(names)].filter((n) => !keep.has(n)).sort();
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const nameOf = (i) => (i < letters.length ? letters[i] : nameOf(Math.floor(i / letters.length) - 1) + letters[i % letters.length]);
    const map = new Map(sorted.map((n, i) => [n, nameOf(i)]));
    for (const n of keep) {
      if (sorted.some((_, i) => nameOf(i) === n)) throw new Error(`minifyNames would give ${n} to another name: update scripts/bundle.mjs`);
      map.set(n, n);
    }
    return map;
  };
  const imports = short(imported.map((i) => i.name));
  const importModules = short(imported.map((i) => i.module));
  const exports = short(exported.map((e) => e.name));
  await writeFile(file, renameWasm(wasm, module, importModules, imports, exports));
  return {
    modules: [...new Set(imported.map((i) => i.module))].map((m) => [m, importModules.get(m)]),
    imports: imported.map(({ module, name }) => [module, name, imports.get(name)]),
    exports: exported.map(({ name }) => [name, exports.get(name)]),
  };
}

/** `wasm` (compiled: `module`) with its import section's module and field names and its
 * export section's names replaced; every other byte as it was. */
function renameWasm(wasm, module, importModules, imports, exports) {
  const renamedTo = (map, original) => {
    if (!map.has(original)) throw new Error(`minifyNames has no name for ${original}: update scripts/bundle.mjs`);
    return map.get(original);
  };
  const renamed = rewriteNames(wasm, {
    imported: (from, field) => [renamedTo(importModules, from), renamedTo(imports, field)],
    exported: (field) => renamedTo(exports, field),
  });
  // The same module but for the names: it must still compile, with the same imports and exports.
  const kinds = (m) => [WebAssembly.Module.imports(m).map((i) => i.kind), WebAssembly.Module.exports(m).map((e) => e.kind)].join();
  if (kinds(new WebAssembly.Module(renamed)) !== kinds(module)) throw new Error('minifyNames changed more than names: update scripts/bundle.mjs');
  return renamed;
}

/** `wasm` with its imports' module and field names given by `imported(module, field)` (a
 * pair) and its exports' names by `exported(name)` (`null` drops the export); every other
 * byte as it was, so code offsets (and the linker's relocations, which count from their
 * section's start) still hold. */
function rewriteNames(wasm, { imported, exported }) {
  let at = 8;
  const u32 = () => {
    const [value, next] = readU32(wasm, at);
    at = next;
    return value;
  };
  const text = new TextDecoder();
  const name = () => {
    const length = u32();
    at += length;
    return text.decode(wasm.subarray(at - length, at));
  };
  const encoded = (s) => {
    const bytes = new TextEncoder().encode(s);
    return [leb(bytes.length), bytes];
  };
  const out = [wasm.subarray(0, 8)];
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = u32();
    const end = at + size;
    if (id !== 2 && id !== 7) {
      out.push(Uint8Array.of(id), leb(size), wasm.subarray(at, end));
      at = end;
      continue;
    }
    const entries = [];
    let count = u32();
    for (let i = count; i > 0; i--) {
      if (id === 2) {
        const [from, field] = imported(name(), name());
        const start = at;
        // The import's description, copied as it is: its kind, then a type index (function,
        // tag), a table's reference type and limits, a memory's limits or a global's type.
        const kind = wasm[at++];
        if (kind === 0x00) u32();
        else if (kind === 0x04) (at++, u32());
        else if (kind === 0x03) at += 2;
        else {
          if (kind === 0x01) at++;
          const flags = wasm[at++];
          u32();
          if (flags & 1) u32();
        }
        entries.push(...encoded(from), ...encoded(field), wasm.subarray(start, at));
      } else {
        const field = exported(name());
        const start = at;
        at++;
        u32();
        if (field === null) count--;
        else entries.push(...encoded(field), wasm.subarray(start, at));
      }
    }
    if (at !== end) throw new Error(`rewriteNames misread section ${id}: update scripts/bundle.mjs`);
    const body = Buffer.concat([leb(count), ...entries]);
    out.push(Uint8Array.of(id), leb(body.length), body);
  }
  return Buffer.concat(out);
}

/** `glue` calling `module` (its build's compiled wasm) by the names `renaming` gave its
 * imports and exports. */
function renamed(glue, renaming, module) {
  if (!renaming) return glue;
  for (const [, name, short] of renaming.imports) {
    const key = new RegExp(`^( +)${name}: function\\(`, 'm');
    if (!key.test(glue)) throw new Error(`the glue has no import ${name}: update scripts/bundle.mjs`);
    glue = glue.replace(key, (_, indent) => `${indent}${JSON.stringify(short)}: function(`);
  }
  // The modules the imports come from (wasm-bindgen's `./<name>_bg.js`, wasm-split's loader),
  // renamed too.
  for (const [from, short] of renaming.modules) {
    const entry = new RegExp(`^( +)${JSON.stringify(from).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: (import\\d+),$`, 'm');
    if (!entry.test(glue)) throw new Error(`the glue does not name its import module ${from}: update scripts/bundle.mjs`);
    glue = glue.replace(entry, (_, indent, value) => `${indent}${JSON.stringify(short)}: ${value},`);
  }
  for (const [name, short] of renaming.exports) glue = glue.replace(new RegExp(`\\bwasm\\.${name}\\b`, 'g'), () => `wasm.${short}`);
  // Every import the wasm has is in the glue under its new name, and the glue asks for no
  // export the wasm lacks (the IntoUnderlying* classes' go with them in glueOf).
  for (const { name } of WebAssembly.Module.imports(module)) {
    if (!glue.includes(`${JSON.stringify(name)}: function(`)) throw new Error(`the glue lacks the wasm's import ${name}: update scripts/bundle.mjs`);
  }
  return glue;
}

// ---- The widget's one build, split in two (issue 12), made here (index.html has Trunk skip
// its own): cargo builds the crate with the `split` feature as a cdylib alone (built beside
// the rlib, as `cargo build` does for this crate, the wasm came out 7 KB larger gzipped,
// measured), keeping the linker's relocations (`--emit-relocs`, this crate's link only, so the
// dependencies' build is shared with the tests' and the CLI's). wasm-split moves the full layout (the
// `#[wasm_split]` function in src/web/app.rs) and everything only it reaches into a chunk of
// its own, widget/wasm/tierwise_full_bg.wasm, which takes the main module's memory and function
// table; wasm-bindgen then makes the main module's glue (`--keep-lld-exports`: the exports the
// chunk takes). The main module, widget/wasm/tierwise_bg.wasm, is what a pricing page's
// compact calculator downloads; the chunk comes in when a calculator first shows the full
// layout (the loader's `loadChunk` in src/js/tierwise.js).
const cargoArgs = ['rustc', '--lib', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', 'split', '--locked', '--message-format=json'];
if (release) cargoArgs.push('--release');
cargoArgs.push('--', '-C', 'link-arg=--emit-relocs');
const built = run('cargo', cargoArgs)
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line))
  .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'tierwise')
  .flatMap((m) => m.filenames)
  .find((f) => f.endsWith('.wasm'));
if (!built) throw new Error('cargo built no tierwise.wasm');
const splitDir = join(dirname(built), 'tierwise-split');
await rm(splitDir, { recursive: true, force: true });
await mkdir(splitDir, { recursive: true });
// leptos's server_fn (always built with its `browser` feature) brings in wasm-streams, whose
// `IntoUnderlying*` classes are exported to JavaScript though nothing here uses them. Their
// exports go before the split, so wasm-split leaves out all they alone reach: their futures
// and ReadableStream's imports (−4.3 KB gzipped on the main wasm, measured). wasm-opt, after
// the split, could drop the exports but not those futures: their vtables put them in the
// function table, which the main module exports to the chunk.
const splitInput = join(splitDir, 'linked.wasm');
const unused = /intounderlying/i;
await writeFile(splitInput, rewriteNames(await readFile(built), { imported: (from, field) => [from, field], exported: (field) => (unused.test(field) ? null : field) }));
run('wasm-split-cli', ['--out-name', 'tierwise', splitInput, splitDir]);
// wasm-split's own loader (__wasm_split.js) names each chunk and the main module's import that
// loads it; the loader here does that work (with the chunk's integrity checked), so only the
// names are read from it.
const splitJs = await readFile(join(splitDir, '__wasm_split.js'), 'utf8');
const chunks = [...splitJs.matchAll(/^export const (__wasm_split_load_\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\);[\s\S]*?\n, \[([^\]]*)\]\)\);$/gm)];
if (chunks.length !== 1 || chunks[0][3].trim() !== '' || (splitJs.match(/^export /gm) ?? []).length !== 1) {
  throw new Error(`wasm-split made ${chunks.length} chunks, not the full layout's one with no dependencies: update scripts/bundle.mjs and the loader`);
}
const [, chunkLoad, chunkFile] = chunks[0];
const mainWasm = join(widget, 'wasm', 'tierwise_bg.wasm');
const chunkWasm = join(widget, 'wasm', 'tierwise_full_bg.wasm');
await mkdir(join(widget, 'wasm'), { recursive: true });
run('wasm-bindgen', ['--target=web', '--keep-lld-exports', `--out-dir=${join(widget, 'wasm')}`, '--out-name=tierwise', '--no-typescript', join(splitDir, 'tierwise.wasm')]);
await optimise(mainWasm, mainWasm, release ? await dropDeadInvokes(mainWasm) : []);
await optimise(join(splitDir, chunkFile), chunkWasm);
// The full layout's English (src/web/app.rs's `FULL_WORDS`) goes from the main module's file,
// which a compact calculator downloads, to the chunk's, where the loader reads it.
await moveCustomSection(mainWasm, chunkWasm, WORDS_SECTION, await readFile(built));
// What the chunk takes from the main module (its memory, its function table, shared globals):
// those exports keep their names, which the loader passes to the chunk as they are.
const chunkImports = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(chunkWasm)));
if (chunkImports.some((i) => i.module !== '__wasm_split')) throw new Error('the chunk imports from outside the main module: update scripts/bundle.mjs');
const mainNames = release ? await minifyNames(mainWasm, new Set(chunkImports.map((i) => i.name))) : null;

/** `css` (the stylesheet `name`) without comments, with one space where whitespace separates
 * and none beside `{ } ; , >`, and no `;` before a `}`; strings are kept as they are. */
function minifyCss(css, name) {
  const tight = '{};,>';
  let out = '';
  let space = false;
  for (let i = 0; i < css.length; ) {
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`${name} has a comment that never ends`);
      i = end + 2;
      space = true;
      continue;
    }
    const c = css[i];
    if (/\s/.test(c)) {
      space = true;
      i++;
      continue;
    }
    // None after a `:` either (a declaration's); one before is a descendant combinator.
    if (space && out && !tight.includes(out.at(-1)) && out.at(-1) !== ':' && !tight.includes(c)) out += ' ';
    space = false;
    if (c === '}' && out.at(-1) === ';') out = out.slice(0, -1);
    if (c === '"' || c === "'") {
      let end = i + 1;
      while (css[end] !== c) {
        if (end >= css.length) throw new Error(`${name} has a string that never ends`);
        end += css[end] === '\\' ? 2 : 1;
      }
      out += css.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** wasm-bindgen's glue in `dir` as one expression: its inline_js snippets inlined, its exports
 * dropped, its wasm's imports and exports called by the names `renaming` gave them, evaluating
 * to what the loader uses of it. Its own scope, so its names never meet the loader's. */
async function glueOf(dir, name, wasmFile, renaming) {
  const module = new WebAssembly.Module(await readFile(wasmFile));
  let glue = await readFile(join(dir, `${name}.js`), 'utf8');
  // The import that loads the full layout's chunk: wasm-split's module in the glue, the
  // loader's `loadChunk` here (given the main module's exports).
  const splitImport = 'import * as import1 from "./__wasm_split.js"\n';
  if (!glue.includes(splitImport)) throw new Error(`wasm-bindgen's glue no longer imports wasm-split's loader: update scripts/bundle.mjs`);
  glue = glue.replace(splitImport, `const import1 = {\n        __proto__: null,\n        ${chunkLoad}: function(arg0, arg1) {\n            loadChunk(wasm, arg0, arg1);\n        },\n};\n`);
  glue = renamed(glue, renaming, module);
  // The Rust side's inline_js snippets: each `import { f } from './snippets/…'` is replaced by
  // the snippet's own code.
  const snippetImport = /^import \{ ([\w, ]+) \} from '\.\/(snippets\/[\w./-]+\.js)';\n/gm;
  for (const [line, names, path] of [...glue.matchAll(snippetImport)]) {
    const code = (await readFile(join(dir, path), 'utf8')).replace(/^export /gm, '');
    for (const name of names.split(', ')) {
      if (!code.includes(`function ${name}(`)) throw new Error(`snippet ${path} does not define ${name}`);
    }
    glue = glue.replace(line, `// ---- inline_js snippet (${path}) ----\n${code.trim()}\n`);
  }
  if (glue.includes("from './snippets/")) throw new Error('a snippet import is left in the glue: update scripts/bundle.mjs');
  for (const name of ['async function __wbg_init(', 'class Widget', 'class Engine', 'function evaluateSync(']) {
    if (!glue.includes(name)) throw new Error(`wasm-bindgen's glue no longer defines ${name}: update scripts/bundle.mjs`);
  }
  // wasm-streams' IntoUnderlying* classes, whose exports went before the split: their JS goes
  // too.
  const streams = /^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n|^const IntoUnderlying\w+Finalization = [^;]*;\n/gm;
  glue = glue.replace(streams, '');
  if (glue.includes('IntoUnderlying')) throw new Error('wasm-bindgen glue for IntoUnderlying* is left: update scripts/bundle.mjs');
  glue = glue.replace(/^export \{[^}]*\};?\n/gm, '').replace(/^export (class|function|async function|const|let) /gm, '$1 ');
  // The glue's default wasm URL (never used: the loader passes the checked response) would make
  // bundlers look for a file beside the module.
  const defaultUrl = `new URL('${name}_bg.wasm', import.meta.url)`;
  if (!glue.includes(defaultUrl)) throw new Error("the glue no longer names its default wasm URL: update scripts/bundle.mjs");
  glue = glue.replace(defaultUrl, 'undefined');
  if (/^export /m.test(glue)) throw new Error('an export is left in the glue: update scripts/bundle.mjs');
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  for (const [, used] of glue.matchAll(/\bwasm\.([\w$]+)/g)) {
    if (!exported.has(used)) throw new Error(`the ${name} glue uses wasm.${used}, which its wasm does not export: update scripts/bundle.mjs`);
  }
  return `(() => {\n${glue}\nreturn { init: __wbg_init, Widget, Engine, evaluateSync };\n})()`;
}
const glueFile = join(widget, 'wasm', 'tierwise.js');
const glue = `const GLUE = ${await glueOf(join(widget, 'wasm'), 'tierwise', mainWasm, mainNames)};\n`;
await rm(join(widget, 'wasm', 'snippets'), { recursive: true, force: true });
const loader = await readFile(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'src', 'js', 'tierwise.js'), 'utf8');
// The message catalogues (src/messages/*.json) go beside the module, loaded on demand.
await mkdir(join(widget, 'messages'), { recursive: true });
for (const file of await readdir(join(source, 'src', 'messages'))) {
  await copyFile(join(source, 'src', 'messages', file), join(widget, 'messages', file));
}
// The stylesheets (Trunk copies them from style/, the readable sources) without their
// comments and the whitespace no rule needs: −0.4 KB gzipped on tierwise.css, −0.6 KB on
// tierwise-full.css, measured. Before the loader is sealed with their hashes.
for (const sheet of ['tierwise.css', 'tierwise-full.css']) {
  await writeFile(join(widget, sheet), minifyCss(await readFile(join(widget, sheet), 'utf8'), sheet));
}
// Every '__INTEGRITY:<path>__' in the loader becomes the sha384 of widget/<path>.
let sealed = loader;
for (const [placeholder, path] of [...loader.matchAll(/__INTEGRITY:([\w./-]+)__/g)]) {
  sealed = sealed.replace(placeholder, await sri(join(widget, path)));
}
// Minified (terser: comments and long names go; -5.8 KB gzipped, measured): the readable
// sources are src/js/tierwise.js and wasm-bindgen's glue. Exports and the
// `new URL('./…', import.meta.url)` patterns bundlers look for stay as they are.
const { code } = await minify(`${glue}\n${sealed}`, { module: true, ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, mangle: true, format: { comments: false } });
for (const wasm of ['tierwise_bg.wasm', 'tierwise_full_bg.wasm']) {
  if (!code.replaceAll('"', "'").includes(`new URL('./wasm/${wasm}',import.meta.url)`)) {
    throw new Error(`the minified module lost new URL('./wasm/${wasm}', import.meta.url): update scripts/bundle.mjs`);
  }
}
await writeFile(join(widget, 'tierwise.js'), code);
// Imported here, in node, as a server would: it must load and export exactly the API.
const exported = Object.keys(await import(`${join(widget, 'tierwise.js')}?${Date.now()}`)).sort().join(', ');
if (exported !== 'engine, evaluate, mount, version') throw new Error(`tierwise.js exports ${exported}: update scripts/bundle.mjs`);
await rm(glueFile);


const packageDir = join(process.env.TRUNK_SOURCE_DIR ?? '.', 'src', 'js', 'package');
for (const file of await readdir(packageDir)) await copyFile(join(packageDir, file), join(widget, file));

// Precompressed copies for servers that serve them (nginx gzip_static / brotli_static, most
// CDNs): gzip -9 and brotli -q 11 beside each file the widget downloads.
const { gzipSync, brotliCompressSync, constants } = await import('node:zlib');
const messages = (await readdir(join(widget, 'messages'))).filter((f) => f.endsWith('.json')).map((f) => join('messages', f));
for (const file of ['tierwise.js', 'tierwise.css', 'tierwise-full.css', join('wasm', 'tierwise_bg.wasm'), join('wasm', 'tierwise_full_bg.wasm'), ...messages]) {
  const body = await readFile(join(widget, file));
  await writeFile(join(widget, `${file}.gz`), gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
  await writeFile(join(widget, `${file}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
