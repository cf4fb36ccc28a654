"""The one YAML loader: plain data in, every other input a FactcheckError at file:line.

Hypothesis writes YAML-ish text and whole rule files from random values; whatever it
writes, the loader returns plain data or raises the tool's own error with a line, fast
— never another exception, never a hang.
"""
from __future__ import annotations

import datetime
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import yamlfile
from factcheck.errors import FactcheckError, RuleFileError
from factcheck.rules import load_rule_file

PLAIN = (dict, list, str, int, float, bool, type(None), datetime.date, datetime.datetime)
YAML_BITS = st.sampled_from([
    "a", ": ", "\n", "- ", "  ", "[", "]", "{", "}", ",", "&x ", "*x", "!!python/object:os.system ", "!!binary ",
    "!!set ", "!!str ", "\"", "'", "\\U0011FFFF", "\\x07", "\\0", "2024-02-30", "2024-13-01", "1.0e+400", "1e400",
    "9" * 120, ".inf", ".nan", "<<: ", "---\n", "...\n", "#", "\t", "\x00", "\x1b]0;x\x07", "é", "\ud800", "~", "? ",
])


def _plain(value) -> bool:
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return isinstance(value, PLAIN)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(YAML_BITS, st.text(max_size=5)), max_size=40).map("".join))
def test_any_text_is_plain_data_or_a_located_error(text):
    started = time.perf_counter()
    try:
        data = yamlfile.load("f.yaml", FactcheckError, text)
    except FactcheckError as error:
        assert error.path == "f.yaml" and (error.line or 0) >= 1, str(error)
        assert "\n" not in error.message
    else:
        assert _plain(data)
        if isinstance(data, str):
            assert not yamlfile._CONTROL.search(data)
    assert time.perf_counter() - started < 2


VALUES = st.one_of(
    st.text(max_size=12), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.lists(st.one_of(st.text(max_size=6), st.integers()), max_size=3),
    st.sampled_from(["!!binary aGk=", "2024-02-30", "!!python/name:os.system", "[1, 2]", "{x: 1}", "'\\x00'",
                     "\"\\U0011FFFF\"", "1.0e+400", "*nowhere", "&a [*a]"]),
)
KEYS = st.sampled_from(["id", "question", "subject", "cues", "kind", "tolerance", "severity", "expected", "unit",
                        "cue_threshold", "subject_window", "max_distance", "description", "limit", "values",
                        "context", "examples", "tolerence"])


def _scalar(value) -> str:
    if isinstance(value, str) and value[:2] in ("!!", "[1", "{x", "'\\", "\"\\", "1.", "*n", "&a", "20"):
        return value
    import json

    return json.dumps(value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_any_rule_file_loads_or_names_its_line(tmp_path, fields):
    lines = ["rules:", "  - id: r", "    question: What year?", "    subject: [x]", "    kind: year"]
    lines += [f"    {key}: {_scalar(value)}" for key, value in fields.items() if key not in ("id",)]
    path = tmp_path / "r.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    try:
        rules = load_rule_file(path)
    except RuleFileError as error:
        for each in getattr(error, "errors", [error]):
            assert each.path == str(path) and each.line and 1 <= each.line <= len(lines), str(each)
    else:
        assert [r.id for r in rules] == ["r"] and isinstance(rules[0].question, str)


def test_a_billion_laughs_is_refused_in_milliseconds():
    from test_bad_inputs import laughs

    text = laughs(10)
    started = time.perf_counter()
    with pytest.raises(FactcheckError, match="expands to more than"):
        yamlfile.load("f.yaml", FactcheckError, text)
    assert time.perf_counter() - started < 1


def test_shared_values_below_the_limit_still_load():
    data = yamlfile.load("f.yaml", FactcheckError, "x: &s [ketamine, Ketalar]\ny: *s\nz: *s\n")
    assert data == {"x": ["ketamine", "Ketalar"], "y": ["ketamine", "Ketalar"], "z": ["ketamine", "Ketalar"]}


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(FactcheckError, match=r"big\.yaml: is 0\.00191 MiB, over the 0\.000954 MiB limit"):
        yamlfile.load(path)


@pytest.mark.parametrize("text,line", [
    ("a: 1\nb: 2\nc: !!python/object:x {}\n", 3),
    ("rules:\n  - id: a\n    kind: !!python/name:os.system\n", 3),
    ("a:\n  - 1\n  - 2024-02-30\n", 3),
])
def test_the_line_is_the_values_own(text, line):
    with pytest.raises(FactcheckError) as raised:
        yamlfile.load("f.yaml", FactcheckError, text)
    assert raised.value.line == line
