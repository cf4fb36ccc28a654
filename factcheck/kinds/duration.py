"""duration — a length of time: "about 40 minutes", "six weeks", "nearly five decades".

Reads
    a number (digits or words) and a time unit: seconds (sec, secs), minutes (min, mins),
    hours (h, hr, hrs), days, weeks (wk, wks), months (mo, mos), years (yr, yrs),
    decades, centuries — "24 hours", "24h", "1 h", "six weeks", "1.5 hours",
    "one and a half hours";
    the hyphenated adjective form: "one-hour", "40-minute", "12-week", "55-year-old";
    "an hour", "a week", "half an hour" (but not "twice a day", "once a week",
    "per day", "every week" — frequencies, not durations — nor "a second pacemaker", the
    ordinal);
    vague amounts: "a couple of hours" = 2, "a few hours" = 2–5, "several weeks" = 3–9
    (both granularity "range");
    ranges: "4–12 weeks", "1-4 weeks", "2-3 weeks", "15 or 20 minutes", "two to three
    hours", "30 minutes to 2 hours", "6 through 12 months", "between 2 and 3 hours";
    the qualifiers of `factcheck.kinds.qualifiers` before it, plus "within" (= "up to":
    "within 24 hours" is [0, 24 h]), and "or more"/"or longer"/"+" after the number or the
    unit ("two or more hours", "5+ years", "two hours or longer").

    "over" is ambiguous before a duration: "used for over five decades" means more than
    five decades, "six sessions over six weeks" and "infused over 40 minutes" mean across
    that time. It is read as the qualifier "over" only right after one of: for, of, in,
    than, after, with, is, was, were, are, been, lasting/lasted/lasts/last, spanning,
    took/takes/taking, spent. Elsewhere — including at the start of a sentence ("Over six
    weeks, patients ...") — the duration is exact and "over" is left out of the phrase.
    (`parse` reads a rule's own "over 50 years" as the qualifier.)

Canonical unit
    `second`. A month is 30.44 days, a year 365.25 days, a decade 10 years.
    Minimum 0: "up to 2 hours" is [0, 7200], "nearly five decades" is [45 y, 50 y).
    `describe` picks a readable unit: "40 min", "38–42 min", "6 weeks", "> 50 years".

Examples
    "Each infusion lasts about 40 minutes"   -> about 40 minutes [2280, 2520] s  "about"
    "six one-hour ketamine infusion sessions over six weeks"
                                             -> one-hour [3600], six weeks [3628800]
    "used for nearly five decades"           -> nearly five decades [45 y, 50 y)  "nearly"
    "dissociation will go away about 15 or 20 minutes"
                                             -> about 15 or 20 minutes [855, 1260] s
    "given twice a day", "in 2019"           -> nothing
    "86 years old", "a 55-year-old", "10 years of age" -> nothing: ages (the `age` kind)

Plain numbers and tolerance
    A bare number — `expected: {value: 40}` or `tolerance: 5` — is in minutes. A string
    may carry any unit above: "5 minutes", "2 h", "1 week", "1 year"; the result is seconds.
"""
from __future__ import annotations

import re

from ..model import Found, Span, Value
from . import age
from . import qualifiers as q
from .common import outside
from .common import DASH, NUMBER, NUMBER_START, TIME_UNITS, fmt_number, interval_text, parse_number, parse_phrase, split_spec

NAME = "duration"
ALIASES: tuple[str, ...] = ()
UNIT = "second"
MINIMUM = 0.0

MINUTE, HOUR, DAY, WEEK = 60.0, 3600.0, 86400.0, 604800.0
MONTH, YEAR = 30.44 * DAY, 365.25 * DAY
DECADE, CENTURY = 10 * YEAR, 100 * YEAR
NUMBER_UNIT = MINUTE  # a bare number in a rule means minutes

_EXTRA_QUALIFIERS = {"within": q.UP_TO}
_UNIT = rf"{TIME_UNITS}(?!\w)"
_VAGUE = {"a few": (2.0, 5.0), "several": (3.0, 9.0), "a couple of": (2.0, 2.0), "a couple": (2.0, 2.0)}
_AMOUNT = rf"(?:{NUMBER}(?:\s+and\s+a\s+half)?|a\s+few|several|a\s+couple(?:\s+of)?|(?:half\s+)?an?)"
_PATTERN = re.compile(
    NUMBER_START
    + q.prefix(extra=_EXTRA_QUALIFIERS)
    + r"(?:"
    + rf"between\s+(?P<ba>{NUMBER})(?:\s*(?P<bua>{_UNIT}))?\s+and\s+(?P<bb>{NUMBER})\s*(?P<bub>{_UNIT})"
    + rf"|(?P<a>{NUMBER})(?:\s*(?P<ua>{_UNIT}))?(?:{DASH}|\s+(?:to|or|through|thru)\s+)(?P<b>{NUMBER})\s*(?:-\s*)?(?P<ub>{_UNIT})"
    + rf"|(?P<n>{_AMOUNT}){q.postfix('post1')}\s*(?:-\s*)?(?P<unit>{_UNIT})"
    + r")"
    + q.postfix(),
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"\s+(?!(?:of|or|and|later|after|before|ago|earlier|longer|more|to|in|at|when|than)\b)[^\W\d_]",
                            re.IGNORECASE)
_FREQUENCY_BEFORE = re.compile(r"(?:\bonce|\btwice|\bthrice|\btimes|\bper|\beach|\bevery)\s+$", re.IGNORECASE)
_OVER_MEANS_MORE_AFTER = re.compile(
    r"(?:\b(?:for|of|in|than|after|with|is|was|were|are|been|lasting|lasted|lasts|last|spanning"
    r"|took|takes|taking|spent))\s*$",
    re.IGNORECASE,
)


def unit_seconds(token: str) -> float:
    """Seconds in one of a time-unit word: 'hrs' -> 3600, 'decades' -> 315576000."""
    t = token.lower()
    for start, size in (("sec", 1.0), ("min", MINUTE), ("dec", DECADE), ("cent", CENTURY), ("mo", MONTH),
                        ("h", HOUR), ("d", DAY), ("w", WEEK), ("y", YEAR)):
        if t.startswith(start):
            return size
    raise ValueError(f"not a time unit: {token!r}")


QUICK = re.compile(rf"(?<![^\W\d_]){_UNIT}", re.IGNORECASE)  # a time-unit word: a cheap pre-check


def find(text: str) -> list[Found]:
    """Every duration in the text, in order."""
    return _scan(text, phrase=False)


def _scan(text: str, phrase: bool) -> list[Found]:
    """find(), or (phrase=True, for parse) reading a leading "over" as the qualifier."""
    if not QUICK.search(text):
        return []
    found = []
    for match in _PATTERN.finditer(text):
        if (item := _read(match, phrase)) is not None:
            found.append(item)
    return outside(found, age.find(text)) if found else found


def _read(match: re.Match[str], phrase: bool) -> Found | None:
    text, start = match.string, match.start()
    qualifier = q.canonical(match.group("qual"), _EXTRA_QUALIFIERS)
    if qualifier == q.OVER and match.group("qual").lower() == "over":
        before = text[max(0, start - 16) : start]
        if not (_OVER_MEANS_MORE_AFTER.search(before) or (phrase and not before.strip())):
            qualifier, start = None, _first_number(match)
    qualifier = qualifier or q.postfix_canonical(match.group("post1") or match.group("post"))
    if match.group("n"):
        amount = " ".join(match.group("n").lower().split())
        if amount in ("a", "an") and _FREQUENCY_BEFORE.search(text[max(0, start - 10) : start]):
            return None
        if amount in ("a", "an") and match.group("unit").lower() == "second" and _ORDINAL_AFTER.match(text, match.end()):
            return None  # "a second unit was implanted": the ordinal, not a second of time
        low, high = _amount(amount)
        size = unit_seconds(match.group("unit"))
        low, high, granularity = low * size, high * size, "range" if amount in ("a few", "several") else "exact"
        scale = size
    else:
        a, b, ua, ub = ("ba", "bb", "bua", "bub") if match.group("ba") else ("a", "b", "ua", "ub")
        size_b = unit_seconds(match.group(ub))
        size_a = unit_seconds(match.group(ua)) if match.group(ua) else size_b
        low, high = sorted((parse_number(match.group(a)) * size_a, parse_number(match.group(b)) * size_b))
        granularity = "range"
        scale = size_b
    lo, hi = q.bounds(low, high, qualifier, MINIMUM, scale=scale)
    return Found(Value(NAME, text[start : match.end()], lo, hi, UNIT, qualifier, granularity), Span(start, match.end()))


def _first_number(match: re.Match[str]) -> int:
    return min(match.start(g) for g in ("ba", "a", "n") if match.group(g))


def _amount(amount: str) -> tuple[float, float]:
    if amount in _VAGUE:
        return _VAGUE[amount]
    if amount in ("a", "an"):
        return 1.0, 1.0
    if amount.startswith("half "):
        return 0.5, 0.5
    half = 0.5 if amount.endswith(" and a half") else 0.0
    v = parse_number(amount.removesuffix(" and a half")) + half
    return v, v


def parse(text: str | float) -> Value | None:
    """'40 minutes', 'about 40 minutes', 'one hour', '4-12 weeks', '5 decades'; a plain number is minutes."""
    return parse_phrase(
        text, lambda t: _scan(t, phrase=True), lambda v, raw: Value(NAME, raw, v * NUMBER_UNIT, v * NUMBER_UNIT, UNIT)
    )


_DISPLAY = (("years", "year", YEAR), ("months", "month", MONTH), ("weeks", "week", WEEK),
            ("days", "day", DAY), ("h", "h", HOUR), ("min", "min", MINUTE), ("s", "s", 1.0))


def _display_unit(bounds: list[float]) -> tuple[str, str, float]:
    """The largest unit in which every bound is >= 1 with at most two decimals (else just >= 1)."""
    values = [round(b, 3) for b in bounds if b]
    if not values:
        return _DISPLAY[-2]
    for unit in _DISPLAY:
        scaled = [v / unit[2] * 100 for v in values]
        if all(s >= 100 and abs(s - round(s)) < 1e-6 * s for s in scaled):
            return unit
    return next((u for u in _DISPLAY if all(v / u[2] >= 1 for v in values)), _DISPLAY[-1])


def describe(value: Value) -> str:
    """'40 min', '38–42 min', '6 weeks', '1 h', '45–<50 years', '> 50 years', '≤ 24 h'."""
    plural, singular, size = _display_unit([b for b in (value.low, value.high) if b is not None])
    text = interval_text(value.low, value.high, value.qualifier, lambda x: fmt_number(x / size), MINIMUM)
    return f"{text} {singular if text.endswith(' 1') or text == '1' else plural}"


_UNIT_ONLY = re.compile(_UNIT, re.IGNORECASE)


def tolerance(spec: str | float | None) -> float:
    """Seconds from '5 minutes', '2 h', '1 week', '1 year'; a bare number is minutes."""
    number, unit = split_spec(spec, NAME, "5 minutes")
    if not unit:
        return number * NUMBER_UNIT
    if not _UNIT_ONLY.fullmatch(unit):
        raise ValueError(f"a duration tolerance needs a time unit (e.g. '5 minutes', '1 year'), not {spec!r}")
    return number * unit_seconds(unit)
