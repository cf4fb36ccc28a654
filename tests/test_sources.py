"""Sources: manifest, unlisted files, and bad files that never stop the others."""
from __future__ import annotations

import codecs

import pytest

from factcheck.sources import load_sources

MANIFEST = """
sources:
  - id: alpha
    file: a.txt
    title: Alpha
    publisher: Alpha Press
    date: 2024-01-01
"""


def test_manifest_and_unlisted_files(workspace):
    ws = workspace({"src/manifest.yaml": MANIFEST, "src/a.txt": "Alpha text here.", "src/b.md": "# B\n\nBeta text."})
    loaded = load_sources([ws / "src"])
    assert not loaded.problems
    ids = [d.source.id for d in loaded.documents]
    assert ids == ["alpha", "b"]
    alpha = loaded.documents[0].source
    assert (alpha.publisher, alpha.date, alpha.format) == ("Alpha Press", "2024-01-01", "text")
    assert len(alpha.sha256) == 64


@pytest.mark.parametrize("subject, expected", [
    ("Lipitor", ("Lipitor",)),
    ("[atorvastatin, Lipitor]", ("atorvastatin", "Lipitor")),
])
def test_manifest_url_and_subject(workspace, subject, expected):
    manifest = f"sources:\n  - id: a\n    file: a.txt\n    url: https://example.org/a\n    subject: {subject}\n"
    ws = workspace({"src/manifest.yaml": manifest, "src/a.txt": "It was approved in 1996."})
    loaded = load_sources([ws / "src"])
    assert not loaded.problems
    source = loaded.documents[0].source
    assert (source.url, source.subject) == ("https://example.org/a", expected)


def test_manifest_subject_of_the_wrong_shape_is_named(workspace):
    ws = workspace({"src/manifest.yaml": "sources:\n  - id: a\n    file: a.txt\n    subject: {x: 1}\n",
                    "src/a.txt": "Text."})
    loaded = load_sources([ws / "src"])
    assert "'subject' must be a name or a list of names" in str(loaded.problems[0])
    assert [d.source.id for d in loaded.documents] == ["a"]


BAD = [
    ("binary", b"\x00\x01\x02PNG", "looks binary"),
    ("control bytes", b"GIF89a\x01\x02\x03\x04\xff\xfe" * 20, "looks binary (control bytes"),
    ("bad utf-16", b"\xff\xfeA\x00\x00\xd8", "is not valid UTF-16-LE"),
    ("empty", b"   \n", "is empty"),
    ("unknown type", b"%PDF-1.4", "unknown file type '.pdf'"),
]


@pytest.mark.parametrize("content,message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_source_is_named_and_others_still_load(workspace, content, message):
    name = "bad.pdf" if "PDF" in message or "unknown" in message else "bad.txt"
    ws = workspace({"src/good.txt": "Ketamine was first created in 1962.", f"src/{name}": content})
    loaded = load_sources([ws / "src"])
    assert [d.source.id for d in loaded.documents] == ["good"]
    (problem,) = loaded.problems
    assert name in str(problem) and message.split(": ", 1)[-1] in str(problem)
    assert message in str(problem) or not message.startswith("bad")


def test_giant_file_is_refused_with_the_limit(workspace):
    ws = workspace({"src/big.txt": "word " * 3000, "src/ok.txt": "Fine."})
    loaded = load_sources([ws / "src"], max_bytes=1000)
    assert [d.source.id for d in loaded.documents] == ["ok"]
    assert "over the" in str(loaded.problems[0]) and "big.txt" in str(loaded.problems[0])


ENCODED = [
    ("utf-8", "Café opened in 1884.".encode("utf-8"), ""),
    ("utf-8 bom", "\ufeffCafé opened in 1884.".encode("utf-8"), ""),
    ("utf-16 le bom", "Café opened in 1884.".encode("utf-16"), "utf-16-le"),
    ("utf-16 be bom", codecs.BOM_UTF16_BE + "Café opened in 1884.".encode("utf-16-be"), "utf-16-be"),
    ("utf-16 no bom", "Café opened in 1884.".encode("utf-16-le"), "utf-16"),
    ("utf-32 bom", codecs.BOM_UTF32_LE + "Café opened in 1884.".encode("utf-32-le"), "utf-32-le"),
    ("latin-1", "Café opened in 1884.".encode("latin-1"), "windows-1252 (line 1 is the first that is not UTF-8)"),
    ("windows-1252", "Café \u201copened\u201d in 1884.".encode("cp1252"), "windows-1252 (line 1"),
]


@pytest.mark.parametrize("content,encoding", [e[1:] for e in ENCODED], ids=[e[0] for e in ENCODED])
def test_text_in_other_encodings_is_read(workspace, content, encoding):
    ws = workspace({"src/a.txt": content})
    loaded = load_sources([ws / "src"])
    assert not loaded.problems
    (document,) = loaded.documents
    assert document.text.replace("\u201c", "").replace("\u201d", "") == "Café opened in 1884."
    assert document.source.encoding.startswith(encoding) and bool(document.source.encoding) == bool(encoding)
    assert document.locate(document.text.index("1884"))[1] == document.text.index("1884") + 1


def test_a_guessed_encoding_is_a_warning_in_the_run(workspace, monkeypatch):
    from factcheck.check import run_check

    ws = workspace({"src/a.txt": "The Café Bridge opened in 1884.".encode("latin-1"),
                    "rules/r.yaml": "rules:\n  - {id: r, question: \"When?\", subject: [Café Bridge], cues: [opened], kind: year}\n"})
    report = run_check([ws / "src"], [ws / "rules"])
    assert [w.split(": ", 1)[1] for w in report.warnings] == [
        "not UTF-8; read as windows-1252 (line 1 is the first that is not UTF-8): save it as UTF-8 if letters "
        "look wrong"]
    assert [m.value.raw for m in report.facts[0].statements] == ["1884"]


def test_the_size_limit_is_in_mib(workspace):
    ws = workspace({"src/big.txt": b"word " * 300_000, "src/ok.txt": "Fine."})
    loaded = load_sources([ws / "src"], max_bytes=1 * 2**20)
    assert "big.txt: is 1.4 MiB, over the 1 MiB limit for one source" in str(loaded.problems[0])


def test_missing_path(tmp_path):
    loaded = load_sources([tmp_path / "absent"])
    assert "no such file or folder" in str(loaded.problems[0])


def test_bundled_corpus_loads_with_publishers():
    from conftest import ROOT

    loaded = load_sources([ROOT / "sources"])
    assert not loaded.problems
    assert len(loaded.documents) == 5
    assert all(d.source.publisher for d in loaded.documents)
    assert all(len(d.sentences) > 20 for d in loaded.documents)


def test_same_file_twice_is_read_once(workspace):
    ws = workspace({"src/a.txt": "Alpha.", "src/b.txt": "Beta."})
    loaded = load_sources([ws / "src", ws / "src", ws / "src" / "a.txt"])
    assert [d.source.id for d in loaded.documents] == ["a", "b"]


def test_ids_stay_distinct_for_same_stem_and_subfolders(workspace):
    ws = workspace({"src/a.txt": "One.", "src/a.md": "Two.", "src/x/b.txt": "Three.", "src/y/b.txt": "Four."})
    loaded = load_sources([ws / "src"])
    assert not loaded.problems
    assert sorted(d.source.id for d in loaded.documents) == ["a", "a.txt", "x/b", "y/b"]


def test_manifest_in_a_subfolder_is_honoured_not_read_as_a_source(workspace):
    ws = workspace({"src/sub/manifest.yaml": "sources:\n  - id: gamma\n    file: g.txt\n    publisher: G Press\n",
                    "src/sub/g.txt": "Gamma.", "src/top.txt": "Top."})
    loaded = load_sources([ws / "src"])
    assert not loaded.problems
    assert {d.source.id: d.source.publisher for d in loaded.documents} == {"gamma": "G Press", "top": None}


def test_duplicate_manifest_ids_are_a_problem_but_both_are_read(workspace):
    ws = workspace({"src/manifest.yaml": "sources:\n  - {id: same, file: a.txt}\n  - {id: same, file: b.txt}\n",
                    "src/a.txt": "A.", "src/b.txt": "B."})
    loaded = load_sources([ws / "src"])
    assert "manifest id 'same' is also given to" in str(loaded.problems[0])
    assert len({d.source.id for d in loaded.documents}) == 2


def test_empty_folder_is_a_problem(workspace, tmp_path):
    (tmp_path / "empty").mkdir()
    loaded = load_sources([tmp_path / "empty"])
    assert "holds no file to check" in str(loaded.problems[0])


def test_folders_are_listed_like_rglob_and_links_read_once(workspace):
    """Hidden files and folders and READMEs are skipped, a link to a folder is read like a
    folder, and a link to a file already read is not read again."""
    ws = workspace({"src/b/one.txt": "One.", "src/a.txt": "A.", "src/.hidden/h.txt": "H.", "src/.h.txt": "H.",
                    "src/README.md": "Readme.", "elsewhere/far.txt": "Far.", "src/c/two.md": "Two."})
    (ws / "src" / "linked").symlink_to(ws / "elsewhere", target_is_directory=True)
    (ws / "src" / "z.txt").symlink_to(ws / "src" / "a.txt")
    loaded = load_sources([ws / "src", ws / "src" / "b" / ".." / "a.txt"])
    assert not loaded.problems
    assert [d.source.id for d in loaded.documents] == ["a", "b/one", "c/two", "linked/far"]


NAMES = ["a.txt", "b.", "x.tar.gz", "noext", "sub/c.md", "sub/deeper/e.HTML", "sub/sp ace.txt", "sub/a.txt",
         "..dots.md", "trailing.dot.", "UPPER.TXT"]


@pytest.mark.parametrize("folder", [".", "corpus", "corpus/"])
def test_unlisted_ids_paths_and_formats_are_pathlibs(tmp_path, monkeypatch, folder):
    """Discovery works on strings for speed; ids, paths and formats must still be the ones
    pathlib gives: the path in the folder without its extension, the path as given."""
    from pathlib import Path

    from factcheck import readers
    from factcheck.sources import discover

    root = tmp_path / "corpus"
    for name in NAMES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("Text.")
    monkeypatch.chdir(root if folder == "." else tmp_path)
    found = {s.path: s for s in discover([folder], "reference", [])}
    base = Path(folder)
    expected_paths = sorted((str(base / name) for name in NAMES if not name.startswith(".")),
                            key=lambda p: Path(p).relative_to(base).parts)
    assert list(found) == expected_paths  # "..dots.md" is hidden
    for path, source in found.items():
        relative = Path(path).relative_to(base)
        assert source.id == relative.with_suffix("").as_posix()
        assert source.format == (readers.EXTENSIONS.get(relative.suffix.lower()) or "")
