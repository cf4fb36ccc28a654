"""JUnit output: well-formed XML whatever the quotes hold, with counts CI can trust."""
from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

import pytest

from conftest import BRIDGE_RULES, records_in
from factcheck.output import junit

HOSTILE = 'The Tallis Bridge & <Co> ]]> "100%",\x1b\x0b opened in 1890.'
SOURCES = {
    "src/a.txt": "The Tallis Bridge opened in 1884.\nThe Tallis Bridge is 240 long.\n",
    "src/b.txt": HOSTILE + "\nThe Tallis Bridge is 240 long.\n",
    "src/broken.txt": b"PK\x00\x03 not text",
}


@pytest.fixture
def records(tmp_path, monkeypatch):
    return records_in(tmp_path, {"rules/bridge.yaml": BRIDGE_RULES, **SOURCES}, monkeypatch)


def parse(records: dict) -> ET.Element:
    return ET.fromstring(junit.render(records).encode("utf-8"))


def counts(element: ET.Element) -> dict[str, int]:
    return {k: int(element.get(k)) for k in ("tests", "failures", "errors", "skipped")}


def test_one_suite_per_rule_then_the_unreadable_inputs(records):
    root = parse(records)
    assert root.tag == "testsuites"
    assert [s.get("name") for s in root] == ["bridge-opening", "bridge-length", "architect-born", "unreadable inputs"]


def test_counts_add_up_at_every_level(records):
    root = parse(records)
    assert counts(root) == {"tests": 4, "failures": 1, "errors": 1, "skipped": 0}
    for suite in root:
        cases = suite.findall("testcase")
        assert counts(suite) == {"tests": len(cases), "failures": sum(c.find("failure") is not None for c in cases),
                                 "errors": sum(c.find("error") is not None for c in cases),
                                 "skipped": sum(c.find("skipped") is not None for c in cases)}


def test_failure_holds_the_quotes_of_the_finding(records):
    finding = records["findings"][0]
    [case] = parse(records).find("testsuite[@name='bridge-opening']")
    failure = case.find("failure")
    assert (failure.get("type"), failure.get("message")) == ("conflict", finding["message"])
    assert "The Tallis Bridge opened in 1884." in failure.text
    assert 'The Tallis Bridge & <Co> ]]> "100%",' in failure.text
    assert (case.get("classname"), case.get("file"), case.get("line")) == ("bridge-opening", "src/a.txt", "1")


def test_facts_without_findings_pass(records):
    root = parse(records)
    [consistent] = root.find("testsuite[@name='bridge-length']")
    assert list(consistent) == [consistent.find("system-out")]
    assert consistent.get("name") == "consistent: 240 (a, b)"
    [not_stated] = root.find("testsuite[@name='architect-born']")
    assert not_stated.get("name") == "not-stated"


def test_unreadable_input_is_an_error(records):
    [case] = parse(records).find("testsuite[@name='unreadable inputs']")
    assert "broken.txt" in case.find("error").get("message")


def test_suppressed_finding_is_skipped_with_its_reason(records):
    records = copy.deepcopy(records)
    records["findings"][0]["suppressed"] = {"by": "baseline", "reason": "known & accepted"}
    root = parse(records)
    [case] = root.find("testsuite[@name='bridge-opening']")
    assert case.find("skipped").get("message") == "suppressed (baseline): known & accepted"
    assert case.find("failure") is None
    assert counts(root)["skipped"] == 1 and counts(root)["failures"] == 0


@pytest.mark.parametrize("text, survives", [
    ("a ]]> b", "a ]]> b"),
    ("Tom & Jerry <script>", "Tom & Jerry <script>"),
    ('quote "double" \'single\'', 'quote "double" \'single\''),
    ("nul\x00 bell\x07 escape\x1b", "nul\ufffd bell\ufffd escape\ufffd"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("windows\r\nline\rends", "windows\nline\nends"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("emoji 🌉 and \ufffe", "emoji 🌉 and \ufffd"),
], ids=["cdata-end", "markup", "quotes", "control", "surrogate", "line-ends", "whitespace", "non-bmp"])
def test_hostile_text_survives_in_text_and_attributes(records, text, survives):
    records = copy.deepcopy(records)
    finding = records["findings"][0]
    finding["message"] = text
    finding["statements"][0]["quote"] = text
    [case] = parse(records).find("testsuite[@name='bridge-opening']")
    failure = case.find("failure")
    assert failure.get("message") == survives
    assert f'"{survives}"' in failure.text


def test_output_declares_utf8(records):
    assert junit.render(records).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
