"""Baselines: the reviewers' accepted findings, honoured by CI.

A baseline is a reviewed workbook (its rows marked Accepted difference or False
positive) or a baseline file, YAML written by `--write-baseline` (JSON is YAML too):

    # factcheck baseline ...
    format: factcheck-baseline
    version: 1
    entries:
      - id: 1c05c8ee5396               # the finding id (required)
        rule: ketamine-first-human-use  # rule, type, sources: for people; matching uses the id
        type: conflict
        sources: [clinic-directory, at-home-iv]
        status: Accepted difference     # required; Accepted difference / False positive suppress
        reason: The 1970s is the first battlefield use, not the first human use.
        reviewer: ana
        date: 2025-05-02                # when it was decided (optional)
        expires: 2025-12-31             # optional; the entry suppresses up to and including this day

A finding whose id has a suppressing entry that has not expired does not fail the run.
Expired entries and entries that match no finding are reported, so the baseline is
kept honest.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .decisions import STATUSES, SUPPRESSING, Decision, canonical_status, iso_date
from .errors import ReportError

FORMAT, VERSION = "factcheck-baseline", 1
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
ENTRY_KEYS = ("id", "rule", "type", "sources", "status", "reason", "reviewer", "date", "expires")
HEADER = """\
# factcheck baseline: findings reviewers accepted, so they do not fail a run.
# Written by `factcheck check --write-baseline`; read with `--baseline`. Edit reason and
# expires freely; an entry suppresses its finding up to and including its expiry date.
# Format: docs/workbook.md.
"""


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: dict[str, Decision]  # finding id -> entry
    warnings: tuple[str, ...] = ()


def load(path: str | Path) -> Baseline:
    """Read a baseline file or a reviewed workbook; a broken one raises ReportError naming it."""
    path = Path(path)
    if not path.is_file():
        raise ReportError("no such baseline file", path=str(path))
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from .output.workbook_reader import read_ledger

        ledger = read_ledger(path)
        accepted = {i: d for i, d in ledger.decisions.items() if d.suppresses}
        return Baseline(str(path), accepted, ledger.warnings)
    return Baseline(str(path), _read_file(path))


def apply(findings: list[dict], baseline: Baseline, today: date) -> list[str]:
    """Mark the findings the baseline accepts as suppressed; return what to tell the user."""
    messages = list(baseline.warnings)
    current = {f["id"] for f in findings}
    suppressed = 0
    for finding in findings:
        entry = baseline.entries.get(finding["id"])
        if entry is None or not entry.suppresses:
            continue
        if entry.expired(today):
            messages.append(f"{baseline.path}: entry {entry.finding} ({finding['type']} on {finding['rule']}) expired "
                            f"on {entry.expires}; the finding counts again")
            continue
        if not finding.get("suppressed"):  # an inline suppression in a draft stays what it is
            finding["suppressed"] = {"by": "baseline", "status": entry.status, "reason": entry.note or None,
                                     "expires": entry.expires or None, "reviewer": entry.reviewer or None}
        suppressed += 1
    stale = [e for e in baseline.entries.values() if e.finding not in current and not e.resolved]
    for entry in stale:
        what = f" ({entry.type} on {entry.rule})" if entry.rule else ""
        messages.append(f"{baseline.path}: entry {entry.finding}{what} matches no finding; remove it")
    messages.insert(0, f"Baseline {baseline.path}: {suppressed} finding(s) suppressed, "
                       f"{len(stale)} entr{'y' if len(stale) == 1 else 'ies'} matching nothing")
    return messages


def entries(findings: list[dict], today: date) -> list[dict]:
    """Baseline entries for the findings whose decision accepts them and has not expired."""
    found = []
    for finding in findings:
        decision = finding.get("decision") or {}
        expires = decision.get("expires")
        if decision.get("status") not in SUPPRESSING or (expires and date.fromisoformat(expires) < today):
            continue
        entry = {"id": finding["id"], "rule": finding["rule"], "type": finding["type"],
                 "sources": list(finding["sources"]), "status": decision["status"]}
        for key, value in (("reason", decision.get("note")), ("reviewer", decision.get("reviewer")),
                           ("date", _as_date(decision.get("date"))), ("expires", _as_date(expires))):
            if value:
                entry[key] = value
        found.append(entry)
    return found


def write(path: str | Path, findings: list[dict], today: date) -> int:
    """Write the baseline file atomically; returns the number of entries."""
    import yaml

    from .atomic import write_atomic

    found = entries(findings, today)
    body = yaml.safe_dump({"format": FORMAT, "version": VERSION, "entries": found}, sort_keys=False,
                          allow_unicode=True, default_flow_style=None, width=100)
    write_atomic(path, HEADER + body)
    return len(found)


def _as_date(text):
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return text


def _read_file(path: Path) -> dict[str, Decision]:
    from . import yamlfile

    root = yamlfile.compose(path, ReportError)
    data = None if root is None else yamlfile.plain(root, str(path), ReportError)
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT \
            or not isinstance(data.get("entries", []), list):
        raise ReportError(f"not a baseline file: expected a mapping with 'format: {FORMAT}' and a list 'entries'",
                          path=str(path))
    lines = _entry_lines(root)
    found: dict[str, Decision] = {}
    for number, item in enumerate(data.get("entries") or [], start=1):
        line = lines[number - 1] if number <= len(lines) else None
        entry = _entry(item, number, str(path), line)
        if entry.finding in found:
            raise ReportError(f"entry {number}: finding id '{entry.finding}' is already in an earlier entry",
                              path=str(path), line=line)
        found[entry.finding] = entry
    return found


def _entry(item, number: int, path: str, line: int | None) -> Decision:
    def fail(what: str) -> ReportError:
        return ReportError(f"entry {number}: {what}", path=path, line=line)

    if not isinstance(item, dict):
        raise fail("must be a mapping with at least 'id' and 'status'")
    for key in item:
        if key not in ENTRY_KEYS:
            close = difflib.get_close_matches(str(key), ENTRY_KEYS, n=1)
            raise fail(f"unknown key '{key}'" + (f" (did you mean '{close[0]}'?)" if close else "")
                       + f"; known: {', '.join(ENTRY_KEYS)}")
    finding = item.get("id")
    if not isinstance(finding, str) or not finding.strip():
        raise fail("'id' (the finding id) is missing")
    status = canonical_status(str(item.get("status") or ""))
    if not status:
        raise fail(f"'status' must be one of {', '.join(STATUSES)}, not {item.get('status')!r}")
    expires = iso_date(item.get("expires"))
    if expires is None:
        raise fail(f"'expires' must be a date (YYYY-MM-DD), not {item.get('expires')!r}")
    sources = item.get("sources") or []
    return Decision(
        finding=finding.strip(), status=status, reviewer=str(item.get("reviewer") or ""),
        note=str(item.get("reason") or ""), date=iso_date(item.get("date")) or str(item.get("date") or ""),
        expires=expires, rule=str(item.get("rule") or ""), type=str(item.get("type") or ""),
        sources=tuple(map(str, sources if isinstance(sources, list) else [sources])),
    )


def _entry_lines(root) -> list[int]:
    """The line of each entry, for error messages."""
    import yaml

    for key, value in getattr(root, "value", []):
        if getattr(key, "value", None) == "entries" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []
