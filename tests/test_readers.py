"""Markdown and HTML readers keep the prose and map it back to line:column."""
from __future__ import annotations

import pytest

from factcheck import readers
from factcheck.model import Document, Source
from factcheck.segment import split_sentences


def read(fmt: str, content: str) -> Document:
    readable = readers.get(fmt)(content)
    doc = Document(Source("d", "d"), readable.text, (), readable.anchors)
    return Document(doc.source, doc.text, split_sentences(doc.text, doc.locate), doc.anchors)


MARKDOWN = """---
title: Draft
---
# Ketamine **history**

Ketamine was *first* synthesized in [1962](https://example.org/x) by Calvin Stevens.

```
code 1999 is skipped
```
- Esketamine was approved in `2019`.
<!-- factcheck-ignore something -->
"""


def test_markdown_prose_and_positions():
    doc = read("markdown", MARKDOWN)
    texts = [s.text for s in doc.sentences]
    assert "Ketamine history" in texts
    assert "Ketamine was first synthesized in 1962 by Calvin Stevens." in texts
    assert "Esketamine was approved in 2019." in texts
    assert not any("1999" in t or "title" in t or "example.org" in t for t in texts)
    offset = doc.text.index("1962")
    assert doc.locate(offset) == (6, MARKDOWN.splitlines()[5].index("1962") + 1)


HTML = """<!doctype html>
<html><head><title>T</title><script>var year = 1999;</script></head>
<body>
<h1>Ketamine</h1>
<p>Ketamine was first created
in 1962.</p><p>Esketamine was approved in 2019 &amp; used.</p>
<ul><li>One</li><li>Two</li></ul>
</body></html>
"""


def test_html_text_blocks_and_positions():
    doc = read("html", HTML)
    texts = [" ".join(s.text.split()) for s in doc.sentences]
    assert texts == ["Ketamine", "Ketamine was first created in 1962.", "Esketamine was approved in 2019 & used.", "One", "Two"]
    assert doc.locate(doc.text.index("1962")) == (6, 4)
    assert doc.locate(doc.text.index("2019")) == (6, HTML.splitlines()[5].index("2019") + 1)


@pytest.mark.parametrize("name,fmt", [("a.md", "markdown"), ("b.HTML", "html"), ("c.txt", "text"), ("d.pdf", None)])
def test_format_for(name, fmt):
    assert readers.format_for(name) == fmt


HTML5 = [  # (id, page, the text a browser shows, a word and its line:column in the file)
    ("no </head>", "<html><head><title>T</title>\n<p>Synthesized in 1911.</p>", "Synthesized in 1911.", ("1911", 2, 19)),
    ("no <head> end, no <body>", "<head><meta charset=utf-8><style>p{}</style>\n<h1>Title</h1><p>Approved in 2019.",
     "Title\n\nApproved in 2019.", ("2019", 2, 30)),
    ("unclosed <svg>", "<p>Before.</p><svg><circle r=1>\n<p>After the svg, 1962.</p>", "Before.\n\nAfter the svg, 1962.",
     ("1962", 2, 19)),
    ("unclosed <script> text stays skipped", "<p>Shown 1970.</p><script>var x = 1999;", "Shown 1970.", ("1970", 1, 10)),
    ("hidden", "<p hidden>Not shown 1999.</p><p>Shown 1970.</p>", "Shown 1970.", ("1970", 1, 39)),
    ("stray end tag joins text", "<p>Born in 18</b>84 in Ulm.</p>", "Born in 1884 in Ulm.", ("Ulm", 1, 24)),
    ("stray less-than", "<p>Doses < 5 mg << 10 mg in 2001.</p>", "Doses < 5 mg << 10 mg in 2001.", ("2001", 1, 29)),
    ("references move the column on", "<p>R&amp;D &#8212; &eacute;t&eacute; 1962.</p>", "R&D — été 1962.",
     ("1962", 1, 38)),
    ("CRLF lines", "<p>One\r\ntwo 1884.</p>\r\n<p>Three 1890.</p>", "One two 1884.\n\nThree 1890.", ("1890", 3, 10)),
    ("misnested table text", "<table><tr><td>Year</td><td>1911</td></tr></table><p>After.</p>", "Year | 1911\n\nAfter.",
     ("1911", 1, 29)),
]


@pytest.mark.parametrize("page,shown,where", [c[1:] for c in HTML5], ids=[c[0] for c in HTML5])
def test_html_reads_the_tree_a_browser_builds(page, shown, where):
    doc = read("html", page)
    assert doc.text.strip() == shown
    word, line, column = where
    assert doc.locate(doc.text.index(word)) == (line, column)
    assert page.replace("\r\n", "\n").split("\n")[line - 1][column - 1:].startswith(word)
