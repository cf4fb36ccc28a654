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
