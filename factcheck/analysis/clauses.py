"""Clauses: the part of a sentence a value belongs to, and whether that part is negated.

Word distance alone takes "1926" in "…than PCP, which was synthesized in 1926" as the
subject's synthesis year, and "20–40%" in "was not effective for 20–40% of patients"
as a response rate. A sentence is cut into clauses at:

- `;` and a dash pair ("— … —"); text in parentheses or brackets is a clause of its own
  inside the one around it;
- a relative pronoun (", which", ", who", ", whose", ", where", ", when", and "which" or
  "who" without a comma): the clause is **attached** to the word before it, so what it
  says is about that word ("PCP, which…", "in 1996, when it was approved");
- a condition: "If …," / "Unless …," opening a sentence (to its first comma),
  and "if …" / "unless …" inside one: what it says is supposed, not stated;
- a subordinating conjunction: although, though, whereas, while, because, unless; and
  after, before, once, if, when before a clause's subject and auxiliary ("after an
  individual has failed to respond", not "after 1990" or "after a long campaign");
- ", but", ", and", ", or", ", then", and a bare "and"/"but" when a verb follows within
  three words ("synthesized in 1962 and approved in 1970"; not "in 2019 and for
  depression with suicidal ideation in 2020");
- a participial phrase set off by a comma ("Ketamine, first synthesized in 1962, was…"
  holds a clause of its own to the next comma; "Approved in 1996, Lipitor…" ends one; so
  does ", finding that …" at a sentence's end).

An introductory phrase ("In 1996, the FDA approved…") and a colon ("Approval: 1996")
cut nothing. Negation ("not", "n't", "no", "never", "without", "no longer", "failed to",
"unable to") is found per clause; the words of a qualifier ("no more than 30%", "not
less than") are not negation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .words import WORD

_RELATIVE = re.compile(r",\s*(?=(?:which|who|whom|whose|where|when)\b)|(?<=\w)\s+(?=(?:which|who|whom|whose)\b)",
                       re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"(?:,\s*|\s+)(?=(?:although|though|whereas|while|because|unless)\b)"
    r"|(?<=^)(?=(?:although|though|whereas|while|because|unless)\b)"
    r"|\s+(?=(?:after|before|once|if|when)\s+(?:a|an|the|he|she|they|it|you|we|someone|patients|people|individuals)\s"
    r"(?:[\w-]+\s+){0,3}(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|may|might)\b)",
    re.IGNORECASE)
_COORDINATE = re.compile(r",\s*(?=(?:but|and|or|then|yet)\b)|;\s*(?=(?:and|but)\b)", re.IGNORECASE)
_CONDITION = re.compile(r"\s*(?:but\s+|and\s+|so\s+|[a-z](?=If))?(?:if|unless|in\s+case)\b",
                        re.IGNORECASE)  # "aIf": a stray footnote letter glued to the word
_CONDITION_INSIDE = re.compile(r"(?:,\s*|\s+)(?=(?:if|unless|in\s+case)\s)", re.IGNORECASE)
_TRAILING_PARTICIPLE = re.compile(r",\s*(?=[a-z]+ing\b)")  # "…upheld the refusal, finding that …"
_BARE_COORDINATE = re.compile(r"\s+(?=(?:and|but)\s)", re.IGNORECASE)
_HARD = re.compile(r";|\s[—–]\s|—")
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*(?=(?:(?:first|initially|originally|later|then|also|once|now|since)\s+)?"
                                     r"[a-z]+(?:ed|en)\b)")
_AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would can could may might shall should must "
    "became becomes become remains remained got gets".split())
_NEGATION = re.compile(
    r"\b(?:not|never|no|without|neither|nor|cannot|unable\s+to|fail(?:s|ed)?\s+to|no\s+longer)\b|n['’]t\b",
    re.IGNORECASE)
_NOT_NEGATION = re.compile(  # qualifiers and fixed phrases that hold a negator but negate nothing
    r"(?:\bnot|n['’]t)(?:\s+[\w-]+){0,9}?\s+until\b"  # "not known as Lipitor until 1996": in 1996
    r"|\b(?:no|not)\s+(?:more|less|fewer|later|earlier|greater|lower|higher|longer|shorter|older|younger)\s+than\b"
    r"|\bnot\s+only\b|\bno\s+(?:doubt|wonder)\b|\bwhether\s+or\s+not\b|\bif\s+not\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    start: int  # character offsets in the sentence, end exclusive
    end: int
    kind: str  # "main", "relative", "subordinate", "condition", "coordinate", "participle", "parenthesis"
    attached_to: int = -1  # for a relative clause: the offset just past the word it is about
    negation: str | None = None  # the negating words, when the clause has any


@lru_cache(maxsize=20_000)
def split(text: str) -> tuple[Clause, ...]:
    """The clauses of a sentence, in order, covering it; parentheses nested in their clause."""
    cuts: dict[int, tuple[str, int]] = {}  # offset -> (kind of the clause starting there, attached to)
    for match in _HARD.finditer(text):
        cuts[match.end()] = ("coordinate", -1)
    for match in _RELATIVE.finditer(text):
        before = text[: match.start()].rstrip()
        cuts[match.end()] = ("relative", len(before))
    for match in _SUBORDINATE.finditer(text):
        cuts.setdefault(match.end(), ("subordinate", -1))
    for match in _COORDINATE.finditer(text):
        cuts.setdefault(match.end(), ("coordinate", -1))
    for match in _TRAILING_PARTICIPLE.finditer(text):
        word = re.match(r"[a-z]+", text[match.end():]).group()
        if _is_verb(word):
            cuts.setdefault(match.end(), ("participle", -1))
    for match in _BARE_COORDINATE.finditer(text):
        if _verb_follows(text, match.end()):
            cuts.setdefault(match.end(), ("coordinate", -1))
    first_comma = text.find(",")
    if first_comma > 0 and re.match(r"\s*(?:first\s+|initially\s+|originally\s+)?[A-Za-z]+(?:ed|en|ing)\b", text) \
            and not re.match(r"\s*(?:During|Following|According|Including|Regarding|Starting|Beginning)\b", text):
        cuts.setdefault(first_comma + 1, ("main", -1))  # "Approved in 1996, Lipitor ...": the phrase is its own
    condition = _CONDITION.match(text)
    if condition and first_comma > condition.end():  # "If the second dose comes sooner than 5 months, …"
        cuts[first_comma + 1] = ("main", -1)
    for match in _CONDITION_INSIDE.finditer(text):
        cuts[match.end()] = ("condition", -1)
    inside = _parentheses(text)
    phrases = _participles(text, inside)
    for start, end in inside + phrases:  # no cut inside parentheses, except theirs
        for offset in [o for o in cuts if start < o < end]:
            del cuts[offset]
    bounds = sorted(o for o in cuts if 0 < o < len(text))
    found: list[Clause] = []
    points = [0, *bounds, len(text)]
    for a, b in zip(points, points[1:]):
        kind, attached = ("main", -1) if a == 0 else cuts[a]
        if a == 0 and _SUBORDINATE.match(text):
            kind = "subordinate"
        if a == 0 and condition:
            kind = "condition"
        found.append(Clause(a, b, kind, attached, _negation(text, a, b, inside)))
    for start, end in inside:
        found.append(Clause(start, end, "parenthesis", start, _negation(text, start, end, [])))
    for start, end in phrases:
        found.append(Clause(start, end, "participle", -1, _negation(text, start, end, inside)))
    return tuple(found)


def _participles(text: str, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Participial phrases set off by commas: ", first synthesized in 1962," (to the next comma)."""
    spans = []
    for match in _PARTICIPLE_AFTER_COMMA.finditer(text):
        start = match.end()
        if any(a <= start < b for a, b in inside) or not _past_participle(
                re.match(r"(?:(?:first|initially|originally|later|then|also|once|now|since)\s+)?([a-z]+)", text[start:]).group(1)):
            continue
        comma = text.find(",", start)
        if comma < 0 or any(a == start for a, _ in spans):
            continue  # a phrase to the end may be the main verb after an aside ("…, opened in 1877.")
        spans.append((start, comma + 1))
    return spans


def clause_at(clauses: tuple[Clause, ...], offset: int) -> Clause:
    """The innermost clause holding a character offset."""
    holding = [c for c in clauses if c.start <= offset < c.end]
    if not holding:
        return clauses[-1] if offset >= clauses[-1].start else clauses[0]
    return min(holding, key=lambda c: c.end - c.start)


def _parentheses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost (...) or [...] span, brackets included."""
    spans, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([":
            if depth == 0:
                start = i
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def _verb_follows(text: str, offset: int) -> bool:
    """Whether a verb comes within three words after `offset` (past the conjunction itself)."""
    found = WORD.finditer(text, offset)
    next(found, None)  # "and" / "but"
    for _, match in zip(range(3), found):
        word = match.group().lower()
        if word in _AUXILIARIES or _past_participle(word):
            return True
        if word[0].isdigit():
            return False
    return False


@lru_cache(maxsize=50_000)
def _is_verb(word: str) -> bool:
    from .words import readings

    return "VERB" in readings(word) and word not in ("during", "including", "according", "regarding")


@lru_cache(maxsize=50_000)
def _past_participle(word: str) -> bool:
    if not (word.endswith("ed") or word.endswith("en")) or len(word) < 5:
        return False
    from .words import _dictionary

    lemmas, _ = _dictionary()
    return "VERB" in lemmas(word)


def _negation(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> str | None:
    """The negating words of text[start:end] outside nested parentheses and qualifiers."""
    spared = [(m.start(), m.end()) for m in _NOT_NEGATION.finditer(text, start, end)] + \
             [span for span in inside if start <= span[0] and span[1] <= end and span != (start, end)]
    words = [m.group() for m in _NEGATION.finditer(text, start, end)
             if not any(a <= m.start() < b for a, b in spared)]
    return " ".join(words) if words else None
