"""The shape every reader returns."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Readable:
    text: str
    anchors: tuple[tuple[int, int, int], ...]


class TextBuilder:
    """Collects text runs with the file position each run came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._anchors: list[tuple[int, int, int]] = []
        self._length = 0

    def add(self, run: str, line: int, column: int) -> None:
        """Append `run`, copied unchanged from the file at line:column (1-based)."""
        if not run:
            return
        self._anchors.append((self._length, line, column))
        self._parts.append(run)
        self._length += len(run)

    def add_break(self, separator: str = "\n") -> None:
        """Append layout text that has no place in the file (a paragraph break)."""
        if self._parts and not "".join(self._parts[-2:]).endswith(separator):
            self._parts.append(separator)
            self._length += len(separator)

    def at_break(self) -> bool:
        """Whether the text so far is empty or ends with a line break."""
        return not self._parts or self._parts[-1].endswith("\n")

    def build(self) -> Readable:
        return Readable("".join(self._parts), tuple(self._anchors))
