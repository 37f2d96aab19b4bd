"""Wrapped unnumbered text where only the words mark a new entry: a complete entry, then a line that opens
with a run of authors (with or without a heading)."""

from __future__ import annotations

from tests.refstring.found import entry_texts

_PROSE = (
    "Body text of the article ends here with a final sentence about invented harbours and their\n"
    "tides, which the authors measured over three winters (Quill et al., 2011).\n"
)


def test_a_vancouver_run_after_a_report_opens_an_entry_in_a_list_with_no_heading() -> None:
    text = _PROSE + (
        "Ostrander K, Lee M. Wages and tenure in rural clinics. Health Econ. 2012;21:66-79. doi:10.5555/he.2012.66\n"
        "Marsh, P., and Venn, T. 'Harbour work on an invented coast: what the tide tables say'.\n"
        "Paper prepared for the Vexas Board of Tide Keepers.\n"
        "Brill JM, Quill TP, Dorrance TW, Haldane RS, Okafor JD. Factors related to the tides of invented\n"
        "harbours. Vexas Coast. Feb 2004 84(2) 173-190.\n"
        "Tamsin R, Arvik L: Marrow cells in an invented joint model. Arthritis Invent 2009, 19:936-949.\n"
    )
    texts = entry_texts(text)
    assert texts[1].endswith("Tide Keepers.")
    assert texts[2].startswith("Brill JM, Quill TP,")
    assert len(texts) == 4


_INTRO = "Body text of the article ends here with a final sentence.\n\nReferences\n\n"
_FIRST = (
    "Ostrander, M. (2007). Harbour towns of an invented coast: a survey of the\n"
    "salt trade. Journal of Coastal Studies, 27, 179-187.\n"
)
_LAST = (
    "Tamsin, R. (2012). Marrow cells in an invented joint model. Arthritis\n"
    "Invent, 9, 101-109.\n"
)


def test_names_with_initials_first_after_a_book_with_no_year_open_an_entry() -> None:
    text = _PROSE + _FIRST2 + (
        "Quill, R.: Salt gauges for invented harbours, vol. 2.\n"
        "Vexton, Mass.: Q. R. Marsh.\n"
        "M. Brennholt, R. Arvik, R.K. Okafor, C. Lindqvist, W. Haldane, J. Inv.\n"
        "Coast. 29 (2003) 2703.\n"
    ) + _LAST2
    texts = entry_texts(text)
    assert texts[2].endswith("Q. R. Marsh.")
    assert texts[3].startswith("M. Brennholt, R. Arvik,")
    assert len(texts) == 6


def test_names_with_bare_initials_first_after_a_chapter_in_press_open_an_entry() -> None:
    text = _INTRO + _FIRST + (
        "Allwood WD. Studying invented harbours: a review. In: Allwood WD, Quill MM, editors. Harbours\n"
        "and tides. Chicago: University of Vexas Press; in press.\n"
        "S Palombi, A Falco, T Rossi, F Orvieto, A Tolin, F Zull, Local effects of invented tides in harbour\n"
        "voles: relationship to the salt response. Vexas Coast. 25, 1005-1013 (2010). doi:10.5555/vc.2010.1005\n"
    ) + _LAST
    texts = entry_texts(text)
    assert texts[1].endswith("Vexas Press; in press.")
    assert texts[2].startswith("S Palombi, A Falco,")
    assert len(texts) == 4


def test_family_names_with_initials_after_a_place_with_no_stop_open_an_entry() -> None:
    text = _INTRO + _FIRST + (
        "Abrams A, Bleany B (1970) Paramagnetic resonance of invented harbour ions. Clarendon Press, Oxford\n"
        "Takeda, H., McCallum, J. M., Irizar, R. A., &\n"
        "Boeker, J. D. (2006). Salt synthetase is required for harbour acetylation. Vexas Coast, 23(2),\n"
        "207-217.\n"
    ) + _LAST
    texts = entry_texts(text)
    assert texts[1].endswith("Clarendon Press, Oxford")
    assert texts[2].startswith("Takeda, H., McCallum, J. M.,")
    assert len(texts) == 4


def test_an_author_list_wrapped_across_lines_stays_one_entry() -> None:
    text = _INTRO + _FIRST + (
        "Abrams, A., Bleany, B., Quill, C., Marsh, D.,\n"
        "Takeda, H., McCallum, J. M., Irizar, R. A., &\n"
        "Boeker, J. D. (2006). Salt synthetase is required for harbour acetylation. Vexas Coast, 23(2),\n"
        "207-217.\n"
    ) + _LAST
    texts = entry_texts(text)
    assert texts[1].startswith("Abrams, A., Bleany, B.,")
    assert texts[1].endswith("207-217.")
    assert len(texts) == 3


def test_a_book_closed_by_its_publisher_and_year_is_no_run_of_names() -> None:
    text = _INTRO + _FIRST + (
        "Ros Quill, The White Harbour Diaries, White Harbour Press, 2004.\n"
        "quill S-C, venn Y-C. Tidal gauges of invented harbours compared. Vexas Coast.\n"
        "2003;76:600-4.\n"
    ) + _LAST
    texts = entry_texts(text)
    assert texts[1] == "Ros Quill, The White Harbour Diaries, White Harbour Press, 2004."
    assert len(texts) == 4


_FIRST2 = (
    "Ostrander, M. (2007). Harbour towns of an invented coast: a survey of\n"
    "the salt trade. Journal of Coastal Studies, 27, 179-187.\n"
    "Harlow, Q., & Venn, T. (2013). Virtue and markets: towards a common\n"
    "ground for invented firms. Journal of Harbour Ethics, 112(3), 401-417.\n"
)
_LAST2 = (
    "Tamsin, R. (2012). Marrow cells in an invented joint model. Arthritis\n"
    "Invent, 9, 101-109.\n"
    "Marsh, P. (2010). Trust in small invented firms. Small Harbour Review,\n"
    "8, 22-31.\n"
)


def test_a_collaboration_as_author_after_a_complete_entry_opens_one() -> None:
    text = _INTRO + _FIRST2 + (
        "Benhamou Y (1995) Utilization of a GIS for management of invented\n"
        "harbours: the Vexas shore. Thesis, Vexas Institute, Tidewater, pp 180\n"
        "VEXAS Collaboration, Salt levels in twelve invented harbours over\n"
        "cumulants, Eur. Phys. J. C74 (2014) 3157.\n"
    ) + _LAST2
    texts = entry_texts(text)
    assert texts[2].endswith("pp 180")
    assert texts[3].startswith("VEXAS Collaboration,")
    assert len(texts) == 6


def test_a_family_name_in_capitals_and_its_year_after_an_entry_in_press_opens_one() -> None:
    text = _INTRO + _FIRST2 + (
        "Dockett, S., Grant, N., & Stone, A. A. (in press). A comparison of tide\n"
        "ratings obtained with invented harbour gauges. Coastal Indicators Research.\n"
        "SCHMIDTKE RA (1989) Spontaneous rates and tuning of invented harbour\n"
        "gauges. Vexas Res 42:23-35\n"
    ) + _LAST2
    texts = entry_texts(text)
    assert texts[2].endswith("Coastal Indicators Research.")
    assert texts[3].startswith("SCHMIDTKE RA (1989)")
    assert len(texts) == 6


def test_bracketed_years_wrapped_to_line_starts_under_bullets_are_no_numbering() -> None:
    items = [
     "+ (1994). Tide ledgers of an invented coast: the salt years and\n     Harbours, Vexas University Press.\n",
     "+ Arvik BH, Quill H, Kim SY, Venn YM, Lee MY: Salt interacts with invented\n     harbour tides. J Vexas Coast 2002, 277:12334-42.\n",
     "+ Brennholt JR, Huber M (2010) Invented diversity on harbours controlled\n     by ocean tides. Vexas Coast 463: 653-656.\n",
     "+ Dorrance F, Penn AI, Quill N, van Oort L, Marsh K, et al.\n     (2008) Keeping invented harbours whole over winter. Vexas Biol 6(5):\n     e118 doi:10.5555/vb.0060118\n",
     "+ Haldane L. Salt homeostasis in harbour cells. Vexas Int 1995; 26, pages\n     295-302.\n",
     "+ Lindqvist PL, Narayan S, Gariepy J, Ranga S, Finn OJ\n     (2010) Vaccine against invented tides. Vexas Prev Res 3:438-446.\n",
     "+ Marsh, W.L. 1972. Insects of invented harbours. Occasional papers,\n     Vexas Department of Tides 1175: 1-642\n",
     "+ Okafor A, Venn-Mataro L, Quill M, Penn P, Arvik F\n     (2007) In vivo actions of salt on invented harbour systems. Vexas\n     Coast 191:745-758\n",
     "+ Penn, P. (1985). Social class inequality in invented harbours. Vexas\n     Studies, 39(1), 17-31.\n",
     "+ Quill R, Fleming J, Holm T, Arvik M, Lee D, Kim Y, Park S, Ortiz B\n     (2001) Harbour tides in an invented coast. Vexas Coast 12:33-44\n",
     "+ Tamsin AB, Venn T, Harlow Q, Penn CD, Dorrance MB, Ostrander K\n     (2001). Marrow cells in invented harbours. Vexas Joint 9: 101-109.\n",
    ]
    texts = entry_texts(_PROSE + "\n\n" + "".join(items))
    assert len(texts) == 11
    assert texts[3].startswith("Dorrance F,") and texts[3].endswith("doi:10.5555/vb.0060118")


def test_a_few_lines_typed_set_in_among_whole_references_one_a_line_are_not_hung() -> None:
    lines = [
        "Arvik BH, Quill H (2002) Salt interacts with invented harbour tides. J Vexas Coast 277:12334-42.",
        "Brennholt JR, Huber M (2010) Invented diversity on harbours controlled by tides. Vexas Coast 463: 653-656.",
        "Dorrance F, Penn AI (2008) Keeping invented harbours whole. Vexas Biol 6(5): e118",
        "Haldane L (1995) Salt homeostasis in harbour cells. Vexas Int 26: 295-302.",
        "\tHomer. The Tide Songs, Books IX-X. 2nd. Edited by Q. R. Venn. Vexton: Vexas Press, 1911.",
        "Lindqvist PL, Narayan S (2010) Vaccine against invented tides. Vexas Prev Res 3:438-446.",
        "Marsh WL (1972) Insects of invented harbours. Occasional papers of the Vexas Tide Office 1175: 1-642",
        "  ŠTAMBERG, František, Psané slovo v přístavu, in: TÝŽ, Mezi přílivem a odlivem, Praha 2002, 215-230.",
        "Okafor A, Diaz-Mataix L (2007) In vivo actions of salt on invented harbour systems. Vexas Coast 191:745-758",
        "Penn P (1985) Social class inequality in invented harbours. Vexas Studies 39(1): 17-31.",
        "Quill R, Fleming J (2001) Harbour tides in an invented coast. Vexas Coast 12:33-44. doi:10.5555/vc.2001.33",
        "Tamsin AB, Venn T (2001) Marrow cells in invented harbours. Vexas Joint 9: 101-109.",
    ]
    texts = entry_texts("Body text of the article ends here.\n\nReferences\n\n" + "\n".join(lines) + "\n")
    assert len(texts) == 12
    assert texts[4].startswith("Homer. The Tide Songs")
    assert texts[7].startswith("ŠTAMBERG, František,")


def test_a_last_block_of_references_one_a_line_after_paragraphs_is_cut_at_each_line() -> None:
    # No heading, paragraphs one a line between blank lines, then four references one a line, one of them ending
    # on "396 pages": the block had been one entry (its lines not all complete references).
    prose = [
        "Marsh birds were counted over four seasons in two invented estuaries and the counts were low in winter.",
        "Methods",
        "Because our counts suggest that numerous waders return to the marsh, future efforts should count them in spring.",
        "Results: The counts showed significantly fewer birds in the northern plots than in the southern plots of the marsh.",
        "Plots 10 and 11) to judge how they changed the span and rate of the counts (Quill et al., 1991). CONCLUSION Our counts show that the birds return.",
    ]
    refs = [
        "Brindle R, van der Holt R (2003).  Does marsh warmth shape the mix of northern reed stands? Journal of Invented Marsh Science. 14:535–542.",
        "Castellan, Lyle. 1999. Invented linguistics: An introduction. Bergen, MA: Nordvik Press. 396 pages  ",
        "Dorn J (1969) Cold seasons and the brain enzymes of invented marsh fish. Inv Life Sci 8:775-784",
        "Fairweather, John. (1989, February 10). Gardener advises transplanting of marsh trees. Old Gold and Reed, 72(19), p. 2.",
    ]
    texts = entry_texts("\n\n".join(prose) + "\n\n" + "\n".join(refs) + "\n")
    assert [t[:12] for t in texts] == ["Brindle R, v", "Castellan, L", "Dorn J (1969", "Fairweather,"]


def test_a_wrapped_entry_between_blank_lines_stays_whole() -> None:
    # A guard for the cut above: a block of one reference wrapped over five lines, between blank lines, is one entry.
    entry = (
        "Quill, C. M., Nystad, J. A., Arvik, P. H. and\n"
        "Marsh, F. V. 2013. A frame for teaching marsh\n"
        "wardens to count birds. Paper presented at MARSH2013 Annual\n"
        "Meeting, Bergen, Norway. Retrieved July 10, 2015 from\n"
        "http://marsh.example.org/files/2013/quill-frame.pdf\n"
    )
    text = (
        "References\n\n"
        "Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.\n\n"
        + entry + "\n"
        "Dorn E, Holt S (2020) Measuring marsh birds from the air. Field Methods 8:101-119\n\n"
        "Holt, S. (2001). Marsh meadows after the flood. Quillon Journal of Birds, 5(2), 11-19.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4, texts
