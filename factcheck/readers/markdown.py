"""Markdown: the prose a reader sees, keeping each run's line and column.

Headings, list markers, block quotes, emphasis, inline code ticks, link targets,
images, HTML comments and tags are dropped; fenced code blocks and front matter are
skipped. Positions stay exact because text is copied run by run, never rewritten.
"""
from __future__ import annotations

import re

from .base import Readable, TextBuilder

_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|(?:[-*+]|\d+[.)])\s+)*")
# Markup inside a line, removed but never shifting the text around it. Every inner run stops
# at the next opener of its own kind too (`[^\][]`, `(` unless closed, `[^<>]`, no "<!--" in a
# comment), so an opener without a closer costs the distance to the next opener, not to the
# end of the line: 16,000 unclosed "](" or "![" were quadratic.
_MARKUP = re.compile(
    r"!\[[^\][]*\]\((?:[^()]|\([^()]*\))*\)"  # image
    r"|\]\((?:[^()]|\([^()]*\))*\)"  # link target (one level of brackets: /wiki/Foo_(bar)), keeps the link text
    r"|<!--(?:(?!<!--).)*?-->"  # comment on one line
    r"|</?[A-Za-z][^<>]*>"  # inline tag
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`+|\[(?=[^\][\n]*\]\()"  # a link's "[", not a footnote's
)
_RULE = re.compile(r"\s*+(?:[-*_=]\s*+){3,}+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_RULE = re.compile(r"\s*+\|?+\s*+:?+-{3,}+:?+\s*+(?:\|\s*+:?+-{3,}+:?+\s*+)*+\|?+\s*+")  # "|---|:--:|" under a header


def read(content: str) -> Readable:
    builder = TextBuilder()
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    skip_until = _front_matter_end(lines)
    fenced = False
    in_comment = False
    for number, line in enumerate(lines, start=1):
        if number <= skip_until:
            continue
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if in_comment or line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = "-->" not in line
            builder.add_break("\n\n")
            continue
        if "|" in line and _TABLE_RULE.fullmatch(line):
            continue  # the rows above and below stay lines of one table
        if _RULE.fullmatch(line):  # rule or setext underline
            builder.add_break("\n\n")
            continue
        _add_line(builder, line, number)
    return builder.build()


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                return number
    return 0


def _add_line(builder: TextBuilder, line: str, number: int) -> None:
    if not line.strip():
        builder.add_break("\n\n")
        return
    start = _PREFIX.match(line).end()
    for markup in _MARKUP.finditer(line, start):
        builder.add(line[start : markup.start()], number, start + 1)
        start = markup.end()
    builder.add(line[start:], number, start + 1)
    builder.add_break("\n")
