"""The reviewers' side of a run: the workbook, their decisions, and the baseline.

`review(records, options)` is called by the CLI after the check: it carries the
decisions of an existing workbook over to the new findings, marks the findings a
baseline accepts as suppressed, writes the workbook (and baseline) atomically, and
says what it did. It changes `records` only by adding `decision` and `suppressed`
to findings. Everything is read before anything is written, so a workbook or
baseline that cannot be read stops the run (ReportError) with every file untouched.

The workbook is replaced only while it is still the file that was read (atomic.py): a
reviewer's save during the run is read again and merged, and a workbook open in
LibreOffice or Excel, or read-only, is left alone with the report written beside it
(<name>.new.xlsx) and a warning; the exit status stays the findings' own.
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
    warnings: tuple[str, ...] = field(default=())  # shown even with --quiet: where the report went instead


SAVE_ATTEMPTS = 3  # a reviewer saving this often during one run keeps their file; the report goes beside it


def review(records: dict, options: ReviewOptions) -> ReviewResult:
    today = options.today or date.today()
    findings = records["findings"]
    previous, read_as = _previous(options.report)
    baseline = baselines.load(options.baseline) if options.baseline is not None else None
    accepted = (baseline.entries if baseline else {}, baseline.path if baseline else "")
    messages = list(previous.warnings) if previous else []
    warnings: list[str] = []
    carried = carry(findings, previous, *accepted)
    if baseline is not None:
        messages += baselines.apply(findings, baseline, today)
        records["summary"]["suppressed"] = sum(1 for f in findings if f.get("suppressed"))
    if options.report is not None:
        messages.append(_save_workbook(records, options, previous, read_as, carried, accepted, warnings))
    if options.write_baseline is not None:
        count = baselines.write(options.write_baseline, findings, today)
        messages.append(f"Baseline written to {options.write_baseline} ({count} accepted finding(s))")
    return ReviewResult(tuple(dict.fromkeys(messages)), tuple(warnings))  # a workbook both report and baseline warns once


def _save_workbook(records: dict, options: ReviewOptions, previous: Ledger | None, read_as, carried: int,
                   accepted, warnings: list[str]) -> str:
    """Write the workbook over the one that was read, only while it is still that one.

    A reviewer's save that lands during the run (LibreOffice and Excel write beside the
    file, then move over it) is read again and its decisions carried into the new report,
    which is then written again; a workbook open in an office program or read-only is not
    replaced: the report is written beside it as <name>.new.xlsx, with a warning."""
    from . import atomic

    target = options.report
    why = atomic.blocked(target) if target.exists() else ""
    for _ in range(SAVE_ATTEMPTS):
        if why:
            break
        try:
            _write_workbook(records, options, target, previous, atomic.place_if_unchanged(read_as))
        except atomic.Changed:
            previous, read_as = _previous(target)  # the reviewer's save: their decisions win
            for finding in records["findings"]:
                finding.pop("decision", None)
            carried = carry(records["findings"], previous, *accepted)
            warnings.append(f"{target} was saved by someone during the run; its decisions were read again and "
                            "carried over")
            continue
        except atomic.Blocked as blocked:
            why = blocked.why
            break
        return _written(target, records, previous, carried)
    else:
        why = f"it was saved {SAVE_ATTEMPTS} times during the run"
    beside = target.with_name(f"{target.stem}.new{target.suffix or '.xlsx'}")
    _write_workbook(records, options, beside, previous, None)
    warnings.append(f"{target} was not replaced: {why}. The new report is {beside}, with the decisions of {target} "
                    "carried over; close the workbook (or make it writable) and run again, or review the new one")
    return _written(beside, records, previous, carried)


def _write_workbook(records: dict, options: ReviewOptions, path: Path, previous: Ledger | None, place) -> None:
    from .output import workbook

    generated, generated_from = run_date(records, options.generated)
    current = {f["id"] for f in records["findings"]}
    resolved = resolved_since(previous, current, generated.date().isoformat() if generated else "")
    workbook.write(records, path, resolved=resolved, generated=generated, generated_from=generated_from, place=place)


def _written(path: Path, records: dict, previous: Ledger | None, carried: int) -> str:
    if previous is None:
        return f"Workbook written to {path}"
    current = {f["id"] for f in records["findings"]}
    newly = sum(1 for d in previous.decisions.values() if not d.resolved and d.finding not in current)
    return (f"Workbook written to {path} ({carried} decision(s) carried over, "
            f"{newly} finding(s) moved to 'Resolved since last run')")


def _previous(report: Path | None):
    """The decisions of the workbook about to be replaced, and what it was when read (its
    identity, to tell later whether someone saved it meanwhile); (None, None) when there is none."""
    if report is None:
        return None, None
    from .atomic import read_identified
    from .output.workbook_reader import read_ledger

    try:
        data, read_as = read_identified(report)
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        from .errors import ReportError

        raise ReportError(f"cannot read the existing workbook: {exc.strerror or exc}", path=str(report)) from None
    return read_ledger(report, data), read_as


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
