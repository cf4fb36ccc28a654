"""The document index: it must find exactly what tokenizing every sentence would find.

The index keeps only the words whose stem matches a phrase's anchor and tokenizes a
sentence only when asked about it; these tests hold it to the plain definition (every
`_WORD` token of the text, stemmed, fuzzily compared) on sentences written here.
"""
from __future__ import annotations

import random

import pytest

from factcheck.match import _WORD, DocumentIndex, Vocabulary, Watchlist, anchor, stem
from factcheck.segment import split_sentences


def index_of(text: str, groups, vocabulary=None) -> DocumentIndex:
    sentences = split_sentences(text, lambda offset: (1, offset + 1))
    return DocumentIndex(text, sentences, Watchlist.of(groups), vocabulary or Vocabulary())


@pytest.mark.parametrize("phrase,expected", [
    ("approved", "approved"),
    ("the bridge", "bridge"),
    ("used in treatment", "treatment"),
    ("Tallis Bridge", "Tallis"),  # equal length: the first
])
def test_a_phrase_is_anchored_on_its_longest_word(phrase, expected):
    words = [m.group() for m in _WORD.finditer(phrase)]
    assert words[anchor(phrase)] == expected


WHOLE_WORDS = [
    # text, word looked for, offsets where it is a word of its own
    ("It opened in 1884; it reopened in 1990.", "opened", [3]),
    ("Open. open, OPEN open's", "open", [0, 6, 12]),  # stems are compared in lower case
    ("don't stop; don t", "don", [12]),
    ("the_bridge bridge’s bridge", "bridge", [4, 20]),
    ("x'bridge bridge'x bridge'", "bridge", [18]),
]


@pytest.mark.parametrize("text,word,offsets", WHOLE_WORDS)
def test_occurrences_are_whole_words_as_the_tokenizer_reads_them(text, word, offsets):
    vocabulary = Vocabulary()
    vocabulary.watch(Watchlist.of([((word,), 100)]))
    found = [offset for offset, found_stem in vocabulary.occurrences(text)]
    tokens = [m.start() for m in _WORD.finditer(text) if stem(m.group()) == stem(word)]
    assert found == tokens == offsets


def test_occurrences_match_the_tokenizer_on_random_text():
    rng = random.Random(7)
    pieces = ["open", "opened", "Open", "'", "’", " ", "_", "re", "s", "x", ".", "-", "é", "1884", "\n"]
    vocabulary = Vocabulary()
    vocabulary.watch(Watchlist.of([(("opened",), 85)]))
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        found = vocabulary.occurrences(text)
        expected = [(m.start(), stem(m.group())) for m in _WORD.finditer(text)
                    if stem(m.group()) in vocabulary.relevant]
        assert found == expected, text


def test_a_typo_met_before_the_rule_asks_for_the_word_is_still_found():
    vocabulary = Vocabulary()
    vocabulary.occurrences("The bridge was aproved long ago.")  # words learnt, nothing watched yet
    index = index_of("The bridge was aproved in 1884.", [(("approved",), 85)], vocabulary)
    (match,) = index.find(("approved",), 85)[0]
    assert (match.phrase, match.start, match.end) == ("approved", 15, 22)


def test_a_word_met_after_the_rule_is_scored_when_first_seen():
    vocabulary = Vocabulary()
    index_of("Nothing here.", [(("approved",), 85)], vocabulary)
    index = index_of("Nothing here. It was aproved in 1884.", [(("approved",), 85)], vocabulary)
    assert list(index.find(("approved",), 85)) == [1]


@pytest.mark.parametrize("text,phrase,sentences", [
    ("The Tallis Bridge opened. A bridge in Tallis closed.", "Tallis Bridge", [0]),
    ("It is the bridge. The bridge opened.", "the bridge", [0, 1]),
    ("Bridge the gap. The bridges opened.", "the bridge", [1]),
    ("Ketamine was first used in humans in 1964.", "first used in humans", [0]),
    ("Humans first used it in 1964.", "first used in humans", []),
])
def test_multi_word_phrases_need_every_word_in_place(text, phrase, sentences):
    index = index_of(text, [((phrase,), 85)])
    assert sorted(index.find((phrase,), 85)) == sentences
    assert sorted(index.sentences_with((phrase,), 85)) == sentences


def test_asking_for_a_phrase_the_index_was_not_built_for_is_an_error():
    index = index_of("The bridge opened in 1884.", [(("opened",), 85)])
    with pytest.raises(ValueError, match="not indexed"):
        index.find(("closed",), 85)


def test_the_vocabulary_forgets_past_its_limit_and_still_finds_words():
    vocabulary = Vocabulary()
    vocabulary.MAX_WORDS = 5
    vocabulary.watch(Watchlist.of([(("opened",), 85)]))
    for n in range(20):
        text = f"word{n} other{n} more{n} It opened in 1884."
        assert [text[o:o + 6] for o, _ in vocabulary.occurrences(text)] == ["opened"]
    assert len(vocabulary.stem_of) <= 5 + 6


@pytest.mark.parametrize("text,subject,expected", [
    ("Ketalar, or ketamine, was approved.", ("ketamine", "Ketalar"), "ketamine"),  # one-word: the first listed
    ("Stoulcovon, the Stoulcovon Logistics firm, grew.", ("Stoulcovon Logistics", "Stoulcovon"),
     "Stoulcovon Logistics"),  # a phrase of several words before any one-word phrase
    ("The Tallis crossing, or Tallis Bridge, opened.", ("Tallis Bridge", "Tallis crossing"), "Tallis crossing"),
])
def test_the_subject_named_is_the_one_reported(text, subject, expected):
    index = index_of(text, [(subject, 90)])
    assert index.sentences_with(subject, 90) == {0: expected}
