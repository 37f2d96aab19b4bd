"""Causes of loss the sixth generator (benchmarks/docgen6.py) still found on fresh seeds, each on invented references."""

from __future__ import annotations

import pytest

from tests.refstring.found import entry_raws
from vexascite.refstring import find_reference_lists


def test_page_numbers_under_lone_bracketed_labels_are_no_run_of_bare_labels() -> None:
    """Page breaks fall three times right under a lone label (``[3]`` / foot / ``9`` / head / text): the page numbers
    ``9``, ``10``, ``11`` run in sequence a few lines apart, but entries labelled ``[4]``, ``[5]`` stand between them, so
    they are no bare labels: page numbers, left out, and each lone label keeps the text under it."""
    foot, head = "Frontiers in Inv Biology | www.frontiersin.org", "March 2021 | Volume 12 | Article 634567"
    text = (
        "References\n"
        "[1] Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.\n"
        "[2] Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.\n"
        f"[3]\n{foot}\n\n9\n{head}\n"
        "Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.\n"
        "[4] Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
        "[5] Abe M, Ruiz T. Tidal flats revisited in an invented delta. Inv\n"
        f"{foot}\n10\n\n{head}\n"
        "    Geomorph 2012;44:300-10.\n"
        "[6] Holt S. Dunes of the invented shore. Inv Coast 1999;3:4-9.\n"
        f"[7]\n{foot}\n11\n{head}\n\n"
        "Nakamura Y, Berg L. Estuarine mixing in an invented gulf. Inv Hydrol\n2015;8:77-85.\n"
        "[8] Pratt D. Invented reefs. Inv Mar Biol 2018;2:1-3.\n"
    )
    found = entry_raws(text)
    assert len(found) == 8, found
    assert found[2].startswith("[3]\n") and "Lind E" in found[2] and "Lind E" not in found[1], found
    assert found[6].startswith("[7]\n") and "Nakamura Y" in found[6] and "Nakamura Y" not in found[5], found
    assert not any(line.strip() in ("9", "10", "11") for entry in found for line in entry.splitlines()), found



def test_a_supplements_labels_in_every_form_number_its_list() -> None:
    """A supplement's list numbered ``S1``, ``S2``, ... in the bare, ``(S1)`` and ``S1)`` forms (as ``S1.`` and ``[S1]``
    already were): each label opens its entry, its number kept as the list's numbering, and no two entries are glued
    (an entry ending on a link, ``www.inv-coast.org``, left the next one glued to it)."""
    for form in ("S{} ", "(S{}) ", "S{}) ", "S{}. ", "[S{}] "):
        text = (
            "Body text of an invented article ends here.\n\nSupplementary References\n"
            f"{form.format(1)}Haldane PK, Ruiz MT, Quill N et al (2010) Sleep in an invented\n"
            "coastal cohort. Coast Res 41:210-216\n"
            f"{form.format(2)}MARLOWE, Anne. « The invented shore », 20 novembre 2013, www.\n"
            "inv-coast.org\n"
            f"{form.format(3)}Tamsin R, Oyelaran K: Marrow cells in an invented joint model.\n"
            "Arthritis Invent 2012, 9(2):101-9.\n"
            f"{form.format(4)}Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton. J Fjord Res 12:45-52\n"
        )
        found = [(entry.number, entry.body) for ref_list in find_reference_lists(text) for entry in ref_list.entries]
        assert [number for number, _ in found] == [1, 2, 3, 4], (form, found)
        assert found[1][1] == "MARLOWE, Anne. « The invented shore », 20 novembre 2013, www. inv-coast.org", (form, found)
        assert found[2][1].startswith("Tamsin R"), (form, found)


def test_a_supplements_label_alone_on_its_line_opens_its_entry() -> None:
    """``S3.`` (or ``[S3]``, ``(S3)``) alone on its line, its text under it: the label of entry S3, as ``3.`` alone is."""
    for form in ("S{}.", "[S{}]", "(S{})"):
        text = (
            "Supplementary References\n"
            f"{form.format(1)} Haldane PK, Ruiz MT. Sleep in an invented coastal cohort. Coast Res 2010;41:210-6.\n"
            f"{form.format(2)} Tamsin R, Oyelaran K. Marrow cells in an invented joint model. Arthritis Invent\n2012;9:101-9.\n"
            f"{form.format(3)}\nQuillfeather AB, Norrland PJ. Seasonal drift of invented plankton. J Fjord Res\n2004;12:45-52.\n"
            f"{form.format(4)} Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci 2003;5:101-9.\n"
        )
        found = [(entry.number, entry.body) for ref_list in find_reference_lists(text) for entry in ref_list.entries]
        assert [number for number, _ in found] == [1, 2, 3, 4], (form, found)
        assert found[2][1].startswith("Quillfeather AB"), (form, found)


def test_a_publishers_notice_under_a_bare_label_alone_is_a_pages_notice() -> None:
    """``1005`` alone on its line, a publisher's notice seen once under it (a page break), then its text: the lone bare
    label is an entry still open, so the notice is the page's, not an article's end that cut the list (entry 1005's
    text was lost from the list and its label glued to entry 1004)."""
    for notice in ("© 2021 Elsevier Inc. All rights reserved.", "Copyright © 2020 by the American Society of Invented Hematology"):
        text = (
            "References\n\n"
            "1003 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.\n"
            "1004 Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.\n"
            f"1005\n{notice}\n"
            "Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.\n"
            "1006 Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
            "1007 Abe M. Tidal flats revisited. Inv Geomorph 2012;44:300-10.\n"
        )
        found = entry_raws(text)
        assert len(found) == 5, (notice, found)
        assert found[2] == "1005\nLind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.", (notice, found)


_BLANK_SET = [
    "Quill, P. (2001). Invented tides of the northern basin. Journal of\nInvented Oceanography, 12, 33-41.",
    "Venn, J., & Osei, K. (2003). A second invented study of coastal\nshelves. Invented Marine Science, 5, 101-109.",
    "{broken}",
    "Okafor, C., & Dunn, R. (2010). Storm surges on invented coasts.\nCoastal Invented Research, 7, 1-12.",
    "Abe, M. (2012). Tidal flats revisited. Invented Geomorphology,\n44, 300-310.",
]


@pytest.mark.parametrize(
    "broken",
    [
        # a link alone after a blank line, under "Retrieved from"
        "Lindqvist, M. (2014, May 3). The reed beds of an invented coast.\nCoast Notes. Retrieved from\n\n"
        "http://coastnotes.example.org/2014/05/03/reed-beds/",
        # a link alone under "Available at:"
        "Invented Coast Agency. (2016). Annual report on invented\nshores. Available at:\n\nhttps://www.inv-coast.example.gov/report-2016.pdf",
        # a name particle opening the block, under a run of authors left on a comma with no year yet
        "Nyberg R, Koval P, Crane S, Marsh P, Meyer H, Holt SM,\n\nde Vries P, Nandi U (2010b) The tides of invented rural coasts. Part II.\n"
        "Integrating impacts with invented capacity. Clim Inv 95:23-45",
        # a particle in lower case before a word in lower case ("la literatura"), under a line left on "de"
        "AA.VV. Manual de historia inventada: guía bibliográfica\npara el estudio de\n\nla costa inventada. Madrid: Gredos, 1981.",
        # a parenthesis left open ("(2") above the blank line
        "Goodwin, N. (1976). Shores of art. An approach to a theory\nof invented coasts (2\n\ned.). Indianapolis: Hackett.",
        # a quoted title left open above the blank line
        'Petrov S, Tamm PR, Stubbs C. "Invented gene profiling and role of INV-1\n\noverexpression in an invented model of coastal erosion." Int J Inv 2002; 97:416-424.',
    ],
)
def test_a_blank_line_inside_an_entry_of_a_blank_line_list_does_not_split_it(broken: str) -> None:
    """In a list whose entries are set apart by blank lines, a blank line of an entry's own does not cut it when the text
    above is plainly left open: a link alone under ``Retrieved from``, a particle (``de Vries P``) under authors left on a
    comma before any year, a particle in lower case before a lower-case word, a parenthesis or quotation left open."""
    text = "References\n\n" + "\n\n".join(_BLANK_SET).format(broken=broken) + "\n"
    found = entry_raws(text)
    assert len(found) == 5, found
    assert found[2] == broken.replace("\n\n", "\n"), found  # (the raw text keeps its lines, the blank one aside)


def test_a_site_alone_under_retrieved_from_is_the_entrys_link_not_a_journals_site() -> None:
    """``www.inv-index.com`` alone on its line reads as a journal's site printed at a page's foot, but under ``Retrieved
    from`` (or ``Available at:``) it is the link the entry asks for: kept in the entry, not left out as furniture."""
    for asks in ("Retrieved from", "Available at:"):
        text = (
            "References\n"
            "6. Quill, P., & Marsh, N. E. (2001). Invented tides of the northern basin. Journal of Invented\n"
            "Oceanography, 12, 33-41.\n"
            "7. Venn, J., & Osei, K. (2007). A second invented study of coastal shelves. Invented Marine\n"
            f"Science, 26(4), 187. {asks}\nwww.inv-index.com\n"
            "8. Okafor, C., & Dunn, R. (2010). Storm surges on invented coasts. Coastal Invented Research, 7, 1-12.\n"
        )
        found = entry_raws(text)
        assert len(found) == 3, found
        assert found[1].endswith(f"{asks}\nwww.inv-index.com"), (asks, found)


def test_a_running_head_of_a_name_with_accented_capitals_inside_a_hanging_entry_is_furniture() -> None:
    """``MÜLLER ET AL.`` (capitals beyond A-Z) at the margin inside a hanging entry, seen once above a journal's foot and
    head that repeat at the other page break: a page's running head as ``MULLER ET AL.`` is, left out, and the entry goes
    on past it (it was an entry of its own, and the foot beside it too)."""
    foot = "Clinical Invented Diseases®  2021;73(5):e1234–45\nArthritis & Invented Rheumatology Vol. 75, No. 4, April 2023, pp 612–620\n"
    text = (
        "References\n"
        "Abe, M. (2012). Tidal flats revisited. Invented Geomorphology,\n    44, 300-310.\n"
        "Huysmans, Joris-Karl. Invented shores. Vol. 7 of Oeuvres inventées. Geneva: Slatkine,\n"
        f"MÜLLER ET AL.\n{foot}"
        "    1972.\n"
        "Okafor, C., & Dunn, R. (2010). Storm surges on invented coasts.\n    Coastal Invented Research, 7, 1-12.\n"
        f"{foot}"
        "Quill, P., & Marsh, N. E. (2001). Invented tides of the northern basin.\n    Journal of Invented Oceanography, 12, 33-41.\n"
    )
    found = entry_raws(text)
    assert len(found) == 4, found
    assert found[1] == "Huysmans, Joris-Karl. Invented shores. Vol. 7 of Oeuvres inventées. Geneva: Slatkine,\n    1972.", found


@pytest.mark.parametrize(
    "page_break",
    [
        "n engl j med 383;26   nejm.org   December 24, 2020\n9\n",  # the journal's foot with no page number before it
        "Europe PMC Funders Group\n",  # Europe PMC's banner on an author manuscript's every page
        "Europe PMC Funders Group\nn engl j med 383;26   nejm.org   December 24, 2020\n",
    ],
)
def test_a_journals_foot_or_europe_pmcs_banner_seen_once_inside_an_entry_is_furniture(page_break: str) -> None:
    """A page break inside entry 8, seen once in the document: NEJM's foot (issue, site and date, its page number on a line
    of its own) and Europe PMC's ``Europe PMC Funders Group`` banner are page furniture, left out of the entry."""
    text = (
        "References\n"
        "[7] Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr. 2001;12:33-41.\n"
        "[8] Venn J, Osei K, Lind E. Invented toxin for the treatment of coastal erosion. N Engl J Med\n"
        f"{page_break}"
        "1995;332:774-8.\n"
        "[9] Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
    )
    found = entry_raws(text)
    assert len(found) == 3, found
    assert found[1] == "[8] Venn J, Osei K, Lind E. Invented toxin for the treatment of coastal erosion. N Engl J Med\n1995;332:774-8.", found


@pytest.mark.parametrize("descending", [False, True])
def test_a_notice_seen_once_under_an_entry_that_ends_as_a_reference_is_inside_it_when_its_rest_and_the_next_label_follow(
    descending: bool,
) -> None:
    """``5. Abe, M. (1991b). Tidal flats revisited.`` / a publisher's notice seen once / ``Ph.D. thesis, ...`` / ``6. ...``:
    the line above the notice ends as a reference may, but text with no label follows it and then the next number (or
    the one before, in a descending list): entry 5 runs across a page break, so the notice is the page's, not an article's
    end that cut the list and dropped the entry's rest."""
    first, second = (6, 5) if descending else (4, 5)
    third = 4 if descending else 6
    text = (
        "References\n"
        f"{first}. Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr 2001;12:33-41.\n"
        f"{second}. Abe, M. (1991b). Tidal flats revisited: invented basins on very large coasts.\n"
        "Copyright © 2020 by the American Society of Invented Hematology\n\n"
        "    Ph.D. thesis, Department of Invented Geography, University of Larch.\n"
        f"{third}. Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
    )
    found = entry_raws(text)
    assert len(found) == 3, found
    assert found[1].endswith("University of Larch.") and "Copyright" not in found[1], found


def test_the_last_entrys_bare_label_alone_is_found_past_a_running_foot_repeated_on_every_page() -> None:
    """``23`` alone, then the journal's own citation line that repeats at every page break, then the last entry's text:
    the foot is passed over as page furniture is, so an author's name opens the text under the label, and ``23`` is the
    last entry's label (it was a page number, and entry 23 glued to entry 22)."""
    foot = "J Inv Invest. 2021;131(4):e140123   https://doi.org/10.1172/JII140123"
    text = (
        "References\n"
        "20 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.\n"
        f"{foot}\n"
        "21 Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.\n"
        "22 Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010,\n171:899-907.\n"
        f"23\n{foot}\n"
        "C.A. Lind-Evans, N.J. Brask, Salt marsh sediments in an invented estuary.\nEstuar Inv 2(4), 152-159 (1997)\n"
    )
    found = entry_raws(text)
    assert len(found) == 4, found
    assert found[3].startswith("23\n") and found[3].endswith("152-159 (1997)") and "Lind-Evans" not in found[2], found
