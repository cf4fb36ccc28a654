"""Find, read and describe source documents.

A folder of sources may hold `manifest.yaml` naming each file's id, title, publisher
and date; files it does not list still load, with the file name (without extension)
as id. A file that cannot be read (binary, not UTF-8, empty, too large, unknown
format) becomes a SourceError in `problems`; every other file is still read.
"""
from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from . import readers
from .errors import SourceError
from .model import Document, Source
from .segment import split_sentences
from .walk import entry_kind, walk

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")
MAX_BYTES = 50 * 1024 * 1024
MANIFEST_KEYS = {"id", "file", "title", "publisher", "date", "format", "role", "url", "subject"}


@dataclass(frozen=True)
class Loaded:
    documents: tuple[Document, ...]
    problems: tuple[SourceError, ...]


def load_sources(paths: list[str | Path], role: str = "reference", max_bytes: int = MAX_BYTES) -> Loaded:
    """Read every source under `paths` (files or folders), in a stable order."""
    documents: list[Document] = []
    problems: list[SourceError] = []
    for source in discover(paths, role, problems):
        try:
            documents.append(read_document(source, max_bytes))
        except SourceError as problem:
            problems.append(problem)
    return Loaded(tuple(documents), tuple(problems))


def discover(paths: list[str | Path], role: str, problems: list[SourceError], root: Path | None = None) -> list[Source]:
    """The Sources named by `paths`: manifest entries first, then unlisted files.

    A file named twice (a folder and a file in it, or the same folder twice) is read
    once. Ids are unique: an unlisted file's id is its path in its folder without
    the extension (with it, if that is taken); a draft's id is its path from `root`
    (the project folder), so finding ids do not depend on where the check was run.
    """
    found: list[Source] = []
    for path in map(Path, paths):
        if path.is_dir():
            from_folder = _discover_folder(path, role, problems)
            if not from_folder:
                problems.append(SourceError("holds no file to check", path=str(path)))
            found.extend(from_folder)
        elif path.is_file():
            found.append(_unlisted(path, role, path.parent))
        else:
            problems.append(SourceError(entry_kind(str(path))[1] or "is not a file", path=str(path)))
    if role == "draft":
        found = [replace(s, id=_project_path(s.path, root)) for s in found]
    return _distinct(found)


def _discover_folder(folder: Path, role: str, problems: list[SourceError]) -> list[Source]:
    found = walk(str(folder), lambda name: name != "README.md")
    problems.extend(SourceError(why, path=path) for path, why in found.unreadable)
    files = found.files
    manifests = [Path(path) for _, path in files if os.path.basename(path) in MANIFEST_NAMES]
    listed = [s for manifest in manifests for s in _read_manifest(manifest, role, problems)]
    ids: dict[str, str] = {}
    for source in listed:
        first = ids.setdefault(source.id, source.path)
        if first != source.path:
            problems.append(SourceError(f"manifest id '{source.id}' is also given to {first}; give each file its own "
                                        "id (both are read, this one under a changed id)", path=source.path))
    files = [(rel, path) for rel, path in files if os.path.basename(path) not in MANIFEST_NAMES]
    if listed:
        resolve = resolver()
        by_path = {resolve(s.path) for s in listed}
        files = [(rel, path) for rel, path in files if resolve(path) not in by_path]
    return listed + [_in_folder(rel, path, role) for rel, path in files]


def resolver():
    """os.path.realpath for many files of few folders: each folder is resolved once,
    and a file only when it is itself a symbolic link."""
    folders: dict[str, str] = {}

    def resolve(path: str) -> str:
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return os.path.realpath(path)
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)

    return resolve


def _unlisted(path: Path, role: str, folder: Path) -> Source:
    return _in_folder(path.relative_to(folder).as_posix(), str(path), role)


def _in_folder(relative: str, path: str, role: str) -> Source:
    """An unlisted file: its id is its path in its folder (`relative`) without the extension."""
    extension = readers.suffix(relative.rpartition("/")[2])
    return Source(id=relative[: len(relative) - len(extension)], path=path,
                  format=readers.EXTENSIONS.get(extension.lower(), ""), role=role)


def _project_path(path: str, root: Path | None) -> str:
    return Path(os.path.relpath(Path(path).resolve(), (root or Path.cwd()).resolve())).as_posix()


def _distinct(sources: list[Source]) -> list[Source]:
    """Each file once; each id once (a clash gets the extension, then a number)."""
    seen_paths: set[str] = set()
    ids: dict[str, str] = {}
    result = []
    resolve = resolver()
    for source in sources:
        resolved = resolve(source.path)
        if resolved in seen_paths:
            continue
        seen_paths.add(resolved)
        if source.id in ids:
            new_id = source.id + Path(source.path).suffix
            while new_id in ids:
                new_id += "+"
            source = replace(source, id=new_id)
        ids[source.id] = source.path
        result.append(source)
    return result


def _read_manifest(manifest: Path, role: str, problems: list[SourceError]) -> list[Source]:
    """The Sources a manifest lists; each mistake in it is a problem at manifest:line, and an
    entry with a value that cannot be read is left out alone (its file is read unlisted)."""
    from . import yamlfile

    try:
        root = yamlfile.compose(manifest, SourceError)
    except SourceError as problem:
        problems.append(problem)
        return []
    items = _entry_nodes(root)
    if items is None:
        problems.append(SourceError("manifest needs a 'sources:' list", path=str(manifest),
                                    line=root.start_mark.line + 1 if root is not None else None))
        return []
    found = []
    for index, item in enumerate(items):
        where = _Problems(problems, str(manifest), item.start_mark.line + 1)
        try:
            entry = yamlfile.plain(item, str(manifest), SourceError)
        except SourceError as problem:
            problems.append(problem)
            continue
        source = _manifest_entry(entry, index, manifest, role, where)
        if source:
            found.append(source)
    return found


def _entry_nodes(root) -> list | None:
    """The nodes of the `sources:` list (none for an empty manifest), or None when there is none."""
    import yaml

    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if getattr(key, "value", None) == "sources":
            if isinstance(value, yaml.SequenceNode):
                return value.value
            return [] if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null") else None
    return []


class _Problems:
    """Where one manifest entry's problems go, each at the entry's line."""

    def __init__(self, problems: list[SourceError], path: str, line: int | None):
        self.problems, self.path, self.line = problems, path, line

    def add(self, message: str) -> None:
        self.problems.append(SourceError(message, path=self.path, line=self.line))


def _manifest_entry(entry, index, manifest: Path, role, problems: _Problems) -> Source | None:
    if not isinstance(entry, dict) or "file" not in entry:
        problems.add(f"entry {index + 1} needs at least a 'file'")
        return None
    name = entry.get("id", entry["file"])
    unknown = set(entry) - MANIFEST_KEYS
    if unknown:
        problems.add(f"entry '{name}': unknown key(s) {sorted(map(str, unknown))}; known: {sorted(MANIFEST_KEYS)}")
    for key in sorted(MANIFEST_KEYS - {"subject"}):
        value = entry.get(key)
        if value is not None and (isinstance(value, (list, dict, bool)) or (key == "file" and not isinstance(value, str))):
            problems.add(f"entry '{name}': '{key}' must be {'a file name' if key == 'file' else 'text'}, "
                         f"not {type(value).__name__} {value!r}"[:300])
            if key == "file":
                return None
            entry = {k: v for k, v in entry.items() if k != key}
    path = _confined(manifest.parent, entry["file"], problems, name)
    if path is None:
        return None
    text = {k: (None if entry.get(k) is None else str(entry[k])) for k in ("title", "publisher", "date", "url")}
    return Source(
        id=str(entry.get("id") or path.stem),
        path=str(path),
        format=str(entry.get("format") or readers.format_for(path) or ""),
        role=str(entry.get("role") or role),
        subject=_subject(entry.get("subject"), name, problems),
        **text,
    )


def _confined(folder: Path, name: str, problems: _Problems, entry: str) -> Path | None:
    """The manifest's `file:` within the manifest's folder, as the docs promise; a path that
    leaves it (absolute, or through '..') is refused, so a manifest cannot put /etc/passwd
    into a report."""
    normal = os.path.normpath(name)
    if not name.strip() or os.path.isabs(name) or normal == ".." or normal.startswith(".." + os.sep):
        problems.add(f"entry '{entry}': file '{name}' is outside the manifest's folder; 'file' is a path within "
                     "that folder (copy or link the file into it)")
        return None
    return folder / name


def _subject(value, name, problems: _Problems) -> tuple[str, ...]:
    """A manifest's `subject:`: a name or a list of names (the name first, then aliases)."""
    if value is None:
        return ()
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        problems.add(f"entry '{name}': 'subject' must be a name or a list of names")
        return ()
    return tuple(n.strip() for n in names)


def read_document(source: Source, max_bytes: int = MAX_BYTES, split: bool = True) -> Document:
    """Decode, read and split one source; SourceError says why it cannot be.

    `split=False` leaves the sentences None, for extract.AnalysedDocument to split only
    the paragraphs the rules need (the engines read so).
    """
    path = Path(source.path)
    if not source.format:
        raise SourceError(f"unknown file type '{path.suffix}' (readable: {', '.join(sorted(set(readers.EXTENSIONS) - {''}))})", path=source.path)
    kind, why = entry_kind(source.path)
    if kind != "file":  # a pipe would block the read; a folder or a broken link cannot be read
        raise SourceError("is a folder, not a file" if kind == "folder" else why, path=source.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror or exc}", path=source.path) from None
    if source.format in readers.BINARY_FORMATS:
        readable = _read_binary(source, data, max_bytes)
    else:
        text, encoding = decode_text(data, source.path, max_bytes)
        readable = readers.get(source.format)(text)
        if encoding:
            source = replace(source, encoding=encoding)
    source = replace(source, sha256=hashlib.sha256(data).hexdigest())
    document = Document(source, readable.text, None, readable.anchors)
    return replace(document, sentences=split_sentences(readable.text, document.locate)) if split else document


def _read_binary(source: Source, data: bytes, max_bytes: int) -> readers.Readable:
    _check_size(data, source.path, max_bytes)
    try:
        readable = readers.read_binary(source.format, data)
    except Exception as exc:  # a corrupt container can fail anywhere inside the parser
        raise SourceError(f"cannot be read as {source.format}: {exc}", path=source.path) from None
    if not readable.text.strip():
        raise SourceError("is empty: nothing to check", path=source.path)
    return readable


def _check_size(data: bytes, path: str, max_bytes: int) -> None:
    """--max-source-mb counts MiB (2²⁰ bytes), and the message says so."""
    if len(data) > max_bytes:
        raise SourceError(f"is {len(data) / 2**20:.1f} MiB, over the {max_bytes / 2**20:.3g} MiB limit for one "
                          "source (split it, or raise --max-source-mb)", path=path)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_CONTROLS = bytes(sorted(set(range(32)) - {9, 10, 12, 13}))  # bytes no text file holds (but tab, newlines, form feed)


def decode(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file (see decode_text)."""
    return decode_text(data, path, max_bytes)[0]


def decode_text(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """(text, encoding) of a text file (see _decode_text); text of only spaces is empty."""
    text, encoding = _decode_text(data, path, max_bytes)
    if not text.strip():
        raise SourceError("is empty: nothing to check", path=path)
    return text, encoding


def _decode_text(data: bytes, path: str, max_bytes: int) -> tuple[str, str]:
    """(text, encoding) of a text file: UTF-8; UTF-16 or UTF-32 with a byte-order mark, or
    UTF-16 without one when every other byte is NUL; else Windows-1252 (Latin-1), when the
    bytes are not UTF-8 but read as text. Binary data is a SourceError."""
    _check_size(data, path, max_bytes)
    if not data.strip():
        raise SourceError("is empty: nothing to check", path=path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(f"is not valid {encoding.upper()} (it starts with that byte-order mark; "
                                  f"bad bytes at offset {exc.start + len(bom)})", path=path) from None
            return text, "" if encoding == "utf-8" else encoding
    if b"\x00" in data[:8192]:
        return _utf16_without_bom(data, path), "utf-16"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if len(data) - len(data.translate(None, _CONTROLS)) > len(data) // 100:
        raise SourceError("looks binary (control bytes no text holds), not text", path=path)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: read as Latin-1
        text = data.decode("latin-1")
    line = data.count(b"\n", 0, first_bad) + 1
    return text, f"windows-1252 (line {line} is the first that is not UTF-8)"


def _utf16_without_bom(data: bytes, path: str) -> str:
    """Text saved as UTF-16 without a byte-order mark (ASCII letters between NULs), or binary."""
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for encoding, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if len(data) % 2 == 0 and nuls >= half * 0.3 and min(even, odd) == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                break
            if not any(c in text for c in "\x00\x01\x02\x03\x04\x05\x06\x07\x08"):
                return text
    raise SourceError("looks binary (it holds NUL bytes), not text", path=path)
