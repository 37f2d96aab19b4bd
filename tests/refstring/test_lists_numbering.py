"""Numbered lists where the numbering is the evidence: lone labels beside a string's own number, tight
labels before strings that open with digits, punctuation where authors are missing, mistyped and
jittered numbers."""

from __future__ import annotations

from tests.refstring.found import entry_texts, numbered_texts

_INTRO = "Body text of the article ends here with a final sentence.\n\nReferences\n\n"


def test_a_lone_label_opening_a_list_before_a_string_with_its_own_number() -> None:
    text = (
        "40.\n"
        "4. Quillfeather, A., Marrow, B. D., and Ostrand, C. (2005). The\n"
        "coiled-coil domain of a centriole protein. Mol. Cell Biol. 16, 1095–1107.\n"
        "41.\n"
        "BRESSOL Amélie, 2003 : Le moulin et le gué d'un bourg perché. In Cahiers de la\n"
        "Société Vallonnaise, tome 17, 2003, p. 51-68.\n"
        "\nDOI 10.5555/example.2022.4411\n\n"
        "Some prose of the next article begins here and goes on for a while.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [40, 41]
    assert entries[0][1].startswith("40. 4. Quillfeather")
    assert entries[1][1].startswith("41. BRESSOL Amélie")


def test_a_lone_repeated_label_before_a_string_with_its_own_number() -> None:
    text = _INTRO + (
        "11.\n"
        "Hollis OJ, Aamot E, Severn DL (2006) Oxygen use in the diabetic heart.\n"
        "Diabetes 55:466-473\n"
        "12.\n"
        "Thistle, R., Vane, K.: A third method for the folding of lattice sums, pages 41\n"
        "12.\n"
        "54. Corwin, LJ. Pask, RE. Hald, NO. (2004). A family-based scan for variants\n"
        "in lake fishers. Behavioural Genomics, 9: 112-120.\n"
        "13.\n"
        "Lomax, C., Fisher, E. M. Prediction of competence from context. Proc. ICML, 2019.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [11, 12, 12, 13]
    assert entries[2][1].startswith("12. 54. Corwin, LJ.")


def test_a_tight_label_before_a_string_that_opens_with_its_year_or_a_number() -> None:
    text = _INTRO + (
        "1.Harlow Q, Venn T (2013) Markets and trust. Journal of Firms 45: 42:1–31.\n"
        "2.2008 pellin m.-f. corps et images, dans les peintures anciennes 667-681.\n"
        "3.Dunmore P, Ash T. Tissue repair in fish. Fish Physiol. 2010;12:33-40.\n"
        "4.2011: Otto Brenner: Schritte zur Schule. In: Schule heute, 39-41.\n"
        "5.2-Marrow R, Jeffers M. Nerve roots of the spine. Spine J. 2012; 12 (6): 515-524\n"
        "6.Quill A, Penn C. Growth of roots. Plant J. 2001;4:1-9.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 6
    assert texts[1].startswith("2.2008 pellin")
    assert texts[3].startswith("4.2011: Otto Brenner")
    assert texts[4].startswith("5.2-Marrow R")


def test_a_tight_number_that_is_not_the_next_one_stays_in_its_entry() -> None:
    text = _INTRO + (
        "1.Harlow Q, Venn T (2013) Markets and trust. Journal of Firms 45: 42:1–31.\n"
        "2.Pellin M. Effects of a dose. Dose J. 2009;3:1-9.\n"
        "12.2008 data were pooled again.\n"
        "3.Dunmore P, Ash T. Tissue repair in fish. Fish Physiol. 2010;12:33-40.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 3
    assert texts[1].endswith("12.2008 data were pooled again.")


def test_the_next_number_before_a_string_whose_authors_are_missing() -> None:
    bare = _INTRO + (
        "10 Hart JP, Thomson SG. Measuring spread in reviews. BMJ. 2003;327(7414):557–60.\n"
        "11 ; ; ; Advanced Organic Chemistry; Halden: Boston, 1999; pp 1110, 1115-1116.\n"
        "12 Frey NF, Moller P. A binding protein for stress. Plant J. 2010;61:12-20.\n"
    )
    assert len(entry_texts(bare)) == 3
    round_ = _INTRO + (
        "(36) Kranz M, Nord B: Oxygen and yeast. Eukaryot Cell 2004, 3(6):1381-1390.\n"
        "(37) , 4-polytopes and their shadows, Rev. Comb. Geom. Anal. 23 (2015), no. 3, 411-468.\n"
        "(38) Wade T, Orr P: Cell walls of yeast. Yeast 2005, 22:1-9.\n"
    )
    texts = entry_texts(round_)
    assert len(texts) == 3
    assert texts[1].startswith("(37) , 4-polytopes")


def test_a_number_glued_to_a_string_that_opens_with_its_year() -> None:
    text = _INTRO + (
        "34Marsh PL, Berg KG (1986) Mortality in a drug project. J Am Coll Cardiol 8(6):1245-1255\n\n"
        "351987: Otto Brenner: Zu Fragen der Schule. In: Das Heft 124/1987, S. 911 – 913\n\n"
        "36Quill A, Penn C. Growth of roots. Plant J. 2001;4:1-9.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [34, 35, 36]


def test_a_mistyped_number_between_two_in_step_is_a_label_and_the_numbering_goes_on() -> None:
    text = _INTRO + (
        "41. Hale D, Wren RA (2000) The marks of disease. Cell 100(1):57-70.\n\n"
        "42. Wendt RH, Camel G, Stahl DP (2009) Enzyme partners as drug targets. Curr Pharm Des\n"
        "15:3886-3894\n\n"
        "143. Jon Fenwick, Dante: The Poetics of Turning, ed. Ruth Jay (Cambridge, Mass.: Harvard UP, 1986).\n\n"
        "44. Morrow A, Penn B. A trial of rest. Lancet. 2011;377:1-9.\n\n"
        "45. Osei K, Lind P. Sleep in shift work. Sleep. 2012;35:10-19.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [41, 42, 143, 44, 45]


def test_a_mistyped_number_with_no_number_in_step_after_it_stays_text() -> None:
    text = _INTRO + (
        "41. Hale D, Wren RA (2000) The marks of disease. Cell 100(1):57-70.\n"
        "42. Wendt RH, Camel G, Stahl DP (2009) Enzyme partners as drug targets. Curr Pharm Des\n"
        "15:3886-3894.\n"
        "143. Jon Fenwick, Dante: The Poetics of Turning. Harvard UP, 1986.\n"
        "45. Osei K, Lind P. Sleep in shift work. Sleep. 2012;35:10-19.\n"
    )
    numbers = [number for number, _ in numbered_texts(text)]
    assert 143 not in numbers


def test_bracketed_and_parenthesised_numbers_out_of_step_after_complete_entries() -> None:
    bracket = _INTRO + (
        "[16] Paulsen, S. K., Hale, G., 2007. Effect of salts on broiler growth.\n"
        "Journal of Upland Farming 31, 204-211.\n"
        "[19] Eggert M, Smithers GD. Misleading reviews. BMJ 1995; 310:752-4.\n"
        "[16] JOURNAL OF CELL VIROLOGY, June 1990, P. 2941-2947\n"
        "[21] BOURDIN, N. Afterwards: culture as script. New York: Lukas, 2002.\n"
    )
    texts = entry_texts(bracket)
    assert len(texts) == 4
    assert texts[2].startswith("[16] JOURNAL OF CELL VIROLOGY")
    paren = _INTRO + (
        "34) Fenn B L and Fox D B 1990 Representations of an algebra (New York: Gordon)\n\n"
        "35) Masri M, Salim MS: Missile embolism in childhood. J Pediatr Surg 1990, 25:1292-1294.\n\n"
        "34) of Applied Communication Studies, vol. 34, no. 2, 2006, pp. 115-40.\n\n"
        "36) Kato H, Ono T: A study of rest. Sleep 2001, 4:1-9.\n"
    )
    texts = entry_texts(paren)
    assert len(texts) == 4
    assert texts[2].startswith("34) of Applied")


def test_a_label_past_a_gap_before_a_bullet_or_a_run_of_authors_after_a_line_left_open() -> None:
    bullet = _INTRO + (
        "8. Ballard V, Nguyen D. Heavy oil flow. Patent PT10607 filed January 2016.\n"
        "9. Bassler R (1974) Anatomy of the bile ducts. In: Becker V (ed) Gastroenterology. Witzstrock, Baden-Baden\n"
        "11. • Cornell, Mark. The Undermining of an Empire. London: St. Martin's Press, 2000.\n"
        "12. S. Nissen, Phys. Lett. B 63, 201 (1976).\n"
    )
    texts = entry_texts(bullet)
    assert len(texts) == 4
    assert texts[2].startswith("11. • Cornell, Mark.")
    run = _INTRO + (
        "12. Brandt K, Oyelaran T, Voss M (2005) Copper in river snails. Aquat Ecol Toxicol 19:1311-1318\n"
        "13. Technical note 97002, Engineering Research Laboratory, Princeton University,\n"
        "15. Varga N, de Lemos JA, Libby P, Murphy SA (2003) Soluble markers after coronary events.\n"
        "Circulation 108:1049-1052\n"
        "16. Sorel, N., Nagy, B. (2009). Social issues. Analyses of Public Policy.\n"
    )
    texts = entry_texts(run)
    assert len(texts) == 4
    assert texts[2].startswith("15. Varga N")


def test_a_bracketed_year_wrapped_under_authors_before_a_gap_is_no_mistyped_label() -> None:
    text = _INTRO + (
        "(31) Hale D, Wren RA (2000) The marks of disease. Cell 100(1):57-70.\n"
        "(32) Knapp S, Speck B, Hatton J, Rinaldo L, Moham KA, et al.\n"
        "(2011) Accuracy of two stool tests for worm burden. PLoS Negl Trop Dis 5: e1036.\n"
        "(34) Morrow A, Penn B. A trial of rest. Lancet. 2011;377:1-9.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 3
    assert texts[1].endswith("PLoS Negl Trop Dis 5: e1036.")


def test_a_bare_first_label_before_a_string_that_opens_with_digits() -> None:
    body = (
        "1 4XYZ TS 26.114: \"IP\n"
        "  Media Subsystem; Media\n"
        "  handling and interaction\".\n"
        "2 Farrowe, D. K. (2012). Critical windows\n"
        "in motor learning: Notes\n"
        "from dance classes. Cortex, 12, 1-9.\n"
        "3 Tanner CT, Chek WK (2008) Scarless surgery of the neck:\n"
        "a review. World J Surg 32:1349-1357\n"
    )
    for text in (_INTRO + body, "Some prose that closes the article.\n\n" + body):
        entries = numbered_texts(text)
        assert [number for number, _ in entries] == [1, 2, 3], text
        assert entries[1][1].endswith("Cortex, 12, 1-9.")
    gapped = _INTRO + body.replace("2 Farrowe", "3 Farrowe").replace("3 Tanner", "4 Tanner")
    assert [number for number, _ in numbered_texts(gapped)] == [1, 3, 4]


def test_the_tail_of_an_earlier_list_whose_string_carries_its_own_number_is_kept() -> None:
    text = (
        "[53] Mei- LingTsu, \"Shock modes in a tapered horn,\"\n"
        "AcousticLettersB 17 , 2203- 2214( 1993).\n"
        "[54] 18. Prado A, Reis-Fino JS, Ricci S, Soares P. Marker expression in\n"
        "thyroid carcinomas: lack of an oncogenetic role. Pathol Res\n"
        "Pract 198:449-54. 2002\n"
        "\n"
        "Furthermore, the signalling pathway is a feature of several diseases of the skin, where growth is impaired.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [53, 54]


def test_the_next_bare_number_after_a_source_closed_by_its_year_or_before_a_year_and_a_name() -> None:
    closed = _INTRO + (
        "46 Kondo V, Rabe C: The Golgi apparatus of flies. FEBS Lett 2009, 583:3827-3838.\n"
        "47 M. MOREAU et B. LOCKE. J. Mol. Catal. 7, 315\n"
        "(1980);\n"
        "48 , , : A new indium complex for tumour imaging. In \"Abstracts of Lectures\", Vol. 3, 1986, p 1073.\n"
        "49 Ray Wills, \"Culture Is Plain,\" in Resources of Hope (London: Verso, 1989)\n"
    )
    assert [number for number, _ in numbered_texts(closed)] == [46, 47, 48, 49]
    open_ = _INTRO + (
        "5 Harker, J., L. Moss, and P. Quint. 1997. Nest site choice in moorland waders: lessons for the care of\n"
        "6 1990: Ulf Prenzlau, Chr. Preis: Childhood today: new freedoms? Weinheim 1990, S. 10-19\n"
        "7 Ostrand K, Lee M. Wages and tenure. Health Econ. 2012;21:66-79.\n"
    )
    assert [number for number, _ in numbered_texts(open_)] == [5, 6, 7]


def test_a_doi_wrapped_to_a_line_start_in_a_glued_list_is_no_label() -> None:
    text = _INTRO + (
        "8Hale D, Wren RA (2000) The marks of disease. Cell 100(1):57-70.\n"
        "9Cibor K, Lorenz MS, Carter SL (2013) Detection of point mutations. Nat Biotechnol 31: 213–\n"
        "10.5555/nbt.2514\n"
        "10Morrow A, Penn B. A trial of rest. Lancet. 2011;377:1-9.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [8, 9, 10]
    assert entries[1][1].endswith("10.5555/nbt.2514")


def test_a_label_past_a_gap_before_full_authors_and_their_year_after_a_line_left_open() -> None:
    text = _INTRO + (
        "12. Brandt K, Oyelaran T (2005) Copper in river snails. Aquat Ecol Toxicol 19:1311-1318\n"
        "13. Ostrova L, Pike DW. A modified clotting time assay. Clinical Lab Methods. 2010. 455-461,\n"
        "15. Leigh, X. G., Chen, W.-H., & McCall, J. P. (2007). Regulation of an enzyme.\n"
        "Annual Notes in Metabolism, 14, 88-107.\n"
        "16. Sorel, N., Nagy, B. (2009). Social issues. Analyses of Public Policy.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[2].startswith("15. Leigh, X. G.")


def test_a_back_matter_word_wrapped_under_the_first_entry_does_not_make_the_list_unnumbered() -> None:
    # "Ethics" opens a line of the first entry (a book title wrapped under a line left open): the list is
    # still the numbered one under its heading, not an unnumbered list cut line by line.
    text = "Some prose that closes the article.\n\nBibliography\n" + (
        "[5] Harrow, Lena. “The Duties of a Keeper of Invented Archives,” Keeping\n"
        "     Ethics, edited by Mara Venn and Olaf Brandt, Inv Press, Oslo, 2006, pp.\n"
        "     12-30.\n\n"
        "[4] Quarrell T, Ostrowe B, Lind K et al (2003)\n"
        "Grain stores of the northern valleys and the tithe\n"
        "records of three parishes. J Inv Agrar Hist 9:14-29\n\n"
        "[3] Penn, C. D. (2001). Tidal mills: A survey of\n"
        "the northern coast. Inv Hist Technol, 4, 55–71.\n\n"
        "[2] Marlow P, Stead R (2010) Millers and their wheels\n"
        "in the age of steam. Inv Econ Hist 31: 201–219.\n\n"
        "[1] Venn A. 1998. Weirs and fish traps of the\n"
        "western rivers. Inv Fish Rev 2: 3-18.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [5, 4, 3, 2, 1]
    assert entries[0][1].endswith("Keeping Ethics, edited by Mara Venn and Olaf Brandt, Inv Press, Oslo, 2006, pp. 12-30.")


def test_a_numbering_that_starts_under_a_section_s_unlabelled_first_lines_is_read_as_numbered() -> None:
    # The section opens with the tail of a string broken as printed ("(2011)" reads as a label "(2011)");
    # the numbering below it still makes the list numbered, not one unnumbered entry per line.
    text = "Some prose that closes the article.\n\nCited literature\n" + (
        "(2011)\n"
        "275610 (7pp)\n"
        "96 ZZN TS 41.207: \"Invented rules for the keeping of mill records\".\n"
        "97 Quarrell T, Ostrowe B, Lind K, Penn C, Stead R, Marlow P, Venn A, Harrow L, Brandt O,\n"
        "    Holm A (2008) Grain stores of the northern valleys and the tithe records of three\n"
        "    parishes. Proc Inv Acad Sci 105:3047–3052\n"
        "98 Venn A. Weirs and fish traps: their upkeep, resto-\n"
        "ration and survey on the western rivers. Inv Fish Rev.\n"
        "2008;5:903-4.\n"
        "99 Harrow L, Brandt O, Holm A (2007) Tidal mills as clocks of the coast and\n"
        "of the estuaries. Inv Hist Technol 6: 278-285.\n"
        "100 Stead R., Marlow P., and Penn C., “Water wheels of the north,” Inv. Econ. Hist., vol. 28,\n"
        "no. 3, pp. 120–130, 2010.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [96, 97, 98, 99, 100]
    assert entries[2][1] == "98 Venn A. Weirs and fish traps: their upkeep, restoration and survey on the western rivers. Inv Fish Rev. 2008;5:903-4."


def test_a_wide_gap_down_to_a_descending_numbering_after_a_numbered_section_heading() -> None:
    # "2. Materials and methods" opens a run of labels; "30." "29." "28." go on down in step from there:
    # a wide gap is taken downwards as upwards, so the entries are not swallowed by entry 2.
    refs = [
        "Quarrell T, Ostrowe B (2011) Grain stores of the northern valleys:\n        the tithe records. J Inv Agrar Hist 9:\n        14–29. doi: 10.5555/jiah.2011.9",
        "Penn, Carla, 2004 ‘Weirs’ in Lind, Karin and Olaf Brandt, eds,\n        Rivers of the West (Oslo: Inv Press), pp. 3-18.",
        "Venn A, Harrow L, Stead R (2010) Millers and their wheels in the\n        age of steam. Inv Econ Hist 31:201–219.",
        "Holm A (1999) Tidal mills as clocks of the coast. Inv Hist Technol\n        4: 55–71.",
    ]
    text = (
        "Prose of the introduction closes here with a sentence of its own.\n"
        "2. Materials and methods\n"
        "Grain samples were taken from three stores [12,13]. Seventy (10. 4%) were damp.\n"
        "The stores were surveyed twice, in spring and in autumn of the same year.\n"
    ) + "\n".join(f"{30 - n}. {ref}\n" for n, ref in enumerate(refs))
    entries = numbered_texts(text)
    assert [number for number, _ in entries][-4:] == [30, 29, 28, 27]
    assert [text.split(" ", 2)[1] for _, text in entries[-4:]] == ["Quarrell", "Penn,", "Venn", "Holm"]
    assert not any("Materials" in text and "Quarrell" in text for _, text in entries)


def test_a_label_two_on_from_the_number_before_a_mistyped_one_goes_on() -> None:
    # "9." misprinted as "19.": the "10." after it, before a string that opens oddly, is still the next label.
    text = _INTRO + (
        "7. Quaile B. An invented study of marsh reeds. J Inv Bot. 2001;3:11-19.\n"
        "8. Downey L, Marr A. 2004. Invented prosody of an invented tongue. Inv Papers 37.\n"
        "        167-186.\n"
        "19. The Invented Group (1990) An invented scale for the quality of marsh life. Inv Policy 16: 199–208.\n"
        "10. In the literature, the invented boundary condition is often called the new one. Inv Phys 4:\n"
        "        12-19, 2011. doi:10.5555/inv.2011.12\n"
        "11. Pell R, Stroud K. A last invented study of reeds. Inv Lett. 2012;9:40-49.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [7, 8, 19, 10, 11]
    assert entries[2][1].endswith("Inv Policy 16: 199–208.")
    assert entries[3][1].startswith("10. In the literature")


def test_a_label_past_a_gap_after_an_edition_and_its_ordinal() -> None:
    # "4th ed." closes an entry: the edition's number comes before it. Read as an "ed." waiting for its number, it
    # left entry 9 open, and label 15 past the gap went into it.
    lines = [
        "   8. Canales C, Bhatt AM, Scott R: Invented receptor kinase of the marsh cress. Curr Inv 2002, 12:1718-1727.",
        "   9. Quillon Marsh.   Invented Probability I.   New York,   1977.   4th ed.",
        "  15. Okafor, Harriet. (3 March 1991). Wardens vote on an invented harbour levy. Old Quay",
        "    and Marsh, 71(19), pp. 1, 10.",
        "  16. Venn A, Teerds KJ, Lind H. Induction of invented apoptosis in rat cells. J Inv Endocrinol 1997; 153:169-178.",
        "  17. Arvik A, Penn J (2009) Invented methionine in the marsh. Inv Cell 12:1-9. doi:10.5555/cell.2009.12",
    ]
    texts = entry_texts(_INTRO + "\n".join(lines) + "\n")
    assert len(texts) == 5, texts
    assert texts[1].endswith("4th ed.") and texts[2].startswith("15. Okafor, Harriet. (3 March 1991)")
