"""`factcheck suggest`: facts proposed from sources alone, as a rule file that loads."""
from __future__ import annotations

import json

import jsonschema
import yaml
from click.testing import CliRunner

from conftest import ROOT
from factcheck.cli import main
from factcheck.rules import load_rules
from factcheck.sources import load_sources
from factcheck.suggest import as_rule_file, corpus_subject, suggest

PAGES = {
    "src/a.txt": "Zelmora facts\n\nZelmora was approved by regulators in 2004.\n\n"
                 "About 40% of patients respond to Zelmora within a month.\n\nThe tablet weighs little.\n",
    "src/b.txt": "All about Zelmora\n\nRegulators approved Zelmora in 2006, after two trials.\n\n"
                 "In trials, 42% of patients responded to Zelmora.\n",
    "src/c.txt": "Zelmora guide\n\nZelmora, approved in 2004, is taken daily.\n\n"
                 "The company was founded in 1950 by two brothers.\n",
}


def test_the_subject_is_the_name_the_sources_share(workspace):
    ws = workspace(PAGES)
    assert corpus_subject(list(load_sources([ws / "src"]).documents))[0] == "Zelmora"


def test_facts_stated_in_several_sources_are_proposed_disagreements_first(workspace):
    ws = workspace(PAGES)
    subject, found = suggest(load_sources([ws / "src"]).documents)
    first = found[0]
    assert first.kind == "date" and "approved" in first.cues and first.disagree
    assert set(first.sources) == {"a", "b", "c"}
    assert any(s.kind == "percent" and not s.disagree and set(s.sources) == {"a", "b"} for s in found)
    assert not any("founded" in s.cues for s in found)  # one source only


def test_the_draft_is_a_valid_rule_file_that_finds_its_facts(workspace, tmp_path):
    from factcheck.check import run_check

    ws = workspace(PAGES)
    text = as_rule_file(*suggest(load_sources([ws / "src"]).documents))
    schema = json.loads((ROOT / "factcheck" / "schemas" / "rules.schema.json").read_text())
    jsonschema.validate(yaml.safe_load(text), schema)
    assert "#   a:3: '2004' in \"Zelmora was approved by regulators in 2004.\"" in text
    path = tmp_path / "suggested.yaml"
    path.write_text(text)
    rules = load_rules([path])
    report = run_check([ws / "src"], [path])
    approval = next(f for f in report.facts if f.rule.id == rules[0].id)
    assert str(approval.outcome.value) == "conflict"
    assert {m.source: m.value.raw for m in approval.statements} == {"a": "2004", "b": "2006", "c": "2004"}


def test_with_rules_only_what_they_do_not_cover_is_proposed(workspace):
    ws = workspace({**PAGES, "rules/r.yaml": "rules:\n  - id: zelmora-approval\n    question: When was Zelmora "
                                             "approved?\n    subject: Zelmora\n    cues: [approved]\n    kind: year\n"})
    out = ws / "draft.yaml"
    result = CliRunner().invoke(main, ["suggest", "--sources", str(ws / "src"), "--rules", str(ws / "rules"),
                                       "--output", str(out)])
    assert result.exit_code == 0, result.output
    kinds = [r.kind for r in load_rules([out])]
    assert "percent" in kinds and "date" not in kinds
