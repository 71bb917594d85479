#!/usr/bin/env bash
# The hostile-input soak (not in CI, which runs the same tests at small counts): every hostile
# property of tests/hostile.rs at 250,000 cases each, natively in release, and the browser fuzz
# of tests/e2e/fuzz.test.mjs at 100,000 cases against the release build. Writes the counts, the
# times and the machine into docs/security.md (between the SOAK markers).
#
#   bash scripts/soak.sh                      # 250,000 and 100,000
#   SOAK_CASES=1000 SOAK_BROWSER_CASES=2000 bash scripts/soak.sh   # a quick rehearsal
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

CASES=${SOAK_CASES:-250000}
BROWSER_CASES=${SOAK_BROWSER_CASES:-100000}

ensure_apt chromium chromium-driver
ensure_web_build

say "hostile properties, $CASES cases each (cargo test --release --test hostile)"
native_log=$(mktemp)
start=$(date +%s)
TIERWISE_CASES=$CASES cargo test --release --locked --test hostile -- --test-threads=1 2>&1 | tee "$native_log"
native_s=$(( $(date +%s) - start ))
properties=$(grep '^test .* ok$' "$native_log" | grep -vc ten_thousand || true)

build_site

say "browser fuzz, $BROWSER_CASES cases (tests/e2e/fuzz.test.mjs)"
browser_log=$(mktemp)
start=$(date +%s)
FUZZ_CASES=$BROWSER_CASES node --test --test-timeout=7200000 --test-force-exit tests/e2e/fuzz.test.mjs 2>&1 | tee "$browser_log"
browser_s=$(( $(date +%s) - start ))
grep -q '^# fail 0' "$browser_log"
fuzz_line=$(grep -o 'fuzz: .*' "$browser_log" | head -1)

machine="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), $(rustc --version), $(chromium --version 2>/dev/null | head -1)"
section=$(cat <<EOF
<!--SOAK-->
Last soak ($(date -u +%Y-%m-%d), \`bash scripts/soak.sh\`, on $machine):

- natively: $properties hostile properties at $CASES cases each (every one passed), in ${native_s} s;
- in the browser: ${fuzz_line#fuzz: } — every case ended in a result with finite figures or an
  Error naming what was wrong, and the page's other widget still answered; ${browser_s} s in all.
<!--/SOAK-->
EOF
)
SECTION="$section" python3 - <<'PY'
import os, re
path = "docs/security.md"
text = open(path, encoding="utf-8").read()
new = os.environ["SECTION"]
text = re.sub(r"<!--SOAK-->.*?<!--/SOAK-->", lambda _: new, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
say "docs/security.md updated"
