"""Breaks between references that only the words mark: back matter right under a list with no heading, and
wrapped unnumbered text where a complete entry is followed by a line that opens a new one."""

from __future__ import annotations

import pytest

from tests.refstring.found import cut_between_wrapped, raws_by_list
from vexascite.refstring.lists import (
    _after_source_end,
    _cjk_name_after_latin,
    _goes_on,
    _plain_opening,
)

#: Whole references one a line, at the top of a document with no heading (the tail of an earlier article's list).
ONE_A_LINE = [
    "Arvik T, Okafor L (2011) Salt tolerance of invented reeds. Inv Plant Res 12:45-52.",
    "Brandt, M., & Quill, H. (2014). Tidal drift of invented larvae. Journal of Coast Studies, 8(2), 101-119.",
    "Cortez P, Lindqvist A. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.",
    "Dorn, K. 2009. Harbour towns of the north. Bergen: Nordvik Press.",
    "Ekberg S, Hamid M. Glutathione in invented liver injury. Inv Hepatol 2019;11:41-58. doi:10.5555/ih.2019.11",
]


def test_a_back_matter_heading_right_under_a_list_with_no_heading_ends_it() -> None:
    text = "\n".join(
        [
            *ONE_A_LINE,
            "Footnotes",
            "This work was supported by a grant from an invented foundation (INV-2020-0001) and by a second one.",
            "Table 2. Invented characteristics of the cohort at baseline and after a year of treatment with the drug.",
            "Characteristic   Patients (n = 40)   Controls   P value",
            "Age, years   61.2 ± 3.1   60.4 (41–77)   0.52",
            "",
            "Fonseca R, Gale T (2003) Winter range of invented elk. J Range Stud 40:515-527.",
            "",
            "Grell, A. (2016). Invented wetlands and their birds. Marsh Review, 14, 88-95.",
            "",
            "Holm D, Varga A. Sleep and tidal rhythm in an invented cohort. Coast Res. 2009;41:210-6.",
            "",
        ]
    )
    lists = raws_by_list(text)
    assert lists[0] == ONE_A_LINE  # (it had run on into the notes and the table: one entry of nine lines)
    assert [raw.split(" ", 1)[0] for raw in lists[1]] == ["Fonseca", "Grell,", "Holm"]
    assert not any("Footnotes" in raw or "Characteristic" in raw for found in lists for raw in found)




def test_a_publishers_place_is_no_given_name_cut_before_initials() -> None:
    texts = cut_between_wrapped(
        "Varga R, Varga T (1991) An invented herbal of the northern marshes. Tidewater\n"
        "Press, Bergen\n"
        "A. Okafor, D. Lindqvist, M. Arvik, and D. Penn-Holloway. Streaming invented\n"
        "data with packet loss. In Proceedings of INVCOMM, August 2001.\n"
    )
    assert "An invented herbal of the northern marshes. Tidewater Press, Bergen" in texts[2]
    assert texts[3].startswith("A. Okafor, D. Lindqvist")
    assert len(texts) == 6


def test_pages_with_a_letter_after_each_number_close_a_source() -> None:
    texts = cut_between_wrapped(
        "Marlow AB, Eklund B, Penn PC et al (2007) Invented chronic venous\n"
        "disorders. J Inv Surg 46(Suppl S):68S-83S\n"
        "Brantford, William and Donald Okafor\n"
        "2002. Counting Out the Invented Scholars. Toronto: Lakeside Publishers.\n"
    )
    assert texts[2].endswith("J Inv Surg 46(Suppl S):68S-83S")
    assert texts[3].startswith("Brantford, William and Donald Okafor")


def test_an_arxiv_identifier_closes_an_entry_with_no_year() -> None:
    texts = cut_between_wrapped(
        "T. K. Okafor, Invented horizons of a toy black hole, arXiv:gr-qc/\n"
        "9955501.\n"
        "Arvikstad, J.M., K. Sabat, X. Jiang, V. Laitinen, D.F. Cove,\n"
        "and P.K. Kinn. 2008. Invented interactions of sterols. Langmuir. 24:830-836.\n"
        "Nachtmann, B., Sims, R.: On invented lattice systems with unbounded terms.\n"
        "arXiv:1410.55555v1\n"
        "Pandora S K, Pandora S K, Deshmukh U P, Awasthi V and Kumar A 2013 Semicond.\n"
        "Inv. Technol. 28 085014\n"
    )
    assert texts[2].endswith("arXiv:gr-qc/9955501.") or texts[2].endswith("arXiv:gr-qc/ 9955501.")
    assert texts[3].startswith("Arvikstad, J.M.")
    assert texts[4].endswith("arXiv:1410.55555v1")
    assert texts[5].startswith("Pandora S K")
    assert len(texts) == 8


def test_a_sole_author_and_a_colon_or_humanities_authors_open_an_entry_after_a_full_stop() -> None:
    texts = cut_between_wrapped(
        "QUILLAN, DAMIEN : PENNAZ CLAUDE, BASSO JEAN, Une mesure inventée du volume des\n"
        "membres par une méthode nouvelle : essai pilote auprès de vingt patients.\n"
        "Fowlerton JF: Linear quadratics in an invented model are alive and well. Int\n"
        "J Inv Oncol 2008, 72:957.\n"
        "WI Steuben, F Corbett, K Schwerin, Epidemiology of invented head injuries in\n"
        "the northern region after the merger of two invented districts.\n"
        "Becker, Ulla, Anthony Gideon, and Scott Lasher. Reflexive Invented\n"
        "Modernization. Cambridge: Polity Press, 1994.\n"
    )
    assert texts[2].endswith("essai pilote auprès de vingt patients.")
    assert texts[3].startswith("Fowlerton JF:")
    assert texts[4].endswith("merger of two invented districts.")
    assert texts[5].startswith("Becker, Ulla, Anthony Gideon, and Scott Lasher.")
    assert len(texts) == 8


def test_a_standards_designation_or_names_in_another_script_open_an_entry_after_a_complete_one() -> None:
    texts = cut_between_wrapped(
        "Caulfield, G., and A. Gunnar. 1996. Grazing on invented islands of the\n"
        "north. Lakeside Science, Portland, Maine, USA.\n"
        "3GPP TS 99.123: \"Invented Multimedia Subsystem; Media handling and\n"
        "interaction\".\n"
        "Ignatova, Mila. 1993. Salt and Memory: Essays on an Invented\n"
        "Coastline.\n"
        "변영수.이상민.김재훈, '온라인 교육의 학습자 만족 모델 개발,' 지식연구, 제21권,\n"
        "제2호, 2020, pp.119-135.\n"
    )
    assert texts[2].endswith("Portland, Maine, USA.")
    assert texts[3].startswith("3GPP TS 99.123:")
    assert texts[4].endswith("Invented Coastline.")
    assert texts[5].startswith("변영수.이상민.김재훈")
    assert len(texts) == 8


#: (line before, line, the entry so far): each a break a reader sees from the words alone.
_BREAKS = {
    "place after a publisher": (
        "Press, Bergen", "A. Okafor, D. Lindqvist, M. Arvik, and D. Penn-Holloway. Streaming",
        "Varga R, Varga T (1991) An invented herbal of the northern marshes. Tidewater Press, Bergen",
    ),
    "sole author and colon": (
        "membres par une méthode nouvelle : essai pilote auprès de vingt patients.",
        "Fowlerton JF: Linear quadratics in an invented model are alive and well. Int",
        "QUILLAN, DAMIEN : PENNAZ CLAUDE, BASSO JEAN, Une mesure inventée du volume des membres par une méthode nouvelle : essai pilote auprès de vingt patients.",
    ),
    "humanities authors": (
        "the northern region after the merger of two invented districts.",
        "Becker, Ulla, Anthony Gideon, and Scott Lasher. Reflexive Invented",
        "WI Steuben, F Corbett, K Schwerin, Epidemiology of invented head injuries in the northern region after the merger of two invented districts.",
    ),
    "authors and a colon after a publisher's place": (
        "Varga R, Varga T (1991) An invented herbal. Tidewater Press, Bergen",
        "Bainbridge LS, Jindal RM: Non-compliance in an invented dialysis cohort:",
        "Varga R, Varga T (1991) An invented herbal. Tidewater Press, Bergen",
    ),
    "authors with particles": (
        "Invented Ballot and After, London, Lakeside.",
        "Arredondo de Arriaga G, López Sierra N, de Hoyos Parras R,",
        "Browning, A., McCrae, D. and Surrey, P. (1999) The Invented Electorate: The 1997 Invented Ballot and After, London, Lakeside.",
    ),
    "own number and authors": (
        "Ratcliff, M. (2008). Feelings of Invented Being. Oxford: Lakeside Press.",
        "10- Cochrane A, Scaifer ER, Hanssen KW, Downey EC. Hyperglycaemia in invented",
        "Ratcliff, M. (2008). Feelings of Invented Being. Oxford: Lakeside Press.",
    ),
    "standard's designation": (
        "north. Lakeside Science, Portland, Maine, USA.",
        '3GPP TS 99.123: "Invented Multimedia Subsystem; Media handling and',
        "Caulfield, G., and A. Gunnar. 1996. Grazing on invented islands of the north. Lakeside Science, Portland, Maine, USA.",
    ),
}


@pytest.mark.parametrize("name", sorted(_BREAKS))
def test_each_opening_stands_whatever_the_line_model_says(name: str) -> None:
    previous, text, head = _BREAKS[name]
    assert not _goes_on(previous, text)
    assert _plain_opening(previous, text, head)


@pytest.mark.parametrize(
    ("previous", "text", "head"),
    [
        ("disorders. J Inv Surg 46(Suppl S):68S-83S", "Brantford, William and Donald Okafor",
         "Marlow AB, Eklund B, Penn PC et al (2007) Invented chronic venous disorders. J Inv Surg 46(Suppl S):68S-83S"),
        ("9955501.", "Arvikstad, J.M., K. Sabat, X. Jiang, V. Laitinen, D.F. Cove,",
         "T. K. Okafor, Invented horizons of a toy black hole, arXiv:gr-qc/ 9955501."),
        ("Graduate Texts in Invented Mathematics Vol. 9 (Lakeside-Verlag,New York ,1978 ).",
         "Public Health Northland Ultraviolet Radiation and Invented Vitamins: the effects on",
         "Humbert, E. J., Introduction to Invented Algebras, Graduate Texts in Invented Mathematics Vol. 9 (Lakeside-Verlag,New York ,1978 )."),
        ("1992.", "The Invented Design Foundation of Northland. (1999). The",
         "Gedde, K., Czapek, S., and Laban, G. Algorithms for Invented Algebra. Lakeside Publishers, Boston, 1992."),
        ("-printarXiv :1410.55555v1", "Pandora S K, Pandora S K,",
         "Nachtmann, B., Sims, R.: On invented lattice systems with unbounded terms.e -printarXiv :1410.55555v1"),
    ],
)
def test_pages_with_letters_an_imprint_a_year_alone_or_an_arxiv_identifier_close_a_source(previous: str, text: str, head: str) -> None:
    has_year = any(year in head for year in ("2007", "1978", "1992"))
    assert _after_source_end(previous, text, head, has_year)


def test_a_part_in_roman_numerals_a_name_cut_after_a_comma_or_pages_at_a_line_start_go_on() -> None:
    assert not _plain_opening("in the northern marshes.", "Part II: The invented sequel. Inv Hist Rev 3:1-9.", "Varga R (1991) A history of invented fens, in the northern marshes.")
    assert _goes_on("Werner, Tomas and William", "G. Archer, R. Venn, T. Okafor. Title")
    head = "Okafor T, Venn R. Invented injuries of the knee. J Inv Trauma. 2003; 55(6): 1035-"
    assert not _plain_opening("traumatic injury. J Inv Trauma. 2003; 55(6): 1035-", "8. Epub 2003 Jun 4.", head)


def test_names_in_another_script_set_apart_by_full_stops_open_an_entry() -> None:
    head = "Ignatova, Mila. 1993. Salt and Memory: Essays on an Invented Coastline."
    assert _cjk_name_after_latin("Coastline.", "변영수.이상민.김재훈, '온라인 교육의 학습자 만족 모델 개발,' 지식연구, 제21권,", head)
