"""A PDF's section headings are known by their font (larger or bold than the running text) and
kept apart from the next sentence, wrapped or not, whatever the text around them reads like."""

from __future__ import annotations

from tests.documents.pdfs import dejavu
from vexascite.documents import read_document_bytes
from vexascite.link import extract_claims


def headed_pdf(blocks: list[tuple[str, str]], *, heading_width_mm: float = 170) -> bytes:
    """A PDF of ``blocks``, each ``(style, text)``: ``title`` (16 pt), ``bold`` (a heading in the
    running text's size, bold), ``large`` (a heading in 13 pt) or ``text`` (10 pt); no blank line
    anywhere. Headings wrap at ``heading_width_mm``."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(dejavu()))
    pdf.add_font("DejaVu", "B", str(dejavu().with_name("DejaVuSans-Bold.ttf")))
    for style, text in blocks:
        font, size, width = {"title": ("B", 16, 170), "bold": ("B", 10, heading_width_mm), "large": ("", 13, heading_width_mm), "text": ("", 10, 170)}[style]
        pdf.set_font("DejaVu", font, size=size)
        pdf.multi_cell(width, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


BLOCKS = [
    ("title", "Ruxolitinib in a small series"),
    ("text", "Janus kinase inhibitors are given to patients whose disease relapses on steroids (Arden et al., 2020)."),
    ("bold", "Patients and methods"),
    ("text", "25 patients were treated with ruxolitinib at one centre (Brask et al., 2021)."),
    ("large", "Outcomes at twelve months in the patients who stayed on treatment"),
    ("text", "Most of them kept a response after a year of treatment (Cova and Dane, 2019)."),
]


def _claims(data: bytes) -> list[tuple[str, str | None]]:
    document = read_document_bytes(data, "series.pdf")
    extraction = extract_claims(document.text, heading_lines=document.heading_lines)
    return [(claim.text, claim.section) for claim in extraction.claims]


def test_a_heading_in_bold_or_larger_type_is_no_part_of_the_next_claim():
    claims = _claims(headed_pdf(BLOCKS))
    assert claims[1:] == [
        ("25 patients were treated with ruxolitinib at one centre.", "Patients and methods"),
        ("Most of them kept a response after a year of treatment.", "Outcomes at twelve months in the patients who stayed on treatment"),
    ]


def test_a_heading_wrapped_over_lines_is_one_heading():
    data = headed_pdf(BLOCKS, heading_width_mm=45)
    document = read_document_bytes(data, "series.pdf")
    lines = document.text.splitlines()
    assert sum(1 for n in document.heading_lines if "twelve" in lines[n - 1] or "treatment" in lines[n - 1]) >= 2  # it wrapped
    assert _claims(data)[2] == ("Most of them kept a response after a year of treatment.", "Outcomes at twelve months in the patients who stayed on treatment")


def test_running_text_in_one_font_has_no_heading_lines():
    data = headed_pdf([("text", "A line of text.\nAnother line, longer than the first one, closing the paragraph.")] * 3)
    assert read_document_bytes(data, "plain.pdf").heading_lines == frozenset()


def test_a_paragraph_set_in_bold_is_no_heading():
    long = " ".join(["Every word of this paragraph is set in bold type, as a key message box prints it."] * 2)  # 32 words
    opening = ("text", "An opening paragraph in the running text, long enough to set the body's font.")
    data = headed_pdf([opening, ("bold", long), opening, opening])
    assert read_document_bytes(data, "box.pdf").heading_lines == frozenset()


def spaced_pdf(blocks: list[str], *, width_mm: float = 60) -> bytes:
    """A PDF of ``blocks`` in one font and size, wrapped at ``width_mm``, with the space of half a
    line between blocks (as a browser sets a paragraph's margins) and no blank line in the text."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(dejavu()))
    pdf.set_font("DejaVu", size=10)
    for block in blocks:
        pdf.multi_cell(width_mm, 5, block, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


SPACED = [
    "Janus kinase inhibitors are given to patients whose disease relapses on steroids (Arden et al., 2020).",
    "Outcomes at twelve months in the patients who stayed",
    "Most of them kept a response after a year of treatment (Cova and Dane, 2019).",
    "A short paragraph closes.",
    "Its neighbour goes on to say that the drug was stopped in five of them (Brask et al., 2021).",
]


def test_a_heading_in_the_running_texts_type_is_known_by_the_space_around_it():
    data = spaced_pdf(SPACED)
    document = read_document_bytes(data, "spaced.pdf")
    lines = document.text.splitlines()
    assert [lines[n - 1] for n in sorted(document.heading_lines)] == ["Outcomes at twelve months in", "the patients who stayed"]
    assert _claims(data)[1] == ("Most of them kept a response after a year of treatment.", "Outcomes at twelve months in the patients who stayed")


def test_lines_at_the_usual_distance_are_no_heading():
    data = spaced_pdf(["\n".join(SPACED)], width_mm=170)  # one block: no space between the lines
    assert read_document_bytes(data, "tight.pdf").heading_lines == frozenset()
