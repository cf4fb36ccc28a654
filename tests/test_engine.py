"""The engine on facts it was never tuned for: rules and sentences written here.

Each case is a rule, a few sources, and what a careful reader expects: the value each
source states (by raw text) and the fact's outcome.
"""
from __future__ import annotations

import textwrap

import pytest

from factcheck.check import run_check
from factcheck.model import FindingType, Outcome


def rule_yaml(**fields) -> str:
    lines = ["rules:", "  - id: " + fields.pop("id", "fact")]
    fields.setdefault("question", "What is it?")
    for key, value in fields.items():
        lines.append(f"    {key}: {value}")
    return "\n".join(lines) + "\n"


def run(workspace, rule: str, sources: dict[str, str]):
    files = {"rules/r.yaml": rule}
    files.update({f"src/{name}.txt": textwrap.dedent(text).strip() + "\n" for name, text in sources.items()})
    ws = workspace(files)
    report = run_check([ws / "src"], [ws / "rules"])
    assert not report.problems
    (fact,) = report.facts
    return report, fact


def said(fact) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for mention in fact.statements:
        result.setdefault(mention.source, []).append(mention.value.raw)
    return result


BRIDGE = rule_yaml(id="bridge-opening", subject="[Tallis Bridge, the bridge]", cues="[opened, opening, inaugurated]",
                   kind="year")

ZORVEX_USERS = rule_yaml(id="zorvex-users", question="'How many people take Zorvex?'", subject="[Zorvex]",
                         cues="[people, take]", kind="count", tolerance="10%")
ZORVEX_GENERIC = rule_yaml(id="zorvex-generic", question="'When did generic Zorvex go on sale?'", subject="[Zorvex]",
                           cues="[generic, on sale]", kind="date")
ZORVEX_MYALGIA = rule_yaml(id="zorvex-myalgia", question="'How often does Zorvex cause myalgia?'", subject="[Zorvex]",
                           cues="[myalgia, muscle pain]", kind="percent")

CASES = [
    (
        "years that differ conflict",
        BRIDGE,
        {"a": "The Tallis Bridge opened in 1884 after six years of work.",
         "b": "Built by 300 men, the Tallis Bridge was opened to traffic in 1886."},
        {"a": ["1884"], "b": ["1886"]},
        Outcome.CONFLICT,
    ),
    (
        "tolerance makes them agree",
        BRIDGE.replace("kind: year", "kind: year\n    tolerance: 2 years"),
        {"a": "The Tallis Bridge opened in 1884.", "b": "The Tallis Bridge opened in 1886."},
        {"a": ["1884"], "b": ["1886"]},
        Outcome.CONSISTENT,
    ),
    (
        "a date agrees with its year and decade",
        BRIDGE,
        {"a": "The Tallis Bridge opened on March 3, 1884.", "b": "The bridge saw its opening in the 1880s.",
         "c": "The Tallis Bridge opened in 1884 to great crowds."},
        {"a": ["March 3, 1884"], "b": ["the 1880s"], "c": ["1884"]},
        Outcome.CONSISTENT,
    ),
    (
        "pronoun: subject named in the sentence before",
        BRIDGE,
        {"a": "The Tallis Bridge crosses the Velna. It was opened in 1884.", "b": "The Tallis Bridge opened in 1884."},
        {"a": ["1884"], "b": ["1884"]},
        Outcome.CONSISTENT,
    ),
    (
        "subject too far back is not this fact",
        BRIDGE,
        {"a": "The Tallis Bridge crosses the Velna. Boats pass. Carts pass. Trains pass. The mill opened in 1890."},
        {},
        Outcome.NOT_STATED,
    ),
    (
        "a cue without a value is unparseable, not 'not stated'",
        BRIDGE,
        {"a": "The Tallis Bridge opened to great fanfare."},
        {},
        Outcome.UNPARSEABLE,
    ),
    (
        "one source only",
        BRIDGE,
        {"a": "The Tallis Bridge opened in 1884.", "b": "Nothing about bridges here."},
        {"a": ["1884"]},
        Outcome.SINGLE_SOURCE,
    ),
    (
        "a typo in the cue still matches",
        BRIDGE,
        {"a": "The Tallis Bridge was inagurated in 1884.", "b": "The Tallis Bridge was inaugurated in 1884."},
        {"a": ["1884"], "b": ["1884"]},
        Outcome.CONSISTENT,
    ),
    (
        "context splits one sentence between two facts",
        rule_yaml(id="europe-launch", subject="[Orbex phone, Orbex]", cues="[launched, launch]",
                  context="{require: [Europe], exclude: [Asia]}", kind="year"),
        {"a": "The Orbex phone launched in Asia in 2013 and in Europe in 2015.",
         "b": "Orbex saw its launch in Europe in 2015, two years after its launch in Asia in 2013."},
        {"a": ["2015"], "b": ["2015"]},
        Outcome.CONSISTENT,
    ),
    (
        "percentages: qualifiers and a demographic breakdown",
        rule_yaml(id="efficacy", subject="[vaccine]", cues="[effective, efficacy]", kind="percent"),
        {"a": "In the trial (62% women), the vaccine was 94% effective.",
         "b": "The vaccine showed about 95 percent efficacy.",
         "c": "Early reports gave the vaccine an efficacy of 70%."},
        {"a": ["94%"], "b": ["about 95 percent"], "c": ["70%"]},
        Outcome.CONFLICT,
    ),
    (
        "counts: not the age, not the footnote",
        rule_yaml(id="committee-size", subject="[committee]", cues="[members, seats]", kind="count"),
        {"a": "The committee, chaired by Ana Ruiz, 61, has nine members.(2)",
         "b": "Study 4 showed the committee has 9 seats."},
        {"a": ["nine"], "b": ["9"]},
        Outcome.CONSISTENT,
    ),
    (
        "an age before any verb is not the count",
        rule_yaml(id="warbler-count", subject="[warbler]", cues="[population]", kind="count"),
        {"a": "A survey by Reyes, 51, put the population of the warbler at nearly 4,600."},
        {"a": ["nearly 4,600"]},
        Outcome.SINGLE_SOURCE,
    ),
    (
        "two verbs, one subject: each value belongs to the verb before it",
        rule_yaml(id="approval", subject="[Vaniaprofen]", cues="[approved]", kind="year"),
        {"a": "Vaniaprofen was first synthesized in 1972 and approved in 2015."},
        {"a": ["2015"]},
        Outcome.SINGLE_SOURCE,
    ),
    (
        "a value before the cue across a comma loses to one after it",
        rule_yaml(id="bridge-open", subject="[Vilst Bridge]", cues="[opened]", kind="year"),
        {"a": "The Vilst Bridge, designed by Priya Ferreira in 1874, opened in 1877."},
        {"a": ["1877"]},
        Outcome.SINGLE_SOURCE,
    ),
    (
        "hedges that meet do not contradict each other",
        rule_yaml(id="festival-age", subject="[festival]", cues="[has run for, history]", kind="duration"),
        {"a": "The festival has run for nearly four decades. Today the festival, with over four decades of history, is famous."},
        {"a": ["nearly four decades", "over four decades"]},
        Outcome.SINGLE_SOURCE,
    ),
    (
        "a source contradicting itself",
        rule_yaml(id="festival-age", subject="[festival]", cues="[has run for, history]", kind="duration"),
        {"a": "The festival has run for nearly four decades. Today the festival, with over six decades of history, is famous."},
        {"a": ["nearly four decades", "over six decades"]},
        Outcome.CONFLICT,
    ),
    (
        "doses: per-kg wording agrees, absolute mg ignored by unit",
        rule_yaml(id="dose", subject="[Zorvex]", cues="[dose, dosed]", kind="dose", unit="mg/kg"),
        {"a": "The usual Zorvex dose is 2 mg/kg, so a 70 kg adult gets a dose of 140 mg.",
         "b": "Zorvex is dosed at 2mg per kg of body weight."},
        {"a": ["2 mg/kg"], "b": ["2mg per kg of body weight"]},
        Outcome.CONSISTENT,
    ),
    (
        "durations in different units compare",
        rule_yaml(id="flight-time", subject="[the flight, flight]", cues="[takes, lasts]", kind="duration"),
        {"a": "The flight takes about 90 minutes.", "b": "The flight lasts 1.5 hours."},
        {"a": ["about 90 minutes"], "b": ["1.5 hours"]},
        Outcome.CONSISTENT,
    ),
    (
        "subject named paragraphs before: within the window, across a paragraph without sentences",
        rule_yaml(id="mill-built", subject="[Harrow Mill]", cues="[built]", kind="year", subject_window=3),
        {"a": "The Harrow Mill stands by the river.\n\nVisitors come in summer.\n\n* * *\n\nIt was built in 1790.",
         "b": "The Harrow Mill stands by the river.\n\nVisitors come in summer. Tea is served.\n\n"
              "The shop sells maps.\n\nIt was built in 1790."},
        {"a": ["1790"]},  # b: four sentences after the subject, one more than the window
        Outcome.SINGLE_SOURCE,
    ),
    (
        "a value far from the cue in its clause is still the one it governs",
        rule_yaml(id="museum-opening", subject="[museum]", cues="[opened]", kind="year"),
        {"a": "The museum opened after a long campaign led by local teachers, artists, farmers and shopkeepers in the town in 1931."},
        {"a": ["1931"]},
        Outcome.SINGLE_SOURCE,
    ),
    (
        "an age limit: 'under 16' and 'under 18' state different limits",
        rule_yaml(id="min-age", question="'From what age may the Zorvex spray be used?'", subject="[Zorvex]",
                  kind="age", limit="lower"),
        {"a": "Zorvex is not for children under 16.", "b": "Zorvex is not for anyone under 18.",
         "c": "Zorvex may be used by adults 18 and older."},
        {"a": ["under 16"], "b": ["under 18"], "c": ["18 and older"]},
        Outcome.CONFLICT,
    ),
    (
        "an age limit: a range states its lower end",
        rule_yaml(id="min-age", question="'From what age is the Zorvex vaccine given?'", subject="[Zorvex]",
                  kind="age", limit="lower"),
        {"a": "Zorvex is given to people ages 9 through 45.", "b": "The Zorvex vaccine is approved from age 9."},
        {"a": ["ages 9 through 45"], "b": ["from age 9"]},
        Outcome.CONSISTENT,
    ),
    (
        "a value in another clause, about something else, is not",
        rule_yaml(id="museum-opening", subject="[museum]", cues="[opened]", kind="year"),
        {"a": "The museum opened to great crowds; the railway that brings most visitors was finished in 1931."},
        {},
        Outcome.UNPARSEABLE,
    ),
    (
        "a relative tolerance lets large counts agree within a share of their size",
        ZORVEX_USERS,
        {"a": "About 300 million people take Zorvex.", "b": "Some 320 million people take Zorvex."},
        {"a": ["About 300 million"], "b": ["Some 320 million"]},
        Outcome.CONSISTENT,
    ),
    (
        "a relative tolerance still tells apart counts further apart",
        ZORVEX_USERS,
        {"a": "About 1.8 million people take Zorvex.", "b": "Some 1.3 million people take Zorvex."},
        {"a": ["About 1.8 million"], "b": ["Some 1.3 million"]},
        Outcome.CONFLICT,
    ),
    (
        "a day named without its year takes the year named before it",
        ZORVEX_GENERIC,
        {"a": "Nov. 29, 2011 -- Zorvex, the best-selling pill, will be on sale in generic form starting Nov. 30.",
         "b": "The patent ran out in 2011.\n\nOn November 30 of that year, generic Zorvex went on sale.",
         "c": "Generic Zorvex went on sale on November 30, 2011."},
        {"a": ["Nov. 30"], "b": ["November 30 of that year"], "c": ["November 30, 2011"]},
        Outcome.CONSISTENT,
    ),
    (
        "a day without a year and no year before it is not read",
        ZORVEX_GENERIC,
        {"a": "Generic Zorvex went on sale on November 30."},
        {},
        Outcome.UNPARSEABLE,
    ),
    (
        "a news dateline is the day the story was filed",
        rule_yaml(id="zorvex-approval", question="'When was Zorvex approved?'", subject="[Zorvex]",
                  cues="[approved, approval]", kind="date"),
        {"a": "WEDNESDAY, Dec. 10, 2014 (HealthDay News) -- The FDA has approved Zorvex. The agency granted "
              "the approval on Dec. 8, 2014, after a short review."},
        {"a": ["Dec. 8, 2014"]},
        Outcome.SINGLE_SOURCE,
    ),
    (
        "a table's bare numbers under a percentage header are percentages",
        ZORVEX_MYALGIA,
        {"a": """
              Zorvex side effects

              Adverse reaction | Zorvex (%) | Placebo (%)
              Headache | 12.1 | 11.0
              Myalgia | 3.5 | 3.1
              """,
         "b": """
              Zorvex side effects

              Table 2: Adverse reactions in the Zorvex trials (% of patients)

              Adverse reaction | Zorvex N=900 | Placebo N=870
              Myalgia | 3.5 | 3.0
              """,
         "c": "In trials of Zorvex, myalgia was reported by 3.5% of patients."},
        {"a": ["3.5"], "b": ["3.5"], "c": ["3.5%"]},
        Outcome.CONSISTENT,
    ),
    (
        "a table's bare numbers without a percentage header are not",
        ZORVEX_MYALGIA,
        {"a": """
              Zorvex side effects

              Adverse reaction | Zorvex patients | Placebo patients
              Myalgia | 35 | 31
              """},
        {},
        Outcome.UNPARSEABLE,
    ),
]


@pytest.mark.parametrize("rule,sources,statements,outcome", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_on_written_sources(workspace, rule, sources, statements, outcome):
    _, fact = run(workspace, rule, sources)
    assert said(fact) == statements
    assert fact.outcome is outcome


def test_consensus_outliers_and_expected(workspace):
    rule = rule_yaml(id="efficacy", subject="[vaccine]", cues="[effective]", kind="percent",
                     severity="error", expected="{value: 70%, reference: trial report}")
    report, fact = run(workspace, rule, {
        "a": "The vaccine was 94% effective.", "b": "The vaccine was 94% effective in adults.",
        "c": "The vaccine was 70% effective."})
    assert fact.consensus.sources == ("a", "b")
    assert fact.outliers == ("c",)
    assert fact.against_expected == ("a", "b")
    types = sorted(str(f.type) for f in report.findings)
    assert types == ["conflict", "contradicts-expected", "contradicts-expected"]
    conflict = next(f for f in report.findings if f.type is FindingType.CONFLICT)
    assert set(conflict.sources) == {"a", "b", "c"}


def test_finding_ids_do_not_depend_on_order_or_wording(workspace):
    rule = rule_yaml(id="efficacy", subject="[vaccine]", cues="[effective]", kind="percent")
    first, _ = run(workspace, rule, {"a": "The vaccine was 94% effective.", "b": "The vaccine was 70% effective."})
    second, _ = run(workspace, rule, {"a": "Intro.\nThe vaccine was 93% effective.", "b": "The vaccine was 60% effective."})
    assert [f.id for f in first.findings] == [f.id for f in second.findings]


def test_every_statement_carries_its_evidence(workspace):
    _, fact = run(workspace, BRIDGE, {"a": "Intro line.\n\nThe Tallis Bridge opened in 1884."})
    (mention,) = fact.statements
    chosen = mention.chosen
    assert (mention.source, mention.line, mention.column) == ("a", 3, 29)
    assert mention.sentence.text[chosen.span.start:chosen.span.end] == "1884"
    assert mention.rule == "bridge-opening" and "opened" in mention.cues
    assert "chosen" in mention.why and chosen.reasons


def test_consensus_needs_sources_that_agree_with_each_other(workspace):
    """'up to 70%' agrees with 50% and with 55%, but 50% and 55% do not agree: no consensus."""
    rule = rule_yaml(id="efficacy", subject="[vaccine]", cues="[effective]", kind="percent")
    _, fact = run(workspace, rule, {"a": "The vaccine was effective for up to 70% of people.",
                                    "b": "The vaccine was 50% effective.", "c": "The vaccine was 55% effective.",
                                    "d": "The vaccine was 85% effective."})
    assert fact.outcome is Outcome.CONFLICT
    assert fact.consensus is None and fact.outliers == ()


def test_consensus_prefers_plain_wording(workspace):
    _, fact = run(workspace, BRIDGE, {"a": "The Tallis Bridge opened on 3 March 1884.", "b": "The Tallis Bridge opened in 1884.",
                                      "c": "The Tallis Bridge opened in the 1880s.", "d": "The Tallis Bridge opened in 1901."})
    assert fact.consensus.value.raw == "1884" and fact.consensus.sources == ("a", "b")  # the decade fits, confirms nothing
    assert fact.outliers == ("d",)


def test_a_decade_or_a_bound_never_confirms_a_point(workspace):
    _, fact = run(workspace, BRIDGE, {"a": "The Tallis Bridge opened in the 1880s.", "b": "The Tallis Bridge opened in 1884.",
                                      "c": "The Tallis Bridge opened in 1891.", "d": "The Tallis Bridge opened before 1890."})
    assert fact.outcome is Outcome.CONFLICT and fact.consensus is None  # 1884 against 1891, one source each


def test_a_fact_stated_only_by_bounds_is_consistent_when_they_can_overlap(workspace):
    rule = rule_yaml(id="rivets", subject="[Tallis Bridge]", cues="[rivets]", kind="count")
    _, fact = run(workspace, rule, {"a": "More than 900 rivets hold the Tallis Bridge together.",
                                    "b": "Up to 2,000 rivets hold the Tallis Bridge together."})
    assert said(fact) == {"a": ["More than 900"], "b": ["Up to 2,000"]}
    assert fact.outcome is Outcome.CONSISTENT


CATEGORY = """
rules:
  - id: zorvex-schedule
    question: Under which schedule is Zorvex controlled?
    subject: [Zorvex]
    kind: category
    values: [Schedule I, Schedule II, {name: Schedule III, aliases: [CIII]}]
    severity: error
    expected: {value: Schedule III}
"""


def test_a_category_names_one_of_the_rules_values(workspace):
    _, fact = run(workspace, CATEGORY, {
        "a": "Zorvex is a Schedule III controlled substance.",
        "b": "In 1999 Zorvex was placed in schedule 3.",
        "c": "Zorvex is now a Schedule II drug; Schedule IV drugs are milder."})
    assert said(fact) == {"a": ["Schedule III"], "b": ["schedule 3"], "c": ["Schedule II"]}
    assert fact.outcome is Outcome.CONFLICT and fact.against_expected == ("c",)


def test_a_category_rule_needs_its_values(workspace):
    from factcheck.errors import RuleFileError
    from factcheck.rules import load_rules

    ws = workspace({"rules/r.yaml": CATEGORY.replace("    values: [Schedule I, Schedule II, {name: Schedule III, aliases: [CIII]}]\n", "")})
    with pytest.raises(RuleFileError, match="kind 'category' needs 'values'"):
        load_rules([ws / "rules"])


def test_a_conflict_names_each_source_and_value_once(workspace):
    report, fact = run(workspace, BRIDGE, {
        "a": "The Tallis Bridge opened in 1884. Crowds saw the Tallis Bridge opened in 1884 by the mayor.",
        "b": "The Tallis Bridge opened in 1890."})
    (finding,) = [f for f in report.findings if f.type is FindingType.CONFLICT]
    assert finding.message.startswith("sources disagree on bridge-opening: a: 1884; b: 1890"), finding.message
