"""A PDF manuscript with a running head and page numbers on every page links as its text does:
no head or page number in a claim, none in an entry, the same claims and links."""

from __future__ import annotations

from pathlib import Path

from tests.documents.pdfs import dejavu
from vexascite import api
from vexascite.config import Settings

DRUGS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "omicron"]
PARAGRAPHS = [
    f"In a registry of {30 + n} patients treated with drug {drug}, the response at three months was {20 + n}% and "
    f"the response at six months was {25 + n}%, and serious side effects were seen in {n + 2} of them [{n % 4 + 1}]. "
    f"Treatment with drug {drug} was stopped during follow-up in {n + 5} patients, most often for infections "
    f"that resolved without sequelae [{(n + 1) % 4 + 1}]."
    for n, drug in enumerate(DRUGS)
]
REFERENCES = [
    "1. Arden P, Brask T, Cova L, et al. A marker of slow relapse in adult disease: a study of forty patients. J Clin Res. 2020;12(3):101-109.",
    "2. Brask T, Dunn M. Two drugs compared in a small cohort of adults with a rare disease. Blood Adv. 2021;5(2):22-31.",
    "3. Cova L, Egli O, Arden P. Why responses differ in a registry of patients treated with one of two drugs. Nat Rev Things. 2019;13(4):234-243.",
    "4. Egli O, Arden P. Clots before treatment: a registry study of adults with a rare disease. Drug Saf. 2018;41(7):645-653.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n\nReferences\n\n" + "\n".join(REFERENCES) + "\n"


def _pdf(text: str, head: str) -> bytes:
    from fpdf import FPDF

    class Paged(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=8)
            shown = head.format(page=self.page_no())
            self.cell(0, 5, shown, align="R", new_x="LMARGIN", new_y="NEXT")
            self.set_font("DejaVu", size=11)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("DejaVu", size=8)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Paged(format=(148, 210))  # A5
    pdf.add_font("DejaVu", "", str(dejavu()))
    pdf.set_font("DejaVu", size=11)
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in text.split("\n"):
        if line.strip():
            pdf.multi_cell(0, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(5)
    return bytes(pdf.output())


def _claims(settings: Settings, path: Path) -> tuple[list[str], int]:
    report = api.link_manuscript(settings, path)
    rows = api.evidence_table(settings, str(path))
    return [" ".join(row["text"].split()) for row in rows], report.linked


def test_running_heads_and_page_numbers_stay_out_of_claims_and_entries(tmp_path: Path, settings: Settings) -> None:
    text_path = tmp_path / "paper.txt"
    text_path.write_text(TEXT, encoding="utf-8")
    expected, linked = _claims(settings, text_path)
    assert len(expected) == 2 * len(PARAGRAPHS) and linked == len(expected)
    for head in ("Treating adult disease   {page}", "{page}   TREATING ADULT DISEASE"):
        pdf_path = tmp_path / "paper.pdf"
        pdf_path.write_bytes(_pdf(TEXT, head))
        got, got_linked = _claims(settings, pdf_path)
        assert got == expected and got_linked == linked
