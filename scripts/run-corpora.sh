#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and runs SEOKit's main jobs on the project's
# own Corpora/: lint the drafts, score every article, compare a draft with its competitors.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product seokit
seokit=.build/release/seokit

echo "== seokit lint Corpora/drafts"
"$seokit" lint Corpora/drafts --no-color || true
echo
echo "== seokit score Corpora/drafts Corpora/pages"
"$seokit" score Corpora/drafts Corpora/pages || true
echo
echo "== seokit compare Corpora/competitors/sourdough-starter/draft.md (HTML report: .build/compare-sourdough.html)"
"$seokit" compare Corpora/competitors/sourdough-starter/draft.md --competitors Corpora/competitors/sourdough-starter
"$seokit" compare Corpora/competitors/sourdough-starter/draft.md --competitors Corpora/competitors/sourdough-starter \
    --format html --output .build/compare-sourdough.html
