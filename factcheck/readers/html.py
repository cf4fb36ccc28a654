"""HTML: the text a browser shows, through the standard library's HTML parser.

Script, style, template and head content is skipped; block elements (p, li, h1-h6,
div, br, ...) end a paragraph so sentences never run across them; a table row is one
line with its cells split by " | " (so a row reads with its header row, the table's
first line); character references are decoded. Each text run keeps the line and column
it starts at.
"""
from __future__ import annotations

from html.parser import HTMLParser

from .base import Readable, TextBuilder

SKIPPED = {"script", "style", "template", "head", "noscript", "svg"}
BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "caption", "section", "article", "header", "footer", "blockquote", "pre", "hr",
    "dd", "dt", "figcaption", "main", "nav", "aside", "title",
}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = TextBuilder()
        self._skipping = 0
        self._cells = 0  # cells begun in the current table row

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self._skipping += 1
        elif tag in BLOCKS:
            self.builder.add_break("\n\n")
        elif tag == "tr":
            self.builder.add_break("\n")
            self._cells = 0
        elif tag in ("td", "th"):
            if self._cells:
                self.builder.add_break(" | ")
            self._cells += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCKS:
            self.builder.add_break("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        line, column = self.getpos()
        # A run may span lines; anchor each of its lines separately.
        for i, part in enumerate(data.split("\n")):
            if i:
                self.builder.add(" ", line + i - 1, 1)  # the newline, as a space
            self.builder.add(part, line + i, (column if i == 0 else 0) + 1)


def read(content: str) -> Readable:
    collector = _TextCollector()
    collector.feed(content)
    collector.close()
    return collector.builder.build()
