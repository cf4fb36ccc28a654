"""The workbook write never loses a reviewer's work: a save during the run, an open or
read-only workbook, a killed run's leftovers, a date pasted as a number."""
from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from factcheck import atomic, review as review_module
from factcheck.cli import main
from factcheck.output import workbook as workbook_module
from factcheck.output.workbook_reader import read_ledger
from test_workbook_decisions import RULES, SOURCES, columns, decide, run

REAL_REPLACE, REAL_RENAME, REAL_LINK = os.replace, os.rename, os.link


@pytest.fixture
def project(workspace):
    folder = workspace({"rules/r.yaml": RULES, **SOURCES})
    run(folder)  # the workbook a reviewer then works in
    return folder


def save_as_reviewer(path: Path, opened: bytes, fact: str, reviewer: str, status: str = "Confirmed error") -> None:
    """What LibreOffice and Excel do with the workbook they opened (`opened`): the edited
    workbook written beside the file, then moved over it."""
    import io

    book = load_workbook(io.BytesIO(opened))
    sheet = book["Findings"]
    col = columns(sheet)
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, col["Fact"]).value == fact:
            sheet.cell(row, col["Status"]).value = status
            sheet.cell(row, col["Reviewer"]).value = reviewer
    beside = path.with_name(f".~saving-{reviewer}.xlsx")
    book.save(beside)
    REAL_REPLACE(beside, path)


def decisions(path: Path) -> dict[str, tuple[str, str]]:
    return {d.rule: (d.status, d.reviewer) for d in read_ledger(path).decisions.values() if d.made}


# Where a reviewer's save lands during a run: each is one way a run could overwrite it.
def after_the_read(monkeypatch, save):
    real = review_module._previous
    calls = []

    def previous(report):
        found = real(report)
        if not calls:
            calls.append(1)
            save()
        return found

    monkeypatch.setattr(review_module, "_previous", previous)


def while_the_workbook_is_built(monkeypatch, save, times=1):
    real = workbook_module.write_with
    calls = []

    def write_with(path, writer, place=None):
        def writing(handle):
            writer(handle)
            if len(calls) < times:
                calls.append(1)
                save()
        real(path, writing, place)

    monkeypatch.setattr(workbook_module, "write_with", write_with)


def just_before_the_move(monkeypatch, save):
    calls = []

    def rename(source, target):
        if str(target).endswith(".old.tmp") and not calls:
            calls.append(1)
            save()
        REAL_RENAME(source, target)

    monkeypatch.setattr(os, "rename", rename)


def between_moving_aside_and_linking(monkeypatch, save):
    calls = []

    def link(source, target, **kwargs):
        if str(target).endswith("report.xlsx") and not calls:
            calls.append(1)
            save()  # the target was just moved aside: the save creates it anew
        REAL_LINK(source, target, **kwargs)

    monkeypatch.setattr(os, "link", link)


def on_every_attempt(monkeypatch, save):
    while_the_workbook_is_built(monkeypatch, save, times=99)


RACES = [after_the_read, while_the_workbook_is_built, just_before_the_move, between_moving_aside_and_linking,
         on_every_attempt]


@pytest.mark.parametrize("attempt", range(10))
def test_a_reviewer_saving_during_a_run_keeps_every_decision(project, monkeypatch, attempt):
    """Ten attempts, each save landing at another moment of the run (all five moments, twice,
    with different decisions): every decision saved is in the workbook afterwards."""
    report = project / "report.xlsx"
    decide(report, {"bridge-closing": {"Status": "Fixed", "Reviewer": "earlier"}})  # a decision before the run
    race = RACES[attempt % len(RACES)]
    reviewer = f"reviewer-{attempt}"
    fact = ("bridge-opening", "bridge-closing")[attempt % 2]
    saves = []
    opened = report.read_bytes()  # the reviewer opened the workbook before the run

    def save():
        saves.append(1)
        save_as_reviewer(report, opened, fact, f"{reviewer}-{len(saves)}")

    race(monkeypatch, save)
    records, messages = run(project)
    assert saves, "the race was not run"
    kept = decisions(report)
    assert kept[fact] == ("Confirmed error", f"{reviewer}-{len(saves)}")  # the latest save, whole
    if fact != "bridge-closing":
        assert kept["bridge-closing"] == ("Fixed", "earlier")
    beside = project / "report.new.xlsx"
    if race is on_every_attempt:  # the reviewer's file is kept, the report written beside it
        assert beside.exists() and decisions(beside)[fact][1].startswith(reviewer)
    else:
        assert not beside.exists()
        assert {f["rule"] for f in records["findings"]} <= {r for r in _facts(report)}
    assert not [p.name for p in project.iterdir() if p.name.endswith(".tmp")]


def _facts(path: Path) -> set[str]:
    sheet = load_workbook(path, read_only=True)["Findings"]
    rows = list(sheet.iter_rows(values_only=True))
    return {row[rows[0].index("Fact")] for row in rows[1:]}


LOCKS = [
    (".~lock.report.xlsx#", b"Ana Lima,ana,desk-7,03.12.2026 10:00,file:///home/ana/.config/libreoffice/4;",
     "it is open in LibreOffice by Ana Lima on desk-7 (lock file .~lock.report.xlsx#)"),
    (".~lock.report.xlsx#", b",ana,%desk-7,03.12.2026 10:00,file:///home/ana/.config/libreoffice/4;",
     "it is open in LibreOffice by ana on desk-7 (lock file .~lock.report.xlsx#)"),
    ("~$report.xlsx", b"\x03Ben" + b"\x20" * 50, "it is open in Excel by Ben (lock file ~$report.xlsx)"),
    (None, None, "it is read-only"),
]


@pytest.mark.parametrize("lock,content,why", LOCKS, ids=["libreoffice", "libreoffice-no-name", "excel", "read-only"])
def test_an_open_or_read_only_workbook_is_not_replaced(project, monkeypatch, lock, content, why):
    report = project / "report.xlsx"
    decide(report, {"bridge-opening": {"Status": "Fixed", "Reviewer": "ana"}})
    if lock:
        (project / lock).write_bytes(content)
    else:
        report.chmod(0o444)
    before = report.read_bytes()
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--sources", "src", "--rules", "rules", "--report", "report.xlsx",
                                       "--quiet"], catch_exceptions=False)
    assert result.exit_code == 1  # the findings' own status
    assert report.read_bytes() == before
    assert (f"factcheck: warning: report.xlsx was not replaced: {why}. The new report is report.new.xlsx"
            in result.stderr)
    assert decisions(project / "report.new.xlsx")["bridge-opening"] == ("Fixed", "ana")


def test_stale_temporary_files_of_killed_runs_are_removed(project):
    old = time.time() - 3600
    dead = _dead_pid()
    leftovers = [".report.xlsx.k2j4h1_x.tmp", f".report.xlsx.{dead}.abcd1234.tmp",
                 f".report.xlsx.{dead}.00ff00ff.old.tmp"]
    kept = [f".report.xlsx.{os.getppid()}.zzzz9999.tmp",  # a live process's: still being written
            ".other.xlsx.12345678.tmp", "report.xlsx.tmp"]
    for name in leftovers + kept:
        (project / name).write_bytes(b"half a workbook")
        os.utime(project / name, (old, old))
    run(project)
    left = {p.name for p in project.iterdir()}
    assert not left & set(leftovers)
    assert set(kept) <= left


def _dead_pid() -> int:
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


@pytest.mark.parametrize("cell,expected", [(45778, "2025-05-01"), (45778.0, "2025-05-01"), ("45778", "45778"),
                                           (date(2025, 5, 1), "2025-05-01")])
def test_a_date_cell_holding_a_serial_reads_as_the_date(project, cell, expected):
    report = project / "report.xlsx"
    decide(report, {"bridge-opening": {"Status": "Fixed", "Date": cell, "Expires": 46000}})
    (decision,) = [d for d in read_ledger(report).decisions.values() if d.rule == "bridge-opening"]
    assert decision.date == expected and decision.expires == "2025-12-09"


def test_place_if_unchanged_refuses_a_changed_file(tmp_path):
    target = tmp_path / "w.xlsx"
    target.write_bytes(b"read by the run")
    _, read_as = atomic.read_identified(target)
    target.write_bytes(b"saved by a reviewer")
    with pytest.raises(atomic.Changed):
        atomic.write_with(target, lambda handle: handle.write(b"the run's report"), atomic.place_if_unchanged(read_as))
    assert target.read_bytes() == b"saved by a reviewer"
    assert [p.name for p in tmp_path.iterdir()] == ["w.xlsx"]
    atomic.write_with(target, lambda handle: handle.write(b"the run's report"),
                      atomic.place_if_unchanged(atomic.identity(target)))
    assert target.read_bytes() == b"the run's report"


def test_a_reviewer_saving_from_another_thread_at_a_random_moment_keeps_every_decision(project):
    """The same race with real timing: a reviewer's save from another thread, at a random
    moment of each of 10 runs (some before the read, some during the write, some after)."""
    import random
    import threading

    report = project / "report.xlsx"
    started = time.perf_counter()
    run(project)
    took = time.perf_counter() - started
    chance = random.Random(17)
    for attempt in range(10):
        opened = report.read_bytes()
        reviewer = f"thread-{attempt}"
        delay = chance.uniform(0, took * 1.2)
        saver = threading.Timer(delay, save_as_reviewer, (report, opened, "bridge-opening", reviewer))
        saver.start()
        run(project)
        saver.join()
        assert decisions(report)["bridge-opening"] == ("Confirmed error", reviewer), f"attempt {attempt}, {delay:.3f} s"
        assert not (project / "report.new.xlsx").exists()
