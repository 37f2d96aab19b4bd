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



#: An article with a PubMed number, then a title-first article of the same kind with no year: one year in all.
TITLE_FIRST_AFTER = [
    "Alvarsson KT, Brennholt J, Quill MS, Dorrance P, Vey A et al. (2011) Delayed",
    "recall of shaded figures in aged invented fish. Vexas Res Lett 14: 201-219.",
    "doi:10.5555/vrl.2011.0042. PubMed: 99887766.",
    "Reduced glycolytic flux in the kidney of fasting voles: a role for uncoupling",
    "enzymes. Renal Metab 31:1120-1131. doi:10.5555/rm.31.1120",
]
#: Two articles of the same year: one year in all, two journal blocks.
SAME_YEAR = [
    "Moberly T, Ashcombe R, Pendry L, Kostova I, Eide G. Shaded recall in aged",
    "invented fish and the drift of plankton. Fjord Zool. 2011;14:201-19.",
    "Ashcombe R, Pendry L. Marrow cells of an invented vole under fasting. Renal",
    "Metab. 2011;31:1120-31. doi:10.5555/rm.2011.31",
]


def test_an_entry_with_one_year_and_two_journal_blocks_is_cut_when_long() -> None:
    for lines, cut in ((TITLE_FIRST_AFTER, 3), (SAME_YEAR, 2)):
        assert glued_cut(lines, join_lines) is None  # (one year: read only when the entry is longer than usual)
        assert glued_cut(lines, join_lines, long=True) == cut
        texts = entry_texts(_document(lines, "References\n"))
        assert len(texts) == 4, texts
        assert texts[2] == join_lines(lines[cut:])


def test_one_journal_reference_with_its_own_parts_is_not_cut_however_long() -> None:
    erratum = [
        "Pellinen J, Obuya CS, Marsh K, Dorrance P. Salt marsh birds of an invented",
        "coast and the drift of their nests. Coast Res. 1987;3:12-19.",
        "Erratum in: Coast Res. 1988;4:7. doi:10.5555/coast.1987.3",
    ]
    chapter = [
        "Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res 3:12-19.",
        "In: Marsh K, Dorrance P (eds) Invented Coasts. Nordvik, Bergen, pp 40-52.",
    ]
    for lines in (erratum, chapter):
        assert glued_cut(lines, join_lines, long=True) is None
    assert len(entry_texts(_document(chapter, "References\n"))) == 3


def test_a_long_entry_with_two_years_the_tagger_reads_one_of_is_cut_at_its_two_journal_blocks() -> None:
    lines = [
        "Brennholt JW, Alvarsson DM, Hu D-N, Quill F, Marsh",
        "PJ (2002) Mechanism of invented pigment drift in a model",
        "fjord. Surv Fjord Res 47:",
        "162S-175S",
        "Tindle W, Peh BK, Tan YC, Dorrance VM, Wang X, Salto-Reyes M, Ni B,",
        "Entwistle M, Wood J: Function of an invented deacetylase in",
        "harbour voles. Vexas J 2007, 2:1360-1368.",
    ]
    assert glued_cut(lines, join_lines) is None  # (``Vexas J 2007`` reads as the container's: one date)
    assert glued_cut(lines, join_lines, long=True) == 4
