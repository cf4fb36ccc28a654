"""Data rows of the large sheets, serialised straight to SpreadsheetML.

openpyxl's cell writer costs about 25 µs a cell, so the Evidence sheet of a 100,000-row
report (1.6 million cells) would take 40 s. A streamed table keeps openpyxl for the
sheet itself (header row, widths, panes, filter, print setup, styles) and writes its
data rows here, into a temporary file that workbook_zip splices into the sheet's XML
when the workbook is saved. The cells are the ones openpyxl would write: inline
strings (always literal text, with the quote-prefix style when they look like a
formula), quotes as rich-text runs with the value highlighted, numbers and dates,
with the workbook's own styles. Hyperlinks are serialised here too, as openpyxl would:
a <hyperlink> element for the sheet (spliced in after the rows) and, for a link to a
file, a relationship for the sheet's relationships part. openpyxl's own link objects
cost about 40 µs each, and a corpus of 10,000 sources has a link per source.

Everything a stream writes is in its temporary files, so a child process can write a
sheet's rows (and links) and the main process save them.
"""
from __future__ import annotations

import math
import tempfile
from datetime import date, datetime

from openpyxl.utils.datetime import to_excel
from openpyxl.xml.functions import tostring

from .cells import Quote, looks_like_formula, safe_text
from .workbook_layout import Link, Styled


CACHED_TEXT, CACHED_TEXTS = 200, 100_000  # fact ids, source ids, values, states repeat on every row
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK = RELATIONSHIPS + "/hyperlink"


class RowStream:
    """Rows written as <row> elements into anonymous temporary files: the rows, their
    <hyperlink> elements and the relationships of the links to files."""

    def __init__(self, styles, letters: list[str]):
        self.file = tempfile.TemporaryFile()
        self.links = tempfile.TemporaryFile()
        self.relationships = tempfile.TemporaryFile()
        self._links: list[str] = []
        self._relationships: list[str] = []
        self._targets = 0  # links to files so far: the last relationship id
        self.styles, self.letters = styles, letters
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
            elif value is None:
                continue
            elif (type(value) is int or type(value) is float) and value - value == 0:  # finite: line, score
                found = plain.get(style)
                parts.append(f'<c r="{letter}{n}" s="{self._id(style) if found is None else found}"><v>{value!r}</v></c>')
            else:
                parts.append(self._cell(letter + n, value, style))
        parts.append("</row>")
        self.file.write("".join(parts).encode("utf-8"))

    def _link(self, ref: str, link: str | Link) -> None:
        """A link to a file (a relative or absolute address) or a place in the workbook (a Link),
        as openpyxl writes it (attributes in its order, relationship ids rId1, rId2, ...)."""
        location, target = (None, link) if isinstance(link, str) else link
        at = f' location="{_attribute(location)}"' if location else ""
        if target:
            self._targets += 1
            rid = f"rId{self._targets}"
            self._relationships.append(f'<Relationship Type="{HYPERLINK}" Target="{_attribute(target)}" '
                                       f'TargetMode="External" Id="{rid}"/>')
            self._links.append(f'<hyperlink xmlns:r="{RELATIONSHIPS}" ref="{ref}"{at} r:id="{rid}"/>')
        else:
            self._links.append(f'<hyperlink ref="{ref}"{at}/>')

    def flush(self) -> None:
        """Put everything written so far in the files (the links are kept until then)."""
        self.links.write("".join(self._links).encode("utf-8"))
        self.relationships.write("".join(self._relationships).encode("utf-8"))
        self._links.clear()
        self._relationships.clear()
        for handle in (self.file, self.links, self.relationships):
            handle.flush()

    def discard(self) -> None:
        """Forget every row and link (of a child process that failed half way)."""
        self._links.clear()
        self._relationships.clear()
        self._targets = 0
        for handle in (self.file, self.links, self.relationships):
            handle.seek(0)
            handle.truncate()

    def close(self) -> None:
        for handle in (self.file, self.links, self.relationships):
            handle.close()

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


def _attribute(text: str) -> str:
    """An attribute value escaped as openpyxl's XML library (lxml) escapes it."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def _t(text: str) -> str:
    """A <t> element; str.replace beats str.translate when, as usual, nothing needs escaping."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return f"<t{space}>{text}</t>"
