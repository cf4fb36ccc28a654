#!/usr/bin/env python3
"""Time writing the workbook for records with N evidence rows; print the figures.

Synthetic records look like a large real run: 50 sources, facts of 100 statements each
(four in five with a value read), a conflict on every fifth fact, sentences of 100 to
300 characters. With `--real-docs N` the records are a real check's instead: N documents
of the topical benchmark corpus (`topical_corpus.py`) against its first 25 rules. Printed: seconds to write, peak traced Python memory while writing
(tracemalloc, in a second run since tracing is slow), file size; the same for reading
the decisions back; and the process's peak resident memory. Nothing is asserted.

    python scripts/bench_workbook.py [--rows 100000] [--out PATH]
    python scripts/bench_workbook.py --real-docs 10000
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = 50
PER_FACT = 100
WORDS = ("ketamine infusion therapy patients depression response rate trial study clinic dose week month year "
         "reported treatment resistant approved anesthetic research results effect relief symptoms").split()


def records(rows: int, seed: int = 1) -> dict:
    """Synthetic report records with `rows` evidence rows (statements plus unread sentences)."""
    rng = random.Random(seed)
    sources = [{"id": f"source-{n:03d}", "path": f"sources/source-{n:03d}.txt", "format": "text", "role": "reference",
                "title": f"Source {n}", "publisher": "Bench", "date": None, "sha256": f"{n:064x}"}
               for n in range(SOURCES)]
    facts, findings, rules = [], [], []
    for n in range((rows + PER_FACT - 1) // PER_FACT):
        rule = f"fact-{n:05d}"
        rules.append({"id": rule, "question": f"What is the value of fact {n}?", "kind": "percent",
                      "severity": "warning", "subject": ["ketamine"], "cues": ["rate"], "require": [], "exclude": [],
                      "tolerance": "0", "unit": None, "expected": None, "path": "rules/bench.yaml", "line": 1 + 10 * n})
        count = min(PER_FACT, rows - n * PER_FACT)
        statements, unread = [], []
        for i in range(count):
            (statements if i % 5 else unread).append(_statement(rng, sources[i % SOURCES]["id"], i, read=bool(i % 5)))
        conflict = n % 5 == 0
        facts.append({"rule": rule, "question": rules[-1]["question"], "kind": "percent",
                      "outcome": "conflict" if conflict else "consistent", "severity": "warning",
                      "consensus": None if conflict else {"value": {}, "text": "50%", "sources": []},
                      "expected": None, "outliers": [], "against_expected": [], "self_contradictions": [],
                      "statements": [dict(s, agrees_with_consensus=None if conflict else True) for s in statements],
                      "unread": unread})
        if conflict and statements:
            shown = statements[:8]
            findings.append({"id": f"{n:012x}", "type": "conflict", "rule": rule, "question": rules[-1]["question"],
                             "severity": "warning", "sources": list(dict.fromkeys(s["source"] for s in shown)),
                             "message": f"sources disagree on {rule}", "statements": shown, "suppressed": None,
                             "location": {"path": shown[0]["path"], "line": shown[0]["line"], "column": 1}})
    return {"format": "factcheck-report", "version": 1, "tool": {"name": "factcheck", "version": "bench"},
            "summary": {}, "sources": sources, "rules": rules, "rule_files": [{"path": "rules/bench.yaml", "sha256": "0" * 64}],
            "facts": facts, "drafts": [], "draft_statements": [],
            "findings": findings, "problems": [], "warnings": []}


def _statement(rng: random.Random, source: str, i: int, read: bool) -> dict:
    words = [rng.choice(WORDS) for _ in range(rng.randint(15, 45))]
    at = rng.randrange(len(words))
    words[at] = f"{rng.randint(10, 90)}%"
    quote = " ".join(words).capitalize() + "."
    start = quote.find(words[at]) if at else 0
    span = {"start": start, "end": start + len(words[at])}
    value = {"raw": words[at], "low": 50, "high": 50, "unit": "%", "qualifier": None, "granularity": "exact"}
    return {"source": source, "path": f"sources/{source}.txt", "line": i + 1, "column": 1, "quote": quote,
            "span": span if read else None, "value": value if read else None, "value_text": words[at] if read else None,
            "score": 0.9 if read else None, "subject": "named in the sentence", "cues": ["rate"],
            "why": "chosen: next to cue 'rate'" if read else "a cue matched but the sentence holds no value",
            "candidates": [{"raw": words[at], "span": span, "score": 0.9, "chosen": read, "reasons": ["next to cue"]}]}


def real_records(docs: int) -> dict:
    """The records of a real check: `docs` topical documents against the first 25 rules."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import topical_corpus

    from factcheck.check import run_check
    from factcheck.records import report_records

    folder = Path(tempfile.mkdtemp(prefix="factcheck-bench-real-"))
    topical_corpus.build(folder, docs, 25, 1)
    return report_records(run_check([folder / "sources"], [folder / "rules"]))


def timed(function):
    """(wall seconds, CPU seconds, result): CPU time is what a busy machine does not distort."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def traced(function) -> float:
    """Peak Python memory (MB) while running function; a separate run, tracing slows it down."""
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="evidence rows (default 100000)")
    parser.add_argument("--out", type=Path, help="workbook to write (default: a temporary file)")
    parser.add_argument("--real-docs", type=int, default=0, metavar="N",
                        help="time a real check's records (N topical documents, 25 rules) instead of synthetic ones")
    args = parser.parse_args()

    from factcheck.output import workbook
    from factcheck.output.workbook_reader import read_ledger

    built = real_records(args.real_docs) if args.real_docs else records(args.rows)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    evidence = sum(len(f["statements"]) + len(f["unread"]) for f in built["facts"])
    out = args.out or Path(tempfile.mkdtemp(prefix="factcheck-bench-")) / "report.xlsx"
    workbook.write(records(100), out)  # imports openpyxl outside the timing
    seconds, cpu, _ = timed(lambda: workbook.write(built, out))
    peak = traced(lambda: workbook.write(built, out))
    print(f"write: {evidence} evidence rows, {len(built['findings'])} findings, {len(built['facts'])} facts: "
          f"{seconds:.1f} s ({cpu:.1f} s CPU), peak traced memory {peak:.0f} MB, "
          f"file {out.stat().st_size / 2**20:.1f} MB")
    seconds, cpu, ledger = timed(lambda: read_ledger(out))
    print(f"read the decisions back: {len(ledger.decisions)} findings: {seconds:.2f} s ({cpu:.2f} s CPU), "
          f"peak traced memory {traced(lambda: read_ledger(out)):.0f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak resident memory: {before:.0f} MB with the records built, {rss:.0f} MB at the end "
          f"[{out}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
