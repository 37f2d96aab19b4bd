"""Word documents as text: numbering as Word shows it, citation fields with their spans."""

from __future__ import annotations

import pytest
from docx import Document

from tests.documents.wordfiles import (
    add_complex_field,
    add_simple_field,
    add_text,
    docx_bytes,
    number_paragraph,
    numbered_document,
    numbering_element,
    zotero_instruction,
)
from vexascite.documents import read_document_bytes
from vexascite.documents.docx import citation_kind, docx_text
from vexascite.errors import InputUnreadable


def test_headings_superscripts_and_plain_paragraphs_read_as_before():
    document = Document()
    document.add_heading("Background", level=2)
    paragraph = document.add_paragraph("Thrombosis is common")
    paragraph.add_run("3").font.superscript = True
    paragraph.add_run(".")
    read = docx_text(docx_bytes(document))
    assert read.text.splitlines()[-2:] == ["## Background", "Thrombosis is common<sup>3</sup>."]


def test_numbered_paragraphs_get_the_number_word_shows():
    document = numbered_document(numbering_element(text0="[%1]", restart=4))
    document.add_paragraph("Introduction text.")
    for text, num_id in (("Beck DB. First.", 1), ("Comont T. Second.", 2), ("Later list.", 3), ("Next.", 3)):
        number_paragraph(document.add_paragraph(text), num_id)
    bullet = document.add_paragraph("A bullet point")
    number_paragraph(bullet, 4)
    read = docx_text(docx_bytes(document))
    assert read.text.splitlines()[-5:] == [
        "[1] Beck DB. First.", "[2] Comont T. Second.", "[4] Later list.", "[5] Next.", "A bullet point",
    ]
    assert read.numbered_paragraphs == 4


def test_complex_field_split_over_runs_and_simple_field_keep_their_spans():
    document = Document()
    paragraph = document.add_paragraph()
    add_text(paragraph, "VEXAS is caused by UBA1 mutations ")
    instruction = zotero_instruction([{"type": "article-journal", "title": "Somatic mutations"}], "(1)")
    add_complex_field(paragraph, instruction, "(1)", chunk=50)
    add_text(paragraph, ". Ruxolitinib did better ")
    add_simple_field(paragraph, "ADDIN EN.CITE <EndNote><Cite><Author>Heiblig</Author></Cite></EndNote>", "[2]")
    add_text(paragraph, ".")
    other = document.add_paragraph()
    add_complex_field(other, "PAGE", "7")  # not a citation: kept as text, not a field
    read = docx_text(docx_bytes(document))
    lines = read.text.splitlines()
    assert lines[-2] == "VEXAS is caused by UBA1 mutations (1). Ruxolitinib did better [2]."
    assert lines[-1] == "7"
    assert [f.kind for f in read.fields] == ["zotero", "endnote"]
    zotero, endnote = read.fields
    assert zotero.instruction == instruction  # verbatim, joined from its runs
    assert read.text[zotero.start : zotero.end] == "(1)" == zotero.shown
    assert read.text[endnote.start : endnote.end] == "[2]"
    assert zotero.line == endnote.line == len(lines) - 1


def test_citation_kinds():
    assert citation_kind("ADDIN ZOTERO_ITEM CSL_CITATION {}") == "zotero"
    assert citation_kind(" ADDIN CSL_CITATION {}") == "mendeley"
    assert citation_kind("ADDIN EN.CITE.DATA") == "endnote"
    assert citation_kind("ADDIN ZOTERO_BIBL {}") is None
    assert citation_kind("HYPERLINK x") is None


def test_not_a_docx_names_the_file():
    with pytest.raises(InputUnreadable, match=r"paper\.docx: not a Word \.docx"):
        read_document_bytes(b"PK\x03\x04 broken", "paper.docx")


def test_paragraphs_in_content_controls_and_tables_are_read_in_order():
    """Word's own bibliography (and some reference managers') sits in a content control;
    some journals' templates set the list in a table: neither may be lost."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    from tests.documents.wordfiles import W_NS

    document = numbered_document(numbering_element())
    document.add_paragraph("Thrombosis is frequent [1] and azacitidine helps [2].")
    document.add_heading("References", level=1)
    control = parse_xml(
        f'<w:sdt {W_NS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Bibliographies"/></w:docPartObj></w:sdtPr>'
        "<w:sdtContent/></w:sdt>"
    )
    for text in ("Obiorah IE. Invented first entry. Blood Adv. 2021;5:1-2.", "Comont T. Invented second. Br J Haematol. 2022;196:3-4."):
        paragraph = document.add_paragraph(text)
        number_paragraph(paragraph, 1)
        control.find(qn("w:sdtContent")).append(paragraph._p)
    document.element.body.insert(len(document.element.body) - 1, control)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].text = "Table cell one"
    table.cell(0, 1).paragraphs[0].text = "Table cell two"
    document.add_paragraph("After the table.")
    lines = docx_text(docx_bytes(document)).text.splitlines()
    assert lines[-6:] == [
        "# References",
        "1. Obiorah IE. Invented first entry. Blood Adv. 2021;5:1-2.",
        "2. Comont T. Invented second. Br J Haematol. 2022;196:3-4.",
        "Table cell one",
        "Table cell two",
        "After the table.",
    ]


def test_a_list_numbered_through_a_list_style_shows_its_numbers():
    from docx.oxml import parse_xml

    from tests.documents.wordfiles import W_NS

    document = numbered_document(parse_xml(f"""<w:numbering {W_NS}>
      <w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="RefList"/></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="RefList"/>
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>"""))
    document.styles.element.append(parse_xml(
        f'<w:style {W_NS} w:type="numbering" w:styleId="RefList"><w:name w:val="RefList"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    ))
    for text in ("Okafor A. Invented first. Blood. 2020;1:1-2.", "Lindqvist B. Invented second. Blood. 2021;2:3-4."):
        number_paragraph(document.add_paragraph(text), 2)
    assert docx_text(docx_bytes(document)).text.splitlines()[-2:] == [
        "1. Okafor A. Invented first. Blood. 2020;1:1-2.", "2. Lindqvist B. Invented second. Blood. 2021;2:3-4.",
    ]


def test_a_docx_that_unpacks_to_more_than_the_limit_is_refused_unread(monkeypatch):
    """A zip bomb: a small archive whose parts unpack to gigabytes, which python-docx
    would hold in memory (a 1.5 MB file took 3 GB before failing)."""
    import io
    import zipfile

    import vexascite.documents.docx as docx_module

    document = Document()
    document.add_paragraph("Doe J. A study. J Test. 2020;1:1-2.")
    small = docx_bytes(document)
    assert "A study" in docx_text(small).text
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(small)) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info.filename))
        out.writestr("word/media/padding.bin", b"\0" * (3 * 2**20))
    assert len(bomb.getvalue()) < 2**20 // 10
    monkeypatch.setattr(docx_module, "MAX_INPUT_BYTES", 2**20)
    with pytest.raises(InputUnreadable, match=r"unpacks to \d+ MB, more than the 1 MB limit"):
        docx_text(bomb.getvalue())
    assert "A study" in docx_text(small).text


def test_an_entity_in_a_docx_is_not_expanded_and_the_text_after_it_is_kept():
    """A document.xml with a DTD (Word never writes one): the external entity stays
    unexpanded, and the text after it in the run was lost."""
    import io
    import zipfile

    document = Document()
    document.add_paragraph("Doe J. A MARKER study. J Test. 2020;1:1-2.")
    source = docx_bytes(document)
    hostile = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                declaration_end = text.index("?>") + 2
                text = (text[:declaration_end] + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
                        + text[declaration_end:].replace("MARKER", "[&xxe;]"))
                data = text.encode("utf-8")
            out.writestr(info.filename, data)
    read = docx_text(hostile.getvalue())
    assert "Doe J. A [&xxe;] study. J Test. 2020;1:1-2." in read.text
