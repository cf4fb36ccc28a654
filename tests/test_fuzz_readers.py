"""Hypothesis over the value readers and the byte decoders: any text gives a value of the
kind or none (a tolerance: a number or a ValueError), any bytes give text or a SourceError,
any page gives readable text whose anchors point inside the file — never another exception."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import kinds, readers
from factcheck.errors import SourceError
from factcheck.sources import decode_text

BITS = st.sampled_from(["1", "9" * 30, "1e400", "1.0e+400", ".", ",", "%", "-", "–", " ", "mg", "kg/m²", "years",
                        "1962", "March", "30", "Feb", "½", "٣", "billion", "per", "/", "to", "about", "inf", "nan",
                        "0x1F", "1_000", "\u00a0", "e", "+", "(", ")", "<", "&amp;", "](", "![", "\r\n", "\x00"])
TEXT = st.lists(st.one_of(BITS, st.text(max_size=4)), max_size=14).map("".join)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(kinds.KINDS))
def test_a_kind_reads_any_text_as_a_value_or_none(name):
    kind = kinds.get(name)

    @FUZZ
    @given(TEXT)
    def reads(text):
        value = kind.parse(text)
        assert value is None or value.kind == kind.NAME
        try:
            assert kind.tolerance(text) >= 0
        except ValueError:
            pass

    reads()


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_decode_to_text_or_a_named_problem(data):
    try:
        text, encoding = decode_text(data, "f.txt")
    except SourceError as problem:
        assert problem.path == "f.txt"
    else:
        assert isinstance(text, str) and text.strip() and isinstance(encoding, str)


@pytest.mark.parametrize("fmt", sorted(readers.READERS))
def test_any_page_reads_with_anchors_inside_the_file(fmt):
    @FUZZ
    @given(TEXT)
    def reads(content):
        readable = readers.get(fmt)(content)
        lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for offset, line, column in readable.anchors:
            assert 0 <= offset <= len(readable.text) and 1 <= line <= len(lines)
            assert 1 <= column <= len(lines[line - 1]) + 1

    reads()
