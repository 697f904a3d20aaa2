#!/usr/bin/env python3
"""Speed of SEOKit's syllable counter (release build of the stand-alone harness, one core).

    python3 Benchmarks/accuracy/syllables/speed.py [--tokens 500000] [--repeats 20]

Two word streams:
- running text: tokens drawn with replacement (fixed seed) from
  Corpora/lexicons/english-word-frequency.txt, in proportion to their frequency, so short
  common words dominate as in prose;
- dictionary: every CMUdict word made of letters and apostrophes, once each (longer, rarer).
Prints words per second for `countByRules` and for `count` with its lexicon lookup (best of
the repeats).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import syllable_support as support  # noqa: E402
from evaluate import frequencies  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="SEOKit syllable counter speed")
    parser.add_argument("--tokens", type=int, default=500_000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()

    harness = support.build_harness()
    streams = []
    table = frequencies()
    if table:
        words = sorted(table)
        rng = random.Random(20240601)
        tokens = rng.choices(words, weights=[table[w] for w in words], k=args.tokens)
        streams.append(("running text (frequency-weighted tokens)", tokens))
    first, _ = support.load_cmudict(support.fetch_cmudict())
    streams.append(("dictionary (all CMUdict words)", sorted(w for w in first if support.is_word(w))))

    for name, words in streams:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
            handle.write("\n".join(words) + "\n")
            path = handle.name
        try:
            out = subprocess.run([harness, "bench", path, str(args.repeats)], capture_output=True, text=True,
                                 check=True, env=support.harness_environment())
        finally:
            os.unlink(path)
        print(f"== {name}")
        print(out.stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
