"""PDF glyphs whose text is in a marked-content span's ``/ActualText`` (a browser's glyphs
for characters its fonts lack, ligatures, soft hyphens) read as that text; glyphs with no
text at all kept visible and reported; a one-column page whose lines end in a hyphen drawn
apart is not taken for two columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.documents.pdfs import actual, drawn_pdf
from vexascite.documents import read_document_bytes
from vexascite.refstring import find_reference_lists


def span(text: str, glyphs: str = r"(\000) Tj", *, literal: bool = False) -> str:
    """Glyphs drawn in a span whose ``/ActualText`` is ``text`` (UTF-16 in hex, or a literal
    string in PDFDocEncoding as a browser writes a ligature's)."""
    return f"/Span <</ActualText {f'({text})' if literal else actual(text)}>> BDC {glyphs} EMC "


def line(y: int, body: str) -> str:
    return f"BT /F1 10 Tf 72 {y} Td {body} ET\n"


ENTRIES = [
    line(780, "(1. Kim J, Park S. ) Tj " + span("한") + span("국") + span("어") + "( ) Tj " + span("연") + span("구")
         + "( \\(in Korean\\). J Invented Med. 2019;34:e12. doi:10.5555/kr.1) Tj"),
    line(766, "(2. Wang L. ) Tj " + span("新") + span("病") + "(. Vexas J. 2020;13:1-5. doi:10.5555/zh.2) Tj"),
    line(752, "(3. Smith A. Infra) Tj " + span("\u00ad", "( ) Tj") + "(structure of the office ) Tj "
         + span("fi", r"(\037) Tj", literal=True) + "(nance. J Inv Econ. 2001;1:2-9.) Tj"),
]


def test_actual_text_stands_for_the_glyphs_it_covers(tmp_path: Path, run_cli):
    data = drawn_pdf(["".join(ENTRIES)])
    document = read_document_bytes(data, "cjk.pdf")
    lines = document.text.splitlines()
    assert lines[0] == "1. Kim J, Park S. 한국어 연구 (in Korean). J Invented Med. 2019;34:e12. doi:10.5555/kr.1"
    assert lines[1] == "2. Wang L. 新病. Vexas J. 2020;13:1-5. doi:10.5555/zh.2"
    assert lines[2] == "3. Smith A. Infra\u00adstructure of the office finance. J Inv Econ. 2001;1:2-9."
    assert document.notes == []
    assert [entry.number for entry in find_reference_lists(document.text)[0].entries] == [1, 2, 3]
    path = tmp_path / "cjk.pdf"
    path.write_bytes(data)
    result = run_cli("parse", str(path))
    assert result.exit_code == 0, result.output
    items = [json.loads(row) for row in result.stdout.splitlines()]
    assert items[0]["title"].startswith("한국어 연구")
    assert items[2]["title"] == "Infrastructure of the office finance"  # a soft hyphen joins, it never spaces


def test_actual_text_named_in_the_page_properties_over_a_glyph_array():
    content = line(780, "(1. Lee H. ) Tj /Span /MC0 BDC [(\\000) -40 (\\000)] TJ EMC (. Vexas J. 2021;2:3-4.) Tj")
    document = read_document_bytes(drawn_pdf([content], properties={"MC0": "연구"}), "named.pdf")
    assert document.text.splitlines()[0] == "1. Lee H. 연구. Vexas J. 2021;2:3-4."


def test_a_glyph_with_no_text_is_kept_visible_and_reported(tmp_path: Path, run_cli):
    content = line(780, "(1. Park S. ) Tj (\\000) Tj " + span("국") + "( title. Vexas J. 2019;3:1-2. doi:10.5555/kr.3) Tj")
    data = drawn_pdf([content, content.replace("1. Park", "2. Park")])
    document = read_document_bytes(data, "lost.pdf")
    assert document.text.splitlines()[0] == "1. Park S. \ufffd국 title. Vexas J. 2019;3:1-2. doi:10.5555/kr.3"
    assert "\x00" not in document.text
    assert document.notes == [
        "pages 1, 2: 2 characters whose text the PDF does not give (no /ToUnicode entry or /ActualText for the glyph), kept as \ufffd"
    ]
    path = tmp_path / "lost.pdf"
    path.write_bytes(data)
    result = run_cli("parse", str(path))
    assert result.exit_code == 0, result.output
    assert "2 characters whose text the PDF does not give" in result.output
    assert [json.loads(row)["raw"][:14] for row in result.stdout.splitlines()] == ["1. Park S. \ufffd국 ", "2. Park S. \ufffd국 "]


def test_a_soft_hyphen_that_broke_its_line_is_read_as_one():
    """A browser draws the soft hyphen as a blank glyph whose text is U+00AD, then the hyphen it
    prints at the break: the word is joined without either."""
    content = (line(780, "(1. Ondrak P, Lindqvist M. Somatic variants in tran) Tj " + span("\u00ad", "( ) Tj") + "BT /F2 10 Tf 300 780 Td (-) Tj ET")
               .replace("ET\nBT", "ET BT") + line(766, "(sfusion dependent men. J Invented Med. 2001;4:5-6.) Tj"))
    document = read_document_bytes(drawn_pdf([content]), "break.pdf")
    assert document.text.splitlines()[:2] == ["1. Ondrak P, Lindqvist M. Somatic variants in tran\u00ad",
                                              "sfusion dependent men. J Invented Med. 2001;4:5-6."]
    entry = find_reference_lists(document.text)[0].entries[0]
    assert "transfusion dependent" in entry.text.replace("\u00ad", "")
    assert "-" not in entry.text.split("J Invented")[0]


def words_page(rows: int, *, hyphen_every: int) -> str:
    """A one-column page drawn word by word (each word placed on its own, as a browser places
    justified text), a running head at the left and one at the right, and every
    ``hyphen_every``-th line closed by a hyphen drawn in another font at the column's right edge."""
    out = ["BT /F1 7 Tf 72 810 Td (Vexas J 2024;70:145-159) Tj ET BT /F1 7 Tf 470 810 Td (Ondrak et al.) Tj ET\n"]
    for row in range(rows):
        y = 780 - 14 * row
        words = [f"word{row}x{n}" for n in range(8)]
        body = f"BT /F1 10 Tf 72 {y} Td ({words[0]} ) Tj " + "".join(f"52 0 Td ({word} ) Tj " for word in words[1:]) + "ET "
        if row % hyphen_every == 0:
            body += f"BT /F2 10 Tf 520 {y} Td (-) Tj ET"
        out.append(body + "\n")
    return "".join(out)


def test_one_column_page_with_hyphens_drawn_apart_is_read_once(monkeypatch: pytest.MonkeyPatch):
    from pypdf import PageObject

    layout_reads = []
    extract = PageObject.extract_text

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("extraction_mode") == "layout":
            layout_reads.append(1)
        return extract(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counted)
    document = read_document_bytes(drawn_pdf([words_page(40, hyphen_every=3)]), "hyphens.pdf")
    assert document.notes == []
    assert layout_reads == []
    lines = document.text.splitlines()
    assert lines[:2] == ["Vexas J 2024;70:145-159", "Ondrak et al."]  # two heads apart on one line
    assert lines[2].startswith("word0x0 word0x1") and lines[2].rstrip().endswith("-")


def test_a_column_of_one_line_beside_the_next_column_is_two_lines():
    """A list set in two columns whose left column holds one line on a page (the end of an entry
    from the page before), drawn column by column: that line and the first of the right column
    stand at one height and were read as one line, gluing the next entry to it."""
    first = (line(780, "(References) Tj")
             + line(760, "([1] Ondrak P, Lindqvist M. Somatic variants of an invented gene. J Invented Med. 2001;4:5-6.) Tj")
             + line(746, "([2] Quill P, Brennholt H. Relapsing chondritis in older men with vacuoles in their) Tj")
             + line(732, "(marrow, a cohort of forty-one. Vexas J.) Tj"))
    second = (line(780, "(2002;7:1-2.) Tj").replace("72 780", "84 780")
              + "BT /F1 10 Tf 310 780 Td ([3] Okafor T, Harwell S. Fevers and chondritis in a) Tj ET\n"
              + "BT /F1 10 Tf 322 766 Td (cohort of men. J Invented Med. 2003;5:7-8.) Tj ET\n"
              + "BT /F1 10 Tf 310 752 Td ([4] Lindqvist M. Transfusion in relapsing chondritis.) Tj ET\n"
              + "BT /F1 10 Tf 322 738 Td (Vexas J. 2004;6:9-10.) Tj ET\n")
    document = read_document_bytes(drawn_pdf([first, second]), "columns.pdf")
    entries = find_reference_lists(document.text)[0].entries
    assert [entry.number for entry in entries] == [1, 2, 3, 4]
    assert entries[1].text.endswith("Vexas J. 2002;7:1-2."), entries[1].text
    assert entries[2].text.startswith("[3] Okafor T")


def at(x: int, y: int, text: str) -> str:
    return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET\n"


def test_a_column_holding_one_entry_keeps_its_hanging_indent():
    """An author-year list in two columns with hanging indents, whose right column on the first
    page holds one entry: its first line at the column's edge, the rest set in. With no two rows
    starting at that edge, the edge was taken where the set-in lines start and they lost their
    indent; the second page shows where the column starts."""
    first = (at(45, 780, "The marrow of the patients showed vacuoles in myeloid precursors.")
             + at(45, 760, "References")
             + at(45, 745, "Albert A, Brennholt H (2017) Vacuoles in the marrow of men.")
             + at(57, 734, "Vexas J 834:110-118.")
             + at(316, 745, "Gupta A, Mumick I (1993) Maintaining views of relapsing")
             + at(328, 734, "chondritis. In: Proceedings of the invented conference on")
             + at(328, 723, "inflammation in older men, pages 157-166."))
    entries = [("Harwell S, Okafor T (2001) Fevers in older men with", "vacuoles. Vexas J 4:5-6."),
               ("Lindqvist M (2002) Transfusion dependence in an invented", "cohort. J Invented Med 7:1-2."),
               ("Ondrak P (2003) Somatic variants of an invented gene in", "men. J Invented Med 8:3-4."),
               ("Quill P (2004) Relapsing chondritis of the ear and the", "nose. Vexas J 9:5-6.")]
    second = "".join(at(x, 780 - 24 * n, a) + at(x + 12, 769 - 24 * n, b)
                     for x, pair in ((45, entries[:2]), (316, entries[2:])) for n, (a, b) in enumerate(pair))
    document = read_document_bytes(drawn_pdf([first, second]), "hanging.pdf")
    found = find_reference_lists(document.text)
    texts = [entry.text for ref_list in found for entry in ref_list.entries]
    assert "Gupta A, Mumick I (1993) Maintaining views of relapsing chondritis. In: Proceedings of the invented conference on inflammation in older men, pages 157-166." in texts, texts
    assert len(texts) == 6, texts
