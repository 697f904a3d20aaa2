#!/usr/bin/env python3
"""SEOKit's command-line tool against its peers, side by side, in one run on the same inputs.

Figures (all single-threaded unless the row says otherwise):
  plain-text stats MB/s   seokit stats        vs textstat (PyPI) and GNU style (diction)
  Markdown lint MB/s      seokit lint (text, json, sarif) and score --jobs 1
  HTML stats MB/s         seokit stats        vs xmllint --html (libxml2's own parse, the floor)
  Markdown floor MB/s     cmark-gfm's own parse of the same files (Debian cmark-gfm)
  score speed-up          seokit score --jobs 2 against --jobs 1 (four rounds of the articles)
  score, lint peak memory 1,000 and 10,000 files
  lint one post           process start to exit (hyperfine)

Inputs come from ../shared/corpora when it exists (real articles), else from Corpora/drafts.
Usage: compare.py SEOKIT_BINARY [--quick]
"""
import argparse
import glob
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MB = 1_000_000  # sizes and rates in decimal megabytes, as the issue bars are stated
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared"))


def markdown_sources():
    shared = sorted(glob.glob(os.path.join(SHARED, "corpora/opensource-guide/_articles/*.md")))
    shared += sorted(glob.glob(os.path.join(SHARED, "corpora/rust-blog/content/**/*.md"), recursive=True))
    return shared or sorted(glob.glob(os.path.join(ROOT, "Corpora/drafts/*.md")))


def prose_of(markdown):
    """Plain prose from a Markdown file: front matter, code, markup and links removed."""
    text = re.sub(r"^(---|\+\+\+)\n.*?\n\1\n", "", markdown, flags=re.S)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>|\{\{.*?\}\}|\{%.*?%\}", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"[#*`>\[\]|]", "", text)


def build_inputs(work, megabytes):
    sources = markdown_sources()
    prose = "\n\n".join(prose_of(open(path, encoding="utf-8", errors="replace").read()) for path in sources)
    english = os.path.join(work, "english.txt")
    with open(english, "w", encoding="utf-8") as out:
        size = 0
        while size < megabytes * 1_048_576:
            out.write(prose + "\n\n")
            size += len(prose.encode()) + 2
    small = os.path.join(work, "english-small.txt")
    with open(english, "rb") as source, open(small, "wb") as out:
        out.write(source.read(4 * 1_048_576))
    markdown_dir = os.path.join(work, "markdown")
    os.makedirs(markdown_dir)
    for index, path in enumerate(sources):
        shutil.copy(path, os.path.join(markdown_dir, f"{index:05d}.md"))
    html_dir = os.path.join(work, "html")
    os.makedirs(html_dir)
    pages = sorted(glob.glob(os.path.join(SHARED, "extraction-dev/html/*.html.gz")))
    for index, path in enumerate(pages):
        with gzip.open(path, "rb") as source, open(os.path.join(html_dir, f"{index:03d}.html"), "wb") as out:
            out.write(source.read())
    if not pages:
        for index, path in enumerate(sorted(glob.glob(os.path.join(ROOT, "Corpora/competitors/*/pages/*.html")))):
            shutil.copy(path, os.path.join(html_dir, f"{index:03d}.html"))
    return english, small, markdown_dir, html_dir


def one_core(command):
    """The command pinned to one CPU, so a single-threaded figure stays single-threaded."""
    return (["taskset", "-c", "0"] if shutil.which("taskset") else []) + command


def folder_size(folder):
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))


def best_time(command, repeat=3, stdin=None):
    """Best wall time of a command (seconds), output discarded."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=stdin, check=False)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def peak_memory_kb(command):
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def replicate(folder, count, work, name):
    target = os.path.join(work, name)
    os.makedirs(target)
    files = sorted(os.listdir(folder))
    for index in range(count):
        source = os.path.join(folder, files[index % len(files)])
        os.symlink(source, os.path.join(target, f"{index:06d}.md"))
    return target


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("seokit")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one repetition")
    args = parser.parse_args()
    seokit = os.path.abspath(args.seokit)
    repeat = 1 if args.quick else 3
    rows = []
    with tempfile.TemporaryDirectory() as work:
        english, small, markdown_dir, html_dir = build_inputs(work, 16 if args.quick else 50)
        mb = os.path.getsize(english) / MB
        small_mb = os.path.getsize(small) / MB

        seconds = best_time(one_core([seokit, "stats", "--max-file-size", "0", english]), repeat)
        rows.append(("plain-text stats", "seokit stats", f"{mb:.0f} MB", f"{mb / seconds:.0f} MB/s"))
        try:
            import textstat  # noqa: F401
            script = "import sys,textstat;t=open(sys.argv[1]).read();textstat.flesch_reading_ease(t);textstat.syllable_count(t);textstat.sentence_count(t)"
            seconds = best_time(one_core([sys.executable, "-c", script, small]), 1)
            rows.append(("plain-text stats", "textstat", f"{small_mb:.0f} MB", f"{small_mb / seconds:.1f} MB/s"))
        except ImportError:
            rows.append(("plain-text stats", "textstat", "-", "not installed (pip install textstat)"))
        if shutil.which("style"):
            with open(small, "rb") as stdin:
                seconds = best_time(one_core(["style"]), 1, stdin=stdin)
            rows.append(("plain-text stats", "GNU style", f"{small_mb:.0f} MB", f"{small_mb / seconds:.1f} MB/s"))

        md_mb = folder_size(markdown_dir) / MB
        md_files = len(os.listdir(markdown_dir))
        for output in ["text", "json", "sarif"]:
            seconds = best_time(one_core([seokit, "lint", markdown_dir, "--format", output, "--fail-on", "error"]), repeat)
            rows.append(("Markdown lint, one core", f"seokit lint --format {output}", f"{md_mb:.1f} MB, {md_files} files", f"{md_mb / seconds:.1f} MB/s"))
        md_paths = [os.path.join(markdown_dir, name) for name in sorted(os.listdir(markdown_dir))]
        if shutil.which("cmark-gfm"):
            # The floor of any Markdown linter built on cmark-gfm: its own parse of the same
            # files (with source positions and the GFM extensions, HTML rendering included).
            seconds = best_time(one_core(["cmark-gfm", "--sourcepos", "-e", "table", "-e", "autolink", "-e", "strikethrough"] + md_paths), repeat)
            rows.append(("Markdown lint, one core", "cmark-gfm --sourcepos (parse and render only, the floor)", f"{md_mb:.1f} MB", f"{md_mb / seconds:.0f} MB/s"))

        html_mb = folder_size(html_dir) / MB
        html_files = [os.path.join(html_dir, name) for name in sorted(os.listdir(html_dir))]
        seconds = best_time(one_core([seokit, "stats", "--format", "json"] + html_files), repeat)
        rows.append(("HTML stats", "seokit stats", f"{html_mb:.1f} MB, {len(html_files)} pages", f"{html_mb / seconds:.0f} MB/s"))
        if shutil.which("xmllint"):
            seconds = best_time(one_core(["xmllint", "--html", "--noout", "--nowarning"] + html_files), repeat)
            rows.append(("HTML stats", "xmllint --html (libxml2 parse, floor)", f"{html_mb:.1f} MB", f"{html_mb / seconds:.0f} MB/s"))

        one = best_time([seokit, "score", markdown_dir, "--jobs", "1", "--format", "jsonl", "--quiet"], repeat)
        rows.append(("Markdown score, one job", "seokit score --jobs 1", f"{md_mb:.1f} MB, {md_files} files", f"{md_mb / one:.0f} MB/s"))
        # The speed-up on four rounds of the articles: long enough that the process start (not
        # parallel) does not weigh on it.
        rounds = replicate(markdown_dir, 4 * md_files, work, "x4")
        one = best_time([seokit, "score", rounds, "--jobs", "1", "--format", "jsonl", "--quiet"], repeat)
        two = best_time([seokit, "score", rounds, "--jobs", "2", "--format", "jsonl", "--quiet"], repeat)
        rows.append(("score speed-up", "seokit score --jobs 2 vs 1", f"{4 * md_files} files", f"{one / two:.2f}× ({one:.2f} s → {two:.2f} s)"))

        thousand = replicate(markdown_dir, 1000, work, "k1")
        ten_thousand = replicate(markdown_dir, 10000, work, "k10")
        m1 = peak_memory_kb([seokit, "score", thousand, "--format", "jsonl", "--quiet"])
        m10 = peak_memory_kb([seokit, "score", ten_thousand, "--format", "jsonl", "--quiet"])
        rows.append(("score peak memory", "1,000 / 10,000 files", "", f"{m1 / 1024:.0f} MB / {m10 / 1024:.0f} MB (×{m10 / m1:.2f})"))
        m1 = peak_memory_kb([seokit, "lint", thousand, "--format", "json"])
        m10 = peak_memory_kb([seokit, "lint", ten_thousand, "--format", "json"])
        rows.append(("lint peak memory (streamed output)", "1,000 / 10,000 files, --format json", "", f"{m1 / 1024:.0f} MB / {m10 / 1024:.0f} MB (×{m10 / m1:.2f})"))

        post = os.path.join(ROOT, "Corpora/drafts/good-cast-iron-care.md")  # 1,098 words
        if shutil.which("hyperfine"):
            result = subprocess.run(["hyperfine", "--warmup", "3", "--runs", "30", "--export-json", os.path.join(work, "h.json"),
                                     "-N", f"{seokit} lint {post} --format json"], capture_output=True, text=True)
            data = json.load(open(os.path.join(work, "h.json")))["results"][0]
            rows.append(("lint one post", "process start to exit", os.path.basename(post), f"{data['mean'] * 1000:.1f} ms ± {data['stddev'] * 1000:.1f}"))

    print("| measure | tool | input | result |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
