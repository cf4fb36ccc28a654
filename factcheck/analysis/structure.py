"""The layout of a document: which blocks are headings, questions, list items, table rows.

A statement often leans on what stands above it: "Dosage" over "The usual start is 10
mg"; "When was Lipitor approved?" over "In December 1996."; a table's header row
"Year | Milestone" over "1996 | FDA approval". The layout gives each sentence that
context:

- a **heading** is a block alone in its paragraph, short (at most 12 words), not ending
  like a sentence (no final full stop or comma); one ending with "?" is a **question**
  (a FAQ's), whose answer is the text under it;
- a **row** is a line of cells split by a bar or a tab; the first row of a run of rows
  is the table's **header**;
- an **item** starts with a bullet or a number;
- the rest is **text**.

A sentence's `heading` is the nearest heading or question above it; a row's `header`
is its table's header row; a timeline's date heading ("1954" alone on its line) has the
`entry_under` it. The document's `title` is its first block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..segment import _DATE_LINE as _DATE_HEADING  # the segmenter's own pattern of a date alone on a line
from ..segment import Sentences

_BULLET = re.compile(r"\s*(?:[•\-*–·▪◦]|\d+[.)])\s")
_ROW = re.compile(r"\t|\S\s*\|\s*\S|^\s*\|")
MAX_HEADING_WORDS = 12


@dataclass(frozen=True)
class Block:
    start: int  # text offsets
    end: int
    kind: str  # "heading", "question", "row", "header", "item" or "text"
    first: int  # its sentences: first..last
    last: int


class Layout:
    """Blocks of a document's sentences and the context each sentence has above it."""

    def __init__(self, sentences: Sentences):
        self.sentences = sentences
        self.blocks: list[Block] = []
        self.block_of: list[int] = []  # per sentence
        self.heading_of: list[int | None] = []  # per block: the heading or question above it
        self.header_of: list[int | None] = []  # per block: its table's header row
        self._build()

    def _build(self) -> None:
        sentences = self.sentences
        text, starts, ends, paragraphs, block_starts = (sentences.text, sentences.starts, sentences.ends,
                                                        sentences.paragraphs, sentences.blocks)
        spans: list[list[int]] = []  # [first, last] sentence per block
        for i, start in enumerate(block_starts):
            if spans and block_starts[spans[-1][0]] == start:
                spans[-1][1] = i
            else:
                spans.append([i, i])
        blocks_in: dict[int, int] = {}
        for first, _ in spans:
            blocks_in[paragraphs[first]] = blocks_in.get(paragraphs[first], 0) + 1
        heading = None
        header = None
        previous_kind = None
        for number, (first, last) in enumerate(spans):
            block_text = text[starts[first]:ends[last]]
            kind = _kind(block_text, first == last, blocks_in[paragraphs[first]] == 1)
            if kind == "row":
                same_table = previous_kind in ("row", "header") and paragraphs[first] == paragraphs[spans[number - 1][0]]
                if not same_table:
                    kind, header = "header", number
            else:
                header = None
            self.blocks.append(Block(starts[first], ends[last], kind, first, last))
            self.block_of.extend([number] * (last - first + 1))
            self.heading_of.append(heading)
            self.header_of.append(header if kind == "row" else None)
            if kind in ("heading", "question"):
                heading = number
            previous_kind = kind

    def heading(self, sentence: int) -> str | None:
        """The text of the heading or question above a sentence's block, if any."""
        block = self.heading_of[self.block_of[sentence]]
        return None if block is None else self._text(block)

    def header(self, sentence: int) -> str | None:
        """The header row of the table a sentence is a row of, if any."""
        block = self.header_of[self.block_of[sentence]]
        return None if block is None else self._text(block)

    def caption(self, sentence: int) -> str | None:
        """The block just above a table's header row (its title: "Table 1: … (% of patients)"),
        for a row of that table."""
        block = self.header_of[self.block_of[sentence]]
        return None if not block else self._text(block - 1)

    def section_heading(self, sentence: int) -> str | None:
        """The heading above a sentence, when it is a section's: not the document's first
        heading, which titles the whole page."""
        block = self.heading_of[self.block_of[sentence]]
        first = next((n for n, b in enumerate(self.blocks) if b.kind in ("heading", "question")), None)
        return None if block is None or block == first else self._text(block)

    def entry_under(self, sentence: int) -> str | None:
        """For a timeline's date heading ("1954" alone above "The field trial begins…"), the
        text of the block under it: the entry the date is the date of."""
        number = self.block_of[sentence]
        block = self.blocks[number]
        if block.kind != "heading" or not _DATE_HEADING.fullmatch(self._text(number)):
            return None
        following = number + 1
        if following < len(self.blocks) and self.blocks[following].kind in ("text", "item", "row"):
            return self._text(following)
        return None

    def kind(self, sentence: int) -> str:
        return self.blocks[self.block_of[sentence]].kind

    def title(self) -> str | None:
        return self._text(0) if self.blocks else None

    def _text(self, block: int) -> str:
        b = self.blocks[block]
        return self.sentences.text[b.start:b.end]


def _kind(text: str, one_sentence: bool, alone: bool) -> str:
    if _ROW.search(text):
        return "row"
    if _BULLET.match(text):
        return "item"
    stripped = text.rstrip()
    if one_sentence and alone and len(stripped.split()) <= MAX_HEADING_WORDS and stripped[-1:] not in ".,;!":
        return "question" if stripped.endswith("?") else "heading"
    return "text"
