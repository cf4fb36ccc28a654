"""Shared test helpers: build a workspace of files from a dict, find the project root."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def build(base: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: content} under base; str content is dedented UTF-8."""
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return base


@pytest.fixture
def workspace(tmp_path):
    """workspace({...}) -> a temp folder holding those files."""
    return lambda files: build(tmp_path, files)


# A small rule set the output-format tests share: a year conflict, a count with an
# expected value, and a fact one source contradicts itself on.
BRIDGE_RULES = """
rules:
  - id: bridge-opening
    question: When did the bridge open?
    subject: [Tallis Bridge]
    cues: [opened]
    kind: year
    severity: error
  - id: bridge-length
    question: How long is the Tallis Bridge, in metres?
    subject: [Tallis Bridge]
    cues: [long]
    kind: count
    severity: warning
    expected: {value: 240, reference: "City survey, 1990"}
  - id: architect-born
    question: When was the bridge's architect born?
    subject: [Marren]
    cues: [born]
    kind: year
    severity: info
"""


def records_in(folder: Path, files: dict, monkeypatch) -> dict:
    """Real records of a run from inside `folder` (relative paths, as the CLI gives them)."""
    from factcheck.check import run_check
    from factcheck.records import report_records

    build(folder, files)
    monkeypatch.chdir(folder)
    return report_records(run_check(["src"], ["rules"]))
