"""Write files atomically: a temporary file beside the target, then a move.

A reader never sees half a report, and a failed write leaves the old file intact. The
temporary file is `.<name>.<pid>.<random>.tmp`; one left by a run that was killed (its
process gone, or older than STALE_AFTER seconds) is removed by the next write beside it.

A file that people edit (the workbook) is replaced only if it is still the one the run
read: `place_if_unchanged` moves the old file aside, compares it with what was read (its
SHA-256), and links the new one into place only where nothing else has appeared, so a
reviewer's save that lands at any moment during the run is never overwritten (the caller
reads it again: see review.py). `blocked` says when a workbook is open in LibreOffice or
Excel (their lock file beside it) or read-only, and so must not be replaced at all.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportError

STALE_AFTER = 24 * 3600  # a temporary file this old is left over whoever made it


def write_atomic(path: str | Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_with(path, lambda handle: handle.write(data))


def write_with(path: str | Path, writer: Callable, place: Callable[[str, Path], None] | None = None) -> None:
    """Call writer(binary file handle) on a temporary file, then move it into place with
    `place(temporary, path)` (default: os.replace).

    A place that cannot be written (a folder in the way, no permission, a full disk)
    is a ReportError naming the path, never a traceback."""
    path = Path(path)
    try:
        _write(path, writer, place or os.replace)
    except OSError as exc:
        raise ReportError(f"cannot be written: {exc.strerror or exc}", path=str(path)) from None


def _write(path: Path, writer: Callable, place: Callable[[str, Path], None]) -> None:
    if path.is_dir():
        raise IsADirectoryError(21, "it is a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            writer(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        place(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets what the umask allows.

    (mkstemp creates 0600 files, which would hide reports from the rest of a team.)"""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_stale(path: Path) -> list[str]:
    """Remove the temporary files earlier writes of `path` left (a killed run's): those whose
    process is gone (a minute after it was last written to: another machine's run on a shared
    folder is still writing), those of older versions without a process id after ten
    minutes, and any older than STALE_AFTER. Returns their names."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"(?:(\d+)\.)?[^.]+(?:\.old)?\.tmp")
    removed = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match:
            continue
        pid = int(match.group(1)) if match.group(1) else None
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            gone = pid is not None and pid != os.getpid() and not _running(pid)
            if age > STALE_AFTER or (gone and age > 60) or (pid is None and age > 600):
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


@dataclass(frozen=True)
class Identity:
    """What a file was when it was read: enough to tell whether it is still the same."""

    size: int
    mtime_ns: int
    sha256: str


def read_identified(path: str | Path) -> tuple[bytes, Identity]:
    """The bytes of a file and its identity, read consistently (again if it changed meanwhile)."""
    for _ in range(5):
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            data = handle.read()
            after = os.fstat(handle.fileno())
        if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) == (len(data), after.st_mtime_ns):
            break  # not written to while it was read
    return data, Identity(len(data), after.st_mtime_ns, hashlib.sha256(data).hexdigest())


def identity(path: str | Path) -> Identity | None:
    try:
        return read_identified(path)[1]
    except FileNotFoundError:
        return None


class Changed(Exception):
    """The file to be replaced is no longer the one that was read: someone saved it meanwhile."""


class Blocked(Exception):
    """The file must not be replaced (open in an office program, or read-only); `why` says so."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def place_if_unchanged(expected: Identity | None) -> Callable[[str, Path], None]:
    """A `place` for write_with that moves the new file to `target` only while `target` is
    still `expected` (None: no file), else raises Changed leaving the file found there
    (someone's save) in place; raises Blocked when the target is open or read-only."""

    def place(temporary: str, target: Path) -> None:
        why = blocked(target)
        if why:
            raise Blocked(why)
        aside = f"{target.parent / ('.' + target.name)}.{os.getpid()}.{os.urandom(4).hex()}.old.tmp"
        try:
            os.rename(target, aside)  # what is at target at this instant, whoever wrote it
        except FileNotFoundError:
            aside = None
        if not _same(identity(aside) if aside else None, expected):
            if aside:
                _put_back(aside, target)
            raise Changed(str(target))
        try:
            os.link(temporary, target)  # fails if a save landed since the rename
        except FileExistsError:
            if aside:
                os.unlink(aside)
            raise Changed(str(target)) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
                if aside:
                    _put_back(aside, target)
                raise
            if os.path.lexists(target):  # a file system without hard links: check, then move
                if aside:
                    os.unlink(aside)
                raise Changed(str(target)) from None
            os.replace(temporary, target)
        if aside:
            os.unlink(aside)

    return place


def _same(found: Identity | None, expected: Identity | None) -> bool:
    """The same content (a save that changed nothing, or a touch, is the same file)."""
    return (found is None) == (expected is None) and (found is None or found.sha256 == expected.sha256)


def _put_back(aside: str, target: Path) -> None:
    """Return a file moved aside to its place, unless a newer one has appeared there."""
    try:
        os.link(aside, target)
    except FileExistsError:
        pass
    except OSError:
        if not os.path.lexists(target):
            os.replace(aside, target)
            return
    Path(aside).unlink(missing_ok=True)


def blocked(path: Path) -> str:
    """Why the workbook at `path` must not be replaced now ("" when it may be): a LibreOffice
    lock file `.~lock.<name>#` or an Excel owner file `~$<name>` beside it (the program
    would save over the new report), or a file without write permission."""
    for lock in (path.parent / f".~lock.{path.name}#", path.parent / f"~${path.name}",
                 path.parent / f"~${path.name[2:]}"):
        if lock.is_file():
            holder = lock_holder(lock)
            return (f"it is open in {'LibreOffice' if lock.name.startswith('.~lock.') else 'Excel'}"
                    f"{f' by {holder}' if holder else ''} (lock file {lock.name})")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return ""
    if not mode & 0o222:
        return "it is read-only"
    return ""


def lock_holder(lock: Path) -> str:
    """Who holds an office lock file: 'name on host' from LibreOffice's (fields: the name set
    in its options, the system user, the host, the time, the profile URL), or the name in
    an Excel owner file (a length byte, then the name); '' when unknown."""
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return ""
    if lock.name.startswith(".~lock."):
        fields = [f.strip() for f in data.decode("utf-8", "replace").split(",")] + ["", "", ""]
        name, host = fields[0] or fields[1], fields[2].lstrip("%")
        return f"{name} on {host}" if name and host else name or host
    if data and 0 < data[0] < len(data):
        return data[1 : 1 + data[0]].decode("latin-1", "replace").strip()
    return ""
