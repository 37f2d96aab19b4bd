"""Labels before strings that open with digits, odd bullets, mistyped numbers and a numbering that restarts
under a numbered section title: the numbering in step before and after a line is the evidence. All references
are invented (10.5555 DOIs)."""

from __future__ import annotations

from tests.refstring.found import numbered_texts


def test_a_tight_dot_label_in_step_before_digits_opens_an_entry_when_the_numbering_goes_on_from_it() -> None:
    text = (
        "References\n"
        "8.Varga L, Osei K. An invented survey of river gauges. Inv Hydrol. 2004;12:33-41.\n"
        "9.Holm, D.O. The Organization of Invented Things. New York: Inv Sons, 1949.\n"
        "10.4QZX TR 77.001: \"Qorvel relay frames; part 9\".\n"
        "11.Pratt J, Ngata R. A review of invented discharge. J Inv Nurs 17: 2384-2397. doi:10.5555/jin.2008.17\n"
        "12.V .Arlov et al .Inv .Phys .52 N5 ( 2006)495 .\n"
        "13.5,6-Ostby S, Marr M. Invented analysis of vomiting. Acta Inv (Wien). 1992; 119(1-4): 97-100.\n"
        "14.Quist, R. L. & Bauer, J. E. 2001. Is the invented view useful? Inv Manag Rev, 26(1): 22-40.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [8, 9, 10, 11, 12, 13, 14]
    assert entries[2][1].startswith("10.4QZX TR 77.001")
    assert entries[5][1].startswith("13.5,6-Ostby S")


def test_digits_after_a_tight_dot_stay_text_when_the_number_they_would_stand_for_comes_later() -> None:
    # "10.5 mg/kg" wrapped to a line's start: label 10 follows on its own line, so the digits are the entry's text.
    text = (
        "References\n"
        "8.Varga L, Osei K. An invented survey of river gauges. Inv Hydrol. 2004;12:33-41.\n"
        "9.Holm DO, Pratt J. Invented dosing of a drug at\n"
        "10.5 mg/kg in mice. Inv Pharm. 2001;3:5-9.\n"
        "10.Quist RL, Bauer JE. An invented review. Inv Manag Rev. 2001;26:22-40.\n"
        "11.Pratt J, Ngata R. A review of invented discharge. J Inv Nurs. 2008;17:2384-2397.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [8, 9, 10, 11]
    assert entries[1][1].endswith("Inv Pharm. 2001;3:5-9.")


def test_a_bare_label_in_step_before_digits_after_a_line_left_open_when_the_numbering_goes_on() -> None:
    text = (
        "References\n"
        "1008 Persson V., An invented opinion on wind power (SOU 1999:75). Inv IL 15/99:\n"
        "Stockholm, 1999: 1-5.\n"
        "1009 Vidal M., Chronique d'un bourg qui n'a jamais exist\u00e9, vers 1480-vers\n"
        "1530 (Lyon: \u00c9ditions Quimper, 2000);\n"
        "1010 4QZX TR 77.210: \"Qorvel hub link: what it does\n"
        "and how\".\n"
        "1011 Brattle, O., Robson, D.W.: Invented Operator Algebras II. Springer, Berlin (1981)\n"
        "1012 D. H. Ashby, D. Leroy, and R. D. Odom, \"Perception of invented sound sources,\" Inv Percept. 1990.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [1008, 1009, 1010, 1011, 1012]
    assert entries[2][1].startswith("1010 4QZX TR 77.210")


def test_a_volume_and_pages_wrapped_under_a_bare_entry_left_open_stay_its_text() -> None:
    # "12 345-350." under a line ending on a journal's name: the volume and pages of entry 11, not label 12.
    text = (
        "References\n"
        "10 Varga L, Osei K. An invented survey of river gauges. Inv Hydrol. 2004;12:33-41.\n"
        "11 Holm DO, Pratt J. Invented dosing of qorvels. J Qorvel Res\n"
        "12 345-350.\n"
        "13 Quist RL, Bauer JE. An invented review. Inv Manag Rev. 2001;26:22-40.\n"
        "14 Pratt J, Ngata R. A review of invented discharge. J Inv Nurs. 2008;17:2384-2397.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [10, 11, 13, 14]
    assert entries[1][1].endswith("J Qorvel Res 12 345-350.")


def test_a_glued_label_in_step_before_a_year_and_volume_or_pages_opens_an_entry() -> None:
    text = (
        "References\n"
        "11Colby GL, Ferro A. Invented costs of vaccination in a unit. Inv Risk Manage. 2006;2:219-26.\n"
        "12Oswin, T.K.   Qorvel ledgers and the mood of buyers   1980   Qorvel Review   17   449--460\n"
        "13256-266 annals of qorvel bone studies 159\n"
        "14Davis J, Harrow P. An invented study of leptons. Inv Phys. 2017;4:1-9. doi:10.5555/ip.2017.4\n"
        "15Okafor T. Invented lattice models. Inv Lett. 2015;3:10-19.\n"
        "162003;9:1648-1655. Inv Cancer Res\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [11, 12, 13, 14, 15, 16]
    assert entries[2][1].endswith("bone studies 159")
    assert entries[5][1].startswith("162003;9:1648-1655")


def test_pages_wrapped_under_a_glued_entry_are_no_label_when_the_number_comes_later() -> None:
    # "13256-266" under entry 12 whose source is open: 13 follows on its own line, so the digits are pages.
    text = (
        "References\n"
        "11Colby GL, Ferro A. Invented costs of vaccination in a unit. Inv Risk Manage. 2006;2:219-26.\n"
        "12Oliver RL. An invented model of satisfaction. J Inv Res. 1980;17:44-\n"
        "13256-266 more pages.\n"
        "13Davis J, Harrow P. An invented study of leptons. Inv Phys. 2017;4:1-9.\n"
        "14Okafor T. Invented lattice models. Inv Lett. 2015;3:10-19.\n"
    )
    assert [number for number, _ in numbered_texts(text)] == [11, 12, 13, 14]


def test_a_glued_label_in_step_before_a_strings_own_dotted_label_after_a_line_left_open() -> None:
    text = (
        "References\n"
        "20Ferrant K, Mole D. Invented stress in laser melted parts. Inv Eng Mater. 2015;7:1-9.\n"
        "21in Invented Laser Melted Composites Using Raman Microscopy. Adv. Inv. Mater. 2016,\n"
        "2238. Magill P, Brooke M, Tait A, et al. The invented effect of counselling. Inv Oncol 1983;9: 319e24.\n"
        "23Holm D, Varga L. An invented survey of gauges. Inv Hydrol. 2004;12:33-41.\n"
        "24Quist RL, Bauer JE. An invented review. Inv Manag Rev. 2001;26:22-40.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [20, 21, 22, 23, 24]
    assert entries[2][1].startswith("2238. Magill P")


def test_a_list_bulleted_with_black_circles_is_read_one_entry_a_bullet() -> None:
    # Wrapped text with no heading, under prose: each "●" (a word processor's or a PDF font's bullet) opens an entry.
    text = (
        "Our qorvel counts rose in every season we\n"
        "sampled, and the ledgers kept by each keeper\n"
        "agree with them closely; the drift we saw in\n"
        "the early years is gone from the later ones, so\n"
        "the keepers' ledgers can be trusted (Quill, 2014).\n"
        "\n"
        "\u25cf QORVEL Consortium, How the qorvel ledgers were\n"
        "kept and checked in the nine upland\n"
        "vil-lages over two decades of\n"
        "counting, QORVEL -NOTE -2017-029.\n"
        "\u25cf Brask A, Ellery RM (1996) Keeping a qorvel ledger\n"
        "in a cold upland village by hand.\n"
        "Qorvel Q 93: 15400-15404.\n"
        "\u25cf E. HOUCHER, Lettre sur les registres\n"
        "du qorvel, 3\u00e8me lettre, Revue\n"
        "du qorvel, t. XII, 1867, pp. 81-86.\n"
        "\u25cf Qorvel Ledger Society\n"
        "Annual Ledger Notes Volume 2009,\n"
        "Note 282307, 13 pages\n"
        "\u25cf Mirek G, Lasso R, Morrow E (2013)\n"
        "How many ledgers can a keeper keep.\n"
        "Qorvel Rep 3, 1950. doi: 10.5555/qr.1950\n"
        "\u25cf N.T. Nakano, A.C. Chalmers, Ledger\n"
        "keeping by candle, Qorvel Notes 70,\n"
        "A/58 (1976).\n"
    )
    entries = numbered_texts(text)
    assert len(entries) == 6
    assert entries[0][1].startswith("QORVEL Consortium")
    assert entries[4][1].endswith("doi: 10.5555/qr.1950")


def test_a_mistyped_number_holding_the_wanted_digits_stands_for_them_before_a_name_in_capitals() -> None:
    text = (
        "References\n"
        "11. Smythe, E. F. 1896. An invented disease of the tomato. Inv Bul. 12: 1-28.\n"
        "12. Neale, T. C., Lenz, M., et al. (2004). Invented memory in stress. Journal of Inv Stress, 17(1), 41- 46.\n"
        "113. MIRAL Alexandra (dir.), Design invent\u00e9, Saint-\u00c9tienne, Cit\u00e9 du Design, 2013. https://inv.example.org/d\n"
        "14. Flint, Maureen, Invented Charity, Nueva York, Inv University, 1989, 200 p.\n"
        "15. Zanetti, C., Carola, V. (2010). Invented handling of mice. Inv Brain Behav. 9, 26-32.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [11, 12, 113, 14, 15]
    assert entries[2][1].startswith("113. MIRAL Alexandra")


def test_a_one_under_a_numbered_section_title_restarts_the_numbering_upwards() -> None:
    # "2. Patients and methods" then a list from 1: the list counts up from 1 (an entry left open on a comma
    # still ends where the next number in step opens a line), it does not count down from 2.
    text = (
        "An invented abstract ends here.\n"
        "2. Patients and methods\n"
        "Invented methods were applied to the invented data for a whole year at the invented centre.\n"
        "1. Arlov J, Crane S. An invented survey of gauges. Inv Hydrol. 2004;12:33-41.\n"
        "2. Boyce T, Dunn R. An invented review of tides. Inv Mar Rev. 2001;26:22-40.\n"
        "3. Franke C, Diallo D, Le QV, Gobel C,\n"
        "4. Voss, Daniel and Jane P. Vo. \u201cUsing Invented Sarcasm.\u201d Journal of Inv Research (2015): 1-10.\n"
        "5. Sagan G, Hoch A. An invented phase 3 study. Inv Cancer. 2010;116(16): 3852-3861.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [1, 2, 3, 4, 5]
    assert entries[2][1].endswith("Gobel C,")


def test_a_list_set_in_right_under_prose_with_no_blank_line_leaves_the_prose_out() -> None:
    text = (
        "We counted qorvels along the upland ridge each spring and each autumn for a dozen years.\n"
        "FIELD WORK AND LEDGERS Keepers walked one of four fixed routes between 1975 and 1992, at dawn\n"
        "and at dusk, and wrote what they saw in the ledger. Consequently, the ledgers hold counts taken\n"
        "in every weather as well as in every season (Quill et al., 2005). Counts were also lower in\n"
        "the wet years, despite the same routes and keepers (Ferrant et al., 2020).\n"
        "   Solvang, G. (1999). Chapter 29. Invented mobility in the labor market. In D. Card (Ed.), Handbook of\n"
        "   invented economics (Vol. 3, pp. 1761-1800). London: Inv Press. https://doi.org/10.5555/inv.1999.3\n"
        "   Cooper R (1999) An invented fidgeters calculation. Inv Science 284:1125\n"
        "   Wuong X, Weigand D (2002) Invented signaling in plants by RNA and protein movement. Inv Genes\n"
        "   Dev 16:151- 158\n"
        "   Langton, R. Colt, M. (2002). Qorvel keepers and their ledgers: the role of\n"
        "   candles. Qorvel Studies, 32: 1273-1284.\n"
        "\n"
        "*Corresponding author: Department of Invented Medicine, Invented Hospital. E-mail: author@example.org\n"
    )
    entries = numbered_texts(text)
    assert len(entries) == 4
    assert entries[0][1].startswith("Solvang, G. (1999).")


def test_a_repeated_number_after_a_line_left_open_opens_an_entry_when_the_numbering_goes_on_from_it() -> None:
    # "33." twice, the first string cut off as printed ("... Tides or"), then 35: the second 33 stands for 34.
    text = (
        "References\n"
        "31. Marlow PB. How the qorvel ledgers were kept. Qorvel Rev 1999; 19:\n"
        "    173-198.\n"
        "33. Hale, J. H., and Sorrel, S. M. (1990). \u201cLedgers Kept by Candle: Tides or\n"
        "33. BRENNA OKAFOR, \u00ab Qorvel ledgers in nine villages \u00bb, Qorvel Studies 12, no 3 (2003): 416-431.\n"
        "35. Goodwin, Nelle, Ledgers of the Upland. Lyon: Quimper, 1976.\n"
        "36. Tarrow R. The upland ledgers again. Qorvel Rev 2001; 21: 5-9.\n"
    )
    entries = numbered_texts(text)
    assert len(entries) == 5
    assert entries[1][1].endswith("Tides or")
    assert entries[2][1].startswith("33. BRENNA OKAFOR")


def test_a_year_wrapped_under_a_glued_entrys_authors_is_its_year_not_a_label() -> None:
    # "2016. Methods" under entry 18's authors (no year yet) read as 20 glued to a string's own "16.".
    text = (
        "References\n"
        "17Varga L, Osei K (2002) Invented survey of river gauges in older\n"
        "men. Inv Hydrol 24:75-85\n"
        "18Quill, C. J., D. B. Marsh, M. J. Venn, T. D. Okafor, R. L. Harwell, L. N.\n"
        "Brask, G. Lindqvist, M. A. Ondrak, and T. Okafor.\n"
        "2016. Methods for invented marsh management to keep the stream\n"
        "birds. Inv Marsh Science 36: 101-119.\n"
        "19Holm DO. Determination of invented levels in marsh birds. Inv Biochem 1989; 177:115-119.\n"
        "20Pratt J, Ngata R (2002) A review of invented discharge. J Inv Nurs 17: 2384-2397\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [17, 18, 19, 20]
    assert entries[1][1].endswith("and T. Okafor. 2016. Methods for invented marsh management to keep the stream birds. Inv Marsh Science 36: 101-119.")
