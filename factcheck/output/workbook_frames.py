"""The workbook's tables, built with pandas from the records: the facts × sources
matrix and the summary counts. The sheets write them cell by cell with their styles.

A source's value for a fact is *conflicts* when the comparison puts it against the
others (an outlier from the consensus, against the expected value, contradicting
itself, or any value of a fact in conflict that has no consensus), *agrees* when it
states the fact otherwise, and *not stated* when it does not. A draft's value
conflicts when a finding says so, and is *unverified* when no source states the fact.
"""
from __future__ import annotations

from ..decisions import OPEN, STATUSES
from .workbook_layout import draft_statements

OUTCOMES = ("conflict", "unparseable", "single-source", "consistent", "not-stated")  # conflicts first
SEVERITIES = ("error", "warning", "info")
FACT_COLUMNS = ("Fact", "Question", "Outcome", "Severity", "Consensus", "Expected")


def matrix(records: dict):
    """(facts, values, states): per fact its outcome columns; per fact and source the value(s)
    stated and how they relate. Rows are facts in rule order, columns sources then drafts."""
    import pandas as pd

    facts = records["facts"]
    rules = [f["rule"] for f in facts]
    columns = [s["id"] for s in records["sources"]] + [d["id"] for d in records.get("drafts", [])]
    frame = pd.DataFrame(_statement_rows(records), columns=["fact", "source", "value", "conflicts", "unverified"])
    cell = ["fact", "source"]
    grouped = frame.groupby(cell, sort=False)[["conflicts", "unverified"]].any()
    distinct = frame.drop_duplicates(cell + ["value"])
    joined = ("; " + distinct["value"]).groupby([distinct["fact"], distinct["source"]], sort=False).sum()
    grouped["value"] = joined.str[2:]  # "a; b" for a source stating two values, in the order stated
    grouped["state"] = "agrees"
    grouped.loc[grouped["unverified"], "state"] = "unverified"
    grouped.loc[grouped["conflicts"], "state"] = "conflicts"
    values = grouped["value"].unstack("source").reindex(index=rules, columns=columns).fillna("")
    states = grouped["state"].unstack("source").reindex(index=rules, columns=columns).fillna("not stated")
    table = pd.DataFrame(
        [(f["rule"], f["question"], f["outcome"], f["severity"], (f["consensus"] or {}).get("text", ""),
          f["expected"] or "") for f in facts], columns=list(FACT_COLUMNS), index=rules)
    return table, values, states


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


def outcome_counts(records: dict):
    """Facts by outcome (rows, conflicts first) and severity (columns), with totals."""
    import pandas as pd

    frame = pd.DataFrame([(f["outcome"], f["severity"]) for f in records["facts"]], columns=["outcome", "severity"])
    return _with_totals(pd.crosstab(frame["outcome"], frame["severity"]).reindex(
        index=list(OUTCOMES), columns=list(SEVERITIES), fill_value=0))


def finding_counts(records: dict):
    """Findings by type (rows) and severity (columns), with totals and how many are suppressed."""
    import pandas as pd

    frame = pd.DataFrame([(f["type"], f["severity"], bool(f.get("suppressed"))) for f in records["findings"]],
                         columns=["type", "severity", "suppressed"])
    types = list(dict.fromkeys(frame["type"]))
    counts = _with_totals(pd.crosstab(frame["type"], frame["severity"]).reindex(
        index=types, columns=list(SEVERITIES), fill_value=0))
    counts["suppressed"] = frame.groupby("type")["suppressed"].sum().reindex(counts.index).fillna(0).astype(int)
    counts.loc["total", "suppressed"] = int(frame["suppressed"].sum())
    return counts


def status_counts(records: dict):
    """Findings by review status, in the dropdown's order (then any status typed by hand)."""
    import pandas as pd

    statuses = pd.Series([(f.get("decision") or {}).get("status") or OPEN for f in records["findings"]], dtype=object)
    counts = statuses.value_counts()
    order = list(STATUSES) + sorted(set(counts.index) - set(STATUSES))
    return counts.reindex(order, fill_value=0)


def _with_totals(table):
    table = table.copy()
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    return table.astype(int)
