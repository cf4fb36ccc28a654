"""Check drafts against the sources: each draft statement against the consensus.

A draft statement is a finding when it contradicts
- the consensus of the sources (or, where the sources have none, every source
  statement): `draft-contradicts-sources`, with the sources that say otherwise;
- the rule's expected value: `draft-contradicts-expected`;
and `unverified`, one severity level lower, when no source states the fact and the
rule has no expected value to check it against. Drafts are never compared with
each other: each is checked against the trusted sources alone.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from . import kinds
from .model import Fact, Finding, FindingType, Mention, Severity
from .suppressions import Directive


def check_drafts(facts: Iterable[Fact], draft_mentions: Iterable[Mention]) -> list[Finding]:
    by_rule = {f.rule.id: f for f in facts}
    findings: list[Finding] = []
    for mention in draft_mentions:
        if mention.value is not None and mention.rule in by_rule:
            findings.extend(_judge(by_rule[mention.rule], mention))
    return _numbered(findings)


def _numbered(findings: list[Finding]) -> list[Finding]:
    """A draft that says the same thing twice gets two findings: number the repeats so
    every id stays unique (and stable: the nth occurrence keeps its number)."""
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        count = seen[finding.id] = seen.get(finding.id, 0) + 1
        if count > 1:
            finding = replace(finding, id=hashlib.sha1(f"{finding.id}|{count}".encode()).hexdigest()[:12])
        result.append(finding)
    return result


def _judge(fact: Fact, draft: Mention) -> list[Finding]:
    rule, value = fact.rule, draft.value
    describe = kinds.get(rule.kind).describe
    agree = lambda other: value.comparable_with(other) and value.agrees_with(other, rule.tolerance, rule.relative_tolerance)  # noqa: E731
    found = []
    comparable = [m for m in fact.statements if m.value.comparable_with(value)]
    if fact.consensus and value.comparable_with(fact.consensus.value):
        if not agree(fact.consensus.value):
            backers = [m for m in comparable if m.source in fact.consensus.sources]
            found.append(_finding(FindingType.DRAFT_CONTRADICTS_SOURCES, fact, draft, backers,
                                  f"draft says {describe(value)}; the sources agree on "
                                  f"{describe(fact.consensus.value)} ({', '.join(fact.consensus.sources)})"))
    elif comparable and not any(agree(m.value) for m in comparable):
        said = "; ".join(f"{m.source}: {describe(m.value)}" for m in comparable)
        found.append(_finding(FindingType.DRAFT_CONTRADICTS_SOURCES, fact, draft, comparable,
                              f"draft says {describe(value)}; no source agrees ({said})"))
    expected = rule.expected
    if expected and value.comparable_with(expected.value) and not agree(expected.value):
        reference = f" ({expected.reference})" if expected.reference else ""
        found.append(_finding(FindingType.DRAFT_CONTRADICTS_EXPECTED, fact, draft, [],
                              f"draft says {describe(value)}; expected {describe(expected.value)}{reference}"))
    if not comparable and not expected:
        found.append(_finding(FindingType.UNVERIFIED, fact, draft, [],
                              f"draft says {describe(value)}; no source states this fact",
                              severity=Severity(max(Severity.INFO, rule.severity - 1))))
    return found


def _finding(kind, fact, draft, others, message, severity=None) -> Finding:
    # Keyed on what is said, not where: moving a paragraph keeps the id.
    key = "|".join([kind.value, fact.rule.id, draft.source, " ".join(draft.value.raw.lower().split())])
    return Finding(
        id=hashlib.sha1(key.encode()).hexdigest()[:12], type=kind, rule=fact.rule.id,
        severity=severity or fact.rule.severity,
        sources=tuple(dict.fromkeys([draft.source] + [m.source for m in others])),
        message=message, statements=(draft, *others),
    )


def apply_suppressions(findings: list[Finding], draft_mentions: list[Mention],
                       directives: list[Directive], path_of: dict[str, str]) -> tuple[list[Finding], list[str]]:
    """Silence the finding on the statement after each directive; warn about unused ones."""
    findings = list(findings)
    warnings = []
    for directive in directives:
        target = _next_statement(directive, draft_mentions, path_of)
        hits = [i for i, f in enumerate(findings)
                if target is not None and f.statements and f.statements[0] is target and not f.suppressed]
        if not hits:
            what = f"rule '{directive.rule}'" if directive.rule not in (None, "*") else "any rule"
            warnings.append(f"{directive.path}:{directive.line}: factcheck-ignore for {what} silences nothing "
                            "(no finding on the next statement); remove it")
            continue
        for i in hits:  # every finding on that one statement: it is one decision
            findings[i] = replace(findings[i], suppressed=directive.reason or "suppressed inline")
    return findings, warnings


def _next_statement(directive: Directive, mentions: list[Mention], path_of: dict[str, str]) -> Mention | None:
    candidates = [m for m in mentions if path_of.get(m.source) == directive.path and m.value is not None
                  and directive.covers(m.rule) and m.line >= directive.line]
    return min(candidates, key=lambda m: (m.line, m.column), default=None)
