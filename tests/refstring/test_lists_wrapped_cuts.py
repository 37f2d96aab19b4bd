"""Cutting wrapped unnumbered reference text (PDF-like lines, no blank lines, no indents) into entries."""

from __future__ import annotations

import pytest

from tests.refstring.found import entry_texts, raws_by_list
from vexascite.refstring import find_reference_lists
from vexascite.refstring.labels import label_of
from vexascite.refstring.lists import (
    ListEntry,
    ReferenceList,
    _apa_opening_after,
    _Finder,
    _years_not_numbers,
)

_INTRO = "Body text of the article ends here with a final sentence.\n\nReferences\n\n"


def test_a_journal_named_like_back_matter_with_volume_issue_and_pages_goes_on() -> None:
    text = _INTRO + (
        "Harlow, Q., & Venn, T. (2013). Virtue and markets: Towards a common ground for\n"
        "firms. Journal of Business\n"
        "Ethics, 112(3), 401–417.\n"
        "Marsh, P. (2010). Trust in small firms. Small Business Review, 8, 22-31.\n"
        "Ostrander K, Lee M. Wages and tenure in rural clinics. Health Econ. 2012;21:66-79.\n"
    )
    texts = entry_texts(text)
    assert texts[0].endswith("Journal of Business Ethics, 112(3), 401–417.")
    assert len(texts) == 3


def test_years_at_line_starts_in_a_list_without_heading_are_no_numbering() -> None:
    text = (
        "Some prose that closes a section of the paper without any heading after it.\n\n"
        "Quill, A. B., T. R. Marsh, and C. D. Penn.\n\n"
        "J Clin Invest. 2019;127(5):5401–9246\nARTICLE IN PRESS\n"
        "Downloaded from https://academic.example.org/journal/article/278/10/1924 by guest on 20 May 2024\n\n"
        "1987. Winter range of elk in northern valleys. Journal of Range Studies 40: 515–527.\n"
        "Dorn M, Leto K: Genetic models of fur colour. Genetics 2004, 168:2295-2306.\n"
        "Sato H, Brill T (2005) Kinetics of a small enzyme. Proc Natl Acad Sci USA 102:14112-14117\n"
        "Gale, R. T., Solar Cells and Their Uses, Albion House Press,\n"
        "1998.\n"
        "Ekberg S, Hamid M, Tan A. Glutathione in liver injury. Adv Exp Med Biol. 2019;1121:41-58.\n"
        "Ruiz P, Okafor N. Sulfur cycling in estuaries. Aquat Microb Ecol. 2018;36:293-304.\n"
        "Lemke UK (1970) Cleavage of coat proteins of a phage. Nature 227:680-685\n"
    )
    texts = entry_texts(text)
    assert not any(t.startswith(("1987.", "1998.")) for t in texts)
    assert any(t.startswith("Dorn M, Leto K") for t in texts)
    assert any(t.startswith("Ruiz P, Okafor N") for t in texts)


def test_a_publisher_and_year_after_a_semicolon_close_a_book_before_names_in_another_script() -> None:
    text = _INTRO + (
        "Tamsin Okoro, Lydia Brandt, Paul Sefton. Isolation of twelve flavonols from leaf\n"
        "extracts of Brassica rapa. Phytochemistry 71(8):1017-1029\n"
        "Varga R. Long Winter. Tor; 2004.\n"
        "김민수, 1998, 남부 지역 토기의 몇 가지 특징, 고고학연구 25-2, 한빛대학교 인문연구소.\n"
        "Delorme, Anne, « Poésie et mémoire au XVIIe siècle », Revue Lettres, n°12, 1994, p. 39-52.\n"
    )
    texts = entry_texts(text)
    assert "Varga R. Long Winter. Tor; 2004." in texts
    assert any(t.startswith("김민수, 1998") for t in texts)


def test_authors_with_a_capitalised_particle_after_a_physics_style_source() -> None:
    text = _INTRO + (
        "Tobin R, Malley J, Hart S. Are survival rates of small mammals explained by\n"
        "body size and diet? Ecol Appl 11:1833-1846\n"
        "B. Jansen, L. Rask, M. Fedin, E. Gallo, Rev. Mod. Phys. 77 (2005) 318.\n"
        "Van der Berg GR, Morton DC, Duval RS, Olsen JGJ, Kasper PS, et al. Carbon losses from\n"
        "peat fires. Nat Geosci. 2011;4: 737–8.\n"
    )
    texts = entry_texts(text)
    assert "B. Jansen, L. Rask, M. Fedin, E. Gallo, Rev. Mod. Phys. 77 (2005) 318." in texts
    assert any(t.startswith("Van der Berg GR") for t in texts)


def test_full_apa_authors_and_year_open_an_entry_after_a_line_without_a_stop() -> None:
    text = _INTRO + (
        "Nolan R., Brisk-Hale, P., Moretti J., Vance A. “The Costs and Benefits of Shared Clinics”,\n"
        "working paper in progress\n"
        "Quarles, H., & Nemeth, D. (2001). Assessing tuition aid. Journal of Labor Studies, 39(3), 483-568.\n"
        "Ibsen, K. (1999). Small ponds. Freshwater Biology, 12, 3-9.\n"
    )
    texts = entry_texts(text)
    assert any(t.endswith("working paper in progress") for t in texts)
    assert any(t.startswith("Quarles, H., & Nemeth, D. (2001).") for t in texts)


def test_a_headless_run_of_year_labels_out_of_step_is_no_numbering() -> None:
    def run(numbers: list[int], heading: str | None = None) -> ReferenceList:
        entries = [ListEntry(text=f"{n}. Title of a study. J Test 4: 1-9.", line=i + 1, number=n) for i, n in enumerate(numbers)]
        return ReferenceList(label="references-1", heading=heading, line=1, entries=entries, style="dot")

    assert _years_not_numbers(run([1987, 1998]))
    assert not _years_not_numbers(run([1987, 1988]))  # in step: a numbering that reached the 1980s
    assert not _years_not_numbers(run([1987, 1998], heading="References"))
    assert not _years_not_numbers(run([1987]))  # one label: the lone-label rules judge it
    assert not _years_not_numbers(run([12, 25]))
    # One bracketed year stopped as author-year references print it: the piece of an entry carried over to the top.
    carried = ReferenceList(label="references-1", heading=None, line=1, style="round", entries=[
        ListEntry(text="(2010). Title of a study. J Test 4: 1-9.", line=1, number=2010)])
    assert _years_not_numbers(carried)


_PROSE_LINE = (
    "We measured the response of the cohort over three seasons and found that the effect of the treatment was small, "
    "that it faded after the first season, and that the patients who left the study early differed from those who stayed."
)


def test_a_bracketed_year_and_pages_wrapped_to_a_line_start_are_no_label_and_one_line_prose_is_no_entry() -> None:
    text = (
        f"{_PROSE_LINE}\n\n{_PROSE_LINE}\n\n"
        "Marr, J. W. (2008). Context and memory in the rat. Learn Mem. 15, 573-585.\n"
        "Hale D, Moss SL, Lin CC: The role of zinc in protection from noise. Ann NY Acad Sci 1998,\n"
        "884:368-380.\n"
        "C. L. Gao, M. Ling, and R. P. Lin, Phys. Rev. E 86\n"
        "(2012) 026611.\n"
        "Nordin SH, Ritter MD, Jensen SD: Drug transporters and tumour status. Pharmacogenet Genomics 2008, 18:241-250.\n"
        "Frisk, K.J., and Ashby, J. (2004). Generative models of anatomy. NeuroImage 23, 21–24.\n"
    )
    texts = entry_texts(text)
    assert "C. L. Gao, M. Ling, and R. P. Lin, Phys. Rev. E 86 (2012) 026611." in texts
    assert not any(t.startswith("(2012)") for t in texts)
    assert any(t.startswith("Marr, J. W. (2008).") for t in texts)
    assert not any(t.startswith("We measured") for t in texts)


def test_two_authors_set_in_lower_case_open_an_entry_after_a_closed_one() -> None:
    text = _INTRO + (
        "Tolland, J. R. (1936) 1983. Dragons: The singers and the scholars. In The scholars and later papers,\n"
        "ed. Christine Tolland, 1–52. London: Allan & Unwin.\n"
        "lin S-C, wong Y-C. Elastographic signs of ductal lesions of the liver. Br J Fict Radiol. 2004;77:713-6.\n"
        "Ames, K. (2003). Small ponds. Freshwater Biology, 12, 3-9.\n"
    )
    texts = entry_texts(text)
    assert any(t.startswith("lin S-C, wong Y-C.") for t in texts)
    assert any(t.endswith("London: Allan & Unwin.") for t in texts)


def test_full_apa_authors_after_an_entry_of_authors_only() -> None:
    text = _INTRO + (
        "Moreno-Vidal BA, Ortega-Salas D, Ibarra-Cano F.\n"
        "Velde, K., & Holm, H. (2006). Shame in the clinic. Nordic Journal of Family Practice, 24, 112-119.\n"
        "Ames, K. (2003). Small ponds. Freshwater Biology, 12, 3-9.\n"
    )
    texts = entry_texts(text)
    assert any(t.startswith("Velde, K., & Holm, H. (2006).") for t in texts)


def test_a_journal_footer_between_closed_entries_and_inside_a_hanging_entry_is_page_furniture() -> None:
    text = _INTRO + (
        "T. Kanai, M. Sato, J. Oda Novel instabilities in brane\n"
        "    cosmology, arXiv:gr-qc/9907011.\n"
        "Journal of Clinical Allergy (2019) 31:147–159\n"
        "Rotter K, Hall B, Smalls JV: Interplay of small GTPases in the control\n"
        "    of cell spreading rates. Current Biol 1998, 8:711-719.\n"
        "Aydin P, Ambros A, Lehman SJ (2006) Validation of a\n"
        "    rapid assay for nitrates in grain. J Environ\n"
        "Journal of Clinical Allergy (2019) 31:160–171\n"
        "    Sci Health, Part B 41:533-541\n"
        "Evers AR, Turner MS (2004) Interactions between bound proteins.\n"
        "    Phys. Rev. E. 68: 041907. doi: 10.5555/PhysRevE.68.041907\n"
        "Amato, E. S., & Clarke, M. A. (2006). Changing schools: A qualitative study. School Counseling, 9, 16-27.\n"
    )
    texts = entry_texts(text)
    assert not any("Clinical Allergy" in t for t in texts)
    assert "Aydin P, Ambros A, Lehman SJ (2006) Validation of a rapid assay for nitrates in grain. J Environ Sci Health, Part B 41:533-541" in texts
    assert "T. Kanai, M. Sato, J. Oda Novel instabilities in brane cosmology, arXiv:gr-qc/9907011." in texts
    assert any(t.endswith("doi: 10.5555/PhysRevE.68.041907") and t.startswith("Evers AR") for t in texts)


def test_a_footer_shaped_string_in_a_list_of_one_reference_a_line_stays() -> None:
    text = _INTRO + (
        "Rich R: Bringing a vaping course into nursing school. Respirology 2005, 10:211-219.\n"
        "B. Fagin, M. Fink, Quivers and sheaves on flag spaces, Selecta Math. 18 (2012), no. 3, 641-679.\n"
        "Current Options in Neurology 2010, 12:243–251\n"
        "Vaast M, Paarup B, Hove H: Herders' choice of care for lameness. Journal of Dairy Science 2003, 86: 1104-1113.\n"
        "Stiegel AL, Hart JH (2009) A new shrimp from the Jurassic of Morocco. Palaeontology 52: 1121–1135.\n"
    )
    assert "Current Options in Neurology 2010, 12:243–251" in entry_texts(text)


def test_a_title_opening_with_a_back_matter_word_after_authors_and_year_goes_on() -> None:
    text = _INTRO + (
        "Siebert JR, Stein HJ. Tumour type as a prognostic factor in a large series. Ann Surg.\n"
        "2002;235:360-7.\n"
        "Gressl, W., & Haber, A. (2012).\n"
        "Ethics and markets: Towards a new\n"
        "humane synthesis for firms.\n"
        "Journal of Business Studies, 98(1), 37–49.\n"
        "Hughes L, Hunt D, Ruas M (2004) A pathway to breast cancer. Cell 116:523-535\n"
    )
    texts = entry_texts(text)
    assert any(t.startswith("Gressl, W., & Haber, A. (2012). Ethics and markets") and t.endswith("37–49.") for t in texts)
    assert any(t.startswith("Hughes L") for t in texts)


def test_a_source_line_flush_left_before_an_indented_label_stays_in_its_entry() -> None:
    text = _INTRO + (
        "  4.\tT. Mignon and N. R. Steward, Charged holes in string theory,\n"
        "Phys. Rev. D 48 (1994).\n"
        "  5.\tWelch P, Peters MJ, et al. Zinc loss is common in patients with gout. Ann Rheum\n"
        "Dis. 2013;72: 1211-7\n"
        "  6.\tL. Douglas Kile, Order and noise in the civic sphere, Michigan Press, 1998, 412 pp.\n"
    )
    assert any(t.endswith("Ann Rheum Dis. 2013;72: 1211-7") for t in entry_texts(text))


def test_a_lone_label_at_the_end_of_a_glued_list_is_kept_and_raises_nothing() -> None:
    text = (
        "References\n\n"
        "1Alder JQ, Birch T (2011) A study of lone labels. J Invented Res 3:1-9\n"
        "2Cedar P (2012) Another invented paper. J Invented Res 4:10-19\n"
        "3Dogwood R (2013) A third made-up title. J Invented Res 5:20-29\n"
        "4.\n"
    )
    found = find_reference_lists(text)
    assert [entry.text for entry in found[0].entries][-1] == "4."
    assert len(found[0].entries) == 4


def test_a_short_first_line_set_over_its_hanging_indent_after_a_blank_line_is_no_section_heading() -> None:
    text = (
        "The discussion closes here with one last sentence of prose.\n\nWorks Cited:\n\n"
        "Orlanda Teresa, art. “Una storia minore”, in: Vessel Ada (ed.),\n"
        "   Dizionario inventato, Editrice Nessuna, Roma 1991, 12-19.\n\n"
        "Quintal Maurice Seigneurie Lexique imaginaire de\n"
        "   l’Europe ancienne Paris 1998. 101-112.\n\n"
        "Brandt K, Oyelaran T (2006) Modeling an invented outcome in\n"
        "   small cohorts. J Invented Stud 12(3):45-59\n\n"
        "Ferreira L, Nakamura H (2010) Another made-up result. J Invented\n"
        "   Stud 16:100-110\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[1] == "Quintal Maurice Seigneurie Lexique imaginaire de l’Europe ancienne Paris 1998. 101-112."


def test_a_wrapped_line_that_opens_with_a_number_before_a_closing_quote_is_no_label() -> None:
    # "... Part" / "1.” Journal of ...": the end of a quoted title wrapped to a line start (a bulleted list
    # with no heading was read as a numbered list from there, all its later entries in one).
    assert label_of("1.” Journal of Invented Maritime History 14, no. 3 August 1,") is None
    assert label_of("2’ Another Invented Title, 1999") is None
    label = label_of("1. “A quoted title”, J Invented Res 3:1-9")
    assert label is not None and label.number == 1


def test_authors_in_full_apa_form_after_a_doi_tag_left_empty_open_an_entry() -> None:
    text = _INTRO + (
        "Aldana RT, Whitcombe J (2001) Invented currents in a made-up nucleus of the\n"
        "rat brainstem. J Invented Physiol 512:149-162. doi:\n"
        "Vandermolen, P., & Oduya, K. (1987). The development of an invented scale of\n"
        "solitude. Invented Psychological Measurement, 9(3), 289-299.\n"
        "Castellanos M, Brill T (2005) Kinetics of a small invented enzyme. J Invented\n"
        "Biochem 102:13604-13609. doi:\n"
        "10.5555/invented.2005.102\n"
        "Ngata, H., & Lowe, S. (2012). A third invented study of tides. Coastal Invented\n"
        "Research, 4, 10-19.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[1].startswith("Vandermolen, P., & Oduya, K. (1987).")
    assert texts[2].endswith("doi: 10.5555/invented.2005.102")
    # The rule itself (the line model may agree without it here): a cut that stands whatever the model says.
    head = "Aldana RT, Whitcombe J (2001) Invented currents. J Invented Physiol 512:149-162. doi:"
    assert _apa_opening_after("J Invented Physiol 512:149-162. doi:", "Vandermolen, P., & Oduya, K. (1987). The development", head)
    assert not _apa_opening_after("J Invented Physiol 512:149-162. doi:", "10.5555/invented.2001.512", head)


def test_a_numbered_reference_heading_after_numbered_sections_opens_its_own_list() -> None:
    text = (
        "An invented title\n\n1. Introduction\nThe invented cohort was followed for two years and most of it improved.\n\n\n"
        "7. References\n\n● Alder, J. Q., and T. Birch, 2011, A study of invented things. J Invented Res 3: 1-9.\n"
        "● Cedar P. Another invented paper. Invented Lett. 2012;4:10-19.\n"
    )
    found = find_reference_lists(text)
    assert [(f.heading, len(f.entries)) for f in found] == [("7. References", 2)]
    # A run of numbered sections read as a list stops at the heading, which then opens the list below it
    # ("1. Introduction" ... "7. Kaynaklar": the whole list was once read as the "7." entry).
    finder = _Finder(text)
    first = next(p for p in range(len(finder.kept)) if finder.stripped(p) == "1. Introduction")
    heading = next(p for p in range(len(finder.kept)) if finder.stripped(p) == "7. References")
    assert finder.numbered(first, None) == heading


def test_a_name_in_han_or_hangul_after_a_complete_line_in_latin_script_opens_an_entry() -> None:
    # Neither entry above has a cue a rule would read (the first no year, the second no closed
    # source): only the change of script to a name and a comma shows the new entry.
    text = _INTRO + (
        "Quarrell, T. (2011). Grain stores in the northern valleys. In: B. Ostrowe (ed.), Harvests and\n"
        "Granaries. Leipzig: Brandt.\n"
        "박서윤, '농촌 곡물 저장의 변화,' 농업사연구, 제12권 제3호, pp.45-67, 2008\n"
        "ZZN TR 41.207: \"Glossary of Invented Radio Terms\".\n"
        "王小明(1995) 北方谷仓研究. 北京: 虚构出版社.\n"
    )
    texts = entry_texts(text)
    assert texts == [
        "Quarrell, T. (2011). Grain stores in the northern valleys. In: B. Ostrowe (ed.), Harvests and Granaries. Leipzig: Brandt.",
        "박서윤, '농촌 곡물 저장의 변화,' 농업사연구, 제12권 제3호, pp.45-67, 2008",
        'ZZN TR 41.207: "Glossary of Invented Radio Terms".',
        "王小明(1995) 北方谷仓研究. 北京: 虚构出版社.",
    ]


def test_a_korean_title_wrapped_to_a_line_start_goes_on() -> None:
    # The same shape inside an entry in Hangul is no change of script: the title goes on.
    text = _INTRO + (
        "Quarrell, T. (2011). Grain stores in the northern valleys. Agrarian Review 12: 45-67.\n"
        "박서윤 (2008). 농촌 곡물 저장의 변화와 지역 공동체의 역할에 관한 연구.\n"
        "농업사, 제12권 제3호, pp.45-67.\n"
    )
    assert len(entry_texts(text)) == 2


def test_with_no_heading_authors_and_a_bracketed_year_after_an_entry_with_no_year_open_an_entry() -> None:
    # No heading: the rules alone cut. The entry above states no year (an arXiv id closes it); the next line
    # opens with authors and a bracketed year with no stop after it.
    text = (
        "The results agree with those of earlier surveys of the same valleys (Quarrell et al., 2011).\n\n"
        "Quarrell T, Ostrowe B, Lind K, Penn C (2011) Grain stores of the northern valleys. J Inv Agrar Hist 9:14-29\n"
        "O. Brandt, Tidal mills as clocks of the coast, arXiv:inv-hist/0501123.\n"
        "Venn A, Harrow L, Stead R, Marlow P (2010) Millers and their wheels in the age of steam and of the\n"
        "early railways in the western valleys. Inv Econ Hist 31:201–219\n"
        "Penn CD, Lind K (2004) Weirs and fish traps of the western rivers. Inv Fish Rev 2:3-18\n"
    )
    texts = entry_texts(text)
    assert "O. Brandt, Tidal mills as clocks of the coast, arXiv:inv-hist/0501123." in texts
    assert any(t.startswith("Venn A, Harrow L") and t.endswith("Inv Econ Hist 31:201–219") for t in texts)


def test_a_page_range_set_with_an_em_dash_closes_a_source() -> None:
    # "205—218." closes the source as "205-218." does: full names on the next line open an entry.
    text = _INTRO + (
        "Penn CD, Lind K (2004) Weirs and fish traps of the western rivers. Inv Fish Rev 2:3-18\n"
        "Quarrell, O., and J. P. Ostrowe. 1997. Validity limits of the grain counts in northern\n"
        "barns <italic>(Hordeum vulgare).</italic> Inv Agrar Hist 61: 205—218.\n"
        "Lena Harrow Venn, Les moulins à marée et la vie rurale des côtes du Nord au Moyen\n"
        "Âge, Revue inventée d'histoire, 103, 1993, 255-272.\n"
        "Ministère des moulins (2001). Mieux vivre avec les marées, 24 p.\n"
    )
    texts = entry_texts(text)
    assert texts[1].endswith("Inv Agrar Hist 61: 205—218.")
    assert texts[2].startswith("Lena Harrow Venn,") and len(texts) == 4


def test_a_one_entry_list_whose_number_is_glued_to_a_string_under_a_reference_is_that_string() -> None:
    # "3ZZN TS 41.207" right under a reference of a run of one reference a line reads as label 3 glued to
    # "ZZN": a "list" of that one entry is the string itself, which opens with digits of its own.
    text = (
        "Prose of the article closes here (Quarrell et al., 1994).\n\n"
        "  O. BRANDT et K. HOLM. Bull. Soc. Inv. Fr. 1180 (1960);\n"
        '  3ZZN TS 41.207: "Invented rules for the keeping of mill records".\n'
        "  Marlow P, Stead R, Penn C, Lind K (2003) Toward a redefinition of the grain store. J Inv Agrar Hist 73:133-146\n"
    )
    finder = _Finder(text)
    position = next(p for p in range(len(finder.kept)) if finder.stripped(p).startswith("3ZZN"))
    end = finder.numbered(position, None)
    found = finder.lists[-1]
    assert found.style == "glued" and len(found.entries) == 1
    assert finder._lone_label(found, position, end)


def test_the_mark_for_the_same_authors_after_a_complete_line_opens_an_entry() -> None:
    text = _INTRO + (
        "Ostrander, M. (2007). Harbour towns of an invented coast: a survey of the\n"
        "salt trade. Journal of Coastal Studies, 27, 179-187.\n"
        "P. K. Haldane, Tidal Collapse and Harbour Censorship, arXiv:gr-qc/ 9912345.\n"
        "———. Salt. Bergen: Nordvik Press, 1953.\n"
        "--- (2005). Three factors in invented harbours. Coast Res, 4, 7-9.\n"
        "Tamsin, R. (2012). Marrow cells in an invented joint model. Arthritis\n"
        "Invent, 9, 101-109.\n"
    )
    texts = entry_texts(text)
    assert texts[1] == "P. K. Haldane, Tidal Collapse and Harbour Censorship, arXiv:gr-qc/ 9912345."
    assert texts[2] == "———. Salt. Bergen: Nordvik Press, 1953."
    assert texts[3].startswith("--- (2005).")
    assert len(texts) == 5


def test_a_dash_under_a_line_left_open_goes_on() -> None:
    text = _INTRO + (
        "Ostrander, M. (2007). Harbour towns of an invented coast: a survey of the\n"
        "salt trade. Journal of Coastal Studies, 27, 179-187.\n"
        "Haldane, P. K. (1999). Tidal collapse in the harbour and in the\n"
        "——— a note on salt. Coast Res, 4, 7-9.\n"
    )
    assert len(entry_texts(text)) == 2


def test_a_vancouver_run_of_names_after_a_title_alone_opens_an_entry() -> None:
    text = _INTRO + (
        "Ostrander, M. (2007). Harbour towns of an invented coast: a survey of the\n"
        "salt trade. Journal of Coastal Studies, 27, 179-187.\n"
        "P. K. Haldane, The General Theory of Invented Harbours, Tides and Salt.\n"
        "Brennholt H-J, Quill P, Marsh BC, Dorrance MB. Invented portraits of harbour\n"
        "voles using median networks. Vexas Genet (1995) 141:743-753.\n"
        "Tamsin, R. (2012). Marrow cells in an invented joint model. Arthritis\n"
        "Invent, 9, 101-109.\n"
    )
    texts = entry_texts(text)
    assert texts[1] == "P. K. Haldane, The General Theory of Invented Harbours, Tides and Salt."
    assert texts[2].startswith("Brennholt H-J, Quill P,")
    assert len(texts) == 4



def test_no_cut_before_a_date_or_a_place_that_goes_on_from_the_line_above() -> None:
    from vexascite.refstring.lists import _goes_on

    # (The line model, which weighs every other break of wrapped text, had cut at both.)
    assert _goes_on("Meeting report: new invented drugs. 2023. Invented News.", "November 7, 2023. https://example.org/n.html.")
    assert _goes_on("Marsh News, 2021.", "7 Nov. 2021. https://example.org/m.html")
    assert _goes_on("In the printed notes of the Third Marsh Meeting, October 2009,", "Bergen, Norway.")
    assert _goes_on("Holm D, Varga A, }", "Okafor J et al (1998) Reed beds of the north. Inv Sci 279:373-377")
    assert not _goes_on("Holm D, Varga A. Reed beds. Inv Sci 12:1-9.", "Okafor J et al (1998) Reed beds of the north.")
    assert not _goes_on("Inv Marsh Rev 12:101-109.", "Bergen, Norway.")  # (a place alone after a closed line: judged as usual)
    assert not _goes_on("Inv Marsh Rev 12:101-109.", "Novak J, Ulm B (2001) Egrets. Inv Birds 3:1-9.")


@pytest.mark.parametrize(
    "last",
    [
        "김하늘, '가상 해양 조류의 계절 이동', 가상해양학 제12권 3호, 가상대학교 출판부, 2018.",
        "田中太郎, 架空の海洋鳥類の研究, 架空海洋学 第12巻, 2018.",
    ],
)
def test_a_reference_in_cjk_script_ends_a_list_set_apart_by_blank_lines(last: str) -> None:
    """A list's last entry in Korean or Japanese (a name, a title, a journal, a year) before the back matter: an
    entry, as its Latin neighbours are (it was left out as text after the list)."""
    refs = [
        "Haldane PK, Ruiz MT (2009) Sleep and tidal rhythm in an invented coastal cohort of\nadults. Coast Res 41:210-6.",
        "Pellinen J, Obuya CS (1987) Salt marsh birds of an invented coast. Coast Res 3:12-19.",
        "Quillfeather AB (2004) Seasonal drift of invented plankton. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12",
        last,
    ]
    text = "Body text of the article ends here.\n\nReferences\n\n" + "\n\n".join(refs) + "\n\n\nFunding\n\nA grant.\n"
    assert raws_by_list(text) == [refs]
