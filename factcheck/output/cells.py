"""Text from sources is data: make it safe for a spreadsheet cell, visibly.

A quote that starts with '=', '+', '-' or '@', or reads '#N/A', must stay literal
text: such cells are written as strings (never formulas or error values) and carry
Excel's quote prefix, so they stay text even when a reviewer edits them. Characters
XML 1.0 cannot hold become U+FFFD; text longer than a cell can hold is cut with a
marker saying so. A quote's value is highlighted with rich text.
"""
from __future__ import annotations

import re

CELL_LIMIT = 32767
CUT_MARKER = " … [cut: {n} more characters]"
FORMULA_START = ("=", "+", "-", "@")
ERROR_VALUES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"})
# XML 1.0 forbids these control characters and non-characters; lone surrogates cannot be encoded.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Replace characters XML cannot hold with U+FFFD (one for one, so offsets stay valid)."""
    return _ILLEGAL.sub("\ufffd", text)


def safe_text(text: str) -> str:
    text = clean(text)
    if len(text) > CELL_LIMIT:
        keep = CELL_LIMIT - len(CUT_MARKER.format(n=len(text)))
        text = text[:keep] + CUT_MARKER.format(n=len(text) - keep)
    return text


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read the text as a formula or an error value."""
    return text.startswith(FORMULA_START) or text.strip().upper() in ERROR_VALUES


def set_text(cell, value) -> None:
    """Put a value in an openpyxl cell; strings always as literal text."""
    if isinstance(value, str):
        text = safe_text(value)
        cell.value = text
        cell.data_type = "s"
        if looks_like_formula(text):
            cell.quotePrefix = True
    else:
        cell.value = value


def highlight_pieces(quote: str, span: dict | None) -> tuple[str, str, str] | None:
    """(before, value, after) of a quote made safe for a cell, or None when nothing to mark.

    The span is {"start", "end"} into the quote; a span cut off by the cell limit, empty
    or out of range marks nothing.
    """
    text = safe_text(quote)
    if not span:
        return None
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(quote):
        return None
    limit = len(text) if len(text) == len(quote) else CELL_LIMIT - len(CUT_MARKER.format(n=len(quote)))
    if end > limit:
        return None
    return text[:start], text[start:end], text[end:]


def rich_quote(quote: str, span: dict | None, font):
    """The quote as rich text with the value in `font` (an InlineFont), or plain safe text."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    pieces = highlight_pieces(quote, span)
    if pieces is None:
        return safe_text(quote)
    before, value, after = pieces
    return CellRichText([part for part in (before, TextBlock(font, value), after) if part != ""])
