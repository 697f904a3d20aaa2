#!/usr/bin/env bash
# Scores a folder with seokit under Apache Spark (local mode) and checks the totals against a
# plain `seokit score` run. Installs pyspark from PyPI into a virtual environment the first time
# (Java 17 must be installed). Usage: Benchmarks/spark/run.sh [FOLDER] (default: Corpora/drafts).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
folder="${1:-$root/Corpora/drafts}"
bash "$root/scripts/setup.sh"
(cd "$root" && swift build -c release --product seokit)
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark==3.5.*"
fi
"$venv/bin/python" "$here/score_with_spark.py" "$root/.build/release/seokit" "$folder"
