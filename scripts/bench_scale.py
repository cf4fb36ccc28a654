#!/usr/bin/env python3
"""Time each stage of a check on generated corpora of growing size (figures printed, never asserted).

For every combination of --docs and --rules, a corpus is generated with
scripts/generate_corpus.py (cached in a temp folder keyed by documents, rules, seed and
generator version) and measured in a fresh subprocess, so each peak memory is its own,
without the cyclic garbage collector, as `factcheck check` runs:

    load      factcheck.sources.read_document(split=False) of every discovered source, as the
              engines read (decode, hash, line anchors)
    extract   factcheck.extract.extract (split the paragraphs the rules need, index, examine)
    compare   factcheck.compare.compare + findings
    report    factcheck.records.report_records + factcheck.output.json_format.render
    workbook  factcheck.output.workbook.write (only with --workbook)
    floor     one pass of one compiled regex finding every number in the same text (best of 3)

Then the whole CLI runs once as a subprocess, the way a user runs it: `python -m factcheck
check --sources ... --rules ... --report TMP/report.xlsx --quiet` (the Excel workbook
written, the text summary to /dev/null, `--jobs N` when the CLI offers it); its wall time
and peak resident memory (of the largest of its processes) are printed beside the stages.

    python scripts/bench_scale.py [--docs 100,1000,10000] [--rules 10,25,100] [--seed 1]
                                  [--cache DIR] [--workbook] [--jobs N] [--no-cli]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import generate_corpus  # noqa: E402

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
COLUMNS = (  # (key, heading, format spec)
    ("docs", "docs", "d"), ("rules", "rules", "d"), ("mb", "MB", ".1f"), ("load", "load s", ".2f"),
    ("extract", "extract s", ".2f"), ("compare", "compare s", ".2f"), ("report", "report s", ".2f"),
    ("workbook", "workbook s", ".2f"), ("total", "total s", ".2f"), ("docs_per_s", "docs/s", ".0f"),
    ("extract_mb_s", "extract MB/s", ".2f"), ("floor_mb_s", "floor MB/s", ".0f"), ("ratio", "extract/floor", ".4f"),
    ("peak_mb", "peak MB", ".0f"), ("cli", "CLI s", ".2f"), ("cli_mb", "CLI MB", ".0f"),
)


def corpus(cache: Path, docs: int, rules: int, seed: int) -> Path:
    """The generated corpus for these parameters, made once and kept in `cache`."""
    folder = cache / f"docs{docs}-rules{rules}-seed{seed}-v{generate_corpus.GENERATOR_VERSION}"
    if (folder / ".complete").exists():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)  # an interrupted run of ours
    generate_corpus.generate(partial, docs=docs, rules=rules, seed=seed)
    (partial / ".complete").write_text("")
    shutil.rmtree(folder, ignore_errors=True)  # an incomplete corpus of ours
    partial.rename(folder)
    return folder


# ---------------------------------------------------------------- one configuration, in its own process


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def measure_here(folder: Path, workbook: bool) -> dict:
    """Every stage timed once on the corpus in `folder`, with this process's peak memory."""
    import resource

    from factcheck import __version__
    from factcheck.compare import compare, findings
    from factcheck.extract import extract
    from factcheck.model import Report
    from factcheck.output import json_format
    from factcheck.records import report_records
    from factcheck.errors import SourceError
    from factcheck.rules import load_rules
    from factcheck.sources import discover, read_document

    import gc

    gc.disable()  # as `factcheck check` runs (the cyclic collector only walks the live objects)
    rules = load_rules([folder / "rules"])
    megabytes = sum(p.stat().st_size for p in (folder / "sources").glob("*.txt")) / 1e6
    figures = {"mb": megabytes}
    def load():  # as the engines read: the sentences are split where the rules need them, in extract
        documents, problems = [], []
        for source in discover([folder / "sources"], "reference", problems):
            try:
                documents.append(read_document(source, split=False))
            except SourceError as problem:
                problems.append(problem)
        return documents, problems

    figures["load"], (documents, problems) = timed(load)
    figures["extract"], mentions = timed(extract, documents, rules)
    figures["compare"], (facts, found) = timed(lambda: (f := compare(rules, mentions), findings(f)))
    report = Report(__version__, rules, tuple(d.source for d in documents), tuple(facts), tuple(found),
                    tuple(str(p) for p in problems))
    figures["report"], records = timed(lambda: (r := report_records(report), json_format.render(r))[0])
    if workbook:
        from factcheck.output import workbook as workbook_format

        with tempfile.TemporaryDirectory() as scratch:
            figures["workbook"], _ = timed(workbook_format.write, records, Path(scratch) / "bench.xlsx")
    text = "\n".join(d.text for d in documents)
    # best of three: one pass takes well under a second, so a busy moment would skew it
    figures["floor"] = min(timed(lambda: sum(1 for _ in NUMBER.finditer(text)))[0] for _ in range(3))
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    figures.update(docs=len(documents), rules=len(rules), mentions=len(mentions),
                   statements=sum(1 for m in mentions if m.value is not None), findings=len(found))
    return figures


def measure(folder: Path, workbook: bool) -> dict | None:
    """measure_here in a fresh Python, so the peak memory belongs to this configuration alone.

    None (and the child's error on standard error) when the measurement failed.
    """
    command = [sys.executable, __file__, "--measure", str(folder)] + (["--workbook"] if workbook else [])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"measuring {folder.name} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    stages = ("load", "extract", "compare", "report", "workbook")
    figures["total"] = sum(figures.get(stage, 0.0) for stage in stages)
    figures["docs_per_s"] = figures["docs"] / figures["total"]
    figures["extract_mb_s"] = figures["mb"] / figures["extract"]
    figures["floor_mb_s"] = figures["mb"] / figures["floor"]
    figures["ratio"] = figures["extract_mb_s"] / figures["floor_mb_s"]
    return figures


# ---------------------------------------------------------------- the CLI, end to end


def cli_environment() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def cli_has_jobs() -> bool:
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--help"], capture_output=True, text=True,
                          env=cli_environment(), cwd=ROOT)
    return "--jobs" in done.stdout


# Runs a command as its only child and prints the largest resident set (KiB on Linux) of
# that child and the processes it waited for: the CLI and its worker processes.
PEAK_OF = ("import resource, subprocess, sys\n"
           "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code, file=sys.stderr)")


def cli_time(folder: Path, jobs: int | None) -> tuple[float, float, int, str]:
    """Wall time, peak resident MB, exit status and the end of standard error of one whole
    `factcheck check`, workbook included (written to a fresh folder, so none is read back)."""
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "factcheck", "check", "--sources", str(folder / "sources"),
                   "--rules", str(folder / "rules"), "--quiet", "--report", str(Path(scratch) / "report.xlsx")]
        if jobs:
            command += ["--jobs", str(jobs)]
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", PEAK_OF] + command, stderr=subprocess.PIPE, text=True,
                              env=cli_environment(), cwd=folder)
        took = time.perf_counter() - start
    *messages, last = done.stderr.strip().splitlines() or ["0 2"]
    peak, status = (int(x) for x in last.split())
    return took, peak / 1024, status, "\n".join(messages)[-500:]


# ---------------------------------------------------------------- the table


def row(figures: dict, columns) -> str:
    """One line of the table; a figure not measured is '-'."""
    cells = []
    for key, heading, spec in columns:
        width = max(len(heading), 6)
        value = figures.get(key)
        cells.append("-".rjust(width) if value is None else format(value, f">{width}{spec}"))
    return " ".join(cells)


def header(columns) -> str:
    return " ".join(heading.rjust(max(len(heading), 6)) for _, heading, _ in columns)


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=numbers, default=[100, 1000, 10000], help="documents, comma-separated (default 100,1000,10000)")
    parser.add_argument("--rules", type=numbers, default=[10, 25, 100], help="rules, comma-separated (default 10,25,100)")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "factcheck_scale_corpora",
                        help="where generated corpora are kept between runs")
    parser.add_argument("--workbook", action="store_true", help="also time writing the Excel workbook")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="--jobs for the CLI run, when the CLI has it (default: CPUs)")
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI run")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: one configuration
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure_here(args.measure, args.workbook)))
        return 0

    jobs = args.jobs if not args.no_cli and cli_has_jobs() else None
    columns = [c for c in COLUMNS if (c[0] != "workbook" or args.workbook)
               and (c[0] not in ("cli", "cli_mb") or not args.no_cli)]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; corpora cached in {args.cache}; "
          f"CLI {'--jobs ' + str(jobs) if jobs else 'without --jobs (not offered)' if not args.no_cli else 'skipped'}")
    print(header(columns), flush=True)
    for docs in args.docs:
        for rules in args.rules:
            folder = corpus(args.cache, docs, rules, args.seed)
            figures = measure(folder, args.workbook)
            if figures is None:
                print(f"{docs:>6} {rules:>6}  measurement failed (see standard error)", flush=True)
                continue
            if not args.no_cli:
                figures["cli"], figures["cli_mb"], status, stderr = cli_time(folder, jobs)
                if status not in (0, 1):
                    print(f"  CLI exited {status}: {stderr.strip()}", file=sys.stderr)
            print(row(figures, columns), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
