#!/usr/bin/env python3
"""Rebuild Corpora/lexicons/liberation-sans-widths.txt from Liberation Sans Regular.

The SERP title-width estimate (`meta.title-width`, `SERPWidth` in Swift) needs the advance
width of each character in Arial, the font Google sets desktop result titles in. Liberation
Sans is metric-compatible with Arial by design: every glyph has Arial's advance width, so
summing its advances gives the width a title takes in Arial.

Only numbers are taken from the font: for each code point in the ranges below that the
font's character map covers, the advance width (`hmtx` table, in font units) of the glyph
it maps to. No outline, hinting or other font data is copied.

Source (default): Debian 12 package `fonts-liberation2` 2.1.5-1 (Liberation Sans 2.1.5,
SIL Open Font License 1.1), fetched with `apt-get download` and checked against a pinned
SHA-256. `--font PATH` reads any other TrueType file instead (for example Debian's
`fonts-liberation` 1.07.4 at /usr/share/fonts/truetype/liberation/; its advances are the
same for every code point here except U+00B7 MIDDLE DOT, 569 units in 1.07.4, 682 in 2.1.5).

Needs fontTools (`pip install fonttools`, MIT licence); a tooling dependency only.

Usage:
    python3 Corpora/tools/build_serp_widths.py [--font PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.normpath(os.path.join(HERE, "..", "lexicons", "liberation-sans-widths.txt"))

PACKAGE = "fonts-liberation2"
PACKAGE_VERSION = "2.1.5-1"
PACKAGE_SHA256 = "35ffaa54f117e633e89a5da89af235a073b34dbe582726fbf6989568f7fd9bda"
FONT_IN_PACKAGE = "usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"

# (first, last, name): the blocks a search result title is realistically written in.
RANGES = [
    (0x0020, 0x007E, "Basic Latin (ASCII)"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x0180, 0x024F, "Latin Extended-B"),
    (0x02B0, 0x02FF, "Spacing Modifier Letters"),
    (0x0370, 0x03FF, "Greek and Coptic"),
    (0x0400, 0x04FF, "Cyrillic"),
    (0x1E00, 0x1EFF, "Latin Extended Additional"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x25A0, 0x25FF, "Geometric Shapes"),
    (0x2600, 0x26FF, "Miscellaneous Symbols"),
    (0xFB00, 0xFB06, "Latin ligatures"),
]

# The fallback for characters the table lacks: the mean advance of a-z and A-Z.
AVERAGE_OF = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fetch_font(workdir: str) -> str:
    """Downloads the pinned Debian package, checks it, and unpacks the font."""
    subprocess.run(["apt-get", "download", f"{PACKAGE}={PACKAGE_VERSION}"], cwd=workdir, check=True)
    debs = glob.glob(os.path.join(workdir, f"{PACKAGE}_*.deb"))
    if len(debs) != 1:
        sys.exit(f"expected one {PACKAGE} .deb, found {debs}")
    actual = sha256(debs[0])
    if actual != PACKAGE_SHA256:
        sys.exit(f"{debs[0]}: SHA-256 {actual}, expected {PACKAGE_SHA256}")
    target = os.path.join(workdir, "unpacked")
    subprocess.run(["dpkg-deb", "-x", debs[0], target], check=True)
    copyright_path = os.path.join(target, "usr/share/doc", PACKAGE, "copyright")
    with open(copyright_path, encoding="utf-8") as handle:
        if "SIL-OFL-1.1" not in handle.read():
            sys.exit(f"{copyright_path} does not name SIL-OFL-1.1")
    return os.path.join(target, FONT_IN_PACKAGE)


def build(font_path: str, origin: str) -> str:
    from fontTools.ttLib import TTFont  # imported here so --help works without fontTools

    font = TTFont(font_path)
    units_per_em = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    version = font["name"].getDebugName(5) or "unknown version"
    family = font["name"].getDebugName(4) or os.path.basename(font_path)

    rows: list[tuple[int, int]] = []
    for first, last, _ in RANGES:
        for code_point in range(first, last + 1):
            glyph = cmap.get(code_point)
            if glyph is None:
                continue
            rows.append((code_point, hmtx[glyph][0]))
    letters = [hmtx[cmap[ord(c)]][0] for c in AVERAGE_OF]
    average = round(sum(letters) / len(letters))

    lines = [
        "# Advance widths of Liberation Sans Regular, for estimating how wide a title is in a",
        "# search result (Google sets desktop result titles in Arial, 20 px; Liberation Sans is",
        "# metric-compatible with Arial, so its advances are Arial's).",
        "# Format: code point (hex, 4-6 digits)<TAB>advance width in font units.",
        "# Two header entries come first: units-per-em<TAB>N (divide advances by it to get ems)",
        "# and default-advance<TAB>N (used for characters not listed: the mean advance of a-z A-Z).",
        "# Width of a string in pixels = sum of advances / units-per-em * font size. No kerning.",
        f"# Source: {family}, {version} ({origin}),",
    ]
    blocks = "hmtx advances of the glyphs the font's cmap gives for " + ", ".join(name for _, _, name in RANGES) + "."
    lines += ["# " + line for line in textwrap.wrap(blocks, width=92)]
    lines += [
        "# Licence of the source font: SIL Open Font License 1.1; only numeric metrics are taken.",
        "# Regenerate: python3 Corpora/tools/build_serp_widths.py",
        f"units-per-em\t{units_per_em}",
        f"default-advance\t{average}",
    ]
    lines += [f"{code_point:04X}\t{advance}" for code_point, advance in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--font", help="a TrueType file to read instead of the pinned Debian package")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    arguments = parser.parse_args()
    if arguments.font:
        text = build(arguments.font, "file " + os.path.basename(arguments.font))
    else:
        with tempfile.TemporaryDirectory() as workdir:
            text = build(fetch_font(workdir), f"Debian package {PACKAGE} {PACKAGE_VERSION}")
    with open(arguments.output, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    entries = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    print(f"wrote {arguments.output}: {entries} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
