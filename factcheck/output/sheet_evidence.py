"""Evidence: every statement the engine read, one row each, and why its value was taken.

Rows come fact by fact: the statements whose value was read, then the sentences where
a cue matched but no value was taken, then the drafts' statements. The sentence shows
the value in bold red; Candidates lists every value the sentence held with its score
and the reasons it was or was not taken. The Findings sheet links to these rows.
"""
from __future__ import annotations

from collections.abc import Iterator

from .cells import marked_quote
from .workbook_layout import Column, Context, Table, draft_statements, evidence_key

EVIDENCE_SHEET = "Evidence"
COLUMNS = [
    Column("Fact", 30), Column("Source", 18), Column("Line", 7), Column("Column", 8),
    Column("Sentence", 70, "wrap"), Column("Value read", 16), Column("Normalised", 16),
    Column("Low", 12), Column("High", 12), Column("Unit", 9), Column("Qualifier", 10),
    Column("Score", 7, "score"), Column("Taken", 10), Column("Agrees with consensus", 12),
    Column("Why", 44, "wrap"), Column("Candidates", 56, "wrap"),
]
TAKEN, NO_VALUE, DRAFT = "value", "no value", "draft"


def statements(records: dict) -> Iterator[tuple[str, dict, str]]:
    """(rule, statement, what) in sheet order."""
    for fact in records["facts"]:
        for statement in fact["statements"]:
            yield fact["rule"], statement, TAKEN
        for statement in fact["unread"]:
            yield fact["rule"], statement, NO_VALUE
    for rule, statement in draft_statements(records):
        yield rule, statement, DRAFT


def index(records: dict) -> dict[tuple, int]:
    """evidence_key -> row number on the sheet (the first row, should a statement repeat)."""
    rows: dict[tuple, int] = {}
    for row, (rule, statement, _) in enumerate(statements(records), start=2):
        rows.setdefault(evidence_key(rule, statement), row)
    return rows


def write(book, records: dict, context: Context) -> None:
    table, fill = prepare(book, records, context)
    fill()
    table.close()


def prepare(book, records: dict, context: Context):
    """The sheet with its header, and a function that appends its rows."""
    read = list(statements(records))
    table = Table(book, context, EVIDENCE_SHEET, COLUMNS, rows=len(read), freeze="C2")

    def fill() -> None:
        for rule, statement, what in read:
            value = statement["value"] or {}
            table.append([
                rule, statement["source"], statement["line"], statement["column"],
                marked_quote(statement["quote"], statement["span"]),
                value.get("raw"), statement["value_text"], value.get("low"), value.get("high"), value.get("unit"),
                value.get("qualifier"), statement["score"], what, _yes_no(statement.get("agrees_with_consensus")),
                statement["why"], candidates(statement),
            ])

    return table, fill


def candidates(statement: dict) -> str:
    """One line per value the sentence held: taken or not, score, reasons."""
    return "\n".join(
        f"{c['raw']!r} {'taken' if c['chosen'] else 'not taken'} ({c['score']:.2f}): {'; '.join(c['reasons'])}"
        for c in statement["candidates"]
    )


def _yes_no(flag) -> str:
    return "" if flag is None else ("yes" if flag else "no")
