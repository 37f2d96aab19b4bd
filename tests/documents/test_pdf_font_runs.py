"""A run of glyphs from another font (a superscript digit or a Greek letter the page's main font
lacks), drawn as a browser draws it: a text object opened at the line's start with ``Tm`` and
moved to the run with ``Td``. Read with no space put on either side of the run, so a citation
marker stays on the sentence it closes.

Every sentence and reference here is invented.
"""

from __future__ import annotations

from tests.documents.pdfs import drawn_pdf
from vexascite.documents import read_document_bytes


def runs(pieces: list[tuple[str, str, float]], *, y: int = 780) -> str:
    """Text objects each opened at the line's start (x 72) and moved to its run by ``Td``."""
    return "".join(f"BT /{font} 10 Tf 1 0 0 1 72 {y} Tm {x:.3f} 0 Td ({text}) Tj ET " for font, text, x in pieces)


def test_a_superscript_from_another_font_stays_on_its_sentence():
    # Helvetica 10 pt: "with TNF blockers." is 82.79 pt wide; Times' "³" 3 pt.
    content = runs([("F1", "with TNF blockers.", 0), ("F2", "\\263", 82.79), ("F1", " At six months it was 30%.", 85.79)])
    text = read_document_bytes(drawn_pdf([content]), "runs.pdf").text
    assert text == "with TNF blockers.³ At six months it was 30%.\n", text


def test_a_letter_from_another_font_inside_a_word_is_not_cut_off():
    # Helvetica 10 pt: "TNF-" is 22.77 pt wide; Times' "µ" 5 pt.
    content = runs([("F1", "TNF-", 0), ("F2", "\\265", 22.77), ("F1", "g levels rose.", 27.77)])
    text = read_document_bytes(drawn_pdf([content]), "runs.pdf").text
    assert text == "TNF-µg levels rose.\n", text


def test_runs_placed_by_their_own_text_matrix_read_as_before():
    """The same line with each run placed by its ``Tm`` alone (as most typesetters place them)."""
    content = ("BT /F1 10 Tf 1 0 0 1 72 780 Tm (with TNF blockers.) Tj ET BT /F2 10 Tf 1 0 0 1 154.79 780 Tm (\\263) Tj ET "
               "BT /F1 10 Tf 1 0 0 1 157.79 780 Tm ( At six months it was 30%.) Tj ET")
    text = read_document_bytes(drawn_pdf([content]), "runs.pdf").text
    assert text == "with TNF blockers.³ At six months it was 30%.\n", text
