#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs every test: the Swift test suite, then the checks
# that need tools outside Swift — SARIF validation against the OASIS schema and a real SARIF
# consumer, and the compare report loaded in a real headless browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/check-sarif.sh
bash scripts/browser-test.sh
