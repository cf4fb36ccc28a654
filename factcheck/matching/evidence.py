"""What a document offers each rule: every value of the rule's kind, with the evidence for it.

For each value (one pass per document, whatever the number of rules), and each rule of
its kind, an `Observation` records:

- which of the rule's words stand near it, and how near (the **locality** of a word):

  | where the word is                                              | locality          |
  |----------------------------------------------------------------|-------------------|
  | the value's clause                                             | 1 − 0.03 per word between (at most 12, and beyond `max_distance`) |
  | a clause attached to the value ("1996, when it was approved")   | 0.85              |
  | a parenthesis inside the value's clause                        | 0.7               |
  | the table's header row (for a row)                             | 0.8               |
  | the entry under a timeline's date heading (for the date)       | 0.8               |
  | the question heading above ("When was it approved?")           | 0.7               |
  | the clause around the phrase that holds the value              | 0.45              |
  | the heading above                                              | 0.3               |
  | another clause of the sentence                                 | 0.4 − 0.01 per word |

  A word inside a capitalized name or title ("Health Effects of the Chernobyl Accident",
  "Food and Drug Administration") counts 0.3 of its place: it names, it states nothing. So
  does the verb of a noun-and-verb cue ("infusion lasts") after another noun: "its effects
  last about two hours" says what the effects do.

- which cues matched whole (all their words in the value's clause, or word for word);
- how surely the value is about the rule's subject (`analysis.subjects`);
- why it cannot be the fact at all: a unit other than the rule's, an excluded context
  term in its clause (nearer than any required one there), no required context term in
  the sentence, the one before it in its paragraph, its table's header or its section's
  heading (one earlier in the paragraph, or in the document's title, only costs 0.3 of
  the score), a negated clause ("was not
  effective for 20–40%"), or a distractor (`factcheck.distractors`: footnotes, ages unless
  the rule asks one, study years, reference entries, a page's own date).

The observations are weighed later, once the whole corpus is known (`matching.decide`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .. import kinds
from ..analysis.clauses import Clause, clause_at
from ..analysis.document import AnalysedDocument, Words
from ..analysis.words import key, surface_starts, typo_of
from ..model import Found, Sentence
from .profile import Cue, RuleProfile

NEAR_STEP, NEAR_CAP = 0.03, 12
ATTACHED, INNER_PARENTHESIS, HEADER, QUESTION_HEADING, OUTER, HEADING = 0.85, 0.7, 0.8, 0.7, 0.45, 0.3
ENTRY = 0.8  # a timeline's entry, for the date heading above it
OTHER_CLAUSE, OTHER_STEP = 0.4, 0.01
IN_CLAUSE = 1.0 - NEAR_STEP * NEAR_CAP  # the least locality a word of the value's clause has
FAR_CONTEXT = "far context"
FAR_CONTEXT_PENALTY = 0.3
CONDITION_PENALTY = 0.6
IN_A_NAME = 0.3  # a rule word inside a capitalized name or title ("Report on the Accident at …")
SETTLING_PRIOR = 2.0  # evidence a value that settles the fact by its kind brings by itself: enough, near its subject
KIND_PRIOR = {"dose": 0.5}


@dataclass(frozen=True)
class Observation:
    """One value of a sentence, seen by one rule, with everything needed to weigh it."""

    rule: str
    sentence: Sentence
    found: Found
    hits: tuple[tuple[str, float], ...]  # (word key, locality)
    cues: tuple[tuple[str, float], ...]  # (cue phrase, locality) of cues matched whole
    subject: float  # 0 when the value is not about the rule's subject
    subject_how: str
    rejected: str | None
    penalties: tuple[tuple[float, str], ...]
    prior: float
    clause: tuple[int, int]  # the value's clause, offsets in the sentence
    negation: str | None
    line: int  # where the value starts and (just past its last character) ends, in the file
    column: int
    end_line: int
    end_column: int
    counted: str | None = None  # for a count: the key of the noun it counts ("six infusions": infuse)
    counted_word: str | None = None
    counted_noun: bool = False  # whether the dictionary knows that word as a noun


@dataclass(frozen=True)
class Unread:
    """A sentence where a rule's cue matched whole and its subject is named, but that holds
    no value of the rule's kind: the fact is spoken of, not stated."""

    rule: str
    sentence: Sentence
    cues: tuple[str, ...]
    subject_how: str


@dataclass(frozen=True)
class DocumentObservations:
    source: str
    observations: tuple[Observation, ...]
    key_counts: Counter  # rule words -> how many of the document's value sentences hold them
    sentences: int  # how many of its sentences hold a value of a kind some rule needs
    unread: tuple[Unread, ...] = ()


def observe(doc: AnalysedDocument, profiles: list[RuleProfile], everything: bool = False,
            cues: CueIndex | None = None) -> DocumentObservations:
    """Every rule's observations in one document (`everything`: keep those without evidence
    too; `cues`: the rules' `cue_index`, made once per run, else made here)."""
    by_kind: dict[str, list[RuleProfile]] = {}
    for p in profiles:
        for kind in (p.rule.kind, *p.also_kinds):
            by_kind.setdefault(kind, []).append(p)
    vocabulary = {k for p in profiles for k in p.weights}
    profile_of = {p.id: p for p in profiles}
    found: list[Observation] = []
    unread: list[Unread] = []
    counts: Counter = Counter()
    sentences = 0
    cued = _cued_sentences(doc, cues if cues is not None else cue_index(profiles))
    holding = set().union(*(doc.holding(kind) for kind in by_kind)) if by_kind else set()
    reach = max((p.rule.subject_window for p in profiles), default=0)
    near = doc.near_subjects(reach)
    for index in sorted((holding | cued.keys()) & near if near is not None else holding | cued.keys()):
        valued = [(kind, values) for kind in by_kind if kind != "category" and (values := doc.values(index, kind))]
        valued += [(f"category:{p.id}", values) for p in by_kind.get("category", ())
                   if (values := doc.category_values(index, p.rule))]
        if index in cued:
            unread.extend(_unread(doc, index, cued[index], {kind for kind, _ in valued}))
        if not valued:
            continue
        sentences += 1
        words = doc.words(index)
        counts.update(vocabulary.intersection(words.where))
        present = None
        for kind, values in valued:
            for p in ([profile_of[kind[9:]]] if kind.startswith("category:") else by_kind[kind]):
                if not everything and not (p.rule.kind == "dose" and p.rule.unit) and p.rule.kind not in kinds.SETTLING_KINDS:
                    if present is None:  # the sentence's keys and those of the text above it
                        present = set(words.where)
                        for text_above, _ in _context(doc, index):
                            present.update(_context_keys(doc, text_above))
                    if present.isdisjoint(p.weights) and not any(c.keys and c.keys[0] in present for c in p.cues):
                        continue  # nothing of the rule anywhere near: no value of the sentence can be its
                for value in values:
                    if kind != p.rule.kind and not kind.startswith("category:"):  # an age for a duration rule
                        value = Found(kinds.convert(value.value, p.rule.kind), value.span)
                    observation = _observe(doc, index, words, p, value, everything)
                    if observation is not None:
                        found.append(observation)
    return DocumentObservations(doc.document.source.id, tuple(found), counts, sentences, tuple(unread))


@dataclass(frozen=True)
class CueIndex:
    """The rules' cues made ready to find, once per run: each cue's content keys, filed under
    one of them, so a sentence is only tested against the cues its words can start; and one
    pattern for every word that can stand for such a key (its first four letters, from
    `words.surface_starts`: "took" for take), for lower-case text and for any case."""

    profiles: tuple[RuleProfile, ...]  # the rules with cues
    by_key: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    lower_case: re.Pattern[str]
    any_case: re.Pattern[str]


def cue_index(profiles) -> CueIndex | None:
    """The index of the cues of `profiles` (None when no rule has one)."""
    cued = tuple(p for p in profiles if p.cues)
    by_key: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for n, p in enumerate(cued):
        for cue in {frozenset(c.content) for c in p.cues if c.content}:
            by_key.setdefault(min(cue), []).append((n, cue))
    stems = {s for cues in by_key.values() for _, cue in cues for k in cue for s in surface_starts(k)}
    if not stems:
        return None
    body = r"(?<![^\W\d_])(?:" + "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) + \
        r")[^\W_]*(?:['’][^\W_]+)*"  # every word starting with a stem, whole (as `words.WORD` cuts it)
    return CueIndex(cued, {k: tuple(c) for k, c in by_key.items()}, re.compile(body), re.compile(body, re.IGNORECASE))


def _cued_sentences(doc: AnalysedDocument, index: CueIndex | None) -> dict[int, list[RuleProfile]]:
    """The sentences that may hold a whole cue of some rule, with those rules: one pass of the
    index's pattern over the whole text finds the words that start like a cue word; a
    sentence is kept for a rule when every word of one of its cues is there, by key (a
    misspelling of a rule word counts, as in `Words`). Word order is checked later."""
    if index is None:
        return {}
    starts, ends = doc.sentences.starts, doc.sentences.ends
    spelling = doc.spelling
    seen: dict[int, set[str]] = {}
    lower = doc.lower_text  # the case-sensitive pattern on lower-case text: IGNORECASE is slow
    matches = index.lower_case.finditer(lower) if lower is not None else index.any_case.finditer(doc.document.text)
    for match in matches:
        i = bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < ends[i]:
            word = match.group()
            keys = seen.setdefault(i, set())
            keys.add(key(word))
            if spelling and len(word) >= 6 and word.isalpha() and word.lower() not in spelling:
                meant = typo_of(word, spelling)
                if meant is not None:
                    keys.add(spelling[meant])
    found: dict[int, list[RuleProfile]] = {}
    for i, present in seen.items():
        hit = {n for word_key in present for n, cue in index.by_key.get(word_key, ()) if cue <= present}
        if hit:
            found[i] = [index.profiles[n] for n in sorted(hit)]
    return found


def _unread(doc: AnalysedDocument, index: int, profiles: list[RuleProfile], valued_kinds) -> list[Unread]:
    """The rules whose cue matches whole in a sentence holding no value of their kind."""
    waiting = [p for p in profiles
               if (f"category:{p.id}" if p.rule.kind == "category" else p.rule.kind) not in valued_kinds]
    if not waiting:
        return []
    words = doc.words(index)
    clauses = doc.clauses(index)
    found = []
    for p in waiting:
        matched = [c.phrase for c in p.cues if _whole_in_sentence(c, words)]
        if not matched:
            continue
        strength, how = doc.resolve(index, clauses[0], doc.catalog.group_of(p.rule.subject), p.rule.subject_window,
                                     p.mentioned)
        if strength:
            found.append(Unread(p.id, doc.sentences[index], tuple(matched), how))
    return found


def _whole_in_sentence(cue: Cue, words: Words) -> bool:
    n = len(cue.keys)
    if n and any(tuple(words.keys[s:s + n]) == cue.keys for s in words.where.get(cue.keys[0], ())):
        return True
    return bool(cue.content) and not cue.literal and all(k in words.where for k in cue.content)


def _observe(doc: AnalysedDocument, index: int, words: Words, p: RuleProfile, value: Found,
             everything: bool = False) -> Observation | None:
    """The observation, or None when nothing of the rule is near the value (and not `everything`)."""
    sentence = doc.sentences[index]
    clauses = doc.clauses(index)
    clause = clause_at(clauses, value.span.start)
    strength, how = doc.resolve(index, clause, doc.catalog.group_of(p.rule.subject), p.rule.subject_window, p.mentioned)
    if not strength and not everything:
        return None  # not about the rule's subject: nothing else can make it its fact
    first, last = words.token_at(value.span.start), max(words.token_at(value.span.end - 1), words.token_at(value.span.start))
    locality = _Locality(clauses, clause, value, words, first, last, p.rule.max_distance)
    near = _localities(doc, index, words, value, locality, p.rule.max_distance)
    hits = {word_key: near[word_key] for word_key in p.weights.keys() & near.keys()}
    for word_key in _other_doers(p, words):
        if word_key in hits:
            hits[word_key] *= OTHER_DOER
    cues = _cues(p.cues, words, locality, clause, first, last)
    prior = _prior(p, value)
    if not (hits or cues or prior or everything):
        return None
    rejected, negation = _rejected(doc, index, words, p, value, clause, locality)
    far_context = rejected is FAR_CONTEXT
    if far_context:
        rejected = None
    timeline = doc.layout.entry_under(index) is not None
    penalties = tuple(hit for hit in doc.distractors(index, value)
                      if not (hit[1].endswith("age") and _AGE_WORDS & p.weights.keys())
                      and not (timeline and hit[1].startswith("a date alone")))
    if clause.kind == "condition":
        penalties += ((CONDITION_PENALTY, "in a condition ('if …', 'unless …'): supposed, not stated"),)
    if far_context:
        penalties += ((FAR_CONTEXT_PENALTY, "its required context stands earlier in its paragraph or in the "
                       "document's title, not near it"),)

    line, column = doc.document.locate(sentence.start + value.span.start)
    end_line, end = doc.document.locate(sentence.start + value.span.end - 1)
    counted, counted_word = _counted(words, last, p) if value.value.kind == "count" else (None, None)
    if counted is not None:
        frequency = _frequency(words, last)
        if frequency and not (_FREQUENCY_WORDS & p.weights.keys() or any(c.literal for c in p.cues if _FREQUENCY_WORDS & set(c.keys))):
            penalties += ((FREQUENCY_PENALTY, f"a count per {frequency} (a frequency), and the rule asks no frequency"),)
    return Observation(p.id, sentence, value, tuple(sorted(hits.items())), cues, strength, how, rejected, penalties,
                       prior, (clause.start, clause.end), negation, line, column, end_line, end + 1, counted, counted_word,
                       _is_noun(counted_word))


def _is_noun(word: str | None) -> bool:
    if not word:
        return False
    from ..analysis.words import readings

    return "NOUN" in readings(word)


def _counted(words: Words, last: int, p: RuleProfile) -> tuple[str | None, str | None]:
    """The noun a count counts: the first word after it that is not an adjective, or a rule
    word among the few words before a number or the clause's end ("six one-hour infusion
    sessions" counts infusions, "ten healthy volunteers" volunteers, "9 to 14: two doses"
    nothing: a number comes first)."""
    from ..analysis.words import readings

    for t in range(last + 1, min(last + 5, len(words.keys))):
        word = words.lowers[t]
        if word[0].isdigit() or word in _NUMBER_WORDS:
            return None, None
        if words.capitals[t] and t + 1 < len(words.keys) and words.lowers[t + 1].isalpha() \
                and not words.capitals[t + 1]:
            continue  # "UN" in "eight UN agencies": a name qualifying the noun after it
        if words.keys[t] in p.weights:
            return words.keys[t], word
        if word in _ADJECTIVES or word.endswith(("-hour", "hour")) or words.capitals[t]:
            continue  # "healthy", "most": what qualifies the noun
        found = readings(word)
        if found and "NOUN" not in found:
            continue  # "three most affected countries": an adverb, a participle
        return words.keys[t], word
    return None, None


_AGE_WORDS = frozenset("age old die born birthday".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty thirty".split())


def _frequency(words: Words, last: int) -> str | None:
    """'week' when the count is followed, within four words, by "each/per/a/every/in a week"."""
    lowers = words.lowers
    for t in range(last + 1, min(last + 6, len(lowers) - 1)):
        if lowers[t] in ("each", "per", "a", "every", "an") and lowers[t + 1] in _PERIODS:
            return lowers[t + 1]
    return None


_PERIODS = frozenset("day week month year session visit".split())
_FREQUENCY_WORDS = frozenset("per each every daily weekly monthly yearly often frequency".split())
FREQUENCY_PENALTY = 0.6
_ADJECTIVES = frozenset("healthy adult new more other additional eligible elderly young older depressed male female "
                        "young total confirmed registered separate different consecutive most least such".split())


class _Locality:
    """How near a word at a token is to the value, by clause (see the module table)."""

    def __init__(self, clauses, clause: Clause, value: Found, words: Words, first: int, last: int, max_distance: int):
        self.clauses, self.clause, self.value, self.words = clauses, clause, value, words
        self.first, self.last, self.max_distance = first, last, max_distance
        self._all = None

    def distance(self, token: int) -> int:
        if token < self.first:
            return self.first - token - 1
        if token > self.last:
            return token - self.last - 1
        return 0

    def all(self) -> list[float]:
        """The locality of every word of the sentence, in order (made once)."""
        if self._all is None:
            self._all = [self._of(t) for t in range(len(self.words.starts))]
        return self._all

    def of(self, token: int) -> float:
        return self.all()[token]

    def _of(self, token: int) -> float:
        here = self.words.clause_of(token, self.clauses)
        distance = self.distance(token)
        if here == self.clause:
            if distance > self.max_distance:
                return IN_CLAUSE
            return 1.0 - NEAR_STEP * min(distance, NEAR_CAP)
        if here.kind == "relative" and self.value.span.end <= here.attached_to <= self.value.span.end + 2:
            return ATTACHED
        if here.kind == "parenthesis" and self.clause.start <= here.start and here.end <= self.clause.end:
            return INNER_PARENTHESIS
        if here.start <= self.clause.start and self.clause.end <= here.end:
            return OUTER
        return max(0.1, OTHER_CLAUSE - OTHER_STEP * min(distance, 20))


def _other_doers(p: RuleProfile, words: Words) -> set[str]:
    """The verbs of the rule's noun-and-verb cues ("infusion lasts") that stand in the sentence
    after another noun, without the cue's own: "its effects last about two hours" says what
    the effects do, not the infusion."""
    from ..analysis.words import WORD, readings
    from ..analysis.words import key as key_of

    found = set()
    for cue in p.cues:
        if cue.literal or len(cue.content) != 2 or all(k in words.where for k in cue.content):
            continue
        absent = [k for k in cue.content if k not in words.where]
        present = [k for k in cue.content if k in words.where]
        written = {key_of(w): w for w in WORD.findall(cue.phrase.lower())}
        if len(absent) != 1 or not present or "NOUN" not in readings(written.get(absent[0], absent[0])):
            continue
        for t in words.where[present[0]]:
            before = t - 1
            while before >= 0 and words.lowers[before] in _QUIET_BEFORE_VERB:
                before -= 1
            noun = words.lowers[before] if before >= 0 else ""
            kinds_of = readings(noun)
            if noun and words.keys[before] not in p.weights and "NOUN" in kinds_of and \
                    ("VERB" not in kinds_of or noun.endswith("s")):
                found.add(present[0])
    return found


_QUIET_BEFORE_VERB = frozenset("usually typically often generally still also only will can may would could should "
                               "might does do did is are was were".split())
OTHER_DOER = 0.3


def _localities(doc: AnalysedDocument, index: int, words: Words, value: Found, locality: "_Locality",
                max_distance: int) -> dict[str, float]:
    """Every word key of the sentence and of the text above it, with its locality to the value:
    worked out once per value for all the rules (of the same max_distance) that weigh it."""
    cache = doc.cache.setdefault("localities", {})
    cache_key = (index, value.span.start, value.span.end, max_distance)
    found = cache.get(cache_key)
    if found is None:
        found = {}
        titled = words.titled
        of = locality.all()
        for word_key, positions in words.where.items():
            best = 0.0
            for t in positions:
                factor = of[t] * IN_A_NAME if t in titled else of[t]
                if factor > best:
                    best = factor
            found[word_key] = best
        for text_above, factor in _context(doc, index):
            for word_key in _context_keys(doc, text_above):
                if found.get(word_key, 0.0) < factor:
                    found[word_key] = factor
        cache[cache_key] = found
    return found


def _context(doc: AnalysedDocument, index: int) -> list[tuple[str, float]]:
    """The text above a sentence that speaks for it: its table's header, its heading (a
    question, for the block that answers it: the first one under it, when it is not the
    document's title)."""
    found = []
    header = doc.layout.header(index)
    if header:
        found.append((header, HEADER))
    block_number = doc.layout.block_of[index]
    heading_block = doc.layout.heading_of[block_number]
    if heading_block is not None:
        block = doc.layout.blocks[heading_block]
        answers = block.kind == "question" and heading_block > 0 and block_number == heading_block + 1
        found.append((doc.sentences.text[block.start:block.end], QUESTION_HEADING if answers else HEADING))
    entry = doc.layout.entry_under(index)
    if entry:
        found.append((entry, ENTRY))
    return found


def _context_keys(doc: AnalysedDocument, text: str):
    return doc.context_words(text).where


def _cues(cues: tuple[Cue, ...], words: Words, locality: _Locality, clause: Clause, first: int, last: int):
    matched = []
    for cue in cues:
        best = 0.0
        n = len(cue.keys)
        if n:
            for start in words.where.get(cue.keys[0], ()):
                if tuple(words.keys[start:start + n]) == cue.keys:
                    best = max(best, max(locality.of(t) for t in range(start, start + n)))
        if len(cue.content) > 1 and not cue.literal:  # every word in the value's clause, in any order
            factors = []
            for word_key in cue.content:
                positions = words.where.get(word_key)
                if not positions:
                    break
                factors.append(max(locality.of(t) for t in positions))
            else:
                if min(factors) >= IN_CLAUSE:
                    best = max(best, min(factors))
        if best:
            matched.append((cue.phrase, round(best, 3)))
    return tuple(matched)


def _terms(terms: tuple[Cue, ...], words: Words) -> list[tuple[str, int, int]]:
    """Occurrences (phrase, first token, last token) of context terms, word for word on keys
    (found once per sentence and set of terms)."""
    cache = words.cache
    found = cache.get(id(terms))
    if found is None or found[0] is not terms:
        found = cache[id(terms)] = (terms, _find_terms(terms, words))
    return found[1]


def _find_terms(terms: tuple[Cue, ...], words: Words) -> list[tuple[str, int, int]]:
    found = []
    for term in terms:
        n = len(term.keys)
        for start in words.where.get(term.keys[0], ()) if n else ():
            if tuple(words.keys[start:start + n]) == term.keys and \
                    all(words.capitals[start + i] for i in term.capitals if start + i < len(words.capitals)):
                found.append((term.phrase, start, start + n - 1))
    return found


def _rejected(doc, index, words, p: RuleProfile, value: Found, clause: Clause, locality: _Locality):
    """Why the value cannot be this rule's fact, or None; and the clause's negation."""
    rule = p.rule
    if rule.unit and not kinds.unit_matches(rule.kind, rule.unit, value.value.unit):
        return f"unit {value.value.unit} is not the rule's unit {rule.unit}", None
    subject_terms = {s for s in p.subject}
    requires = [t for t in _terms(p.require, words) if _keys_of(t, words) not in subject_terms]
    excludes = [t for t in _terms(p.exclude, words) if _keys_of(t, words) not in subject_terms]

    def in_clause(term) -> bool:
        return clause.start <= words.starts[term[1]] < clause.end

    def nearest(terms):
        return min(terms, key=lambda t: min(locality.distance(t[1]), locality.distance(t[2])), default=None)

    def distance(term) -> int:
        return min(locality.distance(term[1]), locality.distance(term[2]))

    clause_excludes = [t for t in excludes if in_clause(t)]
    clause_requires = [t for t in requires if in_clause(t)]
    if clause_excludes:
        near_exclude = nearest(clause_excludes)
        near_require = nearest(clause_requires)
        if near_require is None or distance(near_exclude) < distance(near_require):
            return f"its clause names the excluded '{near_exclude[0]}'", None
    if rule.require and not requires:
        above = [t for t in (doc.layout.header(index), doc.layout.section_heading(index)) if t]
        before = index - 1  # "The first device was implanted in Larsson. It stopped working after three hours."
        if before >= 0 and doc.sentences[before].paragraph == doc.sentences[index].paragraph:
            above.append(doc.sentences[before].text)
        if not any(_terms(p.require, doc.context_words(t)) for t in above):
            wider = [doc.document.source.title or "", *_paragraph_before(doc, index)]
            if any(_terms(p.require, doc.context_words(t)) for t in wider if t):
                return FAR_CONTEXT, None  # a penalty, not a rejection: see _observe
            return (f"none of the required context {list(rule.require)} in the sentence, the one before it, its "
                    "table's header, its section's heading, its paragraph or the document's title"), None
    if clause.negation and not p.negated and rule.kind not in kinds.LIMIT_KINDS:
        return f"its clause is negated ('{clause.negation}'): not a statement of the fact", clause.negation
    return None, clause.negation


def _paragraph_before(doc: AnalysedDocument, index: int) -> list[str]:
    """The sentences of a sentence's paragraph before it."""
    paragraph, found = doc.sentences[index].paragraph, []
    i = index - 1
    while i >= 0 and doc.sentences[i].paragraph == paragraph and len(found) < 12:
        found.append(doc.sentences[i].text)
        i -= 1
    return found


def _keys_of(term, words: Words) -> tuple[str, ...]:
    return tuple(words.keys[term[1]:term[2] + 1])


def _prior(p: RuleProfile, value: Found) -> float:
    """Evidence the value's kind and unit bring alone: a dose by body weight in the rule's own
    unit, or an age, settles what the value is (which of several such facts it is, the rules'
    words decide)."""
    if p.rule.kind == "dose" and p.rule.unit and "/kg" in p.rule.unit \
            and kinds.unit_matches(p.rule.kind, p.rule.unit, value.value.unit):
        return SETTLING_PRIOR  # a dose by body weight is the dose; "500 mg" may be a tablet's strength
    if p.rule.kind in kinds.SETTLING_KINDS:
        return SETTLING_PRIOR
    return KIND_PRIOR.get(p.rule.kind, 0.0)
