#!/usr/bin/env bash
# Runs every test: native engine and CLI tests, lints, benchmarks' build, the engine in
# headless Chromium (wasm-bindgen-test), and end-to-end tests of the built site.
# Installs what is missing first (Debian's Chromium and ChromeDriver, the wasm toolchain).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_apt chromium chromium-driver poppler-utils
ensure_web_build
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

say "native tests (engine, configs, CLI, properties)"
cargo test --locked

say "clippy (native, and the browser shell for wasm32)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --tests -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --no-default-features --features split -- -D warnings

say "the config JSON Schema against every shipped config and tierwise check (node --test tests/schema/)"
node --test --test-timeout=60000 tests/schema/

say "benchmarks build (run them with: cargo bench-engine)"
cargo bench-engine --locked --no-run

say "wasm tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test web

build_site

say "host apps in examples/ (React + Vite, Next, Vue, Svelte): install the tierwise package from dist/widget, type-check right and wrong usage, build"
(cd examples && npm ci --no-audit --no-fund && NEXT_TELEMETRY_DISABLED=1 npm run check && NEXT_TELEMETRY_DISABLED=1 npm run build)

say "budgets: download sizes, one evaluation, Monte Carlo (scripts/budget.mjs)"
# Every budget is enforced: the speed ones and issue 12's downloads (compact ≤ 100,000 bytes;
# the full calculator ≤ 160,000, directly or from compact mode). How they got there:
# Before the split, the one bundle was 223,755 bytes before model 2, 233,356 with it, 244,962
# with issue 10, 252,688 with issue 11's element and messages. Issue 12 made two builds:
# compact 166,020, full 246,436, compact and then full 398,222 (one float sort and insertion
# sorts instead of four std sort instantiations, and no server_fn stream exports, took 5.6 KB off the
# compact wasm and 7.7 KB off the full one). The speed work after it (Monte Carlo in slices,
# the full layout's first render in steps, the assumptions panel drawn when opened, the
# loader's warm-up and room keeping) cost 1,631 bytes on compact (167,671) and 2,850 on full
# (249,306), measured. The next round of cuts (number fields and the verdict as regions,
# Either instead of AnyView, no panicking string slices, a radix sort, the stylesheet split,
# minified import and export names; README, Performance) brought them to compact 143,046,
# full 224,813, compact and then full 357,210; reading JS values in one crossing added ~0.3 KB
# (143,328 / 225,054 / 357,491); the requirements matrix as a region took 5.8 KB off full
# (143,363 / 219,222 / 351,707). wasm-opt inlining one-caller functions only when small, and
# ordering functions by name, took 11.5 / 22.7 KB off (131,845 / 196,481 / 317,423); regions
# listening by themselves, so the compact build has no `on:`, 3.0 KB off compact and 0.4 KB onto
# full (128,881 / 196,862 / 314,260: the wasm lost 3.6 KB, the module grew 0.6 KB, its two
# glues now differing more); the JS bridge's own key table instead of a HashMap 1.7 / 1.0 KB
# (127,206 / 195,823 / 311,543); one short name per import across both builds, so their glues
# share more text, 0.4 KB (126,805 / 195,417 / 311,082); the assumptions panel as one region,
# 2.7 KB off full (126,813 / 192,759 / 308,439); the loading line as a region, 0.8 KB off compact
# (126,055 / 192,645 / 307,562); the root's class and theme set by one effect, 1.3 KB off compact
# (124,801 / 192,146 / 305,812); the toolbar's buttons and presenter mode's as regions, 3.1 KB
# off full (124,803 / 189,095 / 302,761); the last `on:`s (theme picker, notices, `<details>`)
# as regions too, so the full build has none of tachys's event code either, 10.1 KB off full and
# 0.6 off compact, whose module's two glues now share more (124,222 / 178,969 / 292,947); presenter
# mode's comparison and the cost tables' math line as whole regions, no reactive `view!` left,
# 1.8 KB off full (124,220 / 177,184 / 291,163). Then one build split in two files instead of
# two builds (wasm-split: the full layout is a chunk loaded beside the main wasm), so full from
# compact downloads the chunk, not a second build; the full download grew ~4 KB (the chunk
# calls into the main module through the function table, and wasm-opt cannot inline across
# the two files), and persistence moved into the chunk, one reactive closure for the layouts
# and one effect type then took 4.8 KB off the main wasm (README, Performance): 124,902 /
# 181,575 / 181,575. Our own split runtime, wasm-streams' exports dropped before the split, a
# report memo without `Report::eq`, no tools' custom sections, no dead closure invoke
# functions, minified stylesheets and a shared (not copied) config took 10.0 KB off compact and
# 9.8 KB off full: 114,913 / 171,755 / 171,755. Our own allocator, with std's thread check
# patched out of send_wrapper so nothing links dlmalloc, took 3.8 KB off each: 111,135 / 167,889
# / 167,889. Each function followed by the one most like it instead of functions by name
# (bundle.mjs's `orderFunctions`), 1.9 KB off compact and 3.1 KB off full: 109,186 / 164,835 /
# 164,835. reactive_graph's sources and subscribers on `Vec`s again (patches/README.md), 2.4 KB
# off each: 106,748 / 162,400 / 162,400. A number field's refusal as a `String` and the chunk's
# arrival as `bool`s, types the calculator has already, 1.1 KB off each: 105,640 / 161,290 /
# 161,290. No `Memo` for the widget's load (1.0 KB off each) or presenter mode's scenario A
# (1.7 KB off full): 104,756 / 158,631 / 158,631, the full budgets met. The host element held
# by its users instead of a stored value, and the first render's steps as `bool` signals, 0.7 KB
# off each: 104,063 / 157,890 / 157,890. A directive keeping built elements instead of
# `NodeRef`s, 0.2 KB off compact and 0.8 off full: 103,862 / 157,075 / 157,075. A region's
# listeners owned by its effect, not a stored value, 0.3 KB off each: 103,544 / 156,766 /
# 156,766. The full layout's English in its chunk, 1.3 KB off compact and 1.3 onto full:
# 102,205 / 158,016 / 158,016. The widget's options and loaded config as stored values with a
# `bool` flip, 0.3 KB off each, a terser pass and stylesheet colons, 0.1: 101,800 / 157,623 /
# 157,623. The compact path in plain DOM, the full layout the only `view!` (in its chunk), 5.2
# KB off compact and 7.0 off full: 96,564 / 150,618 / 150,618, every budget met.
node scripts/budget.mjs

say "end-to-end tests against dist/"
# A per-test limit and a forced exit: a hung test fails the run instead of stalling CI.
node --test --test-concurrency=1 --test-timeout=180000 --test-force-exit tests/e2e/
