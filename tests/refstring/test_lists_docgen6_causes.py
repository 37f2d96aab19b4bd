"""Causes of loss found by benchmarks/docgen6.py, each on invented references."""

from __future__ import annotations

from tests.refstring.found import entry_raws
from vexascite.refstring import find_reference_lists


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
        found = entry_raws(text)
        assert len(found) == 5, (furniture, found)
        assert found[2].startswith("1005\n") and found[2].endswith("2007;19:220-8."), found[2]
        assert "Lind E" not in found[1]


def test_a_bare_label_set_apart_from_its_text_is_found_past_a_year_wrapped_to_a_lines_start() -> None:
    """The entry above ``1000`` has a year at a line's start (``(2009) Three-...``) and the one below ``1000`` a year
    opening a line (``1998 to 2008 ...``): neither is the neighbouring label; 999 and 1001 are."""
    text = (
        "References\n\n"
        "999 Quill P, Marsh NE, Venn J, Osei K, Lind E, Brask T, Abe M\n"
        "(2009) Invented tides of the northern basin. J Inv Oceanogr 12:33-41\n"
        "1000\nAccepted Article\n"
        "Okafor C, Dunn R: Storm surges on invented coasts from\n"
        "1998 to 2008 in a large invented dataset. Coast Inv Res 2010, 7:1.\n"
        "1001 Abe M. Tidal flats revisited. Inv Geomorph 2012;44:300-10.\n"
    )
    found = entry_raws(text)
    assert len(found) == 3, found
    assert found[1].startswith("1000\n") and "Okafor C" in found[1] and "Okafor C" not in found[0]


def test_a_bare_label_set_apart_from_its_text_before_a_gap_of_four_numbers_opens_its_entry() -> None:
    """``1005`` alone, furniture, its text, then ``1009``: three numbers missing after it are a gap, not the list's end,
    and the lone number its entry's label."""
    text = (
        "References\n\n"
        "1004 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.\n"
        "1005\n\nPage 12 of 30\nAccepted Article\n"
        "Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.\n"
        "1009 Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
        "1010 Abe M. Tidal flats revisited. Inv Geomorph 2012;44:300-10.\n"
    )
    found = entry_raws(text)
    assert len(found) == 4, found
    assert found[1].startswith("1005\n") and found[1].endswith("2007;19:220-8."), found


def test_a_lone_number_that_does_not_fit_the_numbering_stays_a_page_number() -> None:
    """A page number alone between entries 11 and 12 (``7``) is no label: it is left out, the entries whole."""
    text = (
        "References\n\n11 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n"
        "7\n2001;12:33-41.\n12 Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
    )
    found = entry_raws(text)
    assert len(found) == 2 and "\n7\n" not in found[0], found


def test_bmj_springer_and_wiley_page_marks_inside_entries_are_left_out() -> None:
    """A BMJ journal's margin notice (``first published as 10.1136/... Protected by copyright.``), Springer's
    ``Vol.:(0123456789)``, Wiley's ``12 | wileyonlinelibrary.com/journal/ajh`` and a page's number in German or
    Spanish (``Seite 4 von 11``) or as PLOS prints it (``12 / 18``) falling inside an entry are page furniture, each seen once."""
    marks = (
        "Ann Inv Dis: first published as 10.1136/annivdis-2020-218123 on 5 May 2021. Downloaded from http://aid.bmj.com/ on May 12, 2024 by guest. Protected by copyright.",
        "Vol.:(0123456789)",
        "12   |   wileyonlinelibrary.com/journal/ajh",
        "Seite 4 von 11",
        "Página 4 de 11",
        "12 / 18",
    )
    for mark in marks:
        text = (
            "References\n\n1. Quill P, Marsh NE. Invented tides of the northern basin and the\n"
            f"{mark}\nshelf beyond it. J Inv Oceanogr 2001;12:33-41.\n"
            "2. Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
        )
        found = entry_raws(text)
        assert len(found) == 2 and mark not in found[0], (mark, found)
        assert found[0].endswith("2001;12:33-41.")


def test_an_entry_holding_a_blank_line_in_a_list_set_apart_by_blank_lines_stays_whole() -> None:
    """Entries set apart by blank lines, one of them broken by a blank line of its own where its line is left open
    and the next opens in lower case: one entry, not two; an entry opening with a particle (``van Dijk``) stays apart."""
    text = (
        "References\n\n"
        "Quill P, Marsh NE (2001) Invented tides of the northern basin. J Inv Oceanogr 12: 33-41.\n\n"
        "Venn J, Osei K (2003) A second invented study of coastal shelves and the\n\n"
        "salt marshes behind them. Inv Mar Sci 5: 101-109.\n\n"
        "Lind E, Brask T (2007) Salt marsh sediments in an invented estuary,\n"
        "a survey. Estuar Inv 19: 220-228.\n\n"
        "van Dijk J, Abe M (2012) Tidal flats revisited. Inv Geomorph 44: 300-310.\n"
    )
    found = entry_raws(text)
    assert len(found) == 4, found
    assert found[1].startswith("Venn J") and found[1].endswith("Inv Mar Sci 5: 101-109.")
    assert found[3].startswith("van Dijk J")


def test_a_journals_citation_line_repeated_as_its_running_head_is_left_out_of_the_entries_it_falls_in() -> None:
    """``J Inv Med. 2021;131(4):e140123`` printed at every page break, twice inside an entry: page furniture, though
    it reads as a reference's source line; the same line in two entries citing one work, each whole, stays."""
    head = "J Inv Med. 2021;131(4):e140123"
    text = (
        "References\n\n1. Quill P, Marsh NE. Invented tides of the northern basin and the\n"
        f"{head}\nshelf beyond it. J Inv Oceanogr 2001;12:33-41.\n"
        "2. Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
        "3. Lind E, Brask T. Salt marsh sediments in an invented\n"
        f"{head}\nestuary. Estuar Inv 2007;19:220-8.\n"
    )
    found = entry_raws(text)
    assert len(found) == 3 and not any(head in raw for raw in found), found
    twice = (
        "References\n\n1. Quill P, Marsh NE. Invented tides of the northern basin.\n"
        f"{head}\n"
        "2. Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
        "3. Quill P, Marsh NE. Invented tides of the northern basin.\n"
        f"{head}\n"
    )
    found = entry_raws(twice)
    assert len(found) == 3 and head in found[0] and head in found[2], found


def test_source_lines_of_one_shape_that_differ_in_their_numbers_stay_in_their_entries() -> None:
    """``county. Inv Med. 2005;5:22-30.`` and ``county. Inv Med. 2001;10:77-85.`` inside two entries (a line left open
    above, a DOI below): the same shape, numbers aside, but not the same text, so no running head."""
    text = "References\n\n" + "\n".join(
        f"{n}. Quill{n} P, Marsh NE. Invented tides of the basin in Lindqvist\ncounty. Inv Med. {year};{vol}:{pages}.\ndoi:10.5555/inv.{n}"
        for n, (year, vol, pages) in enumerate((("2005", 5, "22-30"), ("2001", 10, "77-85"), ("2012", 18, "165-73")), start=1)
    ) + "\n"
    found = entry_raws(text)
    assert len(found) == 3 and all("county. Inv Med." in raw for raw in found), found


def test_a_supplements_or_online_articles_page_number_inside_an_entry_is_left_out() -> None:
    """``S12`` or ``e1234`` alone on its line at a page break inside an entry is the page's number; an entry's own
    supplement page wrapped under its colon (``(Suppl 2):`` / ``S12``) stays in it."""
    for mark in ("S12", "e1234"):
        text = (
            "References\n\n1. Quill P, Marsh NE. Invented tides of the northern basin and the\n"
            f"{mark}\nshelf beyond it. J Inv Oceanogr 2001;12:33-41.\n"
            "2. Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
        )
        found = entry_raws(text)
        assert len(found) == 2 and mark not in found[0], (mark, found)
    own = (
        "References\n\n1. Quill P, Marsh NE. Invented tides of the northern basin. J Inv Dis 2019;220(Suppl 2):\n"
        "S12\n2. Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
    )
    found = entry_raws(own)
    assert len(found) == 2 and found[0].endswith("S12"), found


def test_a_publishers_notice_under_a_label_alone_on_its_line_is_page_furniture() -> None:
    """``18.`` alone, then a page's foot and head (a notice seen once), then entry 18's text: the label is an entry
    still open, so the notice inside it is furniture, not the end of an article that cut the list in two."""
    for furniture in ("Copyright © 2020 by the American Society of Invented Haematology\n", "\nCopyright © 2020 Invented Press\n"):
        text = (
            "References\n\n16. Venn J, Osei K. A second invented study of coastal shelves and\n    their marshes. Inv Mar Sci 2003;5:101-9.\n"
            "17. Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n    2001;12:33-41.\n18.\n" + furniture
            + "Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.\n"
            "19. Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
        )
        lists = find_reference_lists(text)
        assert [len(found.entries) for found in lists] == [4] and not lists[0].left_out, [(len(f.entries), f.left_out) for f in lists]
        assert "Copyright" not in lists[0].entries[2].raw and "Lind E" in lists[0].entries[2].raw


def test_the_first_or_last_entrys_bare_label_set_apart_from_its_text_opens_it() -> None:
    """``1`` alone under the heading, a page's notice, then authors, before ``2 ...``; and ``3`` alone after entry 2,
    a page's foot, then the last entry's authors: each is its entry's label."""
    first = (
        "REFERENCES\n1\nThis article is protected by copyright. All rights reserved.\n\n"
        "Quill P, Marsh NE, Venn J, Osei K\n(2002) Invented tides of the northern basin. J Inv Oceanogr 12:33-41\n"
        "2 Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv 2007;19:220-8.\n"
        "3 Abe M. Tidal flats revisited. Inv Geomorph 2012;44:300-10.\n"
    )
    found = entry_raws(first)
    assert len(found) == 3 and found[0].startswith("1\n") and "Quill P" in found[0], found
    last = (
        "REFERENCES\n1 Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv 2007;19:220-8.\n"
        "2 Abe M. Tidal flats revisited. Inv Geomorph 2012;44:300-10.\n3\nPage 4 of 9\n"
        "Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr 2001;12:33-41.\n"
    )
    found = entry_raws(last)
    assert len(found) == 3 and found[2].startswith("3\n") and "Quill P" in found[2] and "Quill" not in found[1], found
