#!/usr/bin/env bash
# Runs the tests under AddressSanitizer and ThreadSanitizer.
#
#   scripts/sanitizers.sh            # both
#   scripts/sanitizers.sh address    # ASan (+ LeakSanitizer): the whole suite
#   scripts/sanitizers.sh thread     # TSan: the multi-threaded subset (see TSAN_FILTER)
#
# Each sanitizer has its own scratch path (.build-asan, .build-tsan), and the whole build is
# instrumented: the test bundles and the `seokit` binary the CLI tests run, so the hostile-input
# and interruption tests exercise an instrumented binary too. A report in the binary makes it
# abort (ASan) or exit 66 (TSan), which the tests see as a crash or a wrong exit status; a report
# in the test process fails `swift test`.
#
# Environment:
#   ASAN_FILTER / TSAN_FILTER   a --filter regular expression (ASan default: everything; TSan
#                               default: the suites that run code on several threads: readers and
#                               BatchScorer on many threads, the binary's parallel lint, stats and
#                               score (hostile inputs, interruption), the fetcher and compare)
#   SANITIZER_JOBS              build jobs (default 2)
#
# Takes long: see the timings the script prints at the end (build, then tests, per sanitizer).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
which=${1:-both}
jobs=${SANITIZER_JOBS:-2}
default_tsan_filter='HostileConcurrency|StreamingLint|HostileInput|Interrupt|LintCommand|StatsCommand|FetchTests|CompareCommand'
summary=()
status=0

# The hostile-input tests hold the binary to time and memory limits measured on a plain debug
# build; sanitizers slow it down and use more memory.
export SEOKIT_HOSTILE_SCALE=${SEOKIT_HOSTILE_SCALE:-4}
# Swift's crash backtracer reads the crashed process's memory from a helper thread, which ASan
# reports as an overflow of its own; the sanitizer's report is the one wanted.
export SWIFT_BACKTRACE=enable=no

run() {
    local sanitizer=$1 scratch=$2 filter=$3
    local log="$root/$scratch/sanitizer-test.log"
    mkdir -p "$root/$scratch"
    echo "==> $sanitizer: building ($scratch)" >&2
    local start=$SECONDS
    if ! swift build --scratch-path "$scratch" --build-tests --sanitize="$sanitizer" -j "$jobs" >"$root/$scratch/sanitizer-build.log" 2>&1; then
        tail -40 "$root/$scratch/sanitizer-build.log" >&2
        summary+=("$sanitizer: BUILD FAILED (log: $scratch/sanitizer-build.log)")
        status=1
        return
    fi
    local built=$((SECONDS - start))
    echo "==> $sanitizer: testing${filter:+ (filter: $filter)}; log: $log" >&2
    start=$SECONDS
    local arguments=(--scratch-path "$scratch" --sanitize="$sanitizer" --skip-build)
    [[ -n "$filter" ]] && arguments+=(--filter "$filter")
    swift test "${arguments[@]}" >"$log" 2>&1
    local code=$?
    local tested=$((SECONDS - start))
    local reports
    reports=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer' "$log")
    local result
    result=$(grep -E '^(✔|✘) Test run with|Executed [0-9]+ tests' "$log" | tail -2 | tr '\n' ' ')
    summary+=("$sanitizer: build ${built}s, tests ${tested}s, exit $code, sanitizer reports: $reports; $result")
    if [[ $code -ne 0 || $reports -ne 0 ]]; then
        status=1
        grep -E -A12 'ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer' "$log" | head -60 >&2
        grep -E '✘' "$log" | head -30 >&2
    fi
}

case "$which" in
    address|asan)
        ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1} \
        LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/Fuzz/lsan.supp:print_suppressions=0} \
            run address .build-asan "${ASAN_FILTER:-}" ;;
    thread|tsan)
        # SEOKit locks with pthread mutexes (`Locked`), which TSan sees: no suppressions.
        tsan_suppressions=$(mktemp)
        TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:exitcode=66:second_deadlock_stack=1:suppressions=$tsan_suppressions} \
            run thread .build-tsan "${TSAN_FILTER:-$default_tsan_filter}" ;;
    both)
        "$0" address; a=$?
        "$0" thread; t=$?
        exit $((a | t)) ;;
    *) echo "usage: scripts/sanitizers.sh [address|thread|both]" >&2; exit 2 ;;
esac

for line in "${summary[@]}"; do echo "$line"; done
exit $status
