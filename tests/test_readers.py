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
