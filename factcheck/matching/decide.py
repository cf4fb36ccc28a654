"""Weigh the observations of a whole corpus and decide which value states which fact.

A rule word weighs its base weight (`profile`: cue 1, question 0.6, …) times its
**rarity in the corpus**: idf = ln((N + 20) / (n + 1)), N the corpus's sentences that hold
a value some rule needs and n those holding the word. The drug's name, in every sentence,
weighs little; "synthesize", in three, weighs much. The 20 stands for sentences that
hold none of the words, so a corpus of two pages still weighs words sensibly; in a small
corpus (up to 50 value sentences) a cue's own words never weigh less than an idf of 2,
however common they are there (every sentence of it may say "opened"); past that the floor
shrinks (2 × 50 / N), and a cue as common as the topic weighs as little as the topic.

    score = (Σ weight × idf × locality of each rule word near the value
               (one-word cues in full, the other words best first at 1, 0.7, 0.5, 0.35, 0.25 of
               their gain; the noun a count counts, when it is a rule word, 1.5 times)
             + (1 + the rest of its words' weight) × locality of each cue matched whole
             + the kind's prior (an age, or a dose by body weight in the rule's own unit: 2;
               another dose 0.5))
            × the subject's strength (`analysis.subjects`)
            × (1 − each distractor's penalty)
            × 0.5 when a count counts something else than the rule's "how many …" asks
            × 0.6 when, for a value its kind does not settle, none of the verbs of the rule's
              question and cues (nor one of their
              predicate group) stands near the value: "When was it approved?" is usually
              answered with approve, license, clear, authorize…

A value is a **candidate** of a rule when its score is at least `TAKE` (1.0). Then:

1. **One value, one fact.** A value that several rules want goes to the one that scores it
   best; another rule shares it only with a score within 15% of the best.
2. **One value per sentence and rule**: the best-scored candidate of each sentence wins
   (the others are listed with the reason they lost).
3. **One statement per source**, unless it truly states two: a source's statement that
   scores less than half its best statement of the fact, and disagrees with it, is set
   aside ("a stronger statement of this source says otherwise").
4. **A weak reading is not a contradiction**: across the corpus, a statement scoring less
   than 0.2 of the fact's best statement, that agrees with none of the strong ones (at
   least 0.6 of the best), is set aside too: a weakly worded value against strongly
   worded ones is more often a misreading than a disagreement.

Everything lost is kept with its reason, for `factcheck explain`.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from .. import kinds
from ..model import Candidate, Mention, Rule
from .evidence import DocumentObservations, Observation
from .evidence import SETTLING_PRIOR
from .profile import CUE_PART_WEIGHT

TAKE = 1.5
FAINT, STRONG = 0.2, 0.6
SHARE = 0.85
WEAK = 0.5
CUE_BONUS = 1.0
SMOOTHING = 20
CUE_FLOOR = 2.0  # in a small corpus a cue word's idf never drops below this (every sentence says "opened")
FLOOR_SENTENCES = 50  # ... and the floor shrinks as the corpus grows: 2 × 50 / N past 50 value sentences
DECAY = (1.0, 0.7, 0.5, 0.35, 0.25)
COUNTED_BONUS = 0.5  # a count of the very thing the rule names ("six infusions")
PEOPLE_PENALTY = 0.5
VERBLESS_PENALTY = 0.4  # a statement of "when was it approved" usually says approve, license, clear…
PEOPLE = frozenset(
    "patient people person participant subject individual adult child kid man woman boy girl volunteer respondent "
    "resident user student doctor physician nurse member worker employee veteran household family american "
    "firefighter engineer operator survivor victim soldier evacuee citizen inhabitant liquidator staff case "
    "death life".split())


def rarity(counts: Counter, sentences: int) -> dict[str, float]:
    """idf of every rule word over the corpus's value sentences (see the module docstring)."""
    return {word: math.log((sentences + SMOOTHING) / (n + 1)) for word, n in counts.items()}


def default_rarity(sentences: int) -> float:
    """The idf of a word no value sentence holds."""
    return math.log(sentences + SMOOTHING)


class Scorer:
    """Scores observations with the corpus's word rarities."""

    def __init__(self, profiles, counts: Counter, sentences: int):
        self.profiles = {p.id: p for p in profiles}
        self.idf = rarity(counts, sentences)
        self.unknown = default_rarity(sentences)
        self.floor = CUE_FLOOR * min(1.0, FLOOR_SENTENCES / max(sentences, 1))

    def score(self, o: Observation) -> tuple[float, list[str]]:
        p = self.profiles[o.rule]
        idf = self.idf.get
        parts = []
        for word, locality in o.hits:
            rarity = idf(word, self.unknown)
            if word in p.cue_words:  # the author's own word weighs at least this, however common
                rarity = max(rarity, self.floor)
            gain = p.weights[word] * rarity * locality
            if word == o.counted:
                gain *= 1.0 + COUNTED_BONUS
            parts.append((gain, word, locality))
        # The rule's own one-word cues count in full; the other words with diminishing returns,
        # so a long question's many words cannot outweigh what its fact is.
        single = p.single_cue_words
        full = [g for g, w, _ in parts if w in single]
        rest = sorted((g for g, w, _ in parts if w not in single), reverse=True)
        evidence = sum(full) + sum(g * DECAY[min(i, len(DECAY) - 1)] for i, g in enumerate(rest))
        cue_gain = 0.0
        for phrase, locality in o.cues:
            cue = p.cue_of[phrase]
            whole = 0.0 if cue.single else sum(CUE_PART_WEIGHT * max(idf(k, self.unknown), self.floor) for k in cue.content)
            cue_gain += (CUE_BONUS + whole) * locality
        raw = evidence + cue_gain + o.prior
        score = raw * o.subject
        reasons = []
        if parts:
            shown = sorted(parts, reverse=True)[:6]
            reasons.append("words: " + ", ".join(f"{w} ({p.sources[w]}, {_where(loc)}) +{g:.2f}" for g, w, loc in shown))
        if o.cues:
            reasons.append("cues matched: " + ", ".join(f"'{c}'" for c, _ in o.cues))
        if o.prior:
            reasons.append(f"a {p.rule.kind} value{' in the rule’s unit' if p.rule.unit else ''} (+{o.prior:.2f})")
        reasons.append(f"subject: {o.subject_how}" + (f" (× {o.subject:.2f})" if o.subject not in (0.0, 1.0) else ""))
        for penalty, reason in o.penalties:
            score *= max(0.0, 1.0 - penalty)
            reasons.append(reason)
        if p.verbs and o.prior < SETTLING_PRIOR and not p.verbs.intersection(w for w, _ in o.hits):
            score *= 1.0 - VERBLESS_PENALTY
            reasons.append(f"none of the rule's verbs ({', '.join(sorted(p.verbs)[:4])}) near it")
        if o.counted and p.counts and o.counted != p.counts and not (o.counted in PEOPLE and p.counts in PEOPLE) \
                and o.counted_noun:
            score *= 1.0 - PEOPLE_PENALTY
            reasons.append(f"it counts {o.counted_word}; the rule counts {p.counts}")
        elif o.counted and o.counted not in p.weights and o.counted in PEOPLE and not PEOPLE & p.weights.keys():
            score *= 1.0 - PEOPLE_PENALTY
            reasons.append(f"it counts {o.counted_word}, and the rule does not count people")
        if o.negation and not o.rejected:
            reasons.append(f"its clause holds '{o.negation}', as the rule's own words do")
        if o.rejected:
            score = 0.0
            reasons.append(o.rejected)
        elif not o.subject:
            reasons.append("not about the rule's subject")
        return round(score, 3), reasons


def _where(locality: float) -> str:
    """A word's locality in words (the table of matching.evidence): its clause, beside it, farther."""
    if locality >= 0.9:
        return "next to it"
    if locality >= 0.64:
        return f"near it, {locality:.2f}"
    return f"farther, {locality:.2f}"


def decide(observed: DocumentObservations, rules: list[Rule], scorer: Scorer) -> list[Mention]:
    """The mentions of every rule in one document, ordered by rule, then line."""
    order = {r.id: i for i, r in enumerate(rules)}
    scored = [(o, *scorer.score(o)) for o in observed.observations]
    by_sentence: dict[int, list] = {}
    for item in scored:
        by_sentence.setdefault(item[0].sentence.index, []).append(item)
    chosen: dict[tuple[str, int], tuple] = {}  # (rule, sentence) -> (observation, score, reasons)
    notes: dict[int, list[str]] = {}  # id(observation) -> why it lost
    for index, items in by_sentence.items():
        _assign(items, chosen, notes)
    stated = {id(o): _stated(o, scorer.profiles[o.rule].rule) for o, _, _ in scored}
    statements = _one_per_source(chosen, notes, stated)
    mentions = []
    for (rule_id, index), item in chosen.items():
        observations = [it for it in by_sentence[index] if it[0].rule == rule_id]
        taken = item if (rule_id, index) in statements else None
        mentions.append(_mention(observed.source, observations, taken, notes, stated))
    for rule_id, index in {(o.rule, o.sentence.index) for o, _, _ in scored if o.cues and o.subject} - chosen.keys():
        observations = [it for it in by_sentence[index] if it[0].rule == rule_id]
        mentions.append(_mention(observed.source, observations, None, notes, stated))  # a cue, values, none taken
    for u in observed.unread:
        mentions.append(Mention(rule=u.rule, source=observed.source, sentence=u.sentence, line=u.sentence.line,
                                column=u.sentence.column, cues=u.cues, subject=u.subject_how, candidates=(),
                                why=f"no value near a cue: cue {', '.join(repr(c) for c in u.cues)} matched, but "
                                    f"the sentence holds no {scorer.profiles[u.rule].rule.kind} value"))
    mentions.sort(key=lambda m: (order[m.rule], m.sentence.index))
    return mentions


def set_aside_weak(mentions: list[Mention]) -> list[Mention]:
    """Step 4 of the module docstring, over the mentions of a whole corpus."""
    best: dict[str, float] = {}
    for m in mentions:
        if m.chosen is not None:
            best[m.rule] = max(best.get(m.rule, 0.0), m.chosen.score)
    strong: dict[str, list] = {}
    for m in mentions:
        if m.chosen is not None and m.chosen.score >= STRONG * best[m.rule]:
            strong.setdefault(m.rule, []).append(m.value)
    result = []
    for m in mentions:
        chosen = m.chosen
        if chosen is not None and chosen.score < FAINT * best[m.rule] and not any(
                chosen.value.agrees_with(v) for v in strong[m.rule] if v.comparable_with(chosen.value)) and any(
                v.comparable_with(chosen.value) for v in strong[m.rule]):
            note = (f"set aside: a weak reading (score {chosen.score:.2f}, the fact's best {best[m.rule]:.2f}) "
                    "that agrees with none of the strong ones")
            candidates = tuple(replace(c, chosen=False, reasons=c.reasons + (note,)) if c is chosen else c
                               for c in m.candidates)
            m = replace(m, candidates=candidates, why=f"'{chosen.value.raw}' {note}")
        result.append(m)
    return result


def _assign(items, chosen, notes) -> None:
    """Greedy, best score first: a rule takes one value per sentence; a value goes to one
    rule, or to several only when their scores are within SHARE of each other."""
    taker: dict[tuple[int, int], tuple[str, float]] = {}  # value span -> (rule, score) that took it
    for o, score, reasons in sorted(items, key=lambda it: (-it[1], it[0].rule, it[0].found.span.start)):
        span = (o.found.span.start, o.found.span.end)
        if score < TAKE:
            if score > 0:
                notes.setdefault(id(o), []).append(f"score {score:.2f} is below {TAKE}")
            continue
        if (o.rule, o.sentence.index) in chosen:
            best = chosen[(o.rule, o.sentence.index)]
            notes.setdefault(id(o), []).append(f"lower score than '{best[0].found.value.raw}' ({score:.2f} < {best[1]:.2f})")
            continue
        if span in taker and taker[span][0] != o.rule and score < SHARE * taker[span][1]:
            rule, best = taker[span]
            notes.setdefault(id(o), []).append(f"taken by rule '{rule}', which it fits better ({best:.2f} > {score:.2f})")
            continue
        if span in taker and taker[span][0] != o.rule:
            notes.setdefault(id(o), []).append(f"shared with rule '{taker[span][0]}', which scores it nearly the same")
        taker.setdefault(span, (o.rule, score))
        chosen[(o.rule, o.sentence.index)] = (o, score, reasons)


def _stated(o: Observation, rule: Rule):
    """The value a statement gives the fact: the value read, or for a limit rule its one end."""
    return kinds.limit_of(o.found.value, rule.limit) if rule.limit else o.found.value


def _one_per_source(chosen, notes, stated) -> set[tuple[str, int]]:
    """The (rule, sentence) statements kept: a weak one that contradicts the source's best is set aside."""
    best: dict[str, tuple] = {}
    for (rule_id, _), item in chosen.items():
        if rule_id not in best or item[1] > best[rule_id][1]:
            best[rule_id] = item
    kept = set()
    for (rule_id, index), (o, score, _) in chosen.items():
        top, top_score, _ = best[rule_id]
        mine, theirs = stated[id(o)], stated[id(top)]
        if o is not top and score < WEAK * top_score and not mine.agrees_with(theirs) and mine.comparable_with(theirs):
            notes.setdefault(id(o), []).append(
                f"set aside: a stronger statement of this source (line {top.sentence.line}, '{top.found.value.raw}', "
                f"score {top_score:.2f}) says otherwise")
            continue
        kept.add((rule_id, index))
    return kept


def _mention(source: str, observations, taken, notes, stated) -> Mention:
    sentence = observations[0][0].sentence
    candidates = []
    for o, score, reasons in sorted(observations, key=lambda it: it[0].found.span.start):
        is_taken = taken is not None and o is taken[0]
        candidates.append(Candidate(stated[id(o)], o.found.span, score, is_taken,
                                    tuple(reasons) + tuple(notes.get(id(o), ()))))
    chosen = next((c for c in candidates if c.chosen), None)
    anchor = taken[0] if taken else observations[0][0]
    if taken:
        line, column, end_line, end_column = anchor.line, anchor.column, anchor.end_line, anchor.end_column
    else:
        line, column, end_line, end_column = sentence.line, sentence.column, 0, 0
    if chosen:
        why = f"'{chosen.value.raw}' chosen (score {chosen.score:.2f}): " + "; ".join(chosen.reasons)
    else:
        lost = "; ".join(f"'{c.value.raw}': {c.reasons[-1]}" for c in candidates)
        why = f"values read but none taken: {lost}"
    cues = tuple(c for c, _ in anchor.cues) or tuple(w for w, _ in sorted(anchor.hits, key=lambda h: -h[1])[:3])
    return Mention(rule=anchor.rule, source=source, sentence=sentence, line=line, column=column, cues=cues,
                   subject=anchor.subject_how, candidates=tuple(candidates), why=why, end_line=end_line,
                   end_column=end_column)
