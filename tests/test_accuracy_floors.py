"""Every corpus scored as scripts/accuracy.py scores it, against the floors of tests/accuracy/floors.yaml.

`wrong` and `false_error_conflicts` are ceilings (at most), the others floors (at least). A
corpus without a floor yet (a fresh one, before its first shot is recorded) is skipped.
"""
from __future__ import annotations

import importlib.util
import sys

import pytest
import yaml

from conftest import ROOT

FLOORS = yaml.safe_load((ROOT / "tests" / "accuracy" / "floors.yaml").read_text(encoding="utf-8"))


def _accuracy():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "scripts" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


accuracy = _accuracy()
CORPORA = accuracy.corpora()


@pytest.mark.parametrize("name, sources, rules, labels", CORPORA, ids=[c[0] for c in CORPORA])
def test_corpus_keeps_its_floor(name, sources, rules, labels):
    floor = FLOORS.get(name)
    if floor is None:
        pytest.skip(f"{name} has no floor yet: its first shot is not recorded")
    scores = accuracy.measure(sources, rules, labels, name)
    assert scores.right >= floor["right"], scores.line()
    assert len(scores.wrong) <= floor["wrong"], scores.line()
    assert scores.conflicts_found >= floor["conflicts_found"], scores.line()
    assert scores.false_errors <= floor["false_error_conflicts"], scores.line()
