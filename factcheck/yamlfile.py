"""The one way factcheck reads YAML (rule files, manifests, baselines): safely, with limits.

Every YAML file the tool reads is small, hand-written data, so anything else is refused
as an input error naming `file:line`, before it can cost time or memory:

- a file over MAX_BYTES, or nested deeper than MAX_DEPTH;
- aliases that expand past MAX_NODES nodes ("billion laughs": a 1 KB file that would
  expand to 10⁹ strings), or more than MAX_ALIASES aliases;
- a byte YAML does not allow (NUL, a raw control character), an escape past Unicode
  ("\\U0011FFFF"), a lone surrogate, or a control character written as an escape;
- values no rule, manifest or baseline holds: binary data (`!!binary`), a tag of
  another language (`!!python/object`), a number of more than MAX_DIGITS digits or one
  too large to be finite (`1.0e400`), a date that does not exist (`2024-02-30`).

`compose` gives the node tree (whose marks are the file's own lines, for callers that
name the line of each mistake); `plain` turns a node into plain Python data, checking
every scalar; `load` does both.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import yaml

from .errors import FactcheckError

MAX_BYTES = 8 * 1024 * 1024
MAX_NODES = 200_000  # nodes after alias expansion: 50 times the largest bundled file
MAX_ALIASES = 1_000
MAX_DEPTH = 100
MAX_DIGITS = 100
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def load(path: str | Path, error: type[FactcheckError] = FactcheckError, text: str | None = None):
    """The plain data of the YAML file at `path` (None when empty); `error` is raised naming file:line."""
    node = compose(path, error, text)
    return None if node is None else plain(node, str(path), error)


def mib(size: float) -> str:
    """A size in MiB (2²⁰ bytes), the unit of --max-source-mb: '8 MiB', '0.0019 MiB'."""
    return f"{size / 2**20:.3g} MiB"


def read_text(path: str | Path, error: type[FactcheckError] = FactcheckError) -> str:
    """The file's text: UTF-8 (a BOM allowed), at most MAX_BYTES."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error(f"is {mib(size)}, over the {mib(MAX_BYTES)} limit for a YAML file", path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8", path=str(path),
                    line=line) from None


def compose(path: str | Path, error: type[FactcheckError] = FactcheckError, text: str | None = None):
    """The YAML node tree of one document (None when empty), within the limits above."""
    path = str(path)
    if text is None:
        text = read_text(path, error)
    elif len(text) > MAX_BYTES:
        raise error(f"is over the {mib(MAX_BYTES)} limit for a YAML file", path=path)
    loader = None
    try:
        loader = yaml.SafeLoader(text)  # checks every character first
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise error(f"not valid YAML: {exc.problem or exc.context}", path=path,
                    line=mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise error(f"holds a character YAML does not allow ({_describe(exc.character)})", path=path,
                    line=line) from None
    except RecursionError:
        raise error(f"nested too deeply (more than {MAX_DEPTH} levels)", path=path,
                    line=loader.get_mark().line + 1) from None
    except (ValueError, OverflowError):  # "\U0011FFFF": chr() of a number past the last character
        raise error("not valid YAML: an escape (\\U…) past the last Unicode character", path=path,
                    line=loader.get_mark().line + 1) from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is not None:
        _check_size(node, path, error)
    return node


def _check_size(root, path: str, error) -> None:
    """Refuse a tree whose aliases make it too large or too deep once expanded (counted once per
    distinct node, so the check itself is linear in the file)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # collections whose size is being counted
    aliases = 0
    stack = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            size = 1 + sum(sizes[id(c)] for c in _children(node))
            if size > MAX_NODES:
                raise error(f"expands to more than {MAX_NODES:,} values (aliases of aliases?); factcheck reads "
                            "plain data", path=path, line=node.start_mark.line + 1)
            sizes[key] = size
            open_nodes.discard(key)
            continue
        if key in open_nodes:
            raise error("an alias (*name) inside the value it names", path=path, line=node.start_mark.line + 1)
        if key in sizes:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise error(f"uses more than {MAX_ALIASES} aliases (*name)", path=path, line=node.start_mark.line + 1)
            continue
        if depth > MAX_DEPTH:
            raise error(f"nested too deeply (more than {MAX_DEPTH} levels)", path=path,
                        line=node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(_children(node)))


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def plain(node, path: str, error: type[FactcheckError] = FactcheckError):
    """Plain Python data (dict, list, str, int, float, bool, None, date) of a node, every scalar
    checked; `error` names the line of the first value refused."""
    return _Constructor(path, error).construct_object(node, deep=True)


def _describe(character) -> str:
    code = ord(character) if isinstance(character, str) else int(character)
    names = {0: "NUL", 0x7F: "DEL", 0x1B: "ESC"}
    return f"U+{code:04X}" + (f" {names[code]}" if code in names else ", a control character" if code < 0xA0 else "")


class _Constructor(yaml.constructor.SafeConstructor):
    """yaml.SafeConstructor that refuses what plain data never holds, at the value's own line."""

    def __init__(self, path: str, error) -> None:
        super().__init__()
        self.path, self.error = path, error

    def fail(self, node, message: str):
        raise self.error(message, path=self.path, line=node.start_mark.line + 1, column=node.start_mark.column + 1)

    def construct_object(self, node, deep=False):
        try:  # deep: each value is built inside its own call, so a failure names its own line
            return super().construct_object(node, deep=True)
        except FactcheckError:
            raise
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark or node.start_mark
            problem = exc.problem or ""
            if "could not determine a constructor" in problem:
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                problem = f"the tag {tag} is not plain data (factcheck reads text, numbers, dates, lists, mappings)"
            raise self.error(problem, path=self.path, line=mark.line + 1, column=mark.column + 1) from None
        except RecursionError:
            self.fail(node, f"nested too deeply (more than {MAX_DEPTH} levels)")
        except (ValueError, OverflowError, TypeError) as exc:
            self.fail(node, f"'{getattr(node, 'value', '…')}' cannot be read: {exc}")

    def construct_yaml_str(self, node):
        value = super().construct_yaml_str(node)
        bad = _CONTROL.search(value)
        if bad:
            self.fail(node, f"text holds {_describe(bad.group())}; write it without control characters")
        return value

    def construct_yaml_int(self, node):
        digits = sum(c.isdigit() for c in str(node.value))
        if digits > MAX_DIGITS:
            self.fail(node, f"a number of {digits} digits is not a value factcheck reads (at most {MAX_DIGITS})")
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node):
        if len(str(node.value)) > MAX_DIGITS:
            self.fail(node, f"a number of {len(node.value)} characters is not a value factcheck reads")
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            self.fail(node, f"'{node.value}' is not a finite number")
        return value

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            self.fail(node, f"'{node.value}' is not a real date (YYYY-MM-DD)")

    def construct_yaml_binary(self, node):
        self.fail(node, "binary data (!!binary) is not text")

    def construct_yaml_set(self, node):
        self.fail(node, "a set (!!set) is not plain data; write a list")

    def construct_yaml_omap(self, node):
        self.fail(node, "an ordered map (!!omap) is not plain data; write a mapping")

    construct_yaml_pairs = construct_yaml_omap


for _tag, _method in (("str", "construct_yaml_str"), ("int", "construct_yaml_int"),
                      ("float", "construct_yaml_float"), ("timestamp", "construct_yaml_timestamp"),
                      ("binary", "construct_yaml_binary"), ("set", "construct_yaml_set"),
                      ("omap", "construct_yaml_omap"), ("pairs", "construct_yaml_pairs")):
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", getattr(_Constructor, _method))
