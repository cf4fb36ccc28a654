"""Rule files: what loads, and broken files that must name file, line, rule and key."""
from __future__ import annotations

import re

import pytest

from factcheck.errors import RuleFileError, RuleFileErrors
from factcheck.model import Severity
from factcheck.rules import load_rules

GOOD = """
rules:
  - id: widget-launch
    question: When was the widget launched?
    subject: {term: widget, aliases: [Gizmo]}
    cues: [launched, release]
    context:
      require: [market]
      exclude: [prototype]
    kind: year
    tolerance: 1
    severity: error
    expected: {value: 2011, reference: company history}
"""


def test_good_rule_loads(workspace):
    ws = workspace({"rules/a.yaml": GOOD})
    (rule,) = load_rules([ws / "rules"])
    assert rule.id == "widget-launch"
    assert rule.subject == ("widget", "Gizmo")
    assert rule.require == ("market",) and rule.exclude == ("prototype",)
    assert rule.severity is Severity.ERROR
    assert rule.expected.reference == "company history"
    assert rule.line == 2 and rule.path.endswith("a.yaml")


BROKEN = [
    ("misspelt key", GOOD.replace("tolerance: 1", "tolerence: 1"),
     ":10:5: rule 'widget-launch': unknown key 'tolerence' (did you mean 'tolerance'?)"),
    ("unknown kind", GOOD.replace("kind: year", "kind: precent"), ":9:11: rule 'widget-launch': key 'kind'"),
    ("missing kind", GOOD.replace("    kind: year\n", ""), "rule 'widget-launch': missing required key 'kind'"),
    ("bad limit", GOOD.replace("kind: year", "kind: year\n    limit: lowest"), "key 'limit': 'lowest' is not one of ['lower', 'upper']"),
    ("bad severity", GOOD.replace("severity: error", "severity: eror"), "did you mean 'error'?"),
    ("bad context key", GOOD.replace("exclude:", "exlude:"), "unknown key 'context.exlude' (did you mean 'context.exclude'?)"),
    ("expected not of kind", GOOD.replace("value: 2011", "value: lots"), "key 'expected.value': 'lots' is not a"),
    ("bad tolerance", GOOD.replace("tolerance: 1", "tolerance: a bit"), "key 'tolerance'"),
    ("not yaml", "rules:\n  - id: x\n    cues: [a\n", ":4: not valid YAML"),
    ("empty", "", "is empty"),
    ("not a list", "rules: 5\n", "expected 'rules:'"),
    ("extra top-level key", "rule:\n  - id: x\n", ""),
]


@pytest.mark.parametrize("content,message", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_rule_file_names_the_culprit(workspace, content, message):
    ws = workspace({"rules/bad.yaml": content})
    with pytest.raises(RuleFileError) as error:
        load_rules([ws / "rules"])
    text = str(error.value)
    assert "bad.yaml" in text
    assert message in text


def test_duplicate_ids_across_files(workspace):
    ws = workspace({"rules/a.yaml": GOOD, "rules/b.yaml": GOOD})
    with pytest.raises(RuleFileError, match="id already used at .*a.yaml:2"):
        load_rules([ws / "rules"])


def test_missing_rules_folder(tmp_path):
    with pytest.raises(RuleFileError, match="no such rule file"):
        load_rules([tmp_path / "nope"])


def test_bundled_rules_validate_against_the_json_schema():
    import json

    import jsonschema
    import yaml

    from conftest import ROOT

    schema = json.loads((ROOT / "factcheck" / "schemas" / "rules.schema.json").read_text())
    for path in (ROOT / "rules").glob("*.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text()), schema)
    assert load_rules([ROOT / "rules"])


def test_schema_and_loader_know_the_same_keys():
    import json

    from conftest import ROOT
    from factcheck.rules import RULE_KEYS

    from factcheck import kinds

    schema = json.loads((ROOT / "factcheck" / "schemas" / "rules.schema.json").read_text())
    assert set(schema["definitions"]["rule"]["properties"]) == RULE_KEYS
    assert set(schema["definitions"]["rule"]["properties"]["kind"]["enum"]) == set(kinds.KINDS)


MORE_BROKEN = [
    ("yaml tag", GOOD.replace("kind: year", "kind: !!python/name:os.system year"), "the tag !!python/name:os.system is not plain data"),
    ("unknown unit", GOOD.replace("kind: year", "kind: dose\n    unit: mg/kgg").replace("value: 2011", "value: 1 mg/kg"),
     "key 'unit': 'mg/kgg' is not a unit of kind 'dose'"),
    ("id with spaces", GOOD.replace("id: widget-launch", "id: widget launch"), "key 'id' must start with"),
    ("key twice", GOOD.replace("kind: year", "kind: year\n    kind: percent"), "key 'kind' given twice"),
    ("fractional window", GOOD.replace("kind: year", "kind: year\n    subject_window: 2.5"), "whole number"),
    ("no rules", "rules: []\n", "holds no rules"),
]


@pytest.mark.parametrize("content,message", [b[1:] for b in MORE_BROKEN], ids=[b[0] for b in MORE_BROKEN])
def test_more_broken_rule_files(workspace, content, message):
    ws = workspace({"rules/bad.yaml": content})
    with pytest.raises(RuleFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_rules([ws / "rules"])


def test_a_single_alias_string_is_one_alias(workspace):
    ws = workspace({"r.yaml": GOOD.replace("aliases: [Gizmo]", "aliases: Gizmo")})
    (rule,) = load_rules([ws / "r.yaml"])
    assert rule.subject == ("widget", "Gizmo")


def test_kind_aliases_load_as_their_kind(workspace):
    ws = workspace({"r.yaml": GOOD.replace("kind: year", "kind: decade")})
    (rule,) = load_rules([ws / "r.yaml"])
    assert rule.kind == "date"


def test_a_rule_of_subject_kind_and_question_alone_loads(workspace):
    ws = workspace({"rules/r.yaml": "rules:\n  - id: lipitor-approval\n    question: When was Lipitor approved?\n"
                                    "    subject: Lipitor\n    kind: year\n    limit: lower\n"})
    (rule,) = load_rules([ws / "rules"])
    assert rule.cues == () and rule.limit == "lower" and rule.kind == "date"


def test_every_mistake_is_reported_in_one_pass(workspace):
    three = GOOD.replace("kind: year", "kind: yearz").replace("severity: error", "severity: huge") \
        .replace("tolerance: 1", "tolerence: 1")
    ws = workspace({"rules/a.yaml": three, "rules/b.yaml": "rules:\n  - id: x\n    kind: year\n"})
    with pytest.raises(RuleFileErrors) as error:
        load_rules([ws / "rules"])
    messages = [str(e) for e in error.value.errors]
    assert len(messages) == 5, messages
    assert any("a.yaml:9:11: rule 'widget-launch': key 'kind'" in m for m in messages)
    assert any("key 'severity': 'huge'" in m for m in messages)
    assert any("unknown key 'tolerence'" in m for m in messages)
    assert sum("b.yaml:2:5: rule 'x': missing required key" in m for m in messages) == 2  # question, subject


def test_an_unquoted_comma_in_a_flow_mapping_gets_a_hint(workspace):
    flow = GOOD.replace("expected: {value: 2011, reference: company history}",
                        "expected: {value: 2011, reference: company history, 3 May 2011}")
    ws = workspace({"r.yaml": flow})
    with pytest.raises(RuleFileError) as error:
        load_rules([ws / "r.yaml"])
    text = str(error.value)
    assert "unknown key 'expected.3 May 2011'" in text and "quote that text" in text
    assert ":12:" in text  # the line of the stray key


def test_duplicate_ids_are_all_named(workspace):
    ws = workspace({"rules/a.yaml": GOOD, "rules/b.yaml": GOOD, "rules/c.yaml": GOOD})
    with pytest.raises(RuleFileErrors) as error:
        load_rules([ws / "rules"])
    assert [e.path.rsplit("/", 1)[-1] for e in error.value.errors] == ["b.yaml", "c.yaml"]


LINT = [
    # (what the rule says, the warning expected or None)
    ("cues: [launched, widget]", "cue 'widget' is the subject's own name"),
    ("cues: [launched, Gizmo]", "cue 'Gizmo' is the subject's own name"),
    ("cues: [launched, widget launch]", None),
    ("context: {exclude: [widget]}", "context.exclude term 'widget' is the subject's own name, so it is ignored"),
    ("context: {require: [Gizmo]}", "context.require term 'Gizmo' is the subject's own name, so it is ignored"),
    ("context: {exclude: [prototype]}", None),
]


@pytest.mark.parametrize("line,warning", LINT, ids=[row[0] for row in LINT])
def test_rules_that_load_but_will_not_work_as_meant_are_warned_about(workspace, line, warning):
    from factcheck.rule_lint import lint

    rule = ("rules:\n  - id: widget-launch\n    question: When was the widget launched?\n"
            "    subject: {term: widget, aliases: [Gizmo]}\n    kind: year\n    " + line + "\n")
    ws = workspace({"r.yaml": rule})
    found = [w.message for w in lint(load_rules([ws / "r.yaml"]))]
    assert (warning is None and not found) or any(warning in m for m in found), found


UNIT_CUES = [("km", "length"), ("kilometres", "length"), ("miles", "length"), ("days", "duration"),
             ("mg", "dose"), ("patients", None), ("children", None), ("radius", None)]


@pytest.mark.parametrize("cue,kind", UNIT_CUES, ids=[c for c, _ in UNIT_CUES])
def test_a_count_rule_whose_cue_is_a_unit_is_warned_about(workspace, cue, kind):
    from factcheck.rule_lint import lint

    rule = ("rules:\n  - id: zone-radius\n    question: How far does the zone reach?\n"
            f"    subject: exclusion zone\n    kind: count\n    cues: [{cue}]\n")
    ws = workspace({"r.yaml": rule})
    found = [w.message for w in lint(load_rules([ws / "r.yaml"]))]
    assert found == ([f"cue '{cue}' is a unit of {kind}: a count never reads '30 {cue}' (a measure); "
                      f"use kind: {kind} (see `factcheck rules kinds`)"] if kind else []), found


def test_an_exclude_made_of_subject_words_is_warned_about(workspace):
    from factcheck.rule_lint import lint

    rule = ("rules:\n  - id: hpv-cancers\n    question: How many cancers does HPV infection cause?\n"
            "    subject: HPV infection\n    kind: count\n    context: {exclude: [infection]}\n")
    ws = workspace({"r.yaml": rule})
    (warning,) = lint(load_rules([ws / "r.yaml"]))
    assert "made of words of the subject's name" in warning.message and warning.line == 2


EXAMPLE_MISTAKES = [
    ("not a list", "    examples: 1884\n", "key 'examples' must be a list"),
    ("no value", "    examples:\n      - text: The widget launched in 2011.\n", "an example needs 'text'"),
    ("value of another kind", "    examples:\n      - {text: The widget launched in 2011., value: soon}\n",
     "example value 'soon' is not a date value"),
    ("unknown key", "    examples:\n      - {text: a, value: 2011, note: x}\n", "unknown key 'examples.note'"),
]


@pytest.mark.parametrize("lines,message", [m[1:] for m in EXAMPLE_MISTAKES], ids=[m[0] for m in EXAMPLE_MISTAKES])
def test_broken_examples_are_named(workspace, lines, message):
    ws = workspace({"r.yaml": GOOD + lines})
    with pytest.raises(RuleFileError, match=re.escape(message)):
        load_rules([ws / "r.yaml"])


def test_examples_load_with_their_lines(workspace):
    ws = workspace({"r.yaml": GOOD + "    examples:\n      - {text: The widget launched in 2011., value: 2011}\n"
                                     "      - {text: The widget was sketched in 2009., value: none}\n"})
    (rule,) = load_rules([ws / "r.yaml"])
    assert rule.examples == (("The widget launched in 2011.", "2011", 14), ("The widget was sketched in 2009.", None, 15))
