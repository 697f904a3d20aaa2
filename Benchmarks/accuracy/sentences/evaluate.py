#!/usr/bin/env python3
"""Sentence boundaries: SEOKit against the 48 English "golden rules" of pySBD.

The golden rules are hard boundary cases (abbreviations, initials, decimals, ellipses, quotes,
lists...) that pySBD publishes with its source distribution (MIT licence). They are fetched
from PyPI at run time, never copied into this repository, and SEOKit was not tuned on a copy
kept here: the test data stays upstream.

Usage: evaluate.py [SEOKIT_BINARY]   (default: .build/release/seokit)
Prints each case SEOKit gets wrong and the total, e.g. "48 / 48".
"""
import importlib.util
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def golden_rules(work):
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    "--dest", work, "pysbd==0.3.3"], check=True)
    archive = os.path.join(work, "pysbd-0.3.3.tar.gz")
    with tarfile.open(archive) as tar:
        member = tar.getmember("pysbd-0.3.3/benchmarks/english_golden_rules.py")
        path = os.path.join(work, "english_golden_rules.py")
        with open(path, "wb") as out:
            out.write(tar.extractfile(member).read())
    spec = importlib.util.spec_from_file_location("english_golden_rules", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GOLDEN_EN_RULES


def main():
    seokit = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/seokit")
    with tempfile.TemporaryDirectory() as work:
        rules = golden_rules(work)
    correct = 0
    for number, (text, expected) in enumerate(rules, 1):
        result = subprocess.run([seokit, "inspect", "sentences", "-"], input=text.encode(), capture_output=True, check=True)
        got = [line.strip() for line in result.stdout.decode().splitlines() if line.strip()]
        if got == [sentence.strip() for sentence in expected]:
            correct += 1
        else:
            print(f"case {number}: expected {expected}\n        got {got}")
    print(f"{correct} / {len(rules)}")


if __name__ == "__main__":
    main()
