"""Facts × sources: what every source says about every fact, at a glance.

Each cell holds the normalised value(s) the source states, coloured green where it
agrees, red where it conflicts, grey where the source does not state the fact (see
workbook_frames for the exact meaning). With a few sources, facts are rows and sources
columns, after the fact's outcome, consensus and expected value. With many sources
(more than MAX_SOURCE_COLUMNS) it is turned around: a row per source, a column per
fact, so a corpus of thousands of sources stays within a spreadsheet's columns and
can be sorted and filtered like any list.
"""
from __future__ import annotations

from .workbook_frames import FACT_COLUMNS, matrix
from .workbook_layout import Column, Context, Table

MATRIX_SHEET = "Facts × sources"
MAX_SOURCE_COLUMNS = 50
WIDTHS = {"Fact": 28, "Question": 40, "Outcome": 13, "Severity": 10, "Consensus": 16, "Expected": 14}
STYLES = {"Fact": "wrap", "Question": "wrap", "Consensus": "wrap", "Expected": "wrap"}


def write(book, records: dict, context: Context) -> None:
    table, fill = prepare(book, records, context)
    fill()
    table.close()


def prepare(book, records: dict, context: Context):
    """The sheet with its header, and a function that appends its rows."""
    found = matrix(records)
    drafts = {d["id"] for d in records.get("drafts", [])}
    names = [f"{s} (draft)" if s in drafts else s for s in found.sources]
    if len(found.sources) > MAX_SOURCE_COLUMNS:
        return _sources_as_rows(book, context, found, names)
    return _facts_as_rows(book, context, found, names)


def _facts_as_rows(book, context: Context, found, names: list[str]):
    columns = [Column(name, WIDTHS[name], STYLES.get(name, "plain")) for name in FACT_COLUMNS]
    columns += [Column(name, 18, "state:agrees") for name in names]
    table = Table(book, context, MATRIX_SHEET, columns, rows=len(found.facts), freeze="C2")

    def fill() -> None:
        for fact in found.facts:
            rule, severity = fact[0], fact[3]
            row = list(fact)
            row[3] = table.cell(severity, f"severity:{severity}" if severity in ("error", "warning", "info")
                                else "plain")
            for source in found.sources:
                text, state = found.cell(rule, source)
                row.append(table.cell(text or "—", f"state:{state}"))
            table.append(row)

    return table, fill


def _sources_as_rows(book, context: Context, found, names: list[str]):
    rules = [fact[0] for fact in found.facts]
    columns = [Column("Source", 24, "wrap")] + [Column(rule, 18, "state:agrees") for rule in rules]
    table = Table(book, context, MATRIX_SHEET, columns, rows=len(found.sources), freeze="B2")

    def fill() -> None:
        for source, name in zip(found.sources, names):
            row = [name]
            for rule in rules:
                text, state = found.cell(rule, source)
                row.append(table.cell(text or "—", f"state:{state}"))
            table.append(row)

    return table, fill
