"""Sentence splitting on scraped and hard-wrapped text: text -> expected sentences."""
from __future__ import annotations

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
