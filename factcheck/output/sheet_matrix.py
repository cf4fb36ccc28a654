"""Facts × sources: every fact (rows) against every source (columns), at a glance.

Each cell holds the normalised value(s) the source states, coloured green where it
agrees, red where it conflicts, grey where the source does not state the fact (see
workbook_frames for the exact meaning); the consensus has its own column.
"""
from __future__ import annotations

from .workbook_frames import FACT_COLUMNS, matrix
from .workbook_layout import Column, Context, Table

MATRIX_SHEET = "Facts × sources"
WIDTHS = {"Fact": 28, "Question": 40, "Outcome": 13, "Severity": 10, "Consensus": 16, "Expected": 14}
STYLES = {"Fact": "wrap", "Question": "wrap", "Consensus": "wrap", "Expected": "wrap"}


def write(book, records: dict, context: Context) -> None:
    facts, values, states = matrix(records)
    drafts = {d["id"] for d in records.get("drafts", [])}
    sources = list(values.columns)
    columns = [Column(name, WIDTHS[name], STYLES.get(name, "plain")) for name in FACT_COLUMNS]
    columns += [Column(f"{s} (draft)" if s in drafts else s, 18, "state:agrees") for s in sources]
    table = Table(book, context, MATRIX_SHEET, columns, rows=len(facts), freeze="C2", streamed=True)
    for (rule, fact), (_, said), (_, how) in zip(facts.iterrows(), values.iterrows(), states.iterrows()):
        severity = fact["Severity"]
        row = [fact["Fact"], fact["Question"], fact["Outcome"],
               table.cell(severity, f"severity:{severity}" if severity in ("error", "warning", "info") else "plain"),
               fact["Consensus"], fact["Expected"]]
        row += [table.cell(said[s] or "—", f"state:{how[s]}") for s in sources]
        table.append(row)
    table.close()
