"""Reviewers' decisions on findings, and how they carry over from one run to the next.

A decision belongs to a finding id (stable across runs: it names what the finding is
about, never its row or wording): a status, who decided, a note, the date, and an
optional expiry. Decisions come from a reviewed workbook (its Findings and
"Resolved since last run" sheets) or from a baseline file; they are plain data here,
with no spreadsheet code.

Statuses: Open, Confirmed error, Accepted difference, False positive, Fixed. Only
Accepted difference and False positive suppress a finding, and only through a baseline.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

OPEN = "Open"
STATUSES = (OPEN, "Confirmed error", "Accepted difference", "False positive", "Fixed")
SUPPRESSING = frozenset({"Accepted difference", "False positive"})
_BY_KEY = {" ".join(s.split()).casefold(): s for s in STATUSES}


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one finding, with what the finding was (for resolved ones)."""

    finding: str  # the finding id
    status: str = ""  # one of STATUSES, or the text a reviewer typed
    reviewer: str = ""
    note: str = ""  # the reason, in a baseline file
    date: str = ""  # ISO date when it is a date, else as typed
    expires: str = ""  # ISO date or ""
    rule: str = ""
    type: str = ""
    severity: str = ""
    sources: tuple[str, ...] = ()
    message: str = ""
    resolved_on: str = ""
    resolved: bool = False  # read from the "Resolved since last run" sheet

    @property
    def decided(self) -> bool:
        """A status other than Open: someone judged the finding."""
        return self.status not in ("", OPEN)

    @property
    def made(self) -> bool:
        """Anything a reviewer filled in."""
        return self.decided or any((self.reviewer, self.note, self.date, self.expires))

    @property
    def suppresses(self) -> bool:
        return self.status in SUPPRESSING

    def expired(self, today: date) -> bool:
        """True after the expiry day (an entry still holds on the day it expires)."""
        return bool(self.expires) and date.fromisoformat(self.expires) < today

    def record(self, origin: str) -> dict:
        """The decision as it goes into a finding's records (JSON-ready)."""
        return {"status": self.status or OPEN, "reviewer": self.reviewer, "note": self.note,
                "date": self.date, "expires": self.expires or None, "from": origin}


@dataclass(frozen=True)
class Ledger:
    """Every decision a reviewed workbook holds, current findings' rows first."""

    path: str
    decisions: dict[str, Decision]
    warnings: tuple[str, ...] = ()


def canonical_status(text: str) -> str | None:
    """The status a reviewer meant, whatever the case and spacing; '' for blank, None if unknown."""
    key = " ".join(text.split()).casefold()
    if not key:
        return ""
    return _BY_KEY.get(key)


def iso_date(value) -> str | None:
    """A date cell or text as YYYY-MM-DD; '' for blank; None when it is not a date."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    for parse in (date.fromisoformat, lambda t: datetime.fromisoformat(t).date()):
        try:
            return parse(text).isoformat()
        except ValueError:
            pass
    return None


def carry(findings: list[dict], previous: Ledger | None, accepted: dict[str, Decision], baseline_path: str = "") -> int:
    """Give each finding the decision it had: the workbook's when it has a status other than
    Open, else the baseline's entry, else the workbook's note or reviewer. Sets
    finding["decision"]; returns how many came from the workbook."""
    earlier = previous.decisions if previous else {}
    carried = 0
    for finding in findings:
        mine, theirs = earlier.get(finding["id"]), accepted.get(finding["id"])
        if mine is not None and (mine.decided or (theirs is None and mine.made)):
            finding["decision"] = mine.record(previous.path)
            carried += 1
        elif theirs is not None:
            finding["decision"] = theirs.record(baseline_path)
    return carried


def resolved_since(previous: Ledger | None, current: set[str], on: str) -> list[Decision]:
    """Findings of the previous workbook that no longer occur: those already resolved keep
    their place and date, the newly resolved follow, dated `on`."""
    if previous is None:
        return []
    gone = [d for d in previous.decisions.values() if d.finding not in current]
    return [d for d in gone if d.resolved] + [replace(d, resolved=True, resolved_on=on) for d in gone if not d.resolved]
