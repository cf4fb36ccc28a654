"""Value kinds: what sort of value a rule's fact is, and how to read it from prose.

Each kind is a module with the same small contract (see `Kind`): `NAME`, `ALIASES`,
`UNIT`, `QUICK` (a cheap pattern: a text without a match holds no value of the kind),
`find(text)`, `parse(text)`, `describe(value)`, `tolerance(spec)`. Its module
docstring is its user documentation: what it reads, its canonical unit, its qualifiers,
and how a bare number or a tolerance is taken.

| kind       | aliases         | canonical unit                         | bare number / tolerance number |
|------------|-----------------|----------------------------------------|--------------------------------|
| `date`     | year, decade    | ordinal days (`date.toordinal()`)      | a year / years (× 365.25 days) |
| `percent`  | percentage      | percent                                | percent / percentage points    |
| `count`    | number          | count                                  | items / items                  |
| `duration` |                 | second                                 | minutes / minutes              |
| `dose`     | dosage          | mg (Value.unit "mg/kg", "mg", ...)     | mg/kg / the value's unit       |
| `age`      |                 | years of age                           | years / years                  |
| `length`   | distance        | metre                                  | km / km                        |
| `category` | class           | the value's place in the rule's `values` | a value's name / none        |

Shared pieces: `qualifiers` (about, nearly, over, up to, at least, under) and `common`
(number words, unit words, the year test `count` and `date` share, formatting).
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from types import ModuleType
from typing import Protocol

from ..model import Found, Value
from . import age, category, count, date, dose, duration, length, percent


class Kind(Protocol):
    """What every kind module provides (modules satisfy this protocol structurally)."""

    NAME: str
    ALIASES: tuple[str, ...]
    UNIT: str
    QUICK: re.Pattern[str]  # a text without a match holds no value of the kind

    def find(self, text: str) -> list[Found]: ...

    def parse(self, text: str) -> Value | None: ...

    def describe(self, value: Value) -> str: ...

    def tolerance(self, spec: object) -> float: ...


KINDS: dict[str, ModuleType] = {
    "date": date,
    "year": date,
    "decade": date,
    "percent": percent,
    "percentage": percent,
    "count": count,
    "number": count,
    "duration": duration,
    "dose": dose,
    "dosage": dose,
    "age": age,
    "length": length,
    "distance": length,
    "category": category,
    "class": category,
}


# Kinds whose value is a limit ("not for children under 16" states the limit 16): a
# negated clause still states it.
LIMIT_KINDS = frozenset({"age"})
# Kinds whose value says by itself what sort of fact it is (an age, one of a category rule's
# own values): near its subject, it is a candidate without any of the rule's words.
SETTLING_KINDS = frozenset({"age", "category"})


@lru_cache(maxsize=None)
def quick_on_lower_case(name: str) -> re.Pattern[str] | None:
    """A kind's `QUICK` pattern for text already in lower case, without IGNORECASE, which makes
    Python's `re` two to three times slower on these alternations; None when the pattern
    spells a capital letter itself (it would then miss on lower-case text)."""
    quick = get(name).QUICK
    letters = re.sub(r"\\.", "", quick.pattern)  # escapes (\d, \W, \S) are not letters
    if quick.flags & re.IGNORECASE and letters == letters.lower():
        return re.compile(quick.pattern, quick.flags & ~re.IGNORECASE)
    return None


def unit_matches(kind: str, rule_unit: str, value_unit: str) -> bool:
    """Whether a value's unit counts for a rule that names `rule_unit` ("mg" covers "mg/day")."""
    if rule_unit == value_unit:
        return True
    matches = getattr(KINDS.get(kind), "unit_matches", None)
    return bool(matches and matches(rule_unit, value_unit))


def convert(value: Value, to: str) -> Value:
    """An age as a duration (years in seconds) or a count (years), for rules that ask an age
    in those kinds."""
    if value.kind != "age" or to not in ("duration", "count"):
        raise ValueError(f"cannot read a {value.kind} value as a {to}")
    size = duration.YEAR if to == "duration" else 1.0
    scale = (lambda x: None if x is None else x * size)
    return Value(to, value.raw, scale(value.low), scale(value.high), get(to).UNIT, value.qualifier, value.granularity)


def limit_of(value: Value, side: str) -> Value:
    """The one end of a value a limit states: "under 16" states 16, "18 and older" 18, "ages 9
    to 26" 9 as a lower limit and 26 as an upper one."""
    from .qualifiers import AT_LEAST, OVER, UNDER, UP_TO

    if value.qualifier in (UP_TO, UNDER):
        end = value.high
    elif value.qualifier in (AT_LEAST, OVER):
        end = value.low
    else:
        end = value.low if side == "lower" else value.high
    if end is None:
        end = value.high if value.low is None else value.low
    if value.qualifier == UNDER and end is not None:
        end = float(round(end, 9))  # the open end just below 16 states 16
    return Value(value.kind, value.raw, end, end, value.unit, value.qualifier, "limit")


class UnknownKindError(ValueError):
    """A rule names a kind that does not exist."""


def names() -> list[str]:
    """The primary kind names, sorted (aliases left out)."""
    return sorted({module.NAME for module in KINDS.values()})


def get(name: str) -> Kind:
    """The kind module for a name or alias (case and surrounding spaces ignored)."""
    key = str(name).strip().lower()
    try:
        return KINDS[key]  # type: ignore[return-value]
    except KeyError:
        pass
    close = difflib.get_close_matches(key, list(KINDS), n=1, cutoff=0.6)
    known = ", ".join(f"{n} ({', '.join(KINDS[n].ALIASES)})" if KINDS[n].ALIASES else n for n in names())
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise UnknownKindError(f"unknown value kind {name!r}; known kinds: {known}{hint}")
