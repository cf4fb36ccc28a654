"""GitHub Actions output: workflow commands that parse back, and the job summary."""
from __future__ import annotations

import copy
import re

import pytest

from conftest import BRIDGE_RULES, records_in
from factcheck.output import github

SOURCES = {
    "src/a.txt": "The Tallis Bridge opened in 1884.\nThe Tallis Bridge is 240 long.\n",
    "src/b, a: 100%.txt": "Intro | line.\nThe Tallis Bridge | 100%, a: b | opened in 1890.\n"
                          "The Tallis Bridge is 300 long.\n"
                          "Marren was born in 1850. Later, Marren was born in 1851, it says.\n",
    "src/broken.txt": b"PK\x00\x03 not text",
}
COMMAND = re.compile(r"^::(?P<name>error|warning|notice)(?: (?P<properties>[^:]*))?::(?P<data>.*)$")


def parse(line: str) -> dict:
    """A workflow command line back into its name, properties and message."""
    match = COMMAND.match(line)
    assert match, line
    properties = dict(p.split("=", 1) for p in (match["properties"] or "").split(",") if p)
    return {"name": match["name"], "message": unescape(match["data"]),
            **{k: unescape(v) for k, v in properties.items()}}


def unescape(text: str) -> str:
    for escaped, plain in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


@pytest.fixture
def records(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    records = records_in(tmp_path, {"rules/bridge.yaml": BRIDGE_RULES, **SOURCES}, monkeypatch)
    conflict = next(f for f in records["findings"] if f["rule"] == "bridge-opening")
    records["findings"].append(dict(copy.deepcopy(conflict), id="silenced", type="draft-contradicts-sources",
                                    suppressed={"by": "inline", "reason": "our own | survey"}))
    return records


def commands(records: dict) -> list[dict]:
    output = github.render(records)
    assert output.endswith("\n")
    return [parse(line) for line in output.splitlines()]


def test_one_command_per_unsuppressed_finding_then_problems(records):
    parsed = commands(records)
    active = [f for f in records["findings"] if not f["suppressed"]]
    assert [c["title"] for c in parsed[:len(active)]] == [f["rule"] for f in active]
    assert [c["name"] for c in parsed[:len(active)]] == [
        {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]] for f in active]
    assert {"notice", "warning", "error"} <= {c["name"] for c in parsed}
    [problem] = parsed[len(active):]
    assert problem["name"] == "error" and "broken.txt" in problem["message"]


def test_command_locates_the_finding_and_carries_its_quotes(records):
    finding = next(f for f in records["findings"] if f["rule"] == "bridge-opening" and not f["suppressed"])
    parsed = next(c for c in commands(records) if c["title"] == "bridge-opening")
    assert parsed["file"] == "src/a.txt"
    assert (parsed["line"], parsed["col"]) == (str(finding["location"]["line"]), str(finding["location"]["column"]))
    message = parsed["message"].split("\n")
    assert message[0] == finding["message"]
    assert "The Tallis Bridge opened in 1884." in message[1]
    assert "The Tallis Bridge | 100%, a: b | opened in 1890." in message[2]


def test_file_properties_with_commas_colons_and_percents_round_trip(records):
    located = {c["file"] for c in commands(records) if "file" in c}
    assert "src/b, a: 100%.txt" in located


@pytest.mark.parametrize("text", ["plain", "100% sure", "a: b, c", "two\nlines", "cr\r\nlf", "%0A literal",
                                  "::error::inside", "%25%3A"])
def test_escaping_round_trips(text):
    parsed = parse(github.command("warning", text, file=text, title=text))
    assert parsed == {"name": "warning", "message": text, "file": text, "title": text}
    assert "\n" not in github.command("warning", text, title=text)


def test_absolute_paths_are_made_relative_to_the_workspace(tmp_path):
    assert github.repo_path(str(tmp_path / "src" / "a.txt"), str(tmp_path)) == "src/a.txt"
    assert github.repo_path("src/a.txt", None) == "src/a.txt"


def test_summary_is_appended_only_when_github_asks(records, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    without = github.render(records)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert github.render(records) == without
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# Earlier step\n") and written.endswith(github.summary_markdown(records))


def test_summary_lists_findings_suppressed_ones_and_problems(records):
    text = github.summary_markdown(records)
    active = [f for f in records["findings"] if not f["suppressed"]]
    assert text.startswith("## factcheck: 4 findings (1 error, 2 warnings, 1 info)\n")
    assert "### Suppressed (1)" in text and "our own \\| survey" in text
    assert "### Problems (1)" in text and "broken.txt" in text
    assert "the rule expects 240 (City survey, 1990)" in text
    assert "**b, a: 100%**" in text  # the source that says otherwise, with its value
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + len(active) + 3  # header and rule, a row a finding; the same for the suppressed one
    assert {len(re.findall(r"(?<!\\)\|", row)) for row in rows} == {6}  # quoted pipes do not split cells


def test_summary_without_findings():
    records = {"findings": [], "rules": [], "problems": [], "warnings": [], "drafts": [],
               "summary": {"sources": 2, "rules": 1, "outcomes": {"consistent": 1}}}
    assert github.summary_markdown(records).startswith("## factcheck: no findings\n\nChecked 2 source(s)")
    assert github.render(records) == ""
