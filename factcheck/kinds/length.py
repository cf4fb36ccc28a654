"""length — a distance or a size: "30 km", "18.6 miles", "a 30-kilometre zone", "2 cm".

Reads
    a number (digits or words) and a unit of length: kilometres (km, kilometer(s),
    kilometre(s)), miles (mi), metres (m, meter(s), metre(s)), centimetres (cm), millimetres
    (mm), feet (ft, foot), inches (in.); "30-kilometre" and "30-km" as adjectives; ranges
    ("10 to 20 km", "10–20 miles", "between 10 and 20 km"), the qualifiers of
    `factcheck.kinds.qualifiers` ("about 30 km", "up to 2 miles", "more than 1,000 km").

Canonical unit
    `m` (metres): a mile is 1,609.344 m, a foot 0.3048 m, an inch 0.0254 m; "30 km" and
    "18.6 miles" are both about 30,000 m and agree within a tolerance of a kilometre.

Not lengths
    "30 km²" and "2,600 square kilometres" (areas), "km/h" (speeds), "5 mm Hg"; bare numbers.

Examples
    "the zone stretches 30 km in every direction" -> 30 km [30000, 30000]
    "a 30-kilometre (19-mile) exclusion zone"      -> 30-kilometre [30000], 19-mile [30577]
    "covers around 2,600 km²"                       -> nothing

Plain numbers and tolerance
    A bare number in a rule is kilometres (`expected: {value: 30}`); a tolerance is kilometres
    too, or a string with a unit ("1 km", "500 m", "1 mile").
"""
from __future__ import annotations

import re

from ..model import Found, Span, Value
from . import qualifiers as q
from .common import DASH, NUMBER, NUMBER_START, fmt_number, interval_text, parse_number, parse_phrase, split_spec

NAME = "length"
ALIASES: tuple[str, ...] = ("distance",)
UNIT = "m"
MINIMUM = 0.0
NUMBER_UNIT = 1000.0  # a bare number in a rule is kilometres

_METRES = {"km": 1000.0, "kilometer": 1000.0, "kilometre": 1000.0, "mi": 1609.344, "mile": 1609.344,
           "m": 1.0, "meter": 1.0, "metre": 1.0, "cm": 0.01, "centimeter": 0.01, "centimetre": 0.01,
           "mm": 0.001, "millimeter": 0.001, "millimetre": 0.001, "ft": 0.3048, "foot": 0.3048, "feet": 0.3048,
           "in.": 0.0254, "inch": 0.0254, "inches": 0.0254}
_UNIT = (r"(?:kilomet(?:er|re)s?|km|miles?|mi|met(?:er|re)s?|m|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm"
         r"|feet|foot|ft|inch(?:es)?|in\.)")
_NOT_AFTER = r"(?![\w²³/]|\s*(?:squared|square|per\s+hour|an?\s+hour|hg)\b)"
_PATTERN = re.compile(
    NUMBER_START
    + q.prefix()
    + r"(?<!square\s)"
    + r"(?:"
    + rf"between\s+(?P<ba>{NUMBER})\s+and\s+(?P<bb>{NUMBER})\s*(?P<bu>{_UNIT})"
    + rf"|(?P<a>{NUMBER})(?:\s*(?P<ua>{_UNIT}))?(?:{DASH}|\s+(?:to|or)\s+)(?P<b>{NUMBER})\s*-?\s*(?P<ub>{_UNIT})"
    + rf"|(?P<v>{NUMBER})\s*-?\s*(?P<unit>{_UNIT})"
    + r")"
    + _NOT_AFTER,
    re.IGNORECASE,
)
QUICK = re.compile(rf"\d\s*-?\s*{_UNIT}\b|\b(?:kilomet|miles?\b|metres?\b|meters?\b)", re.IGNORECASE)


def _metres(unit: str) -> float:
    word = unit.lower()
    if word in _METRES:
        return _METRES[word]
    singular = word[:-1] if word.endswith("s") else word
    return _METRES.get(singular.replace("er", "re") if singular not in _METRES else singular,
                       _METRES.get(singular, 1.0))


def find(text: str) -> list[Found]:
    """Every length in the text, in order."""
    if not QUICK.search(text):
        return []
    found = []
    for match in _PATTERN.finditer(text):
        before = text[max(0, match.start() - 8):match.start()]
        if text[match.end():match.end() + 1] in ("²", "³") or re.search(r"\b(?:square|sq)\.?\s*-?\s*$", before, re.I):
            continue  # an area or a volume
        found.append(_read(match))
    return found


def _read(match: re.Match[str]) -> Found:
    g = match.group
    qualifier = q.canonical(g("qual"))
    if g("v"):
        size = _metres(g("unit"))
        low = high = parse_number(g("v")) * size
        granularity = "exact"
    else:
        a, b, ua, ub = ("ba", "bb", "bu", "bu") if g("ba") else ("a", "b", "ua", "ub")
        size = _metres(g(ub))
        first = _metres(g(ua)) if g(ua) else size
        low, high = sorted((parse_number(g(a)) * first, parse_number(g(b)) * size))
        granularity = "range"
    lo, hi = q.bounds(low, high, qualifier, MINIMUM, scale=size)
    return Found(Value(NAME, g(0), lo, hi, UNIT, qualifier, granularity), Span(match.start(), match.end()))


def parse(text: str | float) -> Value | None:
    """'30 km', 'about 19 miles', '10 to 20 km'; a plain number is kilometres."""
    return parse_phrase(text, find, lambda v, raw: Value(NAME, raw, v * NUMBER_UNIT, v * NUMBER_UNIT, UNIT))


def describe(value: Value) -> str:
    """'30 km', '≤ 2 km', '500 m'."""
    bounds = [b for b in (value.low, value.high) if b]
    size, unit = (1000.0, "km") if bounds and min(bounds) >= 1000 else (1.0, "m")
    return interval_text(value.low, value.high, value.qualifier, lambda x: fmt_number(x / size), MINIMUM) + f" {unit}"


_UNIT_ONLY = re.compile(_UNIT, re.IGNORECASE)


def tolerance(spec: str | float | None) -> float:
    """Metres from '1 km', '500 m', '1 mile'; a bare number is kilometres."""
    number, unit = split_spec(spec, NAME, "1 km")
    if not unit:
        return number * NUMBER_UNIT
    if not _UNIT_ONLY.fullmatch(unit):
        raise ValueError(f"a length tolerance needs a unit of length (e.g. '1 km', '500 m'), not {spec!r}")
    return number * _metres(unit)
