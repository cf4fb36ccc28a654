"""Word .docx: the text Word shows, paragraph by paragraph; a paragraph's number is its "line".

A .docx has no lines, so positions are reported as paragraph:column, counting every
paragraph in document order (empty ones too): the body's, those of tables (nested ones
too, each cell once however it is merged), of content controls and of text boxes, the way
an editor counts them when searching the document.

A paragraph's text is every run Word shows, wherever the run is held: plain runs,
hyperlinks, tracked insertions (`w:ins`, `w:moveTo`), content controls (`w:sdt`), smart
tags, custom XML and the result of a field. Tracked deletions (`w:del`, `w:moveFrom`),
field codes and the fallback copy of a drawing (`mc:Fallback`, a duplicate of what Word
shows) are left out. python-docx opens the package; its `Paragraph.text` reads only the
runs directly in a paragraph and its hyperlinks, so "synthesized in 1911." inside a
tracked insertion or a content control read "synthesized in .".
"""
from __future__ import annotations

import io

from .base import Readable, TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
HIDDEN = {W + "del", W + "moveFrom", MC + "Fallback", W + "instrText", W + "delText", W + "delInstrText",
          W + "rPr", W + "pPr", W + "sdtPr", W + "sectPr"}
TEXT = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def read_bytes(data: bytes) -> Readable:
    import docx

    body = docx.Document(io.BytesIO(data)).element.body
    builder = TextBuilder()
    for number, paragraph in enumerate(_paragraphs(body), start=1):
        builder.add(_text(paragraph), number, 1)
        builder.add_break("\n\n")
    return builder.build()


def _paragraphs(body):
    """Every paragraph Word shows, in document order (not those of a deletion or a fallback copy)."""
    for paragraph in body.iter(W + "p"):
        if not any(ancestor.tag in HIDDEN for ancestor in paragraph.iterancestors()):
            yield paragraph


def _text(paragraph) -> str:
    """The text of one paragraph's runs, wherever they are held; a paragraph inside it (a text
    box) is a paragraph of its own."""
    parts: list[str] = []
    pending = list(reversed(paragraph))
    while pending:
        element = pending.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in HIDDEN or tag == W + "p":
            continue
        if tag in TEXT:
            parts.append((element.text or "") if TEXT[tag] is None else TEXT[tag])
            continue
        pending.extend(reversed(element))
    return "".join(parts)
