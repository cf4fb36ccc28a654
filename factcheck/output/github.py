"""GitHub Actions: a workflow command per unsuppressed finding, and a job summary.

`render()` returns one `::error file=PATH,line=L,col=C,title=RULE::MESSAGE` line per
unsuppressed finding (`::warning` / `::notice` for warning / info), which GitHub
shows as annotations on the files, plus an `::error` per unreadable input and a
`::warning` per warning of the run. GitHub shows only the first few annotations of
a step, so when the environment variable GITHUB_STEP_SUMMARY names a file, render()
also appends `summary_markdown(records)` to it: a table of every finding, with the
suppressed ones and the problems listed separately. `summary_markdown` is pure.
"""
from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path, PurePath

from ..errors import ReportError

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
QUOTE_WIDTH = 160
MAX_ROWS = 500  # keeps the summary well under GitHub's 1 MiB limit per step


def render(records: dict, color: bool = False) -> str:
    """Workflow commands; appends the job summary when GITHUB_STEP_SUMMARY is set."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        append_summary(records, summary_file)
    lines = workflow_commands(records, os.environ.get("GITHUB_WORKSPACE"))
    return "".join(line + "\n" for line in lines)


def workflow_commands(records: dict, workspace: str | None = None) -> list[str]:
    lines = [_annotation(f, workspace) for f in records["findings"] if not f.get("suppressed")]
    lines += [command("error", str(p), title="factcheck: unreadable input") for p in records["problems"]]
    lines += [command("warning", str(w), title="factcheck") for w in records.get("warnings", [])]
    return lines


def _annotation(finding: dict, workspace: str | None) -> str:
    location = finding.get("location") or {}
    properties = {"file": repo_path(location["path"], workspace) if location else None,
                  "line": location.get("line"), "col": location.get("column"), "title": finding["rule"]}
    lines = [finding["message"]] + [_statement(s) for s in finding["statements"]]
    return command(COMMANDS[finding["severity"]], "\n".join(lines), **properties)


def _statement(statement: dict) -> str:
    value = f" {statement['value_shown']}" if statement.get("value_shown") else ""
    return (f"{statement['source']} ({statement['path']}:{statement['line']}){value}: "
            f"\"{_shorten(statement['quote'])}\"")


def command(name: str, message: str, **properties) -> str:
    """`::name key=value,...::message`, escaped as the Actions runner expects."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repo_path(path: str, workspace: str | None) -> str:
    """The path as GitHub wants it: relative to the workspace, forward slashes."""
    pure = PurePath(path)
    if pure.is_absolute():
        for root in filter(None, (workspace, os.getcwd())):
            try:
                return Path(pure).resolve().relative_to(Path(root).resolve()).as_posix()
            except (ValueError, OSError):
                continue
    return pure.as_posix()


# The job summary -------------------------------------------------------------------

def append_summary(records: dict, path: str | Path) -> None:
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(summary_markdown(records))
    except OSError as error:
        raise ReportError(f"cannot append the job summary: {error.strerror or error}", path=str(path)) from None


def summary_markdown(records: dict) -> str:
    """A Markdown summary of the run: counts, every finding, suppressed ones, problems."""
    active = [f for f in records["findings"] if not f.get("suppressed")]
    suppressed = [f for f in records["findings"] if f.get("suppressed")]
    expected = {r["id"]: r["expected"] for r in records["rules"] if r.get("expected")}
    parts = [f"## factcheck: {_count_findings(active)}", "", _checked(records), ""]
    if active:
        parts += _findings_table(active, expected)
    if suppressed:
        parts += [f"### Suppressed ({len(suppressed)})", "", "| Where | Rule | Finding | Suppressed by | Reason |",
                  "| --- | --- | --- | --- | --- |"]
        parts += [_row(_where(f), f["rule"], f["message"], f["suppressed"].get("by", ""),
                       f["suppressed"].get("reason") or "") for f in suppressed[:MAX_ROWS]]
        parts += _more(suppressed)
    for title, items in (("Problems", records["problems"]), ("Warnings", records.get("warnings", []))):
        if items:
            parts += [f"### {title} ({len(items)})", ""] + [f"- {_cell(str(i))}" for i in items] + [""]
    return "\n".join(parts) + "\n"


def _count_findings(findings: list[dict]) -> str:
    if not findings:
        return "no findings"
    counts = [(s, sum(1 for f in findings if f["severity"] == s)) for s in COMMANDS]
    detail = ", ".join(f"{n} {s}{'s' if n > 1 else ''}" for s, n in counts if n)
    return f"{len(findings)} finding{'s' if len(findings) > 1 else ''} ({detail})"


def _checked(records: dict) -> str:
    summary = records["summary"]
    drafts = len(records.get("drafts", []))
    checked = f"{summary['sources']} source(s)" + (f" and {drafts} draft(s)" if drafts else "")
    outcomes = ", ".join(f"{n} {o}" for o, n in summary["outcomes"].items() if n) or "no facts"
    return f"Checked {checked} against {summary['rules']} rule(s): {outcomes}."


def _findings_table(findings: list[dict], expected: dict[str, dict]) -> list[str]:
    rows = ["| Where | Severity | Rule | Finding | Says otherwise |", "| --- | --- | --- | --- | --- |"]
    for finding in findings[:MAX_ROWS]:
        others = [_said(s) for s in finding["statements"][1:]]
        if finding["type"].endswith("expected") and finding["rule"] in expected:
            rule_expected = expected[finding["rule"]]
            reference = f" ({rule_expected['reference']})" if rule_expected.get("reference") else ""
            others.append(_cell(f"the rule expects {rule_expected['text']}{reference}"))
        rows.append(_row(_where(finding), finding["severity"], finding["rule"],
                         raw=[_quoted(finding), "<br>".join(others) or "—"]))
    return rows + _more(findings)


def _said(statement: dict) -> str:
    value = f" {_cell(statement['value_shown'])}" if statement.get("value_shown") else ""
    return (f"**{_cell(statement['source'])}**{value}: “{_cell(_shorten(statement['quote']))}” "
            f"({_cell(statement['path'])}:{statement['line']})")


def _quoted(finding: dict) -> str:
    """The finding's message, and the words of the statement it is located at."""
    first = finding["statements"][0] if finding["statements"] else None
    quote = f"<br>“{_cell(_shorten(first['quote']))}”" if first else ""
    return _cell(finding["message"]) + quote


def _where(finding: dict) -> str:
    location = finding.get("location")
    return f"{location['path']}:{location['line']}" if location else ""


def _row(*cells: str, raw: tuple[str, ...] | list[str] = ()) -> str:
    """A table row of plain-text cells (escaped here), then cells already in Markdown."""
    return "| " + " | ".join([_cell(str(c)) for c in cells] + list(raw)) + " |"


def _more(items: list) -> list[str]:
    extra = len(items) - MAX_ROWS
    return ["", f"… and {extra} more: see the SARIF or JSON report.", ""] if extra > 0 else [""]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def _cell(text: str) -> str:
    """Plain text made safe for one Markdown table cell: one line, markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _shorten(quote: str) -> str:
    return textwrap.shorten(" ".join(quote.split()), QUOTE_WIDTH, placeholder=" …")
