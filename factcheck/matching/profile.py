"""A rule as a weighted bag of word keys: what a statement of its fact is likely to say.

Words come from the rule's cues (weight 1; 0.5 each for the words of a cue of several,
the whole cue matched bringing the rest), its question (0.6), its required context
(0.4) and its description (0.3: the sentences that say what the fact is, not those saying
what it is not), each reduced to its key (`analysis.words.key`: lemma,
then word family, so "approval" and "approved" are one word). The subject's own words,
the question's frame ("In which year", "What share of", "How many") and words that carry
no fact ("the", "was", "of") are left out; a light verb ("make", "take") weighs 0.4 of
its place's weight. Words of the same predicate group
(`synonyms`) count at a low weight. How much a word finally weighs also depends on how
rare it is in the sources (see `matching.decide`).

A cue of several words matches whole when all its words are in the value's clause, in
any order ("symptom relief" = "relief of symptoms"), or when it stands word for word in
the sentence. A cue holding words that carry no fact ("since", "used for", "per month")
matches whole only word for word; its other words still count one by one.

Context terms match exactly, on keys, never by typo tolerance, and never inside a longer
word: an `exclude: [esketamine]` term never fires on "ketamine".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..analysis.words import LIGHT, NEGATORS, STOP, WORD, key, known
from ..model import Rule
from .synonyms import SYNONYM_WEIGHT, related

CUE_WEIGHT, QUESTION_WEIGHT, REQUIRE_WEIGHT, DESCRIPTION_WEIGHT = 1.0, 0.6, 0.4, 0.3
CUE_PART_WEIGHT = 0.5  # each word of a cue of several: the whole cue matched brings the rest
LIGHT_FACTOR = 0.4  # a light verb ("make", "take") weighs this much of its place's weight
# Words of a question that ask for the kind of value rather than say what the fact is.
FRAME = {
    "date": frozenset("year date day month decade time when".split()),
    "percent": frozenset("percentage percent share proportion fraction part".split()),
    "count": frozenset("number total many".split()),
    "duration": frozenset("long length time".split()),
    "dose": frozenset(),
    "age": frozenset("old age".split()),
    "category": frozenset("category class type kind".split()),
}
_FRAME_PHRASES = re.compile(r"\b(?:how\s+many|how\s+much|how\s+long|how\s+often|how\s+old|at\s+what\s+age|in\s+what\s+year"
                            r"|in\s+which\s+year|what\s+year|which\s+year|what\s+share|what\s+percentage"
                            r"|what\s+proportion|what\s+fraction|what\s+number)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """A cue phrase: its words as keys (all of them, for a word-for-word match) and the
    keys that carry meaning (for a match in any order)."""

    phrase: str
    keys: tuple[str, ...]
    content: frozenset[str]
    capitals: tuple[int, ...] = ()  # the words written as a short acronym ("US", "ER"): matched in capitals only

    @property
    def single(self) -> bool:
        """A cue of one word ("approved"): that word is the whole cue."""
        return len(self.keys) == 1 and bool(self.content)

    @property
    def literal(self) -> bool:
        """A cue with words that carry no fact ("used for", "per month") matches whole only word for word."""
        return len(self.content) < len(self.keys)


@dataclass(frozen=True)
class RuleProfile:
    rule: Rule
    weights: dict[str, float]  # key -> base weight (before the corpus's rarity)
    cues: tuple[Cue, ...]
    subject: frozenset[tuple[str, ...]]  # the subject phrases as keys
    require: tuple[Cue, ...]
    exclude: tuple[Cue, ...]
    negated: bool  # the fact is itself stated with a negation ("do not respond")
    sources: dict[str, str]  # key -> where the rule has it ("cue 'approved'", "question", ...)
    cue_of: dict[str, Cue]  # phrase -> cue
    cue_words: frozenset[str] = frozenset()  # the keys of the cues' words
    mentioned: frozenset[tuple[str, ...]] = frozenset()  # every run of keys of its own text, up to 4 words
    also_kinds: tuple[str, ...] = ()  # other kinds whose values it takes, converted (an age for a duration rule)
    counts: str | None = None  # for a count rule: the key of what it counts ("How many people…": people)
    single_cue_words: frozenset[str] = frozenset()  # the keys of its one-word cues, which count in full
    verbs: frozenset[str] = frozenset()  # the verbs its question and cues state the fact with

    @property
    def id(self) -> str:
        return self.rule.id


def profile(rule: Rule) -> RuleProfile:
    subject = frozenset(tuple(key(m.group()) for m in WORD.finditer(s)) for s in rule.subject)
    # The subject's own name never counts as a cue, but the common words of a longer phrase
    # ("disaster" in "Chernobyl disaster", "plant" in "nuclear power plant") may.
    subject_keys = {k for phrase in subject for k in phrase}
    # A cue the author wrote counts even when a longer subject phrase holds it ("disaster" in
    # "Chernobyl disaster"); the subject's own name never does.
    name_keys = {k for phrase in subject for k in phrase if len(phrase) == 1 or not known(k)}
    frame = FRAME.get(rule.kind, frozenset())
    weights: dict[str, float] = {}
    sources: dict[str, str] = {}

    def add(word_key: str, weight: float, source: str) -> None:
        skip = name_keys if source.startswith("cue ") else subject_keys
        if word_key in STOP or word_key in skip or word_key in NEGATORS or len(word_key) < 2 or word_key.isdigit():
            return
        if word_key in LIGHT:
            weight *= LIGHT_FACTOR
        if weight > weights.get(word_key, 0.0):
            weights[word_key] = weight
            sources[word_key] = source

    cues = tuple(_cue(c) for c in rule.cues)
    for cue in cues:
        for word_key in cue.content:
            add(word_key, CUE_WEIGHT if cue.single else CUE_PART_WEIGHT, f"cue '{cue.phrase}'")
    question = _FRAME_PHRASES.sub(" ", rule.question)
    for word_key in _keys(question):
        if word_key not in frame:
            add(word_key, QUESTION_WEIGHT, "question")
    for term in rule.require:
        for word_key in _keys(term):
            add(word_key, REQUIRE_WEIGHT, f"context '{term}'")
    for word_key in _keys(_what_it_is(rule.description)):
        if word_key not in frame:
            add(word_key, DESCRIPTION_WEIGHT, "description")
    for word_key in list(weights):
        for other in related(word_key):
            add(other, min(weights[word_key], CUE_WEIGHT) * SYNONYM_WEIGHT, f"like '{word_key}' ({sources[word_key]})")
    negated = any(k in NEGATORS for text in (rule.question, *rule.cues) for k in _keys(text)) or \
        any(re.search(r"n['’]t\b", text) for text in (rule.question, *rule.cues)) or \
        any(_negative_word(m.group()) for text in (rule.question, *rule.cues) for m in WORD.finditer(text))
    return RuleProfile(rule, weights, cues, subject, tuple(_cue(t) for t in rule.require),
                       tuple(_cue(t) for t in rule.exclude), negated, sources, {c.phrase: c for c in cues},
                       frozenset(k for c in cues for k in c.content), _runs(rule), _also_kinds(rule),
                       _counts(rule), frozenset(w for w, s in sources.items() if s.startswith("cue ")
                                                and next(c for c in cues if c.phrase == s[5:-1]).single),
                       _verbs(rule, weights))


_FRAMING = frozenset("call name term define consider know say describe mean refer label classify follow".split())
_HOW_MANY = re.compile(r"\b(?:how\s+many|number\s+of|count\s+of)\s+(?:(?:more|new|additional|other|separate|total|different"
                       r"|individual|of\s+the|the)\s+)*([A-Za-z][\w-]*)", re.IGNORECASE)


def _counts(rule: Rule) -> str | None:
    """The thing a count rule counts: the noun after "how many" or "number of" in its question."""
    if rule.kind != "count":
        return None
    match = _HOW_MANY.search(rule.question)
    return key(match.group(1)) if match else None


def _verbs(rule: Rule, weights: dict[str, float]) -> frozenset[str]:
    """The verbs of the rule's question and one-word cues ("approve", "die", "last"), with the
    words of their predicate groups: a statement of the fact usually holds one of them."""
    from ..analysis.words import _dictionary

    lemmas, _ = _dictionary()
    found = set()
    for text in (rule.question, *(c for c in rule.cues if len(c.split()) == 1)):
        for match in WORD.finditer(text):
            written = match.group()
            word = written.lower()
            k = key(word)
            readings = lemmas(word)
            if k in weights and k not in LIGHT and k not in _FRAMING and "VERB" in readings and "AUX" not in readings \
                    and not written[:1].isupper() and (word.endswith(("ed", "ing")) or "NOUN" not in readings):
                found.add(k)
    return frozenset(found | {r for k in found for r in related(k)})


def _also_kinds(rule: Rule) -> tuple[str, ...]:
    """A duration or count rule that asks an age ("From what age…", "How old…", a cue "aged")
    takes ages too, as years: rules written before the `age` kind keep finding them."""
    if rule.kind not in ("duration", "count"):
        return ()
    asks = _ASKS_AGE.search(rule.question) or any(_AGE_CUE.search(c) for c in rule.cues)
    return ("age",) if asks else ()


_ASKS_AGE = re.compile(r"\b(?:what|which)\s+age\b|\bhow\s+old\b|\bage\s+(?:limit|at|of)\b|\b(?:minimum|maximum|"
                       r"upper|lower|youngest|oldest)\s+age\b|\bages?\s+(?:range|group)\b", re.IGNORECASE)
_AGE_CUE = re.compile(r"\bage[ds]?\b|\byears?\s+old\b|year-old|\bolder\b|\byounger\b", re.IGNORECASE)
_NOT_THE_FACT = re.compile(r"\b(?:not|n't|other|others|another|except|excluding|unlike|rather\s+than|instead\s+of|never)\b",
                           re.IGNORECASE)


def _what_it_is(description: str) -> str:
    """The parts of a description that say what the fact is: not the sentences that say what it
    is not ("Later approvals … are other facts"), nor asides in parentheses."""
    text = re.sub(r"\([^)]*\)", " ", description or "")
    return " ".join(s for s in re.split(r"(?<=[.;!?])\s+", text) if not _NOT_THE_FACT.search(s))


def _runs(rule: Rule) -> frozenset[tuple[str, ...]]:
    """Every run of one to four keys of the rule's own words: which subject phrases it names."""
    runs = set()
    for text in (rule.question, _what_it_is(rule.description), *rule.cues, *rule.require):
        keys = _keys(text or "")
        for n in range(1, 5):
            runs.update(keys[i:i + n] for i in range(len(keys) - n + 1))
    return frozenset(runs)


def _negative_word(word: str) -> bool:
    """A word that negates another ("uninhabitable", "ineffective", "unsafe"): a statement of
    its fact may say "not habitable", "not effective"."""
    lower = word.lower()
    for prefix in ("un", "in", "im", "non", "ir", "il"):
        rest = lower[len(prefix):].lstrip("-")
        if lower.startswith(prefix) and len(rest) >= 4 and known(rest) and rest.endswith(_ADJECTIVE_ENDS):
            return True
    return False


_ADJECTIVE_ENDS = ("able", "ible", "ive", "ful", "safe", "ent", "ant", "al", "ous", "ic", "ed", "ing")


def _cue(phrase: str) -> Cue:
    keys = _keys(phrase)
    written = [m.group() for m in WORD.finditer(phrase)]
    capitals = tuple(i for i, w in enumerate(written) if w.isupper() and 2 <= len(w) <= 4)
    return Cue(phrase, keys, frozenset(k for k in keys if k not in STOP and k not in NEGATORS), capitals)


def _keys(text: str) -> tuple[str, ...]:
    return tuple(key(m.group()) for m in WORD.finditer(text))
