"""Two references with no cue between them but the words, cut where the string parser reads two (``glued``)."""

from __future__ import annotations

from tests.refstring.found import entry_texts
from vexascite.refstring.glued import glued_cut
from vexascite.refstring.lists import join_lines

BEFORE = [
    "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented",
    "plankton in a model fjord. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12",
]
AFTER = [
    "Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model.",
    "Arthritis Invent. 2012;9:101-9.",
]
#: A book ending on ``Place: Publisher, year.``, then an article whose authors the line rules do not read.
AFTER_PUBLISHER = [
    "Ostrander, Miriam. Lanterns of the Salt Coast: Essays on Harbour Towns.",
    "Bergen: Nordvik University Press, 1993.",
    "Haldane PK, Ruiz MT. Sleep and tidal rhythm. Coast Res. 2009;41:210-6.",
]
#: An article ending on its year, then a terse one (capitalised authors, a journal, no title).
TERSE_AFTER = [
    "Vantreight HL, Obuya CS, Pellinen J, Marsh K. Tracking of marrow-",
    "derived cells in the inflamed joint. J Invent Immunol 142:311-19, 1998.",
    "B. KOVALENKO et R. DUMAS. Combust. Sci., 23, 117 (1979).",
]


def _document(lines: list[str], heading: str = "") -> str:
    return "A paragraph about invented fjords closes the paper here.\n\n" + heading + "\n".join(BEFORE + lines + AFTER) + "\n"


def test_a_reference_after_place_publisher_and_year_is_cut_from_it() -> None:
    texts = entry_texts(_document(AFTER_PUBLISHER))
    assert len(texts) == 4
    assert texts[1].endswith("Nordvik University Press, 1993.")
    assert texts[2].startswith("Haldane PK, Ruiz MT.")


def test_a_terse_reference_after_a_complete_one_is_cut_from_it() -> None:
    texts = entry_texts(_document(TERSE_AFTER))
    assert len(texts) == 4
    assert texts[2] == "B. KOVALENKO et R. DUMAS. Combust. Sci., 23, 117 (1979)."


def test_the_cut_is_at_the_first_line_of_the_second_reference() -> None:
    assert glued_cut(AFTER_PUBLISHER, join_lines) == 2
    assert glued_cut(TERSE_AFTER, join_lines) == 2


def test_one_reference_with_two_years_is_not_cut() -> None:
    reprinted = [
        "Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res. 1987;3:12-19.",
        "Reprinted in: Marsh Stud. 2001;14:88-95. doi:10.5555/marsh.2001.14",
    ]
    original = [
        "Lindqvist, Aron. A History of Invented Harbours (2nd ed.). Bergen: Nordvik",
        "University Press, 2003. (Original work published 1961)",
    ]
    for lines in (reprinted, original):
        assert glued_cut(lines, join_lines) is None
        texts = entry_texts(_document(lines))
        assert len(texts) == 3, texts


def test_a_line_that_opens_in_lower_case_or_an_entry_of_one_year_is_left_alone() -> None:
    assert glued_cut(AFTER_PUBLISHER[:2], join_lines) is None  # one reference, one year
    assert glued_cut(["Ostrander, Miriam. Lanterns. Bergen: Nordvik, 1993. and then", "later, 2009; 41: 210-6."], join_lines) is None

