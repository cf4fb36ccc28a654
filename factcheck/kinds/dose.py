"""dose — an amount of a drug, by body weight ("0.5 mg/kg") or absolute ("56 mg").

Reads
    weight-based     "0.5 mg/kg", "0.5mg/kg", "0.5 mg per kg", "1 mg per kilogram",
                     "0.5 milligrams per kilogram", "0.5 mg·kg-1", "0.5 mg/kg body weight",
                     "0.5mg of drug per 1 kg of body weight" (up to three words between
                     "of" and "per");
    absolute         "35mg", "56 mg", "a 56-mg dose", "500 µg", "1 g";
    rates            "0.5 mg/kg/h", "0.5 mg/kg per hour", "200 mg/day" (per h, min, day, week),
                     "10 mg daily", "10 mg once daily", "10 mg once a day", "2.4 mg weekly",
                     "2.4 mg once a week", "80mg a day" (mg/day, mg/week); "850 mg three times a
                     day", "500 mg twice daily" (the day's total: 2550, 1000 mg/day);
    ranges           "0.5–1 mg/kg", "0.5-1.0 mg/kg", "0.5 to 1 mg/kg", "0.5 mg/kg to 1 mg/kg",
                     "between 0.5 and 1 mg/kg";
    with the qualifiers of `factcheck.kinds.qualifiers` ("up to 0.5 mg/kg", "about 0.5 mg/kg").
    Mass units g, mg (milligram), µg/μg/mcg/ug (microgram), ng (nanogram) are converted to mg:
    "500 µg/kg" is 0.5 mg/kg. Numbers are digits only.

Canonical unit
    Milligrams. `Value.unit` says what per: "mg/kg", "mg", "mg/kg/h", "mg/day", ...
    Values in different units are never compared (a "56 mg" spray is not a "0.5 mg/kg"
    infusion); `UNIT` ("mg/kg") is the unit of a plain number in a rule.

Does not read
    concentrations "10 mg/mL", "2 mg/dL", "100 mg/m2"; body weights "70kg"; "0.5" alone.

Examples
    "calculated as 0.5mg of drug per 1 kg of body weight" -> [0.5, 0.5] mg/kg
    "with 0.2 mg/kg of ketamine in the emergency department" -> [0.2, 0.2] mg/kg
    "esketamine 56 mg or 84 mg"                           -> [56] mg, [84] mg
    "a 10 mg/mL solution"                                  -> nothing

Tolerance
    A number is in the value's own unit (mg/kg for a mg/kg rule, mg for a mg rule); a
    string may carry a mass unit, converted to mg: "0.1 mg/kg", "100 µg/kg", "5 mg".
"""
from __future__ import annotations

import re

from ..model import Found, Span, Value
from . import qualifiers as q
from .common import NUMBER_START, fmt_number, interval_text, parse_phrase, split_spec

NAME = "dose"
ALIASES: tuple[str, ...] = ("dosage",)
UNIT = "mg/kg"
MINIMUM = 0.0

_NUM = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?!\d)"
MASS = r"(?:milligrams?|micrograms?|nanograms?|grams?|mg|µg|μg|mcg|ug|ng|g)(?!\w)"
_KG = r"(?:kg|kilograms?|kilos?)(?!\w)"
_PER = r"(?:\s+per\s+(?:(?:1|one|a)\s+)?)"
_PER_KG = (
    rf"(?:\s*/\s*{_KG}|{_PER}{_KG}|\s+of\s+[A-Za-z-]+(?:\s+[A-Za-z-]+){{0,2}}?{_PER}{_KG}"
    rf"|\s*[·⋅]?\s*kg\s*(?:-1|⁻¹|−1))(?:\s+(?:of\s+)?body\s*weight)?"
)
_RATE = (r"(?:\s+(?P<times>twice|thrice|two\s+times|three\s+times|four\s+times|[234]\s*(?:times|x))\s+"
         r"(?:a\s+day|daily|per\s+day|each\s+day)(?!\w)"
         r"|(?:\s*/\s*|\s+per\s+|\s+(?:once\s+|one\s+time\s+)?(?:a|an|each|every)\s+)(?P<rate>hours?|hr|h|minutes?|min|days?|d|weeks?|wk)(?!\w)"
         r"|\s+(?:once\s+|taken\s+once\s+)?(?P<every>daily|weekly|nightly|a\s+day|a\s+week)(?!\w))")
_PATTERN = re.compile(
    NUMBER_START
    + q.prefix()
    + r"(?:"
    + rf"between\s+(?P<ba>{_NUM})(?:\s*(?P<bma>{MASS}))?\s+and\s+(?P<bb>{_NUM})"
    + rf"|(?P<a>{_NUM})(?:\s*(?P<ma>{MASS})(?:\s*/\s*{_KG})?)?(?:\s*[-–—]\s*|\s+(?:to|or)\s+)(?P<b>{_NUM})"
    + rf"|(?P<v>{_NUM})"
    + r")"
    + rf"\s*(?:-\s*)?(?P<mass>{MASS})(?P<perkg>{_PER_KG})?(?:{_RATE})?"
    + q.postfix(),
    re.IGNORECASE,
)
_CONCENTRATION_AFTER = re.compile(r"\s*(?:/|per\s+)\s*(?:m2|m²|m\^2|ml|l|dl|litre|liter|mmol)(?!\w)", re.IGNORECASE)
_MG_PER = {"g": 1000.0, "gram": 1000.0, "mg": 1.0, "milligram": 1.0, "µg": 1e-3, "μg": 1e-3, "mcg": 1e-3,
           "ug": 1e-3, "microgram": 1e-3, "ng": 1e-6, "nanogram": 1e-6}
_TIMES = {"twice": 2, "thrice": 3, "two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
_RATES = {"h": "h", "hr": "h", "hour": "h", "min": "min", "minute": "min", "d": "day", "day": "day",
          "wk": "week", "week": "week"}


def mg_per(mass: str) -> float:
    """Milligrams in one of a mass unit word: 'µg' -> 0.001, 'grams' -> 1000."""
    word = mass.lower()
    return _MG_PER[word[:-1] if word.endswith("s") and word[:-1] in _MG_PER else word]


QUICK = re.compile(rf"\d\s*-?\s*{MASS}", re.IGNORECASE)  # a number right before a mass unit


def find(text: str) -> list[Found]:
    """Every dose in the text, in order."""
    if not QUICK.search(text):
        return []
    found = []
    for match in _PATTERN.finditer(text):
        if not match.group("perkg") and _CONCENTRATION_AFTER.match(text, match.end("mass")):
            continue
        found.append(_read(match))
    return found


def _read(match: re.Match[str]) -> Found:
    g = match.group
    factor = mg_per(g("mass"))
    unit = "mg" + ("/kg" if g("perkg") else "")
    if g("rate"):
        rate = g("rate").lower()
        unit += "/" + _RATES[rate[:-1] if rate.endswith("s") and rate[:-1] in _RATES else rate]
    elif g("every"):
        unit += "/" + ("week" if "week" in g("every").lower() else "day")
    elif g("times"):
        unit += "/day"
        factor *= _TIMES[g("times").lower().split()[0].rstrip("x").strip()]
    qualifier = q.canonical(g("qual")) or q.postfix_canonical(g("post"))
    if g("v"):
        low = high = _mg(g("v"), factor)
        granularity = "exact"
    else:
        a, b, ma = ("ba", "bb", "bma") if g("ba") else ("a", "b", "ma")
        low, high = sorted((_mg(g(a), mg_per(g(ma)) if g(ma) else factor), _mg(g(b), factor)))
        granularity = "range"
    lo, hi = q.bounds(low, high, qualifier, MINIMUM, scale=factor)
    return Found(Value(NAME, g(0), lo, hi, unit, qualifier, granularity), Span(match.start(), match.end()))


def _mg(number: str, factor: float) -> float:
    return round(float(number.replace(",", "")) * factor, 12)


def unit_matches(rule_unit: str, value_unit: str) -> bool:
    """A rule's amount covers the same amount given per day or per week: "mg" covers
    "mg/day" and "mg/week" ("75–100 mg/day", "2.4 mg weekly"), never "mg/kg" or "mg/h"."""
    base, _, per = value_unit.rpartition("/")
    return base == rule_unit and per in ("day", "week")


def parse(text: str | float) -> Value | None:
    """'0.5 mg/kg', '0.5-1 mg/kg', '56 mg', '500 µg/kg'; a plain number is mg/kg."""
    return parse_phrase(text, find, lambda v, raw: Value(NAME, raw, v, v, UNIT))


def describe(value: Value) -> str:
    """'0.5 mg/kg', '0.5–1 mg/kg', '≤ 0.5 mg/kg', '56 mg'."""
    return f"{interval_text(value.low, value.high, value.qualifier, fmt_number, MINIMUM)} {value.unit}"


_TOLERANCE_UNIT = re.compile(rf"(?P<mass>{MASS})(?:\s*/\s*{_KG}|{_PER}{_KG})?", re.IGNORECASE)


def tolerance(spec: str | float | None) -> float:
    """In the value's unit: 0.1, '0.1 mg/kg', '100 µg/kg' (= 0.1), '5 mg'."""
    number, unit = split_spec(spec, NAME, "0.1 mg/kg")
    if not unit:
        return number
    match = _TOLERANCE_UNIT.fullmatch(unit)
    if not match:
        raise ValueError(f"a dose tolerance is a number or an amount like '0.1 mg/kg' or '5 mg', not {spec!r}")
    return round(number * mg_per(match.group("mass")), 12)
