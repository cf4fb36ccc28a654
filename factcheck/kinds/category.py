"""category — one of a few named values the rule lists: a schedule, a class, a stage, a type.

A rule of this kind declares its values, each a name or a name with aliases:

    kind: category
    values:
      - Schedule I
      - {name: Schedule III, aliases: [CIII, C-III]}

Reads
    every value's name and aliases in the text, as words on their keys (whole words, any
    case: "schedule III", "Schedule IIIs"); a Roman numeral and its digits are one word
    ("Schedule 3" is "Schedule III", "Class II" is "Class 2"); the longest name first, so
    "Schedule III" never reads as "Schedule I".

Canonical unit
    `category`: a value is the number of its name in the rule's list; two statements agree
    when they name the same value. `describe` gives the name as the rule writes it.

Not read
    a name the rule does not list ("Schedule IV" for a rule listing I to III), a value of a
    rule that declares none (`find` without values reads nothing).

Examples
    "Ketamine is a Schedule III controlled substance" -> Schedule III
    "it was placed in schedule 3 in 1999"             -> schedule 3 (Schedule III)

Plain numbers and tolerance
    `expected: {value: Schedule III}` names a value of the list; a tolerance is not used (0).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Found, Span, Value
from .common import split_spec

NAME = "category"
ALIASES: tuple[str, ...] = ("class",)
UNIT = "category"
QUICK = re.compile(r"\w")  # any text may name a value: the rule's own names decide
_WORD = re.compile(r"[^\W_]+")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}


def _keys(text: str) -> tuple[str, ...]:
    from ..analysis.words import key

    return tuple(_ROMAN.get(w.lower(), w.lower()) if w.isdigit() or w.lower() in _ROMAN else key(w)
                 for w in _WORD.findall(text))


def names_of(values: Sequence) -> list[tuple[str, tuple[str, ...]]]:
    """(name, aliases) of every value a rule declares (a string, or {name, aliases})."""
    found = []
    for value in values:
        if isinstance(value, dict):
            aliases = value.get("aliases") or []
            found.append((str(value["name"]), tuple(str(a) for a in ([aliases] if isinstance(aliases, str) else aliases))))
        else:
            found.append((str(value), ()))
    return found


def find(text: str, values: Sequence = ()) -> list[Found]:
    """Every one of `values` (a rule's declared values) named in the text, in order."""
    if not values:
        return []
    by_first = _phrases(tuple((name, aliases) for name, aliases in names_of(values)))
    words = list(_WORD.finditer(text))
    keys = [_word_key(m.group()) for m in words]
    if by_first.keys().isdisjoint(keys):
        return []
    found, i = [], 0
    while i < len(words):
        for phrase, number, name in by_first.get(keys[i], ()):
            if tuple(keys[i:i + len(phrase)]) == phrase:
                start, end = words[i].start(), words[i + len(phrase) - 1].end()
                found.append(Found(Value(NAME, text[start:end], float(number), float(number), UNIT, None, name),
                                   Span(start, end)))
                i += len(phrase)
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=256)
def _phrases(values: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[tuple[tuple[str, ...], int, str], ...]]:
    """The values' names and aliases as keys, filed under their first key, longest first."""
    phrases = sorted(((_keys(n), number, name) for number, (name, aliases) in enumerate(values)
                      for n in (name, *aliases)), key=lambda p: -len(p[0]))
    by_first: dict[str, list] = {}
    for phrase in phrases:
        if phrase[0]:
            by_first.setdefault(phrase[0][0], []).append(phrase)
    return {k: tuple(v) for k, v in by_first.items()}


@lru_cache(maxsize=100_000)
def _word_key(word: str) -> str:
    lower = word.lower()
    return _ROMAN.get(lower, lower) if word.isdigit() or lower in _ROMAN else _keys(word)[0]


def parse(text: str | float, values: Sequence = ()) -> Value | None:
    """The declared value a rule's `expected` names."""
    found = find(str(text), values)
    return found[0].value if len(found) == 1 else None


def describe(value: Value) -> str:
    """The value's name as the rule writes it."""
    return value.granularity


def tolerance(spec: str | float | None) -> float:
    """Categories agree only when they are the same: a tolerance must be 0."""
    number, _ = split_spec(spec, NAME, "0")
    if number:
        raise ValueError(f"a category has no tolerance (two values agree when they are the same), not {spec!r}")
    return 0.0
