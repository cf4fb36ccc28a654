#!/usr/bin/env python3
"""Measure extraction and conflict accuracy against the hand-labelled table.

tests/accuracy/labels.csv lists, per rule and source, every statement a careful
reader finds (line and value); tests/accuracy/outcomes.csv the outcome per rule.
This script runs the real check on sources/ and rules/ and prints precision and
recall of the extracted values (a statement is right when the rule, source, line
and normalised value all match a label) and of the facts called in conflict.

    python scripts/accuracy.py [--sources sources] [--rules rules] [--labels DIR] [-v]
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import kinds  # noqa: E402
from factcheck.check import run_check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=str(ROOT / "sources"))
    parser.add_argument("--rules", default=str(ROOT / "rules"))
    parser.add_argument("--labels", default=str(ROOT / "tests" / "accuracy"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false statement")
    args = parser.parse_args()
    scores = measure(args.sources, args.rules, Path(args.labels))
    print_scores(scores, args.verbose)
    return 0


def measure(sources: str, rules: str, labels_dir: Path) -> dict:
    report = run_check([sources], [rules])
    kind_of = {r.id: r.kind for r in report.rules}
    labels = [row for row in _rows(labels_dir / "labels.csv") if row["rule"] in kind_of]
    expected_outcomes = {row["rule"]: row["outcome"] for row in _rows(labels_dir / "outcomes.csv")}
    found = [(f.rule.id, m) for f in report.facts for m in f.statements]
    unmatched = list(labels)
    right, wrong = [], []
    for rule_id, mention in found:
        label = next((lab for lab in unmatched if _same(lab, rule_id, mention, kind_of[rule_id])), None)
        if label is None:
            wrong.append((rule_id, mention))
        else:
            unmatched.remove(label)
            right.append((rule_id, mention))
    outcomes = {f.rule.id: str(f.outcome) for f in report.facts}
    called = {r for r, o in outcomes.items() if o == "conflict"}
    truth = {r for r, o in expected_outcomes.items() if o == "conflict" and r in outcomes}
    return {
        "statements": (len(right), len(found), len(labels)),
        "missed": unmatched, "wrong": wrong,
        "conflicts": (len(called & truth), len(called), len(truth)),
        "outcomes": {r: (outcomes.get(r), o) for r, o in expected_outcomes.items()},
    }


def _same(label: dict, rule_id: str, mention, kind_name: str) -> bool:
    if label["rule"] != rule_id or label["source"] != mention.source:
        return False
    first, last = mention.sentence.line, mention.line
    if not (first <= int(label["line"]) <= max(last, first)):
        return False
    expected = kinds.get(kind_name).parse(label["value"])
    return expected is not None and _close(expected.low, mention.value.low) and _close(expected.high, mention.value.high)


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.1%}" if b else "n/a"


def print_scores(scores: dict, verbose: bool) -> None:
    right, found, labelled = scores["statements"]
    hit, called, truth = scores["conflicts"]
    print(f"statements: precision {_ratio(right, found)}, recall {_ratio(right, labelled)}")
    print(f"conflicts:  precision {_ratio(hit, called)}, recall {_ratio(hit, truth)}")
    agree = sum(1 for got, want in scores["outcomes"].values() if got == want)
    print(f"outcomes:   {_ratio(agree, len(scores['outcomes']))} facts get the outcome a careful reader gives")
    if verbose:
        for rule, (got, want) in scores["outcomes"].items():
            if got != want:
                print(f"  outcome {rule}: got {got}, labelled {want}")
        for label in scores["missed"]:
            print(f"  missed {label['rule']} {label['source']}:{label['line']} {label['value']!r}")
        for rule, mention in scores["wrong"]:
            print(f"  wrong  {rule} {mention.source}:{mention.line} {mention.value.raw!r}: {mention.sentence.text[:90]!r}")


if __name__ == "__main__":
    raise SystemExit(main())
