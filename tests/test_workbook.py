"""The workbook as a reviewer opens it: sheets, rows, quotes, links, colours, layout, bytes."""
from __future__ import annotations

import copy
import math
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import build
from factcheck.check import run_check
from factcheck.output import cells, workbook
from factcheck.records import report_records

RULES = """
rules:
  - id: bridge-opening
    question: When did the Tallis Bridge open?
    subject: [Tallis Bridge]
    cues: [opened]
    kind: year
    severity: error
  - id: bridge-length
    question: How long is the Tallis Bridge?
    subject: [Tallis Bridge]
    cues: [long]
    kind: count
    severity: warning
  - id: bridge-architect
    question: When was the Tallis Bridge designed?
    subject: [Tallis Bridge]
    cues: [designed]
    kind: year
    severity: info
"""
# Sentences a spreadsheet would take for formulas, beside plain ones.
SOURCES = {
    "src/a.txt": "=SUM(1,2) The Tallis Bridge opened in 1884.",
    "src/b.txt": "@civic: The Tallis Bridge opened in 1890, to crowds.",
    "src/c.txt": "-The Tallis Bridge opened in 1884 after a decade of work. The Tallis Bridge is long.",
    "src/d.txt": "The Tallis Bridge was designed in 1879. " + "It is admired by engineers to this day. " * 3,
}
GENERATED = datetime(2025, 3, 1, 12, 0)
SHEETS = ["Summary", "Findings", "Facts × sources", "Evidence", "Rules", "Sources", "Resolved since last run"]
TABLE_SHEETS = SHEETS[1:]


def check(folder: Path) -> dict:
    return report_records(run_check([folder / "src"], [folder / "rules"]))


def headers(sheet) -> dict[str, int]:
    return {c.value: c.column for c in sheet[1] if c.value}


def row_of(sheet, column: str, value) -> int:
    col = headers(sheet)[column]
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, col).value == value)


@pytest.fixture(scope="module")
def bridge(tmp_path_factory):
    """A checked workspace and its workbook, opened with rich text (shared: do not change them)."""
    folder = build(tmp_path_factory.mktemp("bridge"), {"rules/r.yaml": RULES, **SOURCES})
    records = check(folder)
    path = folder / "out" / "report.xlsx"
    workbook.write(records, path, generated=GENERATED)
    return records, path, load_workbook(path, rich_text=True)


def test_sheets_in_order(bridge):
    _, _, book = bridge
    assert book.sheetnames == SHEETS


@pytest.mark.parametrize("name", TABLE_SHEETS)
def test_table_sheets_are_set_up_for_reviewing_and_printing(bridge, name):
    _, _, book = bridge
    sheet = book[name]
    assert sheet.freeze_panes in ("B2", "C2")
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    assert all(sheet.column_dimensions[c.column_letter].width for c in sheet[1])
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert all(c.font.b for c in sheet[1])


def test_one_finding_row_with_the_sources_side_by_side(bridge):
    records, _, book = bridge
    sheet = book["Findings"]
    (finding,) = [f for f in records["findings"] if f["type"] == "conflict"]
    assert sheet.max_row == 1 + len(records["findings"])
    row = row_of(sheet, "Finding id", finding["id"])
    h = headers(sheet)
    cell = lambda name: sheet.cell(row, h[name]).value  # noqa: E731
    assert (cell("Fact"), cell("Severity"), cell("Type"), cell("Status")) == (
        "bridge-opening", "error", "conflict", "Open")
    assert cell("Consensus") == "1884"
    side_by_side = {(str(cell(f"Source {n}")), cell(f"Value {n}")) for n in (1, 2, 3)}
    assert side_by_side == {("a:1", "1884"), ("b:1", "1890"), ("c:1", "1884")}


def test_quotes_highlight_the_value_in_bold_colour(bridge):
    _, _, book = bridge
    sheet = book["Findings"]
    h = headers(sheet)
    quote = sheet.cell(2, h["Quote 2"]).value
    value = sheet.cell(2, h["Value 2"]).value
    marked = [part for part in quote if not isinstance(part, str)]
    assert str(quote) in {s for s in SOURCES.values()} | {SOURCES["src/c.txt"].split(". ")[0] + "."}
    assert [m.text for m in marked] == [value]
    assert marked[0].font.b and marked[0].font.color.rgb.endswith("C00000")


def test_links_lead_to_the_evidence_row_and_the_source_file(bridge):
    _, path, book = bridge
    findings, evidence = book["Findings"], book["Evidence"]
    h = headers(findings)
    for n in (1, 2, 3):
        source = findings.cell(2, h[f"Source {n}"])
        value = findings.cell(2, h[f"Value {n}"])
        quote = str(findings.cell(2, h[f"Quote {n}"]).value)
        sheet_name, target = value.hyperlink.location.split("!")
        assert sheet_name == "'Evidence'"
        evidence_row = int(target.lstrip("A"))
        assert str(evidence.cell(evidence_row, headers(evidence)["Sentence"]).value) == quote
        linked = (path.parent / source.hyperlink.target).resolve()
        assert linked.is_file() and quote.split(" opened")[0][-6:] in linked.read_text()


def test_status_is_a_dropdown_of_the_five_decisions(bridge):
    _, _, book = bridge
    sheet = book["Findings"]
    (validation,) = sheet.data_validations.dataValidation
    letter = sheet.cell(1, headers(sheet)["Status"]).column_letter
    assert str(validation.sqref) in (f"{letter}2:{letter}{sheet.max_row}", f"{letter}2")
    assert validation.formula1 == '"Open,Confirmed error,Accepted difference,False positive,Fixed"'
    assert validation.showErrorMessage


@pytest.mark.parametrize("severity,fill", [("error", "FFC7CE"), ("warning", "FFEB9C"), ("info", "DDEBF7")])
def test_severity_colours(bridge, severity, fill):
    _, _, book = bridge
    sheet = book["Facts × sources"]
    column = headers(sheet)["Severity"]
    cells_of = [sheet.cell(r, column) for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value == severity]
    assert cells_of and all(c.fill.fgColor.rgb == "FF" + fill for c in cells_of)


def test_matrix_colours_agreement_conflict_and_silence(bridge):
    _, _, book = bridge
    sheet = book["Facts × sources"]
    row = row_of(sheet, "Fact", "bridge-opening")
    h = headers(sheet)
    seen = {s: (sheet.cell(row, h[s]).value, sheet.cell(row, h[s]).fill.fgColor.rgb[2:]) for s in "abcd"}
    assert seen == {"a": ("1884", "C6EFCE"), "b": ("1890", "FFC7CE"), "c": ("1884", "C6EFCE"), "d": ("—", "EDEDED")}
    assert sheet.cell(row, h["Consensus"]).value == "1884"


def test_evidence_has_every_statement_read_and_why(bridge):
    records, _, book = bridge
    sheet = book["Evidence"]
    expected = sum(len(f["statements"]) + len(f["unread"]) for f in records["facts"])
    assert sheet.max_row == 1 + expected
    h = headers(sheet)
    rows = {(sheet.cell(r, h["Source"]).value, sheet.cell(r, h["Taken"]).value): r for r in range(2, sheet.max_row + 1)}
    unread = rows[("c", "no value")]  # "The Tallis Bridge is long." names no length
    assert "no count value" in sheet.cell(unread, h["Why"]).value
    read = rows[("b", "value")]
    assert sheet.cell(read, h["Value read"]).value == "1890"
    assert sheet.cell(read, h["Low"]).value == "1890-01-01" and sheet.cell(read, h["Score"]).value > 0
    assert "'1890' taken" in sheet.cell(read, h["Candidates"]).value


def test_summary_counts_and_conflicts_first(bridge):
    records, _, book = bridge
    sheet = book["Summary"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    first_column = [r[0] for r in rows]
    assert "factcheck discrepancy report" in first_column[0]
    assert rows[first_column.index("Date")][1] == "2025-03-01 12:00:00"
    outcome_header = first_column.index("Outcome")
    counts = {r[0]: r[1:5] for r in rows[outcome_header + 1:outcome_header + 7]}
    assert counts["conflict"] == [1, 0, 0, 1] and counts["total"] == [1, 1, 1, 3]
    facts = first_column.index("Fact")
    assert first_column[facts + 1] == "bridge-opening"  # the fact in conflict comes first
    digests = {r[6] for r in rows if r[6]}
    assert {s["sha256"] for s in records["sources"]} <= digests
    assert any(r[0] and r[0].startswith("How to use") for r in rows)


@pytest.mark.parametrize("text", ["=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+41 79 000", "-3", "@SUM(A1)", "#N/A",
                                  "#DIV/0!", "\t=1+1", "\r=1+1", "\uff1d1+1"])
def test_text_that_looks_like_a_formula_stays_literal_everywhere(bridge, tmp_path, text):
    records, _, _ = bridge
    records = copy.deepcopy(records)
    statement = records["facts"][0]["statements"][0]
    statement["quote"], statement["span"] = text, {"start": 0, "end": 1}
    statement["why"] = text
    finding = records["findings"][0]
    finding["statements"][0]["quote"], finding["statements"][0]["span"] = text, None
    finding["message"] = text
    records["sources"][0]["title"] = text
    path = tmp_path / "literal.xlsx"
    workbook.write(records, path)
    book = load_workbook(path)
    found = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value == text]
    assert len(found) >= 5  # message, finding quote, evidence sentence, why, source title
    assert all(c.data_type == "s" and c.quotePrefix for c in found)
    with zipfile.ZipFile(path) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
    assert b"<f>" not in xml and b't="e"' not in xml and b't="str"' not in xml


def test_characters_xml_cannot_hold_are_replaced_visibly(bridge, tmp_path):
    records, _, _ = bridge
    records = copy.deepcopy(records)
    records["facts"][0]["statements"][0]["quote"] = "bell\x07 and \x0b tab\ufffe"
    records["findings"][0]["message"] = "nul\x00here"
    path = tmp_path / "controls.xlsx"
    workbook.write(records, path)
    values = {c.value for sheet in load_workbook(path) for row in sheet.iter_rows() for c in row}
    assert "bell\ufffd and \ufffd tab\ufffd" in values and "nul\ufffdhere" in values


def test_over_long_text_is_cut_at_the_cell_limit_with_a_marker(bridge, tmp_path):
    records, _, _ = bridge
    records = copy.deepcopy(records)
    records["facts"][0]["statements"][0]["quote"] = "x" * 40000
    path = tmp_path / "long.xlsx"
    workbook.write(records, path)
    sheet = load_workbook(path)["Evidence"]
    value = sheet.cell(2, headers(sheet)["Sentence"]).value
    assert len(value) == cells.CELL_LIMIT and value.endswith("more characters]") and "cut: " in value
    assert int(value.rsplit("cut: ", 1)[1].split()[0]) == 40000 - value.index(" … [cut")


@pytest.mark.parametrize("quote,span,expected", [
    ("opened in 1884.", {"start": 10, "end": 14}, ("opened in ", "1884", ".")),
    ("1884 it opened", {"start": 0, "end": 4}, ("", "1884", " it opened")),
    ("opened in 1884", {"start": 10, "end": 14}, ("opened in ", "1884", "")),
    ("opened in 1884", None, "opened in 1884"),
    ("opened in 1884", {"start": 10, "end": 99}, "opened in 1884"),  # out of range: nothing marked
    ("opened in 1884", {"start": 5, "end": 5}, "opened in 1884"),  # empty span
    ("a\x01b 1884", {"start": 4, "end": 8}, ("a\ufffdb ", "1884", "")),  # replacement keeps offsets
])
def test_marked_quote(quote, span, expected):
    marked = cells.marked_quote(quote, span)
    assert (tuple(marked) if isinstance(marked, cells.Quote) else marked) == expected


def test_wrapped_quotes_get_rows_tall_enough(bridge, tmp_path):
    records, _, _ = bridge
    records = copy.deepcopy(records)
    long_quote = "The Tallis Bridge opened in 1884 " + "after years of argument about the cost " * 12
    for statement in records["findings"][0]["statements"][:1] + records["facts"][0]["statements"][:1]:
        statement["quote"] = long_quote
    path = tmp_path / "tall.xlsx"
    workbook.write(records, path)
    book = load_workbook(path)
    for name, column in (("Findings", "Quote 1"), ("Evidence", "Sentence")):
        sheet = book[name]
        width = sheet.column_dimensions[sheet.cell(1, headers(sheet)[column]).column_letter].width
        # Calibri, and the wider fonts LibreOffice falls back on, fit about 1.1 characters per unit of width
        lines = math.ceil(len(long_quote) / (width * 1.1))
        assert sheet.row_dimensions[2].height >= lines * 15
    assert book["Evidence"].row_dimensions[2].height <= 409


def test_same_records_give_the_same_bytes(bridge, tmp_path):
    records, path, _ = bridge
    again = path.parent / "again.xlsx"
    workbook.write(copy.deepcopy(records), again, generated=GENERATED)
    assert again.read_bytes() == path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2025-03-01T12:00:00Z" in core


@pytest.fixture
def forking(monkeypatch):
    """Every large sheet goes to a child, whatever its size; and a thread another test's
    Dask leaves idle does not stop the forks."""
    monkeypatch.setattr(workbook, "PARALLEL_ROWS", 0)
    monkeypatch.setattr(workbook.threading, "active_count", lambda: 1)


def test_large_sheets_written_by_a_child_process_give_the_same_bytes(bridge, monkeypatch, forking):
    """Past PARALLEL_ROWS rows a forked child writes the large sheets' rows; the file must
    not depend on that, nor on a child that fails (its rows are dropped and written here)."""
    import os

    from factcheck.output import sheet_evidence

    records, path, _ = bridge
    forked = path.parent / "forked.xlsx"
    workbook.write(copy.deepcopy(records), forked, generated=GENERATED)
    assert forked.read_bytes() == path.read_bytes()

    parent, candidates = os.getpid(), sheet_evidence.candidates

    def fails_in_the_child(statement):
        if os.getpid() != parent:
            raise RuntimeError("the child fails half way")
        return candidates(statement)

    monkeypatch.setattr(sheet_evidence, "candidates", fails_in_the_child)
    recovered = path.parent / "recovered.xlsx"
    workbook.write(copy.deepcopy(records), recovered, generated=GENERATED)
    assert recovered.read_bytes() == path.read_bytes()


def test_a_fork_that_fails_leaves_its_sheet_to_the_main_process(bridge, monkeypatch, forking):
    """No more processes (fork raises): the sheets not forked are written here, same bytes."""
    import os

    records, path, _ = bridge
    forks, fork = [], os.fork

    def one_fork_only():
        if forks:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        forks.append(fork())
        return forks[-1]

    monkeypatch.setattr(workbook.os, "fork", one_fork_only)
    written = path.parent / "one-child.xlsx"
    workbook.write(copy.deepcopy(records), written, generated=GENERATED)
    assert written.read_bytes() == path.read_bytes()
    assert len(forks) == 1 and len(workbook.LARGE) == 2


def test_links_written_by_a_child_process_reach_the_file(bridge, monkeypatch, tmp_path, forking):
    """A child writes a sheet's links with its rows, into files the main process saves:
    the workbook is the one written without children, link included."""
    from factcheck.output import sheet_evidence

    records, _, _ = bridge
    prepare = sheet_evidence.prepare

    def with_a_link(book, records, context):
        table, fill = prepare(book, records, context)

        def fill_and_link():
            fill()
            table.append([table.cell("see the source", link="sources/a.txt")])

        table.expected_rows += 1
        return table, fill_and_link

    monkeypatch.setitem(workbook.LARGE, sheet_evidence.write, with_a_link)
    monkeypatch.setattr(workbook, "PARALLEL_ROWS", 10**9)
    serial = tmp_path / "serial.xlsx"
    workbook.write(copy.deepcopy(records), serial, generated=GENERATED)
    monkeypatch.setattr(workbook, "PARALLEL_ROWS", 0)
    forked = tmp_path / "forked.xlsx"
    workbook.write(copy.deepcopy(records), forked, generated=GENERATED)
    assert forked.read_bytes() == serial.read_bytes()
    links = [c.hyperlink.target for row in load_workbook(forked)["Evidence"].iter_rows() for c in row if c.hyperlink]
    assert links == ["sources/a.txt"]


@pytest.mark.parametrize("location, target", [
    (None, "sources/a.txt"),
    (None, "../far%20away/b%26c.md"),
    (None, 'odd & <name> "quoted"\ttab\nline\rreturn.txt'),
    ("'Evidence'!A12", None),
    ("'Facts & <more>'!B2", None),
    ("'Evidence'!A3", "file:///srv/a.txt"),
])
def test_links_are_serialised_as_openpyxl_serialises_them(location, target):
    """The streamed <hyperlink> and relationship elements are byte for byte openpyxl's."""
    from openpyxl import Workbook
    from openpyxl.packaging.relationship import Relationship, RelationshipList
    from openpyxl.worksheet.hyperlink import Hyperlink
    from openpyxl.xml.functions import tostring

    from factcheck.output.workbook_layout import Link
    from factcheck.output.workbook_stream import RowStream
    from factcheck.output.workbook_style import Styles

    stream = RowStream(Styles(Workbook(write_only=True)), ["A"])
    stream._link("C7", Link(location, target) if location else target)
    stream.flush()
    expected = Hyperlink(ref="C7", location=location, target=target)
    relationships = RelationshipList()
    if target:
        relationships.append(Relationship(type="hyperlink", TargetMode="External", Target=target))
        expected.id = relationships[0].id
    stream.links.seek(0)
    stream.relationships.seek(0)
    assert stream.links.read() == tostring(expected.to_tree())
    written = stream.relationships.read()
    assert written == (tostring(relationships.to_tree()).split(b">", 1)[1].rsplit(b"<", 1)[0] if target else b"")
    stream.close()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # openpyxl's unfinished sheets
def test_a_failure_while_the_child_writes_stops_it_and_writes_nothing(bridge, monkeypatch, forking):
    import os

    from factcheck.output import sheet_findings

    records, path, _ = bridge
    children, fork = [], os.fork

    def recorded_fork():
        pid = fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(workbook.os, "fork", recorded_fork)

    def broken(*_):
        raise RuntimeError("the findings sheet fails")

    monkeypatch.setattr(workbook, "SHEETS", tuple(broken if w is sheet_findings.write else w for w in workbook.SHEETS))
    target = path.parent / "never.xlsx"
    with pytest.raises(RuntimeError, match="findings sheet fails"):
        workbook.write(copy.deepcopy(records), target, generated=GENERATED)
    assert not target.exists()
    assert len(children) == len(workbook.LARGE)  # one child per large sheet
    for child in children:
        with pytest.raises(ChildProcessError):  # the child was stopped and reaped
            os.waitpid(child, os.WNOHANG)
    import gc

    gc.collect()  # openpyxl's unfinished sheets complain when collected: here, where that is expected


def test_a_different_date_changes_only_the_date(bridge, tmp_path):
    records, path, _ = bridge
    later = path.parent / "later.xlsx"  # beside it: links to the sources are relative to the workbook
    workbook.write(records, later, generated=datetime(2025, 3, 2))
    assert later.read_bytes() != path.read_bytes()
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(later) as b:
        differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert differ == ["docProps/core.xml", "xl/worksheets/sheet1.xml"]  # properties and the Summary


def test_undated_run_shows_no_date(bridge, tmp_path):
    records, _, _ = bridge
    path = tmp_path / "undated.xlsx"
    workbook.write(records, path)
    assert "Date" not in [row[0].value for row in load_workbook(path)["Summary"].iter_rows()]


def test_empty_report_still_makes_a_usable_workbook(tmp_path):
    records = {"tool": {"name": "factcheck", "version": "0"}, "sources": [], "rules": [], "rule_files": [], "facts": [], "findings": [],
               "problems": ["x.txt: is not valid UTF-8"], "warnings": []}
    path = tmp_path / "empty.xlsx"
    workbook.write(records, path)
    book = load_workbook(path)
    assert book.sheetnames == SHEETS and book["Findings"].max_row == 1
    assert "x.txt: is not valid UTF-8" in [r[0].value for r in book["Summary"].iter_rows()]


def test_running_again_on_the_same_inputs_rewrites_the_same_bytes(workspace):
    from click.testing import CliRunner

    from factcheck.cli import main

    folder = workspace({"rules/r.yaml": RULES, **SOURCES})
    report = folder / "reports" / "report.xlsx"
    args = ["check", "--sources", str(folder / "src"), "--rules", str(folder / "rules"), "--report", str(report)]
    assert CliRunner().invoke(main, args).exit_code == 1
    first = report.read_bytes()
    assert CliRunner().invoke(main, args).exit_code == 1  # reads the first as the reviewed workbook, then replaces it
    assert report.read_bytes() == first


def test_many_sources_turn_the_matrix_around_and_stay_off_the_summary(tmp_path):
    """Past MAX_SOURCE_COLUMNS sources the matrix has a row per source (a spreadsheet has
    too few columns for thousands), and the Summary lists only the first source files."""
    from factcheck.output.sheet_matrix import MAX_SOURCE_COLUMNS
    from factcheck.output.sheet_summary import MAX_FILES

    count = max(MAX_SOURCE_COLUMNS, MAX_FILES) + 5
    files = {"rules/r.yaml": RULES}
    files.update({f"src/s{n:03}.txt": f"The Tallis Bridge opened in {1884 if n % 7 else 1890}." for n in range(count)})
    folder = build(tmp_path, files)
    path = tmp_path / "report.xlsx"
    workbook.write(check(folder), path)
    book = load_workbook(path)
    sheet = book["Facts × sources"]
    h = headers(sheet)
    assert list(h)[:2] == ["Source", "bridge-opening"] and sheet.max_row == 1 + count
    by_source = {sheet.cell(r, 1).value: sheet.cell(r, h["bridge-opening"]) for r in range(2, sheet.max_row + 1)}
    assert (by_source["s001"].value, by_source["s001"].fill.fgColor.rgb[2:]) == ("1884", "C6EFCE")
    assert (by_source["s007"].value, by_source["s007"].fill.fgColor.rgb[2:]) == ("1890", "FFC7CE")
    assert sheet.cell(2, h["bridge-length"]).value == "—"
    summary = [c for row in book["Summary"].iter_rows(values_only=True) for c in row if c]
    listed = [c for c in summary if str(c).endswith(".txt")]
    assert len(listed) == MAX_FILES
    assert any(f"… and {count - MAX_FILES:,} more" in str(c) for c in summary)
    assert book["Sources"].max_row == 1 + count
