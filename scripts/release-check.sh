#!/usr/bin/env bash
# Checks the release binary, the one users run: it builds (`swift build -c release`, as the
# README's first command does), loads no Swift shared library (the runtime and Foundation are
# linked in, see Package.swift), and lints and scores the project's corpora exactly as the debug
# build the tests ran does, byte for byte.
#
#   bash scripts/release-check.sh      # after `swift build --build-tests`
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product seokit >/tmp/seokit-release-build.log 2>&1 || { tail -40 /tmp/seokit-release-build.log >&2; exit 1; }
release="$(swift build -c release --show-bin-path)/seokit"
debug="$(swift build --show-bin-path)/seokit"
[ -x "$debug" ] || { echo "release-check: build the debug binary first (swift build --build-tests)" >&2; exit 1; }

if ldd "$release" | grep -E 'libswift|libFoundation|libdispatch' >&2; then
    echo "release-check: the release binary loads Swift shared libraries (above); it should link them statically" >&2
    exit 1
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
compare() {
    local name=$1
    shift
    # Exit statuses are part of the contract too (1: findings at --fail-on).
    local release_status=0 debug_status=0
    "$release" "$@" >"$out/$name.release" 2>&1 || release_status=$?
    "$debug" "$@" >"$out/$name.debug" 2>&1 || debug_status=$?
    if [ "$release_status" != "$debug_status" ] || ! cmp -s "$out/$name.release" "$out/$name.debug"; then
        echo "release-check: '$*' differs between the release and debug builds (exit $release_status vs $debug_status)" >&2
        diff "$out/$name.debug" "$out/$name.release" | head -20 >&2 || true
        exit 1
    fi
}
compare lint lint Corpora/drafts Corpora/pages --format json
compare score score Corpora/drafts Corpora/pages --format jsonl --jobs 2 --quiet
compare stats stats Corpora/drafts --format json
echo "release-check: release binary statically linked; lint, score and stats agree with the debug build"
