"""The report opened in a real spreadsheet program: LibreOffice, headless.

Few and module-scoped on purpose: each start of LibreOffice costs seconds. The module
makes one report, then asks LibreOffice three things: every sheet as CSV (what a
reviewer reads), the whole book as PDF (what they print), and a copy a reviewer
decided in and LibreOffice saved, which the next run must read.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import build
from factcheck.cli import main
from factcheck.review import ReviewOptions, review

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                                        "apt-get install libreoffice-calc-nogui to run these")
CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
FILES = {
    "rules/r.yaml": """
        rules:
          - id: bridge-opening
            question: When did the Tallis Bridge open?
            subject: [Tallis Bridge]
            cues: [opened]
            kind: year
            severity: error
    """,
    "src/manifest.yaml": """
        sources:
          - {id: sums, file: a.txt, title: "#N/A", publisher: "=cmd|' /C calc'!A0"}
          - {id: civic, file: b.txt, title: "+Civic society", publisher: "@city"}
    """,
    "src/a.txt": "=SUM(1,2) The Tallis Bridge opened in 1884.",
    "src/b.txt": "-The Tallis Bridge opened in 1890, to crowds, after a decade of argument about its cost, its "
                 "route across the marshes, its tolls and the height of its arches above the river at high tide.",
}
QUOTES = [FILES["src/a.txt"], FILES["src/b.txt"]]


def soffice(profile: Path, *args: str, cwd: Path) -> None:
    """Run LibreOffice headless with its own profile (no lock shared with another instance)."""
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr


def check(folder: Path, report: Path, *extra: str):
    return CliRunner().invoke(main, ["check", "--sources", str(folder / "src"), "--rules", str(folder / "rules"),
                                     "--report", str(report), *extra])


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The report, and what LibreOffice made of it: CSV of every sheet, a PDF, a re-saved reviewed copy."""
    folder = build(tmp_path_factory.mktemp("office"), FILES)
    profile = tmp_path_factory.mktemp("lo-profile")
    report = folder / "out" / "report.xlsx"
    assert check(folder, report).exit_code == 1

    version = subprocess.run([SOFFICE, "--version"], capture_output=True, text=True, timeout=60).stdout
    major_minor = tuple(int(n) for n in re.search(r"(\d+)\.(\d+)", version).groups())
    if major_minor < (7, 2):
        pytest.skip(f"{version.strip()}: exporting every sheet to CSV needs LibreOffice 7.2 or later")
    soffice(profile, "--convert-to", CSV_ALL_SHEETS, "--outdir", str(folder / "csv"), str(report), cwd=folder)
    soffice(profile, "--convert-to", "pdf", "--outdir", str(folder / "pdf"), str(report), cwd=folder)

    reviewed = folder / "reviewed" / "report.xlsx"  # a reviewer decides, LibreOffice saves
    reviewed.parent.mkdir()
    book = load_workbook(report, rich_text=True)
    sheet = book["Findings"]
    header = {c.value: c.column for c in sheet[1]}
    sheet.cell(2, header["Status"]).value = "False positive"
    sheet.cell(2, header["Reviewer"]).value = "ana"
    sheet.cell(2, header["Note"]).value = "b dates the royal opening"
    book.save(reviewed)
    soffice(profile, "--convert-to", "xlsx", "--outdir", str(folder / "saved"), str(reviewed), cwd=folder)
    return folder, report, folder / "saved" / "report.xlsx"


def sheet_csv(folder: Path, name: str) -> list[list[str]]:
    with open(folder / "csv" / f"report-{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_every_sheet_is_readable_in_libreoffice(office):
    folder, _, _ = office
    names = {p.stem.removeprefix("report-") for p in (folder / "csv").glob("*.csv")}
    assert names == {"Summary", "Findings", "Facts × sources", "Evidence", "Rules", "Sources",
                     "Resolved since last run"}


def test_the_reviewer_sees_one_row_per_finding_with_whole_quotes(office):
    folder, _, _ = office
    header, *rows = sheet_csv(folder, "Findings")
    assert {"Finding id", "Status", "Reviewer", "Note", "Date", "Quote 1", "Quote 2"} <= set(header)
    (row,) = rows
    seen = dict(zip(header, row))
    assert (seen["Fact"], seen["Severity"], seen["Status"]) == ("bridge-opening", "error", "Open")
    assert {seen["Quote 1"], seen["Quote 2"]} == set(QUOTES)  # formula-looking text shown as written
    assert {seen["Value 1"], seen["Value 2"]} == {"1884", "1890"}


def test_formula_looking_text_stays_literal_in_libreoffice(office):
    folder, _, _ = office
    evidence = [cell for row in sheet_csv(folder, "Evidence") for cell in row]
    assert set(QUOTES) <= set(evidence) and "3" not in evidence
    header, *rows = sheet_csv(folder, "Sources")
    by_id = {row[header.index("Source")]: dict(zip(header, row)) for row in rows}
    assert (by_id["sums"]["Title"], by_id["sums"]["Publisher"]) == ("#N/A", "=cmd|' /C calc'!A0")
    assert (by_id["civic"]["Title"], by_id["civic"]["Publisher"]) == ("+Civic society", "@city")


def test_the_matrix_and_summary_read_right(office):
    folder, _, _ = office
    header, row = sheet_csv(folder, "Facts × sources")
    seen = dict(zip(header, row))
    assert (seen["sums"], seen["civic"], seen["Outcome"]) == ("1884", "1890", "conflict")
    summary = [cell for row in sheet_csv(folder, "Summary") for cell in row]
    assert "factcheck discrepancy report" in summary and "bridge-opening" in summary


def test_the_pdf_prints_landscape_pages(office):
    folder, _, _ = office
    pdf = (folder / "pdf" / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)]
    assert len(boxes) >= 7  # at least a page per sheet
    assert all(w > h for w, h in boxes)


def test_libreoffice_keeps_what_the_workbook_promises(office):
    _, _, saved = office
    assert b"LibreOffice" in __import__("zipfile").ZipFile(saved).read("docProps/app.xml")
    sheet = load_workbook(saved, rich_text=True)["Findings"]
    header = {c.value: c.column for c in sheet[1]}
    quote = sheet.cell(2, header["Quote 1"]).value
    bold = [part.text for part in quote if not isinstance(part, str) and part.font.b]
    assert bold == [str(sheet.cell(2, header["Value 1"]).value)]  # the value is still highlighted
    (validation,) = sheet.data_validations.dataValidation
    assert "Accepted difference" in validation.formula1 and sheet.cell(1, header["Status"]).coordinate[0] in str(
        validation.sqref)


def test_a_decision_saved_by_libreoffice_is_carried_to_the_next_run(office, tmp_path):
    folder, _, saved = office
    report = tmp_path / "report.xlsx"
    shutil.copy(saved, report)
    result = check(folder, report, "--format", "json")
    assert result.exit_code == 1, result.output
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["decision"]["status"] == "False positive"
    assert (finding["decision"]["reviewer"], finding["decision"]["note"]) == ("ana", "b dates the royal opening")
    sheet = load_workbook(report)["Findings"]
    header = {c.value: c.column for c in sheet[1]}
    assert sheet.cell(2, header["Status"]).value == "False positive"
    # and the same LibreOffice-saved workbook works as a CI baseline
    records = json.loads(result.stdout)
    for f in records["findings"]:
        f.pop("decision")
    outcome = review(records, ReviewOptions(report=None, baseline=saved))
    assert records["findings"][0]["suppressed"]["status"] == "False positive"
    assert "1 finding(s) suppressed" in outcome.messages[0]
