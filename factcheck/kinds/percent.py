"""percent — a share or rate written as a percentage.

Reads
    "55 percent", "85%", "85 %", "12.5 per cent", "fifty percent", "(55%)",
    "1.5 percentage points";
    ranges "20-30%", "20–30%", "20%-30%", "20 to 30 percent", "20 or 30%", "20 through 30%",
    "between 20 and 30 percent";
    fractions of a whole before "of", "the", "all" or the people they count: "half of",
    "a third of", "two-thirds of", "a quarter of the", "three quarters of", "a fifth of",
    "a tenth of", "half the patients" (so "nearly half of patients" is [45, 50]);
    ratios: "1 in 5" (20%), "one in five", "1 out of 3", "3 out of every 100", "one in every four", "2 to 3 in 100";
    rates per a round number: "1 to 3 per 1,000" (0.1–0.3%), "2 per 100,000";
    with any qualifier of `factcheck.kinds.qualifiers` before it ("about 50%", "up to 70%",
    "over 90%", "nearly half", "about 1 in 5") and "or more"/"or less" after it;
    in a table (`factcheck.analysis`), a cell holding only a number ("3.5"), in a column
    whose header cell names a percentage ("Zorvex (%)", "Rate, percent") or, when no header
    cell does, in a table whose title above its header says so ("… (% of patients)").

Canonical unit
    `percent` (percentage points). Bounds live in 0..100: "up to 70%" is [0, 70],
    "over 90%" is (90, 100], "at least 50%" is [50, 100]; "about 50%" is [47.5, 52.5].
    A descending pair "from 40% to 20%" is a change, not a range: it gives two values.

Does not read
    "reduced by at least half"
    (no "of"), "half an hour", "a third dose", bare numbers without a percent sign or word
    (outside a percentage column),
    "one in 2019".

Examples
    "help up to 70% of patients"        -> up to 70%   [0, 70]        qualifier "up to"
    "around 30% of people"              -> around 30%  [28.5, 31.5]   qualifier "about"
    "20–30% of adults"                  -> 20–30%      [20, 30]       granularity "range"
    "nearly half of the patients"       -> nearly half [45, 50)       qualifier "nearly"
    "lowers HbA1c by 1.5 percentage points" -> 1.5 percentage points [1.5, 1.5] (a difference
                                           in points is in the same unit)

Tolerance
    A number is in percentage points: `tolerance: 2` lets 30% agree with 32%.
    A string may say so: "2 points", "2 pp", "2 percentage points", or "2%" / "2 percent",
    which also mean two percentage points (absolute, never relative to the value).
"""
from __future__ import annotations

import re

from ..model import Found, Span, Value
from . import qualifiers as q
from .common import (
    DASH, NUMBER, NUMBER_START, alternation, fmt_number, interval_text, parse_number, parse_phrase,
    plausible_year, split_spec,
)

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
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}
_PER = {"100": 100.0, "hundred": 100.0, "1,000": 1e3, "1000": 1e3, "thousand": 1e3, "10,000": 1e4, "10000": 1e4,
        "100,000": 1e5, "100000": 1e5, "1,000,000": 1e6, "1000000": 1e6, "million": 1e6}
_WHOLE = (r"(?=\s+(?:of|the|all|those|these)\b|\s+(?:adults?|children|kids|people|patients|women|men|girls|boys|users"
          r"|cases|participants|americans|smokers|survivors|deaths)\b)")
PCT = r"(?:\s*%|\s*(?:percent|per\s+cent|pct|percentage[\s-]+points?)(?!\w))"
_PATTERN = re.compile(
    NUMBER_START
    + q.prefix()
    + r"(?:"
    + rf"between\s+(?P<ba>{NUMBER}){PCT}?\s+and\s+(?P<bb>{NUMBER}){PCT}"
    + rf"|(?P<a>{NUMBER})(?P<apct>{PCT})?(?:{DASH}|\s+(?:to|or|through)\s+)(?P<b>{NUMBER}){PCT}"
    + rf"|(?P<v>{NUMBER}){PCT}"
    + rf"|(?P<rn>{NUMBER})(?:{DASH}|\s+to\s+)?(?P<rn2>(?<=to\s){NUMBER}|(?<=[-–—]){NUMBER}|(?<=[-–—]\s){NUMBER})?"
    + rf"\s+(?:in|out\s+of(?:\s+every)?|of\s+every|in\s+every)\s+(?P<rd>{NUMBER})(?![\d,])"
    + rf"|(?P<pn>{NUMBER})(?:\s*(?:[-–—]|to)\s*(?P<pn2>{NUMBER}))?\s+(?:per|for\s+every)\s+(?P<pd>{alternation(_PER)})(?!\w)"
    + rf"|(?P<frac>{alternation(FRACTIONS)}){_WHOLE}"
    + r")"
    + q.postfix(),
    re.IGNORECASE,
)


QUICK = re.compile(r"%|per\s*cent|pct|half|third|quarter|fifth|tenth|\bin\s+(?:every\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)|out\s+of|\bper\b|for\s+every"
                    r"|\bof\s+(?:the\s+|every\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty)",
                    re.IGNORECASE)  # cheap pre-check


def find(text: str) -> list[Found]:
    """Every percentage in the text, in order."""
    if not QUICK.search(text):
        return []
    found: list[Found] = []
    for match in _PATTERN.finditer(text):
        found.extend(_read(match))
    return found


def _read(match: re.Match[str]) -> list[Found]:
    qualifier = q.canonical(match.group("qual")) or q.postfix_canonical(match.group("post"))
    if match.group("rd") or match.group("pd"):
        return _ratio(match, qualifier)
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


def _ratio(match: re.Match[str], qualifier: str | None) -> list[Found]:
    """'1 in 5' = 20%, '1 to 3 per 1,000' = 0.1–0.3%. ("28 of the 600 workers" is left to count:
    it says how many as much as what share.)"""
    g = match.group
    if g("rd"):
        top, top2, whole = g("rn"), g("rn2"), g("rd")
        if plausible_year(whole.replace(",", "")):
            return []  # "one in 2019"
        denominator = parse_number(whole)
    else:
        top, top2, denominator = g("pn"), g("pn2"), _PER[g("pd").lower().replace(" ", "")]
    a = parse_number(top)
    b = parse_number(top2) if top2 else a
    if denominator < 2 or b > denominator or a > b:
        return []
    low, high = 100.0 * a / denominator, 100.0 * b / denominator
    return [_found(g(0).rstrip(), match.start(), match.start() + len(g(0).rstrip()), low, high, qualifier,
                   "range" if top2 else "exact", relative=FRACTION_ABOUT)]


FRACTION_ABOUT = 0.05  # "about a third", "about 1 in 5": 5% of it either side


def _found(raw: str, start: int, end: int, low: float, high: float, qualifier: str | None, granularity: str,
           relative: float | None = None) -> Found:
    lo, hi = q.bounds(low, high, qualifier, MINIMUM, MAXIMUM, relative=relative)
    return Found(Value(NAME, raw, lo, hi, UNIT, qualifier, granularity), Span(start, end))


_BARE_CELL = re.compile(r"[-–−]?\d{1,3}(?:\.\d+)?")


def in_a_percent_column(cell: str, start: int) -> Found | None:
    """A table cell holding a bare number, in a column whose header (or the table's title)
    says its figures are percentages ("Gleevec all grades (%)": "61.7" is 61.7%)."""
    stripped = cell.strip()
    if not _BARE_CELL.fullmatch(stripped):
        return None
    number = float(stripped.replace("–", "-").replace("−", "-"))
    if not MINIMUM - 100 <= number <= MAXIMUM:
        return None
    offset = start + cell.index(stripped)
    return _found(stripped, offset, offset + len(stripped), number, number, None, "exact")


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
