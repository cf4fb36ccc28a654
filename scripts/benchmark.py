#!/usr/bin/env python3
"""Time each stage of a check and print the figures (nothing is asserted).

Stages: load (read + split sentences), extract, compare, records, workbook; plus the
start-up of `factcheck --version` and a floor: one compiled regex finding every
number in the same text. `--copies N` multiplies the bundled corpus to see scaling.
`--drafts N` times the editors' check instead: one draft against the bundled corpus
through the CLI, then N generated drafts against generated sources and 25 rules
(scripts/generate_corpus.py), with --jobs 1 and with all cores.

    python scripts/benchmark.py [--copies 20] [--repeat 3]
    python scripts/benchmark.py --drafts 1000
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
    parser.add_argument("--drafts", type=int, default=0, help="time checking this many generated drafts instead")
    args = parser.parse_args()
    if args.drafts:
        return bench_drafts(args.drafts)

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


def bench_drafts(count: int, rules: int = 25, sources: int = 20) -> int:
    """One draft against the bundled corpus, then `count` drafts against generated sources."""
    draft = Path(tempfile.mkdtemp()) / "draft.md"
    draft.write_text("# Ketamine\n\nEsketamine was approved for treatment-resistant depression in 2018.\n")
    command = [sys.executable, "-m", "factcheck", "check", str(draft), "--no-report", "--quiet"]
    t_one, _ = timed(lambda: subprocess.run(command, cwd=ROOT, capture_output=True), repeat=3)
    t_start, _ = timed(lambda: subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True),
                       repeat=3)
    print(f"one draft against the bundled corpus (CLI): {t_one * 1000:.0f} ms, of which start-up {t_start * 1000:.0f} ms")

    folder = Path(tempfile.mkdtemp(prefix="factcheck-drafts-"))
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_corpus.py"), "--docs", str(count + sources),
                    "--rules", str(rules), "--out", str(folder)], check=True, capture_output=True)
    documents = sorted((folder / "sources").glob("*.txt"))
    (folder / "refs").mkdir()
    (folder / "drafts").mkdir()
    for index, path in enumerate(documents):
        path.rename(folder / ("refs" if index < sources else "drafts") / path.name)
    megabytes = sum(p.stat().st_size for p in (folder / "drafts").iterdir()) / 1e6
    print(f"{count} drafts ({megabytes:.1f} MB) against {sources} sources and {rules} rules:")
    for jobs in (1, 0):
        args = [sys.executable, "-m", "factcheck", "check", str(folder / "drafts"), "--sources", str(folder / "refs"),
                "--rules", str(folder / "rules"), "--no-report", "--quiet", "--format", "json:/dev/null"]
        args += ["--jobs", str(jobs)] if jobs else []
        seconds, _ = timed(lambda: subprocess.run(args, capture_output=True))
        print(f"  --jobs {jobs or 'default (all cores)'}: {seconds:.1f} s, {count / seconds:.0f} drafts/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
