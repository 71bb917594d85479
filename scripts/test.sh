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

say "budgets: download size, one evaluation, Monte Carlo (scripts/budget.mjs)"
# The speed budgets are enforced. The 100 KB download budget is not met yet (see the
# README's Performance section; issue 12 splits the bundle): until it is, the download may not
# grow past its ceiling. Measured: 223,755 bytes before model 2; 233,356 with it (issue 9);
# 244,962 with issue 10's verdict wording, range strips, requirements matrix, report heading,
# compact mode's runner-up and the expected view's math; 243,251 after wasm-opt's
# --low-memory-unused; 246,687 with issue 11's element (properties, event aliases, result and
# scenario getters, errors with problems); 258,300 with every text a message (ids and lookups in
# the wasm: +11.5 KB; the de/fr/zh-CN catalogues are not in it, fetched only when asked for);
# 252,688 after minifying the module with terser (-5.6 KB). Hence 253,500 (issue 12 replaces
# this ceiling with its budgets).
node scripts/budget.mjs --size-ceiling 253500

say "end-to-end tests against dist/"
# A per-test limit and a forced exit: a hung test fails the run instead of stalling CI.
node --test --test-concurrency=1 --test-timeout=180000 --test-force-exit tests/e2e/
