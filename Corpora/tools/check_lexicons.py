#!/usr/bin/env python3
"""Validate every word list in Corpora/lexicons (standard library only).

Checks, for every *.txt file:
  - UTF-8, LF line endings, a `#` header comment on the first line;
  - no line contains the raw-string terminator `\"\"\"#` (it would break embedding);
  - no leading/trailing whitespace, no empty fields, fields separated by one TAB;
  - no duplicate entries (by key, the first field);
and, for the files whose format is known, the number of TAB fields, lowercase
entries, the allowed characters and the allowed values of the second field.
Files not described below only get the generic checks (and a note).

Usage:
    python3 Corpora/tools/check_lexicons.py [DIRECTORY]
Exit status 0 when every file passes, 1 otherwise.
"""

from __future__ import annotations

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIRECTORY = os.path.normpath(os.path.join(HERE, "..", "lexicons"))

LOWER_WORD = r"[a-z\u00df-\u00ff\u0100-\u024f\u1e00-\u1eff]+"
PHRASE = rf"{LOWER_WORD}(?:[-'][a-z]+)*(?: {LOWER_WORD}(?:[-'][a-z]+)*)*"
NUMBER_3 = r"\d+(?:\.\d{1,3})?"

# name -> (number of fields, [regex per field], extra check or None)
SPECS: dict[str, tuple[int, list[str], object]] = {
    "dale-chall-familiar.txt": (1, [r"[a-z]+(?:[-'][a-z]+)*\.?"], None),
    "function-words.txt": (1, [r"[a-z]+(?:'[a-z]+)?"], None),
    "sentence-starters.txt": (1, [r"[a-z]+(?:'[a-z]+)?"], None),
    "irregular-participles.txt": (1, [r"[a-z]+"], None),
    "adverb-exceptions.txt": (1, [r"[a-z]+ly"], None),
    "transition-words.txt": (1, [PHRASE], None),
    "power-words.txt": (1, [r"[a-z]+(?:-[a-z]+)*"], None),
    "generic-anchors.txt": (1, [PHRASE], None),
    "comparison-stop-terms.txt": (1, [PHRASE], None),
    "abbreviations.txt": (2, [r"[a-z]+(?:\.[a-z]+)*", r"prefix|suffix|time|general"], "abbreviations"),
    "wordy-phrases.txt": (2, [PHRASE, PHRASE], "different"),
    "emotional-words.txt": (2, [r"[a-z]+(?:-[a-z]+)*", r"positive|negative"], None),
    "english-word-frequency.txt": (2, [LOWER_WORD, NUMBER_3], "descending"),
    # word<TAB>syllables[<TAB>...]: any lowercase word without spaces, a count of 1 to 31.
    "liberation-sans-widths.txt": (2, [r"[0-9A-F]{4,6}|units-per-em|default-advance", r"\d+"], None),
    "passive-exceptions.txt": (2, [r"[a-z]+", r"adjective|not-participle|after-get"], None),
    "syllable-exceptions.txt": (-2, [r"[^\sA-Z]+", r"[1-9]|[12]\d|3[01]"], None),
}

# Words that must never be listed as abbreviations: far more often whole words.
NOT_ABBREVIATIONS = {"in", "us", "am", "is", "may"}


def check_file(path: str) -> list[str]:
    name = os.path.basename(path)
    problems: list[str] = []

    def problem(line_number: int, message: str) -> None:
        problems.append(f"{name}:{line_number}: {message}")

    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return [f"{name}: not UTF-8 ({error})"]
    if "\r" in text:
        problems.append(f"{name}: contains carriage returns (use LF line endings)")
    if text and not text.endswith("\n"):
        problems.append(f"{name}: last line has no newline")
    lines = text.split("\n")
    if not lines or not lines[0].startswith("#"):
        problems.append(f"{name}:1: should start with a # comment saying what the list is")

    spec = SPECS.get(name)
    seen: dict[str, int] = {}
    previous_number: float | None = None
    entries = 0
    for number, line in enumerate(lines, start=1):
        if '"""#' in line:
            problem(number, 'contains the raw-string terminator """#')
        if not line or line.startswith("#"):
            continue
        entries += 1
        if line != line.strip():
            problem(number, "leading or trailing whitespace")
        fields = line.split("\t")
        if any(field == "" for field in fields):
            problem(number, "empty field (two TABs in a row, or a TAB at an end)")
        if any(field != field.strip() or "  " in field for field in fields):
            problem(number, "extra spaces inside a field")
        key = fields[0]
        if key in seen:
            problem(number, f"duplicate entry {key!r} (first on line {seen[key]})")
        else:
            seen[key] = number
        if spec is None:
            continue
        count, patterns, extra = spec
        if count > 0 and len(fields) != count:
            problem(number, f"{len(fields)} TAB-separated fields, expected {count}")
            continue
        if count < 0 and len(fields) < -count:
            problem(number, f"{len(fields)} TAB-separated fields, expected at least {-count}")
            continue
        for index, (field, pattern) in enumerate(zip(fields, patterns)):
            if not re.fullmatch(pattern, field):
                lowered = " (not lowercase)" if field != field.lower() else ""
                problem(number, f"field {index + 1} {field!r} does not match {pattern}{lowered}")
        if extra == "abbreviations":
            if key in NOT_ABBREVIATIONS:
                problem(number, f"{key!r} is a common word and must not be an abbreviation")
        elif extra == "different":
            if fields[0] == fields[1]:
                problem(number, "alternative is the same as the phrase")
        elif extra == "descending":
            try:
                value = float(fields[1])
            except ValueError:
                continue
            if previous_number is not None and value > previous_number:
                problem(number, "frequencies are not in descending order")
            previous_number = value

    if spec is None:
        print(f"note: {name}: format not known to this checker; generic checks only")
    if entries == 0:
        print(f"note: {name}: no entries yet")
    return problems


def main() -> int:
    directory = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIRECTORY
    names = sorted(n for n in os.listdir(directory) if n.endswith(".txt"))
    all_problems: list[str] = []
    for name in names:
        problems = check_file(os.path.join(directory, name))
        all_problems.extend(problems)
        count = sum(
            1 for line in open(os.path.join(directory, name), encoding="utf-8", errors="replace")
            if line.strip() and not line.startswith("#")
        )
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{name:32} {count:6} entries  {status}")
    for problem in all_problems[:200]:
        print(problem, file=sys.stderr)
    if len(all_problems) > 200:
        print(f"... and {len(all_problems) - 200} more", file=sys.stderr)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
