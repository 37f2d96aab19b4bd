"""List finding on layouts where text used to be lost: page notices inside entries, back-matter
words wrapped into a source, bullets, and page furniture of journals' own kinds (invented references)."""

from __future__ import annotations

import pytest

from tests.refstring.found import entry_raws
from vexascite.refstring import find_reference_lists
from vexascite.refstring.lists import describe, summarize


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def test_a_copyright_notice_inside_an_entry_is_furniture_and_the_list_goes_on() -> None:
    text = (
        "References\n\n"
        "1. Marlowe T (2003) Receptor reserve in smooth muscle. Annu\nRev Vasc Biol 41:220-248\n"
        "2. Orrin, K. (2001b). Networks of unequal exchange. Comparative\n"
        "© 2014 Northfield Press Ltd. All rights reserved.\n"
        "Sociology Review, 31, 610-633.\n"
        "3. Halvorsen, P. J. (1996). Sequential Decisions. Norwood, Boston.\n"
    )
    found = find_reference_lists(text)
    assert len(found) == 1
    assert [e.number for e in found[0].entries] == [1, 2, 3]
    assert found[0].entries[1].raw == "2. Orrin, K. (2001b). Networks of unequal exchange. Comparative\nSociology Review, 31, 610-633."


def test_a_content_line_between_two_pieces_of_furniture_stays_in_its_entry() -> None:
    text = (
        "References\n\n"
        "1. Marlowe T (2003) Receptor reserve in smooth muscle. Annu\nRev Vasc Biol 41:220-248\n"
        "2. Quist, A., Fenn, B.: A slicing tool for stack machines. In: Program\n"
        "- 14 -\n"
        "Analysis and Transformation, 2005. Proceedings. Fourth Annual\n"
        "NIH-PA Author Manuscript\n"
        "Symposium on, pp. 44-51. Northfield (2005)\n"
        "3. Halvorsen, P. J. (1996). Sequential Decisions. Norwood, Boston.\n"
    )
    second = find_reference_lists(text)[0].entries[1]
    assert "Analysis and Transformation, 2005. Proceedings. Fourth Annual" in second.raw
    assert "Author Manuscript" not in second.raw and "- 14 -" not in second.raw


def test_a_back_matter_word_wrapped_into_a_source_does_not_end_a_hanging_list() -> None:
    for tail in ("    Ethics 12: 101–119.", "    Ethics 12"):
        text = (
            "References\n\n"
            "Marlowe T (2003) Receptor reserve in smooth muscle. Annu\n    Rev Vasc Biol 41:220-248\n"
            "Brandt IK, van Soest PL (2006)\n    Shared decisions in stroke units. Nurs\n" + tail + "\n"
            "Halvorsen, P. J. (1996). Sequential Decisions. Norwood, Boston.\n"
            "Ekdahl R, Moss T (2005) Why do tumours ferment? Cell Rev 3: 77–90. doi: 10.5555/cr.3.77\n"
        )
        raws = entry_raws(text)
        assert len(raws) == 4, raws
        assert raws[1].endswith(tail)


def test_page_furniture_of_journals_inside_entries() -> None:
    text = (
        "References\n\n"
        "1. Marlowe T (2003) Receptor reserve in smooth muscle. Annu\n"
        "QUIST ET AL.                      23\n"
        "Rev Vasc Biol 41:220-248\n"
        "2. Fenwick CJ, Ode PJ (2005) Sensing of hypoxia by prolyl\n"
        "23          Lancet Haematol 9;4 lancet-example.org March 14, 2021\n"
        "hydroxylases. Cell Rev Mol Biol 6:101-120\n"
        "3. Halvorsen, P. J. (1996). Sequential Decisions. Norwood,\n"
        "Published by Northfield University Press on behalf of the Society for Vascular Study.\n"
        "Boston.\n"
        "4. Ekdahl R, Moss T (2005) Why do tumours ferment\n"
        "25\tHaematology\tVolume 118\n"
        "so much? Cell Rev 3: 77–90. doi: 10.5555/cr.3.77\n"
        "5. Lund J, Pratt J (2008) When fairness meets loyalty: progressives\n"
        "Journal of Vascular Immunology (2004) 38:170–182\n"
        "hold intuitions that others may not share. Soc Rev 21(2):99-117\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 5
    for furniture in ("QUIST", "lancet-example", "Published by", "Volume 118", "Vascular Immunology"):
        assert not any(furniture in raw for raw in raws), furniture


def test_every_bullet_opens_an_entry_and_a_bulleted_string_may_open_with_digits() -> None:
    text = (
        "Signals were compared across sites [3].\n\n"
        '- 4GXX TS 31.220: "Radio interface general aspects".\n'
        "- Marlowe T (2003) Receptor reserve in smooth muscle. *Annu Rev Vasc Biol* 41:220-248\n"
        "- Halvorsen, P. J. (1996). Sequential Decisions. Norwood, Boston.\n"
    )
    found = find_reference_lists(text)
    assert [e.number for f in found for e in f.entries] == [None, None, None]
    assert found[0].entries[0].text.startswith("4GXX TS 31.220")
    bullets = (
        "Literatuur\n\n"
        "•  Halvorsen, P. J. (1996). Sequential Decisions. Norwood, Boston.\n"
        "•  Whitcombe, Daniel R. 1993. The Fourth Wave: Reform in the\nEarly Modern Period. Norman, Okla.: Plains University Press.\n"
        "•  Dunmore SA, Pell LK. A zebrafish Notch-5 homologue in the\nregenerating retina. Dev Biol Rep. 1999;21:210–225.\n"
    )
    entries = [e for f in find_reference_lists(bullets) for e in f.entries]
    assert len(entries) == 3
    assert entries[1].text.startswith("Whitcombe") and entries[1].text.endswith("Plains University Press.")


def test_no_letter_of_the_documents_is_lost() -> None:
    """Every letter of these documents is in an entry or in a line the finder set aside as furniture."""
    text = (
        "References\n\n"
        "1. Orrin, K. (2001b). Networks of unequal exchange. Comparative\n"
        "© 2014 Northfield Press Ltd. All rights reserved.\n"
        "Sociology Review, 31, 610-633.\n"
        "2. Halvorsen, P. J. (1996). Sequential Decisions. Norwood, Boston.\n"
    )
    found = find_reference_lists(text)
    kept = _letters("".join(e.raw for f in found for e in f.entries))
    assert kept == _letters(text.replace("References", "").replace("© 2014 Northfield Press Ltd. All rights reserved.", ""))
    assert "numbered 1-2" in describe(summarize(found[0]))


ONE_PER_LINE = [
    "Kenwood A, Brill T (2011) A first invented study of things. J Inv Res 12:101-109.",
    "Lantry B, Osei K (2012) A second invented study of stuff. J Inv Res 13:110-119.",
    "Marsh C, Ng L (2013) A third invented study of matter. J Inv Res 14:120-129.",
    "Petrov D, Quay M (2014) A fourth invented study of form. J Inv Res 15:130-139.",
    "Rios E, Sato N (2015) A fifth invented study of shape. J Inv Res 16:140-149.",
]


def test_a_line_of_authors_without_a_year_set_against_a_list_of_one_line_references_is_an_entry() -> None:
    line = "B. Corvin, T. Adeyemi, and L. Strand. Analysis of a fair invented scheduler. Networks:Theory and Practice, 2 5-19"
    text = "The data suggest that a triplicated exon made this precursor.\n\n" + line + "\n" + "\n".join(ONE_PER_LINE) + "\n"
    texts = [e.text for f in find_reference_lists(text) for e in f.entries]
    assert texts == [line, *ONE_PER_LINE]


def test_lines_of_a_lists_region_in_no_entry_are_said_with_their_line_numbers() -> None:
    text = "\n".join(ONE_PER_LINE[:3]) + "\nReceived in revised form 2 March\n"
    found = find_reference_lists(text)
    assert [len(f.entries) for f in found] == [3]
    assert found[0].left_out == [4]
    assert "lines in no entry (not page furniture): 4" in describe(summarize(found[0]))
    headed = "References\n\n" + "\n".join(ONE_PER_LINE) + "\n"
    assert [f.left_out for f in find_reference_lists(headed)] == [[]]


def _bare_list(first: int, count: int) -> list[str]:
    return [
        f"{n} Author{chr(65 + n % 26)}x Q, Bellamy R (20{10 + n % 10}) Invented finding number {n}. J Inv Res {n}:{n}0-{n}9."
        for n in range(first, first + count)
    ]


def test_a_continuation_that_opens_with_a_number_already_taken_is_text() -> None:
    lines = _bare_list(8, 4)
    lines.insert(4, "12 Ostrander C, Vail F, Rudd P et al. Factors linked to lapses in long-term therapy: A")
    lines.insert(5, "10 year follow-up analysis with imputed visits. J Inv Ther. 2010; 65: 711-718.")
    lines.append(_bare_list(13, 1)[0])
    text = "Bibliografía\n\n" + "\n".join(lines) + "\n"
    found = find_reference_lists(text)
    assert [e.number for f in found for e in f.entries] == [8, 9, 10, 11, 12, 13]
    assert found[0].entries[4].raw.endswith("711-718.")


def test_a_year_alone_after_a_page_break_ends_the_entry_left_open_above_it() -> None:
    text = (
        "Author Manuscript\n"
        "54  Harwood, Tessa, and Ivo Quill. The Patterned Mind: Helping\n"
        "Many Kinds of Learner Succeed. Boston: Larch House,\n\n"
        "41\tHaematology\tVolume 105\n\n"
        "2015.\n"
        + "\n".join(n.replace(f"{i} ", f"{i}  ", 1) for i, n in zip(range(55, 58), _bare_list(55, 3), strict=True)) + "\n"
    )
    found = find_reference_lists(text)
    assert [[e.number for e in f.entries] for f in found] == [[54, 55, 56, 57]]
    assert found[0].entries[0].text.endswith("Larch House, 2015.")


def test_a_line_that_carries_the_number_between_its_neighbours_is_no_page_footer() -> None:
    text = "References and Notes\n\n" + "\n".join(
        [
            "  31Ravel, Anton 1957. “The Theory of Kinds in Invented Dialogues.” Revue Imaginaire 9. 32 (2): 221-236",
            "  32Quayle Mann, Harriet. “Invented Views of Old Towns in Film.” Quarterly Review of Invented Film, 2011.",
            "  33Aust Inv Vet J Vol 80, No 6, June 2002 431",
            "  34Journal of Invented Materials 169 (2010) 567–590",
            "  35Lorrain E, Sole C. Invented complexes: growth and staining patterns. J Inv Res 2004; 12: 1-9.",
        ]
    ) + "\n"
    found = find_reference_lists(text)
    assert [e.number for f in found for e in f.entries] == [31, 32, 33, 34, 35]


def test_page_breaks_inside_entries_keep_their_text() -> None:
    text = (
        "References\n\n"
        "4 Rask S, Lund RN (2004) Nitrogen loss in invented sediments. Limnol Inv 49:1493-1502\n"
        "5 Ajdari JA, Fenn J, Ito K, et al. Phase\n"
        "Journal of Vascular Immunology (2018) 31:224–236\n"
        "© 2006 Northfield Press Ltd. All rights reserved.\n"
        "I study of an invented drug in gastric disease. J Inv Oncol. 2005;23:6957-65.\n"
        "6 Aldous HP Jr, del Prado G, Albers MJ, Bhatt DL, Brass L, Furlan A,\n"
        "33\n"
        "Grubb RL, Hale RT, Jauch EC: Guidelines for invented care of adults with stroke\n"
        "BECK ET AL.      34\n\n"
        "Author Manuscript\n"
        "in an invented setting. Stroke Inv 2007, 38(5):1655-1711.\n"
        "7 Lindqvist S, Lesh T, Guo F. Synthesis of invented rattle-type particles.\n"
        "Interfaces Inv. 2013. 5(7): 2540-2548.\n\n"
        "ARTICLE IN PRESS\n"
        "19\tHaematology\tVolume 136\n\n"
        "http://dx.doi.org/10.5555/inv.2013.77\n"
        "J Inv Med. 2021;93(4):200–209\n"
        "8 R. J. D. Millward, Science Inv 343, 1108 (2014).\n"
        "9 A. J. Larsen, J. Thale, and W. J.\n\n"
        "ARTICLE IN PRESS\n"
        "Author manuscript; available in PMC 2021 January 01.\n\n"
        "Waalberg, JHEP Inv 11,129 (2014), arXiv:1408.0000.\n\n"
        "Figure 1. Invented results.\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 6, raws
    assert "© 2006" not in raws[1] and "Vascular Immunology" not in raws[1] and raws[1].endswith("6957-65.")
    assert "\n33\n" not in raws[2] and raws[2].endswith("38(5):1655-1711.")
    assert raws[3].endswith("http://dx.doi.org/10.5555/inv.2013.77") and "J Inv Med" not in raws[3]
    assert raws[5].endswith("arXiv:1408.0000.")


def test_a_year_in_a_hanging_indent_and_prose_before_a_list_with_no_heading() -> None:
    prose = (
        "Probe filtering is an invented step of the pipeline since\nit yields counts that may point to a clearer\n"
        "understanding of the phenomenon (Smith et al., 2010). The\nmedian level was higher in cases than in controls.\n\n"
    )
    refs = (
        "Wendt HY, Tao J, Shum E, Malin CC: Invented receptor-\n    associated anchoring proteins: AKAP7 and AKAP9 (gravin).\n"
        "McGrath, R. K. (2004). Invented Hazard and\n    Risk Analysis. Invented Institute, Berkeley, CA.\n"
        "Seow SB, McNab P, Hahn S, Tanner A, Lowe WS, Chakra D\n    (2001) Regulation of invented acetylation by\n    a complex. Cell Inv 104:119-130\n"
        "Brun E, Peters O, Schwarz L, Basle K\n    (1997) Invented cofactor that binds upstream of a receptor. Nature Inv 385:911-915\n"
    )
    found = find_reference_lists(prose + refs)
    assert [e.number for f in found for e in f.entries] == [None, None, None, None]
    assert found[0].entries[2].raw.endswith("Cell Inv 104:119-130")


def test_a_number_one_alone_inside_an_entry_left_open_is_its_text() -> None:
    entries = "".join(f"{n}.\nAuthor{chr(64 + n)} Q, Bell R. Invented finding {n}. J Inv Res. 2010;{n}:{n}0-{n}9.\n" for n in range(1, 4))
    text = "REFERENCES\n\n" + entries + "4.\nBryce P, Tolan NJ, Lemke M, Jonas\n1.\nMP, Hurley M. Invented census of 12,000 adults. Arch Inv Med. 2002;162:2011-2018.\n"
    found = find_reference_lists(text)
    assert [[e.number for e in f.entries] for f in found] == [[1, 2, 3, 4]]


def test_blank_lines_between_entries_with_a_first_line_indent() -> None:
    text = (
        "Works Cited\n\n"
        "  van der Berg PA, Barlow AN: Transient invented adhesion: the\nrole of weak invented interactions. Trends Inv Sci 1994,\n19:354-358.\n\n"
        "  Colvin CM, Pan E: Invented pump kinetics shaping dendritic\nspike timing in invented neurons. Nature Inv 2002,\n5(6):617-622.\n\n"
        "  Ekdahl R, Moss T (2005) Why do tumours ferment\nso much? Cell Rev 3: 77–90. doi: 10.5555/cr.3.77\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 3 and raws[0].endswith("19:354-358.") and raws[1].endswith("5(6):617-622.")


PROSE = (
    "DESIGN An invented review and meta-analysis. PCR was performed with\n"
    "invented primers and a hybridisation step with probes for low (type 6,\n"
    "11, 40, 41, 43, 47), middle (type 31, 32, 35, 38, 51, 53, 57, 59,\n"
    "66 and 68) and high-risk types (type 16, 18, 46 and 55) (Smith et al.,\n2014).\n\n"
    "The expression levels of an invented receptor were further examined by\n"
    "several methods (Smith et al., 2007). Moreover, cell accumulation in tumours was\n"
    "slightly lower after exercise, and the count of invented cells fell in\n"
    "exercised mice (Smith et al., 1998).\n\n"
)


def test_prose_paragraphs_that_cite_are_not_entries_and_a_number_wrapped_in_prose_is_no_label() -> None:
    body = "Bibliography\n\n" + "\n".join(ONE_PER_LINE) + "\n"
    found = find_reference_lists(PROSE + body)
    assert [(f.heading, len(f.entries)) for f in found] == [("Bibliography", 5)]


def test_a_list_with_no_heading_after_prose_with_a_hanging_indent_set_with_a_tab() -> None:
    refs = (
        "Haavisto T, Lind H, Koskinen K. Prevalence of an invented\n\tcondition in young men. BMJ Inv (1990) 301:266-268.\n"
        "Nonlinear Invented Systems\n\t24\n\t(2011)\n\t1975–1986\n"
        "D. Maxwell, Solutions of invented constraint equations with\n\tboundaries. Commun. Inv. Phys. 253 (2005), 561-583.\n"
        "Lee, D. Y., Brooks, B., and Keller, M. T.\n\t(1998a). Fibrillin is an invented marker of\n\tvessel growth. Nature Inv 393, 311-318.\n"
    )
    found = find_reference_lists(PROSE + refs)
    assert [e.number for f in found for e in f.entries] == [None, None, None, None]


def test_supporting_information_after_an_entry_left_open_ends_the_list() -> None:
    text = (
        "References\n\n"
        "  7.\tKorvin, S. (2004). Les corps inventés dans l'art. Champ Inv, 35, p. 61-74.\n"
        "  8.\tKimball Y, Otto H (2013) An invented model of tumour interactions. Bull Inv Biol 75: 1304–1350.\n"
        "  9.\tSalvo CT, Ouyang DW, Peder TS. Invented care for pulmonary\nnodules. Ann Inv Surg.\n1998;65(5):1502-9. DOI:\n\n"
        "Supporting information\nS1 Table. Clinical features of the 12 invented patients. (DOCX)\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 3 and raws[2].endswith("DOI:")


def test_a_volume_wrapped_into_a_hanging_indent_is_not_the_next_label() -> None:
    text = (
        "References\n\n"
        "25.  Reed, T. J., and Garner, H. G., When the invented ward is full:\n"
        "   hourly counts of an invented department.\n   Acad. Inv. Med. 8(11):1112-1117, 2001.\n"
        "26.  Сперанов, Михаил Н. 1927. Славянские рукописи в вымышленном собрании.\n"
        "   Известия вымышленного отделения\n   27. 44-118.\n"
        "27.  Merin V, Ong K, Baez R: Invented shifts in glucose tolerance from\n   birth to age three. Diabetologia Inv 2005, 48:2711-2716.\n"
    )
    found = find_reference_lists(text)
    assert [e.number for f in found for e in f.entries] == [25, 26, 27]
    assert found[0].entries[1].raw.endswith("27. 44-118.")


def test_a_copyright_notice_between_two_entries_of_a_list_with_no_heading_is_no_part_of_either() -> None:
    lines = list(ONE_PER_LINE)
    lines[1] += "\n© 2006 Northfield Press Ltd. All rights reserved."
    found = find_reference_lists("\n".join(lines) + "\n")
    assert [e.text for f in found for e in f.entries] == ONE_PER_LINE


INDENTED_HANGING = (
    "  Varga JN, Nolte RL, Sun Q (2014) The invented layout of pod\n"
    "  \tfilling in beans. Inv Genes 4(11):2311–2320.\n"
    "  Marini, E. and Pardo, G. (1992) \"Invented annealing: A\n"
    "  \tnew sampling scheme\", Inv Letters, vol. 19, pp.\n"
    "  \t451-458.\n"
    "  Koenig BW, van Tol MW: Diagnosis of invented back\n"
    "  \tpain. Brit Inv J 2006, 332:1430-1434.\n"
)


def test_an_indented_hanging_list_followed_by_prose_that_cites_is_cut_at_its_own_indents() -> None:
    # The paragraph after the list is flush left; its sentences end on their citations ("[7]. Consistent").
    prose = (
        "\nHere we show that in invented cells, about 1% of residues used in synthesis are changed\n"
        "in the way the model says [7]. Consistent with this idea, here we show that the invented\n"
        "deletion leads to a marked rise of a range of elements, in particular in stem cells and\n"
        "in early embryos [23]. The invented cells were sorted into one or two fractions.\n"
    )
    found = find_reference_lists("Cited Literature\n" + INDENTED_HANGING + prose)
    entries = [e.text for f in found for e in f.entries]
    assert len(entries) == 3 and entries[1].startswith("Marini") and entries[2].endswith("332:1430-1434.")


def test_an_indented_hanging_list_with_no_heading_followed_by_a_legend_and_a_table() -> None:
    text = (
        INDENTED_HANGING + "\nFigure legends\n\nFigure 1 Response to an invented drug at 3 and 6 months.\n\n"
        "Table 2. Characteristics of the invented patients\nCharacteristic\tDrug A (n = 18)\tDrug B (n = 12)\n"
        "Age, median (range), y\t67 (54-81)\t70 (58-85)\n"
    )
    entries = [e.text for f in find_reference_lists(text) for e in f.entries]
    assert len(entries) == 3 and entries[0].startswith("Varga") and entries[2].startswith("Koenig")


def test_a_string_that_carries_its_own_number_inside_a_list_with_no_heading_is_no_numbered_list() -> None:
    refs = (
        "  Furlan, G. W., Lander, T. K. (1987). The invented vocabulary problem. Commun Inv, 31(2), 1102-1109.\n"
        "  Wegner I, Witt C (2005) On invented monotone polynomials. Combin Inv Comput 15:311-329\n"
        "  [13] Soldano D, Dubrem J F, et Lebrun M. Invented rhoptry enzymes: chemical\n"
        "  \tneeds for entry. Int J Inv Parasitol, 2001, vol. 32, no 9, p. 1411-1420.\n"
        "  Gaillard MH, Brinton LA, Byar DP: Projecting invented probabilities\n"
        "  \tof breast cancer. J Natl Inv Inst 1990, 82: 1911-1918.\n"
        "  Jonas, Z. F., and C. E. Bock. 2005. The invented sparrow and Arizona\n"
        "  \tgrasslands. Condor Inv 107: 731-741.\n"
    )
    prose = (  # one long line of prose, flush left, before the list
        "We found invented traps in the fluids of the invented patients, and their amounts matched the model [26]. "
        "The same traps were seen in the invented mice, whose lungs were studied in the same way.\n\n"
    )
    entries = [e.text for f in find_reference_lists(prose + refs) for e in f.entries]
    assert len(entries) == 5 and entries[2].startswith("[13] Soldano") and entries[3].startswith("Gaillard")
    bulleted = prose + "  •\t[15] R. M. Waldo, Invented Relativity, University of Inv Press (1984).\n" + "".join(
        f"  •\t{line}\n" for line in ("Brandt B (2006) Invented fluid therapy. Best Pract Inv 20(2):265-283.",
                                     "Simmons BD, Clever H (2011) Invented stem cell renewal. Cell Inv 145: 851-862.",
                                     "Melman KL, Rose SW (1964) An invented disease. Am J Inv 36:595-617")
    )
    assert len([e for f in find_reference_lists(bulleted) for e in f.entries]) == 4


def test_a_copyright_notice_in_a_block_of_page_furniture_between_unnumbered_entries_does_not_end_the_list() -> None:
    text = (
        "References\n"
        "Rossi MH, Porta D, Okada MD: Invented dialysis as a cause of late\nkidney scarring. J Inv Care Med\n2008, 23:41-56.\n"
        "BECK ET AL.                        42\n"
        "Downloaded from https://academic.example.org/inv/article/61/8/5705/6831475 by guest on 01 June 2024\n"
        "© 2012 Northfield Press Ltd. All rights reserved.\n"
        "The Invented Group (1990) A new scale for the rating of\ninvented quality of life. Health Inv 16: 233-241.\n"
        "Karlson, J., Invented speech recognition in air traffic control. Inv Report 12, 1990.\n"
    )
    found = find_reference_lists(text)
    assert len(found) == 1 and len(found[0].entries) == 3
    assert found[0].entries[1].text.startswith("The Invented Group") and "©" not in found[0].entries[0].raw


def test_one_reference_a_line_with_no_heading_a_string_with_its_own_number_and_a_table_after() -> None:
    prose = (
        "A factor analysis of ten invented analytes found a single factor that joins the\n"
        "variance of four invented hormones (Smith et al., 2006). In this study, we found invented\n"
        "sites in human cells derived from invented stem cells (Smith et al., 2015).\n\n"
    )
    refs = [
        "Mora EA, Ward AD, Pick CR (2013) Invented heterogeneity and outcome. Cancer Inv 119:3034-3042.",
        "Skagen NO, Eken T: Scoring of invented injury. Injury Inv 2007, 38:84-90. doi:",
        "Association of Invented Agencies. 2012. Field guidance for invented plans. Washington, D.C., USA.",
        "Placer EJS, Gilmore GC (1980) Invented organization. J Inv Psychol 89: 409-418.",
        "Chong, (K)Hyun Je, Kyung Eun Chong, 1996, Recognition of invented scores, Journal of Inv 2 (4): 461-73.",
        "Cooke, N. (2003). Music as invented performance. In Martin Clay, et al. (Ed.), The",
        "77. Tarnov A. 1989. Nature of invented immunity. Rev Inv Dis 11: 440-451.",
        "Steel, R.: Invented markers in closed flow circuits, vol. 1. Springfield, Ill.: Ch. B. Marsh.",
    ]
    table = "\nTable 3   Invented factors associated with relapse\nVariable      HR    95% CI    p\nAge           1.2   0.9-1.5   0.2\n"
    entries = [e.text for f in find_reference_lists(prose + "\n".join(refs) + "\n" + table) for e in f.entries]
    assert entries == refs


def test_a_number_closing_an_entry_left_open_is_kept_though_page_furniture_sits_two_lines_away() -> None:
    text = (
        "References\n"
        "Page 39 of 47\n"
        "Balint-Church, M., & McCann, D. 1992, ApJ Inv, 400,\n"
        "699\n"
        "Jogi, C.J., Salomon, P.M., 1984, ApJ Inv, 276, 114\n"
        "Bangs DR: Preventing invented resistance through better care. Inv Med 2002, 12:1-9.\n"
    )
    entries = [e.text for f in find_reference_lists(text) for e in f.entries]
    assert entries[0] == "Balint-Church, M., & McCann, D. 1992, ApJ Inv, 400, 699" and len(entries) == 3


def test_en_dash_bullets_open_items_that_start_with_digits_or_a_ditto_dash() -> None:
    # Where a list's bullets are en dashes, "– 2004:" and "– –––––." are bullets too, not a dash for an author.
    text = "REFERENCES\n" + "".join(
        f"– {ref}\n"
        for ref in (
            "2004: Ilse Maurer, Kurt Henning: Invented Studies of Rivers. In: Brandt, Olga: Waters. Graz (Inv Press), 11-24",
            "4th Invented Conference on Coastal Engineering May 2-5, 2001 Bergen, Norway",
            "Quarrell T, Ostrowe B (2011) Grain stores in the northern valleys. Agrar Rev 12:45-67",
            "Venn, P. (2010), 'Tidal mills of the north', Inv. Hist. Technol., 8(2), 22-31. DOI: 10.5555/ihtech.2010.08",
            "–––––. Millers and Their Wheels. Edited by Anna Holm. Oslo: Invented Press, 2012.",
        )
    ) + "\nFunding\nThis work was funded by an invented grant.\n"
    raws = entry_raws(text)
    assert len(raws) == 5
    assert raws[0].startswith("– 2004: Ilse Maurer") and raws[4].startswith("– –––––. Millers")


@pytest.mark.parametrize(
    "heading",
    ["# Hivatkozások", "Felhasznált irodalom", "Referințe", "Tài liệu tham khảo", "Література", "參考文獻",
     "Rujukan", "Kirjandus", "Literaturhinweise", "Fonti bibliografiche", "منابع", "เอกสารอ้างอิง"],
)
def test_reference_headings_in_more_languages_open_an_author_year_list(heading: str) -> None:
    """Paragraphs of author-year references under a heading in Hungarian, Romanian, Vietnamese, Ukrainian, Chinese,
    Malay, Estonian, German, Italian, Persian or Thai: every one an entry (the first two were lost when the heading
    was not known and the list was looked for with no heading)."""
    refs = [
        "Haldane PK. Sleep and tidal rhythm in an invented coastal cohort of adults:\nInvented rhythms Coast Res 2009; 41:210-216.",
        "Devitt, Terry. \"Lightning over an invented festival.\" The Invented Files. 2 Aug.\n2001. 23 Jan. 2002 <http://example.org/137lightning/index.html>.",
        "Pellinen J, Obuya CS: Salt marsh birds of an invented coast. Coast Res 1987,\n3:12-19. doi:10.5555/cr.3.12",
        "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a model\nfjord. J Fjord Res 12:45-52.",
    ]
    text = "# Title\n\nMarrow counts fell after the first cycle (Haldane, 2009).\n\n" + heading + "\n\n" + "\n\n".join(refs) + "\n"
    assert entry_raws(text) == refs


def test_a_source_alone_between_blank_lines_is_an_entry_where_no_page_furniture_shows_page_breaks() -> None:
    """``Curr Opin Inv Biol 1998, 8:578-586`` between blank lines in a list set apart by blank lines, in text with
    no page furniture anywhere: an entry (a string cut short), not a journal's page footer (it was dropped)."""
    refs = [
        "Haldane PK, Ruiz MT (2009) Sleep and tidal rhythm in an invented coastal cohort of\nadults. Coast Res 41:210-6.",
        "Curr Opin Inv Biol 1998, 8:578-586",
        "Pellinen J, Obuya CS (1987) Salt marsh birds of an invented coast. Coast Res 3:12-19.",
        "Quillfeather AB (2004) Seasonal drift of invented plankton. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12",
    ]
    text = "Body text of the article ends here.\n\nReferences\n\n" + "\n\n".join(refs) + "\n"
    assert entry_raws(text) == refs


def test_a_journal_footer_alone_between_blank_lines_inside_an_entry_left_open_is_furniture() -> None:
    """``Front. Inv. 264:4684. doi: 10.5555/finv.2020.4684`` between blank lines under ``Northern Journal of``, in
    text with no other furniture: the page's foot cutting the entry, not an entry."""
    refs = [
        "Quarrie JJ, Ostlund LA (1996) How invented marsh antibodies wane in a group of\n"
        "rowing students. J Inv Marsh 174: 927-936. doi: 10.5555/jim/174.5.927",
        "Tolliver, G. J., Brandeis, C. R. (2005). Invented reactions to a flood in an invented town:\n"
        "a survey of residents of two valleys. Northern Journal of\n"
        "Invented Psychology, 190, 350-356.",
    ]
    broken = refs[1].replace("Journal of\n", "Journal of\n\nFront. Inv. 264:4684. doi: 10.5555/finv.2020.4684\n\n")
    text = "Body text of the article ends here.\n\nReferences\n\n" + refs[0] + "\n" + broken + "\n"
    assert entry_raws(text) == refs


def test_a_journal_footer_alone_between_blank_lines_under_an_author_year_head_is_furniture() -> None:
    """``Inv Blood. 2010; 385(5)`` between blank lines under ``Delmar, R.A., ... 1972.`` (a line that ends as a
    reference may, but only the authors and year of one): the page's foot cutting the entry."""
    refs = [
        "Orme-Hale, E. and Vintner, B. (Eds.), 1981. Invented ways of\nfishing, Inv University Press, Bergen.",
        "Delmar, R.A., K.R. Brack, and L.L. van Daalen. 1972.\n"
        "What invented lipids need to bind a film of water. Acta Inv. 255:311-320.",
    ]
    broken = refs[1].replace("1972.\n", "1972.\n\nInv Blood. 2010; 385(5)\n\n")
    text = "Body text of the article ends here.\n\nReferences\n\n" + refs[0] + "\n" + broken + "\n"
    assert entry_raws(text) == refs
