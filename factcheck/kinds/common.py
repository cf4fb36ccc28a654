"""Vocabulary the value kinds share: number phrases, unit words, year contexts, formatting.

This is not a kind (the registry does not list it). It holds what more than one
kind must agree on, so that two kinds never both claim the same words:

- `NUMBER`: a regex fragment for a number as prose writes it — digits ("403",
  "1,500", "0.5"), number words ("six", "thirty-nine", "a dozen", "two hundred"),
  either followed by a scale ("21 million"). `parse_number` turns its text into a float.
- `MEASURE_AFTER`: the words after a number that make it a percentage, a duration,
  a dose or another measurement, so `count` leaves it alone.
- `is_year`: whether a plausible four-digit year (1500–2100) in a text reads as a
  calendar year. `date` reports exactly the years it accepts and `count` skips them.
- `interval_text` / `fmt_number`: how `describe` writes an interval.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable

ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
SMALL = {
    "zero": 0, **ONES, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def alternation(words, boundary: bool = False) -> str:
    """A regex matching any of the literal words (a space matches any run of spaces).

    Built as a prefix tree ('a(?:bout|t least)|...'), so the regex engine tries one
    branch per first letter instead of every word, and a longer word always wins over its
    prefix. With `boundary`, a word ending in a letter or digit must end there ('over' is
    not read in 'overall').
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = word[-1].isalnum()
    return _tree_regex(tree, boundary)


def _tree_regex(node: dict, boundary: bool) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _tree_regex(child, boundary)
                for char, child in sorted((k, v) for k, v in node.items() if k)]
    if "" in node:  # a word ends here; after the longer words, so they win
        branches.append(r"(?!\w)" if boundary and node[""] else "")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_WORD_99 = rf"(?:(?:{alternation(TENS)})(?:-(?:{alternation(ONES)}))?|{alternation(SMALL)})"
_HUNDRED = rf"hundred(?:\s+(?:and\s+)?{_WORD_99})?"  # "hundred", "hundred and fifty"
WORD_NUMBER = rf"(?:half\s+a\s+dozen|a\s+(?:dozen|{_HUNDRED})|{_WORD_99}(?:\s+{_HUNDRED})?)(?!\w)"
# Whether a text may hold a number at all: a digit or a number word (a cheap pre-check).
HAS_NUMBER = re.compile(rf"\d|(?<!\w)(?:{alternation([*SMALL, *TENS, 'dozen'])})", re.IGNORECASE)
# Digits: thousands groups or a plain run, optional decimals, never the start of a longer run.
DIGITS = r"(?:\d{1,3}(?:[,\u2009\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\d)"  # "1,961", "1 961" (thin space)
SCALE = rf"(?:\s+(?:{alternation(SCALES)})(?!\w))"
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER}){SCALE}?"
# Where a number may start: not glued to a word, a decimal point, a thousands group
# or a hyphenated word ("COVID-19", "SARS-CoV-2").
NUMBER_START = r"(?<![\w.])(?<!\d,)(?<![A-Za-z]-)"
# Range separators: a dash only between digits ("4-6", "20%-30%"), words otherwise.
DASH = r"(?<=[\d%])\s*[-–—]\s*(?=\d)"

_WORD_VALUES = {**SMALL, **TENS}


def _word_99(text: str) -> float:
    parts = text.split("-")
    return float(sum(_WORD_VALUES[p] for p in parts))


def parse_number(text: str) -> float:
    """The value of a NUMBER match: '1,500' -> 1500, 'thirty-nine' -> 39, '21 million' -> 2.1e7."""
    words = text.lower().replace(",", "").replace("\u2009", "").replace("\u202f", "").split()
    scale = 1.0
    if words and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    text = " ".join(words)
    if text[:1].isdigit() or text[:1] == ".":
        return float(text) * scale
    if text == "a dozen":
        return 12.0 * scale
    if text == "half a dozen":
        return 6.0 * scale
    if " hundred" in text:
        left, _, right = text.partition(" hundred")
        right = right.strip().removeprefix("and").strip()
        hundreds = 1.0 if left == "a" else _word_99(left)
        return (hundreds * 100 + (_word_99(right) if right else 0.0)) * scale
    return _word_99(text) * scale


def is_integral(x: float) -> bool:
    return math.isfinite(x) and abs(x - round(x)) < 1e-9


# ---------------------------------------------------------------- units and contexts

TIME_UNITS = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?"
    r"|months?|mos?|years?|yrs?|decades?|centuries|century)"
)
MASS_UNITS = r"(?:mg|milligrams?|µg|μg|mcg|ug|micrograms?|ng|nanograms?|grams?|g|kg|kilograms?|kilos?|lbs?|pounds?)"
OTHER_UNITS = (
    r"(?:km|kilometers?|kilometres?|miles?|cm|mm|m|meters?|metres?|ml|mL|litres?|liters?|°[CF]?|degrees?"
    r"|kcal|calories|am|pm|a\.m\.|p\.m\.|dollars?|euros?|rupees?|usd|eur|gbp|inr|bpm|mmHg|iu|units?"
    r"|[mµμ]?sv|sieverts?|millisieverts?|[mµμ]?gy|grays?|rems?|[kmgt]?bq|becquerels?|curies?|ci|rads?"
    r"|tons?|tonnes?|square|sq|km²|km2|m²|m2|acres?|hectares?|ha|feet|ft|inches|in\.|gigawatts?|megawatts?|gw|mw|kw)"
)
PERCENT_WORDS = r"(?:%|percent(?!\w)|per\s*cent(?!\w)|pct(?!\w)|percentage)"
MEASURE_AFTER = re.compile(
    rf"\s*(?:-\s*)?(?:{PERCENT_WORDS}|(?:{TIME_UNITS}|{MASS_UNITS}|{OTHER_UNITS})(?![^\W\d_]))",
    re.IGNORECASE,
)
CURRENCY_BEFORE = re.compile(r"(?:\brs\.?|\binr|\busd|\beur|\bgbp|us\$|[$£€¥₹])\s*$", re.IGNORECASE)
_DIGIT_BEFORE = re.compile(r"(?:\d\s?[-/.:]?\s?|/)$")  # "555-2019", "10:41", ".../2023"
_DIGIT_AFTER = re.compile(r"^(?:\s?[-/.:]?\s?\d|/)")
COUNT_NOUNS = (
    r"(?:patients?|people|persons?|participants?|subjects?|individuals?|adults?|children|kids|men|women|boys|girls"
    r"|cases|deaths|respondents?|volunteers?|users?|students?|doctors?|physicians?|nurses?|members?|residents?"
    r"|veterans?|households?|families|animals?|mice|rats|cells|samples?|studies|trials|articles|papers|reports"
    r"|times|doses|sessions|infusions|treatments|sites|centers|centres|hospitals|clinics|beds|species|genes"
    r"|words|pages|items|copies|votes|americans|employees|workers)"
)
_COUNT_ADJECTIVES = (
    r"(?:adult|new|more|other|additional|eligible|elderly|young|older|healthy|hospitali[sz]ed|depressed"
    r"|male|female|US|American|unique|total|confirmed|registered)"
)
_COUNT_NOUN_AFTER = re.compile(rf"^\s+(?:{_COUNT_ADJECTIVES}\s+)?{COUNT_NOUNS}(?!\w)", re.IGNORECASE)
_COMPARATIVE_BEFORE = re.compile(
    r"(?:\bover|\bmore\s+than|\bfewer\s+than|\bless\s+than|\bat\s+least|\bat\s+most|\bup\s+to|\bnearly|\balmost"
    r"|\bas\s+many\s+as|\ba\s+total\s+of|\bsome|\ban\s+estimated|\bno\s+more\s+than|\bno\s+fewer\s+than)\s*$",
    re.IGNORECASE,
)
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = rf"(?:{alternation(MONTHS)})(?:\.|(?!\w))"
MONTH_BEFORE = re.compile(rf"(?<!\w){MONTH}\s*$", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?{MONTH}", re.IGNORECASE)
YEAR4 = r"(?:1[5-9]\d\d|20\d\d|2100)"


def plausible_year(token: str) -> bool:
    """A bare four-digit integer from 1500 to 2100 (no thousands comma, no decimals)."""
    return len(token) == 4 and token.isdigit() and 1500 <= int(token) <= 2100


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the plausible year (or year range) at text[start:end] is a calendar year.

    It is, unless: a currency sign or code comes before it ("Rs. 2000", "$1999");
    another digit group is glued to it by -, /, ., : or one space (IDs, phone numbers,
    times, "in 2019 403 patients"); a slash touches it (URLs: ".../2023/..."); a unit follows ("2000 mg", "1500 years", "2000%");
    a count noun follows ("2000 patients", "1500 adult volunteers"); or a comparative
    that counts precedes it ("over 2000", "more than 1500", "up to 2000").
    """
    before, after = text[max(0, start - 24) : start], text[end : end + 40]
    if CURRENCY_BEFORE.search(before) or _DIGIT_BEFORE.search(before) or _DIGIT_AFTER.match(after):
        return False
    if MEASURE_AFTER.match(after) or _COUNT_NOUN_AFTER.match(after):
        return False
    return not _COMPARATIVE_BEFORE.search(before)


# ---------------------------------------------------------------- describing intervals


def fmt_number(x: float, thousands: bool = False) -> str:
    """A float as a person writes it: 40 -> '40', 0.5 -> '0.5', nextafter(50) -> '50'."""
    r = round(x, 6)
    if is_integral(r):
        n = int(round(r))
        return f"{n:,}" if thousands and abs(n) >= 10000 else str(n)
    return f"{r:.6f}".rstrip("0").rstrip(".")


def interval_text(
    low: float | None,
    high: float | None,
    qualifier: str | None,
    fmt: Callable[[float], str],
    minimum: float | None = 0.0,
    maximum: float | None = None,
) -> str:
    """'≥ 2', '< 50', '≤ 70', '45–55', '45–<50' or '40' (without the unit).

    One-sided intervals (an unbounded side, or the kind's minimum/maximum reached
    through a qualifier) are written with a comparison sign; an end that a qualifier
    made open ("over", "under", "nearly") with a strict one.
    """
    open_low = qualifier == "over"  # the words said "over": written "> 50" though 50 is in the interval
    open_high = qualifier == "under"
    if low is None and high is None:
        return "any"
    if high is not None and (low is None or (low == minimum and qualifier in ("up to", "under"))):
        return ("< " if open_high else "≤ ") + fmt(high)
    if low is not None and (high is None or (high == maximum and qualifier in ("over", "at least"))):
        return ("> " if open_low else "≥ ") + fmt(low)
    assert low is not None and high is not None
    if fmt(low) == fmt(high):
        return fmt(low)
    return f"{'>' if open_low else ''}{fmt(low)}–{'<' if open_high else ''}{fmt(high)}"


# ---------------------------------------------------------------- tolerance specs

_SPEC = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(.*?)\s*$")


def split_spec(spec: object, kind: str, example: str) -> tuple[float, str]:
    """A tolerance spec as (number, unit text); the unit text is '' for a bare number.

    Rejects booleans, negatives, NaN/infinity and anything that does not start with
    a number, with a message naming the kind and an example of a good spec.
    """
    if spec is None:
        return 0.0, ""
    if isinstance(spec, bool) or not isinstance(spec, (int, float, str)):
        raise ValueError(f"a {kind} tolerance must be a number or a string like {example!r}, not {spec!r}")
    if isinstance(spec, str):
        match = _SPEC.match(spec)
        if not match:
            raise ValueError(f"a {kind} tolerance must be a number with an optional unit, like {example!r}, not {spec!r}")
        number, unit = float(match.group(1)), match.group(2)
    else:
        number, unit = float(spec), ""
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"a {kind} tolerance must be a finite number >= 0, not {spec!r}")
    return number, unit


def outside(found: list, claimed: list) -> list:
    """The values of `found` that overlap none of `claimed` (another kind's, which wins)."""
    if not claimed:
        return found
    spans = [(c.span.start, c.span.end) for c in claimed]
    return [f for f in found if not any(f.span.start < end and start < f.span.end for start, end in spans)]


# ---------------------------------------------------------------- parse helper


def parse_phrase(text: object, find: Callable[[str], list], from_number: Callable[[float, str], object]):
    """What every kind's `parse` does: a plain number goes to `from_number`, a phrase to `find`.

    A phrase must hold exactly one value of the kind; otherwise the answer is None.
    """
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, (int, float)):
        return from_number(float(text), str(text)) if math.isfinite(text) else None
    phrase = str(text).strip()
    try:
        number = float(phrase.replace(",", ""))
    except ValueError:
        found = find(phrase)
        return found[0].value if len(found) == 1 else None
    return from_number(number, phrase) if math.isfinite(number) else None
