#!/usr/bin/env bash
# Prints the embed snippet for the bundle in dist/widget/, with its Subresource Integrity hash.
#   bash scripts/snippet.sh [BASE_URL]   print it (default base: https://cdn.example/tierwise/VERSION)
#   bash scripts/snippet.sh --update     write it into README.md between the SNIPPET markers
#   bash scripts/snippet.sh --check      fail when README.md's snippet is not this build's
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
mode=print
case "${1:-}" in --update) mode=update; shift ;; --check) mode=check; shift ;; esac
base="${1:-https://cdn.example/tierwise/$version}"
hash="sha384-$(openssl dgst -sha384 -binary dist/widget/tierwise.js | openssl base64 -A)"
snippet="<script type=\"module\" src=\"$base/tierwise.js\" integrity=\"$hash\" crossorigin=\"anonymous\"></script>
<tierwise-calculator config=\"/pricing/tierwise.json\" mode=\"compact\" loading=\"lazy\"></tierwise-calculator>"
if [ "$mode" = print ]; then echo "$snippet"; exit 0; fi
current=$(sed -n '/<!--SNIPPET-->/,/<!--\/SNIPPET-->/p' README.md | sed '1d;$d')
if [ "$mode" = check ]; then
  if [ "$current" != "$snippet" ]; then
    echo "README.md's embed snippet is not the one for this build; run: bash scripts/snippet.sh --update" >&2
    diff <(echo "$current") <(echo "$snippet") >&2 || true
    exit 1
  fi
  echo "README.md's embed snippet matches the built bundle ($hash)"
  exit 0
fi
SNIPPET="$snippet" python3 - <<'PY'
import os, re
text = open('README.md').read()
text = re.sub(r'(<!--SNIPPET-->\n).*?(\n<!--/SNIPPET-->)', lambda m: m.group(1) + os.environ['SNIPPET'] + m.group(2), text, flags=re.S)
open('README.md', 'w').write(text)
PY
echo "README.md updated ($hash)"
