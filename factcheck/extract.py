"""Find the statements each source makes about each rule's fact: candidate-first.

Per document, once, whatever the number of rules (`analysis`): its layout (headings,
questions, list items, table rows with their header), and for the sentences holding a
value of a kind some rule needs, their words as keys (lemma and word family), their
clauses and negation, their values, and the subjects they name or refer back to.

Per value and rule of its kind (`matching.evidence`): the rule's words near it, by
clause, the cues matched whole, the subject's resolution, and the reasons it cannot be
the fact. Per corpus (`matching.decide`): each word weighed by its rarity in the sources,
each value scored, then given to the rule it fits best: one value per fact, one value per
sentence and rule, one statement per source unless it truly states two.

    prepared = prepare(rules)
    observed = [observe(document, prepared) for document in documents]   # anywhere, in parallel
    mentions = decide_all(observed, prepared)                             # once the corpus is known
"""
from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache

from .analysis.document import AnalysedDocument
from .analysis.subjects import SubjectCatalog
from .analysis.words import Spelling
from .matching.decide import Scorer, decide, set_aside_weak
from .matching.evidence import CueIndex, DocumentObservations, cue_index, observe as observe_document
from .matching.profile import RuleProfile, profile
from .model import Document, Mention, Rule
from .segment import split_sentences


@dataclass(frozen=True)
class Prepared:
    """The rules of a run, compiled once: their word bags and the catalog of their subjects."""

    rules: tuple[Rule, ...]
    profiles: tuple[RuleProfile, ...]
    catalog: SubjectCatalog
    spelling: Spelling  # the rules' cue and question words, for typo tolerance
    cues: CueIndex | None  # where the rules' cues may stand in a text


def prepare(rules: Iterable[Rule]) -> Prepared:
    return _prepare(tuple(rules))


@lru_cache(maxsize=8)
def _prepare(rules: tuple[Rule, ...]) -> Prepared:
    words = [p for r in rules for p in (*r.cues, r.question, *r.require, *r.exclude)]
    threshold = max(80.0, min((r.cue_threshold for r in rules), default=88.0))  # the most tolerant rule's, not below 80
    profiles = tuple(profile(r) for r in rules)
    return Prepared(rules, profiles, SubjectCatalog.of(r.subject for r in rules), Spelling(words, threshold),
                    cue_index(profiles))


def analyse(document: Document, prepared: Prepared) -> AnalysedDocument:
    """A document with its sentences split (if they were not) and its layout read."""
    if document.sentences is None:
        document = replace(document, sentences=split_sentences(document.text, document.locate))
    return AnalysedDocument(document, prepared.catalog, prepared.spelling)


def observe(document: Document, prepared: Prepared, everything: bool = False) -> DocumentObservations:
    """Everything one document offers every rule (`everything`: the evidence-less too, for explain)."""
    return observe_document(analyse(document, prepared), list(prepared.profiles), everything, prepared.cues)


def scorer(observed: Iterable[DocumentObservations], prepared: Prepared) -> Scorer:
    """The corpus's word rarities, from every document's counts."""
    counts: Counter = Counter()
    sentences = 0
    for o in observed:
        counts.update(o.key_counts)
        sentences += o.sentences
    return Scorer(prepared.profiles, counts, sentences)


def decide_all(observed: list[DocumentObservations], prepared: Prepared, weigh: Scorer | None = None) -> list[Mention]:
    """The mentions of every document, ordered by document, then rule, then line."""
    weigh = weigh or scorer(observed, prepared)
    return set_aside_weak([m for o in observed for m in decide(o, list(prepared.rules), weigh)])


@contextmanager
def paused_gc():
    """Extraction makes many small objects and no reference cycles: the cyclic garbage
    collector only costs time there (about half of it, measured on 1,000 documents)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def extract(documents: Iterable[Document], rules: Iterable[Rule]) -> list[Mention]:
    """All mentions of all rules in all documents, ordered by rule, then source, then line."""
    with paused_gc():
        prepared = prepare(rules)
        observed = [observe(d, prepared) for d in documents]
        mentions = decide_all(observed, prepared)
    order = {r.id: i for i, r in enumerate(prepared.rules)}
    sources = {o.source: i for i, o in enumerate(observed)}
    return sorted(mentions, key=lambda m: (order[m.rule], sources[m.source], m.line, m.column))
