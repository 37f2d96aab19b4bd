"""Reference lists in PDFs laid out as a browser prints them (running heads, the page number and a foot
line drawn before the body; hanging indents kept as spaces): lines of an entry that happen to look like
page furniture stay in their entry.

Every reference here is invented (10.5555 DOIs, made-up names and journals).
"""

from __future__ import annotations

from tests.documents.pdfs import margins_first_pdf
from vexascite.documents import read_document_bytes
from vexascite.refstring import find_reference_lists

HEAD = ("Fict Haematol 2019;41(3):1201–1215", "Harwell et al.")
FOOT = "Downloaded from https://example.org/fict/article/41/3/1201 by guest on 3 May 2021"


def hanging(entries: list[tuple[str, ...]]) -> list[str]:
    """An author-year list: each entry's first line flush, the lines after it set in."""
    lines = ["References"]
    for first, *rest in entries:
        lines.append(first)
        lines.extend("    " + line for line in rest)
    return lines


def texts_of(lines: list[str]) -> list[str]:
    document = read_document_bytes(margins_first_pdf(lines, head=HEAD, foot=FOOT), "rendered.pdf")
    return [entry.text for found in find_reference_lists(document.text) for entry in found.entries]


def test_an_entrys_set_in_lines_shaped_like_a_footer_stay_in_the_entry():
    """A place and a date closing a meeting's entry (``... Saint`` / ``Malo 6 March 2010 8``), a note of where
    a copy was found (``downloaded from ...``): set in as the entry's other lines, not at the page's margin."""
    lines = hanging([
        ("Albert A, Brennholt H (2017) Vacuoles in the marrow of older men.", "Vexas J 834:110-118."),
        ("Quill P, Marsh R (2010) Relapsing chondritis of the ear, a day meeting of the invented",
         "society of the western coast, its annual report, held at the harbour hall of Saint",
         "Malo 6 March 2010 8"),
        ("Anon (2010) Harbour Press lands print agreements with two university presses. Vexas Newswire",
         "[Brest] 26 May 2010;", "downloaded from Vexas-Quest March 25, 2012."),
        ("Okafor T, Harwell S (2003) Fevers and chondritis in a cohort of men.", "J Invented Med 5:7-8."),
    ])
    texts = texts_of(lines)
    assert len(texts) == 4, texts
    assert texts[1].endswith("held at the harbour hall of Saint Malo 6 March 2010 8"), texts[1]
    assert texts[2].endswith("26 May 2010; downloaded from Vexas-Quest March 25, 2012."), texts[2]


def test_an_entry_opening_with_a_quoted_title_that_holds_bars_is_an_entry():
    """A web page cited by its quoted title, ``“Vexas Registry | Cohorts | Sites ...”``: a footer's bars, but no
    page's head or foot opens with a quotation mark. Read as furniture, the entry was lost and its set-in
    lines went to the entry above."""
    lines = hanging([
        ("Lindqvist M (2008) Transfusion dependence in an invented cohort of older men.", "J Invented Med 7:1-2."),
        ("“Vexas Registry | Cohorts | Sites | Outlook (2018-2023).” [Web page]. Found at:",
         "https://www.example.org/registry/vexas-sites. [Seen: 3-Mar-2019]."),
        ("Ondrak P (2009) Somatic variants of an invented gene in men.", "J Invented Med 8:3-4."),
    ])
    texts = texts_of(lines)
    assert len(texts) == 3, texts
    assert texts[0].endswith("J Invented Med 7:1-2."), texts[0]
    assert texts[1].startswith("“Vexas Registry | Cohorts | Sites | Outlook (2018-2023).”"), texts[1]
    assert texts[1].endswith("[Seen: 3-Mar-2019]."), texts[1]


def test_an_entry_that_prints_one_of_its_lines_twice_keeps_both():
    """A string that repeats its title as its container (``« Le laboratoire ... » Le laboratoire ...``)
    can wrap to the same set-in line twice, the first right under the entry's flush first line: a line
    that repeats is a running head's shape, but these are set in as the entry's other lines are."""
    lines = hanging([
        ("Albert A, Brennholt H (2017) Vacuoles in the marrow of older men.", "Vexas J 834:110-118."),
        ("Bernard F (2006) « Le laboratoire des sciences de l’information et de la",
         "communication. Entre prise et déprise des pratiques en information et",
         "communication.» Le laboratoire des sciences de l’information et de la",
         "communication. Entre prise et déprise des pratiques en information et",
         "communication. Bordeaux : SFIC, 2006."),
        ("Okafor T, Harwell S (2003) Fevers and chondritis in a cohort of men.", "J Invented Med 5:7-8."),
    ])
    texts = texts_of(lines)
    assert len(texts) == 3, texts
    assert texts[1].count("Entre prise et déprise des pratiques en information et communication.") == 2, texts[1]


def test_back_matter_flush_under_a_set_in_line_of_names_and_a_year_ends_the_list():
    """The last entry closes on a set-in ``H. Beck, 1988.`` (a publisher's name and a year, the shape of authors
    and a year whose title comes next), then a flush ``Supplementary Material`` and a funding note: a title going
    on would be set in as the line above is, so the heading ends the list."""
    lines = hanging([
        ("[1] Albert A, Brennholt H. Vacuoles in the marrow of older men. Vexas J", "2017;834:110-118."),
        ("[2] Okafor T, Harwell S. Fevers and chondritis in a cohort of men. J Invented", "Med 2003;5:7-8."),
        ("[3] Quill P. Der Triumph im Antiken Rom, Munich, C.", "H. Beck, 1988."),
    ]) + [
        "Supplementary Material",
        "This work was supported by grants from the Invented Agency (ANR-21-CE17-0001)",
        "and the Invented Institutes of Health (R01 AR012345).",
        "However, in vivo studies using deficient mice suggest an anti-inflammatory",
        "role for this receptor, possibly due to the recruitment of tolerogenic cells.",
    ]
    texts = texts_of(lines)
    assert len(texts) == 3, texts
    assert texts[2].endswith("Munich, C. H. Beck, 1988."), texts[2]
