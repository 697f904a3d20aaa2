#!/usr/bin/env python3
"""Two builds of seokit side by side, on the inputs of compare.py, in one run: how a change
is measured on a machine whose speed moves from hour to hour (Benchmarks/README.md).

Each row is one `hyperfine` series with both binaries interleaved (one core where the row
says so), then peak memory of score and lint over 1,000 and 10,000 files.
Usage: versus.py OLD_SEOKIT NEW_SEOKIT     (hyperfine must be installed: run.sh installs it)
"""
import json
import os
import subprocess
import sys
import tempfile

from compare import build_inputs, one_core, peak_memory_kb, replicate


def series(label, old, new, arguments, runs, warmup=1, pinned=True):
    """Mean time of each binary (hyperfine, interleaved), as a table row."""
    commands = []
    for binary in (old, new):
        command = [binary] + arguments
        commands.append(" ".join(one_core(command) if pinned else command))
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        subprocess.run(["hyperfine", "-N", "-i", "-w", str(warmup), "-r", str(runs), "--export-json", export.name] + commands,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results = json.load(open(export.name))["results"]
    before, after = (result["mean"] * 1000 for result in results)
    print(f"| {label} | {before:.1f} ms | {after:.1f} ms | {before / after:.2f}× |")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    old, new = (os.path.abspath(path) for path in sys.argv[1:])
    with tempfile.TemporaryDirectory() as work:
        english, _, markdown_dir, _ = build_inputs(work, 50)
        files = len(os.listdir(markdown_dir))
        rounds = replicate(markdown_dir, 4 * files, work, "x4")
        print("| command | old | new | |")
        print("| --- | --- | --- | --- |")
        series("stats, plain text, one core", old, new, ["stats", "--max-file-size", "0", english], 8)
        for output in ("text", "json", "sarif"):
            series(f"lint {files} articles --format {output}, one core", old, new, ["lint", markdown_dir, "--format", output], 8)
        series(f"score {4 * files} files --jobs 1, one core", old, new, ["score", rounds, "--jobs", "1", "--format", "jsonl", "--quiet"], 6)
        series(f"score {4 * files} files --jobs 2", old, new, ["score", rounds, "--jobs", "2", "--format", "jsonl", "--quiet"], 6, pinned=False)
        post = os.path.join(os.path.dirname(__file__), "..", "..", "Corpora", "drafts", "good-cast-iron-care.md")
        series("lint one post", old, new, ["lint", post, "--format", "json"], 40, warmup=3, pinned=False)
        series("--version", old, new, ["--version"], 40, warmup=3, pinned=False)
        thousand = replicate(markdown_dir, 1000, work, "k1")
        ten_thousand = replicate(markdown_dir, 10000, work, "k10")
        for command in (["score", "--format", "jsonl", "--quiet"], ["lint", "--format", "json"]):
            sizes = []
            for binary in (old, new):
                sizes.append([peak_memory_kb([binary, command[0], folder] + command[1:]) / 1024 for folder in (thousand, ten_thousand)])
            print(f"| {command[0]} peak memory, 1,000 / 10,000 files | {sizes[0][0]:.1f} / {sizes[0][1]:.1f} MB | {sizes[1][0]:.1f} / {sizes[1][1]:.1f} MB | |")


if __name__ == "__main__":
    main()
