"""The whole check in one call: sources (+ drafts) + rules -> mentions -> facts -> report."""
from __future__ import annotations

from pathlib import Path

from . import __version__, readers
from .compare import compare, findings
from .drafts import apply_suppressions, check_drafts
from .extract import extract
from .model import Document, Report
from .rules import load_rules
from .sources import MAX_BYTES, decode, load_sources
from .suppressions import Directive, scan


def run_check(source_paths: list[str | Path], rule_paths: list[str | Path], draft_paths: list[str | Path] = (),
              max_bytes: int = MAX_BYTES) -> Report:
    """Check every source against every rule, and every draft against the sources.

    Broken rules raise; unreadable sources and drafts become problems. With drafts,
    the findings are the drafts' (the sources' own disagreements stay in the facts).
    """
    rules = load_rules(rule_paths)
    loaded = load_sources(source_paths, max_bytes=max_bytes)
    facts = compare(rules, extract(loaded.documents, rules))
    problems = [str(p) for p in loaded.problems]
    if not draft_paths:
        return Report(__version__, rules, tuple(d.source for d in loaded.documents), tuple(facts),
                      tuple(findings(facts)), tuple(problems))
    drafted = load_sources(list(draft_paths), role="draft", max_bytes=max_bytes)
    problems += [str(p) for p in drafted.problems]
    draft_mentions = extract(drafted.documents, rules)
    path_of = {d.source.id: d.source.path for d in drafted.documents}
    directives = [d for document in drafted.documents for d in _directives(document)]
    draft_findings, warnings = apply_suppressions(check_drafts(facts, draft_mentions), draft_mentions, directives, path_of)
    return Report(
        version=__version__, rules=rules, sources=tuple(d.source for d in loaded.documents), facts=tuple(facts),
        findings=tuple(draft_findings), problems=tuple(problems), drafts=tuple(d.source for d in drafted.documents),
        draft_statements=tuple(m for m in draft_mentions if m.value is not None), warnings=tuple(warnings),
    )


def _directives(document: Document) -> list[Directive]:
    """Suppression directives, read from the raw file where markup would hide them."""
    source = document.source
    if source.format in readers.BINARY_FORMATS:
        found = scan(document.text, source.path)
        return [Directive(d.path, document.locate(_offset_of_line(document.text, d.line))[0], d.rule, d.reason)
                for d in found]
    return scan(decode(Path(source.path).read_bytes(), source.path), source.path)


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
