#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs every test: the Swift test suite, then the checks
# that need tools outside Swift — SARIF validation against the OASIS schema and a real SARIF
# consumer, the compare report loaded in a real headless browser, the release binary checked
# against the debug one (statically linked, same output) — then the suite again
# under AddressSanitizer (all of it) and ThreadSanitizer (the multi-threaded suites).
# SEOKIT_SANITIZERS=0 skips the sanitizer runs (about 12 minutes on 2 cores) for a quick check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/check-sarif.sh
bash scripts/browser-test.sh
bash scripts/release-check.sh
if [ "${SEOKIT_SANITIZERS:-1}" != 0 ]; then
    TSAN_FILTER=${TSAN_FILTER:-'HostileConcurrency|StreamingLint|Interrupt|LintCommand|StatsCommand|FetchTests|CompareCommand'} \
        bash scripts/sanitizers.sh both
fi
