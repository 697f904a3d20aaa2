#!/usr/bin/env python3
"""Regenerate Corpora/lexicons/english-word-frequency.txt.

Source: the `en_lexeme_prob` table of the PyPI package `spacy-lookups-data`
(MIT licence, Copyright (c) 2019 ExplosionAI GmbH). The table maps spaCy tokens
(case-sensitive, including punctuation and clitics such as "n't") to natural-log
probabilities. This script:

  1. downloads the pinned wheel from PyPI with `pip download --no-deps`
     (or uses a wheel given with --wheel), checks its SHA-256 and that its
     metadata says `License: MIT`;
  2. folds case (sums the probabilities of "The", "the", "THE"...);
  3. keeps only word forms made of letters (a-z and accented Latin letters);
     drops punctuation, numbers, whitespace tokens, other scripts, and every
     form with an apostrophe or hyphen: spaCy splits most of those ("do" +
     "n't", "well" + "-" + "known"), so the few that survive are unreliable;
  4. renormalises over the kept word forms, so the numbers are occurrences
     per million *words* (not per million tokens including punctuation);
  5. writes the top N (default 30,000) as `word<TAB>per-million`, sorted by
     descending frequency (ties by word), with at most 3 decimals.

Standard library only; Python is a tooling dependency, never a runtime one.

Usage:
    python3 Corpora/tools/build_word_frequency.py [--wheel PATH] [--top N] [--output PATH]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

PACKAGE = "spacy-lookups-data"
VERSION = "1.0.5"
WHEEL = "spacy_lookups_data-1.0.5-py2.py3-none-any.whl"
WHEEL_SHA256 = "466f21f087e4144bc93800679437ec5a17be7d0888734b1ba880b3ecb0978bc6"
TABLE = "spacy_lookups_data/data/en_lexeme_prob.json.gz"

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "..", "lexicons", "english-word-frequency.txt")

HEADER = """\
# English word frequencies: word<TAB>occurrences per million words.
# Used for inverse-document-frequency (IDF) weights when a draft is compared with
# competitor pages: rare words weigh more than common ones.
# Top {top} lowercase word forms, sorted by descending frequency.
# Source: table en_lexeme_prob of the PyPI package spacy-lookups-data {version}
# (MIT licence, Copyright (c) 2019 ExplosionAI GmbH). Derived by
# Corpora/tools/build_word_frequency.py: case folded, non-words dropped,
# exp(log-probability) renormalised over word forms and scaled to per million.
# Regenerate: python3 Corpora/tools/build_word_frequency.py
"""

def is_latin_letter(ch: str) -> bool:
    if "a" <= ch <= "z":
        return True
    if ord(ch) < 0xC0:
        return False
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN ")


def normalise(token: str) -> str | None:
    """The lowercase word form of a token, or None when it is not a word."""
    word = unicodedata.normalize("NFC", token.lower())
    if not word or not all(is_latin_letter(ch) for ch in word):
        return None
    return word


def fetch_wheel(directory: str) -> str:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "--dest", directory, f"{PACKAGE}=={VERSION}"],
        check=True,
    )
    return os.path.join(directory, WHEEL)


def sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_licence(archive: zipfile.ZipFile) -> None:
    metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    text = archive.read(metadata).decode("utf-8")
    if not re.search(r"^License: MIT$", text, re.MULTILINE):
        sys.exit(f"{metadata}: licence is not MIT; refusing to build")


def format_number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text else "0"


def build(wheel: str, top: int) -> list[tuple[str, float]]:
    actual = sha256(wheel)
    if actual != WHEEL_SHA256:
        print(f"warning: {wheel} has SHA-256 {actual}, expected {WHEEL_SHA256}", file=sys.stderr)
    with zipfile.ZipFile(wheel) as archive:
        check_licence(archive)
        table: dict[str, float] = json.loads(gzip.decompress(archive.read(TABLE)))

    totals: dict[str, float] = {}
    for token, log_prob in table.items():
        word = normalise(token)
        if word is not None:
            totals[word] = totals.get(word, 0.0) + math.exp(log_prob)
    mass = sum(totals.values())
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [(word, prob / mass * 1e6) for word, prob in ranked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--wheel", help="a local copy of the spacy-lookups-data wheel")
    parser.add_argument("--top", type=int, default=30_000, help="number of words to keep")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        wheel = args.wheel or fetch_wheel(scratch)
        rows = build(wheel, args.top)

    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER.format(top=f"{args.top:,}", version=VERSION))
        for word, per_million in rows:
            out.write(f"{word}\t{format_number(per_million)}\n")
    print(f"wrote {len(rows)} words to {os.path.relpath(args.output)}")


if __name__ == "__main__":
    main()
