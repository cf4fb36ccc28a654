"""Plain text: read as it is; one anchor per line."""
from __future__ import annotations

from .base import Readable


def read(content: str) -> Readable:
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    anchors = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        anchors.append((offset, number, 1))
        offset += len(line) + 1
    return Readable(text, tuple(anchors))
