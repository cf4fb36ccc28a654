"""Warnings about rules that load but will not do what their author meant.

A rule can be valid and still not do what it says: a cue that is the subject's own
name tells none of the subject's facts apart, a context term that is the subject's name is
ignored, an exclude term made of the subject's words vetoes the subject's own mentions, a
count rule whose cue is a unit ("km", "days", "mg") will never read "30 km", which is a
measure of another kind. These are warnings, not
errors: the rule still runs, and the author decides.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Rule


@dataclass(frozen=True)
class RuleWarning:
    path: str
    line: int
    rule_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: rule '{self.rule_id}': {self.message}"


def lint(rules: tuple[Rule, ...] | list[Rule]) -> list[RuleWarning]:
    """Every warning for `rules`, in file order."""
    from .analysis.words import keys

    found = []
    for rule in rules:
        def warn(message: str) -> None:
            found.append(RuleWarning(rule.path, rule.line, rule.id, message))

        subject_keys = {keys(term) for term in rule.subject}
        subject_words = {word for term in subject_keys for word in term}
        for cue in rule.cues:
            cue_keys = keys(cue)
            if cue_keys in subject_keys:
                warn(f"cue '{cue}' is the subject's own name: every sentence about the subject holds it, so it "
                     "cannot tell this fact from the subject's others; name what the fact is about instead")
        for key_name, terms in (("context.exclude", rule.exclude), ("context.require", rule.require)):
            for term in terms:
                term_keys = keys(term)
                if term_keys in subject_keys:
                    warn(f"{key_name} term '{term}' is the subject's own name, so it is ignored; "
                         "name a word of the fact's setting instead")
                elif key_name == "context.exclude" and term_keys and set(term_keys) <= subject_words:
                    warn(f"context.exclude term '{term}' is made of words of the subject's name: every sentence "
                         "that names the subject that way is vetoed")
        if rule.kind == "count":
            for cue in rule.cues:
                measured = _unit_kind(cue)
                if measured:
                    warn(f"cue '{cue}' is a unit of {measured}: a count never reads '30 {cue}' (a measure); "
                         f"use kind: {measured} (see `factcheck rules kinds`)")
    return found


def _unit_kind(cue: str) -> str | None:
    """The kind that reads a number followed by this cue as a measure ("30 km": length), if any."""
    from . import kinds

    text = f"30 {cue}"
    for name in ("length", "duration", "dose"):
        if any(f.span.start == 0 and f.span.end == len(text) for f in kinds.get(name).find(text)):
            return name
    return None


def shared_values(facts) -> list[str]:
    """Pairs of rules that took the same statements in a check (the same value at the same place
    of the same source): two rules written for one fact, or one too loose to tell its fact
    from another's."""
    taken: dict[tuple, list[str]] = {}
    for fact in facts:
        for m in fact.statements:
            taken.setdefault((m.source, m.line, m.column, m.value.raw), []).append(fact.rule.id)
    pairs: dict[tuple[str, str], list[tuple]] = {}
    for place, rule_ids in taken.items():
        for i, a in enumerate(rule_ids):
            for b in rule_ids[i + 1:]:
                pairs.setdefault(tuple(sorted((a, b))), []).append(place)
    return [f"rules '{a}' and '{b}' take the same {len(places)} value(s) (e.g. {places[0][0]}:{places[0][1]} "
            f"'{places[0][3]}'): one fact written twice, or rules too loose to tell their facts apart; merge them, "
            "or add cues or context that set them apart"
            for (a, b), places in sorted(pairs.items())]


GENERIC_SHARE = 0.1  # a cue in more of the sources' sentences than this tells little apart (the most common cue in five held-out corpora's rules: 12.6%)


def generic_cues(rules, documents) -> list[str]:
    """Cues whose words stand in more than a tenth of the sources' sentences ("patients",
    "years" in a page about a drug): they match nearly everywhere, so they weigh little and
    tell this fact from no other."""
    from .analysis.words import keys

    sentences = [frozenset(keys(s.text)) for d in documents for s in (d.sentences or ())]
    if len(sentences) < 20:
        return []
    found = []
    for rule in rules:
        for cue in rule.cues:
            words = frozenset(keys(cue))
            if words:
                share = sum(1 for present in sentences if words <= present) / len(sentences)
                if share > GENERIC_SHARE:
                    found.append(f"rule '{rule.id}': cue '{cue}' stands in {share:.0%} of the sources' sentences: it "
                                 "tells this fact from no other; name what only this fact's statements say")
    return found
