"""Read the decisions back from a reviewed workbook, however a reviewer left it.

Columns are found by their header, case- and spacing-insensitively, in any of the
first rows, so reordered rows and columns, filters, added columns, and saving in
Excel or LibreOffice do not matter. The findings sheet is 'Findings', or else the
first sheet with a 'Finding id' column; 'Resolved since last run' is read too. A file
that cannot be read, or has no 'Finding id' column, is an error: the caller then
leaves it untouched.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..decisions import STATUSES, Decision, Ledger, canonical_status, iso_date
from ..errors import ReportError
from .sheet_findings import (DATE, EXPIRES, FACT, FINDINGS_SHEET, FIXED, ID, MESSAGE, NOTE, REVIEWER, SEVERITY,
                             SOURCES, STATUS, TYPE, columns)
from .sheet_resolved import COLUMNS as RESOLVED_COLUMNS
from .sheet_resolved import RESOLVED_ON, RESOLVED_SHEET

HEADER_ROWS = 10  # the header may sit below a few rows a reviewer added on top
LEGACY = {"message": MESSAGE.casefold(), "quotes": None}  # columns of the first, plain workbook -> today's
KNOWN = {c.name.casefold() for c in FIXED + columns(1, True) + RESOLVED_COLUMNS} | set(LEGACY)
STATEMENT_COLUMN = re.compile(r"(source|value|quote) \d+")  # as many as the widest finding had


def read_ledger(path: str | Path, data: bytes | None = None) -> Ledger:
    """Every decision in the workbook at `path` (whose bytes, when given, are `data`), current
    findings first."""
    import io

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data) if data is not None else path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise _unreadable(path, error) from error
    try:
        return _ledger(str(path), book)
    except ReportError:
        raise
    except Exception as error:
        raise _unreadable(path, error) from error
    finally:
        book.close()


def _unreadable(path, error: Exception) -> ReportError:
    reason = str(error) or type(error).__name__
    return ReportError(f"cannot read the existing workbook ({reason}); it was left as it is. Repair or move it, "
                       "or write the report elsewhere with --report", path=str(path))


def _ledger(path: str, book) -> Ledger:
    tables = {sheet.title: _header(sheet) for sheet in book.worksheets}
    resolved = _named(tables, RESOLVED_SHEET)
    findings = _named(tables, FINDINGS_SHEET) or next(
        (title for title, (_, names) in tables.items() if ID.casefold() in names and title != resolved), None)
    if findings is None:
        raise ReportError(f"the existing workbook has no '{ID}' column (looked in the first {HEADER_ROWS} rows of "
                          f"every sheet), so its decisions cannot be matched to findings; it was left as it is. "
                          "Restore the column, or write the report elsewhere with --report", path=path)
    # Any other sheet with a Finding id column (a copy a reviewer made, a renamed Resolved sheet) is read
    # as resolved rows, so nothing typed there is lost.
    others = [title for title, (_, names) in tables.items()
              if ID.casefold() in names and title not in (findings, resolved)]
    decisions: dict[str, Decision] = {}
    warnings: list[str] = []
    dates = _DateCells(getattr(book, "epoch", None))
    for title, is_resolved in [(findings, False), (resolved, True)] + [(title, True) for title in others]:
        if title is None:
            continue
        header, names = tables[title]
        extra = [name for name in names if name not in KNOWN and not STATEMENT_COLUMN.fullmatch(name)]
        if extra and not is_resolved:
            warnings.append(f"{path}: sheet '{title}': column(s) {', '.join(repr(n) for n in extra)} are not carried "
                            "over to the new workbook (only the decision columns are); copy them out first")
        for decision in _rows(book[title], header, names, is_resolved, warnings, path, dates):
            earlier = decisions.get(decision.finding)
            if earlier is None or (decision.made and not earlier.made):
                decisions[decision.finding] = decision
            elif decision.made and decision.record("") != earlier.record(""):
                warnings.append(f"{path}: finding {decision.finding} has two rows with decisions; the first counts")
    return Ledger(path, decisions, tuple(warnings))


def _named(tables: dict, name: str) -> str | None:
    """The sheet called `name` (any case) if it has a Finding id column."""
    return next((title for title, (_, names) in tables.items()
                 if title.casefold() == name.casefold() and ID.casefold() in names), None)


def _header(sheet) -> tuple[int, dict[str, int]]:
    """(row number, {normalised header: column index}) of the first row naming 'Finding id'."""
    for number, row in enumerate(sheet.iter_rows(max_row=HEADER_ROWS, values_only=True), start=1):
        names = {_norm(value): i for i, value in reversed(list(enumerate(row))) if _norm(value)}
        if ID.casefold() in names:
            return number, names
    return 0, {}


def _rows(sheet, header: int, names: dict[str, int], resolved: bool, warnings: list[str], path: str, dates):
    def get(row, name):
        i = names.get(name.casefold())
        if i is None:  # a workbook of the first format
            i = next((names[old] for old, new in LEGACY.items() if new == name.casefold() and old in names), None)
        return row[i] if i is not None and i < len(row) else None

    for row in sheet.iter_rows(min_row=header + 1, values_only=True):
        finding = _text(get(row, ID))
        if not finding:
            continue
        typed = _text(get(row, STATUS))
        status = canonical_status(typed)
        if status is None:
            warnings.append(f"{path}: finding {finding}: status '{typed}' is not one of {', '.join(STATUSES)}; "
                            "kept as typed, it suppresses nothing")
            status = typed
        expires = iso_date(dates(get(row, EXPIRES)))
        if expires is None:
            warnings.append(f"{path}: finding {finding}: Expires '{_text(get(row, EXPIRES))}' is not a date "
                            "(YYYY-MM-DD); ignored")
            expires = ""
        date = iso_date(dates(get(row, DATE)))
        yield Decision(
            finding=finding, status=status, reviewer=_text(get(row, REVIEWER)), note=_text(get(row, NOTE)),
            date=_text(get(row, DATE)) if date is None else date, expires=expires,
            rule=_text(get(row, FACT)), type=_text(get(row, TYPE)), severity=_text(get(row, SEVERITY)),
            sources=tuple(s.strip() for s in _text(get(row, SOURCES)).split(",") if s.strip()),
            message=_text(get(row, MESSAGE)), resolved_on=iso_date(dates(get(row, RESOLVED_ON))) or "",
            resolved=resolved,
        )


class _DateCells:
    """A date column's cell as a date: a date cell as it is, and a bare serial number (what
    paste-values leaves of a date, 45778) counted from the workbook's epoch, as Excel and
    LibreOffice show it once formatted as a date."""

    FIRST, LAST = 1, 2958465  # 1900-01-01 and 9999-12-31 as serials

    def __init__(self, epoch) -> None:
        self.epoch = epoch

    def __call__(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not self.FIRST <= value <= self.LAST:
            return value
        from openpyxl.utils.datetime import from_excel

        converted = from_excel(value, self.epoch) if self.epoch else from_excel(value)
        return converted.date() if hasattr(converted, "date") else converted


def _norm(value) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _text(value) -> str:
    """A cell as the text a reviewer sees (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
