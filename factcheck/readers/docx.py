"""Word .docx: paragraph text through python-docx; a paragraph's number is its "line".

A .docx has no lines, so positions are reported as paragraph:column, counting every
paragraph of the body (empty ones too) and the paragraphs of tables in document order,
the way an editor counts them when searching the document.
"""
from __future__ import annotations

import io

from .base import Readable, TextBuilder


def read_bytes(data: bytes) -> Readable:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    builder = TextBuilder()
    number = 0
    for block in document.iter_inner_content():
        paragraphs = [block] if isinstance(block, Paragraph) else _table_paragraphs(block, Table)
        for paragraph in paragraphs:
            number += 1
            builder.add(paragraph.text, number, 1)
            builder.add_break("\n\n")
    return builder.build()


def _table_paragraphs(table, table_type):
    for row in table.rows:
        for cell in row.cells:
            yield from cell.paragraphs
