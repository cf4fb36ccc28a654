"""The bundled corpus through the real engine: what a careful reader sees."""
from __future__ import annotations

import pytest

from conftest import ROOT
from factcheck.check import run_check


@pytest.fixture(scope="module")
def facts():
    report = run_check([ROOT / "sources"], [ROOT / "rules"])
    assert not report.problems
    return {f.rule.id: f for f in report.facts}


def values(fact) -> dict[str, set[str]]:
    from factcheck import kinds

    describe = kinds.get(fact.rule.kind).describe
    result: dict[str, set[str]] = {}
    for mention in fact.statements:
        result.setdefault(mention.source, set()).add(describe(mention.value))
    return result


def test_first_human_use_conflicts_1970s_against_1960s(facts):
    fact = facts["ketamine-first-human-use"]
    assert str(fact.outcome) == "conflict"
    assert values(fact) == {"clinic-directory": {"1970s"}, "at-home-iv": {"1960s"}}
    assert fact.against_expected == ("clinic-directory",)


def test_first_use_for_depression_conflicts_1990_against_2000(facts):
    fact = facts["ketamine-depression-first-use"]
    assert str(fact.outcome) == "conflict"
    said = values(fact)
    assert said["medreport"] == {"1990"}
    assert said["at-home-iv"] == {"2000"}
    assert "2000-02-15" in said["clinic-directory"]
    assert fact.consensus is not None and set(fact.consensus.sources) == {"clinic-directory", "at-home-iv"}
    assert fact.outliers == ("medreport",)


def test_response_rate_conflicts_four_sources_four_figures(facts):
    fact = facts["ketamine-trd-response-rate"]
    assert str(fact.outcome) == "conflict"
    stating = {m.source for m in fact.statements}
    assert stating == {"clinic-directory", "allure-detox", "medreport", "at-home-iv"}
    figures = {(m.source, m.value.low, m.value.high) for m in fact.statements}
    assert ("allure-detox", 55, 55) in figures
    assert ("at-home-iv", 85, 85) in figures
    assert ("clinic-directory", 70, 70) in figures
    assert any(s == "medreport" and lo < 50 < hi for s, lo, hi in figures)
    # Not the demographic "(55%)" nor "19% received ... financial support" of news-portal.
    assert "news-portal" not in stating


def test_esketamine_trd_approval_is_2019_in_both_sources(facts):
    fact = facts["esketamine-approval-trd"]
    assert str(fact.outcome) == "consistent"
    assert values(fact) == {"allure-detox": {"2019"}, "news-portal": {"2019"}}


def test_esketamine_suicidal_ideation_approval_takes_the_2020(facts):
    fact = facts["esketamine-approval-suicidal-ideation"]
    assert values(fact) == {"news-portal": {"2020"}}
    assert str(fact.outcome) == "single-source"


def test_synthesis_year_is_consistent_1962(facts):
    fact = facts["ketamine-synthesis-year"]
    assert str(fact.outcome) == "consistent"
    assert values(fact) == {"allure-detox": {"1962"}, "medreport": {"1962"}}


def test_hedges_that_meet_are_no_self_contradiction(facts):
    fact = facts["ketamine-years-of-medical-use"]
    assert values(fact) == {"clinic-directory": {"45–50 years", "> 50 years"}}
    assert fact.self_contradictions == () and str(fact.outcome) == "single-source"


def test_accuracy_against_the_hand_labelled_table():
    """Printed by scripts/accuracy.py; here only a floor that a regression would break."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "scripts" / "accuracy.py")
    accuracy = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = accuracy  # its dataclasses look their module up there
    spec.loader.exec_module(accuracy)
    scores = accuracy.measure(ROOT / "sources", ROOT / "rules", ROOT / "tests" / "accuracy", "bundled")
    assert scores.right == scores.labelled and not scores.wrong, scores.line()
    assert scores.conflicts_found == scores.conflicts_listed and not scores.false_conflicts, scores.line()
