"""Qualifier words ("about", "up to", "at least", ...) and the intervals they make.

The numeric kinds (count, percent, duration, dose) put `prefix()` before their
number pattern and `postfix()` after it, then call `bounds()` with the literal
value(s) read, the canonical qualifier and the kind's minimum/maximum. Every
accepted wording maps to one of six canonical qualifiers, which is what
`Value.qualifier` holds:

| qualifier  | wordings                                                          | value v (range a..b)        |
|------------|-------------------------------------------------------------------|-----------------------------|
| `about`    | about, approximately, approx., around, roughly, circa, ~, ≈, some, | [a − w(a), b + w(b)]        |
|            | an estimated, estimated                                           |                             |
| `nearly`   | nearly, almost, just under, just below, close to, just shy of     | [0.9·a, b]                  |
| `over`     | over, more than, above, greater than, upwards of, in excess of,   | [a, ∞);                     |
|            | exceeding, just over, well over, >                                | [a, max] when a kind has one |
| `up to`    | up to, at most, no more than, not more than, as many as, as much  | [min, b]                    |
|            | as, a maximum of, maximum of, ≤, <=; postfix "or less/or fewer"   |                             |
| `at least` | at least, no less than, no fewer than, not less than, a minimum   | [a, ∞) or [a, max]          |
|            | of, minimum of, ≥, >=; postfix "or more", "or longer", "+"         |                             |
| `under`    | under, less than, fewer than, below, lower than, well under, <    | [min, b) — open above        |

The width of *about* follows the number's precision, as a writer's rounding does: one
unit of its last digit when that digit is not 0 ("about 95%" = [94, 96], "about 3.3" =
[3.2, 3.4]), half a unit of its last non-zero digit for a round number ("about 50%" =
[45, 55], "about 2,500" = [2450, 2550]), never more than 10% of the number ("about
40 minutes" = [36, 44], "about 1,000" = [900, 1100]).

Hedges overlap when they can: "nearly 50 years" = [45, 50] and "over 50 years" = [50, ∞)
share 50, as do "up to 50" and "at least 50". Only *under* ends open (the nearest float
below the value, `math.nextafter`): "under 18" = [0, 18⁻] and "18 or older" never meet.

Calendar qualifiers (before, after, since, by, ...) belong to the `date` kind.
"""
from __future__ import annotations

import math
import re

from .common import alternation

ABOUT = "about"
NEARLY = "nearly"
OVER = "over"
UP_TO = "up to"
AT_LEAST = "at least"
UNDER = "under"
QUALIFIERS = (ABOUT, NEARLY, OVER, UP_TO, AT_LEAST, UNDER)

MAX_ABOUT = 0.10  # "about v" never widens v by more than 10 %
NEARLY_FACTOR = 0.9  # "nearly v" covers [0.9·v, v]

PREFIX_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["about", "approximately", "approx.", "approx", "around", "roughly", "circa", "~", "≈",
         "some", "an estimated", "estimated"],
        ABOUT,
    ),
    **dict.fromkeys(["nearly", "almost", "just under", "just below", "close to", "just shy of"], NEARLY),
    **dict.fromkeys(
        ["over", "more than", "above", "greater than", "upwards of", "in excess of", "exceeding",
         "just over", "well over", ">"],
        OVER,
    ),
    **dict.fromkeys(
        ["up to", "at most", "no more than", "not more than", "as many as", "as much as",
         "a maximum of", "maximum of", "≤", "<="],
        UP_TO,
    ),
    **dict.fromkeys(
        ["at least", "no less than", "no fewer than", "not less than", "a minimum of", "minimum of", "≥", ">="],
        AT_LEAST,
    ),
    **dict.fromkeys(["under", "less than", "fewer than", "below", "lower than", "well under", "<"], UNDER),
}

_MORE = r"more|greater|higher|above|over|longer|older"
_LESS = r"less|fewer|lower|below|under|shorter|younger"


def prefix(group: str = "qual", extra: dict[str, str] | None = None) -> str:
    """Optional regex fragment '(?:(?P<group>about|up to|...)\\s*)?' to put before a number."""
    words = {**PREFIX_WORDS, **(extra or {})}
    return rf"(?:(?P<{group}>{alternation(words, boundary=True)})\s*)?"


def postfix(group: str = "post") -> str:
    """Optional regex fragment for 'or more' / 'or less' / '+' after a number or phrase."""
    return rf"(?P<{group}>\+(?!\d)|\s+or\s+(?:{_MORE}|{_LESS})(?!\w))?"


def canonical(word: str | None, extra: dict[str, str] | None = None) -> str | None:
    """The canonical qualifier of a matched prefix word ('More  than' -> 'over'), None for None."""
    if word is None:
        return None
    key = " ".join(word.lower().split())
    return {**PREFIX_WORDS, **(extra or {})}[key]


def postfix_canonical(text: str | None) -> str | None:
    """'+' / 'or more' -> 'at least', 'or fewer' -> 'up to', None when nothing matched."""
    if not text:
        return None
    last = text.split()[-1].lower()
    return UP_TO if re.fullmatch(_LESS, last) else AT_LEAST


def above(v: float) -> float:
    """The open lower end just above v."""
    return math.nextafter(v, math.inf)


def below(v: float) -> float:
    """The open upper end just below v."""
    return math.nextafter(v, -math.inf)


def about_width(v: float) -> float:
    """How far "about v" reaches either side (see the module docstring)."""
    if v == 0 or not math.isfinite(v):
        return 0.0
    text = f"{abs(v):.6f}".rstrip("0").rstrip(".")
    digits = text.replace(".", "")
    decimals = len(text.split(".")[1]) if "." in text else 0
    if decimals:
        width = 10.0 ** -decimals  # "3.3": its last digit is not 0
    else:
        zeros = len(digits) - len(digits.rstrip("0"))
        width = 10.0 ** zeros if zeros == 0 else 10.0 ** zeros / 2
    return min(width, abs(v) * MAX_ABOUT)


def _clamp(v: float, minimum: float | None, maximum: float | None) -> float:
    if minimum is not None and v < minimum:
        return minimum
    if maximum is not None and v > maximum:
        return maximum
    return v


def bounds(
    low: float,
    high: float,
    qualifier: str | None,
    minimum: float | None = 0.0,
    maximum: float | None = None,
    scale: float = 1.0,
    relative: float | None = None,
) -> tuple[float | None, float | None]:
    """The interval a qualifier makes of the literal value(s) low..high (see the module table).

    `minimum` is where "up to"/"under" start (None: unbounded); `maximum` where
    "over"/"at least" stop (None: unbounded; percent uses 100). `scale` is how many
    canonical units one unit of the written number is (an hour: 3600 seconds), so "about"
    follows the written precision; `relative` replaces that width by a share of the value
    (a fraction word has no digits to be precise by).
    """
    if qualifier is None:
        return low, high
    if qualifier == ABOUT:
        if relative is not None:
            below_width, above_width = abs(low) * relative, abs(high) * relative
        else:  # the precision of the number as written: 40 (minutes), not 2400 (seconds)
            below_width, above_width = about_width(low / scale) * scale, about_width(high / scale) * scale
        return _clamp(low - below_width, minimum, maximum), _clamp(high + above_width, minimum, maximum)
    if qualifier == NEARLY:
        return _clamp(low * NEARLY_FACTOR, minimum, maximum), high
    if qualifier in (OVER, AT_LEAST):
        start = low
        return start, (maximum if maximum is not None and start <= maximum else None)
    if qualifier in (UP_TO, UNDER):
        end = below(high) if qualifier == UNDER else high
        return (minimum if minimum is not None and minimum <= end else None), end
    raise ValueError(f"unknown qualifier {qualifier!r}; known: {', '.join(QUALIFIERS)}")
