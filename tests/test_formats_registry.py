"""The output format registry lists every format, and each renders the same records."""
from __future__ import annotations

import inspect

import pytest

from factcheck import output
from factcheck.errors import ConfigError


@pytest.mark.parametrize("name", ["text", "json", "sarif", "github", "junit"])
def test_registry_lists_each_format_with_one_signature(name):
    render = output.get(name)
    assert render is output.FORMATS[name]
    assert list(inspect.signature(render).parameters) == ["records", "color"]


def test_unknown_format_names_the_known_ones():
    with pytest.raises(ConfigError, match="known: text, json, sarif, github, junit"):
        output.get("xml")
