#!/usr/bin/env bash
# Serves the demo at http://127.0.0.1:8080/, installing what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_web_build
say "serving the demo at http://127.0.0.1:8080/ (Ctrl-C stops)"
exec trunk serve --release --offline
