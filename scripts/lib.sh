# Shared by scripts/demo.sh and scripts/test.sh: install what is missing, and only that.
# Each step checks first, so a second run costs seconds.

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return 0
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ] && return 0
  say "building trunk $TRUNK_VERSION (10-17 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] && return 0
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked pins a webpki-roots that crates.io no longer serves; fall back to fresh resolution.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
}

# wasm-split: moves the full layout into its own chunk of wasm (scripts/bundle.mjs).
ensure_wasm_split() {
  cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && return 0
  say "building wasm-split-cli $WASM_SPLIT_VERSION (about a minute)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
}

# The npm packages: binaryen's wasm-opt, playwright-core and axe for the browser tests.
ensure_node_modules() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || ! cmp -s package-lock.json node_modules/.package-lock.json.stamp; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.package-lock.json.stamp
  fi
  # Trunk finds wasm-opt on PATH. Debian's binaryen 108 breaks the externref table that
  # wasm-bindgen 0.2.130 exports, so the npm package's (a newer binaryen) goes first.
  export PATH="$PWD/node_modules/.bin:$PATH"
}

# Everything `trunk build` needs: the target, trunk, a matching wasm-bindgen, wasm-split,
# wasm-opt.
ensure_web_build() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_trunk
  ensure_node_modules
}

# Builds the release site into dist/.
build_site() {
  say "building the site (trunk build --release)"
  trunk build --release --offline
}
