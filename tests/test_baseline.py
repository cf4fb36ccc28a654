"""CI honours decisions: a baseline file or a reviewed workbook suppresses accepted findings."""
from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

from factcheck import baseline
from factcheck.check import run_check
from factcheck.cli import exit_status
from factcheck.errors import ReportError
from factcheck.records import report_records
from factcheck.review import ReviewOptions, review
from test_workbook_decisions import RULES, SOURCES, decide

TODAY = date(2025, 6, 1)


@pytest.fixture
def project(workspace):
    return workspace({"rules/r.yaml": RULES, **SOURCES})


def check(folder: Path) -> dict:
    return report_records(run_check([folder / "src"], [folder / "rules"]))


def run(folder: Path, today: date = TODAY, **options) -> tuple[dict, tuple[str, ...]]:
    records = check(folder)
    options.setdefault("report", None)
    result = review(records, ReviewOptions(today=today, generated=TODAY, **options))
    return records, result.messages


def ids(folder: Path) -> dict[str, str]:
    return {f["rule"]: f["id"] for f in check(folder)["findings"]}


def write_baseline(folder: Path, *entries: dict) -> Path:
    path = folder / "baseline.yaml"
    path.write_text(yaml.safe_dump({"format": "factcheck-baseline", "version": 1, "entries": list(entries)}))
    return path


def suppressed(records: dict) -> dict[str, dict]:
    return {f["rule"]: f["suppressed"] for f in records["findings"] if f.get("suppressed")}


@pytest.mark.parametrize("status,suppresses", [
    ("Accepted difference", True), ("False positive", True), ("accepted DIFFERENCE", True),
    ("Open", False), ("Confirmed error", False), ("Fixed", False),
])
def test_which_statuses_suppress(project, status, suppresses):
    path = write_baseline(project, {"id": ids(project)["bridge-opening"], "status": status})
    records, _ = run(project, baseline=path)
    assert ("bridge-opening" in suppressed(records)) is suppresses
    # bridge-opening is the only error: suppressing it is what turns a failing run green
    assert exit_status(records, "error") == (0 if suppresses else 1)


def test_a_suppressed_finding_says_why(project):
    path = write_baseline(project, {"id": ids(project)["bridge-opening"], "status": "False positive",
                                    "reason": "b means the royal opening", "expires": date(2025, 12, 31),
                                    "reviewer": "ana"})
    records, messages = run(project, baseline=path)
    assert suppressed(records) == {"bridge-opening": {
        "by": "baseline", "status": "False positive", "reason": "b means the royal opening", "expires": "2025-12-31",
        "reviewer": "ana"}}
    assert messages[0] == f"Baseline {path}: 1 finding(s) suppressed, 0 entries matching nothing"


@pytest.mark.parametrize("expires,today,holds", [
    ("2025-06-01", date(2025, 6, 1), True),  # the entry holds on its expiry day
    ("2025-06-01", date(2025, 6, 2), False),
    ("2030-01-01", date(2025, 6, 2), True),
])
def test_expired_entries_stop_suppressing_and_are_reported(project, expires, today, holds):
    finding = ids(project)["bridge-opening"]
    path = write_baseline(project, {"id": finding, "status": "Accepted difference", "expires": expires})
    records, messages = run(project, today=today, baseline=path)
    assert ("bridge-opening" in suppressed(records)) is holds
    expired = [m for m in messages if " expired on " in m]
    assert expired == ([] if holds else [f"{path}: entry {finding} (conflict on bridge-opening) expired on {expires}; "
                                         "the finding counts again"])


def test_entries_matching_nothing_are_reported(project):
    path = write_baseline(project, {"id": "0123456789ab", "rule": "bridge-colour", "type": "conflict",
                                    "status": "False positive"})
    records, messages = run(project, baseline=path)
    assert suppressed(records) == {}
    assert f"{path}: entry 0123456789ab (conflict on bridge-colour) matches no finding; remove it" in messages
    assert "1 entry matching nothing" in messages[0]


def test_write_baseline_then_honour_it(project):
    """The reviewer's workflow: decide in the workbook, write the baseline, CI reads it."""
    report = project / "report.xlsx"
    run(project, report=report)
    decide(report)
    out = project / "ci" / "baseline.yaml"
    _, messages = run(project, report=report, write_baseline=out)
    assert f"Baseline written to {out} (1 accepted finding(s))" in messages
    data = yaml.safe_load(out.read_text())
    assert out.read_text().startswith("# factcheck baseline")
    assert data["format"] == "factcheck-baseline" and data["version"] == 1
    (entry,) = data["entries"]
    assert entry == {"id": ids(project)["bridge-opening"], "rule": "bridge-opening", "type": "conflict",
                     "sources": ["a", "b"], "status": "Accepted difference", "reason": "b counts the royal opening",
                     "reviewer": "ana", "date": date(2025, 5, 2), "expires": date(2026, 1, 31)}
    records, _ = run(project, baseline=out)  # CI: no workbook at all
    assert set(suppressed(records)) == {"bridge-opening"} and exit_status(records, "error") == 0
    assert exit_status(records, "warning") == 1  # the confirmed error on bridge-closing still fails


def test_writing_leaves_out_expired_decisions(project):
    report = project / "report.xlsx"
    run(project, report=report)
    decide(report)
    out = project / "baseline.yaml"
    run(project, today=date(2026, 2, 1), report=report, write_baseline=out)
    assert yaml.safe_load(out.read_text())["entries"] == []


def test_a_reviewed_workbook_is_a_baseline(project):
    report = project / "report.xlsx"
    run(project, report=report)
    decide(report)
    records, messages = run(project, baseline=report)
    assert set(suppressed(records)) == {"bridge-opening"}
    assert messages[0] == f"Baseline {report}: 1 finding(s) suppressed, 0 entries matching nothing"


def test_the_same_baseline_written_twice_is_the_same_file(project):
    report = project / "report.xlsx"
    run(project, report=report)
    decide(report)
    first, second = project / "one.yaml", project / "two.yaml"
    run(project, report=report, write_baseline=first)
    run(project, baseline=first, write_baseline=second)  # refreshed from the file alone
    assert first.read_text() == second.read_text()


def test_baseline_decisions_show_in_a_fresh_workbook(project):
    path = write_baseline(project, {"id": ids(project)["bridge-opening"], "status": "False positive",
                                    "reason": "royal opening", "reviewer": "ana"})
    report = project / "fresh.xlsx"
    run(project, baseline=path, report=report)
    from openpyxl import load_workbook

    sheet = load_workbook(report)["Findings"]
    header = {c.value: c.column for c in sheet[1]}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, header["Fact"]).value == "bridge-opening")
    assert sheet.cell(row, header["Status"]).value == "False positive"
    assert sheet.cell(row, header["Note"]).value == "royal opening"
    assert sheet.cell(row, header["Baseline"]).value == "suppressed by baseline (False positive): royal opening"


@pytest.mark.parametrize("text,message", [
    ("entries: [oops", "baseline.yaml:1: not valid YAML"),
    ("- just a list\n", "not a baseline file"),
    ("format: something-else\nentries: []\n", "not a baseline file"),
    ("entries:\n  - status: False positive\n", "baseline.yaml:2: entry 1: 'id' (the finding id) is missing"),
    ("entries:\n  - id: abc\n    status: Maybe\n", "entry 1: 'status' must be one of Open, Confirmed error"),
    ("entries:\n  - id: abc\n    status: Fixed\n    expires: soon\n", "'expires' must be a date (YYYY-MM-DD)"),
    ("entries:\n  - id: abc\n    status: Fixed\n    expiry: 2025-01-01\n",
     "baseline.yaml:2: entry 1: unknown key 'expiry' (did you mean 'expires'?)"),
    ("entries:\n  - id: abc\n    status: Fixed\n  - id: abc\n    status: Open\n",
     "baseline.yaml:4: entry 2: finding id 'abc' is already in an earlier entry"),
], ids=["not-yaml", "a-list", "other-format", "no-id", "bad-status", "bad-expiry", "unknown-key", "duplicate"])
def test_a_broken_baseline_file_is_named_with_the_entry(project, text, message):
    path = project / "baseline.yaml"
    path.write_text(textwrap.dedent(text))
    with pytest.raises(ReportError) as raised:
        run(project, baseline=path)
    assert message in str(raised.value)


def test_a_missing_baseline_is_an_error(project):
    with pytest.raises(ReportError, match="no such baseline file"):
        run(project, baseline=project / "nowhere.yaml")


def test_json_is_a_baseline_too(project):
    path = project / "baseline.json"
    path.write_text('{"format": "factcheck-baseline", "entries": [{"id": "%s", "status": "False positive"}]}'
                    % ids(project)["bridge-opening"])
    records, _ = run(project, baseline=path)
    assert set(suppressed(records)) == {"bridge-opening"}


def test_an_inline_suppression_is_left_as_it_is():
    records = {"findings": [{"id": "x1", "rule": "r", "type": "draft-contradicts-sources", "severity": "error",
                             "sources": ["d"], "suppressed": {"by": "inline", "reason": "our own trial"}}]}
    entries = {"x1": baseline.Decision("x1", status="Accepted difference")}
    messages = baseline.apply(records["findings"], baseline.Baseline("b.yaml", entries), TODAY)
    assert records["findings"][0]["suppressed"] == {"by": "inline", "reason": "our own trial"}
    assert "1 finding(s) suppressed" in messages[0]

