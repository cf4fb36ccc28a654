"""Text from sources is data: make it safe for a spreadsheet cell, visibly.

A quote that starts with '=', '+', '-' or '@' (or their full-width forms), a tab or a
carriage return (OWASP counts both: a CSV export drops them and leaves the formula),
or reads '#N/A', must stay literal
text: such cells are written as strings (never formulas or error values) and carry
Excel's quote prefix, so they stay text even when a reviewer edits them. Characters
XML 1.0 cannot hold become U+FFFD; text longer than a cell can hold is cut with a
marker saying so. A quote's value is marked (`marked_quote`) and written as rich text.
"""
from __future__ import annotations

import re
from typing import NamedTuple

CELL_LIMIT = 32767
CUT_MARKER = " … [cut: {n} more characters]"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
ERROR_VALUES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"})
_FORMULA_FIRST = frozenset(FORMULA_START)
# XML 1.0 forbids these control characters and non-characters; lone surrogates cannot be encoded.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Replace characters XML cannot hold with U+FFFD (one for one, so offsets stay valid)."""
    return _ILLEGAL.sub("\ufffd", text)


def safe_text(text: str) -> str:
    text = clean(text)
    if len(text) > CELL_LIMIT:
        keep = _kept(len(text))
        text = text[:keep] + CUT_MARKER.format(n=len(text) - keep)
    return text


def _kept(length: int) -> int:
    """How much of a text of `length` characters fits in a cell beside the cut marker."""
    keep = CELL_LIMIT - len(CUT_MARKER.format(n=length))
    while keep + len(CUT_MARKER.format(n=length - keep - 1)) < CELL_LIMIT:  # the count shrank a digit
        keep += 1
    return keep


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read the text as a formula or an error value."""
    first = text[:1]
    return first in _FORMULA_FIRST or (first == "#" and text.strip().upper() in ERROR_VALUES)


class Quote(NamedTuple):
    """A quote made safe for a cell, cut in three around the value to highlight."""

    before: str
    value: str
    after: str

    def __str__(self) -> str:
        return self.before + self.value + self.after


def marked_quote(quote: str, span: dict | None) -> Quote | str:
    """The quote with its value marked (span {"start", "end"} into the quote), or plain safe
    text when there is nothing to mark: no span, an empty or out-of-range one, or one the
    cell limit cut off."""
    text = safe_text(quote)
    if not span:
        return text
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(quote):
        return text
    kept = len(quote) if len(quote) <= CELL_LIMIT else _kept(len(quote))
    if end > kept:
        return text
    return Quote(text[:start], text[start:end], text[end:])


def rich_text(quote: Quote, font):
    """A marked quote as openpyxl rich text, the value in `font` (an InlineFont)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    parts = [quote.before, TextBlock(font, quote.value), quote.after]
    return CellRichText([part for part in parts if not isinstance(part, str) or part])
