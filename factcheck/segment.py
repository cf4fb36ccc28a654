"""Split readable text into sentences with character offsets.

Scraped pages and drafts differ: in scraped text every line is a paragraph, a
heading, a bullet or a table row; in a hard-wrapped draft (or a page of captions,
one short line each) a sentence runs across lines. A line break ends a sentence
unless the next line continues it: it starts in lower case, or the line before ends on a
word no sentence ends with ("for", "the", "and", a comma). A line that ends without
punctuation before a capital is a heading, a list item or a caption of its own. A bullet or a table row (cells split by `|` or a tab) never
continues a line; a date alone on a line ("1996", "March 1998:", a timeline's heading)
is joined to the entry under it. Within a line, a sentence ends at ., ! or ? followed
by a capital (after a space, or straight after "?" as in "What Causes
Depression?Depression is ..."), except after known abbreviations.

Splitting finds only the offsets; a `Sentence` (with its text, line and column) is
made when something asks for it, since most sentences of a long corpus are never
looked at again once their words are indexed.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, overload

from .model import Sentence

ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st vs e.g i.e u.s u.k etc al fig no approx inc ltd co jr sr "
    "jan feb mar apr jun jul aug sep sept oct nov dec ca c mt rs lbs".split()
)
# A run of . ! ? is taken whole, once (the look-behind and possessive quantifiers): tried
# from each of its characters, 30,000 full stops cost 48 s.
_END = re.compile(r"""(?<![.!?])[.!?]++["'”’)\]]*+(?:\(\d{1,3}\)|\[\d{1,3}\])?(?=\s+["'“‘(\[]?[A-Z0-9•]|[A-Z][a-z])""")
_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_BULLET = re.compile(r"\s*(?:[•\-*–·]|\d+[.)])\s")
_LAST_WORD = re.compile(r"(?<![\w.])([A-Za-z][A-Za-z.]*)$")
_ABBREVIATION_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")  # what one ends with
_ALNUM = re.compile(r"[^\W_]")  # the characters str.isalnum accepts
_ROW = re.compile(r"\t|\S\s*\|\s*\S|^\s*\|")  # a table row: cells split by a tab or a bar
_DATE_LINE = re.compile(
    r"\s*(?:(?:early|mid|late|spring|summer|autumn|fall|winter)[\s-]+)?(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?"
    r"(?:1[5-9]\d\d|20\d\d)(?:s|\s*[-–—]\s*(?:1[5-9]\d\d|20\d\d|\d\d))?"
    r"(?:,?\s*\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?\s*[:–—.-]?\s*")  # "April 26, 1986, 1:23:58 a.m."
_OPEN_END = re.compile(
    r"(?:[,(]|(?<![\w-])(?:for|the|a|an|and|or|of|in|on|at|to|by|with|from|as|than|that|which|who|its|their|his|her"
    r"|is|are|was|were|be|been|has|have|had|not|into|about|after|before|since|until|over|under|between|per|nor))$",
    re.IGNORECASE)

class Sentences(Sequence[Sentence]):
    """The sentences of one text: offsets kept as plain lists, `Sentence`s made on demand."""

    __slots__ = ("text", "starts", "ends", "paragraphs", "blocks", "_locate", "_made")

    def __init__(self, text: str, spans: tuple[list[int], list[int], list[int], list[int]],
                 locate: Callable[[int], tuple[int, int]]):
        self.text = text
        self.starts, self.ends, self.paragraphs, self.blocks = spans
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
            sentence = Sentence(index, start, end, self.text[start:end], line, column, self.paragraphs[index],
                                self.blocks[index])
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


class Marks(NamedTuple):
    """Where the words that matter are (sorted text offsets), for splitting only the
    paragraphs that can hold a statement: those with a marked word, and the `reach`
    paragraphs holding a sentence that follow each one with a subject's word."""

    words: list[int]
    subjects: list[int]
    reach: int


def split_sentences(text: str, locate: Callable[[int], tuple[int, int]], marks: Marks | None = None) -> Sentences:
    """The sentences of `text`, each with its line and column from `locate`: all of them,
    or with `marks`, those of the paragraphs that can hold a statement (see sentence_spans)."""
    return Sentences(text, sentence_spans(text, marks), locate)


def sentence_spans(text: str, marks: Marks | None = None) -> tuple[list[int], list[int], list[int], list[int]]:
    """The start, end, paragraph number and block (the offset where its run of joined
    lines starts: a heading, a list item, a table row, a paragraph) of every sentence, in
    order (as four lists: a long corpus has millions of sentences, most never looked at
    again).

    With `marks`, a paragraph no statement can be in is left out. Sentence numbers then
    still tell how far a statement is from the subject named before it, as far as any
    subject window reaches: the `reach` paragraphs with a sentence after a subject's are
    always split, so a paragraph left out is at least `reach` sentences past any subject.

    The hot loop of reading a corpus, so the helpers are inlined: each sentence costs a
    few string operations, not a few function calls.
    """
    starts: list[int] = []
    ends: list[int] = []
    paragraphs: list[int] = []
    block_of: list[int] = []
    letters, find_end, alnum = _ABBREVIATION_END, _END.finditer, _ALNUM.search
    if marks is not None:
        words, subjects, reach = iter(marks.words), iter(marks.subjects), marks.reach
        marked, subject = next(words, len(text)), next(subjects, len(text))  # the next of each
        following = 0  # paragraphs with a sentence still to split after a subject's word
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        if marks is not None:
            named = subject < end
            while subject < end:
                subject = next(subjects, len(text))
            if marked >= end and not named and not following:
                continue
            while marked < end:
                marked = next(words, len(text))
            before = len(starts)
        blocks = [(start, end)] if text.find("\n", start, end) < 0 else _blocks(text, start, end)
        for block_start, block_end in blocks:
            pos = block_start
            for match in find_end(text, block_start, block_end):
                dot = match.start()
                # an abbreviation ends in an ASCII letter before a full stop (quick tests first)
                if text[dot] == "." and text[dot - 1 : dot] in letters:
                    space = text.rfind(" ", max(pos, dot - 16), dot)  # an abbreviation is short
                    word = text[space + 1 : dot] if space >= 0 else ""
                    if word.isalpha():  # the common case, a word after a space: it is the whole token
                        # (one with a letter past ASCII, or of seven letters, is not an abbreviation)
                        if len(word) <= 6 and word.isascii() and (len(word) == 1 or word.lower() in ABBREVIATIONS):
                            continue
                    elif _is_abbreviation(text, pos, dot):
                        continue
                stop = match.end()
                while pos < stop and text[pos].isspace():
                    pos += 1
                if pos < stop and (text[pos].isalnum() or alnum(text, pos, stop)):
                    starts.append(pos)
                    ends.append(stop)  # a match ends with punctuation: nothing to trim
                    paragraphs.append(paragraph)
                    block_of.append(block_start)
                pos = stop
            while pos < block_end and text[pos].isspace():
                pos += 1
            if pos < block_end:
                last = block_end
                while text[last - 1].isspace():
                    last -= 1
                if text[pos].isalnum() or alnum(text, pos, last):
                    starts.append(pos)
                    ends.append(last)
                    paragraphs.append(paragraph)
                    block_of.append(block_start)
        if marks is not None:
            if named:
                following = reach
            elif following and len(starts) > before:
                following -= 1
    return starts, ends, paragraphs, block_of


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
    """Whether the next line goes on with the sentence of this one (see the module docstring)."""
    if not line or not following.strip() or _BULLET.match(following) or _ROW.search(following) or _ROW.search(line):
        return False
    if following.lstrip()[:1].islower() or _DATE_LINE.fullmatch(line):
        return True
    if line[-1:] in ".!?”\"":
        return False
    return bool(_OPEN_END.search(line)) or bool(_DATE_LINE.fullmatch(line))


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the word before the full stop at `dot` is an abbreviation (not a sentence end).

    Quick answers first: an abbreviation ends in an ASCII letter, and none is seven
    letters long, so most sentence ends are settled without the regular expression.
    """
    if text[dot - 1 : dot] not in _ABBREVIATION_END or (dot - 7 >= start and text[dot - 7 : dot].isalpha()):
        return False
    word = _LAST_WORD.search(text[max(start, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())
