#!/usr/bin/env python3
"""Score a folder with `seokit score` as a streaming mapper under Apache Spark.

SEOKit does not schedule work across machines; for millions of pages it plugs into an engine
that does. Here Spark (local mode) splits the list of paths into partitions and pipes each one
through `seokit score --files-from - --format jsonl` (RDD.pipe); the JSON Lines that come back
are aggregated into the same summary `seokit score` prints: counts, mean and median scores,
and the rules that fail in the most documents. The script then runs plain `seokit score` on
the same folder and checks that the totals agree.

Usage: score_with_spark.py SEOKIT_BINARY FOLDER [--partitions N]
"""
import argparse
import json
import statistics
import subprocess
import sys
from collections import Counter


def summarise(records):
    """The summary `seokit score` prints, from JSON Lines records."""
    seo = [r["seoScore"] for r in records if r.get("seoScore") is not None]
    readability = [r["readabilityScore"] for r in records if r.get("readabilityScore") is not None]
    rules = Counter()
    for record in records:
        rules.update(set(record.get("failingRules", [])))
    return {
        "files": len(records),
        "failed": sum(1 for r in records if r["status"] == "error"),
        "seoMean": round(statistics.fmean(seo), 2) if seo else None,
        "seoMedian": statistics.median(seo) if seo else None,
        "readabilityMean": round(statistics.fmean(readability), 2) if readability else None,
        "readabilityMedian": statistics.median(readability) if readability else None,
        "mostFailingRules": sorted(rules.items(), key=lambda item: (-item[1], item[0]))[:10],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seokit")
    parser.add_argument("folder")
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()

    # The reference run: plain seokit on the folder. Its paths are the work list for Spark, so
    # both runs score exactly the same files.
    plain = subprocess.run([args.seokit, "score", args.folder, "--format", "jsonl", "--quiet"],
                           capture_output=True, text=True)
    reference = [json.loads(line) for line in plain.stdout.splitlines() if line.strip()]
    paths = [record["path"] for record in reference]
    print(f"seokit score: {len(reference)} files", file=sys.stderr)

    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[*]").appName("seokit-score")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    command = f"{args.seokit} score --files-from - --format jsonl --jobs 1 --quiet"
    lines = spark.sparkContext.parallelize(paths, args.partitions).pipe(command).collect()
    spark.stop()
    distributed = [json.loads(line) for line in lines if line.strip()]

    spark_summary = summarise(distributed)
    plain_summary = summarise(reference)
    print(json.dumps({"spark": spark_summary}, indent=2))
    by_path = {r["path"]: (r.get("seoScore"), r.get("readabilityScore"), r["status"]) for r in reference}
    mismatches = [r["path"] for r in distributed if by_path.get(r["path"]) != (r.get("seoScore"), r.get("readabilityScore"), r["status"])]
    if spark_summary != plain_summary or mismatches or len(distributed) != len(reference):
        print(json.dumps({"plain": plain_summary}, indent=2))
        print(f"MISMATCH: {len(mismatches)} documents differ", file=sys.stderr)
        return 1
    print(f"OK: Spark and plain seokit agree on {len(distributed)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
