"""Reading stays linear in the input: 10x the input costs at most 15x the time.

The inputs are those that once cost quadratic time (a line followed by thousands of full
stops, '?!', unclosed '<a ', '](' or '![') and ordinary pages, read as a source is read
(the format's reader, then sentence splitting): the table of scripts/bench_inputs.py,
which prints the absolute figures for 1 MB. A ratio, never an absolute time, so a slow
machine does not fail it and a quadratic step (100x for 10x) always does.
"""
from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_inputs", ROOT / "scripts" / "bench_inputs.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

SMALL = 20_000
CHECKED = ["full stops", "?!", "'. A' runs", "html unclosed <a ", "html <", "html no </head>", "markdown ](",
           "markdown ![", "markdown [", "text", "html page", "markdown page"]


def _best(fmt: str, content: str, tries: int) -> float:
    return min(bench.read_time(fmt, content) for _ in range(tries))


@pytest.mark.parametrize("name", CHECKED)
def test_ten_times_the_input_costs_at_most_fifteen_times_the_time(name):
    fmt, small = bench.make(name, SMALL)
    _, large = bench.make(name, SMALL * 10)
    bench.read_time(fmt, small)  # warm up: imports, compiled patterns
    ratios = []
    for _ in range(3):  # a busy machine can slow one measurement; a quadratic step is ~100x every time
        ratios.append(_best(fmt, large, 2) / _best(fmt, small, 5))
        if ratios[-1] <= 15:
            break
    assert min(ratios) <= 15, f"{name}: 10x the input took {', '.join(f'{r:.1f}x' for r in ratios)} the time"


def test_every_input_of_the_benchmark_is_checked():
    assert set(CHECKED) | {"markdown `"} == set(bench.INPUTS)
