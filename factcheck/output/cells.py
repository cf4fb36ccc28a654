"""Text from sources is data: make it safe for a spreadsheet cell, visibly.

A quote that starts with '=', '+', '-' or '@', or reads '#N/A', must stay literal
text (the writer marks such cells as strings, never formulas or errors); characters
XML 1.0 cannot hold become U+FFFD; text longer than a cell can hold is cut with a
marker saying so.
"""
from __future__ import annotations

import re

CELL_LIMIT = 32767
CUT_MARKER = " … [cut: {n} more characters]"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_text(text: str) -> str:
    text = _ILLEGAL.sub("\ufffd", text)
    if len(text) > CELL_LIMIT:
        keep = CELL_LIMIT - len(CUT_MARKER.format(n=len(text)))
        text = text[:keep] + CUT_MARKER.format(n=len(text) - keep)
    return text


def set_text(cell, value) -> None:
    """Put a value in an openpyxl cell; strings always as literal text."""
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
