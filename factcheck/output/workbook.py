"""The discrepancy workbook: one row per finding with each source's quote.

This is the plain first workbook: Findings, Facts and Evidence sheets built from
the report records. Only this module imports openpyxl.
"""
from __future__ import annotations

from pathlib import Path

from ..atomic import write_with
from .cells import set_text

FINDING_COLUMNS = ("Finding id", "Fact", "Type", "Severity", "Sources", "Message", "Quotes")
FACT_COLUMNS = ("Fact", "Question", "Outcome", "Severity", "Consensus", "Expected", "Outliers", "Sources stating")
EVIDENCE_COLUMNS = ("Fact", "Source", "Line", "Quote", "Raw value", "Normalised", "Low", "High", "Unit", "Score", "Why")


def write(records: dict, path: str | Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    findings = book.active
    findings.title = "Findings"
    _table(findings, FINDING_COLUMNS, (_finding_row(f) for f in records["findings"]))
    _table(book.create_sheet("Facts"), FACT_COLUMNS, (_fact_row(f) for f in records["facts"]))
    _table(book.create_sheet("Evidence"), EVIDENCE_COLUMNS,
           (_evidence_row(f, s) for f in records["facts"] for s in f["statements"] + f["unread"]))
    write_with(path, book.save)


def _table(sheet, columns, rows) -> None:
    sheet.append(list(columns))
    for row in rows:
        sheet.append([None] * len(row))
        for cell, value in zip(sheet[sheet.max_row], row):
            set_text(cell, value)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _finding_row(finding: dict) -> tuple:
    quotes = "\n".join(f"{s['source']}:{s['line']}: {s['quote']}" for s in finding["statements"])
    return (finding["id"], finding["rule"], finding["type"], finding["severity"],
            ", ".join(finding["sources"]), finding["message"], quotes)


def _fact_row(fact: dict) -> tuple:
    consensus = fact["consensus"]["text"] if fact["consensus"] else ""
    sources = ", ".join(dict.fromkeys(s["source"] for s in fact["statements"]))
    return (fact["rule"], fact["question"], fact["outcome"], fact["severity"], consensus,
            fact["expected"] or "", ", ".join(fact["outliers"]), sources)


def _evidence_row(fact: dict, statement: dict) -> tuple:
    value = statement["value"] or {}
    return (fact["rule"], statement["source"], statement["line"], statement["quote"],
            value.get("raw", ""), statement["value_text"] or "", _cell(value.get("low")), _cell(value.get("high")),
            value.get("unit", ""), statement["score"], statement["why"])


def _cell(bound):
    return "" if bound is None else bound
