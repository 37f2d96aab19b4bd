"""PDFs made in tests: text rendered with fpdf2 in DejaVu Sans (so accents and
superscript digits are real glyphs in the text layer), lines wrapped to the page."""

from __future__ import annotations

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
