#!/usr/bin/env bash
# Main-content extraction: quality and speed of `seokit extract`, side by side with a peer.
#
#   Benchmarks/extraction/run.sh [BENCH_DIR]
#
# BENCH_DIR defaults to ../shared/extraction-dev (91 pages with ground truth and score.py).
# Steps:
#   1. builds seokit in release mode (private scratch path .build-extract-release);
#   2. decompresses the pages into a temporary folder;
#   3. speed: one `seokit extract --format text --output-dir` over all pages, in one process,
#      CPU time from /usr/bin/time (parse + extract + format + write; best of 3 runs);
#      the peers (trafilatura, readability-lxml) run in one Python process each over the same
#      pages, extraction CPU time only, when they are installed (pip install trafilatura
#      readability-lxml); they are reference points, never dependencies;
#   4. quality: score.py runs `seokit extract --format text` on each page, and scores the
#      peers' predictions the same way.
# Environment: SKIP_BUILD=1 to use the existing binary, PEERS="trafilatura readability" to
# choose the peers (empty to skip them).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bench="${1:-$repo/../shared/extraction-dev}"
bench="$(cd "$bench" && pwd)"
peers="${PEERS-trafilatura readability}"
binary="$repo/.build-extract-release/release/seokit"

if [[ ! -f "$bench/ground-truth.json" || ! -f "$bench/score.py" ]]; then
    echo "run.sh: $bench is not the extraction benchmark (needs ground-truth.json and score.py)" >&2
    exit 2
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    (cd "$repo" && swift build -c release --scratch-path .build-extract-release --product seokit >/dev/null)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/seokit-extraction.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$bench/score.py" --bench "$bench" --dump-html "$work/pages" >/dev/null
count="$(ls "$work/pages"/*.html | wc -l)"
bytes="$(cat "$work/pages"/*.html | wc -c)"

echo "== speed: $count pages, $((bytes / 1024)) KB of HTML, one process each, CPU time"
best=""
for run in 1 2 3; do
    rm -rf "$work/out"
    /usr/bin/time -f "%U %S" -o "$work/time" "$binary" extract --format text --output-dir "$work/out" "$work/pages"/*.html
    cpu="$(awk '{ printf "%.3f", $1 + $2 }' "$work/time")"
    if [[ -z "$best" ]] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$cpu"; fi
done
awk -v n="$count" -v t="$best" 'BEGIN { printf "seokit extract: %d pages, %.2f s CPU (best of 3, whole process), %.0f pages/s\n", n, t, n / t }'

scored=()
for peer in $peers; do
    if python3 "$here/peer.py" "$peer" "$work/pages" "$work/$peer.json" 2>"$work/$peer.err"; then
        scored+=("$work/$peer.json")
    else
        echo "$peer: not available ($(tail -1 "$work/$peer.err"))"
    fi
done

echo
echo "== quality: F1 of 4-word shingles against the ground truth (score.py)"
python3 "$bench/score.py" --bench "$bench" --name "seokit extract" --jobs 2 --worst 5 \
    --cmd "$binary extract --format text {}"
if ((${#scored[@]})); then
    python3 "$bench/score.py" --bench "$bench" --predictions "${scored[@]}"
fi
