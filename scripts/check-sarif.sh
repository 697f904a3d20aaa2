#!/usr/bin/env bash
# Checks SEOKit's SARIF output with tools outside Swift: writes SARIF files (corpus drafts and
# edge cases, through the formatter tests; `seokit lint Corpora/drafts` when the command exists)
# and runs scripts/validate-sarif.py on them (OASIS SARIF 2.1.0 schema, consistency checks,
# and `sarif summary` from sarif-tools as a real consumer).
#
#   bash scripts/check-sarif.sh     # after `swift build --build-tests`
#
# The Python tools are installed from scripts/requirements-ci.txt into a virtual environment
# kept in $SEOKIT_CI_VENV (default: ~/.cache/seokit-ci-venv-<hash of the requirements>).
# Set SEOKIT_SCRATCH_PATH when the build used --scratch-path.
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=scripts/requirements-ci.txt
hash=$(sha256sum "$requirements" | cut -c1-12)
venv=${SEOKIT_CI_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/seokit-ci-venv-$hash}
if [ ! -x "$venv/bin/sarif" ]; then
    echo "check-sarif: installing the SARIF tools into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scratch=()
[ -n "${SEOKIT_SCRATCH_PATH:-}" ] && scratch=(--scratch-path "$SEOKIT_SCRATCH_PATH")

# The formatter test writes corpus.sarif (corpus drafts) and edge-cases.sarif (every level,
# rules outside the catalogue, encoded paths, standard input, notes, input errors).
SEOKIT_SARIF_OUTPUT="$work" swift test "${scratch[@]}" --skip-build --filter "SARIFFormatterTests/writesSARIFForTheValidator" >/dev/null
files=("$work/corpus.sarif" "$work/edge-cases.sarif")

# The real command, once it exists.
bin=$(swift build "${scratch[@]}" --show-bin-path)
if [ -x "$bin/seokit" ] && "$bin/seokit" lint --help >/dev/null 2>&1; then
    status=0
    # Exit status 1 (failing findings) is expected on the poor drafts.
    "$bin/seokit" lint Corpora/drafts --format "sarif:$work/lint.sarif" >/dev/null 2>&1 || status=$?
    if [ "$status" -gt 1 ]; then
        echo "check-sarif: seokit lint Corpora/drafts exited $status" >&2
        exit 1
    fi
    files+=("$work/lint.sarif")
fi
for file in "${files[@]}"; do
    [ -s "$file" ] || { echo "check-sarif: $file was not written" >&2; exit 1; }
done
"$venv/bin/python" scripts/validate-sarif.py "${files[@]}"
