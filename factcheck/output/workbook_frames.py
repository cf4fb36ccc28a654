"""The workbook's tables, built from the records: the facts × sources matrix and the
summary counts, in plain dictionaries (pandas cost more to import than these take to
count, even for 10,000 sources). The sheets write them cell by cell.

A source's value for a fact is *conflicts* when the comparison puts it against the
others (an outlier from the consensus, against the expected value, contradicting
itself, or any value of a fact in conflict that has no consensus), *agrees* when it
states the fact otherwise, and *not stated* when it does not. A draft's value
conflicts when a finding says so, and is *unverified* when no source states the fact.
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ..decisions import OPEN, STATUSES
from .workbook_layout import draft_statements

OUTCOMES = ("conflict", "unparseable", "single-source", "consistent", "not-stated")  # conflicts first
SEVERITIES = ("error", "warning", "info")
FACT_COLUMNS = ("Fact", "Question", "Outcome", "Severity", "Consensus", "Expected")


class Matrix(NamedTuple):
    """Facts (rows of FACT_COLUMNS, in rule order), the sources and drafts (in order), and
    each (rule, source) pair's value text ("a; b" for two values, in the order stated) and state."""

    facts: list[tuple]
    sources: list[str]
    cells: dict[tuple[str, str], tuple[str, str]]

    def cell(self, rule: str, source: str) -> tuple[str, str]:
        return self.cells.get((rule, source), ("", "not stated"))


def matrix(records: dict) -> Matrix:
    """Plain dictionaries, not pandas: one pass over the statements, and a lookup per cell
    (a pandas lookup per cell took seconds for 10,000 sources)."""
    facts = [(f["rule"], f["question"], f["outcome"], f["severity"], (f["consensus"] or {}).get("text", ""),
              f["expected"] or "") for f in records["facts"]]
    sources = [s["id"] for s in records["sources"]] + [d["id"] for d in records.get("drafts", [])]
    said: dict[tuple[str, str], list] = {}  # (rule, source) -> [values, conflicts, unverified]
    for rule, source, value, conflicts, unverified in _statement_rows(records):
        entry = said.setdefault((rule, source), [[], False, False])
        if value not in entry[0]:
            entry[0].append(value)
        entry[1] |= conflicts
        entry[2] |= unverified
    cells = {key: ("; ".join(values), "conflicts" if conflicts else "unverified" if unverified else "agrees")
             for key, (values, conflicts, unverified) in said.items()}
    return Matrix(facts, sources, cells)


def _statement_rows(records: dict):
    for fact in records["facts"]:
        against = set(fact["outliers"]) | set(fact["against_expected"]) | set(fact["self_contradictions"])
        no_consensus_conflict = fact["outcome"] == "conflict" and fact["consensus"] is None
        for s in fact["statements"]:
            conflicts = s["source"] in against or s.get("agrees_with_consensus") is False or no_consensus_conflict
            yield fact["rule"], s["source"], s["value_text"] or "", conflicts, False
    judged = {}
    for finding in records["findings"]:
        if finding["statements"] and (finding["type"].startswith("draft-") or finding["type"] == "unverified"):
            first = finding["statements"][0]
            key = (finding["rule"], first["source"], first["line"], first["column"])
            judged.setdefault(key, set()).add(finding["type"])
    for rule, s in draft_statements(records):
        types = judged.get((rule, s["source"], s["line"], s["column"]), set())
        contradicted = any(t.startswith("draft-") for t in types)
        yield rule, s["source"], s["value_text"] or "", contradicted, "unverified" in types


class Counts(NamedTuple):
    """A small table of counts: column names, and (row name, one count per column) rows."""

    columns: list[str]
    rows: list[tuple[str, list[int]]]


def outcome_counts(records: dict) -> Counts:
    """Facts by outcome (rows, conflicts first) and severity (columns), with totals."""
    pairs = Counter((f["outcome"], f["severity"]) for f in records["facts"])
    return _with_totals(list(OUTCOMES), pairs)


def finding_counts(records: dict) -> Counts:
    """Findings by type (rows, in order of first appearance) and severity (columns), with
    totals and how many are suppressed."""
    findings = records["findings"]
    types = list(dict.fromkeys(f["type"] for f in findings))
    table = _with_totals(types, Counter((f["type"], f["severity"]) for f in findings))
    suppressed = Counter(f["type"] for f in findings if f.get("suppressed"))
    rows = [(name, counts + [suppressed[name] if name != "total" else sum(suppressed.values())])
            for name, counts in table.rows]
    return Counts(table.columns + ["suppressed"], rows)


def status_counts(records: dict) -> list[tuple[str, int]]:
    """Findings by review status, in the dropdown's order (then any status typed by hand)."""
    counts = Counter((f.get("decision") or {}).get("status") or OPEN for f in records["findings"])
    order = list(STATUSES) + sorted(set(counts) - set(STATUSES))
    return [(status, counts[status]) for status in order]


def _with_totals(names: list[str], pairs: Counter) -> Counts:
    """Rows `names` by SEVERITIES, with a total column and a total row."""
    rows = []
    for name in names:
        counts = [pairs[(name, severity)] for severity in SEVERITIES]
        rows.append((name, counts + [sum(counts)]))
    totals = [sum(row[1][i] for row in rows) for i in range(len(SEVERITIES) + 1)]
    return Counts(list(SEVERITIES) + ["total"], rows + [("total", totals)])
