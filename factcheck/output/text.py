"""Text: a summary a person reads on a terminal, conflicts first, each with its quotes."""
from __future__ import annotations

import textwrap

from . import terminal

ORDER = ("conflict", "unparseable", "consistent", "single-source", "not-stated")
COLORS = {"conflict": "31", "unparseable": "35", "consistent": "32", "single-source": "36", "not-stated": "2",
          "error": "31", "warning": "33", "info": "36"}
QUOTE_WIDTH = 160
MAX_STATEMENTS = 20  # per fact or finding; the workbook and the JSON output hold every one
MAX_NAMES = 12  # sources named in one line


def render(records: dict, color: bool = False) -> str:
    colors = terminal.Colors()
    paint = _painter(color, colors)
    summary = records["summary"]
    lines = [f"factcheck {records['tool']['version']}: {summary['sources']} source(s), {summary['rules']} rule(s)"
             + (f", {summary['drafts']} draft(s)" if records["drafts"] else ""), ""]
    if not records["drafts"]:  # editors checking drafts want their findings, not the sources' survey
        for fact in sorted(records["facts"], key=lambda f: ORDER.index(f["outcome"])):
            lines.extend(_fact(fact, paint))
    lines.extend(_findings(records["findings"], paint))
    lines.extend(f"problem: {p}" for p in records["problems"])
    lines.append(_summary(records["summary"]))
    return colors.finish("\n".join(lines) + "\n")  # the sources' control characters shown, not obeyed


def _fact(fact: dict, paint) -> list[str]:
    outcome = fact["outcome"]
    head = f"{paint(outcome.upper() if outcome == 'conflict' else outcome, outcome):<14} {fact['rule']}"
    if outcome in ("not-stated",):
        return [f"{head}  ({fact['question']})"]
    if outcome == "consistent":
        return [f"{head}  {fact['consensus']['text']}  ({_names(fact['consensus']['sources'])})"]
    lines = [f"{head}  [{fact['severity']}]  {fact['question']}"]
    statements = fact["statements"] or fact["unread"]
    for statement in statements[:MAX_STATEMENTS]:
        where = f"{statement['source']}:{statement['line']}"
        value = statement.get("value_shown") or "(no value)"
        lines.append(f"    {where:<22} {value:<14} \"{_quote(statement)}\"")
    lines.extend(_more(len(statements)))
    notes = []
    if fact["consensus"]:
        notes.append(f"consensus {fact['consensus']['text']} ({_names(fact['consensus']['sources'])})")
    if fact["expected"]:
        against = fact["against_expected"]
        notes.append(f"expected {fact['expected']}" + (f", contradicted by {_names(against)}" if against else ""))
    if fact["self_contradictions"]:
        notes.append(f"contradicts itself: {_names(fact['self_contradictions'])}")
    if notes:
        lines.append("    " + "; ".join(notes))
    return lines


def _names(sources: list[str]) -> str:
    shown = ", ".join(sources[:MAX_NAMES])
    return shown if len(sources) <= MAX_NAMES else f"{shown} and {len(sources) - MAX_NAMES:,} more"


def _more(count: int) -> list[str]:
    if count <= MAX_STATEMENTS:
        return []
    return [f"    … and {count - MAX_STATEMENTS:,} more statement(s): the workbook and --format json list them all"]


def _quote(statement: dict) -> str:
    quote = " ".join(statement["quote"].split())
    if len(quote) <= QUOTE_WIDTH:  # most sentences: textwrap is slow, and would return it unchanged
        return quote
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
    for statement in finding["statements"][:MAX_STATEMENTS]:
        lines.append(f"    {statement['source']}:{statement['line']}: \"{_quote(statement)}\"")
    return lines + _more(len(finding["statements"]))


def _summary(summary: dict) -> str:
    outcomes = ", ".join(f"{n} {o}" for o, n in summary["outcomes"].items() if n)
    severities = ", ".join(f"{n} {s}" for s, n in summary["findings"].items() if n) or "none"
    suppressed = f" ({summary['suppressed']} suppressed)" if summary.get("suppressed") else ""
    return f"\nsources: {outcomes}; findings: {severities}{suppressed}"


def _painter(color: bool, colors: terminal.Colors):
    if not color:
        return lambda text, key: text
    return lambda text, key: colors.color(text, COLORS.get(key, "0"))
