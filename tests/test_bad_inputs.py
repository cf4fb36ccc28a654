"""Bad input → exit 2 and one clear `file:line: message`, never a traceback or a silent result.

One table: each case is a workspace (files, and links made after them), the command line,
and the exit status and message expected on standard error. Every case runs the real CLI
and would fail on a traceback (CliRunner is told not to catch exceptions), on another exit
status, or on another message.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

RULE = """\
rules:
  - id: bridge-opening
    question: When did the bridge open?
    subject: [Tallis Bridge]
    cues: [opened]
    kind: year
"""
SOURCES = {"src/a.txt": "The Tallis Bridge opened in 1884.", "src/b.txt": "The Tallis Bridge opened in 1890."}
CHECK = ["check", "--sources", "src", "--rules", "rules", "--no-report", "--no-color"]


def rule_with(line: str) -> str:
    """The rule above with one more line (key: value) at line 7."""
    return RULE + f"    {line}\n"


def laughs(depth: int = 9) -> str:
    """A ~1 KB "billion laughs": each level an alias list of the one before."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth)]
    return "\n".join(lines) + "\n"


def manifest(entry: str) -> str:
    return f"sources:\n  - id: a\n    file: a.txt\n  - id: b\n    file: b.txt\n    {entry}\n"


def baseline(entry: str) -> str:
    return ("format: factcheck-baseline\nversion: 1\nentries:\n  - id: 1c05c8ee5396\n"
            f"    status: Accepted difference\n    {entry}\n")


# (id, files, links {name: target}, extra args, exit, message regex)
CASES = [
    # rule files
    ("rule-nul-byte", {"rules/r.yaml": rule_with("description: a\x00b")}, {}, [], 2,
     r"rules/r\.yaml:7: holds a character YAML does not allow \(U\+0000 NUL\)"),
    ("rule-raw-control", {"rules/r.yaml": rule_with("description: a\x07b")}, {}, [], 2,
     r"rules/r\.yaml:7: holds a character YAML does not allow \(U\+0007"),
    ("rule-escape-past-unicode", {"rules/r.yaml": rule_with('description: "\\U0011FFFF"')}, {}, [], 2,
     r"rules/r\.yaml:7: not valid YAML: an escape .* past the last Unicode character"),
    ("rule-escaped-control", {"rules/r.yaml": rule_with('description: "bell\\a"')}, {}, [], 2,
     r"rules/r\.yaml:7:18: text holds U\+0007"),
    ("rule-lone-surrogate", {"rules/r.yaml": rule_with('description: "\\uD800"')}, {}, [], 2,
     r"rules/r\.yaml:7:18: text holds U\+D800"),
    ("rule-5001-digits", {"rules/r.yaml": rule_with("max_distance: " + "9" * 5001)}, {}, [], 2,
     r"rules/r\.yaml:7:19: a number of 5001 digits"),
    ("rule-1e400-expected", {"rules/r.yaml": rule_with("expected: 1e400")}, {}, [], 2,
     r"rules/r\.yaml:7:15: rule 'bridge-opening': key 'expected.value': '1e400' is not a date value"),
    ("rule-1e400-whole-number", {"rules/r.yaml": rule_with("subject_window: 1e400")}, {}, [], 2,
     r"rules/r\.yaml:7:21: rule 'bridge-opening': key 'subject_window' must be a whole number from 0 to 20, "
     r"not '1e400'"),
    ("rule-duration-overflow", {"rules/r.yaml": rule_with("expected: 1e308").replace("kind: year", "kind: duration")},
     {}, [], 2, r"rules/r\.yaml:7:15: rule 'bridge-opening': key 'expected.value': '1e308' is too large to compare"),
    ("rule-float-overflow", {"rules/r.yaml": rule_with("tolerance: 1.0e+400")}, {}, [], 2,
     r"rules/r\.yaml:7:16: '1\.0e\+400' is not a finite number"),
    ("rule-impossible-date", {"rules/r.yaml": rule_with("description: 2024-02-30")}, {}, [], 2,
     r"rules/r\.yaml:7:18: '2024-02-30' is not a real date"),
    ("rule-month-13", {"rules/r.yaml": rule_with("description: 2024-13-01")}, {}, [], 2,
     r"rules/r\.yaml:7:18: '2024-13-01' is not a real date"),
    ("rule-python-tag-line", {"rules/r.yaml": rule_with("description: !!python/object/apply:os.system [id]")}, {},
     [], 2, r"rules/r\.yaml:7:18: the tag !!python/object/apply:os\.system is not plain data"),
    ("rule-binary", {"rules/r.yaml": rule_with("description: !!binary aGVsbG8=")}, {}, [], 2,
     r"rules/r\.yaml:7:18: binary data \(!!binary\) is not text"),
    ("rule-question-list", {"rules/r.yaml": RULE.replace("question: When did the bridge open?",
                                                         "question: [1, 2]")}, {}, [], 2,
     r"rules/r\.yaml:3:15: rule 'bridge-opening': key 'question' must be text, not a list"),
    ("rule-billion-laughs", {"rules/r.yaml": laughs() + RULE}, {}, [], 2,
     r"rules/r\.yaml:\d+: expands to more than 200,000 values"),
    ("rule-self-alias", {"rules/r.yaml": "a: &x [*x]\n" + RULE}, {}, [], 2,
     r"rules/r\.yaml:1: an alias \(\*name\) inside the value it names"),
    ("rule-deep-nesting", {"rules/r.yaml": "a: " + "[" * 5000 + "\n"}, {}, [], 2,
     r"rules/r\.yaml:1: nested too deeply"),
    ("rule-not-utf8", {"rules/r.yaml": RULE.encode() + b"    description: caf\xe9\n"}, {}, [], 2,
     r"rules/r\.yaml:7: is not UTF-8 text"),
    ("rule-folder-named-yaml", {"rules/r.yaml": RULE, "rules/x.yaml/inner.txt": "not a rule"}, {}, [], 0, r"^$"),
    ("rule-dangling-link", {"rules/r.yaml": RULE}, {"rules/gone.yaml": "nowhere.yaml"}, [], 2,
     r"rules/gone\.yaml: is a symbolic link to nothing"),
    ("rule-link-loop", {"rules/r.yaml": RULE}, {"rules/loop.yaml": "loop.yaml"}, [], 2,
     r"rules/loop\.yaml: is a symbolic link loop"),
    # sources and their manifest
    ("source-link-loop", {}, {"src/loop.txt": "loop.txt"}, [], 2, r"src/loop\.txt: is a symbolic link loop"),
    ("source-dangling-link", {}, {"src/gone.txt": "nowhere.txt"}, [], 2, r"src/gone\.txt: is a symbolic link to nothing"),
    ("manifest-impossible-date", {"src/manifest.yaml": manifest("date: 2024-02-30")}, {}, [], 2,
     r"src/manifest\.yaml:6:11: '2024-02-30' is not a real date"),
    ("manifest-escape-past-unicode", {"src/manifest.yaml": manifest('title: "\\U0011FFFF"')}, {}, [], 2,
     r"src/manifest\.yaml:6: not valid YAML: an escape"),
    ("manifest-huge-number", {"src/manifest.yaml": manifest("title: " + "7" * 5001)}, {}, [], 2,
     r"src/manifest\.yaml:6:12: a number of 5001 digits"),
    ("manifest-title-list", {"src/manifest.yaml": manifest("title: [1, 2]")}, {}, [], 2,
     r"src/manifest\.yaml:4: entry 'b': 'title' must be text, not list"),
    ("manifest-binary", {"src/manifest.yaml": manifest("title: !!binary aGVsbG8=")}, {}, [], 2,
     r"src/manifest\.yaml:6:12: binary data"),
    ("manifest-python-tag", {"src/manifest.yaml": manifest("title: !!python/name:os.system")}, {}, [], 2,
     r"src/manifest\.yaml:6:12: the tag !!python/name:os\.system is not plain data"),
    ("manifest-billion-laughs", {"src/manifest.yaml": laughs() + manifest("title: x")}, {}, [], 2,
     r"src/manifest\.yaml:\d+: expands to more than"),
    ("manifest-parent-path", {"src/manifest.yaml": "sources:\n  - id: p\n    file: ../../../../etc/passwd\n"}, {}, [],
     2, r"src/manifest\.yaml:2: entry 'p': file '\.\./\.\./\.\./\.\./etc/passwd' is outside the manifest's folder"),
    ("manifest-absolute-path", {"src/manifest.yaml": "sources:\n  - id: h\n    file: /etc/hostname\n"}, {}, [], 2,
     r"src/manifest\.yaml:2: entry 'h': file '/etc/hostname' is outside the manifest's folder"),
    # settings (TOML): the same promise
    ("config-bad-line", {"factcheck.toml": 'fail_on = "error"\nrules = = 1\n'}, {}, [], 2,
     r"factcheck\.toml:2:9: not valid TOML: Invalid value"),
    ("config-5001-digits", {"factcheck.toml": "fail_on = " + "9" * 5001 + "\n"}, {}, [], 2,
     r"factcheck\.toml: holds a value factcheck does not read \(Exceeds the limit"),
    ("config-deep-nesting", {"factcheck.toml": "fail_on = " + "[" * 5000 + "\n"}, {}, [], 2,
     r"factcheck\.toml: holds a value factcheck does not read"),
    ("config-escape-in-value", {"factcheck.toml": 'fail_on = "\\u001b]0;x\\u0007"\n'}, {}, [], 2,
     r"factcheck\.toml:1: setting 'fail_on' must be one of .*not '\\x1b\]0;x\\x07'"),
    # baselines
    ("baseline-impossible-expiry", {"base.yaml": baseline("expires: 2025-02-30")}, {}, ["--baseline", "base.yaml"], 2,
     r"base\.yaml:6:14: '2025-02-30' is not a real date"),
    ("baseline-billion-laughs", {"base.yaml": laughs() + baseline("reason: x")}, {}, ["--baseline", "base.yaml"], 2,
     r"base\.yaml:\d+: expands to more than"),
    ("baseline-python-tag", {"base.yaml": baseline("reason: !!python/object:os.system {}")}, {},
     ["--baseline", "base.yaml"], 2, r"base\.yaml:6:13: the tag !!python/object:os\.system is not plain data"),
    ("baseline-nul", {"base.yaml": baseline("reason: a\x00")}, {}, ["--baseline", "base.yaml"], 2,
     r"base\.yaml:6: holds a character YAML does not allow \(U\+0000 NUL\)"),
]


def _setup(tmp_path: Path, files: dict, links: dict) -> None:
    for name, content in {**SOURCES, "rules/r.yaml": RULE, **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name, target in links.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, tmp_path / name)


@pytest.mark.parametrize("files,links,args,status,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_a_clear_exit(tmp_path, monkeypatch, files, links, args, status, message):
    _setup(tmp_path, files, links)
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    result = CliRunner().invoke(main, CHECK + args, catch_exceptions=False)
    assert time.perf_counter() - started < 20, "a bad input must be refused fast"
    errors = "\n".join(line for line in result.stderr.splitlines() if "error:" in line or re.match(r"\S+:\d", line))
    assert result.exit_code == status, result.output
    assert re.search(message, errors, re.MULTILINE), errors or result.output
    assert "Traceback" not in result.output


def test_the_other_sources_are_still_checked(tmp_path, monkeypatch):
    """A link loop in the sources is reported, and the good sources still give their finding."""
    _setup(tmp_path, {}, {"src/loop.txt": "loop.txt", "src/gone.txt": "nowhere"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, CHECK, catch_exceptions=False)
    assert result.exit_code == 2
    assert "CONFLICT" in result.stdout and "1884" in result.stdout and "1890" in result.stdout


def test_a_broken_manifest_is_not_also_read_as_a_source(tmp_path, monkeypatch):
    _setup(tmp_path, {"src/manifest.yaml": "sources:\n  - id: a\n    file: !!python/name:os.system\n"}, {})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, CHECK, catch_exceptions=False)
    assert result.exit_code == 2
    assert "src/manifest.yaml:3:11: the tag !!python/name:os.system" in result.stderr
    assert "unknown file type" not in result.stderr


def test_a_bad_manifest_entry_costs_only_that_entry(tmp_path, monkeypatch):
    _setup(tmp_path, {"src/manifest.yaml": manifest("date: 2024-02-30")}, {})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, CHECK + ["--format", "json"], catch_exceptions=False)
    import json

    ids = sorted(s["id"] for s in json.loads(result.stdout)["sources"])
    assert ids == ["a", "b"]  # entry b's file is still read, under its file name


@pytest.mark.parametrize("where", ["src/sub", "rules/sub"])
def test_an_unreadable_folder_is_named_and_the_rest_is_read(tmp_path, monkeypatch, where):
    _setup(tmp_path, {f"{where}/c.txt": "The Tallis Bridge opened in 1884.", f"{where}/r2.yaml": RULE}, {})
    monkeypatch.chdir(tmp_path)
    real_scandir = os.scandir

    def scandir(path):  # as a folder without read permission behaves (root ignores chmod)
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(main, CHECK, catch_exceptions=False)
    assert result.exit_code == 2
    assert f"{where}: folder cannot be read: Permission denied" in result.stderr
    if where.startswith("src"):
        assert "CONFLICT" in result.stdout


@pytest.mark.parametrize("name,message", [
    ("src/c.txt", "src/c.txt: cannot be read: Permission denied"),
    ("rules/r2.yaml", "rules/r2.yaml: cannot be read: Permission denied"),
], ids=["source", "rule-file"])
def test_an_unreadable_file_is_named(tmp_path, monkeypatch, name, message):
    _setup(tmp_path, {name: RULE.replace("bridge-opening", "other") if name.endswith(".yaml") else
                      "The Tallis Bridge opened in 1884."}, {})
    monkeypatch.chdir(tmp_path)
    real = Path.read_bytes

    def read_bytes(self):  # as a file without read permission behaves (root ignores chmod)
        if self.name == Path(name).name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = CliRunner().invoke(main, CHECK, catch_exceptions=False)
    assert result.exit_code == 2 and message in result.stderr
    if name.startswith("src"):
        assert "CONFLICT" in result.stdout


def test_a_pipe_among_the_sources_is_named_and_never_opened(tmp_path, monkeypatch):
    _setup(tmp_path, {}, {})
    os.mkfifo(tmp_path / "src" / "pipe.txt")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, CHECK, catch_exceptions=False)  # opening the pipe would block here
    assert result.exit_code == 2 and "src/pipe.txt: is a pipe, not a file" in result.stderr


def test_a_pipe_named_by_the_manifest_is_never_opened(tmp_path, monkeypatch):
    _setup(tmp_path, {"src/manifest.yaml": "sources:\n  - id: p\n    file: .pipe\n"}, {})
    os.mkfifo(tmp_path / "src" / ".pipe")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, CHECK, catch_exceptions=False)
    assert result.exit_code == 2 and "src/.pipe: is a pipe, not a file" in result.stderr


def test_a_link_to_a_folder_is_read_and_a_link_back_up_is_named(tmp_path):
    """A linked folder's files are sources like the others; a link back up the tree (or to a
    folder read already) is named, never walked again."""
    from factcheck.walk import walk

    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("b")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("a")
    (tmp_path / "src" / "more").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "src" / "again").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "src" / "up").symlink_to(tmp_path)
    found = walk(str(tmp_path / "src"))
    assert sorted(rel for rel, _ in found.files) in (["a.txt", "again/b.txt"], ["a.txt", "more/b.txt"])
    named = sorted(path.rsplit("/", 1)[1] for path, _ in found.unreadable)
    assert named in (["again", "up"], ["more", "up"])
    assert all("read already" in why for _, why in found.unreadable)
