"""PDFs whose running heads and page foot are drawn before the page's body (a browser
printing with ``@page`` margin boxes): the foot is read at the page's end, the head at its
start, each block of the margin on its own line, so no entry takes them in."""

from __future__ import annotations

from tests.documents.pdfs import margins_first_pdf, text_pdf
from vexascite.documents import read_document_bytes
from vexascite.refstring import find_reference_lists

HEAD = ("Fict Haematol 2019;41(3):1201–1215", "Harwell et al.")
FOOT = "Downloaded from https://example.org/fict/article/41/3/1201 by guest on 3 May 2021"


def entries(count: int) -> list[str]:
    """Invented numbered references, each wrapped over two lines."""
    out = []
    for n in range(1, count + 1):
        out.append(f"{n}. Ondrak P{'ABCDEFGH'[n % 8]}, Lindqvist M, Okafor T. Somatic variants of the invented gene {n} in")
        out.append(f"older men with relapsing chondritis. J Invented Med. {1990 + n};{n + 4}:{10 * n}-{10 * n + 7}. doi:10.5555/inv.{n}")
    return out


def test_margin_drawn_first_stands_at_the_page_ends_in_blocks():
    lines = ["References", *entries(30)]
    document = read_document_bytes(margins_first_pdf(lines, rows_per_page=25, head=HEAD, foot=FOOT), "margins.pdf")
    text = document.text.split("\n")
    first_page = text[: document.page_lines[1] - 1]
    second_page = text[document.page_lines[1] - 1 :]
    assert first_page[:2] == list(HEAD)
    assert first_page[2] == "References"
    assert sorted(first_page[-2:]) == sorted([FOOT, "Page 1"])
    assert second_page[:2] == list(HEAD)
    # entry 13 goes on from the first page to the second: nothing of the margin inside it
    found = find_reference_lists(document.text)
    assert len(found) == 1
    assert [entry.number for entry in found[0].entries] == list(range(1, 31))
    for entry in found[0].entries:
        assert "Downloaded" not in entry.text and "Harwell" not in entry.text and "Haematol" not in entry.text, entry.text
    assert found[0].entries[12].text.endswith("doi:10.5555/inv.13")


def test_hanging_indent_is_kept_as_spaces():
    lines = ["References"]
    for n in range(1, 9):
        lines.append(f"Ondrak P{'ABCDEFGH'[n % 8]}, Lindqvist M ({1990 + n}) Somatic variants of the invented")
        lines.append(f"     gene {n} in older men. J Invented Med {n + 4}:{10 * n}-{10 * n + 7}")
    document = read_document_bytes(margins_first_pdf(lines, head=HEAD, foot=FOOT), "hanging.pdf")
    text = document.text.split("\n")
    opening = [line for line in text if line.startswith("Ondrak")]
    going_on = [line for line in text if line.lstrip().startswith("gene ")]
    assert len(opening) == len(going_on) == 8
    # 10 mm at 10 pt is about 5.7 half-ems: set in by 6 spaces, the opening lines flush
    assert all(line.startswith("      gene") and not line.startswith("       ") for line in going_on)
    found = find_reference_lists(document.text)
    assert len(found) == 1 and len(found[0].entries) == 8


def test_pages_drawn_top_down_are_read_as_before():
    text = "\n".join(["Some invented prose about vacuoles.", "", "References", *entries(6)])
    data = text_pdf(text)
    import io

    from pypdf import PdfReader

    plain = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert read_document_bytes(data, "plain.pdf").text == plain + "\n"


def test_a_page_of_a_few_rows_keeps_its_indent():
    lines = [f"Ondrak P, Lindqvist M ({1990 + n}) Somatic variants of the invented gene {n} in older men." for n in range(1, 41)]
    lines += ["Quist T, Baptiste R (2011) Vacuoles in the marrow of older invented men", "     J Invented Med 12:45-52"]
    document = read_document_bytes(margins_first_pdf(lines, rows_per_page=40, head=HEAD, foot=FOOT), "tail.pdf")
    text = document.text.split("\n")[document.page_lines[1] - 1 :]
    assert "Quist T, Baptiste R (2011) Vacuoles in the marrow of older invented men" in text
    assert "      J Invented Med 12:45-52" in text
