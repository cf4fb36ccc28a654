"""Words that state the same kind of fact, as writers vary them (weak cues).

A rule's question says "approve"; pages say "licensed", "cleared", "authorized". Each
group below is a set of word keys (see `factcheck.analysis.words.key`) that name one
predicate. When a rule's question, description or cues hold a word of a group, the
other words of the group count for it too, at a low weight (`SYNONYM_WEIGHT` of a cue),
so they can find a statement but never outweigh the rule's own words.

The groups are general English, not any corpus's wording: add a group when a kind of
fact is stated with words no group knows; never add a word that also commonly means
something else in fact statements.
"""
from __future__ import annotations

GROUPS: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "approve authorize license clear sanction",
    "launch introduce release market debut available availability",
    "discover identify isolate invent",
    "synthesize create make invent develop produce",
    "administer inject infuse",
    "respond improve benefit effective help relief remission",
    "die kill fatal fatality",
    "explode blast blow burst detonate",
    "evacuate relocate resettle move",
    "last take duration",
    "reduce lower cut decrease drop decline fall",
    "increase raise rise grow",
    "cost price charge",
    "recommend advise indicate",
    "expire lapse",
    "cause responsible attribute",
    "implant insert",
    "infect contract catch",
    "protect prevent",
    "affect suffer",
))

SYNONYM_WEIGHT = 0.35


def related(word_key: str) -> frozenset[str]:
    """The other words of the groups a word key belongs to."""
    found: set[str] = set()
    for group in GROUPS:
        if word_key in group:
            found |= group
    found.discard(word_key)
    return frozenset(found)
