"""The shape every table sheet shares, and what the sheet writers share about a run.

A table sheet has one header row, frozen, with an autofilter over the whole table,
fixed column widths, rows as tall as their wrapped text, and a print setup that fits
the width of a landscape page and repeats the header row. Sheets are write-only
(streamed to disk row by row), so widths, panes and page setup are fixed before the
first row. The data rows are serialised by workbook_stream instead of openpyxl's cell
writer, which is ten times slower; openpyxl writes the sheet around them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from .workbook_style import Styles, lines_fit, lines_needed, row_height


@dataclass(frozen=True)
class Column:
    name: str
    width: float
    style: str = "plain"  # the Styles template of the data cells; wrapping ones set the row height


class Styled(NamedTuple):
    """A value with its style (and link). A tuple: a million of them are made for a large report."""

    value: Any
    style: str
    link: Any = None


class Link(NamedTuple):
    """A link to a place in this workbook (`location`, as "'Evidence'!A12") or to a file."""

    location: str | None = None
    target: str | None = None


@dataclass
class Context:
    """What the sheet writers need besides the records."""

    styles: Styles
    evidence_rows: dict[tuple, int] = field(default_factory=dict)  # evidence_key -> row on the Evidence sheet
    source_links: dict[str, str] = field(default_factory=dict)  # source id -> link target (relative to the workbook)
    generated: datetime | None = None
    generated_from: str = ""  # what the date is: "given" or "newest input file, UTC"
    resolved: tuple = ()  # decisions.Decision of findings that no longer occur
    streams: dict[str, Any] = field(default_factory=dict)  # sheet title -> its workbook_stream.RowStream


def evidence_key(rule: str, statement: dict) -> tuple:
    """Identifies one statement of one fact, in the findings and on the Evidence sheet."""
    return (rule, statement["source"], statement["line"], statement["column"])


class Table:
    """A write-only sheet holding one table of `rows` data rows under a header row."""

    def __init__(self, book, context: Context, title: str, columns: list[Column], *, rows: int,
                 freeze: str = "B2"):
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        self.styles, self.columns, self.expected_rows = context.styles, columns, rows
        self._styles = [c.style for c in columns]
        # the wrapping columns set the height; text up to `fits` characters without a line break takes one line
        self._wrapping = [(i, c.width, lines_fit(c.width)) for i, c in enumerate(columns) if _wraps(c.style)]
        self.sheet = sheet = book.create_sheet(title)
        self.letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
        for letter, column in zip(self.letters, columns):
            sheet.column_dimensions[letter].width = column.width
        sheet.freeze_panes = freeze
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.print_title_rows = "1:1"
        # openpyxl writes <dimension> only if the sheet can say its size; readers then need not scan it
        sheet.calculate_dimension = lambda: f"A1:{self.letters[-1]}{rows + 1}"
        header = row_height(max(lines_needed(c.name, c.width) for c in columns))
        if header:
            sheet.row_dimensions[1].height = header
        sheet.append([self.styles.cell(sheet, c.name, "header") for c in columns])
        self.rows = 1
        from .workbook_stream import RowStream

        self.stream = RowStream(self.styles, self.letters)
        context.streams[title] = self.stream

    def cell(self, value, style: str = "plain", *, link=None) -> Styled:
        return Styled(value, style, link)

    def append(self, values: list) -> int:
        """Write one data row of values or Styled values (plain ones take their column's style);
        returns its row number."""
        self.rows += 1
        lines = 1
        for i, width, fits in self._wrapping:
            if i < len(values):
                text = _text(values[i])
                if len(text) > fits or "\n" in text:
                    lines = max(lines, lines_needed(text, width))
        height = row_height(lines)
        self.stream.row(self.rows, values, self._styles, height)
        return self.rows

    def close(self, validations=(), rows: int | None = None) -> None:
        """Finish the sheet; `rows`: how many data rows were appended, when that was done
        by another process (workbook.write fills the large sheets in a child process)."""
        if rows is not None:
            self.rows = 1 + rows
        self.sheet.auto_filter.ref = f"A1:{self.letters[-1]}{self.rows}"
        for validation in validations:
            self.sheet.data_validations.append(validation)
        self.stream.flush()


def _text(value) -> str:
    if type(value) is Styled:
        value = value.value
    return "" if value is None else str(value)


def _wraps(style: str) -> bool:
    return style in ("wrap", "muted") or style.startswith("state:")


def internal_link(sheet: str, row: int, column: str = "A") -> Link:
    """A hyperlink to a cell of this workbook."""
    return Link(location=f"'{sheet}'!{column}{row}")


def draft_statements(records: dict) -> list[tuple[str, dict]]:
    """(rule, statement) of each draft statement."""
    return [(s["rule"], s) for s in records.get("draft_statements", [])]