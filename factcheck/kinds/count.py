"""count — how many of something: a whole number, in digits or words.

Reads
    "403", "1,500", "ten", "thirty-nine", "twenty-one", "a dozen", "half a dozen",
    "two hundred", "21 million", "1.5 million" (decimals only with a scale word),
    "a single dose" (1; not "a single day", a duration, nor "a single-center study");
    ranges "4-6", "4–6", "three to six", "one or two", "15 or 20", "9 through 14",
    "between 2 and 3";
    any qualifier of `factcheck.kinds.qualifiers` before it ("at least two",
    "more than 50", "up to 30") and "or more" / "or fewer" / "+" after it ("two or more").

Canonical unit
    `count`. Minimum 0, no maximum: "two or more" is [2, ∞), "at least two" is [2, ∞),
    "up to 30" is [0, 30], "over 50" is (50, ∞), "about 40" is [38, 42].
    A descending pair ("from 10 to 5") is a change, not a range: it gives two values.
    An ascending "from 4 to 6" reads as the range [4, 6].

Leaves alone (another kind's number, or not a count at all)
    - a number followed by a percent sign/word, a time unit ("2 weeks", "24 hours",
      "one-hour", "55-year-old"), a mass or dose unit ("35mg", "1 kg", "70kg") or another
      measurement unit ("5 km", "10 am", "5000 rupees");
    - a plausible year: a four-digit 1500–2100 number that `factcheck.kinds.common.is_year`
      accepts ("in 2019", "2019–2021", "since 1990") — exactly the years the `date` kind
      reports. "2000 patients", "over 2000", "Rs. 2000" are counts or money, not years;
    - a day of a month ("February 15, 2000", "15 February 2000", "Aug. 3, 2020"),
      a decimal ("0.5"), an ordinal ("15th"), a number with a leading zero ("019"),
      digits glued to other digits by - / . : (IDs, phone numbers, dates, times:
      "UBI 605-019-306", "555-1234", "10:41"), a number touching a slash (URLs, "1/2"),
      money ("$5", "Rs. 5000");
    - a number word that is not a count: hyphenated to a word that is not a countable noun
      ("one-on-one", "two-thirds", "one-time"; but "2-dose" counts doses), before a fraction
      ("one third of"), or the pronoun "one" ("no one", "one another", "one’s", "the little
      one", "a loved one");
    - a number that names rather than counts: after "No.", "number", "unit", "type", "stage",
      "phase", "version", "table", "figure", "#" and the like, or after a name the dictionary
      does not know ("Reactor No. 4", "unit 4", "type 2 diabetes", "Gardasil 9", "HPV 16");
    - an age: after "age", "ages", "aged", "age of", or before "years old", "-year-old",
      "years of age", or anywhere in what the `age` kind reads ("ages 9 to 14", "aged 86",
      "86 years old", "9- to 14-year-olds").

Examples
    "a 2-dose schedule"                  -> 2 (a number hyphened to a countable noun counts it)
    "Thirty-nine studies looked at ketamine, 10 looked at memantine"
                                         -> Thirty-nine (39), 10
    "failure to respond to two or more treatment modalities"
                                         -> two or more [2, ∞)   qualifier "at least"
    "an initial series of 4-6 treatments" -> 4-6 [4, 6]          granularity "range"
    "over 21 million adults"              -> over 21 million (21000000, ∞)
    "six one-hour ketamine infusion sessions over six weeks" -> six (6)
    "It was approved in 2019"            -> nothing

Tolerance
    A plain number of items: `tolerance: 1` lets 4 agree with 5. A share of the values' own
    size, `tolerance: 10%`, lets 300 million agree with 320 million and not 1.3 million with
    1.8 million (`factcheck.rules` reads it; the same for dose, duration and length).
"""
from __future__ import annotations

import re

from ..model import Found, Span, Value
from . import age, percent
from . import qualifiers as q
from .common import outside
from .common import (
    CURRENCY_BEFORE, DASH, HAS_NUMBER, MEASURE_AFTER, MONTH_AFTER, MONTH_BEFORE, NUMBER, NUMBER_START,
    fmt_number, interval_text, is_integral, is_year, parse_number, parse_phrase, plausible_year, split_spec,
)

NAME = "count"
ALIASES: tuple[str, ...] = ("number",)
UNIT = "count"
MINIMUM = 0.0

_PATTERN = re.compile(
    NUMBER_START
    + q.prefix()
    + r"(?:"
    + rf"between\s+(?P<ba>{NUMBER})\s+and\s+(?P<bb>{NUMBER})"
    + rf"|(?P<a>{NUMBER})(?:(?:{DASH}|\s+(?:to|or|through|thru)\s+)(?P<b>{NUMBER}))?"
    + r")"
    + q.postfix()
    + r"(?!\w)",
    re.IGNORECASE,
)
_GLUED_BEFORE = re.compile(r"(?:\d(?:\.|[-/–:])|\d\s?/\s?|/)$")  # "555-2019", "10:41"; not "2016 – Two doses"
_GLUED_AFTER = re.compile(r"^(?:\.\d|[-/:–]\d|\s?/\s?\d|/)")
_HYPHEN_WORD_AFTER = re.compile(r"^-[^\W\d_]")
_HYPHEN_NOUN_AFTER = re.compile(r"^-(?P<noun>[^\W\d_]{3,})\b")  # "2-dose", "three-drug"
_NOT_COUNTED = frozenset("time way thirds third half quarter quarters fold on off in out year years old square "
                         "month months week weeks day days hour hours minute minutes".split())
_LABEL_BEFORE = re.compile(  # "Reactor No. 4", "unit 4", "type 2", "Gardasil 9": a name's number, not a count
    r"(?:\b(?:no|nr|number|unit|reactor|type|stage|phase|grade|level|class|schedule|chapter|section|table|figure"
    r"|fig|room|block|building|route|line|version|model|part|step|page|volume|issue|generation|gen|round|wave"
    r"|series|article|item|vol|ch|sec|study|trial|group|arm|cohort|day|week|month|year)\.?|#"
    r"|(?:^|[(\[;])\s*see(?:\s+also)?)\s*$", re.IGNORECASE)  # "(see 5.1)", "See 17 for …": a cross-reference
_SECTION_AFTER = re.compile(r"^\.?\s+[A-Z]{2,}(?:\s+[A-Z&]{2,})+\b")
_NAME_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]*[A-Za-z])\s*$")
_AGE_BEFORE = re.compile(r"(?:\bages?|\baged|\bage\s+of|\bages\s+of)\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^(?:\s*(?:-|\s)\s*years?(?:\s*-\s*|\s+)olds?\b|\s+years?\s+of\s+age\b|\s*-\s*year-olds?)",
                        re.IGNORECASE)
_HALF_AFTER = re.compile(r"^\s+and\s+a\s+half(?!\w)", re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"^[\s-]+(?:half|halves|thirds?|quarters?|fifths?|tenths?)(?!\w)", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"(?:\bno|\bany|\bevery|\bsome|\blittle|\bloved|\bthe|\bthis|\bthat|\bwhich|\beach)\s+$", re.IGNORECASE)
_PRONOUN_AFTER = re.compile(r"^(?:\s+another\b|['’]s\b|\s+of\s+(?:these|those|them|us|you|its|their|the|my|our|his|her|your|\d))",
                            re.IGNORECASE)  # "one of these products", "one of the reactors": one picked out, not a count
_PHONE = re.compile(r"\d{3}\s*[-–]\s*\d{4}")
QUICK = re.compile(HAS_NUMBER.pattern + r"|\bsingle\b", re.IGNORECASE)  # public: no match, no count
_SINGLE = re.compile(r"(?<![\w-])(?P<a>(?:a|one)\s+single)(?=\s+[^\W\d_]{3,})", re.IGNORECASE)  # "a single dose": 1


def find(text: str, claimed: list[Found] | None = None) -> list[Found]:
    """Every count in the text, in order, leaving other kinds' numbers alone (`claimed`: the
    ages and percentages of the text, when the caller has read them already)."""
    if not QUICK.search(text):
        return []
    found: list[Found] = []
    for match in _PATTERN.finditer(text):
        found.extend(_read(match))
    singles = [_found(m.group("a"), m.start("a"), m.end("a"), 1, 1, None, "exact") for m in _SINGLE.finditer(text)
               if not MEASURE_AFTER.match(text, m.end("a"))]  # "a single day" is a duration
    if singles:
        found = sorted(found + [s for s in singles if all(s.span.end <= f.span.start or s.span.start >= f.span.end
                                                          for f in found)], key=lambda f: f.span.start)
    if not found:
        return found
    if claimed is None:
        claimed = age.find(text) + percent.find(text)
    return outside(found, claimed)


def _read(match: re.Match[str]) -> list[Found]:
    groups = ("ba", "bb") if match.group("ba") else ("a", "b") if match.group("b") else ("a",)
    text, first, last = match.string, match.start(groups[0]), match.end(groups[-1])
    if not all(_is_count_token(match.group(g)) for g in groups) or _belongs_elsewhere(text, first, last, match):
        return []
    numbers = [parse_number(match.group(g)) for g in groups]
    if len(groups) == 2 and _scaled(match.group(groups[1])) and not _scaled(match.group(groups[0])):
        numbers[0] *= numbers[1] / parse_number(match.group(groups[1]).split()[0])  # "2 to 3 million"
    qualifier = q.canonical(match.group("qual")) or q.postfix_canonical(match.group("post"))
    if len(numbers) == 1:
        return [_found(match.group(0), match.start(), match.end(), numbers[0], numbers[0], qualifier, "exact")]
    a, b = numbers
    if a <= b:
        return [_found(match.group(0), match.start(), match.end(), a, b, qualifier, "range")]
    a_end, b_start = match.end(groups[0]), match.start(groups[1])
    return [
        _found(text[match.start() : a_end], match.start(), a_end, a, a, q.canonical(match.group("qual")), "exact"),
        _found(text[b_start : match.end()], b_start, match.end(), b, b, q.postfix_canonical(match.group("post")), "exact"),
    ]


def _scaled(token: str) -> bool:
    return len(token.split()) > 1 and token.split()[-1].lower() in ("thousand", "million", "billion")


def _is_count_token(token: str) -> bool:
    """Whole, written without a leading zero, and with decimals only before a scale word."""
    if token[:1] == "0" and len(token) > 1 and token[1:2].isdigit():
        return False
    if "." in token and not _scaled(token):
        return False
    return is_integral(parse_number(token))


def _belongs_elsewhere(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """Whether the number(s) at text[start:end] are a year, a date, a measure, an ID or money."""
    before, after = text[max(0, start - 24) : start], text[end : end + 40]
    numbers = [match.group(g) for g in ("a", "b", "ba", "bb") if match.group(g)]
    if any(plausible_year(n) for n in numbers) and is_year(text, start, end):
        return True
    if MEASURE_AFTER.match(after) or MEASURE_AFTER.match(text, match.end()) or _HALF_AFTER.match(after):
        return True  # "two weeks", "two or more weeks", "5+ years", "one and a half hours"
    if _FRACTION_AFTER.match(after):
        return True
    if _HYPHEN_WORD_AFTER.match(after) and not _counts_noun(after):
        return True
    if len(numbers) == 1 and _SECTION_AFTER.match(after) and not before.strip():
        return True  # "17 PATIENT COUNSELING INFORMATION": a section's number
    if len(numbers) == 1 and (_LABEL_BEFORE.search(before) or _after_a_name(before)):
        return True  # "Reactor No. 4", "unit 4", "Gardasil 9": the number names, it does not count
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return True  # "ages 9 to 14", "aged 86", "86 years old": an age (the age kind reads it)
    if _GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after) or CURRENCY_BEFORE.search(before):
        return True
    if _PHONE.fullmatch(text[start:end]):
        return True
    if len(numbers) == 1 and numbers[0].isdigit() and int(numbers[0]) <= 31:
        if MONTH_BEFORE.search(before) or MONTH_AFTER.match(after):
            return True
    if len(numbers) == 1 and numbers[0].lower() == "one":
        return bool(_PRONOUN_BEFORE.search(before) or _PRONOUN_AFTER.match(after))
    return False


def _after_a_name(before: str) -> bool:
    """Whether a name the dictionary does not know stands right before ("Gardasil 9", "HPV 16")."""
    match = _NAME_BEFORE.search(before)
    if not match:
        return False
    from ..analysis.words import STOP, readings

    word = match.group(1).lower()
    return not readings(word) and word not in STOP and word not in ("us", "uk", "than", "nearly", "almost")


def _counts_noun(after: str) -> bool:
    """'-dose' in "2-dose": a hyphen to a countable noun makes the number a count of it."""
    match = _HYPHEN_NOUN_AFTER.match(after)
    if not match or match.group("noun").lower() in _NOT_COUNTED:
        return False
    from ..analysis.words import readings

    return "NOUN" in readings(match.group("noun").lower())


def _found(raw: str, start: int, end: int, low: float, high: float, qualifier: str | None, granularity: str) -> Found:
    lo, hi = q.bounds(low, high, qualifier, MINIMUM)
    return Found(Value(NAME, raw, lo, hi, UNIT, qualifier, granularity), Span(start, end))


def parse(text: str | float) -> Value | None:
    """'2', 'two or more', 'at least two', 'three to six', '21 million', or a plain number."""
    return parse_phrase(text, find, lambda v, raw: Value(NAME, raw, v, v, UNIT))


def describe(value: Value) -> str:
    """'2', '≥ 2', '3–6', '≤ 30', '> 21,000,000', '38–42'."""
    return interval_text(value.low, value.high, value.qualifier, lambda x: fmt_number(x, thousands=True), MINIMUM)


def tolerance(spec: str | float | None) -> float:
    """A number of items: 1, '1' (a relative tolerance, '10%', is read by `factcheck.rules`)."""
    number, unit = split_spec(spec, NAME, "1")
    if unit:
        raise ValueError(f"a count tolerance is a plain number of items (e.g. 1), not {spec!r}")
    return number
