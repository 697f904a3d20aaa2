#!/usr/bin/env bash
# Builds one libFuzzer target of the Fuzz/ package and runs it for a while.
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_OPTION...]
#   scripts/fuzz.sh markdown 600
#   scripts/fuzz.sh html 180 -jobs=2 -workers=2
#   scripts/fuzz.sh html 0 Fuzz/.build/artifacts/html/crash-...   # replay one input
#
# TARGET is markdown, html, config or text. The build goes to Fuzz/.build (ignored by the root
# .gitignore); the working corpus to Fuzz/.build/corpus/TARGET, crashes, leaks and timeouts to
# Fuzz/.build/artifacts/TARGET/. Seeds come from Corpora/ (drafts, pages, competitor pages and
# the lexicons for the text target) and Fuzz/Seeds/. At the end it prints the executions, the
# executions per second, peak memory and any crash file.
#
# Environment: FUZZ_CONFIGURATION=release|debug (default release: several times faster and the
# sanitizer still sees every access), FUZZ_MAX_LEN to override the per-target maximum input
# length, FUZZ_SKIP_BUILD=1 to reuse the last build, FUZZ_FROM_HEAD=1 to build from a snapshot of
# the last commit (git archive HEAD, in $TMPDIR/seokit-fuzz-head) rather than the work tree, so
# that edits in progress elsewhere in the tree neither break nor change the build.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_OPTION...]   (TARGET: markdown, html, config, text)" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
configuration=${FUZZ_CONFIGURATION:-release}
build_root=$fuzz
if [[ "${FUZZ_FROM_HEAD:-0}" == 1 ]]; then
    snapshot="${TMPDIR:-/tmp}/seokit-fuzz-head"
    mkdir -p "$snapshot"
    if [[ "${FUZZ_SKIP_BUILD:-0}" != 1 ]]; then
        find "$snapshot" -mindepth 1 -maxdepth 1 ! -name Fuzz -exec rm -rf {} +
        find "$snapshot/Fuzz" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} + 2>/dev/null || true
        git -C "$root" archive HEAD | tar -x -C "$snapshot"
    fi
    build_root="$snapshot/Fuzz"
fi

case "$target" in
    markdown) max_len=${FUZZ_MAX_LEN:-32768} ;;   # drafts are 2–15 KB; deep nesting fits in 32 KB
    html) max_len=${FUZZ_MAX_LEN:-65536} ;;       # competitor pages are 20–60 KB
    config) max_len=${FUZZ_MAX_LEN:-4096} ;;      # a real .seokit.yml is under 2 KB
    text) max_len=${FUZZ_MAX_LEN:-16384} ;;
    *) echo "fuzz.sh: unknown target '$target' (markdown, html, config, text)" >&2; exit 2 ;;
esac

if [[ "${FUZZ_SKIP_BUILD:-0}" != 1 ]]; then
    echo "==> building $target ($configuration, -sanitize=fuzzer,address)" >&2
    # lld, not gold: gold stops with an internal error on the fuzzer-instrumented objects.
    # Others may be editing Sources/ meanwhile ("modified during the build"): try again.
    for attempt in 1 2 3 4 5; do
        build_log=$(mktemp)
        if (cd "$build_root" && swift build -c "$configuration" --product "$target" \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >"$build_log" 2>&1); then
            rm -f "$build_log"
            break
        fi
        if grep -q 'was modified during the build' "$build_log" && [[ $attempt -lt 5 ]]; then
            echo "fuzz.sh: sources changed during the build; building again ($attempt)" >&2
            rm -f "$build_log"
            continue
        fi
        cat "$build_log" >&2
        rm -f "$build_log"
        exit 2
    done
fi
binary="$build_root/.build/$configuration/$target"
[[ -x "$binary" ]] || { echo "fuzz.sh: no binary at $binary" >&2; exit 2; }

# Seeds: copied into a fresh folder so libFuzzer never writes into Corpora/.
seeds="$fuzz/.build/seeds/$target"
rm -rf "$seeds"
mkdir -p "$seeds"
copy() { for file in "$@"; do [[ -f "$file" ]] && cp "$file" "$seeds/$(echo "${file#"$root"/}" | tr '/' '_')"; done; return 0; }
shopt -s nullglob
case "$target" in
    markdown) copy "$root"/Corpora/drafts/*.md "$root"/Corpora/drafts/*.mdx "$root"/Corpora/competitors/*/draft.md ;;
    html) copy "$root"/Corpora/pages/*.html "$root"/Corpora/drafts/*.html "$root"/Corpora/competitors/*/pages/*.html "$root"/Corpora/competitors/hostile/*.html ;;
    config) copy "$fuzz"/Seeds/config/* ;;
    text) copy "$root"/Corpora/drafts/*.txt "$root"/Corpora/drafts/*.md "$root"/Corpora/lexicons/syllable-exceptions.txt "$root"/Corpora/lexicons/abbreviations.txt ;;
esac
# The starter configuration `seokit init` writes, when a seokit binary is at hand.
if [[ "$target" == config ]]; then
    for candidate in "$root"/.build-harden/debug/seokit "$root"/.build/debug/seokit "$root"/.build/release/seokit; do
        if [[ -x "$candidate" ]]; then
            scratch=$(mktemp -d)
            (cd "$scratch" && "$candidate" init >/dev/null 2>&1 && cp .seokit.yml "$seeds/starter.yml") || true
            rm -rf "$scratch"
            break
        fi
    done
fi

corpus="$fuzz/.build/corpus/$target"
artifacts="$fuzz/.build/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
dictionary=()
[[ -f "$fuzz/Dictionaries/$target.dict" ]] && dictionary=(-dict="$fuzz/Dictionaries/$target.dict")

log="$fuzz/.build/fuzz-$target.log"
before=$(ls "$artifacts" | wc -l)
echo "==> fuzzing $target for ${seconds}s (max_len $max_len); log: $log" >&2

# A file argument (not an option) replays inputs instead of fuzzing.
replay=0
for argument in "$@"; do [[ "$argument" != -* ]] && replay=1; done
if [[ $replay == 1 ]]; then
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$fuzz/lsan.supp} SWIFT_BACKTRACE=enable=no exec "$binary" -rss_limit_mb=4096 "$@"
fi

status=0
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$fuzz/lsan.supp:print_suppressions=0} SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0} \
"$binary" "$corpus" "$seeds" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "${dictionary[@]}" "$@" >"$log" 2>&1 || status=$?

runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
speed=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
rss=$(grep -Eo 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
units=$(ls "$corpus" | wc -l)
echo "target: $target"
echo "seconds: $seconds"
echo "executions: ${runs:-?}"
echo "exec/s: ${speed:-?}"
echo "peak RSS MB: ${rss:-?}"
echo "coverage: ${coverage:-?}; corpus: $units inputs"
echo "leaks reported: $(grep -c 'ERROR: LeakSanitizer' "$log" || true)"
new=$(ls -t "$artifacts" | head -n $(( $(ls "$artifacts" | wc -l) - before )) || true)
if [[ -n "$new" ]]; then
    echo "crash files:"
    for file in $new; do echo "  $artifacts/$file"; done
    grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|SUMMARY' "$log" | head -20
else
    echo "crash files: none"
fi
exit "$status"
