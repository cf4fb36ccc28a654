"""Text for a terminal: every control character from the data shown, never obeyed.

A source's text, a quote or a file name may hold terminal escapes: an OSC sequence that
sets the window title or writes to the clipboard, a CSI sequence that moves the cursor or
clears the screen, a carriage return that overwrites the line, bidirectional overrides
that reorder what is shown. `escape` writes each such character as a visible escape
(`\\x1b`, `\\u202e`), so the words on screen are the words in the file; only line breaks
stay. The text format's own colours are marked by `Colors.color` and made real escapes by
`Colors.finish` as the data around them is escaped, so data can never pass for them.
"""
from __future__ import annotations

import re

# C0 but the line break, DEL, C1 (U+009B is CSI on some terminals), the bidirectional
# embeddings, overrides and isolates, line and paragraph separators, lone surrogates, and
# the two private-use characters colour marks are made of.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                      "\ud800-\udfff\ue0fe\ue0ff]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` with every control character written as a visible escape (line breaks kept)."""
    return _CONTROL.sub(_visible, text)


class Colors:
    """Colour marks for one rendering: `color` marks a piece of text, `finish` escapes every
    other character of the whole text and turns the marks into real escapes. A mark holds a
    number drawn afresh for each rendering, so no text from the data can pass for one."""

    def __init__(self) -> None:
        import secrets

        self._nonce = secrets.token_hex(8)
        self._marks = re.compile(f"\ue0fe{self._nonce}([0-9;]*)\ue0ff")

    def color(self, text: str, code: str) -> str:
        return f"\ue0fe{self._nonce}{code}\ue0ff{text}\ue0fe{self._nonce}0\ue0ff"

    def finish(self, text: str) -> str:
        parts = self._marks.split(text)  # data, code, data, code, …, data
        return "".join(escape(part) if i % 2 == 0 else f"\x1b[{part}m" for i, part in enumerate(parts))
