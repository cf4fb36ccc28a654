"""JUnit XML: what factcheck checked, as a test report CI systems display.

`<testsuites name="factcheck">` holds one `<testsuite>` per rule (named by the
rule id, in rule order), so a CI test view groups the checks fact by fact:

- a finding is a testcase with `<failure type=TYPE message=MESSAGE>` whose text
  holds every statement's source, place, value and quote;
- a suppressed finding is a testcase with `<skipped message="suppressed (inline): reason">`;
- a fact without findings is one passing testcase named by its outcome.

Unreadable inputs are `<error>` testcases in a last suite, "unreadable inputs".
Every level carries tests / failures / errors / skipped counts; `time` is 0
(factcheck does not time facts). Text is UTF-8; characters XML cannot hold are
replaced by U+FFFD.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

PROBLEMS_SUITE = "unreadable inputs"
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(records: dict, color: bool = False) -> str:
    root = ET.Element("testsuites", name="factcheck")
    suites = [_rule_suite(rule, findings, facts) for rule, findings, facts in _by_rule(records)]
    if records["problems"]:
        suites.append(_problems_suite(records["problems"]))
    for suite in suites:
        root.append(suite)
    _count(root, suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _by_rule(records: dict) -> list[tuple[str, list[dict], list[dict]]]:
    """(rule id, its findings, its facts) in rule order; rules only findings name come last."""
    order = list(dict.fromkeys([r["id"] for r in records["rules"]] + [f["rule"] for f in records["findings"]]))
    return [(rule, [f for f in records["findings"] if f["rule"] == rule],
             [f for f in records["facts"] if f["rule"] == rule]) for rule in order]


def _rule_suite(rule: str, findings: list[dict], facts: list[dict]) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml(rule))
    cases = [_finding_case(f) for f in findings]
    if not findings:
        cases += [_fact_case(f) for f in facts]
    for case in cases:
        suite.append(case)
    _count(suite, [suite])
    return suite


def _finding_case(finding: dict) -> ET.Element:
    name = f"{finding['type']}: {', '.join(finding['sources'])} [{finding['id']}]"
    case = _case(finding["rule"], name)
    if finding.get("location"):
        case.set("file", _xml(finding["location"]["path"]))
        case.set("line", str(finding["location"]["line"]))
    suppressed = finding.get("suppressed")
    if suppressed:
        reason = f": {suppressed['reason']}" if suppressed.get("reason") else ""
        outcome = ET.SubElement(case, "skipped", message=_xml(f"suppressed ({suppressed.get('by', '')}){reason}"))
    else:
        outcome = ET.SubElement(case, "failure", type=finding["type"], message=_xml(finding["message"]))
    outcome.text = _xml(_evidence(finding))
    return case


def _evidence(finding: dict) -> str:
    lines = [f"{finding['severity']} {finding['type']}: {finding['message']}"]
    for statement in finding["statements"]:
        where = f"{statement['path']}:{statement['line']}:{statement['column']}"
        lines.append(f"  {statement['source']}  {where}  {statement.get('value_shown') or '(no value)'}  "
                     f"\"{statement['quote']}\"")
    return "\n".join(lines) + "\n"


def _fact_case(fact: dict) -> ET.Element:
    consensus = fact.get("consensus")
    said = [f"{s['source']} {s['value_text']}" for s in fact["statements"] if s.get("value_text")]
    if consensus:
        detail = f": {consensus['text']} ({', '.join(consensus['sources'])})"
    else:
        detail = f": {'; '.join(said)}" if said else ""
    case = _case(fact["rule"], fact["outcome"] + detail)
    ET.SubElement(case, "system-out").text = _xml(fact["question"])
    return case


def _problems_suite(problems: list) -> ET.Element:
    suite = ET.Element("testsuite", name=PROBLEMS_SUITE)
    for problem in problems:
        case = _case(PROBLEMS_SUITE, str(problem))
        ET.SubElement(case, "error", type="unreadable-input", message=_xml(str(problem)))
        suite.append(case)
    _count(suite, [suite])
    return suite


def _case(classname: str, name: str) -> ET.Element:
    return ET.Element("testcase", classname=_xml(classname), name=_xml(name), time="0")


def _count(element: ET.Element, suites: list[ET.Element]) -> None:
    cases = [case for suite in suites for case in suite.iter("testcase")]
    element.set("tests", str(len(cases)))
    for attribute, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
        element.set(attribute, str(sum(1 for case in cases if case.find(tag) is not None)))
    element.set("time", "0")


def _xml(text: str) -> str:
    """Text XML 1.0 can carry: line ends made \\n, forbidden characters replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
