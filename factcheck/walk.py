"""Walk a folder for the files to read, naming every entry that cannot be read.

Sources and rule folders are walked the same way: a folder that cannot be listed, a
symbolic link to nothing or to itself (a loop), a pipe or device file: each is one
`Unreadable(path, why)`, and every other file is still found. Symbolic links are followed,
to files and to folders; a link to a folder walked already (a link back up the tree, or
a second link to one folder) is named instead, so no walk is endless or reads a file twice.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from typing import NamedTuple


class Unreadable(NamedTuple):
    path: str
    why: str


class Walk(NamedTuple):
    files: list[tuple[str, str]]  # (path in the folder with "/", path as pathlib would write it), sorted
    unreadable: list[Unreadable]


def walk(folder: str, wanted: Callable[[str], bool] = lambda name: True, hidden: bool = False) -> Walk:
    """The files under `folder` whose name is `wanted`, and the entries that cannot be read.

    Names starting with "." are left out unless `hidden`. A folder whose name looks wanted
    (`x.yaml/`) is walked as a folder, never opened as a file.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    unreadable: list[Unreadable] = []
    pending = [(str(folder), ())]
    walked = {os.path.realpath(folder)}
    while pending:
        path, parts = pending.pop()
        try:
            with os.scandir(path) as entries:
                listed = list(entries)
        except OSError as exc:
            unreadable.append(Unreadable(path, f"folder cannot be read: {exc.strerror or exc}"))
            continue
        for entry in listed:
            if entry.name.startswith(".") and not hidden:
                continue
            kind, why = entry_kind(entry.path)
            if kind == "folder" and entry.is_symlink():
                real = os.path.realpath(entry.path)
                if real in walked or any(real == w or w.startswith(real + os.sep) for w in walked):
                    unreadable.append(Unreadable(entry.path, f"is a link to a folder read already ({real}): not "
                                                             "read twice"))
                else:
                    walked.add(real)
                    pending.append((entry.path, parts + (entry.name,)))
            elif kind == "folder":
                real = os.path.realpath(entry.path)
                if real in walked:
                    unreadable.append(Unreadable(entry.path, "is a folder read already, through a link: not read twice"))
                    continue
                walked.add(real)
                pending.append((entry.path, parts + (entry.name,)))
            elif kind == "file" and wanted(entry.name):
                found.append((parts + (entry.name,), entry.path))
            elif why and wanted(entry.name):
                unreadable.append(Unreadable(entry.path, why))
    found.sort()
    unreadable.sort()
    base = str(folder)
    files = [("/".join(parts), os.path.join(*parts) if base == "." else os.path.join(base, *parts))
             for parts, _ in found]
    return Walk(files, unreadable)


def entry_kind(path: str) -> tuple[str, str]:
    """("file" | "folder" | "other", why it cannot be read, or "") for one path, links followed."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "other", "is a symbolic link loop (it points, through links, back to itself)"
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return "other", f"is a symbolic link to nothing ({os.readlink(path)} does not exist)"
        if exc.errno == errno.ENOENT:
            return "other", "no such file or folder"
        return "other", f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "folder", ""
    if stat.S_ISREG(mode):
        return "file", ""
    what = "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return "other", f"is {what}, not a file"
