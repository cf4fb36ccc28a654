"""Split readable text into sentences with character offsets.

Scraped pages and drafts differ: in scraped text every line is a paragraph, a
heading or a bullet; in a hard-wrapped draft a sentence runs across lines. A
line break ends a sentence unless the line before it is long, ends without
punctuation and the next line continues it. Within a line, a sentence ends at
., ! or ? followed by a capital (after a space, or straight after "?" as in
"What Causes Depression?Depression is ..."), except after known abbreviations.

Splitting finds only the offsets; a `Sentence` (with its text, line and column) is
made when something asks for it, since most sentences of a long corpus are never
looked at again once their words are indexed.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from .model import Sentence

WRAP_MIN_LINE = 50  # a shorter line without final punctuation is a heading or a bullet
ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st vs e.g i.e u.s u.k etc al fig no approx inc ltd co jr sr "
    "jan feb mar apr jun jul aug sep sept oct nov dec ca c mt rs lbs".split()
)
_END = re.compile(r"""[.!?]+["'”’)\]]*(?:\(\d{1,3}\)|\[\d{1,3}\])?(?=\s+["'“‘(\[]?[A-Z0-9•]|[A-Z][a-z])""")
_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_BULLET = re.compile(r"\s*(?:[•\-*–·]|\d+[.)])\s")
_LAST_WORD = re.compile(r"(?<![\w.])([A-Za-z][A-Za-z.]*)$")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_NON_SPACE = re.compile(r"\S")
_ALNUM = re.compile(r"[^\W_]")  # the characters str.isalnum accepts


class Sentences(Sequence[Sentence]):
    """The sentences of one text: offsets kept as plain lists, `Sentence`s made on demand."""

    __slots__ = ("text", "starts", "ends", "paragraphs", "_locate", "_made")

    def __init__(self, text: str, spans: tuple[list[int], list[int], list[int]],
                 locate: Callable[[int], tuple[int, int]]):
        self.text = text
        self.starts, self.ends, self.paragraphs = spans
        self._locate = locate
        self._made: dict[int, Sentence] = {}

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Sentence, ...]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self.starts)
        sentence = self._made.get(index)
        if sentence is None:
            start, end = self.starts[index], self.ends[index]  # IndexError past the end, as for a tuple
            line, column = self._locate(start)
            sentence = Sentence(index, start, end, self.text[start:end], line, column, self.paragraphs[index])
            self._made[index] = sentence
        return sentence

    def __iter__(self) -> Iterator[Sentence]:
        return (self[i] for i in range(len(self.starts)))

    def __eq__(self, other) -> bool:
        if isinstance(other, Sentences):
            return self.text == other.text and self.starts == other.starts and self.ends == other.ends
        return isinstance(other, (tuple, list)) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Sentences({len(self)})"


def split_sentences(text: str, locate: Callable[[int], tuple[int, int]]) -> Sentences:
    """All sentences of `text`, each with its line and column from `locate`."""
    return Sentences(text, sentence_spans(text), locate)


def sentence_spans(text: str) -> tuple[list[int], list[int], list[int]]:
    """The start, end and paragraph number of every sentence, in order (as three lists:
    a long corpus has millions of sentences, most never looked at again)."""
    starts: list[int] = []
    ends: list[int] = []
    paragraphs: list[int] = []
    letters = _ASCII_LETTERS
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        for block_start, block_end in _blocks(text, start, end):
            pos = block_start
            for match in _END.finditer(text, block_start, block_end):
                dot = match.start()
                # an abbreviation ends in an ASCII letter before a full stop (quick test first)
                if text[dot] == "." and text[dot - 1 : dot] in letters and _is_abbreviation(text, pos, dot):
                    continue
                _add_trimmed(starts, ends, paragraphs, text, pos, match.end(), paragraph)
                pos = match.end()
            _add_trimmed(starts, ends, paragraphs, text, pos, block_end, paragraph)
    return starts, ends, paragraphs


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
    newline = text.find("\n", pos, end)
    while newline >= 0:
        following_end = text.find("\n", newline + 1, end)
        if not _continues(text[pos:newline].rstrip(), text[newline + 1 : following_end if following_end >= 0 else end]):
            yield block_start, newline
            block_start = newline + 1
        pos = newline + 1
        newline = following_end
    yield block_start, end


def _continues(line: str, following: str) -> bool:
    if len(line) < WRAP_MIN_LINE or not following.strip() or _BULLET.match(following):
        return False
    return line[-1:] not in ".!?:;”\"" or following.lstrip()[:1].islower()


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the word before the full stop at `dot` is an abbreviation (not a sentence end).

    Quick answers first: an abbreviation ends in an ASCII letter, and none is seven
    letters long, so most sentence ends are settled without the regular expression.
    """
    if text[dot - 1 : dot] not in _ASCII_LETTERS or (dot - 7 >= start and text[dot - 7 : dot].isalpha()):
        return False
    word = _LAST_WORD.search(text[max(start, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add_trimmed(starts, ends, paragraphs, text: str, start: int, end: int, paragraph: int) -> None:
    """Add text[start:end] without its surrounding white space, if it holds a letter or digit."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return
    start = first.start()
    while text[end - 1].isspace():
        end -= 1
    if text[start].isalnum() or _ALNUM.search(text, start, end):
        starts.append(start)
        ends.append(end)
        paragraphs.append(paragraph)
