#!/usr/bin/env python3
"""Regenerate Corpora/lexicons/dale-chall-familiar.txt.

Source: `textstat/resources/en/easy_words.txt` in the PyPI package `textstat`
(MIT licence, Copyright (c) 2016 Shivam Bansal), the Dale-Chall list of words
familiar to fourth-graders. The words are kept as given: stripped, lowercased,
deduplicated and sorted. Standard library only.

Usage:
    python3 Corpora/tools/build_dale_chall.py [--wheel PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "textstat"
VERSION = "0.7.13"
WHEEL = "textstat-0.7.13-py3-none-any.whl"
WHEEL_SHA256 = "04b1ec995d1e8b2e628759497e6b23204a9ec91dcd652447d8cbba9478f25471"
LIST = "textstat/resources/en/easy_words.txt"

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "..", "lexicons", "dale-chall-familiar.txt")

HEADER = """\
# The Dale-Chall list of about 3,000 words familiar to fourth-graders, one per line.
# Used by the (New) Dale-Chall readability score: a word not on this list is "difficult".
# Source: textstat/resources/en/easy_words.txt of the PyPI package textstat {version}
# (MIT licence, Copyright (c) 2016 Shivam Bansal). Kept as given: lowercased,
# deduplicated, sorted. Note that the source spells two entries with their period
# ("mr.", "mrs.") and includes contractions and hyphenated words.
# Regenerate: python3 Corpora/tools/build_dale_chall.py
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--wheel", help="a local copy of the textstat wheel")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        wheel = args.wheel
        if wheel is None:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                 "--dest", scratch, f"{PACKAGE}=={VERSION}"],
                check=True,
            )
            wheel = os.path.join(scratch, WHEEL)
        with open(wheel, "rb") as handle:
            actual = hashlib.sha256(handle.read()).hexdigest()
        if actual != WHEEL_SHA256:
            print(f"warning: {wheel} has SHA-256 {actual}, expected {WHEEL_SHA256}", file=sys.stderr)
        with zipfile.ZipFile(wheel) as archive:
            metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            if not re.search(r"^License: MIT$", archive.read(metadata).decode("utf-8"), re.MULTILINE):
                sys.exit(f"{metadata}: licence is not MIT; refusing to build")
            text = archive.read(LIST).decode("utf-8")

    words = sorted({line.strip().lower() for line in text.splitlines() if line.strip()})
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER.format(version=VERSION))
        for word in words:
            out.write(word + "\n")
    print(f"wrote {len(words)} words to {os.path.relpath(args.output)}")


if __name__ == "__main__":
    main()
