"""Sentence splitting on scraped and hard-wrapped text: text -> expected sentences."""
from __future__ import annotations

import re

import pytest

from factcheck.readers import plain
from factcheck.segment import split_sentences


def sentences(text: str) -> list[str]:
    readable = plain.read(text)
    return [s.text for s in split_sentences(readable.text, lambda o: (1, o + 1))]


CASES = [
    ("two sentences", "Ketamine was first created in 1962. It was approved in 1970.",
     ["Ketamine was first created in 1962.", "It was approved in 1970."]),
    ("question glued to next", "What Causes Depression?Depression is complex.",
     ["What Causes Depression?", "Depression is complex."]),
    ("abbreviations", "Dr. Brian Johns wrote it in the U.S. in 2020. Aug. 3, 2020 was a Monday.",
     ["Dr. Brian Johns wrote it in the U.S. in 2020.", "Aug. 3, 2020 was a Monday."]),
    ("decimal stays", "The dose was 0.5mg of drug per 1 kg. Then more.", ["The dose was 0.5mg of drug per 1 kg.", "Then more."]),
    ("footnote after stop", "The results are promising.(1)\nNext paragraph here.",
     ["The results are promising.(1)", "Next paragraph here."]),
    ("footnote marker glued after the stop", "Dosing was weekly.(12) Weather permitting, visits resumed.",
     ["Dosing was weekly.(12)", "Weather permitting, visits resumed."]),
    ("headings are their own sentence", "Nasal Spray\n\nThe brand name is Spravato.", ["Nasal Spray", "The brand name is Spravato."]),
    ("bullets", "Others include:\n  • Sadness\n  • Irritability", ["Others include:", "• Sadness", "• Irritability"]),
    ("hard-wrapped sentence joins lines",
     "Esketamine nasal spray was approved by the FDA for treatment-resistant\ndepression in 2019. Another one.",
     ["Esketamine nasal spray was approved by the FDA for treatment-resistant\ndepression in 2019.", "Another one."]),
    ("quote closes sentence", "He said “it works.” Then he left.", ["He said “it works.”", "Then he left."]),
    ("a short wrapped first line ending on a preposition joins",
     "Esketamine was approved by the FDA in 2017 for\ntreatment-resistant depression in adults.",
     ["Esketamine was approved by the FDA in 2017 for\ntreatment-resistant depression in adults."]),
    ("captions, one short line each, join while the next starts in lower case",
     "Ketamine has been used\nfor over 3,000\nyears in some form",
     ["Ketamine has been used\nfor over 3,000\nyears in some form"]),
    ("a year alone on a line is joined to the entry under it",
     "1996\nThe FDA approves Lipitor.\n2011\nGeneric versions go on sale.",
     ["1996\nThe FDA approves Lipitor.", "2011\nGeneric versions go on sale."]),
    ("table rows never join", "Year | Event\n1996 | FDA approval\n2011 | First generic",
     ["Year | Event", "1996 | FDA approval", "2011 | First generic"]),
    ("a long line without final punctuation before a capital stands alone",
     "Approximately 3 million people around the globe depend on a pacemaker today\nWorldwide about a million are fitted each year",
     ["Approximately 3 million people around the globe depend on a pacemaker today",
      "Worldwide about a million are fitted each year"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_and_lines_point_back_into_the_file():
    text = "Title\n\nFirst one here. Second one\nis wrapped across lines of a long paragraph text.\n"
    readable = plain.read(text)
    from factcheck.model import Document, Source

    doc = Document(Source("x", "x.txt"), readable.text, (), readable.anchors)
    found = split_sentences(readable.text, doc.locate)
    second = found[2]
    assert readable.text[second.start:second.end] == second.text
    assert (second.line, second.column) == (3, 17)
    assert doc.locate(text.index("wrapped")) == (4, 4)


def test_sentences_are_made_on_demand_and_behave_like_a_tuple():
    text = "One here. Two there.\n\nThree after a blank line."
    found = split_sentences(text, lambda o: (1, o + 1))
    texts = ["One here.", "Two there.", "Three after a blank line."]
    assert len(found) == 3
    assert [s.text for s in found] == texts
    assert found[-1].text == texts[-1] and found[-1].index == 2 and found[-1].paragraph == 1
    assert [s.text for s in found[1:]] == texts[1:]
    assert found[0] is found[0]  # made once
    assert found == tuple(found)
    with pytest.raises(IndexError):
        found[3]


def reference_sentences(text: str) -> list[tuple[int, int, int]]:
    """The splitting rules written plainly (the first implementation), as an oracle for the
    fast one: paragraphs at blank lines, blocks of lines that continue each other, ends
    at _END matches that do not follow an abbreviation, each piece trimmed."""
    import re

    from factcheck.segment import _BLANK, _END, ABBREVIATIONS, _continues

    spans = []
    paragraph_start = 0
    bounds = [(m.start(), m.end()) for m in _BLANK.finditer(text)] + [(len(text), len(text))]
    for paragraph, (blank_start, blank_end) in enumerate(bounds):
        start, end = paragraph_start, blank_start
        paragraph_start = blank_end
        lines, block_start, pos = [], start, start
        while (newline := text.find("\n", pos, end)) >= 0:
            following_end = text.find("\n", newline + 1, end)
            if not _continues(text[pos:newline].rstrip(), text[newline + 1 : following_end if following_end >= 0 else end]):
                lines.append((block_start, newline))
                block_start = newline + 1
            pos = newline + 1
        lines.append((block_start, end))
        for block_start, block_end in lines:
            pos = block_start
            pieces = []
            for match in _END.finditer(text, block_start, block_end):
                if text[match.start()] == ".":
                    word = re.search(r"(?<![\w.])([A-Za-z][A-Za-z.]*)$", text[max(pos, match.start() - 12):match.start()])
                    token = word.group(1).lower() if word else ""
                    if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                        continue
                pieces.append((pos, match.end()))
                pos = match.end()
            pieces.append((pos, block_end))
            for s, e in pieces:
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if any(ch.isalnum() for ch in text[s:e]):
                    spans.append((s, e, paragraph))
    return spans


def test_the_fast_splitter_agrees_with_the_plain_rules_on_random_text():
    import random

    rng = random.Random(11)
    pieces = ["Dr", ".", " ", "\n", "\n\n", "A", "a", "word", "U.S", "?", "!", "(1)", "[2]", "”", "'", "•", "- ",
              "1.", "e.g", "  ", "\t", "Xy", "approx", "Longwordhere", "x.", "é", "_", "Sentence " * 8,
              ",", "(", "Mrs", "Jan", "écoleDr", "Prof", "seven77", "Ab", "abcdefg"]
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        found = [(s.start, s.end, s.paragraph) for s in split_sentences(text, lambda o: (1, o + 1))]
        assert found == reference_sentences(text), text


def test_split_with_marks_keeps_every_window_a_full_split_has():
    """Splitting only the marked paragraphs (and `reach` after a subject's) must keep the
    sentences there as a full split makes them, and the distance from a subject's sentence
    to any later marked sentence whenever it is within reach, and never bring one within
    reach."""
    import random

    from factcheck.segment import Marks, sentence_spans

    rng = random.Random(7)
    sentences_ = ["Alpha beta gamma.", "Delta rose in 1990.", "Dr. Smith left.", "Short line", "• Bullet",
                  "* * *", "Omega ends here!"]
    for _ in range(3000):
        paragraphs = [rng.choice(["* * *", "---"]) if rng.random() < 0.2 else  # paragraphs without a sentence
                      "\n".join(" ".join(rng.choice(sentences_) for _ in range(rng.randint(1, 3)))
                                for _ in range(rng.randint(1, 2))) for _ in range(rng.randint(1, 9))]
        text = "\n\n".join(paragraphs)
        starts = [m.start() for m in re.finditer(r"\w+", text)]
        words = sorted(rng.sample(starts, k=min(len(starts), rng.randint(0, 6))))
        subjects = [w for w in words if rng.random() < 0.5]
        reach = rng.randint(0, 3)
        full = list(zip(*sentence_spans(text)))
        part = list(zip(*sentence_spans(text, Marks(words, subjects, reach))))
        real = {p: i for i, p in enumerate(part)}
        assert set(real) <= set(full), text  # the sentences kept are the full split's

        def sentence_of(offset, spans):
            return max((i for i, (start, *_) in enumerate(spans) if start <= offset), default=None)

        for w in words:  # every marked word's sentence is kept
            assert full[sentence_of(w, full)] in real, (text, w)
        for s in subjects:
            for w in words:
                i, j = sentence_of(s, full), sentence_of(w, full)
                if i is None or j is None or j <= i:
                    continue
                a, b = real[full[i]], real[full[j]]
                if j - i <= reach:
                    assert b - a == j - i, (text, s, w, reach)
                else:
                    assert b - a > reach, (text, s, w, reach)
