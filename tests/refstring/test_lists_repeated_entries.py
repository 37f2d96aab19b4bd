"""List finding: a reference printed twice keeps every line (invented references, 10.5555 DOIs)."""

from __future__ import annotations

from tests.refstring.found import raws_by_list

SHARED = [
    "Quennell AB, Marsh TK, Oduya P, Lindgren S, Parvane H, Okafor N,",
    "Tessaro M, Vukovic D. Seasonal relapse of an invented inflammatory",
    "syndrome in older men treated with an invented kinase inhibitor",
    "over two winters. J Inv Rheum. 2021;14:201-9.",
    "doi:10.5555/inv.rheum.2021.14",
]


def _letter(title: str, own: list[str]) -> list[str]:
    return [title, "", "Some prose of the letter that cites its sources.", "", "References", "", *own, *SHARED, ""]


def test_a_reference_in_two_lists_of_one_document_keeps_its_lines_and_doi() -> None:
    # A letter and its reply cite the same work, wrapped the same: its middle title lines and DOI line repeat,
    # as a running head does, but each copy sits among the same lines of a reference.
    first = _letter("Letter", ["Arnsby K, Dole P. An invented cohort of marrow donors.", "Inv Haematol. 2019;3:11-9.", ""])
    second = _letter("Reply", ["Bexworth T, Imre L. Invented outcomes in a second cohort.", "Inv Blood. 2020;8:40-7.", ""])
    lists = raws_by_list("\n".join(first + second) + "\n")
    assert len(lists) == 2, lists
    whole = "\n".join(SHARED)
    assert [found[-1] for found in lists] == [whole, whole]
