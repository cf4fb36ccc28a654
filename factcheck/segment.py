"""Split readable text into sentences with character offsets.

Scraped pages and drafts differ: in scraped text every line is a paragraph, a
heading or a bullet; in a hard-wrapped draft a sentence runs across lines. A
line break ends a sentence unless the line before it is long, ends without
punctuation and the next line continues it. Within a line, a sentence ends at
., ! or ? followed by a capital (after a space, or straight after "?" as in
"What Causes Depression?Depression is ..."), except after known abbreviations.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .model import Sentence

WRAP_MIN_LINE = 50  # a shorter line without final punctuation is a heading or a bullet
ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st vs e.g i.e u.s u.k etc al fig no approx inc ltd co jr sr "
    "jan feb mar apr jun jul aug sep sept oct nov dec ca c mt rs lbs".split()
)
_END = re.compile(r"""[.!?]+["'”’)\]]*(?:\(\d{1,3}\)|\[\d{1,3}\])?(?=\s+["'“‘(\[]?[A-Z0-9•]|[A-Z][a-z])""")
_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_BULLET = re.compile(r"\s*(?:[•\-*–·]|\d+[.)])\s")


def split_sentences(text: str, locate: Callable[[int], tuple[int, int]]) -> tuple[Sentence, ...]:
    """All sentences of `text`, each with its line and column from `locate`."""
    sentences: list[Sentence] = []
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        for block_start, block_end in _blocks(text, start, end):
            for s, e in _sentences_in(text, block_start, block_end):
                line, column = locate(s)
                sentences.append(Sentence(len(sentences), s, e, text[s:e], line, column, paragraph))
    return tuple(sentences)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for blank in _BLANK.finditer(text):
        yield start, blank.start()
        start = blank.end()
    yield start, len(text)


def _blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Runs of lines that belong together (a hard-wrapped sentence joins its lines)."""
    block_start = start
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        if newline < 0:
            yield block_start, end
            return
        line = text[pos:newline].rstrip()
        following = text[newline + 1 : text.find("\n", newline + 1, end) if text.find("\n", newline + 1, end) >= 0 else end]
        if not _continues(line, following):
            yield block_start, newline
            block_start = newline + 1
        pos = newline + 1


def _continues(line: str, following: str) -> bool:
    if len(line) < WRAP_MIN_LINE or not following.strip() or _BULLET.match(following):
        return False
    return line[-1:] not in ".!?:;”\"" or following.lstrip()[:1].islower()


def _sentences_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for match in _END.finditer(text, start, end):
        if _is_abbreviation(text, pos, match.start()):
            continue
        yield from _trimmed(text, pos, match.end())
        pos = match.end()
    yield from _trimmed(text, pos, end)


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"(?<![\w.])([A-Za-z][A-Za-z.]*)$", text[max(start, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(ch.isalnum() for ch in text[start:end]):
        yield start, end
