"""Breaks in wrapped unnumbered text where nothing closes the entry above (a string broken as printed, a place
with no full stop) and only the words of the next line open a new entry: authors and their year, the mark for
the same authors, a run of names whose first letter was misread, authors in Springer's form with a colon."""

from __future__ import annotations

import pytest

from tests.refstring.found import cut_between_wrapped
from vexascite.refstring.lists import (
    _after_source_end,
    _cjk_name_after_latin,
    _goes_on,
    _plain_opening,
)

#: (line above, line under test, the entry so far): each line opens a new entry whatever the line model says.
_OPENINGS = {
    "Vancouver authors and a bracketed year after a title cut on `the`": (
        "Marsh, Ulla. 2002. Neither tide nor shore. Talk given as part of the",
        "Okafor A, Lindqvist I, Penn B, Varga P (1993) Invented analysis of wavelets on an",
        "Marsh, Ulla. 2002. Neither tide nor shore. Talk given as part of the",
    ),
    "an inverted full name and its year after a title cut on `of`": (
        "Quill, TE, J Arvik, K Brandt & CK Venn, ‘Invented Harbours as Sites of",
        "Lindqvist, Carla Sandrine. 1941. Essays on the Invented Tides.",
        "Quill, TE, J Arvik, K Brandt & CK Venn, ‘Invented Harbours as Sites of",
    ),
    "two APA names and a bracketed year after a list of authors alone": (
        "Moreno-Quill BA, Uribe-Arvik D, Salamanca-Penn F.",
        "Okafor, O. and Venn, D. (1994) An Invented Interface to the Harbour, Comm. Inv.",
        "Moreno-Quill BA, Uribe-Arvik D, Salamanca-Penn F.",
    ),
    "the mark for the same authors after a list of authors left on `and`": (
        "Okafor, Scott, Sahra Penn, Jeff Arvik, Joanna Venn, Gwen Lindqvist, and",
        "———. 1996. The Invented Past: The Origins of Harbours. London: Lakeside Press.",
        "Okafor, Scott, Sahra Penn, Jeff Arvik, Joanna Venn, Gwen Lindqvist, and",
    ),
    "Vancouver authors with four initials and particles after a full stop": (
        "the production of invented sunscreens. Nature Inventions.",
        "Verkade AJMH, de Graaf E, De Bouille K, Eklund EE, Koontz DS, Reyes E,",
        "E. Okafor, T. Norrland, U. Karlsson. Invented bacteria warm the shore through the production of invented sunscreens. Nature Inventions.",
    ),
    "Springer's inverted author and a colon after a publisher's place": (
        "of salts. Lakeside Press, Oxford",
        "Arvik, I.: On an invented harbour conjecture. With notes by Ida",
        "Abrahamsen A, Bleek B (1970) Invented resonance of salts. Lakeside Press, Oxford",
    ),
}


@pytest.mark.parametrize("name", sorted(_OPENINGS))
def test_each_opening_stands_after_a_line_nothing_closed(name: str) -> None:
    previous, text, head = _OPENINGS[name]
    assert not _goes_on(previous, text)
    assert _plain_opening(previous, text, head)


#: (line above, line under test, the entry so far, whether it states a year): a closed source, then a new entry.
_CLOSED = {
    "a run of Vancouver names whose first capital was misread as `l`": (
        "Lakeside Press, Tidewater College Press, Bergen (1978)",
        "lannacci PM, Tabor GU, Garten RL, Caplan MD, Bremer DR. Invented stem cells from",
        "Marsh, G.D.: Invented solution of tidal equations. Lakeside Press, Tidewater College Press, Bergen (1978)",
        True,
    ),
    "an entry closed by `to appear.`": (
        "reconfigurable invented networks. Applied Inventions, to appear.",
        "Linde JHF. Observationes inventae de herbis. Dissertatio I. Magazin der",
        "D. M. Okafor, S. P. Arvik, R. G. Venn, and C. Qiu. Locality based control for reconfigurable invented networks. Applied Inventions, to appear.",
        False,
    ),
    "an entry closed by a link alone on its line": (
        "https://www.example.org/publications/invented-radiation-and-vitamin-d-effects",
        "Calloway E. Proteins help solve an invented riddle.",
        "Public Health Northland Invented Sunlight and Vitamins: their effects on the coast https://www.example.org/publications/invented-radiation-and-vitamin-d-effects",
        False,
    ),
}


@pytest.mark.parametrize("name", sorted(_CLOSED))
def test_a_closed_entry_then_a_new_one(name: str) -> None:
    previous, text, head, has_year = _CLOSED[name]
    assert not _goes_on(previous, text)
    assert _after_source_end(previous, text, head, has_year)


@pytest.mark.parametrize("note", ["in press.", "im Druck.", "sous presse."])
def test_a_forthcoming_note_closes_an_entry_with_no_year(note: str) -> None:
    head = f"Okafor D, Arvik S. Locality control for invented networks. Applied Inventions, {note}"
    assert _after_source_end(f"networks. Applied Inventions, {note}", "Linde JHF. Observationes inventae de herbis.", head, False)


def test_hangul_names_set_apart_by_a_one_dot_leader_open_an_entry() -> None:
    head = "Badeau, A. (2015). Une métaphysique inventée des marées. Paris, France : PUF."
    assert _cjk_name_after_latin("Paris, France : PUF.", "이경수\u2024박명훈(2016), 스크린 유형과 광고주 업종에 따른 비교연구.", head)


def test_a_strings_own_number_and_authors_with_a_year_after_a_count_of_pages() -> None:
    # "47 p." is a count of pages; "6. Jensen WI, ... 1969." is a string's own number before its authors and year.
    assert not _goes_on("pratique inventée de l'entretien infirmier. LAKESIDE 2009, 47 p.", "6. Jennings WI,, Owen CR,, Jelland WL. 1969. Invented")
    assert _goes_on("see p.", "502. The rest")  # (a page number after its abbreviation still goes on)


def test_what_still_goes_on() -> None:
    # An author list wrapped across lines: the line above is left on a comma, `and` or `&` before names and a year.
    assert not _plain_opening("Okafor, O., Marsh, T. and", "Venn, D. (1994) An Invented Interface to the Harbour.", "Okafor, O., Marsh, T. and")
    assert not _plain_opening("Marsh T, Okafor O,", "Venn D, Arvik P (1993) Invented analysis of wavelets on an", "Marsh T, Okafor O,")
    # A title cut on `in` before an editor's names: a reprint in an edited book goes on.
    assert not _plain_opening("Invented tides. Reprinted in", "Okafor, O. and Venn, D. (1994) Invented Essays. London.", "Marsh T (1950) Invented tides. Reprinted in")
    # A dash that is no mark for the same authors.
    assert not _plain_opening("Invented harbours of the", "— a survey. Inv Rev 2:1-9.", "Marsh T (1950) Invented harbours of the")


def test_in_wrapped_text_under_a_heading() -> None:
    texts = cut_between_wrapped(
        "Marsh, Ulla. 2002. Neither tide nor shore. Talk given as part of the\n"
        "Okafor A, Lindqvist I, Penn B, Varga P (1993) Invented analysis of wavelets on an\n"
        "interval. Inv Acad Sci Paris Ser I 316: 417–421.\n"
        "Okafor, Scott, Sahra Penn, Jeff Arvik, Joanna Venn, Gwen Lindqvist, and\n"
        "———. 1996. The Invented Past: The Origins of Harbours. London: Lakeside Press.\n"
    )
    assert texts[2].endswith("Talk given as part of the")
    assert texts[3].startswith("Okafor A, Lindqvist I")
    assert texts[4].endswith("Gwen Lindqvist, and")
    assert texts[5].startswith("———. 1996.")
    assert len(texts) == 8


def test_a_run_of_names_whose_first_capital_was_misread_after_a_book_closed_by_its_year() -> None:
    head = "R. Hope Okafor – J.F. Lindqvist, The Catalogue of the Invented Ships, Oxford 1970."
    assert _plain_opening("Oxford 1970.", "lannacci PM, Tabor GU, Garten RL, Caplan MD, Bremer DR. Invented stem cells from the", head)
    # (a title cut on its article, then a lower-case word and initials, goes on)
    assert not _plain_opening("Oxford 1970.", "in PM, Tabor GU, Garten RL, Caplan MD.", head)


def test_vancouver_authors_closed_by_a_stop_after_a_dated_entry_left_on_a_place() -> None:
    head = "Kohlberg, T. Invented Maps 2001 Lakeside Heidelberg"
    assert _plain_opening("Kohlberg, T. Invented Maps 2001 Lakeside Heidelberg", "Kaiser A, Hsu AJ. Regulation of invented follicles. Annu", head)
    # (not under authors and their year alone, nor after a line left open)
    assert not _plain_opening("Okafor A, Penn B (2001) Maps", "Kaiser A, Hsu AJ. Regulation of invented follicles.", "Okafor A, Penn B (2001) Maps")
    assert not _plain_opening("Invented Maps 2001, edited by", "Kaiser A, Hsu AJ. Regulation of invented follicles.", "Kohlberg, T. Invented Maps 2001, edited by")


def test_a_name_cut_a_place_and_its_publisher_or_a_journal_cut_go_on() -> None:
    # A family name of two words cut at the line's end: the names and the year go on.
    assert not _plain_opening("Jennings TL, Gamble AC, Archer SL, Fennell-Notley C, Rivas", "Mendt M, Marcos TD et al (2005) Effects of invented", "Jennings TL, Gamble AC, Archer SL, Fennell-Notley C, Rivas")
    # A place and its publisher after a title, however its state is abbreviated.
    head = "–––––. “Invented Melodramas.” In Invented Literary History."
    assert not _plain_opening("In Invented Literary History.", "New Hollow, N.J.: Lakeside University Press, 1992.", head)
    assert not _plain_opening("In Invented Literary History.", "Washington, D.C.: Lakeside Press, 1992.", head)
    # A journal's name cut before the word that ends it, and its month: no inverted name.
    head = "张小明, 孙大海, 城市大气污染, Journal of the Invented School of Civic"
    assert not _plain_opening("Journal of the Invented School of Civic", "Governance, Jun. 2014. Vol.9, No.3 12-16.", head)


def test_three_inverted_names_with_initials_before_a_title_open_an_entry_after_a_full_stop() -> None:
    # An author list with no year before its title (``Quill, H., Venn, R., Marsh, T. Title``) after an entry closed by
    # a full stop that states no year (``(forthcoming)``): the run went into the entry above.
    head = "Okafor, Tanja A., Jana Venn and Christian Arvik (forthcoming). Does the invented harbour hold? Coast and Politics."
    text = "Quill, L., Marsh, A., Lindqvist, M. Item-level tags: curse or blessing for invented"
    assert _plain_opening("Responsibility in the Invented Coast, Coast and Politics.", text, head)
    texts = cut_between_wrapped(
        "Okafor, Tanja A., Jana Venn and Christian Arvik\n"
        "(forthcoming). Does the invented harbour hold? Limited\n"
        "Harbours, Invented Firms and Their Duties on the Invented Coast, Coast and Politics.\n"
        f"{text}\n"
        "marsh waste? In 42nd Invented Conference on Tides, 2009. doi:10.5555/tides.2009.42\n"
    )
    assert texts[2].endswith("Coast and Politics.") and texts[3].startswith("Quill, L., Marsh, A.")
    # (two names, or the last of a run left on a comma, or names after a line left on a comma: still the list going on)
    assert not _plain_opening("Coast and Politics.", "Quill, L., Marsh, A. Item-level tags", head)
    assert not _plain_opening("Okafor, T., Venn, J.,", text, "Okafor, T., Venn, J., Arvik, C., Penn, D., Rivera, E.,")
