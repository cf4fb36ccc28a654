"""Inline suppressions in drafts: silence one finding on the next statement.

    <!-- factcheck-ignore response-rate: figure from our own 2024 trial -->   (Markdown, HTML)
    [//]: # (factcheck-ignore response-rate: figure from our own 2024 trial)   (Markdown)
    factcheck-ignore response-rate: figure from our own 2024 trial           (plain text, Word)

The rule id may be left out (or be `*`) to silence a finding of any rule. The
directive applies to the first statement at or after its line; a directive that
silences nothing is reported as a warning so stale ones get cleaned up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"factcheck-ignore(?:[ \t]+(?P<rule>[A-Za-z0-9*][A-Za-z0-9_.*-]*))?(?:[ \t]*:[ \t]*(?P<reason>.*?))?"
    r"[ \t]*(?:-->|\)[ \t]*$|$)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Directive:
    path: str
    line: int
    rule: str | None  # None: any rule
    reason: str

    def covers(self, rule: str) -> bool:
        return self.rule in (None, "*", rule)


def scan(text: str, path: str, first_line: int = 1) -> list[Directive]:
    """Every directive in a draft's raw text, with its 1-based line."""
    found = []
    for match in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, match.start()) + first_line
        found.append(Directive(path, line, match.group("rule"), (match.group("reason") or "").strip()))
    return found


def directives_of(document) -> list[Directive]:
    """A draft's directives, read from the raw file where markup would hide them
    (Word files have no raw text: their paragraphs are read, numbered as lines)."""
    from pathlib import Path

    from . import readers
    from .sources import decode

    source = document.source
    if source.format in readers.BINARY_FORMATS:
        return [Directive(d.path, document.locate(_offset_of_line(document.text, d.line))[0], d.rule, d.reason)
                for d in scan(document.text, source.path)]
    return scan(decode(Path(source.path).read_bytes(), source.path), source.path)


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
