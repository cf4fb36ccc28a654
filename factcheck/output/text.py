"""Text: a summary a person reads on a terminal, conflicts first, each with its quotes."""
from __future__ import annotations

import textwrap

ORDER = ("conflict", "unparseable", "consistent", "single-source", "not-stated")
COLORS = {"conflict": "31", "unparseable": "35", "consistent": "32", "single-source": "36", "not-stated": "2",
          "error": "31", "warning": "33", "info": "36"}
QUOTE_WIDTH = 160


def render(records: dict, color: bool = False) -> str:
    paint = _painter(color)
    lines = [f"factcheck {records['tool']['version']}: {records['summary']['sources']} source(s), "
             f"{records['summary']['rules']} rule(s)", ""]
    facts = sorted(records["facts"], key=lambda f: ORDER.index(f["outcome"]))
    for fact in facts:
        lines.extend(_fact(fact, paint))
    lines.extend(_findings(records["findings"], paint))
    lines.extend(f"problem: {p}" for p in records["problems"])
    lines.append(_summary(records["summary"]))
    return "\n".join(lines) + "\n"


def _fact(fact: dict, paint) -> list[str]:
    outcome = fact["outcome"]
    head = f"{paint(outcome.upper() if outcome == 'conflict' else outcome, outcome):<14} {fact['rule']}"
    if outcome in ("not-stated",):
        return [f"{head}  ({fact['question']})"]
    if outcome == "consistent":
        return [f"{head}  {fact['consensus']['text']}  ({', '.join(fact['consensus']['sources'])})"]
    lines = [f"{head}  [{fact['severity']}]  {fact['question']}"]
    for statement in fact["statements"] or fact["unread"]:
        where = f"{statement['source']}:{statement['line']}"
        value = statement["value_text"] or "(no value)"
        lines.append(f"    {where:<22} {value:<14} \"{_quote(statement)}\"")
    notes = []
    if fact["consensus"]:
        notes.append(f"consensus {fact['consensus']['text']} ({', '.join(fact['consensus']['sources'])})")
    if fact["expected"]:
        against = fact["against_expected"]
        notes.append(f"expected {fact['expected']}" + (f", contradicted by {', '.join(against)}" if against else ""))
    if fact["self_contradictions"]:
        notes.append(f"contradicts itself: {', '.join(fact['self_contradictions'])}")
    if notes:
        lines.append("    " + "; ".join(notes))
    return lines


def _quote(statement: dict) -> str:
    quote = " ".join(statement["quote"].split())
    return textwrap.shorten(quote, QUOTE_WIDTH, placeholder=" …")


def _findings(findings: list[dict], paint) -> list[str]:
    if not findings:
        return ["", "No findings."]
    lines = ["", f"Findings ({len(findings)}):"]
    for finding in findings:
        lines.append(f"  {paint(finding['severity'], finding['severity']):<8} {finding['type']:<21} {finding['message']}")
    return lines


def _summary(summary: dict) -> str:
    outcomes = ", ".join(f"{n} {o}" for o, n in summary["outcomes"].items() if n)
    severities = ", ".join(f"{n} {s}" for s, n in summary["findings"].items() if n) or "none"
    return f"\n{outcomes}; findings: {severities}"


def _painter(color: bool):
    if not color:
        return lambda text, key: text
    return lambda text, key: f"\x1b[{COLORS.get(key, '0')}m{text}\x1b[0m"
