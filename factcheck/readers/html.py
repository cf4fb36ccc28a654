"""HTML: the text a browser shows, from the tree an HTML5 parser builds (justhtml).

The page is parsed as the HTML standard says a browser parses it, so an omitted
`</head>` or `</body>`, an unclosed `<svg>` or `<table>`, misnested tags and stray
end tags give the tree a browser builds (Python's HTMLParser, used before, only
tokenises: with `</head>` left out it never reached the body). The parser is pure
Python, follows the standard's tests and keeps each text node's position in the file.

Script, style, template, head, noscript, svg, iframe content and elements marked
`hidden` are skipped; block elements (p, li, h1-h6, div, br, ...) end a paragraph so
sentences never run across them; a table row is one line with its cells split by " | "
(so a row reads with its header row, the table's first line); character references are
decoded. Each run of text keeps the line and column it starts at: a text node is
aligned with the file, so a character reference, a CRLF or a stray tag inside it moves
the position on rather than shifting the rest of the line.
"""
from __future__ import annotations

import bisect
import html as html_entities
import re

from .base import Readable, TextBuilder

SKIPPED = {"script", "style", "template", "head", "noscript", "svg", "iframe", "noembed", "noframes"}
BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "caption", "section", "article",
    "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption", "main", "nav", "aside", "title",
}
_CHARREF = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
# A "<" that cannot open a tag ("<<", "< 3", "<=") is text in every state of the HTML
# tokenizer. The parser appends such characters to a text node one at a time, which costs
# quadratic time on a run of them, so they are handed to it as one placeholder character
# each (the same length: positions do not move) and turned back into "<" here.
_STRAY_LT = re.compile(r"<(?![A-Za-z/!?])")
_SPECIAL = re.compile("[&\0]|<(?=[A-Za-z/!?])")  # where the parser's text can differ from the file's


def read(content: str) -> Readable:
    from justhtml import JustHTML
    from justhtml.dom import Comment, Text

    content = content.replace("\r\n", "\n").replace("\r", "\n")  # as the parser does; lines and columns stay
    placeholder = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in content)
    parsed = JustHTML(_STRAY_LT.sub(placeholder, content), sanitize=False, track_node_locations=True)
    collector = _Collector(content, placeholder)
    pending = [parsed.root]
    while pending:  # depth first, without recursion: a page may nest thousands of elements
        node = pending.pop()
        if node is None:
            collector.builder.add_break("\n\n")  # the end of a block element
        elif isinstance(node, Text):
            if not (collector.builder.at_break() and node.data.isspace()):  # the layout between blocks
                collector.text(node.data, node.origin_offset)
        elif isinstance(node, Comment):
            continue
        elif _shown(node):
            name = node.name
            if name in BLOCKS:
                collector.builder.add_break("\n\n")
                pending.append(None)
            elif name == "tr":
                collector.builder.add_break("\n")
                collector.cells = 0
            elif name in ("td", "th"):
                if collector.cells:
                    collector.builder.add_break(" | ")
                collector.cells += 1
            pending.extend(reversed(node.children or ()))
    return collector.builder.build()


def _shown(node) -> bool:
    name = getattr(node, "name", "")
    if name in SKIPPED:
        return False
    attrs = getattr(node, "attrs", None)
    return not (attrs and "hidden" in attrs)


class _Collector:
    """Copies text nodes into a TextBuilder, each run anchored where it stands in the file."""

    def __init__(self, content: str, placeholder: str) -> None:
        self.content = content
        self.placeholder = placeholder
        self.builder = TextBuilder()
        self.cells = 0
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", content)]

    def text(self, data: str, start: int | None) -> None:
        data = data.replace(self.placeholder, "<")
        source = self.content
        if start is None or source.startswith(data, start):  # most text nodes stand in the file as they are
            return self._add(data, start or 0)
        i, j = start, 0
        run_i, run_j = i, j  # where the run of text copied unchanged began
        while j < len(data):
            special = _SPECIAL.search(source, i)
            stop = special.start() if special else len(source)
            k = _common_prefix(data, j, source, i, stop - i)
            i, j = i + k, j + k
            if j == len(data):
                break
            if i < stop:  # the node and the file part ways: the rest is anchored here
                break
            moved = self._skip(data, j, i)
            if moved is None:
                break
            if moved != (i + 1, j + 1):  # a reference decoded, or something dropped: new anchors
                self._add(data[run_j:j], run_i)
                self._add(data[j : moved[1]], i)  # the reference's text, at the reference
                run_i, run_j = moved
            i, j = moved
        self._add(data[run_j:], run_i)

    def _skip(self, data: str, j: int, i: int) -> tuple[int, int] | None:
        """Past what the parser decoded or dropped at file offset `i`: a character reference (its
        text is data[j:]), a NUL, or a stray tag whose neighbours became one text node."""
        source = self.content
        char = source[i]
        if char == "&":
            ref = _CHARREF.match(source, i)
            decoded = html_entities.unescape(ref.group()) if ref else "&"
            if ref and decoded != ref.group() and data.startswith(decoded, j):
                return i + len(ref.group()), j + len(decoded)
            return (i + 1, j + 1) if data.startswith("&", j) else None  # a bare "&", as it stands
        if char == "\0":
            return i + 1, j
        if data.startswith("<", j):
            return i + 1, j + 1
        end = source.find(">", i)
        return (end + 1, j) if end >= 0 else None

    def _add(self, run: str, offset: int) -> None:
        """`run`, from file offset `offset`, one anchor per line (a newline reads as a space)."""
        start = 0
        while True:
            newline = run.find("\n", start)
            piece = run[start:] if newline < 0 else run[start:newline] + " "
            self.builder.add(piece, *self._line_column(offset + start))
            if newline < 0:
                return
            start = newline + 1
            if start == len(run):
                return

    def _line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def _common_prefix(a: str, i: int, b: str, j: int, most: int) -> int:
    """How many characters (at most `most`) a[i:] and b[j:] share at their start, compared in chunks."""
    length = min(len(a) - i, len(b) - j, most)
    done, step = 0, 64
    while done < length:
        size = min(step, length - done)
        if a[i + done : i + done + size] == b[j + done : j + done + size]:
            done += size
            step = min(step * 2, 1 << 16)
        elif size == 1:
            break
        else:
            step = max(1, size // 2)
    return done
