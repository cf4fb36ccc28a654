"""Find phrases (subjects, cues, context terms) in sentences, tolerant of wording.

Words are compared by a light stem ("approved", "approval", "approving" -> "approv"),
hyphens split words ("FDA-approved" = "FDA approved"), and rapidfuzz's ratio on the
stemmed words forgives typos ("aproved"). A phrase of n words is compared with each
run of n words in the sentence, so a match has an exact token span.
"""
from __future__ import annotations

import re
from bisect import bisect_right
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
class PhraseMatch:
    phrase: str
    start: int  # character offsets in the sentence
    end: int
    first_token: int
    last_token: int
    score: float


class TokenizedText:
    """A sentence's words: parallel lists of start, end and stem, computed once for all rules."""

    __slots__ = ("text", "starts", "ends", "stems")

    def __init__(self, text: str):
        self.text = text
        words = list(_WORD.finditer(text))
        self.starts = [m.start() for m in words]
        self.ends = [m.end() for m in words]
        self.stems = [stem(m.group()) for m in words]

    def token_at(self, offset: int) -> int:
        """Index of the word ending after a character offset (len(words) past the end)."""
        return bisect_right(self.ends, offset)


@lru_cache(maxsize=4096)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The stemmed words of a phrase."""
    return tuple(stem(m.group()) for m in _WORD.finditer(phrase))


def _cutoff(word_stem: str, threshold: float) -> float:
    # Short stems must match exactly: a typo allowance of one letter in three
    # would turn "TRD" into "TRH" and "use" into "us".
    return 100 if len(word_stem) <= 4 else threshold


class _SharedScores:
    """Fuzzy scores of cue words against every stem seen so far, shared by all documents.

    Vocabularies overlap heavily, so each (word, stem) pair is scored once per process:
    a new document's unseen stems are scored against every word asked for so far, and
    a word asked for the first time is scored against every stem seen so far.
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.matches: dict[tuple[str, float], dict[str, float]] = {}

    def add_vocabulary(self, vocabulary: set[str]) -> None:
        new = list(vocabulary - self.seen)
        if new:
            self.seen.update(new)
            for (word, cutoff), matches in self.matches.items():
                matches.update(_score(word, cutoff, new))

    def similar(self, word: str, cutoff: float) -> dict[str, float]:
        key = (word, cutoff)
        if key not in self.matches:
            self.matches[key] = _score(word, cutoff, list(self.seen))
        return self.matches[key]


def _score(word: str, cutoff: float, stems: list[str]) -> dict[str, float]:
    return {found: score for found, score, _ in process.extract(word, stems, scorer=fuzz.ratio,
                                                                 score_cutoff=cutoff, limit=None)}


_SHARED = _SharedScores()


class DocumentIndex:
    """Where each word stem occurs in a document, so phrases are found in one pass.

    Fuzzy comparison runs once per distinct stem of the document (a rapidfuzz batch
    call over its vocabulary), not once per sentence: a cue's first word is looked up
    in the vocabulary, then each occurrence of a similar stem is extended word by word.
    Each word of the phrase must match the word at its place in the sentence.
    """

    def __init__(self, texts: list[TokenizedText]):
        self.texts = texts
        self.where: dict[str, list[tuple[int, int]]] = {}
        for s, text in enumerate(texts):
            for t, word_stem in enumerate(text.stems):
                self.where.setdefault(word_stem, []).append((s, t))
        _SHARED.add_vocabulary(self.where.keys())
        self._similar: dict[tuple[str, float], dict[str, float]] = {}
        self._found: dict[tuple, dict] = {}

    def similar(self, word_stem: str, threshold: float) -> dict[str, float]:
        """Stems of this document that match a word, with their scores."""
        cutoff = _cutoff(word_stem, threshold)
        key = (word_stem, cutoff)
        if key not in self._similar:
            if cutoff >= 100:
                self._similar[key] = {word_stem: 100.0} if word_stem in self.where else {}
            else:
                matches = _SHARED.similar(word_stem, cutoff)
                self._similar[key] = {v: score for v, score in matches.items() if v in self.where}
        return self._similar[key]

    def sentences_with(self, phrases: tuple[str, ...], threshold: float) -> dict[int, str]:
        """Sentence index -> the first phrase found in it; cheaper than `find` for one-word
        phrases (a subject like "ketamine" occurs everywhere), which need no extending."""
        key = (phrases, threshold, "sentences")
        if key not in self._found:
            found: dict[int, str] = {}
            multi = tuple(p for p in phrases if len(phrase_stems(p)) > 1)
            for index, matches in self.find(multi, threshold).items():
                found.setdefault(index, matches[0].phrase)
            for phrase in phrases:
                stems = phrase_stems(phrase)
                if len(stems) == 1:
                    for head in self.similar(stems[0], threshold):
                        for s, _ in self.where[head]:
                            found.setdefault(s, phrase)
            self._found[key] = found
        return self._found[key]

    def find(self, phrases: tuple[str, ...], threshold: float) -> dict[int, list[PhraseMatch]]:
        """Matches of any of `phrases`, by sentence index, in order within each sentence."""
        key = (phrases, threshold)
        if key not in self._found:
            self._found[key] = self._find(phrases, threshold)
        return self._found[key]

    def _find(self, phrases, threshold) -> dict[int, list[PhraseMatch]]:
        found: dict[int, list[PhraseMatch]] = {}
        for phrase in phrases:
            stems = phrase_stems(phrase)
            if not stems:
                continue
            following = [self.similar(word, threshold) for word in stems[1:]]
            for head, head_score in self.similar(stems[0], threshold).items():
                for s, t in self.where[head]:
                    match = self._extend(phrase, s, t, head_score, following)
                    if match is not None:
                        found.setdefault(s, []).append(match)
        for matches in found.values():
            matches.sort(key=lambda m: (m.start, -m.score))
        return found

    def _extend(self, phrase, s, t, head_score, following) -> PhraseMatch | None:
        text = self.texts[s]
        if not following:
            return PhraseMatch(phrase, text.starts[t], text.ends[t], t, t, head_score)
        if t + len(following) >= len(text.stems):
            return None
        scores = [head_score]
        for offset, similar in enumerate(following, start=1):
            score = similar.get(text.stems[t + offset])
            if score is None:
                return None
            scores.append(score)
        last = t + len(following)
        return PhraseMatch(phrase, text.starts[t], text.ends[last], t, last, min(scores))
