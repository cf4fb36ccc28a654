"""Readers turn a file's decoded content into readable text plus position anchors.

Every reader returns `Readable(text, anchors)`: the text a person would read (markup
removed) and (text offset, line, column) anchors so each sentence and value maps back
to its line and column in the original file. Registry: `get(format)`, `format_for(path)`.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import SourceError
from . import html, markdown, plain
from .base import Readable

BINARY_FORMATS = {"docx"}  # read from bytes by read_binary(), not decoded as UTF-8

READERS: dict[str, Callable[[str], Readable]] = {
    "text": plain.read,
    "markdown": markdown.read,
    "html": html.read,
}
EXTENSIONS = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}


def read_binary(name: str, data: bytes) -> Readable:
    """Formats stored as binary containers (Word)."""
    from . import docx

    return docx.read_bytes(data)


def format_for(path: str | Path) -> str | None:
    """The reader format for a file name, or None when factcheck cannot read it."""
    return EXTENSIONS.get(suffix(os.path.basename(path)).lower())


def suffix(name: str) -> str:
    """A file name's extension, as pathlib's PurePath.suffix gives it (without making a path:
    a corpus has thousands of names)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def get(name: str) -> Callable[[str], Readable]:
    try:
        return READERS[name]
    except KeyError:
        raise SourceError(f"unknown source format '{name}' (known: {', '.join(READERS)})") from None


__all__ = ["Readable", "format_for", "get", "read_binary", "READERS", "EXTENSIONS", "BINARY_FORMATS"]
