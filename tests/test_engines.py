"""Parallel and distributed runs give exactly the results of a serial run, in order."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from conftest import ROOT
from factcheck.check import run_check
from factcheck.cli import main
from factcheck.progress import ProgressBar
from factcheck.records import report_records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The bundled articles six times over (30 documents) plus one unreadable file."""
    folder = tmp_path_factory.mktemp("corpus")
    for n in range(6):
        for path in sorted((ROOT / "sources").glob("*.txt")):
            (folder / f"{n}-{path.name}").write_bytes(path.read_bytes())
    (folder / "3-broken.txt").write_bytes(b"\xff\xfe broken")
    return folder


def records(corpus, **engine) -> dict:
    return report_records(run_check([corpus], [ROOT / "rules"], **engine))


@pytest.fixture(scope="module")
def serial(corpus):
    return records(corpus, jobs=1)


def test_processes_give_identical_results(corpus, serial):
    parallel = records(corpus, jobs=2)
    assert parallel == serial
    assert len(serial["sources"]) == 30 and len(serial["problems"]) == 1


def test_dask_local_cluster_gives_identical_results(corpus, serial):
    distributed = pytest.importorskip("distributed", reason="pip install 'factcheck[dask]' to test the dask engine")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                  processes=True) as cluster:
        result = records(corpus, engine="dask", scheduler=cluster.scheduler_address)
    assert result == serial


def test_dask_without_scheduler_is_a_usage_error(corpus):
    result = CliRunner().invoke(main, ["check", "--sources", str(corpus), "--engine", "dask", "--no-report"])
    assert result.exit_code == 2 and "--scheduler" in result.output


def test_cli_jobs_same_json(corpus, tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"{jobs}.json"
        CliRunner().invoke(main, ["check", "--sources", str(corpus), "--no-report", "-j", jobs,
                                  "--format", f"json:{out}"])
        outputs.append(json.loads(out.read_text()))
    assert outputs[0] == outputs[1]


def test_progress_line_counts_rate_and_time_left():
    stream = io.StringIO()
    with ProgressBar(enabled=True, label="documents", stream=stream) as bar:
        bar.set_total(10)
        bar.advance(10)
        assert bar.line(2.0).endswith("10/10 documents  5.0/s  00:00:00 left")
        assert bar.line(2.0).startswith("[" + "#" * ProgressBar.WIDTH + "]")
    assert "10/10 documents" in stream.getvalue() and stream.getvalue().endswith("\r\x1b[2K")


def test_no_progress_when_not_a_terminal(corpus):
    result = CliRunner().invoke(main, ["check", "--sources", str(corpus), "--no-report", "--format", "json"])
    assert "documents" not in result.stderr.replace('"documents"', "")
    assert "/s " not in result.stderr
