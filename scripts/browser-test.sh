#!/usr/bin/env bash
# Renders the HTML comparison reports and checks them in a real headless Chromium:
#   - the report for Corpora/competitors/sourdough-starter (through `seokit compare --format html`
#     when this build supports it, and always through the library, via the test that writes it);
#   - the report made from the hostile page (Corpora/competitors/hostile) with hostile strings in
#     every field.
# scripts/browser_check.py drives Chromium over the DevTools protocol: no console error, no
# uncaught exception, no dialog, no CSP violation, no request, exactly one script (the term
# sorter) and it sorts; it saves full-page screenshots and checks the charts are drawn.
#
# Fresh Debian 12 as root: installs chromium and python3 with apt-get when missing.
# Environment: SEOKIT_SCRATCH_PATH (SwiftPM scratch path, default .build, the one scripts/test.sh
# builds into), SEOKIT_BROWSER_TEST_OUT (where reports and screenshots go; default a new
# temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "browser-test: installing ${missing[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
bash scripts/setup.sh

scratch="${SEOKIT_SCRATCH_PATH:-.build}"
out="${SEOKIT_BROWSER_TEST_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/seokit-browser-test.XXXXXX")}"
mkdir -p "$out"
rm -f "$out"/*.html

echo "browser-test: building (scratch path $scratch)" >&2
swift build --scratch-path "$scratch" --build-tests >"$out/build.log" 2>&1 || { tail -40 "$out/build.log" >&2; exit 1; }
built=$(date +%s)

# The command-line route, when `seokit compare --format html` is available in this build.
bin="$(swift build --scratch-path "$scratch" --show-bin-path)/seokit"
corpus=Corpora/competitors/sourdough-starter
if "$bin" compare "$corpus/draft.md" --competitors "$corpus/pages" --keyphrase "sourdough starter" \
        --format html --output "$out/sourdough-starter-cli.html" >"$out/cli.log" 2>&1 \
    || [ -s "$out/sourdough-starter-cli.html" ]; then
    [ -s "$out/sourdough-starter-cli.html" ] && echo "browser-test: rendered $corpus with seokit compare --format html" >&2
else
    echo "browser-test: seokit compare --format html not available here ($(head -1 "$out/cli.log")); using the library only" >&2
    rm -f "$out/sourdough-starter-cli.html"
fi

# The library route: the test writes sourdough-starter.html and hostile.html into $out.
SEOKIT_HTML_REPORT_DIR="$out" swift test --scratch-path "$scratch" --skip-build \
    --filter 'HTMLReportTests/writesReportsForTheBrowserTest' >"$out/render.log" 2>&1 \
    || { tail -30 "$out/render.log" >&2; exit 1; }
for name in sourdough-starter.html hostile.html; do
    [ -s "$out/$name" ] || { echo "browser-test: $out/$name was not written" >&2; exit 1; }
done
rendered=$(date +%s)

status=0
python3 scripts/browser_check.py --screenshots "$out/screenshots" "$out"/*.html || status=$?
finished=$(date +%s)
echo "browser-test: build $((built - started)) s, render $((rendered - built)) s, browser $((finished - rendered)) s, total $((finished - started)) s; reports and screenshots in $out" >&2
exit $status
