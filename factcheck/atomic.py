"""Write files atomically: a temporary file beside the target, then a rename.

A reader never sees half a report, and a failed write leaves the old file intact.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import ReportError


def write_atomic(path: str | Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_with(path, lambda handle: handle.write(data))


def write_with(path: str | Path, writer: Callable) -> None:
    """Call writer(binary file handle) on a temporary file, then move it into place.

    A place that cannot be written (a folder in the way, no permission, a full disk)
    is a ReportError naming the path, never a traceback."""
    path = Path(path)
    try:
        _write(path, writer)
    except OSError as exc:
        raise ReportError(f"cannot be written: {exc.strerror or exc}", path=str(path)) from None


def _write(path: Path, writer: Callable) -> None:
    if path.is_dir():
        raise IsADirectoryError(21, "it is a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            writer(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets what the umask allows.

    (mkstemp creates 0600 files, which would hide reports from the rest of a team.)"""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
