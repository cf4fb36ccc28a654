"""Find the statements each source makes about each rule's fact.

A sentence speaks of a fact when it holds one of the rule's cues, its subject is
named in it or in the `subject_window` sentences before it (so "It was approved in
2019" after "The brand name is Spravato" counts), and, when the rule lists
required context, one of those terms. Every value of the rule's kind in the
sentence is a candidate; the one the cue governs wins:

    score = 1
          - 0.04 per word between the value and the nearest cue (at most 15 words)
          - 0.3 when a clause boundary separates them
          - 0.02 when the value comes before the cue, 0.1 more across a comma
          - the penalties of factcheck.distractors (footnotes, ages, study years, ...)
    rejected: a value more than the rule's `max_distance` words (10) from any cue,
              a value nearer to an excluded context term than to a required one,
              or in another unit than the rule's `unit`.

Every candidate is kept with its score and reasons, for `factcheck explain`.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from . import distractors, kinds
from .match import VOCABULARY, DocumentIndex, PhraseMatch, Watchlist
from .model import Candidate, Document, Mention, Rule
from .segment import split_sentences

SUBJECT_THRESHOLD = 90.0
WORD_PENALTY = 0.04
MAX_WORD_PENALTY = 15
CLAUSE_PENALTY = 0.3
BEFORE_CUE_PENALTY = 0.02  # breaks ties between a value before and one after the cue
COMMA_PENALTY = 0.1
MIN_SCORE = 0.2
_CLAUSE = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|which|where|although)\b|\s(?:but|whereas|while)\s")


@dataclass
class AnalysedDocument:
    """A document with the words that matter to the rules indexed once, shared by all rules."""

    document: Document
    index: DocumentIndex
    found: dict = field(default_factory=dict)  # (sentence, kind) -> the values of that kind in it
    windows: dict = field(default_factory=dict)  # (subject, window) -> sentences a fact of it may be in

    @classmethod
    def of(cls, document: Document, watchlist: Watchlist) -> "AnalysedDocument":
        """Index a document for the rules whose `watchlist` is given (made once per run).

        A document read without its sentences (`read_document(..., split=False)`, as the
        engines read) is split here, only where the rules' words say a statement can be.
        """
        if document.sentences is not None:
            return cls(document, DocumentIndex(document.text, document.sentences, watchlist))
        VOCABULARY.watch(watchlist)
        found = VOCABULARY.occurrences(document.text)
        sentences = split_sentences(document.text, document.locate, watchlist.marks(found, VOCABULARY))
        document = replace(document, sentences=sentences)
        return cls(document, DocumentIndex(document.text, sentences, watchlist, VOCABULARY, found))

    def window(self, subject: tuple[str, ...], size: int) -> set[int]:
        """The sentences naming the subject and the `size` after each: where its facts can
        be stated (rules about one subject share it)."""
        key = (subject, size)
        window = self.windows.get(key)
        if window is None:
            named = self.index.sentences_with(subject, SUBJECT_THRESHOLD)
            window = self.windows[key] = {i + back for i in named for back in range(size + 1)}
        return window

    def values(self, index: int, kind: str) -> list:
        """The values of a kind in sentence `index`, read once however many rules ask."""
        key = (index, kind)
        values = self.found.get(key)
        if values is None:
            values = self.found[key] = kinds.get(kind).find(self.document.sentences[index].text)
        return values


def watchlist(rules: Iterable[Rule]) -> Watchlist:
    """Every phrase word the rules look for, at its threshold."""
    rules = list(rules)
    return Watchlist.of([(rule.cues + rule.require + rule.exclude, rule.cue_threshold) for rule in rules],
                        subjects=[(rule.subject, SUBJECT_THRESHOLD) for rule in rules],
                        reach=max((rule.subject_window for rule in rules), default=0))


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
        rules = list(rules)
        words = watchlist(rules)
        analysed = [AnalysedDocument.of(d, words) for d in documents]
        return [m for rule in rules for doc in analysed for m in mentions_in(doc, rule)]


def mentions_in(doc: AnalysedDocument, rule: Rule) -> list[Mention]:
    """Only sentences holding the anchor (longest word) of a cue, with the subject named in them or
    shortly before, are examined: the index finds both without reading other sentences."""
    candidates = doc.index.candidates(rule.cues, rule.cue_threshold)
    if not candidates:  # no cue: the subject need not be looked for
        return []
    found = []
    for index in sorted(candidates & doc.window(rule.subject, rule.subject_window)):
        mention, _ = examine(doc, index, rule)
        if mention is not None:
            found.append(mention)
    return found


def examine(doc: AnalysedDocument, index: int, rule: Rule) -> tuple[Mention | None, str]:
    """The mention sentence `index` makes of the rule's fact, or None and why not."""
    cues = doc.index.find_in(rule.cues, rule.cue_threshold, index)
    if not cues:
        return None, "no cue"
    sentence, text = doc.document.sentences[index], doc.index.text(index)
    subject = _subject(doc, index, rule)
    if subject is None:
        return None, f"cue {cues[0].phrase!r} matched, but the subject is not named in it or the {rule.subject_window} sentence(s) before"
    context = doc.index.find_in(rule.require + rule.exclude, rule.cue_threshold, index)
    if rule.require and not any(m.phrase in rule.require for m in context):
        return None, f"cue {cues[0].phrase!r} matched, but none of the required context {list(rule.require)}"
    candidates = _rank(sentence, text, rule, doc.values(index, rule.kind), cues, context)
    return _mention(doc, sentence, rule, cues, subject, candidates), "mention"


def _subject(doc: AnalysedDocument, index: int, rule: Rule) -> str | None:
    """Where the subject is named: this sentence, or one of the few before it."""
    named = doc.index.sentences_with(rule.subject, SUBJECT_THRESHOLD)
    if index in named:
        return "named in the sentence"
    for back in range(1, rule.subject_window + 1):
        if index - back < 0:
            break
        if index - back in named:
            earlier = doc.document.sentences[index - back]
            return f"'{named[index - back]}' named {back} sentence(s) before, line {earlier.line}"
    return None


def _rank(sentence, text, rule, values, cues, context) -> list[Candidate]:
    scored = [_score(sentence.text, text, rule, found, cues, context) for found in values]
    best = max((c for c in scored if c[1] > MIN_SCORE), key=lambda c: c[1], default=None)
    ranked = []
    for found, score, reasons in scored:
        chosen = best is not None and found is best[0]
        if not chosen and score > MIN_SCORE and best is not None:
            reasons = reasons + (f"lower score than '{best[0].value.raw}' ({score:.2f} < {best[1]:.2f})",)
        elif not chosen and score <= MIN_SCORE:
            reasons = reasons + ("rejected",)
        ranked.append(Candidate(found.value, found.span, round(score, 3), chosen, reasons))
    return ranked


def _score(sentence_text, text, rule, found, cues, context):
    start, end = found.span.start, found.span.end
    first, last = text.token_at(start), max(text.token_at(end - 1), text.token_at(start))
    cue, distance = _nearest(cues, first, last)
    score = 1.0 - WORD_PENALTY * min(distance, MAX_WORD_PENALTY)
    reasons = [f"{distance} word(s) from cue '{cue.phrase}'" if distance else f"next to cue '{cue.phrase}'"]
    if distance > rule.max_distance:
        score = 0.0
        reasons.append(f"farther from the cue than max_distance ({rule.max_distance} words)")
    if _clause(sentence_text, start) != _clause(sentence_text, cue.start):
        score -= CLAUSE_PENALTY
        reasons.append("a clause boundary separates it from the cue")
    if end <= cue.start:  # "approved in 2015" governs what follows the cue more often than what precedes it
        score -= BEFORE_CUE_PENALTY
        if "," in sentence_text[end:cue.start]:
            score -= COMMA_PENALTY
            reasons.append("before the cue, across a comma")
    if context:
        term, _ = _nearest(context, first, last)
        if term.phrase in rule.exclude:
            score = 0.0
            reasons.append(f"nearest context is the excluded '{term.phrase}'")
        else:
            reasons.append(f"near required context '{term.phrase}'")
    if rule.unit and found.value.unit != rule.unit:
        score = 0.0
        reasons.append(f"unit {found.value.unit} is not the rule's unit {rule.unit}")
    for penalty, reason in distractors.assess(sentence_text, start, end, found.value):
        score -= penalty
        reasons.append(reason)
    return found, max(score, 0.0), tuple(reasons)


def _nearest(matches: list[PhraseMatch], first: int, last: int) -> tuple[PhraseMatch, int]:
    """The match closest to tokens first..last, and its distance in words."""

    def distance(m: PhraseMatch) -> int:
        if m.last_token < first:
            return first - m.last_token - 1
        if m.first_token > last:
            return m.first_token - last - 1
        return 0

    best = min(matches, key=lambda m: (distance(m), -m.score))
    return best, distance(best)


def _clause(text: str, offset: int) -> int:
    return sum(1 for b in _CLAUSE.finditer(text, 0, offset))


def _mention(doc, sentence, rule, cues, subject, candidates) -> Mention:
    chosen = next((c for c in candidates if c.chosen), None)
    offset = sentence.start + (chosen.span.start if chosen else 0)
    line, column = doc.document.locate(offset)
    end_line, end_column = 0, 0
    if chosen:  # the position after the value's last character
        end_line, last_column = doc.document.locate(sentence.start + chosen.span.end - 1)
        end_column = last_column + 1
    if chosen:
        why = f"'{chosen.value.raw}' chosen: " + "; ".join(chosen.reasons)
    elif candidates:
        why = f"no value taken: all {len(candidates)} {rule.kind} value(s) were rejected"
    else:
        why = f"a cue matched but the sentence holds no {rule.kind} value"
    return Mention(
        rule=rule.id, source=doc.document.source.id, sentence=sentence, line=line, column=column,
        cues=tuple(dict.fromkeys(c.phrase for c in cues)), subject=subject,
        candidates=tuple(candidates), why=why, end_line=end_line, end_column=end_column,
    )
