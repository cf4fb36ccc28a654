"""Word .docx read as Word shows it: insertions, content controls, smart tags, fields and text
boxes in; deletions, field codes and fallback copies out; each paragraph once, numbered."""
from __future__ import annotations

import io

import pytest

from factcheck.readers import docx as docx_reader

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def document(*body_xml: str) -> bytes:
    """A real .docx (python-docx's template) whose body holds `body_xml` (WordprocessingML)."""
    import docx
    from docx.oxml import parse_xml

    made = docx.Document()
    body = made.element.body
    for xml in body_xml:
        body.insert(len(body) - 1, parse_xml(xml.replace("<w:p>", f"<w:p {NS}>", 1) if xml.startswith("<w:p>")
                                             else xml.replace(">", f" {NS}>", 1)))
    out = io.BytesIO()
    made.save(out)
    return out.getvalue()


def p(*inner: str) -> str:
    return "<w:p>" + "".join(inner) + "</w:p>"


CASES = [
    ("plain", [p(run("Ketamine was synthesized in 1962."))], ["Ketamine was synthesized in 1962."]),
    ("tracked insertion", [p(run("synthesized in "), '<w:ins w:id="1" w:author="a">' + run("1911") + "</w:ins>",
                             run("."))], ["synthesized in 1911."]),
    ("tracked deletion", [p(run("synthesized in "), '<w:del w:id="2" w:author="a"><w:r><w:delText>1910'
                            "</w:delText></w:r></w:del>", run("1911."))], ["synthesized in 1911."]),
    ("moved text", [p('<w:moveFrom w:id="3" w:author="a">' + run("old ") + "</w:moveFrom>",
                      '<w:moveTo w:id="4" w:author="a">' + run("new") + "</w:moveTo>")], ["new"]),
    ("inline content control", [p(run("approved in "), "<w:sdt><w:sdtPr><w:alias w:val=\"year\"/></w:sdtPr>"
                                  "<w:sdtContent>" + run("2019") + "</w:sdtContent></w:sdt>", run("."))],
     ["approved in 2019."]),
    ("block content control", ["<w:sdt><w:sdtContent>" + p(run("First.")) + p(run("Second.")) +
                               "</w:sdtContent></w:sdt>"], ["First.", "Second."]),
    ("smart tag", [p(run("On "), '<w:smartTag w:element="date">' + run("5 March 2019") + "</w:smartTag>", run("."))],
     ["On 5 March 2019."]),
    ("hyperlink", [p(run("See "), '<w:hyperlink w:anchor="x">' + run("the label") + "</w:hyperlink>")],
     ["See the label"]),
    ("field result, not code", [p(run("Page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                                  '<w:r><w:instrText> PAGE </w:instrText></w:r>',
                                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("7"),
                                  '<w:r><w:fldChar w:fldCharType="end"/></w:r>')], ["Page 7"]),
    ("tab and break", [p('<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>')], ["a\tb\nc"]),
    ("fallback copy left out", [p(run("Box: "), "<mc:AlternateContent><mc:Choice Requires=\"wps\">" + run("shown") +
                                  "</mc:Choice><mc:Fallback>" + run("copy") + "</mc:Fallback></mc:AlternateContent>")],
     ["Box: shown"]),
    ("table, merged cell once", ["<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + p(run("Year")) +
                                 "</w:tc></w:tr><w:tr><w:tc>" + p(run("1911")) + "</w:tc><w:tc>" + p(run("1912")) +
                                 "</w:tc></w:tr></w:tbl>"], ["Year", "1911", "1912"]),
    ("empty paragraphs count", [p(), p(run("Third paragraph."))], ["", "Third paragraph."]),
]


@pytest.mark.parametrize("body,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_docx_text_as_word_shows_it(body, expected):
    readable = docx_reader.read_bytes(document(*body))
    assert readable.text.split("\n\n") == [e for e in expected if e] + [""]  # an empty paragraph adds no text
    assert all(column == 1 for _, _, column in readable.anchors)


def test_paragraph_numbers_count_every_paragraph_in_order():
    readable = docx_reader.read_bytes(document(p(), p(run("Two.")), "<w:sdt><w:sdtContent>" + p(run("Three.")) +
                                               "</w:sdtContent></w:sdt>", p(run("Four."))))
    lines = {readable.text[offset: offset + 5]: line for offset, line, _ in readable.anchors}
    assert lines == {"Two.\n": 2, "Three": 3, "Four.": 4}
