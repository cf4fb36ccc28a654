"""Data rows of the large sheets, serialised straight to SpreadsheetML.

openpyxl's cell writer costs about 25 µs a cell, so the Evidence sheet of a 100,000-row
report (1.6 million cells) would take 40 s. A streamed table keeps openpyxl for the
sheet itself (header row, widths, panes, filter, print setup, styles) and writes its
data rows here, into a temporary file that workbook_zip splices into the sheet's XML
when the workbook is saved. The cells are the ones openpyxl would write: inline
strings (always literal text, with the quote-prefix style when they look like a
formula), quotes as rich-text runs with the value highlighted, numbers and dates,
with the workbook's own styles. A cell's hyperlink is handed to openpyxl's list of the
sheet's links, which it writes after the rows (with the relationship of an external one).
"""
from __future__ import annotations

import math
import tempfile
from datetime import date, datetime

from openpyxl.utils.datetime import to_excel
from openpyxl.xml.functions import tostring

from .cells import Quote, looks_like_formula, safe_text
from .workbook_layout import Styled


CACHED_TEXT, CACHED_TEXTS = 200, 100_000  # fact ids, source ids, values, states repeat on every row


class RowStream:
    """Rows written as <row> elements into an anonymous temporary file."""

    def __init__(self, styles, letters: list[str], sheet):
        self.file = tempfile.TemporaryFile()
        self.styles, self.letters, self.sheet = styles, letters, sheet
        self._ids: dict[bool, dict[str, int]] = {False: {}, True: {}}  # literal -> style -> id
        self._highlight = tostring(styles.highlight.to_tree("rPr")).decode("utf-8")
        self._texts: dict[str, tuple[bool, str]] = {}  # short text -> (looks like a formula, its <is> element)

    def row(self, number: int, values: list, styles: list[str], height: float | None) -> None:
        """Write row `number`: values (or Styled values) under columns of these styles."""
        n = str(number)
        parts = [f'<row r="{n}" ht="{height}" customHeight="1">' if height else f'<row r="{n}">']
        plain, texts = self._ids[False], self._texts
        for letter, value, style in zip(self.letters, values, styles):
            if type(value) is Styled:
                value, style, link = value
                if link is not None and value not in (None, ""):
                    self._link(f"{letter}{n}", link)
            if type(value) is str:  # the common case, inline: a million of them in a large report
                if value:
                    made = texts.get(value)
                    if made is None:
                        text = safe_text(value)
                        made = (looks_like_formula(text), f'<is>{_t(text)}</is></c>')
                        if len(value) <= CACHED_TEXT and len(texts) < CACHED_TEXTS:
                            texts[value] = made
                    literal, inline = made
                    found = None if literal else plain.get(style)
                    parts.append(f'<c r="{letter}{n}" s="{self._id(style, literal) if found is None else found}" '
                                 f't="inlineStr">{inline}')
            elif value is not None:
                parts.append(self._cell(letter + n, value, style))
        parts.append("</row>")
        self.file.write("".join(parts).encode("utf-8"))

    def _link(self, ref: str, link) -> None:
        """A link to a file (a relative or absolute address) or a place in the workbook (a Hyperlink)."""
        from openpyxl.worksheet.hyperlink import Hyperlink

        if isinstance(link, str):
            made = Hyperlink(ref=ref, target=link)
        else:
            made = Hyperlink(ref=ref, location=link.location, target=link.target)
        # openpyxl's write-only sheet keeps its cells' links here and writes them after the rows
        self.sheet._hyperlinks.append(made)

    def _cell(self, ref: str, value, style: str) -> str:
        kind = type(value)
        if kind is str:
            if not value:
                return ""
            text = safe_text(value)
            return f'<c r="{ref}" s="{self._id(style, looks_like_formula(text))}" t="inlineStr"><is>{_t(text)}</is></c>'
        if kind is Quote:
            runs = (f"<r>{_t(value.before)}</r>" if value.before else "") \
                + f"<r>{self._highlight}{_t(value.value)}</r>" + (f"<r>{_t(value.after)}</r>" if value.after else "")
            return f'<c r="{ref}" s="{self._id(style, looks_like_formula(str(value)))}" ' \
                   f't="inlineStr"><is>{runs}</is></c>'
        if value is None:
            return ""
        if kind is bool:
            return f'<c r="{ref}" s="{self._id(style)}" t="b"><v>{int(value)}</v></c>'
        if kind in (int, float) and math.isfinite(value):
            return f'<c r="{ref}" s="{self._id(style)}"><v>{value!r}</v></c>'
        if isinstance(value, (date, datetime)):
            return f'<c r="{ref}" s="{self._id(style)}"><v>{to_excel(value)!r}</v></c>'
        return self._cell(ref, str(value), style)  # anything else, as its text

    def register_styles(self) -> None:
        """Give every style template (plain and quote-prefixed) its workbook id now, so rows
        written by another process never need a style the workbook does not have."""
        for style in self.styles.names():
            self._id(style, False)
            self._id(style, True)

    def _id(self, style: str, literal: bool = False) -> int:
        ids = self._ids[literal]
        found = ids.get(style)
        if found is None:
            found = ids[style] = self.styles.style_id(style, literal)
        return found


def _t(text: str) -> str:
    """A <t> element; str.replace beats str.translate when, as usual, nothing needs escaping."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return f"<t{space}>{text}</t>"
