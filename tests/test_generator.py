"""The corpus generator (scripts/generate_corpus.py), and the engine on what it writes.

The generator is reproducible and writes what it promises; its truth.csv is coherent
(every wording of a true value agrees with it, every conflicting value does not). The
engine, which never saw these invented facts, must find the statements truth.csv
lists with precision and recall of at least 0.8.
"""
from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from factcheck import kinds
from factcheck.check import run_check
from factcheck.rules import load_rules

sys.path.insert(0, str(ROOT / "scripts"))
import generate_corpus  # noqa: E402

DOCS, RULES = 30, 8
ACCURACY_SEEDS = (1, 2, 3)
MIN_PRECISION = MIN_RECALL = 0.8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """corpus(seed) -> a folder holding a generated corpus of DOCS documents and RULES rules."""
    made: dict[int, Path] = {}

    def make(seed: int) -> Path:
        if seed not in made:
            made[seed] = tmp_path_factory.mktemp(f"corpus-{seed}")
            generate_corpus.generate(made[seed], docs=DOCS, rules=RULES, seed=seed)
        return made[seed]

    return make


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def truth(folder: Path) -> list[dict]:
    with (folder / "truth.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# ---------------------------------------------------------------- reproducible, and what it promises


def test_same_seed_writes_the_same_bytes(corpus, tmp_path):
    generate_corpus.generate(tmp_path, docs=DOCS, rules=RULES, seed=1)
    assert files(tmp_path) == files(corpus(1))


def test_another_seed_writes_other_documents_rules_and_truth(corpus):
    first, second = files(corpus(1)), files(corpus(2))
    assert first.keys() == second.keys()
    assert all(first[name] != second[name] for name in ("rules/generated.yaml", "truth.csv", "sources/doc-00001.txt"))


def test_it_writes_the_documents_rules_and_truth_it_promises(corpus):
    folder = corpus(1)
    sources = sorted(p.name for p in (folder / "sources").glob("*.txt"))
    assert sources == [f"doc-{n:05d}.txt" for n in range(1, DOCS + 1)]
    assert (folder / "rules" / "generated.yaml").is_file()
    rows = truth(folder)
    assert list(rows[0]) == list(generate_corpus.TRUTH_COLUMNS)
    assert {row["doc"] for row in rows} == {name.removesuffix(".txt") for name in sources}


def test_each_truth_row_points_at_the_line_that_states_it(corpus):
    folder = corpus(1)
    for row in truth(folder):
        lines = (folder / "sources" / f"{row['doc']}.txt").read_text(encoding="utf-8").splitlines()
        assert row["value"].lower() in lines[int(row["line"]) - 1].lower(), row


def test_documents_are_about_eight_kilobytes(corpus):
    sizes = [p.stat().st_size for p in (corpus(1) / "sources").glob("*.txt")]
    assert 6000 <= sum(sizes) / len(sizes) <= 10000


def test_the_requested_share_of_documents_states_a_conflicting_value(corpus):
    conflicting = {row["doc"] for row in truth(corpus(1)) if row["conflicting"] == "1"}
    assert len(conflicting) == round(0.1 * DOCS)


def test_its_rules_load_and_cover_every_kind(corpus):
    rules = load_rules([corpus(1) / "rules"])
    assert len(rules) == RULES
    assert {r.kind for r in rules} == {"date", "percent", "count", "duration", "dose"}


@pytest.mark.parametrize("seed", ACCURACY_SEEDS)
def test_every_wording_agrees_with_the_true_value_unless_it_is_the_conflicting_one(corpus, seed):
    rules = {r.id: r for r in load_rules([corpus(seed) / "rules"])}
    for row in truth(corpus(seed)):
        rule = rules[row["rule"]]
        kind = kinds.get(rule.kind)
        stated, true = kind.parse(row["value"]), kind.parse(row["true_value"])
        assert stated is not None and true is not None, row
        assert stated.agrees_with(true, rule.tolerance) == (row["conflicting"] == "0"), row


# ---------------------------------------------------------------- the engine on facts it was never tuned for


def score(folder: Path) -> tuple[int, int, int, list[str]]:
    """(right, found, stated, misses): the engine's statements matched one-to-one with truth.csv.

    A statement is right when rule, document, line and the value's interval all match a row.
    """
    report = run_check([folder / "sources"], [folder / "rules"])
    kind_of = {r.id: r.kind for r in report.rules}
    unmatched = truth(folder)
    found = [m for fact in report.facts for m in fact.statements]
    wrong = []
    for mention in found:
        row = next((r for r in unmatched if _same(r, mention, kind_of[mention.rule])), None)
        if row is None:
            wrong.append(f"wrong  {mention.rule} {mention.source}:{mention.line} {mention.value.raw!r}: "
                         f"{mention.sentence.text!r}")
        else:
            unmatched.remove(row)
    missed = [f"missed {r['rule']} {r['doc']}:{r['line']} {r['value']!r}" for r in unmatched]
    return len(found) - len(wrong), len(found), len(found) - len(wrong) + len(unmatched), wrong + missed


def _same(row: dict, mention, kind_name: str) -> bool:
    if (row["rule"], row["doc"], int(row["line"])) != (mention.rule, mention.source, mention.line):
        return False
    stated = kinds.get(kind_name).parse(row["value"])
    return stated is not None and _close(stated.low, mention.value.low) and _close(stated.high, mention.value.high)


def _close(a, b) -> bool:
    return a is b if a is None or b is None else math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


@pytest.mark.parametrize("seed", ACCURACY_SEEDS)
def test_the_engine_finds_the_values_the_generator_stated(corpus, seed):
    right, found, stated, misses = score(corpus(seed))
    precision, recall = right / found, right / stated
    print(f"\nseed {seed}: {DOCS} documents, {RULES} rules: precision {right}/{found} = {precision:.3f}, "
          f"recall {right}/{stated} = {recall:.3f}")
    print("\n".join(misses))
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, misses


def test_the_engines_observations_decide_as_extraction_does(corpus):
    """The engines observe each document on its own and the decision is taken once the corpus
    is known: the mentions must be exactly those of extraction in one go (generated and
    bundled corpora)."""
    from factcheck.engines import process_chunk
    from factcheck.extract import decide_all, extract, prepare
    from factcheck.sources import discover, load_sources

    def key(m):
        return (m.rule, m.source, m.line, m.column, m.sentence.text, m.value, m.why, m.candidates)

    folder = corpus(2)
    for sources, rules_folder in [(folder / "sources", folder / "rules"), (ROOT / "sources", ROOT / "rules")]:
        rules = load_rules([rules_folder])
        full = extract(load_sources([sources]).documents, rules)
        results = process_chunk(discover([sources], "reference", []), tuple(rules), 10**7)
        engine = decide_all([r.observations for r in results], prepare(rules))
        assert len(full) > 50
        assert sorted(map(key, engine), key=repr) == sorted(map(key, full), key=repr), sources
