#!/usr/bin/env bash
# Builds SEOKit in release mode, installs the peers (textstat from PyPI, GNU style, xmllint,
# cmark-gfm, hyperfine from Debian) and prints the side-by-side table for Benchmarks/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bash "$root/scripts/setup.sh"
for package in diction libxml2-utils hyperfine cmark-gfm; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $package"
done
if [ -n "${missing:-}" ]; then apt-get update -qq && apt-get install -y -qq $missing >/dev/null; fi
venv="$here/.venv"
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install --quiet textstat==0.7.13; }
(cd "$root" && swift build -c release --product seokit)
"$venv/bin/python" "$here/compare.py" "$root/.build/release/seokit" "$@"
