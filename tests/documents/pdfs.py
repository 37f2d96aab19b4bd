"""PDFs made in tests: text rendered with fpdf2 in DejaVu Sans (so accents and
superscript digits are real glyphs in the text layer), lines wrapped to the page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def dejavu() -> Path:
    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").exists():
            return folder / "DejaVuSans.ttf"
    pytest.skip("DejaVu Sans is not installed (apt-get install fonts-dejavu-core)")
    raise AssertionError  # unreachable


def text_pdf(text: str, *, width_mm: float = 170) -> bytes:
    """A PDF whose text layer holds ``text``, long lines wrapped as a word processor would."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(dejavu()))
    pdf.set_font("DejaVu", size=10)
    for line in text.split("\n"):
        if line.strip():
            pdf.multi_cell(width_mm, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(5)
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    """A one-page PDF with a drawing and no text at all (as a scan has)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    return bytes(pdf.output())


def two_column_pdf(entries: list[str], *, across: bool, rows_per_page: int = 46, heading: str = "References") -> bytes:
    """A PDF with prose across the page, then ``entries`` set in two columns of 85 mm that
    fill the left column, then the right one, then the next page's (an entry may go on
    from one column or page to the next). With ``across`` the text is drawn row by row
    across the page (a left line, the right line beside it, the next row), as some
    typesetters draw it; otherwise column by column. A page number at each page's foot."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 5, "The patients' marrow showed vacuoles in myeloid precursors, and most of them were men over fifty years old.")
    pdf.set_xy(20, pdf.get_y() + 3)
    pdf.cell(170, 6, heading)
    lines: list[str] = []
    for entry in entries:
        lines += pdf.multi_cell(85, 4.5, entry, dry_run=True, output="LINES")
    top, page = pdf.get_y() + 10, 1
    rows = rows_per_page - 6  # the first page starts under the prose
    while lines:
        left, right, lines = lines[:rows], lines[rows : 2 * rows], lines[2 * rows :]
        if across:
            for row in range(len(left)):
                pdf.text(20, top + row * 4.5, left[row])
                if row < len(right):
                    pdf.text(110, top + row * 4.5, right[row])
        else:
            for column, x in ((left, 20), (right, 110)):
                for row, line in enumerate(column):
                    pdf.text(x, top + row * 4.5, line)
        pdf.text(104, 287, str(page))
        if lines:
            pdf.add_page()
            top, page, rows = 20, page + 1, rows_per_page
    return bytes(pdf.output())


def margins_first_pdf(lines: list[str], *, rows_per_page: int = 40, head: tuple[str, str], foot: str) -> bytes:
    """A PDF of ``lines`` (one text line each, set from the top of each page; a line opening
    with spaces set in by 2 mm a space), whose running heads (one at the left, one at the
    right, on one line), page number (``Page`` and the number drawn apart) and foot line are
    drawn before the page's body, as a browser printing a page with ``@page`` margin boxes
    draws them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(dejavu()))
    page = 0
    while lines:
        body, lines = lines[:rows_per_page], lines[rows_per_page:]
        page += 1
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.text(20, 12, head[0])
        pdf.text(160, 12, head[1])
        pdf.text(100, 290, "Page")
        pdf.text(109, 290, str(page))
        pdf.text(20, 294, foot)
        pdf.set_font("DejaVu", size=10)
        for row, line in enumerate(body):
            pdf.text(20 + 2 * (len(line) - len(line.lstrip(" "))), 25 + row * 6, line.lstrip(" "))
    return bytes(pdf.output())


def actual(text: str) -> str:
    """``text`` as a PDF hex string (UTF-16BE with its byte order mark), as ``/ActualText`` holds it."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def drawn_pdf(pages: list[str], *, properties: dict[str, str] | None = None) -> bytes:
    """A PDF of A4 pages whose content streams are given as written (``BT /F1 10 Tf 72 780 Td
    (text) Tj ET``), to draw what a typesetter draws: glyphs in marked-content spans with an
    ``/ActualText``, glyphs no encoding maps, text drawn piece by piece. ``/F1`` is Helvetica and
    ``/F2`` Times (standard fonts, WinAnsi encoding); ``properties`` names ``/ActualText`` texts
    in the pages' ``/Properties`` (``/Span /MC0 BDC``)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, TextStringObject

    def font(base: str) -> DictionaryObject:
        return DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject(base),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        })

    writer = PdfWriter()
    for content in pages:
        page = writer.add_blank_page(595, 842)
        resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font("/Helvetica"), NameObject("/F2"): font("/Times-Roman")})})
        if properties:
            resources[NameObject("/Properties")] = DictionaryObject({
                NameObject(f"/{name}"): DictionaryObject({NameObject("/ActualText"): TextStringObject(text)}) for name, text in properties.items()
            })
        page[NameObject("/Resources")] = resources
        stream = DecodedStreamObject()
        stream.set_data(content.encode("latin-1"))
        page.replace_contents(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
