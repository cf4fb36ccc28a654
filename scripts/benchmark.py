#!/usr/bin/env python3
"""Time each stage of a check and print the figures (nothing is asserted).

Stages: load (read + split sentences), extract, compare, records, workbook; plus the
start-up of `factcheck --version` and a floor: one compiled regex finding every
number in the same text. `--copies N` multiplies the bundled corpus to see scaling.

    python scripts/benchmark.py [--copies 20] [--repeat 3]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(function, *args, repeat: int = 1):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def corpus(copies: int) -> Path:
    if copies <= 1:
        return ROOT / "sources"
    folder = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    for n in range(copies):
        for path in sorted((ROOT / "sources").glob("*.txt")):
            (folder / f"{n:04d}-{path.name}").write_bytes(path.read_bytes())
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="copies of the bundled corpus to check")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best is printed")
    args = parser.parse_args()

    from factcheck.compare import compare, findings
    from factcheck.extract import extract
    from factcheck.records import report_records
    from factcheck.rules import load_rules
    from factcheck.sources import load_sources
    from factcheck.check import run_check

    folder = corpus(args.copies)
    megabytes = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    rules = load_rules([ROOT / "rules"])
    t_load, loaded = timed(load_sources, [folder], repeat=args.repeat)
    t_extract, mentions = timed(extract, loaded.documents, rules, repeat=args.repeat)
    t_compare, facts = timed(lambda: (f := compare(rules, mentions), findings(f))[0], repeat=args.repeat)
    t_total, report = timed(run_check, [folder], [ROOT / "rules"], repeat=args.repeat)
    t_records, records = timed(report_records, report, repeat=args.repeat)
    from factcheck.output import workbook

    out = Path(tempfile.mkdtemp()) / "bench.xlsx"
    t_workbook, _ = timed(workbook.write, records, out, repeat=args.repeat)
    text = "\n".join(d.text for d in loaded.documents)
    number = re.compile(r"\d+(?:[.,]\d+)*")
    t_floor, _ = timed(lambda: sum(1 for _ in number.finditer(text)), repeat=args.repeat)
    t_start, _ = timed(lambda: subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True,
                                              check=True), repeat=args.repeat)

    docs = len(loaded.documents)
    print(f"corpus: {docs} documents, {megabytes:.2f} MB, {len(rules)} rules, {len(mentions)} mentions")
    rows = [("start-up (--version)", t_start), ("load + split", t_load), ("extract", t_extract),
            ("compare", t_compare), ("check total (no report)", t_total), ("records", t_records),
            ("workbook", t_workbook), ("floor: one regex, every number", t_floor)]
    for name, seconds in rows:
        rate = f"{megabytes / seconds:8.2f} MB/s" if name not in ("start-up (--version)",) and seconds else ""
        print(f"  {name:<32} {seconds * 1000:9.1f} ms  {rate}")
    print(f"  documents per second (check total): {docs / t_total:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
