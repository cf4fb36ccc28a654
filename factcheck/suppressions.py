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
