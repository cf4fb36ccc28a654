"""The text summary: a terminal stays readable when thousands of sources state a fact."""
from __future__ import annotations

from conftest import BRIDGE_RULES, build
from factcheck.check import run_check
from factcheck.output import text
from factcheck.records import report_records


def test_a_long_list_of_statements_is_cut_with_a_count_of_the_rest(tmp_path):
    count = text.MAX_STATEMENTS + 7
    files = {"rules/r.yaml": BRIDGE_RULES}
    files.update({f"src/s{n:03}.txt": f"The Tallis Bridge opened in {1884 if n else 1890}." for n in range(count)})
    folder = build(tmp_path, files)
    out = text.render(report_records(run_check([folder / "src"], [folder / "rules"])))
    quoted = [line for line in out.splitlines() if line.startswith("    s") and '"The Tallis Bridge' in line]
    assert len(quoted) == 2 * text.MAX_STATEMENTS  # under the fact, and under its finding
    assert out.count("… and 7 more statement(s)") == 2
    consensus = next(line for line in out.splitlines() if line.strip().startswith("consensus 1884"))
    assert consensus.endswith(f"and {count - 1 - text.MAX_NAMES} more)")


def test_a_long_sentence_is_shortened_at_a_word():
    sentence = "The Tallis Bridge opened in 1884 " + "after many long years of patient work " * 6
    shortened = text._quote({"quote": sentence})
    assert len(shortened) <= text.QUOTE_WIDTH and shortened.endswith(" …")
    assert sentence.startswith(shortened[:-2])
    assert text._quote({"quote": "Short  and\nsimple."}) == "Short and simple."
