#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs every test: the Swift test suite, then the checks
# that need tools outside Swift (SARIF schema validation and a real SARIF consumer).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/check-sarif.sh
