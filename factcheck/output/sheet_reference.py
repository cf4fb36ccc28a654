"""Rules and Sources: what was applied and what was read, as the records hold them."""
from __future__ import annotations

from collections import Counter

from .workbook_layout import Column, Context, Table

RULES_SHEET, SOURCES_SHEET = "Rules", "Sources"
RULE_COLUMNS = [
    Column("Rule", 28, "wrap"), Column("Question", 40, "wrap"), Column("Kind", 10), Column("Severity", 10),
    Column("Subject", 22, "wrap"), Column("Cues", 28, "wrap"), Column("Require", 22, "wrap"),
    Column("Exclude", 22, "wrap"), Column("Tolerance", 10), Column("Unit", 8), Column("Expected", 12, "wrap"),
    Column("Reference", 34, "wrap"), Column("File", 24, "wrap"),
]
SOURCE_COLUMNS = [
    Column("Source", 20, "wrap"), Column("Role", 10), Column("Title", 34, "wrap"), Column("Publisher", 30, "wrap"),
    Column("Date", 11), Column("Format", 9), Column("Path", 34, "wrap"), Column("SHA-256", 34, "wrap"),
    Column("Statements", 11), Column("Findings", 10),
]


def write_rules(book, records: dict, context: Context) -> None:
    table = Table(book, context, RULES_SHEET, RULE_COLUMNS, rows=len(records["rules"]))
    for rule in records["rules"]:
        expected = rule["expected"] or {}
        severity = rule["severity"]
        table.append([
            rule["id"], rule["question"], rule["kind"],
            table.cell(severity, f"severity:{severity}" if severity in ("error", "warning", "info") else "plain"),
            ", ".join(rule["subject"]), ", ".join(rule["cues"]), ", ".join(rule["require"]),
            ", ".join(rule["exclude"]), rule["tolerance"], rule["unit"], expected.get("text"),
            expected.get("reference"), f"{rule['path']}:{rule['line']}" if rule.get("path") else "",
        ])
    table.close()


def write_sources(book, records: dict, context: Context) -> None:
    documents = records["sources"] + records.get("drafts", [])
    table = Table(book, context, SOURCES_SHEET, SOURCE_COLUMNS, rows=len(documents))
    stated = Counter(s["source"] for f in records["facts"] for s in f["statements"])
    stated.update(s["source"] for s in records.get("draft_statements", []))
    named = Counter(source for f in records["findings"] for source in f["sources"])
    for source in documents:
        link = context.source_links.get(source["id"])
        table.append([
            source["id"], source["role"], source["title"], source["publisher"], source["date"], source["format"],
            table.cell(source["path"], "link", link=link) if link else source["path"], source["sha256"],
            stated[source["id"]], named[source["id"]],
        ])
    table.close()
