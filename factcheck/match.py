"""Find phrases (subjects, cues, context terms) in sentences, tolerant of wording.

Words are compared by a light stem ("approved", "approval", "approving" -> "approv"),
hyphens split words ("FDA-approved" = "FDA approved"), and rapidfuzz's ratio on the
stemmed words forgives typos ("aproved"). A phrase of n words is compared with each
run of n words in the sentence, so a match has an exact token span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SUFFIXES = (
    "izations", "ization", "ational", "ations", "ation", "ments", "ment", "ness",
    "ings", "ing", "ions", "ion", "ives", "ive", "ies", "ied", "ed", "es", "al", "ly", "s", "e",
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, predictable stem: lower case minus one common suffix, keeping 4+ letters."""
    word = word.lower().replace("’", "'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    stem: str


@dataclass(frozen=True)
class PhraseMatch:
    phrase: str
    start: int  # character offsets in the sentence
    end: int
    first_token: int
    last_token: int
    score: float


class TokenizedText:
    """A sentence's tokens and its n-word windows, computed once for all rules."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = tuple(Token(m.start(), m.end(), stem(m.group())) for m in _WORD.finditer(text))
        self._windows: dict[int, list[str]] = {}

    def windows(self, size: int) -> list[str]:
        if size not in self._windows:
            stems = [t.stem for t in self.tokens]
            self._windows[size] = [" ".join(stems[i : i + size]) for i in range(len(stems) - size + 1)]
        return self._windows[size]

    def token_at(self, offset: int) -> int:
        """Index of the token at or after a character offset (len(tokens) past the end)."""
        for i, token in enumerate(self.tokens):
            if token.end > offset:
                return i
        return len(self.tokens)


@lru_cache(maxsize=4096)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The stemmed words of a phrase."""
    return tuple(stem(m.group()) for m in _WORD.finditer(phrase))


def _cutoff(word_stem: str, threshold: float) -> float:
    # Short stems must match exactly: a typo allowance of one letter in three
    # would turn "TRD" into "TRH" and "use" into "us".
    return 100 if len(word_stem) <= 4 else threshold


def find_phrases(text: TokenizedText, phrases: tuple[str, ...], threshold: float) -> list[PhraseMatch]:
    """Every occurrence of any of `phrases` in the text, best score first per place.

    Each word of the phrase must match the word at its place in the sentence:
    rapidfuzz finds where the first word matches (one batch call over all the
    sentence's words), then the following words are compared one by one.
    """
    matches: list[PhraseMatch] = []
    words = text.windows(1)
    for phrase in phrases:
        stems = phrase_stems(phrase)
        if not stems or len(stems) > len(words):
            continue
        head = process.extract(stems[0], words, scorer=fuzz.ratio, score_cutoff=_cutoff(stems[0], threshold), limit=None)
        for _, head_score, index in head:
            scores = [head_score]
            for offset, word_stem in enumerate(stems[1:], start=1):
                if index + offset >= len(words):
                    break
                score = fuzz.ratio(word_stem, words[index + offset], score_cutoff=_cutoff(word_stem, threshold))
                if not score:
                    break
                scores.append(score)
            if len(scores) == len(stems):
                first, last = text.tokens[index], text.tokens[index + len(stems) - 1]
                matches.append(PhraseMatch(phrase, first.start, last.end, index, index + len(stems) - 1, min(scores)))
    matches.sort(key=lambda m: (m.start, -m.score))
    return matches
