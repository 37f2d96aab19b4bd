"""Causes of loss found by benchmarks/docgen6.py, each on invented references."""

from __future__ import annotations

from vexascite.refstring import find_reference_lists


def raws(text: str) -> list[str]:
    return [entry.raw for found in find_reference_lists(text) for entry in found.entries]


def test_a_bare_label_set_apart_from_its_text_by_a_page_break_opens_its_entry() -> None:
    """``1005`` alone on its line, a page's furniture under it, then its text: between entries numbered 1004 and 1006
    it is entry 1005's label, not a page number glued to entry 1004 (with or without the furniture)."""
    entries = [
        "1003 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.",
        "1004 Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.",
        "1005\n{furniture}Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.",
        "1006 Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.",
        "1007 Abe M. Tidal flats revisited. Inv Geomorph 2012;44:300-10.",
    ]
    for furniture in ("", "Author Manuscript\n", "Page 12 of 30\nAccepted Article\n"):
        text = "References\n\n" + "\n".join(entries).format(furniture=furniture) + "\n"
        found = raws(text)
        assert len(found) == 5, (furniture, found)
        assert found[2].startswith("1005\n") and found[2].endswith("2007;19:220-8."), found[2]
        assert "Lind E" not in found[1]


def test_a_lone_number_that_does_not_fit_the_numbering_stays_a_page_number() -> None:
    """A page number alone between entries 11 and 12 (``7``) is no label: it is left out, the entries whole."""
    text = (
        "References\n\n11 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n"
        "7\n2001;12:33-41.\n12 Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
    )
    found = raws(text)
    assert len(found) == 2 and "\n7\n" not in found[0], found
