#!/usr/bin/env python3
"""Measure extraction and conflict accuracy against hand-labelled corpora.

A corpus is a folder with `sources/` (and its manifest), `rules.yaml` (or the bundled
`rules/`), `labels.csv` (every value a careful reader finds: fact, source, line, value,
and optionally `normalized`) and `outcomes.csv` (per fact: outcome, and for a conflict
the sources on its sides). The bundled corpus is `sources/` + `rules/` with the labels
in `tests/accuracy/`; the held-out corpora are the folders of `tests/accuracy/corpora/`.

Scores, per corpus:
- values right / labelled: a label is found when a statement of its fact, from its
  source, holds its line, and its value overlaps the label's (within the rule's
  tolerance; a one-sided bound is compared at its finite end: "up to 4,000" is matched
  by 4,000 or "up to 4,000", not by 8);
- wrong values: statements that match no label;
- conflicts found / listed: a fact labelled `conflict` whose facts come out in conflict
  between two right values of different sources;
- false conflicts: facts called in conflict that are not labelled so (and how many of
  them are error-level: their conflict finding's severity, which is one lower than the
  rule's when the clash rests on a weak reading).

    python scripts/accuracy.py                 # every corpus, one line each
    python scripts/accuracy.py pacemaker -v    # one corpus, with every miss and wrong value
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import kinds  # noqa: E402
from factcheck.check import run_check  # noqa: E402

CORPORA = ROOT / "tests" / "accuracy" / "corpora"


@dataclass
class Scores:
    name: str
    labelled: int = 0
    right: int = 0
    wrong: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    conflicts_listed: int = 0
    conflicts_found: int = 0
    false_conflicts: list = field(default_factory=list)  # (rule, severity)
    missed_conflicts: list = field(default_factory=list)

    @property
    def false_errors(self) -> int:
        return sum(1 for _, severity in self.false_conflicts if severity == "error")

    def line(self) -> str:
        recall = f"{self.right}/{self.labelled} = {self.right / self.labelled:.0%}" if self.labelled else "n/a"
        conflicts = f"{self.conflicts_found}/{self.conflicts_listed}"
        return (f"{self.name:<14} values right {recall:<14} wrong {len(self.wrong):<3} conflicts found {conflicts:<6} "
                f"false conflicts {len(self.false_conflicts)} ({self.false_errors} error-level)")


def corpora() -> list[tuple[str, Path, Path, Path]]:
    """(name, sources, rules, labels folder) of the bundled corpus and every held-out one."""
    found = [("bundled", ROOT / "sources", ROOT / "rules", ROOT / "tests" / "accuracy")]
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []:
        if (folder / "rules.yaml").is_file():
            found.append((folder.name, folder / "sources", folder / "rules.yaml", folder))
    return found


def measure(sources: str | Path, rules: str | Path, labels_dir: Path, name: str = "") -> Scores:
    report = run_check([str(sources)], [str(rules)])
    rule_of = {r.id: r for r in report.rules}
    labels = [row for row in _rows(labels_dir / "labels.csv") if row.get("fact", row.get("rule")) in rule_of]
    outcomes = {row.get("fact", row.get("rule")): row for row in _rows(labels_dir / "outcomes.csv")}
    scores = Scores(name or labels_dir.name, labelled=len(labels))
    unmatched = list(labels)
    right_by_fact: dict[str, list] = {}
    for fact in report.facts:
        for mention in fact.statements:
            label = next((lab for lab in unmatched if _same(lab, fact.rule, mention)), None)
            if label is None:
                scores.wrong.append((fact.rule.id, mention))
            else:
                unmatched.remove(label)
                scores.right += 1
                right_by_fact.setdefault(fact.rule.id, []).append(mention)
    scores.missed = unmatched
    for fact in report.facts:
        listed = outcomes.get(fact.rule.id, {}).get("outcome") == "conflict"
        scores.conflicts_listed += listed
        called = str(fact.outcome) == "conflict"
        if called and listed and _conflict_between_right_values(fact, right_by_fact.get(fact.rule.id, [])):
            scores.conflicts_found += 1
        elif listed:
            scores.missed_conflicts.append(fact.rule.id)
        if called and not listed:
            severity = next((str(f.severity) for f in report.findings if f.rule == fact.rule.id and str(f.type) == "conflict"),
                            str(fact.rule.severity))
            scores.false_conflicts.append((fact.rule.id, severity))
    return scores


def _label_value(label: dict, rule):
    kind = kinds.get(rule.kind)
    for column in ("normalized", "value"):
        text = (label.get(column) or "").strip()
        if text:
            value = kind.parse(text)
            if value is not None:
                return value
    return None


def _same(label: dict, rule, mention) -> bool:
    return label.get("fact", label.get("rule")) == rule.id and states_label(label, rule, mention)


def states_label(label: dict, rule, mention) -> bool:
    """Whether the mention, read by `rule`, is the labelled value: same source, the label's
    line within the statement's, and values that overlap (whatever fact the label is of)."""
    if label["source"] != mention.source:
        return False
    first, last = mention.sentence.line, max(mention.line, mention.sentence.line + mention.sentence.text.count("\n"))
    if not first <= int(label["line"]) <= last:
        return False
    expected = _label_value(label, rule)
    return expected is not None and _overlaps(expected, mention.value, rule.tolerance)


BOUNDS_ABOVE = {"up to", "under", "before", "by"}  # the finite end of the bound is its high end
BOUNDS_BELOW = {"at least", "over", "after", "nearly"}  # ... its low end ("nearly 50": the 50 is high, see below)


def _overlaps(label, found, tolerance: float) -> bool:
    """Whether an extracted value is the labelled one: intervals that overlap, except that a
    one-sided bound is compared at its finite end ("up to 4,000" is not matched by "eight")."""
    if not label.comparable_with(found):
        return False
    ends_label, ends_found = _bound_end(label), _bound_end(found)
    if ends_label is None and ends_found is None:
        a_low, a_high = label.widened(tolerance / 2 + 1e-9)
        b_low, b_high = found.widened(tolerance / 2 + 1e-9)
        return a_low <= b_high and b_low <= a_high
    if ends_label is not None and ends_found is not None:
        return math.isclose(ends_label, ends_found, rel_tol=1e-6, abs_tol=1e-6 + tolerance)
    end, other = (ends_label, found) if ends_label is not None else (ends_found, label)
    low, high = other.widened(tolerance + 1e-9)
    return low <= end <= high


def _bound_end(value) -> float | None:
    """The one finite end a bound states, or None for a point or a range."""
    if value.qualifier == "nearly":
        return value.high
    if value.qualifier in BOUNDS_ABOVE or value.low is None:
        return value.high
    if value.qualifier in BOUNDS_BELOW or value.high is None:
        return value.low
    return None


def _conflict_between_right_values(fact, right: list) -> bool:
    """Whether two right statements of different sources are among those in conflict."""
    disputed = {id(fact.statements[i]) for i in fact.disputed}
    sources = {m.source for m in right if id(m) in disputed}
    if len(sources) >= 2:
        return True
    return bool(fact.self_contradictions) and any(m.source in fact.self_contradictions for m in right)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="corpora to score (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss, wrong value and conflict error")
    args = parser.parse_args()
    for name, sources, rules, labels in corpora():
        if args.names and name not in args.names:
            continue
        scores = measure(sources, rules, labels, name)
        print(scores.line())
        if args.verbose:
            _details(scores)
    return 0


def _details(scores: Scores) -> None:
    for label in scores.missed:
        print(f"  missed {label.get('fact', label.get('rule'))} {label['source']}:{label['line']} {label['value']!r}")
    for rule, mention in scores.wrong:
        print(f"  wrong  {rule} {mention.source}:{mention.line} {mention.value.raw!r}: {mention.sentence.text[:100]!r}")
    for rule in scores.missed_conflicts:
        print(f"  conflict not found: {rule}")
    for rule, severity in scores.false_conflicts:
        print(f"  false conflict: {rule} [{severity}]")


if __name__ == "__main__":
    raise SystemExit(main())
