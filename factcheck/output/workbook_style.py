"""How the workbook looks: colours, fonts, and cells made from a few style templates.

Every cell is made by `Styles.cell`, which is the one place text from sources becomes
a cell: strings are always literal text (never formulas or error values), made safe
by `cells.safe_text`. Styles are built once per workbook as template cells and copied
onto new cells, because assigning fonts and fills cell by cell is too slow for the
100,000-row Evidence sheet.
"""
from __future__ import annotations

import math
from copy import copy

from .cells import Quote, looks_like_formula, rich_text, safe_text

FONT = "Calibri"
SIZE = 11
LINE_HEIGHT = 15.0  # points per line of 11-point Calibri (Carlito in LibreOffice)
MAX_ROW_HEIGHT = 409.0  # Excel's largest row height, in points
CHARS_PER_WIDTH = 1.05  # characters of ordinary prose per unit of column width ('0' widths)

HEADER = ("FFFFFF", "1F4E78")  # font, fill
LINK = "0563C1"
HIGHLIGHT = "C00000"  # the value inside a quote
MUTED = "7F7F7F"
SEVERITY = {  # font, fill: the spreadsheet programs' own "bad / neutral / note" colours
    "error": ("9C0006", "FFC7CE"),
    "warning": ("9C5700", "FFEB9C"),
    "info": ("1F4E78", "DDEBF7"),
}
STATE = {  # how a source's value relates to the others, in the Facts × sources matrix
    "agrees": ("006100", "C6EFCE"),
    "conflicts": ("9C0006", "FFC7CE"),
    "not stated": ("595959", "EDEDED"),
    "unverified": ("1F4E78", "DDEBF7"),
}
DATE_FORMAT = "yyyy-mm-dd"


class Styles:
    """Template cells for one workbook; `cell()` copies a template's style onto a new cell."""

    def __init__(self, book):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.text import InlineFont
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self._new = WriteOnlyCell
        self._sheet = book.create_sheet("styles")  # a scratch sheet the templates belong to
        book.remove(self._sheet)
        top, wrap = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
        fill = lambda colour: PatternFill("solid", start_color="FF" + colour, end_color="FF" + colour)  # noqa: E731
        font = lambda colour=None, **kw: Font(name=FONT, size=SIZE, color=colour and "FF" + colour, **kw)  # noqa: E731
        specs = {
            "plain": dict(alignment=top),
            "wrap": dict(alignment=wrap),
            "date": dict(alignment=top, number_format=DATE_FORMAT),
            "score": dict(alignment=top, number_format="0.00"),
            "link": dict(alignment=top, font=font(LINK, underline="single")),
            "muted": dict(alignment=wrap, font=font(MUTED, italic=True)),
            "header": dict(alignment=Alignment(vertical="top", wrap_text=True), font=font(HEADER[0], bold=True),
                           fill=fill(HEADER[1]), border=Border(bottom=Side(style="thin", color="FF000000"))),
            "title": dict(font=Font(name=FONT, size=16, bold=True)),
            "section": dict(font=Font(name=FONT, size=12, bold=True, color="FF" + HEADER[1])),
            "label": dict(alignment=top, font=font(bold=True)),
        }
        for name, (fg, bg) in SEVERITY.items():
            specs[f"severity:{name}"] = dict(alignment=top, font=font(fg, bold=True), fill=fill(bg))
        for name, (fg, bg) in STATE.items():
            specs[f"state:{name}"] = dict(alignment=wrap, font=font(fg), fill=fill(bg))
        self._templates = {}
        for name, attributes in specs.items():
            template = WriteOnlyCell(self._sheet)
            for attribute, value in attributes.items():
                setattr(template, attribute, value)
            self._templates[name] = template._style
        self.highlight = InlineFont(rFont=FONT, sz=SIZE, b=True, color="FF" + HIGHLIGHT)

    def cell(self, sheet, value, style: str = "plain", *, link=None):
        """A styled cell; strings and rich text are literal text, whatever they start with."""
        if isinstance(value, str):
            value = safe_text(value)
        elif isinstance(value, Quote):
            value = rich_text(value, self.highlight)
        made = self._new(sheet, value)
        look = copy(self._templates[style])
        if made.data_type in ("s", "f", "e"):  # text, or text a spreadsheet would take for a formula or error
            made.data_type = "s"
            if looks_like_formula(str(value)):
                look.quotePrefix = 1
        made._style = look  # openpyxl's style array: copying it is what cell.font = ... does, minus lookups
        if link is not None:
            made.hyperlink = link
        return made

    def names(self) -> list[str]:
        """The templates' names, in a fixed order."""
        return sorted(self._templates)

    def style_id(self, style: str, literal: bool = False) -> int:
        """The workbook's index of a template's style (with the quote prefix when `literal`)."""
        made = self._new(self._sheet)
        made._style = copy(self._templates[style])
        if literal:
            made._style.quotePrefix = 1
        return made.style_id


def lines_fit(width: float) -> int:
    """How many characters fit on one line of a column `width` characters wide."""
    return math.floor(max(1.0, (width - 1) * CHARS_PER_WIDTH))


def lines_needed(text: str, width: float) -> int:
    """How many lines wrapped text takes in a column `width` characters wide (an estimate:
    LibreOffice does not fit rows to their text, so the writer sets each row's height)."""
    per_line = max(1.0, (width - 1) * CHARS_PER_WIDTH)
    if "\n" not in text:
        return max(1, math.ceil(len(text) / per_line))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def row_height(lines: int) -> float | None:
    """Height in points of a row of `lines` lines; None for one line (the default height)."""
    if lines <= 1:
        return None
    return min(MAX_ROW_HEIGHT, round(lines * LINE_HEIGHT + 2, 1))
