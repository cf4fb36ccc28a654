"""SARIF output: valid against the SARIF 2.1.0 schema, and every finding mapped as documented."""
from __future__ import annotations

import copy
import json

import pytest

from conftest import BRIDGE_RULES, ROOT, records_in
from factcheck.output import sarif

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

SOURCES = {
    "src/a.txt": "The Tallis Bridge opened in 1884.\nThe Tallis Bridge is 240 long.\n",
    "src/b a.txt": "Intro line.\nThe Tallis Bridge opened in 1890.\nThe Tallis Bridge is 300 long.\n"
                   "Marren was born in 1850. Later, Marren was born in 1851, it says.\n",
    "src/broken.txt": b"PK\x00\x03 not text",
}


@pytest.fixture
def records(tmp_path, monkeypatch):
    """Real records of a run from inside the workspace (relative paths, as the CLI gives them)."""
    return records_in(tmp_path, {"rules/bridge.yaml": BRIDGE_RULES, **SOURCES}, monkeypatch)


def with_draft_findings(records: dict) -> dict:
    """The records plus two draft findings, one silenced inline and one by the baseline."""
    records = copy.deepcopy(records)
    conflict = next(f for f in records["findings"] if f["rule"] == "bridge-opening")
    draft = dict(conflict["statements"][0], source="article", path="drafts/article.md", line=3, column=30)
    records["drafts"] = [{"id": "article", "path": "drafts/article.md", "format": "markdown", "role": "draft",
                          "title": None, "publisher": None, "date": None, "sha256": ""}]
    for number, by in enumerate(("inline", "baseline")):
        records["findings"].append(dict(
            conflict, id=f"draft{number}", type="draft-contradicts-sources", sources=["article", "b a"],
            message="draft says 1884; the sources agree on 1890 (b a)", statements=[draft, conflict["statements"][1]],
            location={"path": draft["path"], "line": 3, "column": 30},
            suppressed={"by": by, "reason": f"accepted by the editor ({by})"},
        ))
    return records


def run_of(records: dict) -> dict:
    return json.loads(sarif.render(records))["runs"][0]


def test_log_is_valid_against_the_sarif_schema(records):
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (the shared schemas folder sits beside the project in CI)")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(sarif.render(with_draft_findings(records)))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_driver_describes_every_rule(records):
    driver = run_of(records)["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] == records["tool"]["version"]
    by_id = {d["id"]: d for d in driver["rules"]}
    assert list(by_id) == ["bridge-opening", "bridge-length", "architect-born"]
    assert by_id["bridge-opening"]["shortDescription"]["text"] == "When did the bridge open?"
    assert {i: d["defaultConfiguration"]["level"] for i, d in by_id.items()} == {
        "bridge-opening": "error", "bridge-length": "warning", "architect-born": "note"}
    assert by_id["bridge-length"]["properties"]["kind"] == "count"
    assert "240" in by_id["bridge-length"]["fullDescription"]["text"]


@pytest.mark.parametrize("rule, level", [("bridge-opening", "error"), ("bridge-length", "warning"),
                                         ("architect-born", "note")])
def test_result_level_follows_severity(records, rule, level):
    results = [r for r in run_of(records)["results"] if r["ruleId"] == rule]
    assert results and {r["level"] for r in results} == {level}


def test_result_is_located_at_the_first_statement_with_the_others_related(records):
    run = run_of(records)
    finding = next(f for f in records["findings"] if f["type"] == "conflict" and f["rule"] == "bridge-opening")
    result = next(r for r in run["results"] if r["partialFingerprints"]["factcheck/v1"] == finding["id"])
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "bridge-opening"
    assert result["message"]["text"] == finding["message"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "src/a.txt"
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert run["artifacts"][location["artifactLocation"]["index"]]["location"]["uri"] == "src/a.txt"
    column = "The Tallis Bridge opened in 1884.".index("1884") + 1
    assert location["region"] == {"startLine": 1, "startColumn": column, "endLine": 1, "endColumn": column + 4,
                                  "snippet": {"text": "The Tallis Bridge opened in 1884."}}
    related = result["relatedLocations"]
    assert len(related) == 1
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "src/b%20a.txt"
    assert related[0]["physicalLocation"]["region"]["startLine"] == 2
    assert "The Tallis Bridge opened in 1890." in related[0]["message"]["text"]


def test_suppressions_say_where_they_are_kept(records):
    results = {r["partialFingerprints"]["factcheck/v1"]: r for r in run_of(with_draft_findings(records))["results"]}
    assert results["draft0"]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "accepted by the editor (inline)"}]
    assert results["draft1"]["suppressions"][0]["kind"] == "external"
    assert results["draft0"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/article.md"
    assert results["draft0"]["properties"]["type"] == "draft-contradicts-sources"
    assert all("suppressions" not in r for key, r in results.items() if not key.startswith("draft"))


def test_unreadable_inputs_are_execution_notifications(records):
    invocation = run_of(records)["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "broken.txt" in notification["message"]["text"]
    clean = dict(records, problems=[])
    assert run_of(clean)["invocations"][0] == {"executionSuccessful": True}


def test_artifacts_list_every_source_with_its_hash(records):
    artifacts = run_of(with_draft_findings(records))["artifacts"]
    assert [a["location"]["uri"] for a in artifacts] == ["src/a.txt", "src/b%20a.txt", "drafts/article.md"]
    assert artifacts[0]["hashes"]["sha-256"] == records["sources"][0]["sha256"]


@pytest.mark.parametrize("path, expected", [
    ("src/a.txt", {"uri": "src/a.txt", "uriBaseId": "%SRCROOT%"}),
    ("src/b a#1.txt", {"uri": "src/b%20a%231.txt", "uriBaseId": "%SRCROOT%"}),
    ("{root}/sub/c.md", {"uri": "sub/c.md", "uriBaseId": "%SRCROOT%"}),
    ("/elsewhere/c.md", {"uri": "c.md", "uriBaseId": "ROOT1"}),
    ("../up/c.md", {"uri": "c.md", "uriBaseId": "ROOT1"}),
    ("./src/../src/a.txt", {"uri": "src/a.txt", "uriBaseId": "%SRCROOT%"}),
], ids=["relative", "escaped", "absolute-under-root", "absolute-elsewhere", "climbing-out", "dotted"])
def test_paths_become_relative_uris(tmp_path, path, expected):
    assert sarif.artifact_uri(path.format(root=tmp_path), tmp_path) == expected


def test_end_column_is_left_out_when_the_value_spans_lines():
    statement = {"quote": "opened in the\n1880s", "span": {"start": 10, "end": 19}, "column": 5}
    assert sarif._end_column(statement) is None
    assert sarif._end_column(dict(statement, quote="opened in the 1880s")) == 14


def test_sources_outside_the_project_get_a_base_of_their_own_and_no_machine_path(tmp_path, monkeypatch):
    import json

    from conftest import build
    from factcheck.check import run_check
    from factcheck.records import report_records

    outside = tmp_path / "shared" / "corpus"
    build(tmp_path, {"shared/corpus/a.txt": "The Tallis Bridge opened in 1884.",
                     "shared/other/b.txt": "The Tallis Bridge opened in 1890.",
                     "project/rules/r.yaml": "rules:\n  - {id: r, question: \"When?\", subject: [Tallis Bridge], "
                                             "cues: [opened], kind: year, severity: error}\n"})
    monkeypatch.chdir(tmp_path / "project")
    records = report_records(run_check([outside, "../shared/other"], ["rules"]))
    log = sarif.sarif_log(records, root=tmp_path / "project")
    text = json.dumps(log)
    assert str(tmp_path) not in text and "file://" not in text
    run = log["runs"][0]
    uris = [a["location"] for a in run["artifacts"]]
    assert uris == [{"uri": "a.txt", "uriBaseId": "ROOT1"}, {"uri": "b.txt", "uriBaseId": "ROOT2"}]
    assert set(run["originalUriBaseIds"]) == {"%SRCROOT%", "ROOT1", "ROOT2"}
    assert "named 'corpus'" in run["originalUriBaseIds"]["ROOT1"]["description"]["text"]
