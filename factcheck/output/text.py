"""Text: a summary a person reads on a terminal, conflicts first, each with its quotes."""
from __future__ import annotations

import textwrap

ORDER = ("conflict", "unparseable", "consistent", "single-source", "not-stated")
COLORS = {"conflict": "31", "unparseable": "35", "consistent": "32", "single-source": "36", "not-stated": "2",
          "error": "31", "warning": "33", "info": "36"}
QUOTE_WIDTH = 160


def render(records: dict, color: bool = False) -> str:
    paint = _painter(color)
    summary = records["summary"]
    lines = [f"factcheck {records['tool']['version']}: {summary['sources']} source(s), {summary['rules']} rule(s)"
             + (f", {summary['drafts']} draft(s)" if records["drafts"] else ""), ""]
    if not records["drafts"]:  # editors checking drafts want their findings, not the sources' survey
        for fact in sorted(records["facts"], key=lambda f: ORDER.index(f["outcome"])):
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
    """One line per finding, `path:line:col: severity rule message`, grouped by file,
    each followed by the words of the statements involved."""
    if not findings:
        return ["", "No findings."]
    lines = ["", f"Findings ({len(findings)}):"]
    by_path: dict[str, list[dict]] = {}
    for finding in findings:
        path = finding["location"]["path"] if finding["location"] else "-"
        by_path.setdefault(path, []).append(finding)
    for path, group in by_path.items():
        lines.append("")
        for finding in sorted(group, key=lambda f: (f["location"] or {}).get("line", 0)):
            lines.extend(_finding(finding, paint))
    return lines


def _finding(finding: dict, paint) -> list[str]:
    where = finding["location"]
    place = f"{where['path']}:{where['line']}:{where['column']}" if where else "-"
    severity = paint(finding["severity"], finding["severity"])
    suppressed = finding.get("suppressed")
    note = f" (suppressed: {suppressed.get('reason') or suppressed.get('status') or suppressed['by']})" if suppressed else ""
    lines = [f"{place}: {severity} {finding['rule']} {finding['message']}{note}"]
    for statement in finding["statements"]:
        lines.append(f"    {statement['source']}:{statement['line']}: \"{_quote(statement)}\"")
    return lines


def _summary(summary: dict) -> str:
    outcomes = ", ".join(f"{n} {o}" for o, n in summary["outcomes"].items() if n)
    severities = ", ".join(f"{n} {s}" for s, n in summary["findings"].items() if n) or "none"
    suppressed = f" ({summary['suppressed']} suppressed)" if summary.get("suppressed") else ""
    return f"\nsources: {outcomes}; findings: {severities}{suppressed}"


def _painter(color: bool):
    if not color:
        return lambda text, key: text
    return lambda text, key: f"\x1b[{COLORS.get(key, '0')}m{text}\x1b[0m"
