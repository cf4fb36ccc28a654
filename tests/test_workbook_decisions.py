"""Reviewers' decisions survive the next run: matched by finding id, whatever they did to the sheet."""
from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from factcheck.check import run_check
from factcheck.cli import main
from factcheck.errors import ReportError
from factcheck.records import report_records
from factcheck.review import ReviewOptions, review

RULES = """
rules:
  - id: bridge-opening
    question: When did the Tallis Bridge open?
    subject: [Tallis Bridge]
    cues: [opened]
    kind: year
    severity: error
  - id: bridge-closing
    question: When did the Tallis Bridge close?
    subject: [Tallis Bridge]
    cues: [closed]
    kind: year
    severity: warning
"""
SOURCES = {
    "src/a.txt": "The Tallis Bridge opened in 1884. The Tallis Bridge closed in 1990.",
    "src/b.txt": "The Tallis Bridge opened in 1890. The Tallis Bridge closed in 1991.",
}
DECISIONS = {  # fact -> what a reviewer typed
    "bridge-opening": {"Status": "Accepted difference", "Reviewer": "ana", "Note": "b counts the royal opening",
                       "Date": datetime(2025, 5, 2), "Expires": "2026-01-31"},
    "bridge-closing": {"Status": "confirmed ERROR", "Reviewer": "ben", "Note": "a is wrong", "Date": "last Tuesday"},
}
CARRIED = {
    "bridge-opening": {"status": "Accepted difference", "reviewer": "ana", "note": "b counts the royal opening",
                       "date": "2025-05-02", "expires": "2026-01-31"},
    "bridge-closing": {"status": "Confirmed error", "reviewer": "ben", "note": "a is wrong", "date": "last Tuesday",
                       "expires": None},
}


@pytest.fixture
def project(workspace):
    folder = workspace({"rules/r.yaml": RULES, **SOURCES})
    return folder


def run(folder: Path, **options) -> tuple[dict, tuple[str, ...]]:
    """One check and review of the workspace, like the CLI does; returns records and messages."""
    records = report_records(run_check([folder / "src"], [folder / "rules"]))
    options.setdefault("report", folder / "report.xlsx")
    result = review(records, ReviewOptions(generated=date(2025, 6, 1), **options))
    return records, result.messages


def columns(sheet, header_row: int = 1) -> dict[str, int]:
    return {str(c.value): c.column for c in sheet[header_row] if c.value is not None}


def decide(path: Path, decisions: dict = DECISIONS, sheet: str = "Findings") -> None:
    """Type decisions into the workbook as a reviewer would (found by the Fact column)."""
    book = load_workbook(path, rich_text=True)
    ws = book[sheet]
    col = columns(ws)
    for row in range(2, ws.max_row + 1):
        typed = decisions.get(ws.cell(row, col["Fact"]).value, {})
        for name, value in typed.items():
            ws.cell(row, col[name]).value = value
    book.save(path)


def carried(records: dict) -> dict:
    return {f["rule"]: {k: v for k, v in f["decision"].items() if k != "from"}
            for f in records["findings"] if f.get("decision")}


def reverse_rows(ws):
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    for r, values in enumerate(reversed(rows), start=2):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value


def insert_column(ws):
    ws.insert_cols(1)
    ws.cell(1, 1).value = "Priority"
    ws.cell(2, 1).value = "high"


def shout_headers(ws):
    for cell in ws[1]:
        if cell.value in ("Finding id", "Status", "Note"):
            cell.value = f"  {cell.value.upper()} "


def filter_and_hide(ws):
    ws.auto_filter.add_filter_column(3, ["error"])
    ws.row_dimensions[3].hidden = True


def title_above(ws):
    ws.insert_rows(1, amount=2)
    ws.cell(1, 1).value = "Bridge review, spring round"


@pytest.mark.parametrize("rearrange", [None, reverse_rows, insert_column, shout_headers, filter_and_hide, title_above],
                         ids=lambda f: f.__name__ if f else "as-written")
def test_decisions_carry_over_whatever_the_reviewer_did_to_the_sheet(project, rearrange):
    run(project)
    decide(project / "report.xlsx")
    if rearrange:
        book = load_workbook(project / "report.xlsx", rich_text=True)
        rearrange(book["Findings"])
        book.save(project / "report.xlsx")
    records, messages = run(project)
    assert carried(records) == CARRIED
    assert any("2 decision(s) carried over" in m for m in messages)
    ws = load_workbook(project / "report.xlsx")["Findings"]
    col = columns(ws)
    again = {ws.cell(r, col["Fact"]).value: (ws.cell(r, col["Status"]).value, ws.cell(r, col["Note"]).value,
                                             ws.cell(r, col["Date"]).value) for r in range(2, ws.max_row + 1)}
    assert again["bridge-opening"] == ("Accepted difference", "b counts the royal opening", datetime(2025, 5, 2))
    assert again["bridge-closing"] == ("Confirmed error", "a is wrong", "last Tuesday")


def test_undecided_findings_stay_open_and_carry_nothing(project):
    run(project)
    records, messages = run(project)
    assert carried(records) == {}
    assert any("0 decision(s) carried over" in m for m in messages)


def test_a_finding_that_no_longer_occurs_moves_to_resolved_with_its_decision(project):
    run(project)
    decide(project / "report.xlsx")
    (project / "src/b.txt").write_text("The Tallis Bridge opened in 1890. The Tallis Bridge closed in 1990.")
    records, messages = run(project)
    assert [f["rule"] for f in records["findings"]] == ["bridge-opening"]
    assert any("1 finding(s) moved to 'Resolved since last run'" in m for m in messages)
    book = load_workbook(project / "report.xlsx")
    resolved = book["Resolved since last run"]
    col = columns(resolved)
    assert resolved.max_row == 2
    row = {name: resolved.cell(2, c).value for name, c in col.items()}
    assert (row["Fact"], row["Status"], row["Reviewer"], row["Note"], row["Severity"]) == (
        "bridge-closing", "Confirmed error", "ben", "a is wrong", "warning")
    assert row["Resolved on"] == datetime(2025, 6, 1) and row["Sources"] == "a, b"

    run(project)  # still resolved: it stays, once
    resolved = load_workbook(project / "report.xlsx")["Resolved since last run"]
    assert resolved.max_row == 2 and resolved.cell(2, col["Fact"]).value == "bridge-closing"

    (project / "src/b.txt").write_text(SOURCES["src/b.txt"])  # it occurs again: back, decision and all
    records, _ = run(project)
    assert carried(records) == CARRIED
    assert load_workbook(project / "report.xlsx")["Resolved since last run"].max_row == 1


def test_an_unknown_status_is_kept_and_reported(project):
    run(project)
    decide(project / "report.xlsx", {"bridge-opening": {"Status": "Acepted diference"}})
    records, messages = run(project)
    assert carried(records)["bridge-opening"]["status"] == "Acepted diference"
    assert any("status 'Acepted diference' is not one of" in m for m in messages)


def _not_a_zip(path: Path) -> None:
    path.write_bytes(b"this is not a spreadsheet")


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _other_workbook(path: Path) -> None:
    book = Workbook()
    book.active.append(["Name", "Amount"])
    book.active.append(["coffee", 3])
    book.save(path)


def _id_column_deleted(path: Path) -> None:
    book = load_workbook(path)
    book["Findings"].delete_cols(1)
    book.save(path)


@pytest.mark.parametrize("spoil,reason", [
    (_not_a_zip, "cannot read the existing workbook"),
    (_truncated, "cannot read the existing workbook"),
    (_other_workbook, "no 'Finding id' column"),
    (_id_column_deleted, "no 'Finding id' column"),
], ids=["not-a-zip", "truncated", "another-workbook", "id-column-deleted"])
def test_an_unreadable_workbook_is_never_overwritten(project, spoil, reason):
    run(project)
    report = project / "report.xlsx"
    spoil(report)
    before = report.read_bytes()
    with pytest.raises(ReportError, match=reason) as raised:
        run(project)
    assert str(report) in str(raised.value) and "left as it is" in str(raised.value)
    assert report.read_bytes() == before
    result = CliRunner().invoke(main, ["check", "--sources", str(project / "src"), "--rules", str(project / "rules"),
                                       "--report", str(report)])
    assert result.exit_code == 2 and reason in result.output
    assert report.read_bytes() == before and not list(project.glob(".report.xlsx.*"))


def test_the_cli_carries_decisions_and_puts_them_in_the_json(project):
    report = project / "out" / "report.xlsx"
    args = ["check", "--sources", str(project / "src"), "--rules", str(project / "rules"), "--report", str(report)]
    assert CliRunner().invoke(main, args).exit_code == 1
    decide(report)
    shutil.copy(report, project / "reviewed.xlsx")
    result = CliRunner().invoke(main, args + ["--format", "json"])
    assert result.exit_code == 1  # decisions alone suppress nothing: a baseline does
    findings = json.loads(result.stdout)["findings"]
    assert {f["rule"]: f["decision"]["status"] for f in findings} == {
        "bridge-opening": "Accepted difference", "bridge-closing": "Confirmed error"}
    assert "2 decision(s) carried over" in result.stderr


def test_a_column_a_reviewer_added_is_named_as_not_carried_over(project):
    run(project)
    report = project / "report.xlsx"
    book = load_workbook(report, rich_text=True)
    insert_column(book["Findings"])
    book.save(report)
    _, messages = run(project)
    assert any("column(s) 'priority' are not carried over" in m for m in messages)


def test_decisions_typed_in_a_copy_of_the_sheet_are_not_lost(project):
    run(project)
    report = project / "report.xlsx"
    book = load_workbook(report, rich_text=True)
    book.copy_worksheet(book["Findings"]).title = "Findings, ana"
    book.save(report)
    decide(report, sheet="Findings, ana")
    records, _ = run(project)
    assert carried(records) == CARRIED


def test_a_workbook_of_the_first_plain_format_is_read_without_complaint(project):
    report = project / "report.xlsx"
    book = Workbook()
    book.active.title = "Findings"
    book.active.append(["Finding id", "Fact", "Type", "Severity", "Sources", "Message", "Quotes"])
    book.active.append(["0123456789ab", "bridge-colour", "conflict", "info", "a, b", "a says red; b says blue", "…"])
    book.save(report)
    _, messages = run(project)
    assert messages == (f"Workbook written to {report} (0 decision(s) carried over, "
                        "1 finding(s) moved to 'Resolved since last run')",)
    resolved = load_workbook(report)["Resolved since last run"]
    col = columns(resolved)
    assert [resolved.cell(2, col[name]).value for name in ("Finding id", "Fact", "Finding")] == [
        "0123456789ab", "bridge-colour", "a says red; b says blue"]
