"""Atomic writes: whole file or old file, never half; ordinary permissions."""
from __future__ import annotations

import os

import pytest

from factcheck.atomic import write_atomic, write_with


def test_new_file_gets_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "r.json").stat().st_mode & 0o777 == 0o644


def test_existing_mode_is_kept(tmp_path):
    path = tmp_path / "r.json"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text() == "new" and path.stat().st_mode & 0o777 == 0o640


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_text("old")

    def broken(handle):
        handle.write(b"half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_with(path, broken)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]
