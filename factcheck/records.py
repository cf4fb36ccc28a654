"""The one serialisation boundary: a Report turned into plain records, once.

Every output format (text, json, the workbook) is built from these dicts, so the
formats cannot drift apart. The JSON format documented in docs/json-format.md is
exactly `report_records()` with FORMAT and VERSION on top.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from . import kinds
from .model import Fact, Finding, Mention, Report, Rule, Source, Value

FORMAT = "factcheck-report"
VERSION = 1


def report_records(report: Report) -> dict:
    paths = _Paths(s for s in report.sources + report.drafts)
    questions = {r.id: r.question for r in report.rules}
    facts = [fact_record(f, paths) for f in report.facts]
    return {
        "format": FORMAT,
        "version": VERSION,
        "tool": {"name": "factcheck", "version": report.version},
        "summary": summary_record(report),
        "sources": [source_record(s) for s in report.sources],
        "rules": [rule_record(r) for r in report.rules],
        "rule_files": [{"path": path, "sha256": sha256} for path, sha256 in report.rule_files],
        "facts": facts,
        "drafts": [source_record(s) for s in report.drafts],
        "draft_statements": [mention_record(m, paths) for m in report.draft_statements],
        "findings": [finding_record(f, paths, questions) for f in report.findings],
        "problems": list(report.problems),
        "warnings": list(report.warnings),
    }


def finding_record(finding: Finding, paths: dict[str, str], questions: dict[str, str]) -> dict:
    """A finding, located at its first statement (for a draft finding, the draft's)."""
    statements = [mention_record(m, paths) for m in finding.statements]
    first = statements[0] if statements else None
    return {
        "id": finding.id, "type": str(finding.type), "rule": finding.rule, "question": questions.get(finding.rule, ""),
        "severity": str(finding.severity), "sources": list(finding.sources), "message": finding.message,
        "location": None if first is None else {"path": first["path"], "line": first["line"], "column": first["column"]},
        "statements": statements,
        "suppressed": None if finding.suppressed is None else {"by": "inline", "reason": finding.suppressed},
    }


def summary_record(report: Report) -> dict:
    outcomes = Counter(str(f.outcome) for f in report.facts)
    severities = Counter(str(f.severity) for f in report.findings)
    return {
        "sources": len(report.sources),
        "rules": len(report.rules),
        "outcomes": {o: outcomes.get(o, 0) for o in ("conflict", "consistent", "single-source", "unparseable", "not-stated")},
        "findings": {s: severities.get(s, 0) for s in ("error", "warning", "info")},
        "problems": len(report.problems),
        "drafts": len(report.drafts),
        "suppressed": sum(1 for f in report.findings if f.suppressed),
    }


def source_record(source: Source) -> dict:
    return {
        "id": source.id, "path": source.path, "format": source.format, "role": source.role,
        "title": source.title, "publisher": source.publisher, "date": source.date, "url": source.url,
        "subject": list(source.subject), "sha256": source.sha256,
    }


def rule_record(rule: Rule) -> dict:
    kind = kinds.get(rule.kind)
    return {
        "id": rule.id, "question": rule.question, "kind": rule.kind, "severity": str(rule.severity),
        "subject": list(rule.subject), "cues": list(rule.cues),
        "require": list(rule.require), "exclude": list(rule.exclude),
        "tolerance": rule.tolerance_text, "unit": rule.unit,
        "expected": None if rule.expected is None else {
            "value": value_record(rule.expected.value), "text": kind.describe(rule.expected.value),
            "reference": rule.expected.reference,
        },
        "path": rule.path, "line": rule.line,
    }


def fact_record(fact: Fact, paths: dict[str, str] | None = None) -> dict:
    describe = kinds.get(fact.rule.kind).describe
    consensus = fact.consensus
    return {
        "rule": fact.rule.id,
        "question": fact.rule.question,
        "kind": fact.rule.kind,
        "outcome": str(fact.outcome),
        "severity": str(fact.rule.severity),
        "consensus": None if consensus is None else {
            "value": value_record(consensus.value), "text": describe(consensus.value), "sources": list(consensus.sources),
        },
        "expected": None if fact.rule.expected is None else describe(fact.rule.expected.value),
        "outliers": list(fact.outliers),
        "against_expected": list(fact.against_expected),
        "self_contradictions": list(fact.self_contradictions),
        "statements": [
            dict(mention_record(m, paths),
                 agrees_with_consensus=None if consensus is None else _agrees(m, consensus.value, fact))
            for m in fact.statements
        ],
        "unread": [mention_record(m, paths) for m in fact.unread],
    }


def _agrees(mention: Mention, value: Value, fact: Fact) -> bool:
    return mention.value.comparable_with(value) and mention.value.agrees_with(value, fact.rule.tolerance, fact.rule.relative_tolerance)


class _Paths(dict):
    """Source id -> path, and the records already made in this call: a statement in a
    finding is also one of its fact's, and a large report repeats the same values."""

    def __init__(self, sources):
        super().__init__((s.id, s.path) for s in sources)
        self.mentions: dict[int, tuple[Mention, dict]] = {}
        self.values: dict[Value, tuple[dict, str]] = {}


def mention_record(mention: Mention, paths: dict[str, str] | None = None) -> dict:
    if isinstance(paths, _Paths):
        made = paths.mentions.get(id(mention))
        if made is None:  # the mention is held by the report, so its id is not reused meanwhile
            made = paths.mentions[id(mention)] = (mention, _mention_record(mention, paths, paths.values))
        return made[1]
    return _mention_record(mention, paths or {}, {})


def _value(value: Value, values: dict[Value, tuple[dict, str]]) -> tuple[dict, str]:
    """The value's record and its text, made once per distinct value (a value's record is
    shared by the statements that state it: records are never changed once made)."""
    made = values.get(value)
    if made is None:
        made = values[value] = (value_record(value), kinds.get(value.kind).describe(value))
    return made


def _mention_record(mention: Mention, paths: dict[str, str], values: dict[Value, tuple[dict, str]]) -> dict:
    chosen = mention.chosen
    value, text = (None, None) if chosen is None else _value(chosen.value, values)
    return {
        "rule": mention.rule,
        "source": mention.source,
        "path": paths.get(mention.source, mention.source),
        "line": mention.line,
        "column": mention.column,
        "end_line": mention.end_line or None,
        "end_column": mention.end_column or None,
        "quote": mention.sentence.text,
        "span": None if chosen is None else {"start": chosen.span.start, "end": chosen.span.end},
        "value": value,
        "value_text": text,
        "value_shown": None if chosen is None else shown(chosen.value.raw, text),
        "score": None if chosen is None else chosen.score,
        "subject": mention.subject,
        "cues": list(mention.cues),
        "why": mention.why,
        "candidates": [
            {"raw": c.value.raw, "span": {"start": c.span.start, "end": c.span.end}, "score": c.score,
             "chosen": c.chosen, "reasons": list(c.reasons)}
            for c in mention.candidates
        ],
    }


def shown(words: str, normalized: str) -> str:
    """The source's own words, with the normalized value beside them when it says more:
    "about 50% (45–55%)", "the early 1970s (1970–1973)", "2019"."""
    words = " ".join(words.split())
    squeeze = lambda text: "".join(ch for ch in text.lower() if ch.isalnum())  # noqa: E731
    if squeeze(normalized) in squeeze(words):
        return words
    return f"{words} ({normalized})"


def value_record(value: Value) -> dict:
    return {
        "raw": value.raw, "low": _bound(value, value.low), "high": _bound(value, value.high),
        "unit": value.unit, "qualifier": value.qualifier, "granularity": value.granularity,
    }


def _bound(value: Value, bound: float | None):
    """Numbers as they are; calendar ordinals as ISO dates; None (unbounded) stays None."""
    if bound is None:
        return None
    if value.unit == "date":
        return date.fromordinal(int(bound)).isoformat()
    return int(bound) if float(bound).is_integer() else bound
