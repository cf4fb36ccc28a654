"""Data-driven tests of the value kinds, from the tables in tests/kinds/cases/<kind>.yaml.

Each table has sections:
  find:      {text, found: [{raw, low, high, unit?, qualifier?, granularity?}]} — every value
             find() returns, in order (an empty list: the sentence holds none of that kind);
  parse:     {text, low, high, ...} or {text, none: true};
  describe:  {text, describe} — describe(parse(text));
  tolerance: {spec, value} or {spec, error: part of the message};
  agree:     {a, b, tolerance?, agree} or {a, b, comparable: false}.
Bounds: numbers; null (unbounded); ISO dates for the date kind; "N unit" strings for
durations (converted here with the test's own table); a leading "<" or ">" marks an open
end (strictly below / above, by float rounding only).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
import yaml

from factcheck import kinds
from factcheck.kinds import qualifiers
from factcheck.model import Found, Value

CASES = Path(__file__).parent / "cases"
DAY = 86400.0
SECONDS = {
    "s": 1.0, "min": 60.0, "h": 3600.0, "day": DAY, "days": DAY, "week": 7 * DAY, "weeks": 7 * DAY,
    "month": 30.44 * DAY, "months": 30.44 * DAY, "year": 365.25 * DAY, "years": 365.25 * DAY,
}


def _tables() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CASES.glob("*.yaml"))}


TABLES = _tables()


def _label(case: dict) -> str:
    if "a" in case:
        return f"{case['a']} ~ {case['b']}" + (f" ±{case['tolerance']}" if "tolerance" in case else "")
    text = str(case.get("text", case.get("spec")))
    return text if len(text) <= 60 else text[:57] + "..."


def cases(section: str) -> list:
    return [
        pytest.param(kind, case, id=f"{kind}: {_label(case)}")
        for kind, table in TABLES.items()
        for case in table.get(section) or []
    ]


def _bound(kind: str, raw) -> tuple[float | None, str]:
    """An expected bound from the table as (canonical value, '<' / '>' / '')."""
    if raw is None:
        return None, ""
    if isinstance(raw, dt.date):
        return float(raw.toordinal()), ""
    if isinstance(raw, (int, float)):
        return float(raw), ""
    text, strict = str(raw).strip(), ""
    if text[:1] in "<>":
        strict, text = text[0], text[1:].strip()
    if kind == "date":
        return float(dt.date.fromisoformat(text).toordinal()), strict
    number, _, unit = text.partition(" ")
    return float(number) * (SECONDS[unit] if unit else 1.0), strict


def check_bound(kind: str, actual: float | None, raw, side: str) -> None:
    expected, strict = _bound(kind, raw)
    if expected is None:
        assert actual is None, f"{side}: expected unbounded, got {actual}"
        return
    assert actual is not None, f"{side}: expected {raw}, got unbounded"
    assert actual == pytest.approx(expected, rel=1e-9, abs=1e-9), f"{side}: expected {raw}, got {actual}"
    if strict == ">":
        assert actual > expected, f"{side}: expected an open end above {expected}, got {actual}"
    if strict == "<":
        assert actual < expected, f"{side}: expected an open end below {expected}, got {actual}"


def check_value(kind_name: str, value: Value, expected: dict) -> None:
    kind = kinds.get(kind_name)
    assert value.kind == kind.NAME
    assert value.unit == expected.get("unit", kind.UNIT)
    assert value.qualifier == expected.get("qualifier")
    assert value.granularity == expected.get("granularity", "exact")
    check_bound(kind_name, value.low, expected["low"], "low")
    check_bound(kind_name, value.high, expected["high"], "high")


# ---------------------------------------------------------------- find


@pytest.mark.parametrize("kind_name, case", cases("find"))
def test_find(kind_name: str, case: dict) -> None:
    text = case["text"]
    found = kinds.get(kind_name).find(text)
    assert [f.value.raw for f in found] == [str(e["raw"]) for e in case["found"]]
    for item, expected in zip(found, case["found"]):
        assert isinstance(item, Found)
        assert text[item.span.start : item.span.end] == item.value.raw
        check_value(kind_name, item.value, expected)


ALL_TEXTS = sorted({case["text"] for table in TABLES.values() for case in table.get("find") or []})


@pytest.mark.parametrize("text", ALL_TEXTS, ids=lambda t: t if len(t) <= 60 else t[:57] + "...")
def test_kinds_never_claim_the_same_words(text: str) -> None:
    """Within a kind spans are sorted and disjoint; across kinds no two values overlap."""
    spans = []
    for name in kinds.names():
        found = kinds.get(name).find(text)
        starts = [f.span.start for f in found]
        assert starts == sorted(starts)
        for a, b in zip(found, found[1:]):
            assert a.span.end <= b.span.start
        spans += [(f.span.start, f.span.end, name, f.value.raw) for f in found]
    spans.sort()
    for (s1, e1, k1, r1), (s2, e2, k2, r2) in zip(spans, spans[1:]):
        assert e1 <= s2, f"{k1} {r1!r} overlaps {k2} {r2!r}"


# ---------------------------------------------------------------- parse, describe, tolerance


@pytest.mark.parametrize("kind_name, case", cases("parse"))
def test_parse(kind_name: str, case: dict) -> None:
    kind = kinds.get(kind_name)
    value = kind.parse(case["text"])
    as_text = kind.parse(str(case["text"]))  # how rule files hand values over
    if case.get("none"):
        assert value is None and as_text is None
        return
    assert value is not None and as_text is not None
    check_value(kind_name, value, case)
    assert (as_text.low, as_text.high) == (value.low, value.high)


@pytest.mark.parametrize("kind_name, case", cases("describe"))
def test_describe(kind_name: str, case: dict) -> None:
    kind = kinds.get(kind_name)
    value = kind.parse(case["text"])
    assert value is not None
    assert kind.describe(value) == case["describe"]


@pytest.mark.parametrize("kind_name, case", cases("tolerance"))
def test_tolerance(kind_name: str, case: dict) -> None:
    kind = kinds.get(kind_name)
    if "error" in case:
        with pytest.raises(ValueError, match=re.escape(str(case["error"]))):
            kind.tolerance(case["spec"])
    else:
        assert kind.tolerance(case["spec"]) == pytest.approx(case["value"])


@pytest.mark.parametrize("kind_name, case", cases("agree"))
def test_agree(kind_name: str, case: dict) -> None:
    kind = kinds.get(kind_name)
    a, b = kind.parse(case["a"]), kind.parse(case["b"])
    assert a is not None and b is not None
    if case.get("comparable") is False:
        assert not a.comparable_with(b)
        return
    tolerance = kind.tolerance(case.get("tolerance", 0))
    assert a.comparable_with(b)
    assert a.agrees_with(b, tolerance) is case["agree"]
    assert b.agrees_with(a, tolerance) is case["agree"]


@pytest.mark.parametrize(
    "kind_name, nearly, over, exact",
    [
        ("percent", "nearly 50%", "over 50%", "50%"),
        ("count", "nearly 50", "more than 50", "50"),
        ("duration", "nearly 50 years", "over 50 years", "50 years"),
        ("dose", "nearly 0.5 mg/kg", "over 0.5 mg/kg", "0.5 mg/kg"),
    ],
)
def test_nearly_and_over_meet_at_the_value(kind_name: str, nearly: str, over: str, exact: str) -> None:
    """Hedges overlap when they can: 'nearly v' ends at v and 'over v' starts there, so neither
    contradicts the other nor v itself; 'under v' still ends below v."""
    kind = kinds.get(kind_name)
    n, o, v = kind.parse(nearly), kind.parse(over), kind.parse(exact)
    assert n and o and v
    assert n.agrees_with(o) and n.agrees_with(v) and o.agrees_with(v)
    under = kind.parse(nearly.replace("nearly", "under"))
    assert under is not None and not under.agrees_with(o) and not under.agrees_with(v)


# ---------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    "qualifier, expected",
    [
        (None, (40, 40)),
        ("about", (36, 44)),
        ("nearly", (36, 40)),
        ("over", (40, None)),
        ("at least", (40, None)),
        ("up to", (0, 40)),
        ("under", (0, math.nextafter(40, -math.inf))),
    ],
)
def test_qualifier_bounds(qualifier: str | None, expected: tuple) -> None:
    low, high = qualifiers.bounds(40.0, 40.0, qualifier, minimum=0.0)
    assert low == pytest.approx(expected[0]) if expected[0] is not None else low is None
    assert (high is None) if expected[1] is None else high == pytest.approx(expected[1])
    if qualifier == "under":
        assert high < 40


def test_qualifier_bounds_respect_a_maximum() -> None:
    assert qualifiers.bounds(90.0, 90.0, "at least", 0.0, 100.0) == (90.0, 100.0)
    assert qualifiers.bounds(98.0, 98.0, "about", 0.0, 100.0)[1] == 99.0  # one unit of its last digit
    assert qualifiers.bounds(100.0, 100.0, "about", 0.0, 100.0)[1] == 100.0
    assert qualifiers.bounds(150.0, 150.0, "over", 0.0, 100.0)[1] is None


def test_unknown_qualifier_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown qualifier"):
        qualifiers.bounds(1.0, 1.0, "roughly-ish")


# ---------------------------------------------------------------- registry and contract


@pytest.mark.parametrize("name", kinds.names())
def test_every_kind_keeps_the_contract(name: str) -> None:
    kind = kinds.get(name)
    assert kind.NAME == name
    assert isinstance(kind.ALIASES, tuple) and all(isinstance(a, str) for a in kind.ALIASES)
    assert isinstance(kind.UNIT, str) and kind.UNIT
    for function in ("find", "parse", "describe", "tolerance"):
        assert callable(getattr(kind, function))
    assert kind.__doc__ and len(kind.__doc__) > 500, "the module docstring is the kind's documentation"
    assert kind.find("") == []
    assert kind.parse("") is None
    assert kind.tolerance(0) == 0


def test_registry_lists_every_name_and_alias() -> None:
    assert kinds.names() == ["age", "category", "count", "date", "dose", "duration", "length", "percent"]
    for key, module in kinds.KINDS.items():
        assert key == module.NAME or key in module.ALIASES
        for name in (module.NAME, *module.ALIASES):
            assert kinds.KINDS[name] is module


@pytest.mark.parametrize("name, primary", [("year", "date"), ("decade", "date"), ("Percent", "percent"), (" count ", "count")])
def test_get_accepts_aliases_case_and_spaces(name: str, primary: str) -> None:
    assert kinds.get(name).NAME == primary


def test_get_suggests_the_closest_kind() -> None:
    with pytest.raises(kinds.UnknownKindError) as error:
        kinds.get("percnt")
    message = str(error.value)
    assert "did you mean 'percent'?" in message
    for name in kinds.names():
        assert name in message
    assert isinstance(error.value, ValueError)


def test_get_without_a_close_match_lists_the_kinds() -> None:
    with pytest.raises(kinds.UnknownKindError, match="unknown value kind 'banana'; known kinds: age, category") as error:
        kinds.get("banana")
    assert "did you mean" not in str(error.value)


def test_date_parse_accepts_date_objects() -> None:
    value = kinds.get("date").parse(dt.date(2000, 2, 15))
    assert value is not None and value.low == value.high == dt.date(2000, 2, 15).toordinal()
    assert value.granularity == "day"
