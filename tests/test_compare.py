"""The linear-time disagreement search gives what comparing every pair gives."""
from __future__ import annotations

import random
from itertools import combinations

import pytest

from factcheck.compare import _disagreements
from factcheck.model import Mention, Sentence, Value


def statement(source: str, low, high, unit="percent") -> Mention:
    value = Value("percent", f"{low}-{high}", low, high, unit)
    from factcheck.model import Candidate, Span

    sentence = Sentence(0, 0, 1, "x", 1, 1, 0)
    return Mention("r", source, sentence, 1, 1, (), "", (Candidate(value, Span(0, 1), 1.0, True, ()),), "")


def brute_force(statements, tolerance):
    disputed, selfish = set(), set()
    for (i, a), (j, b) in combinations(enumerate(statements), 2):
        if a.value.comparable_with(b.value) and not a.value.agrees_with(b.value, tolerance):
            if a.source == b.source:
                selfish.add(a.source)
            else:
                disputed.update((i, j))
    return tuple(sorted(disputed)), selfish


@pytest.mark.parametrize("seed", range(40))
def test_same_as_all_pairs(seed):
    rng = random.Random(seed)
    statements = []
    for _ in range(rng.randint(1, 12)):
        low = rng.choice([None, rng.uniform(0, 100)])
        high = rng.choice([None, (low or 0) + rng.uniform(0, 20)])
        statements.append(statement(rng.choice("abcd"), low, high, rng.choice(["percent", "percent", "mg"])))
    tolerance = rng.choice([0, 0, 5])
    disputed, selfish = _disagreements(tuple(statements), [m.value.widened(tolerance / 2) for m in statements])
    expected_disputed, expected_selfish = brute_force(statements, tolerance)
    assert disputed == expected_disputed
    assert set(selfish) == expected_selfish
