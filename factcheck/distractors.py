"""Numbers that sit beside a fact without being it, recognised from their surroundings.

Each check looks at the words around a candidate value and returns a penalty and a
reason, so `explain` can say why "(55%)", "study 2", "Coulter-Scott, 55," or "a study
in 2019" lost. A penalty of REJECT removes the candidate outright.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .model import Value

REJECT = 1.0
Check = Callable[[str, int, int, Value], "tuple[float, str] | None"]

_FOOTNOTE_BEFORE = re.compile(r"(?:\b(?:study|studies|ref|reference|footnote|note|source)s?\s*|\[|\^|[A-Za-z.:;)](?=$))$", re.I)
_AGE_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s*$|\baged?\s*$)")
_AGE_AFTER = re.compile(r"^(?:,(?!\s*\d)|-?\s*years?[- ]old|-year)")  # "Reyes, 51, put ..." / "54 years old"
_STUDY_BEFORE = re.compile(r"\b(?:study|studies|trial|trials|survey|report|paper|review|analysis|published|et al\.?)"
                           r"(?:\s+(?:done|conducted|published|carried\s+out|run|performed|released))?\s*(?:in|from|of|,)?\s*$", re.I)
_ADDRESS = re.compile(r"https?://|www\.|\bdoi:|\bet\s+al\.|\bRetrieved\b|\bAccessed\b|\bPMID\b", re.I)
_CALENDAR_WORDS = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|updated|published|posted"
    r"|last|reviewed|on|the|of|at|am|pm|a\.m|p\.m|senin|selasa|rabu|kamis|jumat|sabtu|minggu|juni|juli|januari|februari"
    r"|maret|mei|agustus|oktober|desember|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ago|years?|months?|days?"
    r"|\d{1,2}(?:st|nd|rd|th)?)\.?$", re.I)
_STUDY_AFTER = re.compile(r"^\s*(?:study|trial|survey|paper|review|analysis|report)\b", re.I)


def footnote(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """A small number glued to a word, after 'study'/'[', or alone in parentheses."""
    if value.kind != "count":
        return None
    before, after = text[max(0, start - 20) : start], text[end : end + 3]
    if before.endswith("(") and after.startswith(")"):
        return REJECT, "a number alone in parentheses, read as a footnote marker"
    if _FOOTNOTE_BEFORE.search(before) and not after[:1].isalpha():
        return REJECT, "a number right after 'study', '[' or a word, read as a footnote marker"
    return None


def age(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """'Christa Coulter-Scott, 55, started ...', 'aged 54', '54-year-old'."""
    if value.kind not in ("count", "duration"):
        return None
    before, after = text[max(0, start - 30) : start], text[end : end + 12]
    if _AGE_BEFORE.search(before) and (_AGE_AFTER.search(after) or "aged" in before.lower()):
        return REJECT, "a number after a name, read as a person's age"
    if value.kind == "count" and _AGE_AFTER.search(after) and "year" in after:
        return REJECT, "'N years old', read as a person's age"
    return None


def parenthesised(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """'(55%)' after a phrase usually reports a breakdown, not the headline figure."""
    if text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")":
        return 0.5, "in parentheses, as demographic or citation figures usually are"
    return None


def study_year(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """'a study in 2019 found', 'a 2019 trial': the year of a study, not of the fact."""
    if value.kind != "date":
        return None
    if _STUDY_BEFORE.search(text[max(0, start - 30) : start]) or _STUDY_AFTER.search(text[end : end + 12]):
        return 0.5, "reads as the year of a study or publication"
    return None


def reference(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """A sentence holding a web address, a DOI, "et al." or "Retrieved" is a reference entry."""
    if _ADDRESS.search(text):
        return 0.8, "in a reference entry (an address, a DOI or 'et al.')"
    return None


_CITED_AFTER_TITLE = re.compile(r"[\"”],?\s*(?:[A-Za-z.]+\s+){0,2}$")
_PUBLISHED_AFTER = re.compile(r"^\W*(?:[\w’'-]+\W+){0,4}?(?:published|issued|released\s+(?:a|its|the)\s+report|reported"
                              r"|report(?:ed)?\b|study\b|survey\b|review\b)", re.I)


def cited(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """A date right after a quoted title ('"Report on the Accident…," January 1987'), or one
    a report or a study is published in ('In 2006, WHO published the report…')."""
    if value.kind != "date":
        return None
    if _CITED_AFTER_TITLE.search(text[max(0, start - 20):start]):
        return 0.8, "the date of a cited title"
    if _PUBLISHED_AFTER.search(text[end:end + 50]):
        return 0.5, "reads as the year a report or study came out"
    return None


_TRIAL_ARM = re.compile(r"\(\s*n\s*=\s*\d|\bplacebo\b|\brandomi[sz]ed\s+to\b|\bassigned\s+to\b|\barms?\b", re.I)


def trial_arm(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """A dose given to one arm of a trial ("assigned to LIPITOR 10 mg daily (n=5168) or placebo")."""
    if value.kind == "dose" and _TRIAL_ARM.search(text):
        return 0.5, "a dose given in a trial (an arm, a placebo, 'n=')"
    return None


def alone(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """A date on a line of its own ("Thursday, 26 June 2025", "Updated March 3, 2024") dates the page."""
    if value.kind != "date":
        return None
    rest = re.findall(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th)?", text[:start] + " " + text[end:])
    if all(_CALENDAR_WORDS.fullmatch(word) for word in rest) and len(rest) <= 4:
        return REJECT, "a date alone on its line: the page's own date"
    return None


_DATELINE_BEFORE = re.compile(r"^\s*(?:[A-Z][A-Z.' -]+(?:,\s*[A-Z][a-z]+\.?)?,\s*)?"  # "ANN ARBOR, Mich.,"
                              r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)(?i:day),\s*)?$")
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\([^()]{2,40}\)\s*)?(?:--|—|–)\s")  # "(HealthDay News) --"


def dateline(text: str, start: int, end: int, value: Value) -> tuple[float, str] | None:
    """A news dateline ("WEDNESDAY, Dec. 10, 2014 (HealthDay News) -- The FDA …"): the day the
    story was filed, which the story's own sentences usually state again if it is the fact's."""
    if value.kind != "date" or value.granularity != "day":
        return None
    before, after = _DATELINE_BEFORE.match(text[:start]), _DATELINE_AFTER.match(text[end:])
    if not (before and after):
        return None
    # "14 November 2016 – The arch starts moving" is a timeline's entry: a dateline has a place
    # or a weekday before it, an agency after it, or the double hyphen of the wires.
    if before.group().strip() or "(" in after.group() or "--" in after.group():
        return 0.7, "a news dateline: the day the story was filed"
    return None


CHECKS: tuple[Check, ...] = (footnote, age, parenthesised, study_year, reference, cited, trial_arm, alone, dateline)


def assess(text: str, start: int, end: int, value: Value) -> list[tuple[float, str]]:
    """Every distractor check that fires for the value at text[start:end]."""
    return [hit for check in CHECKS if (hit := check(text, start, end, value))]
