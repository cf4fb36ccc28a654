"""The reviewers' side of a run: the workbook, their decisions, and the baseline.

`review(records, options)` is called by the CLI after the check: it carries the
decisions of an existing workbook over to the new findings, marks the findings a
baseline accepts as suppressed, writes the workbook (and baseline) atomically, and
says what it did. It changes `records` only by adding `decision` and `suppressed`
to findings. Everything is read before anything is written, so a workbook or
baseline that cannot be read stops the run (ReportError) with every file untouched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path

from . import baseline as baselines
from .decisions import Ledger, carry, resolved_since


@dataclass(frozen=True)
class ReviewOptions:
    report: Path | None  # workbook to write (None: none); its decisions are carried over
    baseline: Path | None = None  # a reviewed workbook or baseline file to honour
    write_baseline: Path | None = None  # where to write the accepted decisions as a baseline file
    today: date | None = None  # for expiry dates (None: today)
    generated: datetime | date | None = None  # the date of the run shown in the workbook (None: newest input)


@dataclass(frozen=True)
class ReviewResult:
    messages: tuple[str, ...] = field(default=())  # lines for standard error


def review(records: dict, options: ReviewOptions) -> ReviewResult:
    today = options.today or date.today()
    findings = records["findings"]
    previous = _previous(options.report)
    baseline = baselines.load(options.baseline) if options.baseline is not None else None
    messages = list(previous.warnings) if previous else []
    carried = carry(findings, previous, baseline.entries if baseline else {}, baseline.path if baseline else "")
    if baseline is not None:
        messages += baselines.apply(findings, baseline, today)
        records["summary"]["suppressed"] = sum(1 for f in findings if f.get("suppressed"))
    if options.report is not None:
        messages.append(_write_workbook(records, options, previous, carried))
    if options.write_baseline is not None:
        count = baselines.write(options.write_baseline, findings, today)
        messages.append(f"Baseline written to {options.write_baseline} ({count} accepted finding(s))")
    return ReviewResult(tuple(dict.fromkeys(messages)))  # a workbook both report and baseline warns once


def _write_workbook(records: dict, options: ReviewOptions, previous: Ledger | None, carried: int) -> str:
    from .output import workbook

    generated, generated_from = run_date(records, options.generated)
    current = {f["id"] for f in records["findings"]}
    resolved = resolved_since(previous, current, generated.date().isoformat() if generated else "")
    workbook.write(records, options.report, resolved=resolved, generated=generated, generated_from=generated_from)
    if previous is None:
        return f"Workbook written to {options.report}"
    newly = sum(1 for d in previous.decisions.values() if not d.resolved and d.finding not in current)
    return (f"Workbook written to {options.report} ({carried} decision(s) carried over, "
            f"{newly} finding(s) moved to 'Resolved since last run')")


def _previous(report: Path | None) -> Ledger | None:
    """The decisions of the workbook about to be replaced, if there is one."""
    if report is None or not Path(report).exists():
        return None
    from .output.workbook_reader import read_ledger

    return read_ledger(report)


def run_date(records: dict, given: datetime | date | None) -> tuple[datetime | None, str]:
    """The date of the run: the one given, else the newest modification time of the rule
    and source files (UTC), so the same inputs give the same workbook; else none."""
    if isinstance(given, datetime):
        return given.replace(microsecond=0), "given"
    if isinstance(given, date):
        return datetime.combine(given, time()), "given"
    documents = records["sources"] + records.get("drafts", [])
    paths = {r.get("path") for r in records["rules"]} | {s["path"] for s in documents}
    times = []
    for path in filter(None, paths):
        try:
            times.append(Path(path).stat().st_mtime)
        except OSError:
            continue
    if not times:
        return None, ""
    newest = datetime.fromtimestamp(int(max(times)), tz=timezone.utc).replace(tzinfo=None)
    return newest, "newest input file, UTC"
