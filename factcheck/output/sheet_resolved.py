"""Resolved since last run: findings of an earlier run that no longer occur, with the
decisions reviewers made on them. Nothing a reviewer wrote is ever dropped: rows stay
here run after run, and go back to Findings (decision and all) if the finding
occurs again."""
from __future__ import annotations

from .sheet_findings import DATE, EXPIRES, FACT, ID, MESSAGE, NOTE, REVIEWER, SEVERITY, SOURCES, STATUS, TYPE, as_date
from .workbook_layout import Column, Context, Table

RESOLVED_SHEET = "Resolved since last run"
RESOLVED_ON = "Resolved on"
COLUMNS = [
    Column(ID, 13), Column(FACT, 26, "wrap"), Column(SEVERITY, 10), Column(TYPE, 16, "wrap"),
    Column(SOURCES, 20, "wrap"), Column(MESSAGE, 44, "wrap"), Column(STATUS, 19), Column(REVIEWER, 14),
    Column(NOTE, 32, "wrap"), Column(DATE, 11, "date"), Column(EXPIRES, 11, "date"), Column(RESOLVED_ON, 11, "date"),
]


def write(book, records: dict, context: Context) -> None:
    table = Table(book, context, RESOLVED_SHEET, COLUMNS, rows=len(context.resolved))
    for decision in context.resolved:
        table.append([
            decision.finding, decision.rule, decision.severity, decision.type, ", ".join(decision.sources),
            decision.message, decision.status, decision.reviewer, decision.note, as_date(decision.date),
            as_date(decision.expires), as_date(decision.resolved_on),
        ])
    table.close()
