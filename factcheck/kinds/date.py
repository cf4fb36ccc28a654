"""date (aliases: year, decade) — a calendar reference of any precision, as an interval of days.

Reads
    years            "in 2019", "the year 1962", "2019–2021", "2019-20", "from 2019 to 2021",
                     "between 2019 and 2021" (1500–2100 only);
    parts of a year  "early 2019" (Jan–Apr), "mid-2019" (May–Aug), "late 2019" (Sep–Dec);
    decades          "the 1960s", "1960's", "early 2000s" (2000–2003), "mid-1990s" (1994–1996),
                     "late 1960s" (1967–1969);
    months           "February 2000", "Feb. 2000", "February of 2000";
    days             "February 15th, 2000", "February 15, 2000", "15 February 2000",
                     "the 15th of February, 2000", "Aug. 3, 2020", "2000-02-15".
    A day without a year ("February 15", "Nov. 30", "April 26 of that year") is read only
    where the year stands before it: earlier in its sentence, or in one of the three
    sentences before it in its paragraph (the nearest year named there; across paragraphs
    for "of that year"); a month without a year ("in February") is not read.

Canonical unit
    `date`: low/high are proleptic Gregorian ordinals (`datetime.date.toordinal()`) of the
    first and last day the words cover, so every precision compares with every other:
    "February 15th, 2000" agrees with "2000", "2000" with "the early 2000s" and "the 1990s"
    conflicts with "2001". `granularity` is "day", "month", "year", "decade" or "range".

Qualifiers (`Value.qualifier`)
    about    about, around, approximately, roughly, circa, c., ca., ~ — widened by one unit of
             its granularity on each side: "around 1990" = 1989-01-01..1991-12-31,
             "about the 1960s" = 1950s..1970s, "about February 2000" = January..March 2000.
    before   before, prior to, earlier than — everything up to the day before: "before 1990" =
             (−∞, 1989-12-31].
    after    after, later than — from the day after: "after 1990" = [1991-01-01, ∞).
    by       by — up to its last day: "by 1990" = (−∞, 1990-12-31].
    since    since, from — the interval is kept: "since the early 2000s" = 2000..2003. The
             words name when something started; a source saying "since 2010" then
             conflicts with one saying "began in 2000", as it should.
    until    until, till, up until — the interval is kept (it names when something ended).

Not dates
    "Rs. 2000", "$1999" (money), "2000 patients", "over 2000", "1500 mg", "2000%" (counts and
    measures — the same test, `factcheck.kinds.common.is_year`, makes `count` skip exactly the
    years read here), "403 patients", "UBI 605-019-306", "555-2019", "10:41", URLs such as
    ".../2023/10/...", "70kg", "2 weeks", "24 hours".

Examples
    "Beginning on February 15th, 2000, ketamine saw" -> February 15th, 2000  [2000-02-15]  day
    "Since the early 2000s, researchers"             -> Since the early 2000s [2000-01-01, 2003-12-31]
                                                        decade, qualifier "since"
    "Christa Coulter-Scott, 55, started ... in 2021" -> 2021 [2021-01-01, 2021-12-31] year

Plain numbers and tolerance
    A bare number in a rule (`expected: {value: 1962}`) is a year. A tolerance number is in
    years (× 365.25 days, rounded); a string may say "2 years", "6 months", "3 weeks",
    "10 days" or "1 decade". The result is a number of days.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from ..model import Found, Span, Value
from .common import MONTH, MONTHS, YEAR4, alternation, is_year, split_spec
from .duration import DAY, unit_seconds

NAME = "date"
ALIASES: tuple[str, ...] = ("year", "decade")
UNIT = "date"
FIRST_YEAR, LAST_YEAR = 1500, 2100

ABOUT, BEFORE, AFTER, BY, SINCE, UNTIL = "about", "before", "after", "by", "since", "until"
QUALIFIER_WORDS = {
    **dict.fromkeys(["about", "around", "approximately", "roughly", "circa", "c.", "ca.", "~"], ABOUT),
    **dict.fromkeys(["before", "prior to", "earlier than"], BEFORE),
    **dict.fromkeys(["after", "later than"], AFTER),
    "by": BY,
    **dict.fromkeys(["since", "from"], SINCE),
    **dict.fromkeys(["until", "till", "up until"], UNTIL),
}
_QUALIFIER = alternation(QUALIFIER_WORDS, boundary=True)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_PART = r"(?:early|mid|late)(?:\s*-\s*|\s+)"
_PATTERN = re.compile(
    r"(?<![\w.])(?<![A-Za-z]-)"
    + rf"(?:(?P<qual>{_QUALIFIER})\s*)?"
    + r"(?:"
    + rf"(?P<iso_y>{YEAR4})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
    + rf"|(?P<mdy_m>{MONTH})\s*(?P<mdy_d>{_DAY})(?!\d),?\s+(?P<mdy_y>{YEAR4})"
    + rf"|(?:the\s+)?(?P<dmy_d>{_DAY})(?:\s+of)?\s+(?P<dmy_m>{MONTH}),?\s*(?P<dmy_y>{YEAR4})"
    + rf"|(?P<my_m>{MONTH}),?\s*(?:of\s+)?(?P<my_y>{YEAR4})"
    + rf"|(?:the\s+)?(?P<dec_part>{_PART})?(?P<dec>(?:1[5-9]|20)\d0)(?:'s|’s|s)"
    + rf"|between\s+(?P<yb1>{YEAR4})\s+and\s+(?P<yb2>{YEAR4})"
    + rf"|(?P<yr1>{YEAR4})(?:\s*[-–—]\s*|\s+(?:to|through|until|till)\s+)(?P<yr2>{YEAR4}|\d\d)"
    + rf"|(?P<y_part>{_PART})?(?P<year>{YEAR4})"
    + r")(?!\w)(?![.,]\d)",
    re.IGNORECASE,
)
_PARTS_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_PARTS_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_STEP_MONTHS = {"month": 1, "year": 12, "range": 12, "decade": 120}


# ---------------------------------------------------------------- calendar helpers


def _first(year: int, month: int = 1) -> int:
    return dt.date(year, month, 1).toordinal()


def _last(year: int, month: int = 12) -> int:
    return dt.date(year, month, calendar.monthrange(year, month)[1]).toordinal()


def _shift_months(ordinal: int, months: int, to_end: bool) -> int:
    """The first (or last) day of the month `months` away from the day's month."""
    day = dt.date.fromordinal(ordinal)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return _last(year, month + 1) if to_end else _first(year, month + 1)


def _years(first: int, last: int) -> tuple[int, int]:
    return _first(first), _last(last)


# ---------------------------------------------------------------- reading


QUICK = re.compile(r"\d{4}")  # every form holds a four-digit year: a cheap pre-check


def find(text: str) -> list[Found]:
    """Every date, month, year, decade or year range in the text, in order."""
    if not QUICK.search(text):
        return []
    found: list[Found] = []
    for match in _PATTERN.finditer(text):
        found.extend(_read(match))
    return found


def _read(match: re.Match[str]) -> list[Found]:
    g = match.group
    word = g("qual")
    qualifier = QUALIFIER_WORDS[" ".join(word.lower().split())] if word else None
    try:
        if g("iso_y"):
            day = dt.date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))).toordinal()
            low, high, granularity = day, day, "day"
        elif g("mdy_y") or g("dmy_y"):
            y, m, d = (g("mdy_y"), g("mdy_m"), g("mdy_d")) if g("mdy_y") else (g("dmy_y"), g("dmy_m"), g("dmy_d"))
            day = dt.date(int(y), _month(m), int(re.sub(r"\D", "", d))).toordinal()
            low, high, granularity = day, day, "day"
        elif g("my_y"):
            y, m = int(g("my_y")), _month(g("my_m"))
            low, high, granularity = _first(y, m), _last(y, m), "month"
        elif g("dec"):
            start = int(g("dec"))
            a, b = _PARTS_OF_DECADE[_part(g("dec_part"))] if g("dec_part") else (0, 9)
            low, high, granularity = *_years(start + a, start + b), "decade"
        elif g("year"):
            if not is_year(match.string, match.start("year"), match.end("year")):
                return []
            y = int(g("year"))
            if g("y_part"):
                a, b = _PARTS_OF_YEAR[_part(g("y_part"))]
                low, high = _first(y, a), _last(y, b)
            else:
                low, high = _years(y, y)
            granularity = "year"
        else:
            return _year_range(match, qualifier)
    except ValueError:  # February 30th and the like
        return []
    return [_found(match.group(0), match.start(), match.end(), low, high, qualifier, granularity)]


_YEARLESS = re.compile(  # "Nov. 30", "April 26 of that year", "on 8 October": the year stands elsewhere
    rf"(?<![\w,])(?:(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH}))"
    r"(?P<that>\s+(?:of\s+)?(?:that|the\s+same)\s+year)?(?![\w-]|,?\s*(?:of\s+)?\d)", re.IGNORECASE)


def find_without_year(text: str) -> list[tuple[int, int, int, int, bool]]:
    """(start, end, month, day, whether it says "of that year") of every day named without its
    year ("Nov. 30", "April 26 of that year"); the month's name must be capitalized ("may 5"
    is not May 5). The caller finds the year in the text around (`factcheck.analysis.document`)."""
    found = []
    for match in _YEARLESS.finditer(text):
        month_word = match.group("m") or match.group("m2")
        if not month_word[:1].isupper():
            continue
        day = int(match.group("d") or match.group("d2"))
        found.append((match.start(), match.end(), _month(month_word), day, bool(match.group("that"))))
    return found


def on_year(raw: str, start: int, end: int, year: int, month: int, day: int) -> Found | None:
    """A day read without its year, given the year the text around it names."""
    try:
        ordinal = dt.date(year, month, day).toordinal()
    except ValueError:
        return None
    return _found(raw, start, end, ordinal, ordinal, None, "day")


def _year_range(match: re.Match[str], qualifier: str | None) -> list[Found]:
    first_group, last_group = ("yb1", "yb2") if match.group("yb1") else ("yr1", "yr2")
    start, end = match.start(first_group), match.end(last_group)
    if not is_year(match.string, start, end):
        return []
    y1, second = int(match.group(first_group)), match.group(last_group)
    y2 = int(second) if len(second) == 4 else _complete(y1, int(second))
    if qualifier == SINCE and match.group("qual").lower() == "from":
        qualifier = None  # "from 2019 to 2021" is the range itself
    if y2 > y1:
        return [_found(match.group(0), match.start(), match.end(), *_years(y1, y2), qualifier, "range")]
    if len(second) != 4:
        return []
    text = match.string  # "2021 to 2019": two years, not a range
    a_end, b_start = match.end(first_group), match.start(last_group)
    return [
        _found(text[match.start() : a_end], match.start(), a_end, *_years(y1, y1), qualifier, "year"),
        _found(text[b_start:end], b_start, end, *_years(y2, y2), None, "year"),
    ]


def _complete(y1: int, yy: int) -> int:
    """The four-digit year of '20' in '2019-20': the next one ending in those digits."""
    year = y1 - y1 % 100 + yy
    return year if year > y1 else year + 100


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _part(word: str) -> str:
    return re.match(r"[a-z]+", word.lower()).group(0)  # type: ignore[union-attr]


def _found(raw: str, start: int, end: int, low: int, high: int, qualifier: str | None, granularity: str) -> Found:
    lo, hi = _qualified(low, high, qualifier, granularity)
    return Found(Value(NAME, raw, lo, hi, UNIT, qualifier, granularity), Span(start, end))


def _qualified(low: int, high: int, qualifier: str | None, granularity: str) -> tuple[float | None, float | None]:
    if qualifier == ABOUT:
        if granularity == "day":
            return float(low - 1), float(high + 1)
        step = _STEP_MONTHS[granularity]
        return float(_shift_months(low, -step, False)), float(_shift_months(high, step, True))
    if qualifier == BEFORE:
        return None, float(low - 1)
    if qualifier == AFTER:
        return float(high + 1), None
    if qualifier == BY:
        return None, float(high)
    return float(low), float(high)


# ---------------------------------------------------------------- the rest of the contract


def year_value(year: int, raw: str | None = None) -> Value:
    """The Value of a whole calendar year."""
    low, high = _years(year, year)
    return Value(NAME, raw or str(year), float(low), float(high), UNIT, None, "year")


def parse(text: str | float | dt.date) -> Value | None:
    """'2019', '1960s', 'early 2000s', 'February 2000', '2000-02-15', 'around 1990'; a number is a year."""
    if isinstance(text, dt.datetime):
        text = text.date()
    if isinstance(text, dt.date):
        day = float(text.toordinal())
        return Value(NAME, text.isoformat(), day, day, UNIT, None, "day")
    if isinstance(text, bool) or text is None:
        return None
    phrase = str(text).strip()
    if re.fullmatch(r"\d{1,4}(?:\.0+)?", phrase):
        year = int(float(phrase))
        return year_value(year, phrase) if FIRST_YEAR <= year <= LAST_YEAR else None
    found = find(phrase)
    return found[0].value if len(found) == 1 else None


def _label(ordinal: float, granularity: str) -> str:
    """The period of that granularity holding the day: '2000-02-15', 'February 2000', '2019', '1960s'."""
    day = dt.date.fromordinal(int(ordinal))
    if granularity == "day":
        return day.isoformat()
    if granularity == "month":
        return f"{calendar.month_name[day.month]} {day.year}"
    if granularity == "decade":
        return f"{day.year - day.year % 10}s"
    return str(day.year)


def _part_name(parts: dict[str, tuple[int, int]], first: int, last: int) -> str | None:
    """'early ' / 'mid-' / 'late ' when first..last is exactly that part, else None."""
    for name, bounds in parts.items():
        if bounds == (first, last):
            return "mid-" if name == "mid" else f"{name} "
    return None


def _span(low: float, high: float) -> str:
    lo, hi = dt.date.fromordinal(int(low)), dt.date.fromordinal(int(high))
    if lo == hi:
        return lo.isoformat()
    if lo.day != 1 or hi.day != calendar.monthrange(hi.year, hi.month)[1]:
        return f"{lo.isoformat()} – {hi.isoformat()}"
    if lo.month == 1 and hi.month == 12:
        if lo.year == hi.year:
            return str(lo.year)
        decade = lo.year - lo.year % 10
        if (lo.year - decade, hi.year - decade) == (0, 9):
            return f"{decade}s"
        if part := _part_name(_PARTS_OF_DECADE, lo.year - decade, hi.year - decade):
            return f"{part}{decade}s"
        return f"{lo.year}–{hi.year}"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{calendar.month_name[lo.month]} {lo.year}"
    if lo.year == hi.year and (part := _part_name(_PARTS_OF_YEAR, lo.month, hi.month)):
        return f"{part}{lo.year}"
    if lo.year == hi.year:
        return f"{calendar.month_name[lo.month]}–{calendar.month_name[hi.month]} {lo.year}"
    return f"{calendar.month_name[lo.month]} {lo.year} – {calendar.month_name[hi.month]} {hi.year}"


def describe(value: Value) -> str:
    """'2019', '1960s', 'early 2000s', 'February 2000', '2000-02-15', 'before 1990', 'since 1990'."""
    low, high, granularity = value.low, value.high, value.granularity
    if low is None and high is None:
        return "any date"
    if low is None:
        assert high is not None
        if value.qualifier == BEFORE:
            return f"before {_label(high + 1, granularity)}"
        return f"by {_label(high, granularity)}"
    if high is None:
        return f"after {_label(low - 1, granularity)}"
    text = _span(low, high)
    return f"{value.qualifier} {text}" if value.qualifier in (SINCE, UNTIL) else text


_UNITS = re.compile(r"(?:years?|yrs?|y|decades?|months?|mos?|weeks?|wks?|days?|d)", re.IGNORECASE)


def tolerance(spec: str | float | None) -> float:
    """Days: a number is years (× 365.25, rounded); strings: '2 years', '6 months', '10 days'."""
    number, unit = split_spec(spec, NAME, "1 year")
    if not unit:
        return float(round(number * 365.25))
    if not _UNITS.fullmatch(unit):
        raise ValueError(f"a date tolerance is a number of years or a string like '2 years' or '6 months', not {spec!r}")
    return float(round(number * unit_seconds(unit) / DAY))
