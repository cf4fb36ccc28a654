"""Words as factcheck compares them: a lemma, then a word family.

A rule says "approved"; a source says "approval was granted", "FDA-approved" or "won
approval". Every word is reduced to a **key**: its lemma (lemminflect's dictionary:
"approved" -> approve, "doses" -> dose, "children" -> child), then, for a noun made
from a verb, the verb ("approval" -> approve, "synthesis" -> synthesize,
"administration" -> administer, "usage" -> use, "response" -> respond). A derivation is
taken only when the dictionary knows the verb, so "trial" stays trial (there is no verb
"trie") and "effective" never becomes "effect", "monthly" never "month".

A word the dictionary does not know (a drug name, a typo) keeps its lower-case form;
`typo_of` then allows a misspelling of a rule's own long word ("aproved"), never a
real word for another ("affective" is not "effective").
"""
from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Noun (or adjective) endings and the verb endings they come from, tried in order.
_DERIVATIONS = (
    ("istration", ("ister",)), ("ization", ("ize",)), ("isation", ("ise", "ize")),
    ("ication", ("y",)), ("ation", ("ate", "e", "")), ("ption", ("be", "pt")), ("ition", ("", "e")),
    ("sion", ("se", "de", "d", "t")), ("tion", ("te", "e", "t")), ("ion", ("", "e")),
    ("ment", ("",)), ("ysis", ("yze", "yse")), ("esis", ("esize",)), ("osis", ("ose",)),
    ("ance", ("", "e")), ("ence", ("", "e")), ("ure", ("e", "")), ("age", ("e", "")),
    ("onse", ("ond",)), ("val", ("ve",)), ("al", ("", "e")), ("ery", ("er",)), ("ory", ("er",)),
    ("ness", ("",)), ("ability", ("able",)), ("ivity", ("ive",)),
)
# Derivations the endings cannot find, or would find wrongly.
_IRREGULAR = {
    "death": "die", "dead": "die", "birth": "bear", "loss": "lose", "sale": "sell", "growth": "grow",
    "proof": "prove", "choice": "choose", "flight": "fly", "success": "succeed", "entry": "enter",
    "efficacy": "effective", "efficacious": "effective", "effectiveness": "effective", "expiry": "expire",
    "usage": "use", "licence": "license",
}
# British spellings that the dictionary knows under their American form.
_SPELLINGS = ((re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"), (re.compile(r"ys(e|ed|es|ing|is)$"), r"yz\1"), (re.compile(r"our"), "or"),
              (re.compile(r"ae"), "e"), (re.compile(r"oe(?=[a-z])"), "e"), (re.compile(r"tre$"), "ter"))
_NOT_DERIVED = frozenset(
    "station nation ration population signal total portal hospital interval national rational medical clinical "
    "potential initial original trial official critical general several dental mental vital capital central "
    "normal formal animal manual annual natural physical chemical surgical typical usual local oral virtual "
    "individual additional conditional professional traditional international material period region "
    "fashion question position condition nutrition function session mission version passion pension tension "
    "lotion motion notion portion potion mention edition addition tradition ambition religion opinion onion "
    "million billion trillion page image message stage village courage average percentage language "
    "nature feature culture future picture mixture lecture literature temperature procedure pressure "
    "measure moisture posture structure sure pure cure figure injure ensure leisure century history story "
    "category memory inventory theory factory territory laboratory battery surgery gallery lottery mystery "
    "evidence science experience audience sentence conference reference licence license distance instance "
    "balance chance finance province romance substance sequence influence violence presence essence patience "
    "fence commence silence absence prevalence incidence confidence intelligence frequence".split()
)


@lru_cache(maxsize=1)
def _dictionary():
    from lemminflect import getAllInflections, getAllLemmas

    return getAllLemmas, getAllInflections


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary lemma of a word, lower case; a verb reading first ("used" -> use)."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("n't"):
        return "not"
    if lower.endswith("'s"):
        lower = lower[:-2]
    lemmas, _ = _dictionary()
    found = lemmas(_american(lower))
    if not found:
        return lower
    for pos in ("VERB", "NOUN", "ADJ", "ADV", "AUX"):
        if pos in found:
            return found[pos][0]
    return next(iter(found.values()))[0]


def _american(word: str) -> str:
    """The American spelling of a British one, when the dictionary knows it ("anaesthetic")."""
    lemmas, _ = _dictionary()
    for pattern, replacement in _SPELLINGS:
        if pattern.search(word):
            american = pattern.sub(replacement, word)
            if lemmas(american):
                return american
    return word


@lru_cache(maxsize=20_000)
def surface_starts(word_key: str, length: int = 4) -> frozenset[str]:
    """The first letters of the words a key can stand for: its own, its inflections' ("took"
    for take) and those of the irregular words filed under it ("death" for die). A cheap
    text search for these finds every word with that key, misspellings aside."""
    _, inflections = _dictionary()
    forms = {word_key, *(w for forms in inflections(word_key).values() for w in forms)}
    for irregular, family in _IRREGULAR.items():
        if family == word_key:
            forms |= {irregular, *(w for f in inflections(irregular).values() for w in f)}
    return frozenset(f.lower()[:length] for f in forms)


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The word family a word belongs to: its lemma, or the verb a noun is made from."""
    base = lemma(word)
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if len(base) < 6 or base in _NOT_DERIVED:
        return base
    _, inflections = _dictionary()
    for ending, replacements in _DERIVATIONS:
        if base.endswith(ending):
            stem = base[: -len(ending)]
            for replacement in replacements:
                verb = stem + replacement
                if len(verb) >= 3 and verb != base and (inflections(verb, upos="VERB") or
                                                         (ending in ("ness", "ability", "ivity") and inflections(verb, upos="ADJ"))):
                    return verb
                if len(stem) >= 3 and stem[-1] == stem[-2] and replacement == "":  # occurrence -> occur
                    verb = stem[:-1]
                    if inflections(verb, upos="VERB"):
                        return verb
            break
    return base


@lru_cache(maxsize=200_000)
def readings(word: str) -> frozenset[str]:
    """The parts of speech the dictionary knows a word as ("VERB", "NOUN", …), cached: the
    dictionary copies its answer on every call."""
    lemmas, _ = _dictionary()
    return frozenset(lemmas(word.lower()))


@lru_cache(maxsize=200_000)
def known(word: str) -> bool:
    """Whether the dictionary knows the word (a real English word, not a name or a typo)."""
    lemmas, _ = _dictionary()
    return bool(lemmas(word.lower()))


def words(text: str) -> list[re.Match[str]]:
    """The words of a text; a hyphen separates words ("FDA-approved" is FDA, approved)."""
    return list(WORD.finditer(text))


def keys(text: str) -> tuple[str, ...]:
    """The keys of a phrase's words, in order."""
    return tuple(key(m.group()) for m in WORD.finditer(text))


@lru_cache(maxsize=100_000)
def _typo(lower: str, candidates: tuple[str, ...], threshold: float) -> str | None:
    if len(lower) < 6 or known(lower):
        return None
    from rapidfuzz import fuzz, process

    # A typo keeps the word's first letter: "affective" is not a misspelt "effective".
    best = process.extractOne(lower, [c for c in candidates if len(c) >= 6 and c[0] == lower[0]], scorer=fuzz.ratio,
                              score_cutoff=threshold)
    return best[0] if best else None


def typo_of(word: str, spelling: "Spelling", threshold: float | None = None) -> str | None:
    """The rule word a misspelt source word stands for: only a word the dictionary does not
    know, of six letters or more, against rule words of six or more, at a high rapidfuzz
    ratio and with the same first letter ("inagurated" for "inaugurated"; never "affective"
    for "effective")."""
    return _typo(word.lower(), spelling.words, spelling.threshold if threshold is None else threshold)


class Spelling(dict):
    """The rules' words as written (lower case) -> their keys, for typo tolerance."""

    def __init__(self, phrases, threshold: float = 88.0):
        super().__init__()
        self.threshold = threshold
        for phrase in phrases:
            for match in WORD.finditer(phrase):
                lower = match.group().lower()
                if len(lower) >= 6:
                    self[lower] = key(lower)
        self.words = tuple(sorted(self))

    def __hash__(self):  # one per run, compared by identity
        return id(self)


# Words that carry no fact: question frames, articles, auxiliaries, prepositions.
STOP = frozenset(
    "a an the of in on at to for from by with about as and or but nor so if than then that this these those "
    "which who whom whose what when where why how be have do will would shall should "
    "can could may might must it its it's they them their there here is are was were been being has had does did "
    "he she his her we our you your i me my not no any some each every all both either neither one such "
    "into onto over under after before since until during per via also only just very more most less least "
    "up down out off "
    "first-ever ever usually typically generally approximately about around".split()
)
# Verbs that say little alone ("make up", "take", "get"): they weigh less in a rule.
LIGHT = frozenset("make take get go come become put keep let seem give show find".split())
NEGATORS = frozenset("not n't no never neither nor without cannot none nobody nothing fail unable".split())
