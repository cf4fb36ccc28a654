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
import signal
import threading
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

from ..atomic import write_with
from . import sheet_evidence, sheet_findings, sheet_matrix, sheet_reference, sheet_resolved, sheet_summary
from .workbook_layout import Context

SHEETS = (sheet_summary.write, sheet_findings.write, sheet_matrix.write, sheet_evidence.write,
          sheet_reference.write_rules, sheet_reference.write_sources, sheet_resolved.write)
# The large sheets: each one's rows may be written by a child process while this one
# writes the others. Their tables are made first; the sheets are put back in order after.
LARGE = {sheet_evidence.write: sheet_evidence.prepare,  # about half the work of a large workbook
         sheet_matrix.write: sheet_matrix.prepare}  # a row per source past 50 sources
PARALLEL_ROWS = 2000  # below this many rows in a large sheet, forking costs more than it saves
UNDATED = datetime(1980, 1, 1)  # document properties of a workbook whose run has no date


def write(records: dict, path: str | Path, *, resolved: Iterable = (), generated: datetime | None = None,
          generated_from: str = "given", place=None) -> None:
    """Write the workbook to `path` atomically (`place`, as for atomic.write_with, moves it there).

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
        large = [LARGE[write_sheet](book, records, context) for write_sheet in SHEETS if write_sheet in LARGE]
        for table, _ in large:
            table.stream.register_styles()
        with elsewhere([(fill, table) for table, fill in large if table.expected_rows >= PARALLEL_ROWS]) as forked:
            for write_sheet in SHEETS:
                if write_sheet not in LARGE:
                    write_sheet(book, records, context)
            for table, fill in large:
                if table not in forked:
                    fill()
        for table, _ in large:
            table.close(rows=table.expected_rows)
        _put_in_order(book, [table.sheet for table, _ in large])
        book.properties.creator = "factcheck"
        book.properties.title = "factcheck discrepancy report"
        book.properties.created = book.properties.modified = (generated or UNDATED).replace(tzinfo=None, microsecond=0)
        write_with(path, lambda handle: save(book, handle, context.streams), place)
    finally:
        for stream in context.streams.values():
            stream.close()


def _put_in_order(book, large_sheets) -> None:
    """The large sheets were made first: move them back to their places in SHEETS."""
    others = iter(book.worksheets[len(large_sheets):])
    large = iter(large_sheets)
    book._sheets = [next(large) if write_sheet in LARGE else next(others)  # noqa: SLF001 (openpyxl's order)
                    for write_sheet in SHEETS]


@contextmanager
def elsewhere(fills):
    """Run each (fill, table) in a child process of its own while the body runs here (a
    fill appends the table's rows to its stream); when the block ends, the children are
    waited for. The block is given the tables being filled elsewhere (table -> pid).

    Only where fork exists, with no other thread running and with more than one core;
    otherwise (or should a fork fail) the body finds the table missing and fills it itself.
    So it does after the block should a child fail (the rows it may have written are
    discarded first).
    """
    children: dict = {}
    if fills and hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1:
        for fill, table in fills:
            try:
                child = os.fork()
            except OSError:  # no more processes for now: the rest are filled here
                break
            if child == 0:  # the child: write the rows, flush them, and leave without any clean-up
                _fill_and_leave(fill, table)
            children[table] = child
    try:
        yield children
    except BaseException:  # the workbook will not be written: stop the children too
        for child in children.values():
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
        raise
    failed = []
    for table, child in children.items():
        _, status = os.waitpid(child, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(table)
    for fill, table in fills:
        if table in failed:
            table.stream.discard()
            fill()


def _fill_and_leave(fill, table) -> NoReturn:
    code = 1
    try:
        fill()
        table.stream.flush()  # rows and links: the main process reads them from the files
        code = 0
    finally:
        os._exit(code)


def source_links(records: dict, folder: Path) -> dict[str, str]:
    """Source id -> link to its file, relative to the workbook's folder (so both can move together)."""
    from ..sources import resolver

    links = {}
    resolve = resolver()
    base = os.path.realpath(folder)
    for source in records["sources"] + records.get("drafts", []):
        target = resolve(source["path"])
        try:
            links[source["id"]] = quote(os.path.relpath(target, base).replace(os.sep, "/"), safe="/._-~")
        except ValueError:  # another drive: only an absolute link reaches it
            links[source["id"]] = Path(target).as_uri()
    return links
