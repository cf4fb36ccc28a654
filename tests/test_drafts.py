"""Editors' drafts checked against sources, in every input format, with suppressions."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from factcheck.check import run_check
from factcheck.cli import main

RULES = """
rules:
  - id: bridge-opening
    question: When did the Tallis Bridge open?
    subject: [Tallis Bridge, the bridge]
    cues: [opened, opening]
    kind: year
    severity: error
  - id: bridge-length
    question: How many arches does the Tallis Bridge have?
    subject: [Tallis Bridge, the bridge]
    cues: [arches]
    kind: count
    severity: warning
    expected: {value: 7, reference: county survey}
  - id: bridge-toll
    question: What share of crossings paid a toll?
    subject: [Tallis Bridge, the bridge]
    cues: [paid a toll]
    kind: percent
    severity: warning
"""
SOURCES = {
    "src/a.txt": "The Tallis Bridge opened in 1884. The Tallis Bridge has seven arches.",
    "src/b.txt": "Built by 300 men, the Tallis Bridge opened in 1884.",
}
# Line 3 agrees, line 5 contradicts the sources, line 7 contradicts the expected
# value, line 9 states a fact no source states.
PROSE = ["# The Tallis Bridge", "", "The Tallis Bridge opened in 1884, to crowds.", "",
         "Some say the Tallis Bridge opened in 1890.", "", "The Tallis Bridge has nine arches.", "",
         "About 40% of crossings paid a toll on the Tallis Bridge."]


def markdown() -> str:
    return "\n".join(PROSE) + "\n"


def text() -> str:
    return "\n".join(line.lstrip("# ") for line in PROSE) + "\n"


def html() -> str:
    body = "\n".join(f"<p>{line}</p>" if line and not line.startswith("#") else (f"<h1>{line[2:]}</h1>" if line else "")
                     for line in PROSE)
    return f"<html><body>\n{body}\n</body></html>\n"


def docx() -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    for line in PROSE:
        document.add_paragraph(line.lstrip("# "))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# Where each draft states each finding: (rule, finding type, line).
EXPECTED = {
    ("bridge-opening", "draft-contradicts-sources"),
    ("bridge-length", "draft-contradicts-sources"),  # source a says seven
    ("bridge-length", "draft-contradicts-expected"),
    ("bridge-toll", "unverified"),
}


@pytest.mark.parametrize("name,content,line_of_1890", [
    ("draft.md", markdown(), 5), ("draft.txt", text(), 5), ("draft.html", html(), 6), ("draft.docx", docx(), 5),
], ids=["markdown", "text", "html", "docx"])
def test_draft_in_every_format(workspace, name, content, line_of_1890):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES, f"drafts/{name}": content})
    report = run_check([ws / "src"], [ws / "rules"], [ws / "drafts" / name])
    assert not report.problems
    assert {(f.rule, str(f.type)) for f in report.findings} == EXPECTED
    assert len(report.findings) == len(EXPECTED)
    contradiction = next(f for f in report.findings if f.rule == "bridge-opening")
    draft, *others = contradiction.statements
    assert draft.line == line_of_1890 and draft.value.raw == "1890"
    assert {m.source for m in others} == {"a", "b"}  # the sources that say otherwise, with their words
    assert all("1884" in m.sentence.text for m in others)
    unverified = next(f for f in report.findings if f.rule == "bridge-toll")
    assert str(unverified.severity) == "info"  # one level below the rule's warning


def test_agreeing_draft_has_no_findings(workspace):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES,
                    "d.md": "The Tallis Bridge opened in 1884. The Tallis Bridge has 7 arches.\n"})
    report = run_check([ws / "src"], [ws / "rules"], [ws / "d.md"])
    assert report.findings == ()
    assert len(report.draft_statements) == 2


def test_text_output_gives_path_line_col(workspace):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES, "d.md": markdown()})
    result = CliRunner().invoke(main, ["check", str(ws / "d.md"), "--sources", str(ws / "src"),
                                       "--rules", str(ws / "rules")])
    assert result.exit_code == 1
    assert f"{ws / 'd.md'}:5:38: error bridge-opening draft says 1890; the sources agree on 1884 (a, b)" in result.output
    assert not (ws / "reports").exists()  # no workbook for a draft check unless asked


SUPPRESSED = """The Tallis Bridge opened in 1884.

<!-- factcheck-ignore bridge-opening: a local legend we report as such -->
Some say the Tallis Bridge opened in 1890.

[//]: # (factcheck-ignore bridge-length: the ninth arch is the 1990 extension)
The Tallis Bridge has nine arches.

<!-- factcheck-ignore bridge-opening: stale -->
Nothing else here.
"""


def test_inline_suppressions_used_and_unused(workspace):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES, "d.md": SUPPRESSED})
    result = CliRunner().invoke(main, ["check", str(ws / "d.md"), "--sources", str(ws / "src"),
                                       "--rules", str(ws / "rules"), "--format", "json"])
    assert result.exit_code == 0, result.output  # both findings suppressed
    data = json.loads(result.stdout)
    reasons = {f["rule"]: f["suppressed"]["reason"] for f in data["findings"]}
    assert reasons == {"bridge-opening": "a local legend we report as such",
                       "bridge-length": "the ninth arch is the 1990 extension"}
    assert data["warnings"] == [f"{ws / 'd.md'}:9: factcheck-ignore for rule 'bridge-opening' silences nothing "
                                "(no finding on the next statement); remove it"]
    assert "silences nothing" in result.stderr


def test_plain_text_suppression(workspace):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES,
                    "d.txt": "factcheck-ignore bridge-opening: quoted claim\nSome say the Tallis Bridge opened in 1890.\n"})
    report = run_check([ws / "src"], [ws / "rules"], [ws / "d.txt"])
    (finding,) = report.findings
    assert finding.suppressed == "quoted claim"


def test_unreadable_draft_is_an_input_error(workspace):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES, "bad.docx": b"not a zip", "ok.md": "The Tallis Bridge opened in 1884.\n"})
    result = CliRunner().invoke(main, ["check", str(ws / "bad.docx"), str(ws / "ok.md"), "--sources", str(ws / "src"),
                                       "--rules", str(ws / "rules")])
    assert result.exit_code == 2
    assert "bad.docx: cannot be read as docx" in result.output


@pytest.mark.parametrize("fail_on,status", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_with_drafts(workspace, fail_on, status):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES, "d.md": "About 40% of crossings paid a toll on the Tallis Bridge.\n"})
    result = CliRunner().invoke(main, ["check", str(ws / "d.md"), "--sources", str(ws / "src"), "--rules",
                                       str(ws / "rules"), "--fail-on", fail_on])
    # The only finding is 'unverified' at info: it fails the run only at --fail-on info.
    assert result.exit_code == (1 if fail_on == "info" else 0)


def test_a_draft_inside_the_sources_is_not_its_own_witness(workspace):
    ws = workspace({"rules/r.yaml": RULES, **SOURCES, "src/c.txt": "The Tallis Bridge opened in 1890.\n"})
    report = run_check([ws / "src"], [ws / "rules"], [ws / "src" / "c.txt"])
    assert {s.id for s in report.sources} == {"a", "b"}
    assert any("checked as a draft only" in w for w in report.warnings)
    assert [str(f.type) for f in report.findings] == ["draft-contradicts-sources"]


def test_repeated_statement_gets_distinct_stable_ids(workspace, monkeypatch):
    text = "Some say the Tallis Bridge opened in 1890.\n\nAgain: the Tallis Bridge opened in 1890.\n"
    ws = workspace({"rules/r.yaml": RULES, **SOURCES, "proj/d.md": text})
    monkeypatch.chdir(ws / "proj")
    first = run_check([ws / "src"], [ws / "rules"], ["d.md"], root=ws / "proj")
    monkeypatch.chdir(ws)
    second = run_check([ws / "src"], [ws / "rules"], ["proj/d.md"], root=ws / "proj")
    ids = [f.id for f in first.findings]
    assert len(ids) == len(set(ids)) == 2
    assert ids == [f.id for f in second.findings]  # the same wherever the check runs from
