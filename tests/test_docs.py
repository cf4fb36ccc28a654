"""Every YAML example in the README and docs is what the tool accepts: a user copies them."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from factcheck.rules import load_rules

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = [
    (doc, doc.read_text()[:m.start()].count("\n") + 1, m.group(1))
    for doc in DOCS for m in re.finditer(r"```ya?ml\n(.*?)```", doc.read_text(), re.S)
]


def test_the_docs_hold_yaml_examples():
    assert sum("rules:" in block for _, _, block in EXAMPLES) >= 3


@pytest.mark.parametrize("doc,line,block", EXAMPLES, ids=[f"{d.name}:{n}" for d, n, _ in EXAMPLES])
def test_a_yaml_example_parses_and_a_rule_example_validates(tmp_path, doc, line, block):
    data = yaml.safe_load(block)
    assert data is not None, f"{doc.name}:{line}: empty example"
    if isinstance(data, dict) and "rules" in data:
        path = tmp_path / "example.yaml"
        path.write_text(block)
        assert load_rules([path]), f"{doc.name}:{line}"


def test_every_test_docs_reliability_names_exists():
    """docs/reliability.md says which test checks each promise: each one it names is there."""
    text = (ROOT / "docs" / "reliability.md").read_text()
    named = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", text)
    assert len(named) >= 10
    for path, test in named:
        source = (ROOT / path).read_text()
        assert not test or f"def {test}(" in source, f"{path}::{test}"
    for test in re.findall(r"`(test_\w+)`", text):
        assert f"def {test}(" in (ROOT / "tests" / "test_bad_inputs.py").read_text(), test
