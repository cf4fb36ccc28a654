"""age — how old someone is, or the age a fact holds from or up to, in years.

Reads
    an age             "aged 86", "age 86", "at the age of 86", "86 years old", "86-year-old",
                       "10 years of age";
    age ranges         "ages 9 to 26", "aged 9-14", "ages 9 through 45", "9 to 14 years old",
                       "9- to 14-year-olds", "9 through 45 years of age";
    age limits         "18 and older", "18 or older", "18 years and over", "65+", "12 and up",
                       "children under 12", "adults over 65", "anyone younger than 18",
                       "people older than 65"; "from age 9" (at least 9), "up to age 45" and
                       "until age 26" (up to), "before age 15" (under), "after age 65" (over),
                       "by age 13" (up to).

Canonical unit
    `years` of age. Minimum 0: "under 18" is [0, 18), "18 and older" is [18, ∞),
    "ages 9 to 26" is [9, 26], "up to age 45" is [0, 45].

Limits
    An age limit is a boundary, not a range of people: "not for children under 16" and
    "not for anyone under 18" state the limits 16 and 18, though [0, 16) and [0, 18)
    overlap. A rule whose fact is a limit says so with `limit: lower` ("From what age…?")
    or `limit: upper` ("Up to what age…?"): each statement then states the one end it
    gives ("under 16" states 16, "ages 9 to 26" states 9 for a lower limit and 26 for an
    upper one), and those ends are compared. A negated clause ("not for children under
    16") still states its limit.

Not ages
    "86 years" alone (a duration), "the 1990s", "Gardasil 9", a count of people ("9 adults").

Examples
    "Arne Larsson died at the age of 86"          -> at the age of 86 [86, 86]
    "approved for people ages 9 through 45"       -> ages 9 through 45 [9, 45]   range
    "It is not recommended for children under 12" -> under 12 [0, 12)  qualifier "under"
    "for adults 18 and older"                     -> 18 and older [18, ∞)  qualifier "at least"

Plain numbers and tolerance
    A bare number is years of age (`expected: {value: 18}`); a tolerance is a number of
    years (1, "1 year").
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Found, Span, Value
from . import qualifiers as q
from .common import NUMBER, fmt_number, interval_text, parse_number, parse_phrase, split_spec

NAME = "age"
ALIASES: tuple[str, ...] = ()
UNIT = "years"
MINIMUM = 0.0
OLDEST = 130.0

_N = rf"(?:{NUMBER})"
_TO = r"(?:\s*[-–—]?\s+(?:to|through|thru|and)\s+|\s*[-–—]\s*)"
_YEARS = r"(?:years?|yrs?)"
_OLD = rf"(?:\s*-?\s*{_YEARS}(?:\s*-\s*|\s+)olds?|\s+{_YEARS}\s+of\s+age)"
_AND_MORE = r"(?:\s*\+|\s+(?:and|or)\s+(?:older|over|up|above)|\s+{y}\s+(?:and|or)\s+(?:older|over|up|above))".format(y=_YEARS)
_AND_LESS = r"(?:\s+(?:and|or)\s+(?:younger|under|below))"
_PEOPLE = (r"(?:people|persons|adults|children|kids|patients|women|men|girls|boys|teens|teenagers|adolescents|anyone"
           r"|those|individuals|females|males|infants|babies|seniors|users|everyone|someone)")
_COMPARE = {"under": q.UNDER, "below": q.UNDER, "younger than": q.UNDER, "less than": q.UNDER,
            "over": q.OVER, "above": q.OVER, "older than": q.OVER, "more than": q.OVER}
_BEFORE_AGE = {"from": q.AT_LEAST, "up to": q.UP_TO, "until": q.UP_TO, "till": q.UP_TO, "through": q.UP_TO,
               "before": q.UNDER, "after": q.OVER, "by": q.UP_TO, "under": q.UNDER, "over": q.OVER}
_PATTERN = re.compile(
    r"(?<![\w.])(?:"
    # "aged 9-14", "ages 9 to 26", "age of 86", "up to age 45"
    + r"(?:(?P<pre>from|up\s+to|until|till|through|before|after|by|under|over)\s+)?(?:the\s+)?(?P<word>aged|ages|age)"
    + rf"(?:\s+of)?\s+(?P<a>{_N})(?:{_TO}(?P<b>{_N}))?(?:\s+{_YEARS})?(?:\s+old)?(?P<more>{_AND_MORE})?(?P<less>{_AND_LESS})?"
    # "86 years old", "9- to 14-year-olds", "10 years of age"
    + r"|(?:(?P<cmp2>under|below|over|above|younger\s+than|older\s+than|less\s+than|more\s+than)\s+)?"
    + rf"(?P<c>{_N})(?:\s*-?\s*{_YEARS})?(?:{_TO}(?P<d>{_N}))?{_OLD}(?P<more2>{_AND_MORE})?"
    # "children under 12", "adults 65 and older", "adults over 65"
    + rf"|(?P<who>{_PEOPLE})\s+(?:aged\s+)?(?:(?P<cmp>under|below|over|above|younger\s+than|older\s+than|less\s+than|more\s+than)\s+"
    + rf"(?P<e>{_N})(?:\s+{_YEARS}(?:\s+(?:old|of\s+age))?)?|(?P<f>{_N})(?P<more3>{_AND_MORE})|(?P<g>{_N})(?P<less3>{_AND_LESS}))"
    + r")(?!\w)",
    re.IGNORECASE,
)
QUICK = re.compile(r"\bage|years?\s*-?\s*olds?|year-old|\d\s*\+|and\s+(?:older|over|up|younger)|or\s+(?:older|younger)"
                    r"|under\s+\d|over\s+\d|younger\s+than|older\s+than", re.IGNORECASE)


def find(text: str) -> list[Found]:
    """Every age, age range and age limit in the text, in order."""
    if not QUICK.search(text):
        return []
    found = []
    for match in _PATTERN.finditer(text):
        item = _read(match)
        if item is not None:
            found.append(item)
    return found


def _read(match: re.Match[str]) -> Found | None:
    g = match.group
    qualifier = None
    if g("a"):
        low, high = _years(g("a")), _years(g("b")) if g("b") else _years(g("a"))
        if g("pre"):
            qualifier = _BEFORE_AGE[" ".join(g("pre").lower().split())]
        elif g("more"):
            qualifier = q.AT_LEAST
        elif g("less"):
            qualifier = q.UP_TO
        start = match.start()
    elif g("c"):
        low, high = _years(g("c")), _years(g("d")) if g("d") else _years(g("c"))
        qualifier = (_COMPARE[" ".join(g("cmp2").lower().split())] if g("cmp2")
                     else q.AT_LEAST if g("more2") else None)
        start = match.start()
    else:
        number = g("e") or g("f") or g("g")
        low = high = _years(number)
        qualifier = (_COMPARE[" ".join(g("cmp").lower().split())] if g("cmp")
                     else q.AT_LEAST if g("more3") else q.UP_TO)
        start = match.start("cmp") if g("cmp") else match.start("f") if g("f") else match.start("g")
    if low is None or high is None or high < low or high > OLDEST:
        return None
    lo, hi = q.bounds(low, high, qualifier, MINIMUM)
    granularity = "range" if high > low else "exact"
    return Found(Value(NAME, match.string[start:match.end()], lo, hi, UNIT, qualifier, granularity),
                 Span(start, match.end()))


def _years(text: str | None) -> float | None:
    if not text:
        return None
    value = parse_number(text)
    return value if 0 <= value <= OLDEST else None


def parse(text: str | float) -> Value | None:
    """'18', 'aged 18', '18 and older', 'under 16', 'ages 9 to 26'; a plain number is years of age."""
    if isinstance(text, str) and re.fullmatch(r"\s*(?:at\s+least\s+|up\s+to\s+|under\s+|over\s+)?\d+(?:\.\d+)?\s*(?:years?)?\s*", text):
        match = re.fullmatch(r"\s*(at\s+least|up\s+to|under|over)?\s*(\d+(?:\.\d+)?)\s*(?:years?)?\s*", text)
        value = float(match.group(2))
        qualifier = q.canonical(match.group(1)) if match.group(1) else None
        low, high = q.bounds(value, value, qualifier, MINIMUM)
        return Value(NAME, text.strip(), low, high, UNIT, qualifier)
    return parse_phrase(text, _find_alone, lambda v, raw: Value(NAME, raw, v, v, UNIT))


def _find_alone(text: str) -> list[Found]:
    """find(), also for a limit written without the people it applies to ("18 and older")."""
    return find(text) or [Found(replace(f.value, raw=text.strip()), f.span) for f in find("people " + text)]


def describe(value: Value) -> str:
    """'86', '9–26', '≥ 18', '< 12' (years of age)."""
    return interval_text(value.low, value.high, value.qualifier, fmt_number, MINIMUM) + " years of age"


def tolerance(spec: str | float | None) -> float:
    """Years: 1, '1', '1 year', '2 years'."""
    number, unit = split_spec(spec, NAME, "1 year")
    if unit and not re.fullmatch(r"years?|y", unit, re.IGNORECASE):
        raise ValueError(f"an age tolerance is a number of years (e.g. 1 or '1 year'), not {spec!r}")
    return number
