"""The discrepancy workbook reviewers work in, built from the report records.

Sheets, in order: Summary, Findings (the discrepancies, one row per finding, with the
reviewers' columns), Facts × sources, Evidence, Rules, Sources, Resolved since last
run; see docs/workbook.md. Every sheet is streamed (openpyxl write-only mode; the rows
of the tables through workbook_stream), so 100,000 evidence rows take seconds and
bounded memory. The file is written atomically and is byte-identical for the same records,
decisions and date. Only this package imports openpyxl, and only when a workbook is
written or read.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from ..atomic import write_with
from . import sheet_evidence, sheet_findings, sheet_matrix, sheet_reference, sheet_resolved, sheet_summary
from .workbook_layout import Context

SHEETS = (sheet_summary.write, sheet_findings.write, sheet_matrix.write, sheet_evidence.write,
          sheet_reference.write_rules, sheet_reference.write_sources, sheet_resolved.write)
UNDATED = datetime(1980, 1, 1)  # document properties of a workbook whose run has no date


def write(records: dict, path: str | Path, *, resolved: Iterable = (), generated: datetime | None = None,
          generated_from: str = "given") -> None:
    """Write the workbook to `path` atomically.

    `resolved`: decisions.Decision of findings that no longer occur; `generated`: the
    date of the run shown on the Summary and in the document properties (none: not shown).
    """
    from openpyxl import Workbook

    from .workbook_style import Styles
    from .workbook_zip import save

    path = Path(path)
    book = Workbook(write_only=True)
    context = Context(Styles(book), evidence_rows=sheet_evidence.index(records),
                      source_links=source_links(records, path.parent), generated=generated,
                      generated_from=generated_from, resolved=tuple(resolved))
    try:
        for write_sheet in SHEETS:
            write_sheet(book, records, context)
        book.properties.creator = "factcheck"
        book.properties.title = "factcheck discrepancy report"
        book.properties.created = book.properties.modified = (generated or UNDATED).replace(tzinfo=None, microsecond=0)
        write_with(path, lambda handle: save(book, handle, context.streams))
    finally:
        for stream in context.streams.values():
            stream.close()


def source_links(records: dict, folder: Path) -> dict[str, str]:
    """Source id -> link to its file, relative to the workbook's folder (so both can move together)."""
    links = {}
    base = folder.resolve()
    for source in records["sources"] + records.get("drafts", []):
        target = Path(source["path"]).resolve()
        try:
            links[source["id"]] = quote(Path(os.path.relpath(target, base)).as_posix(), safe="/._-~")
        except ValueError:  # another drive: only an absolute link reaches it
            links[source["id"]] = target.as_uri()
    return links
