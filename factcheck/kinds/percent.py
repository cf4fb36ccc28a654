"""percent — a share or rate written as a percentage.

Reads
    "55 percent", "85%", "85 %", "12.5 per cent", "fifty percent", "(55%)";
    ranges "20-30%", "20–30%", "20%-30%", "20 to 30 percent", "20 or 30%", "20 through 30%",
    "between 20 and 30 percent";
    fractions of a whole before "of": "half of", "a third of", "two-thirds of",
    "a quarter of", "three quarters of", "a fifth of" (so "nearly half of patients"
    is [45, 50)); with any qualifier of `factcheck.kinds.qualifiers` before it
    ("about 50%", "up to 70%", "over 90%", "nearly half") and "or more"/"or less" after it.

Canonical unit
    `percent` (percentage points). Bounds live in 0..100: "up to 70%" is [0, 70],
    "over 90%" is (90, 100], "at least 50%" is [50, 100]; "about 50%" is [47.5, 52.5].
    A descending pair "from 40% to 20%" is a change, not a range: it gives two values.

Does not read
    "5 percentage points" (a difference, not a share), "reduced by at least half"
    (no "of"), "half an hour", bare numbers without a percent sign or word.

Examples
    "help up to 70% of patients"        -> up to 70%   [0, 70]        qualifier "up to"
    "around 30% of people"              -> around 30%  [28.5, 31.5]   qualifier "about"
    "20–30% of adults"                  -> 20–30%      [20, 30]       granularity "range"
    "nearly half of the patients"       -> nearly half [45, 50)       qualifier "nearly"
    "a 5 percentage point rise"         -> nothing

Tolerance
    A number is in percentage points: `tolerance: 2` lets 30% agree with 32%.
    A string may say so: "2 points", "2 pp", "2 percentage points", or "2%" / "2 percent",
    which also mean two percentage points (absolute, never relative to the value).
"""
from __future__ import annotations

import re

from ..model import Found, Span, Value
from . import qualifiers as q
from .common import DASH, NUMBER, NUMBER_START, alternation, fmt_number, interval_text, parse_number, parse_phrase, split_spec

NAME = "percent"
ALIASES: tuple[str, ...] = ("percentage",)
UNIT = "percent"
MINIMUM, MAXIMUM = 0.0, 100.0

FRACTIONS = {
    "half": 50.0, "one half": 50.0, "one-half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
}
PCT = r"(?:\s*%|\s*(?:percent|per\s+cent|pct)(?!\w))"
_PATTERN = re.compile(
    NUMBER_START
    + q.prefix()
    + r"(?:"
    + rf"between\s+(?P<ba>{NUMBER}){PCT}?\s+and\s+(?P<bb>{NUMBER}){PCT}"
    + rf"|(?P<a>{NUMBER})(?P<apct>{PCT})?(?:{DASH}|\s+(?:to|or|through)\s+)(?P<b>{NUMBER}){PCT}"
    + rf"|(?P<v>{NUMBER}){PCT}"
    + rf"|(?P<frac>{alternation(FRACTIONS)})(?=\s+of(?!\w))"
    + r")"
    + q.postfix(),
    re.IGNORECASE,
)


_QUICK = re.compile(r"%|per\s*cent|pct|half|third|quarter|fifth", re.IGNORECASE)  # cheap pre-check


def find(text: str) -> list[Found]:
    """Every percentage in the text, in order."""
    if not _QUICK.search(text):
        return []
    found: list[Found] = []
    for match in _PATTERN.finditer(text):
        found.extend(_read(match))
    return found


def _read(match: re.Match[str]) -> list[Found]:
    qualifier = q.canonical(match.group("qual")) or q.postfix_canonical(match.group("post"))
    if match.group("frac"):
        v = FRACTIONS[" ".join(match.group("frac").lower().split())]
        return [_found(match.group(0), match.start(), match.end(), v, v, qualifier, "exact", relative=FRACTION_ABOUT)]
    if match.group("v"):
        v = parse_number(match.group("v"))
        return [_found(match.group(0), match.start(), match.end(), v, v, qualifier, "exact")]
    a_group, b_group = ("ba", "bb") if match.group("ba") else ("a", "b")
    a, b = parse_number(match.group(a_group)), parse_number(match.group(b_group))
    if a <= b:
        return [_found(match.group(0), match.start(), match.end(), a, b, qualifier, "range")]
    # "from 40% to 20%": two values, not a range.
    first_end = match.end("apct") if match.group("apct") else match.end(a_group)
    text = match.string
    return [
        _found(text[match.start() : first_end], match.start(), first_end, a, a, q.canonical(match.group("qual")), "exact"),
        _found(text[match.start(b_group) : match.end()], match.start(b_group), match.end(), b, b,
               q.postfix_canonical(match.group("post")), "exact"),
    ]


FRACTION_ABOUT = 0.05  # "about a third": 5% of it either side


def _found(raw: str, start: int, end: int, low: float, high: float, qualifier: str | None, granularity: str,
           relative: float | None = None) -> Found:
    lo, hi = q.bounds(low, high, qualifier, MINIMUM, MAXIMUM, relative=relative)
    return Found(Value(NAME, raw, lo, hi, UNIT, qualifier, granularity), Span(start, end))


def parse(text: str | float) -> Value | None:
    """'70%', 'about 50%', '20-30%', 'up to 70 percent', or a plain number of percent (70)."""
    return parse_phrase(text, find, lambda v, raw: Value(NAME, raw, v, v, UNIT))


def describe(value: Value) -> str:
    """'70%', '47.5–52.5%', '≤ 70%', '> 90%', '≥ 50%', '45–<50%'."""
    return interval_text(value.low, value.high, value.qualifier, fmt_number, MINIMUM, MAXIMUM) + "%"


_POINTS = re.compile(r"(?:%|percent|per\s+cent|pp|pts?|points?|percentage\s+points?)?", re.IGNORECASE)


def tolerance(spec: str | float | None) -> float:
    """Percentage points: 2, '2', '2 points', '2 pp', '2 percentage points', '2%'."""
    number, unit = split_spec(spec, NAME, "2 percentage points")
    if not _POINTS.fullmatch(unit):
        raise ValueError(f"a percent tolerance is in percentage points (e.g. 2 or '2 points'), not {spec!r}")
    return number
