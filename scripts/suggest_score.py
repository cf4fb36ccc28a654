"""How much of a labelled corpus `factcheck suggest` finds with its rules unedited.

For each corpus: suggest rules from its sources alone (no rules, no labels), run a check
with them, and count the labelled facts stated in two or more sources that some
suggested rule finds right in at least two sources (a statement matching a label of the
fact, as scripts/accuracy.py matches them). Prints the share per corpus.

    python scripts/suggest_score.py CORPUS [CORPUS ...]
"""
from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import CORPORA, _rows, states_label  # noqa: E402

from factcheck.check import run_check  # noqa: E402
from factcheck.sources import load_sources  # noqa: E402
from factcheck.suggest import as_rule_file, suggest  # noqa: E402


def score(name: str) -> tuple[int, int, list[str]]:
    folder = CORPORA / name
    labels = _rows(folder / "labels.csv")
    by_fact: dict[str, list[dict]] = defaultdict(list)
    for label in labels:
        by_fact[label["fact"]].append(label)
    wanted = {f: rows for f, rows in by_fact.items() if len({r["source"] for r in rows}) >= 2}
    loaded = load_sources([folder / "sources"])
    subject, suggestions = suggest(loaded.documents)
    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "suggested.yaml"
        rules.write_text(as_rule_file(subject, suggestions))
        report = run_check([folder / "sources"], [rules])
    found = []
    for fact, rows in wanted.items():
        for f in report.facts:
            right = {m.source for m in f.statements for row in rows if states_label(row, f.rule, m)}
            if len(right) >= 2:
                found.append(f"{fact} <- {f.rule.id}")
                break
    return len(found), len(wanted), found


def main() -> int:
    names = sys.argv[1:]
    if not names:
        print(__doc__)
        return 2
    for name in names:
        found, wanted, which = score(name)
        print(f"{name:<16} suggest finds {found}/{wanted} = {found / max(wanted, 1):.0%} of the facts stated in 2+ sources")
        for line in which:
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
