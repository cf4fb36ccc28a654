"""Find phrases (subjects, cues, context terms) in sentences, tolerant of wording.

Words are compared by a light stem ("approved", "approval", "approving" -> "approv"),
hyphens split words ("FDA-approved" = "FDA approved"), and rapidfuzz's ratio on the
stemmed words forgives typos ("aproved"). A phrase of n words matches a run of n words
of a sentence, each word against the word at its place, so a match has an exact token span.

Speed: the Vocabulary decides once per distinct word whether it matters (its stem is
similar to a phrase's anchor, its longest word); a document is indexed in one pass that
keeps only those words' occurrences, by sentence; a sentence is tokenized only when a
phrase is looked for in it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .segment import Marks

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


class Vocabulary:
    """Which words matter to the rules, decided once per word per process.

    Each distinct word is stemmed once, and each new stem is fuzzily scored (one
    rapidfuzz batch call per watched word) against the words the rules' phrases use.
    A document's index then keeps only the occurrences of words that matched: most
    words of a text are never looked at again. Vocabularies of a corpus overlap
    heavily, so after the first few documents almost every word is already known.

    Texts are first cut at white space (much faster than any word pattern): a piece
    seen before ("bridge," "1884.") is known to hold no kept word or which ones it
    holds, and only new pieces are split into words.
    """

    MAX_WORDS = 2_000_000  # forget everything past this many distinct words and pieces (a crawl's long tail)

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.stem_of: dict[str, str] = {}  # every word seen -> its stem
        self.kept: set[str] = set()  # words whose stem matches an anchor
        self.stems: set[str] = set()  # every stem seen
        self.relevant: set[str] = set()  # stems that match an anchor
        self.matches: dict[tuple[str, float], dict[str, float]] = {}  # (word, cutoff) -> {stem: score}
        self.anchors: set[tuple[str, float]] = set()  # the words whose occurrences documents index
        self.watchlists: set[Watchlist] = set()
        self._forget_pieces()

    def _forget_pieces(self) -> None:
        self.kept_in: dict[str, tuple[str, ...]] = {}  # every white-space piece seen -> the kept words in it
        self.pieces_kept: set[str] = set()  # the pieces holding a kept word

    def watch(self, watchlist: "Watchlist") -> None:
        """Score words asked about for the first time against every stem seen so far;
        the stems similar to an anchor make their words kept."""
        if watchlist in self.watchlists:
            return
        self.watchlists.add(watchlist)
        stems = None
        for key in watchlist.words:
            if key not in self.matches:
                stems = list(self.stems) if stems is None else stems
                self.matches[key] = _score(key[0], key[1], stems)
        newly_relevant = set()
        for key in watchlist.anchors - self.anchors:
            self.anchors.add(key)
            newly_relevant.update(self.matches[key].keys() - self.relevant)
        if newly_relevant:
            self.relevant |= newly_relevant
            self.kept.update(w for w, s in self.stem_of.items() if s in newly_relevant)
            self._forget_pieces()  # what a piece holds is worked out again when next met

    def learn(self, words: set[str]) -> None:
        """Stem words never seen before and score their new stems against every watched word."""
        new_stems = set()
        for word in words:
            word_stem = self.stem_of[word] = stem(word)
            if word_stem not in self.stems:
                new_stems.add(word_stem)
        if new_stems:
            self.stems |= new_stems
            batch = list(new_stems)
            for key, found in self.matches.items():
                more = _score(key[0], key[1], batch)
                if more:
                    found.update(more)
                    if key in self.anchors:
                        self.relevant.update(more)
        self.kept.update(w for w in words if self.stem_of[w] in self.relevant)

    def _learn_pieces(self, pieces: set[str]) -> None:
        words_in = {piece: _WORD.findall(piece) for piece in pieces}
        words = {word for found in words_in.values() for word in found}
        unseen = words.difference(self.stem_of)
        if unseen:
            self.learn(unseen)
        kept = self.kept
        for piece, found in words_in.items():
            held = tuple(word for word in found if word in kept)
            self.kept_in[piece] = held
            if held:
                self.pieces_kept.add(piece)

    def _forget(self) -> None:
        watchlists = self.watchlists
        self.clear()
        for watchlist in watchlists:
            self.watch(watchlist)

    def occurrences(self, text: str) -> list[tuple[int, str]]:
        """(offset, stem) of every word of `text` whose stem matches an anchor.

        The pieces are listed in one C-speed pass; only the few kept words are then
        looked for (str.find), each hit checked to be a whole word as `_WORD` reads it.
        """
        pieces = set(text.split())
        if len(self.stem_of) + len(self.kept_in) + len(pieces) > self.MAX_WORDS:
            self._forget()
        unseen = pieces.difference(self.kept_in)
        if unseen:
            self._learn_pieces(unseen)
        words = set()
        for piece in pieces.intersection(self.pieces_kept):
            words.update(self.kept_in[piece])
        hits = []
        for word in words:
            word_stem, size = self.stem_of[word], len(word)
            at = text.find(word)
            while at >= 0:
                if _whole_word(text, at, at + size):
                    hits.append((at, word_stem))
                at = text.find(word, at + size)
        hits.sort()
        return hits


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a word of its own, not part of a longer one ("don't", "reopened")."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or (before in "'’" and start > 1 and text[start - 2].isalnum()):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or (after in "'’" and end + 1 < len(text) and text[end + 1].isalnum()):
            return False
    return True


def _score(word: str, cutoff: float, stems: list[str]) -> dict[str, float]:
    if cutoff >= 100:
        return {word: 100.0} if word in stems else {}
    return {found: score for found, score, _ in process.extract(word, stems, scorer=fuzz.ratio,
                                                                 score_cutoff=cutoff, limit=None)}


VOCABULARY = Vocabulary()


@lru_cache(maxsize=4096)
def anchor(phrase: str) -> int:
    """The word of a phrase its matches are found by: the longest (usually the rarest),
    so "the bridge" is looked for where "bridge" occurs, not at every "the"."""
    stems = phrase_stems(phrase)
    return max(range(len(stems)), key=lambda i: (len(stems[i]), -i)) if stems else 0


@dataclass(frozen=True)
class Watchlist:
    """The (stem, cutoff) pairs an index must know to find a set of phrases: the anchors,
    whose occurrences it indexes, and every word, anchors included, checked in place."""

    anchors: frozenset
    words: frozenset
    subjects: frozenset = frozenset()  # the anchors of the subjects' phrases
    reach: int = 0  # the widest subject window: how many sentences after a subject a statement may be

    @classmethod
    def of(cls, groups, subjects=(), reach: int = 0) -> "Watchlist":
        """From (phrases, threshold) groups; `subjects`, groups of those, are the subjects'."""
        subjects = list(subjects)
        anchors, words = set(), set()
        for phrases, threshold in [*groups, *subjects]:
            for phrase in phrases:
                for i, word in enumerate(phrase_stems(phrase)):
                    key = (word, _cutoff(word, threshold))
                    words.add(key)
                    if i == anchor(phrase):
                        anchors.add(key)
        subject_anchors = {(stems[anchor(p)], _cutoff(stems[anchor(p)], threshold))
                           for phrases, threshold in subjects for p in phrases if (stems := phrase_stems(p))}
        return cls(frozenset(anchors), frozenset(words), frozenset(subject_anchors), reach)

    def marks(self, occurrences: list[tuple[int, str]], vocabulary: Vocabulary) -> Marks:
        """Where a document's indexed words are, and which of them may name a subject."""
        named = set()  # the stems similar to a subject's anchor, so far
        for key in self.subjects:
            named.update(vocabulary.matches[key])
        return Marks([offset for offset, _ in occurrences],
                     [offset for offset, word_stem in occurrences if word_stem in named], self.reach)


class DocumentIndex:
    """Where each word that matters to the rules occurs in a document.

    Built in one pass over the whole text: a word's occurrences are kept only when the
    vocabulary says its stem matches the anchor (longest word) of a phrase, by sentence.
    Finding a phrase starts from its anchor's similar stems; only the sentences
    holding one are tokenized (`TokenizedText`), to check the phrase's other words
    around it and to give token positions. Each word of the phrase must match the
    word at its place in the sentence.
    """

    def __init__(self, text: str, sentences, watchlist: Watchlist, vocabulary: Vocabulary = VOCABULARY,
                 occurrences: list[tuple[int, str]] | None = None):
        """`occurrences`: the vocabulary's occurrences in `text`, when already found."""
        self.sentences = sentences
        self.document_text = text
        self.anchors, self.watched = watchlist.anchors, watchlist.words
        vocabulary.watch(watchlist)
        self.vocabulary = vocabulary
        starts = sentences.starts
        self.where: dict[str, list[tuple[int, int]]] = {}  # stem -> [(sentence, offset in the text)]
        self.in_sentence: dict[int, list[tuple[int, str]]] = {}  # sentence -> [(offset in the text, stem)]
        for offset, word_stem in vocabulary.occurrences(text) if occurrences is None else occurrences:
            s = bisect_right(starts, offset) - 1
            self.where.setdefault(word_stem, []).append((s, offset))
            self.in_sentence.setdefault(s, []).append((offset, word_stem))
        self._texts: dict[int, TokenizedText] = {}
        self._similar: dict[tuple[str, float], dict[str, float]] = {}
        self._found: dict[tuple, object] = {}

    def text(self, index: int) -> TokenizedText:
        """Sentence `index`, tokenized (once, on first use)."""
        text = self._texts.get(index)
        if text is None:
            text = self._texts[index] = TokenizedText(self.sentences[index].text)
        return text

    def similar(self, word_stem: str, threshold: float) -> dict[str, float]:
        """Stems of this document that match an anchor word, with their scores."""
        key = (word_stem, _cutoff(word_stem, threshold))
        found = self._similar.get(key)
        if found is None:
            matches = self.vocabulary.matches[self._watched(key, self.anchors)]
            found = self._similar[key] = {v: score for v, score in matches.items() if v in self.where}
        return found

    def scores(self, word_stem: str, threshold: float) -> dict[str, float]:
        """Every stem known to match a word, with its score (for words checked in place)."""
        key = (word_stem, _cutoff(word_stem, threshold))
        return self.vocabulary.matches[self._watched(key, self.watched)]

    @staticmethod
    def _watched(key, watched):
        if key not in watched:
            raise ValueError(f"'{key[0]}' was not indexed at cutoff {key[1]}: "
                             "build the index with the rules whose phrases are looked up")
        return key

    def sentences_with(self, phrases: tuple[str, ...], threshold: float) -> dict[int, str]:
        """Sentence index -> the phrase found in it: of the phrases of several words, the
        leftmost (then the best scored, then the first listed); else the first one-word
        phrase listed.

        Cheaper than `find`: no sentence is tokenized. One-word phrases (a subject like
        "ketamine" occurs everywhere) are their anchor's occurrences; a longer phrase
        is checked by reading just the words around each occurrence of its anchor.
        """
        key = (phrases, threshold, "sentences")
        if key not in self._found:
            first: dict[int, tuple] = {}
            for order, phrase in enumerate(phrases):
                stems = phrase_stems(phrase)
                if not stems:
                    continue
                at = anchor(phrase)
                for found_stem, anchor_score in self.similar(stems[at], threshold).items():
                    for s, offset in self.where[found_stem]:
                        if len(stems) == 1:
                            place = (1, order, 0, 0, phrase)
                        else:
                            place = self._phrase_around(phrase, stems, at, threshold, s, offset, anchor_score, order)
                        if place is not None and (s not in first or place < first[s]):
                            first[s] = place
            self._found[key] = {s: place[-1] for s, place in first.items()}
        return self._found[key]

    def _phrase_around(self, phrase, stems, at, threshold, s, offset, anchor_score, order):
        """(0, start offset, -score, order, phrase) when the phrase's other words surround
        the anchor at `offset` within sentence s, else None."""
        text, stem_of = self.document_text, self.vocabulary.stem_of
        scores = [anchor_score]
        start = offset
        if at:
            before = list(_WORD.finditer(text, self.sentences.starts[s], offset))[-at:]
            if len(before) < at:
                return None
            start = before[0].start()
            words = [m.group() for m in before]
        else:
            words = []
        if at < len(stems) - 1:
            after = _WORD.finditer(text, offset, self.sentences.ends[s])
            next(after)  # the anchor itself
            for _ in range(len(stems) - 1 - at):
                match = next(after, None)
                if match is None:
                    return None
                words.append(match.group())
        others = stems[:at] + stems[at + 1:]
        for word_stem, word in zip(others, words):
            score = self.scores(word_stem, threshold).get(stem_of.get(word) or stem(word))
            if score is None:
                return None
            scores.append(score)
        return 0, start, -min(scores), order, phrase

    def candidates(self, phrases: tuple[str, ...], threshold: float) -> set[int]:
        """Sentences holding the anchor of one of the phrases: where `find_in` can match."""
        key = (phrases, threshold, "candidates")
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = {
                s for phrase in phrases if (stems := phrase_stems(phrase))
                for similar in self.similar(stems[anchor(phrase)], threshold) for s, _ in self.where[similar]}
        return found

    def find(self, phrases: tuple[str, ...], threshold: float) -> dict[int, list[PhraseMatch]]:
        """Matches of any of `phrases`, by sentence index, in order within each sentence."""
        key = (phrases, threshold)
        if key not in self._found:
            found = {s: self.find_in(phrases, threshold, s) for s in sorted(self.candidates(phrases, threshold))}
            self._found[key] = {s: matches for s, matches in found.items() if matches}
        return self._found[key]

    def find_in(self, phrases: tuple[str, ...], threshold: float, index: int) -> list[PhraseMatch]:
        """Matches of any of `phrases` in sentence `index`, in order."""
        key = (phrases, threshold, index)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._find_in(phrases, threshold, index)
        return found

    def _find_in(self, phrases, threshold, index) -> list[PhraseMatch]:
        hits = self.in_sentence.get(index)
        if not hits:
            return []
        found: list[PhraseMatch] = []
        sentence_start = self.sentences.starts[index]
        for phrase in phrases:
            stems = phrase_stems(phrase)
            if not stems:
                continue
            at = anchor(phrase)
            anchors = self.similar(stems[at], threshold)
            words = None
            for offset, word_stem in hits:
                if word_stem not in anchors:
                    continue
                text = self.text(index)
                t = bisect_left(text.starts, offset - sentence_start)
                if t == len(text.starts) or text.starts[t] != offset - sentence_start:
                    continue  # not where the sentence's own tokenizing puts a word (never expected)
                if words is None:
                    words = [anchors if i == at else self.scores(word, threshold) for i, word in enumerate(stems)]
                match = _match_at(text, phrase, t - at, words)
                if match is not None:
                    found.append(match)
        found.sort(key=lambda m: (m.start, -m.score))
        return found


def _match_at(text: TokenizedText, phrase: str, first: int, words: list[dict[str, float]]) -> PhraseMatch | None:
    """The phrase at tokens first.. of the sentence, when each word matches the one at its place."""
    last = first + len(words) - 1
    if first < 0 or last >= len(text.stems):
        return None
    scores = []
    for offset, similar in enumerate(words):
        score = similar.get(text.stems[first + offset])
        if score is None:
            return None
        scores.append(score)
    return PhraseMatch(phrase, text.starts[first], text.ends[last], first, last, min(scores))
