#!/usr/bin/env python3
"""Runs a Python peer extractor over a folder of .html pages in one process.

Usage: peer.py {trafilatura|readability} PAGES_DIR PREDICTIONS.json

Writes the extracted text in the benchmark's prediction format ({id: {"articleBody": ...}})
and prints one line with the page count, the time spent extracting (reading the files is not
timed) and pages per second. Used by run.sh as a side-by-side reference only: SEOKit does not
depend on these packages.
"""
import json
import re
import sys
import time
from pathlib import Path


def extractor(name):
    if name == "trafilatura":
        import trafilatura

        def run(html):
            return trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        return run, f"trafilatura {trafilatura.__version__}"
    if name == "readability":
        from readability import Document
        import lxml.html

        def run(html):
            summary = Document(html).summary(html_partial=True)
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        return run, "readability-lxml"
    raise SystemExit(f"unknown peer {name}")


def main():
    name, folder, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    run, label = extractor(name)
    pages = {p.stem: p.read_text(encoding="utf8") for p in sorted(folder.glob("*.html"))}
    predictions = {}
    start = time.process_time()
    wall = time.perf_counter()
    for pid, html in pages.items():
        try:
            predictions[pid] = {"articleBody": run(html)}
        except Exception as error:  # a peer's failure on one page scores as empty
            predictions[pid] = {"articleBody": ""}
            print(f"{label}: {pid}: {error}", file=sys.stderr)
    cpu = time.process_time() - start
    wall = time.perf_counter() - wall
    out.write_text(json.dumps(predictions, ensure_ascii=False), encoding="utf8")
    print(f"{label}: {len(pages)} pages, {cpu:.2f} s CPU, {wall:.2f} s wall, {len(pages) / cpu:.1f} pages/s (CPU)")


if __name__ == "__main__":
    main()
