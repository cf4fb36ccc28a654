"""The shape every table sheet shares, and what the sheet writers share about a run.

A table sheet has one header row, frozen, with an autofilter over the whole table,
fixed column widths, rows as tall as their wrapped text, and a print setup that fits
the width of a landscape page and repeats the header row. Sheets are write-only
(streamed to disk row by row), so widths, panes and page setup are fixed before the
first row and each row's height just before the row is written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .workbook_style import Styles, lines_needed, row_height


@dataclass(frozen=True)
class Column:
    name: str
    width: float
    style: str = "plain"  # the Styles template of the data cells; "wrap" cells set the row height


@dataclass
class Context:
    """What the sheet writers need besides the records."""

    styles: Styles
    evidence_rows: dict[tuple, int] = field(default_factory=dict)  # evidence_key -> row on the Evidence sheet
    source_links: dict[str, str] = field(default_factory=dict)  # source id -> link target (relative to the workbook)
    generated: datetime | None = None
    generated_from: str = ""  # what the date is: "given" or "newest input file"
    resolved: tuple = ()  # decisions.Decision of findings that no longer occur


def evidence_key(rule: str, statement: dict) -> tuple:
    """Identifies one statement of one fact, in the findings and on the Evidence sheet."""
    return (rule, statement["source"], statement["line"], statement["column"])


class Table:
    """A write-only sheet holding one table; append rows of values or ready-made cells."""

    def __init__(self, book, styles: Styles, title: str, columns: list[Column], freeze: str = "B2"):
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        self.styles, self.columns = styles, columns
        self.sheet = sheet = book.create_sheet(title)
        self.letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
        for letter, column in zip(self.letters, columns):
            sheet.column_dimensions[letter].width = column.width
        sheet.freeze_panes = freeze
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.print_title_rows = "1:1"
        self.rows = 0
        self.append([styles.cell(sheet, c.name, "header") for c in columns])

    def cell(self, value, style: str = "plain", *, link=None):
        return self.styles.cell(self.sheet, value, style, link=link)

    def append(self, values: list) -> int:
        """Write one row (plain values get their column's style); returns its row number."""
        cells = [v if _is_cell(v) else (None if v is None or v == "" else self.cell(v, c.style))
                 for v, c in zip(values, self.columns)]
        self.rows += 1
        lines = [lines_needed(_text(cell), column.width) for cell, column in zip(cells, self.columns)
                 if cell is not None and _wraps(column.style)]
        height = row_height(max(lines, default=1))
        if height:
            self.sheet.row_dimensions[self.rows].height = height
        self.sheet.append(cells)
        if height:  # the row is on disk: forget its dimension, or 100,000 of them stay in memory
            del self.sheet.row_dimensions[self.rows]
        return self.rows

    def close(self, validations=()) -> None:
        self.sheet.auto_filter.ref = f"A1:{self.letters[-1]}{self.rows}"
        for validation in validations:
            self.sheet.data_validations.append(validation)


def _wraps(style: str) -> bool:
    return style in ("wrap", "muted") or style.startswith("state:")


def _is_cell(value) -> bool:
    return hasattr(value, "_style")


def _text(cell) -> str:
    value = cell.value if _is_cell(cell) else cell
    return "" if value is None else str(value)


def internal_link(sheet: str, row: int, column: str = "A"):
    """A hyperlink to a cell of this workbook."""
    from openpyxl.worksheet.hyperlink import Hyperlink

    return Hyperlink(ref="", location=f"'{sheet}'!{column}{row}")


def draft_statements(records: dict) -> list[tuple[str, dict]]:
    """(rule, statement) of each draft statement; the rule is the statement's, or else that of
    a finding it belongs to (older records do not name it)."""
    rules = {}
    for finding in records["findings"]:
        for statement in finding["statements"]:
            rules.setdefault((statement["source"], statement["line"], statement["column"], statement["quote"]),
                             finding["rule"])
    return [(s.get("rule") or rules.get((s["source"], s["line"], s["column"], s["quote"]), ""), s)
            for s in records.get("draft_statements", [])]
