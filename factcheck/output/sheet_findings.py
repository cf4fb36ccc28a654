"""Findings: the discrepancies, one row per finding; the sheet reviewers work in.

Each row: the finding (id, fact, severity, type, sources, what is wrong, the consensus),
the reviewer's columns (Status from a dropdown, Reviewer, Note, Date, and an optional
Expires for a baseline), then the statements side by side: the source (a link to the
file), the value read (a link to its Evidence row) and the quote with the value in
bold red. Errors come first. Decisions are matched by the Finding id column, found by
its header, so reviewers may reorder, filter and add columns.
"""
from __future__ import annotations

from datetime import date

from ..decisions import OPEN, STATUSES
from .cells import marked_quote
from .sheet_evidence import EVIDENCE_SHEET
from .workbook_layout import Column, Context, Table, evidence_key, internal_link

FINDINGS_SHEET = "Findings"
ID, FACT, QUESTION, SEVERITY, TYPE, SOURCES, MESSAGE, CONSENSUS = (
    "Finding id", "Fact", "Question", "Severity", "Type", "Sources", "Finding", "Consensus")
STATUS, REVIEWER, NOTE, DATE, EXPIRES, BASELINE = "Status", "Reviewer", "Note", "Date", "Expires", "Baseline"
SIDE_BY_SIDE = 4  # statements shown in their own columns; the rest go to "More statements"
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

FIXED = [
    Column(ID, 13), Column(FACT, 24, "wrap"), Column(QUESTION, 30, "wrap"), Column(SEVERITY, 9),
    Column(TYPE, 14, "wrap"), Column(SOURCES, 18, "wrap"), Column(MESSAGE, 36, "wrap"), Column(CONSENSUS, 12, "wrap"),
    Column(STATUS, 19), Column(REVIEWER, 12), Column(NOTE, 30, "wrap"), Column(DATE, 11, "date"),
    Column(EXPIRES, 11, "date"), Column(BASELINE, 20, "muted"),
]


def columns(groups: int, more: bool) -> list[Column]:
    side = [c for n in range(1, groups + 1) for c in
            (Column(f"Source {n}", 18, "wrap"), Column(f"Value {n}", 12, "wrap"), Column(f"Quote {n}", 48, "wrap"))]
    return FIXED + side + ([Column("More statements", 60, "wrap")] if more else [])


def write(book, records: dict, context: Context) -> None:
    findings = sorted(records["findings"], key=lambda f: SEVERITY_ORDER.get(f["severity"], len(SEVERITY_ORDER)))
    facts = {f["rule"]: f for f in records["facts"]}
    most = max((len(f["statements"]) for f in findings), default=1)
    table = Table(book, context, FINDINGS_SHEET, columns(max(1, min(most, SIDE_BY_SIDE)), most > SIDE_BY_SIDE),
                  rows=len(findings), freeze="C2")
    for finding in findings:
        fact = facts.get(finding["rule"], {})
        table.append(_row(table, finding, fact, context, len(table.columns)))
    table.close([status_dropdown(table.letters[[c.name for c in FIXED].index(STATUS)], table.rows)])


def _row(table: Table, finding: dict, fact: dict, context: Context, width: int) -> list:
    decision = finding.get("decision") or {}
    consensus = (fact.get("consensus") or {}).get("text", "")
    row = [
        finding["id"], finding["rule"], finding.get("question") or fact.get("question", ""),
        table.cell(finding["severity"], f"severity:{finding['severity']}" if finding["severity"] in SEVERITY_ORDER
                   else "plain"),
        finding["type"], ", ".join(finding["sources"]), finding["message"], consensus,
        decision.get("status") or OPEN, decision.get("reviewer"), decision.get("note"),
        as_date(decision.get("date")), as_date(decision.get("expires")), suppression(finding.get("suppressed")),
    ]
    shown = finding["statements"][:SIDE_BY_SIDE]
    for statement in shown:
        row.extend(_statement_cells(table, finding["rule"], statement, context))
    row.extend([None] * (width - len(row)))
    if len(finding["statements"]) > SIDE_BY_SIDE:
        row[-1] = "\n".join(f"{s['source']}:{s['line']}  {s.get('value_shown') or '(no value)'}  “{s['quote']}”"
                            for s in finding["statements"][SIDE_BY_SIDE:])
    return row


def _statement_cells(table: Table, rule: str, statement: dict, context: Context) -> list:
    where = f"{statement['source']}:{statement['line']}"
    target = context.source_links.get(statement["source"])
    row = context.evidence_rows.get(evidence_key(rule, statement))
    value = statement.get("value_shown") or "(no value)"
    return [
        table.cell(where, "link", link=target) if target else where,
        table.cell(value, "link", link=internal_link(EVIDENCE_SHEET, row)) if row else value,
        marked_quote(statement["quote"], statement["span"]),
    ]


def status_dropdown(letter: str, last_row: int):
    """The Status list on every finding row; other values are refused with a message."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="Status",
                                error="Choose one of: " + ", ".join(STATUSES))
    validation.add(f"{letter}2:{letter}{max(last_row, 2)}")
    return validation


def suppression(suppressed: dict | None) -> str:
    """What keeps a finding from failing the run, in a phrase."""
    if not suppressed:
        return ""
    if suppressed.get("by") == "baseline":
        until = f" until {suppressed['expires']}" if suppressed.get("expires") else ""
        reason = f": {suppressed['reason']}" if suppressed.get("reason") else ""
        return f"suppressed by baseline ({suppressed.get('status', '')}{until}){reason}"
    reason = suppressed.get("reason")
    return f"suppressed {suppressed.get('by', '')}" + (f": {reason}" if reason else "")


def as_date(text):
    """An ISO date as a real date cell; anything else as the text it is."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return text
