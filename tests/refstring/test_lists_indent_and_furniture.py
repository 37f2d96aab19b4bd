"""List finding: first-line indents, bullets, Setext headings and page furniture of PDF text.

Every reference here is invented (10.5555 DOIs, made-up names and journals).
"""

from __future__ import annotations

from tests.refstring.found import entry_texts
from vexascite.refstring import find_reference_lists
from vexascite.refstring.lists import _Finder


def test_a_first_line_indent_without_blank_lines_opens_each_entry() -> None:
    text = (
        "References\n"
        "    Albarn, Q., and T. Velloso. 2011. Seasonal drift of marsh\n"
        "sediments under managed flooding. Estuar. Ecol. 14:221-230.\n"
        "    Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        "disease: a cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "    Castellan, M. R. Rural clinics and the long road to care.\n"
        "Oxford: Quillon Press, 2004.\n"
        "    Dorn, E., Fairweather, G., & Holt, S. (2020). Measuring marsh\n"
        "birds from the air. Field Methods, 8(2), 101-119.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[0].startswith("Albarn, Q.") and texts[0].endswith("14:221-230.")
    assert texts[2] == "Castellan, M. R. Rural clinics and the long road to care. Oxford: Quillon Press, 2004."


def test_a_hanging_indent_is_still_read_as_one() -> None:
    text = (
        "References\n"
        "Albarn, Q., and T. Velloso. 2011. Seasonal drift of marsh\n"
        "    sediments under managed flooding. Estuar. Ecol. 14:221-230.\n"
        "Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        "    disease: a cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "Castellan, M. R. Rural clinics and the long road to care.\n"
        "    Oxford: Quillon Press, 2004.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 3
    assert texts[1] == "Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease: a cohort study. J Invent Med. 2018;12(4):55-61."


def test_licence_preprint_and_pmc_lines_inside_entries_are_page_furniture() -> None:
    text = (
        "References\n"
        "1. Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease: a\n"
        "\n"
        "This is an open access article under the CC BY license (http://creativecommons.org/licenses/by/4.0/).\n"
        "Quillon et al. Page 7\n"
        "cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "2. Castellan MR, Dorn E. Marsh birds counted from the air. Field Methods.\n"
        "\n"
        "The copyright holder for this preprint (which was not certified by peer review) is the author/funder.\n"
        "Europe PMC Funders Author Manuscripts\n"
        "HHS Public Access\n"
        "2020;8(2):101-119. doi:10.5555/fm.2020.101\n"
        "3. Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:221-230.\n"
        "\n"
        "812 www.quillonjournal.org\n"
    )
    assert entry_texts(text) == [
        "1. Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease: a cohort study. J Invent Med. 2018;12(4):55-61.",
        "2. Castellan MR, Dorn E. Marsh birds counted from the air. Field Methods. 2020;8(2):101-119. doi:10.5555/fm.2020.101",
        "3. Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:221-230.",
    ]


def test_a_copyright_line_on_every_page_does_not_end_the_list() -> None:
    page_foot = "\nDOI 10.5555/quillon.2020.0042\n© 2020 by The Quillon Society of Medicine\n"
    text = (
        "References\n"
        "1. Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease: a\n"
        + page_foot
        + "cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "2. Castellan MR, Dorn E. Marsh birds counted from the air. Field Methods. 2020;8(2):101-119.\n"
        "3. Albarn Q, Velloso T. Seasonal drift of marsh sediments under managed flooding.\n"
        + page_foot
        + "Estuar Ecol. 2011;14:221-230.\n"
        "4. Holt S. Rural clinics and the long road to care. Quillon Med J. 2004;3:1-9.\n"
    )
    texts = entry_texts(text)
    assert [t[:2] for t in texts] == ["1.", "2.", "3.", "4."]
    assert texts[0].endswith("disease: a cohort study. J Invent Med. 2018;12(4):55-61.")
    assert texts[2].endswith("under managed flooding. Estuar Ecol. 2011;14:221-230.")


def test_a_soft_hyphen_at_a_line_end_joins_the_word() -> None:
    text = (
        "References\n"
        "1. Brindle PK, Osei A. Ferritin kinetics in relapsing inflam\u00ad\n"
        "matory disease. J Invent Med. 2018;12(4):55-61.\n"
        "2. Castellan MR, Dorn E. Marsh birds counted from the air. Field Methods. 2020;8(2):101-119.\n"
    )
    assert entry_texts(text)[0] == "1. Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease. J Invent Med. 2018;12(4):55-61."


def test_a_list_one_a_line_after_paragraphs_without_a_heading_is_cut_at_each_line() -> None:
    prose = (
        "The marsh birds were counted from the air in each of the four seasons, and the counts were compared "
        "with those made on foot by two observers who did not know the aerial results.\n\n"
        "Counts agreed closely in spring and summer but less well in winter, when the birds gathered in "
        "large flocks that were hard to separate from one another in the photographs.\n\n"
    ) * 2
    prose = "Counting marsh birds from the air\n\nQ. Albarn, E. Dorn\n\n" + prose
    refs = [
        "Albarn, Q., & Velloso, T. (2011). Seasonal drift of marsh sediments. Estuarine Ecology, 14, 221-230.",
        "Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.",
        "Castellan, M. R. 2004. Rural clinics and the long road to care. Oxford: Quillon Press.",
        "Dorn E, Holt S (2020) Measuring marsh birds from the air. Field Methods 8:101-119",
        "Fairweather, G. (1999). Counting flocks in winter light. Quillon Journal of Birds, 3(1), 1-9.",
    ]
    texts = entry_texts(prose + "\n".join(refs) + "\n")
    assert texts == refs


def test_markdown_escaped_labels_are_labels() -> None:
    text = (
        "## References\n\n"
        "1\\. Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        "disease: a cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "2\\. Castellan, M. R. Rural clinics and the long road to care.\n"
        "Oxford: Quillon Press, 2004.\n"
        "3\\. Dorn E, Holt S (2020) Measuring marsh birds from the air and\n"
        "4\\. Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:221-230.\n"
        "\n"
        "\\[5\\] Fairweather G. Counting flocks in winter light. Quillon J Birds. 1999;3:1-9.\n"
    )
    found = [(entry.number, entry.text) for found in find_reference_lists(text) for entry in found.entries]
    assert [number for number, _ in found] == [1, 2, 3, 4, 5]
    assert found[1][1] == "2\\. Castellan, M. R. Rural clinics and the long road to care. Oxford: Quillon Press, 2004."


def test_more_languages_and_small_capitals_headings() -> None:
    refs = (
        "Albarn, Q., & Velloso, T. (2011). Seasonal drift of marsh sediments. Estuarine Ecology, 14, 221-230.\n"
        "Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.\n"
    )
    for heading in ("Irodalom:", "R EFERENCES", "Referanser", "Daftar Pustaka", "B IBLIOGRAPHY"):
        text = "The birds were counted from the air in each season.\n\n" + heading + "\n" + refs
        found = find_reference_lists(text)
        assert [f.heading for f in found] == [heading.rstrip(":")], heading
        assert [e.text for e in found[0].entries] == refs.splitlines()


def test_a_page_number_wrapped_after_p_does_not_open_a_numbered_list() -> None:
    prose = (
        "The marsh birds were counted from the air in each of the four seasons, and the counts were compared "
        "with those made on foot by two observers who did not know the aerial results.\n\n"
    ) * 3
    refs = (
        "Albarn Q., Velloso T. Seasonal drift of marsh sediments // Estuar. Ecol. 2011. Vol. 14. No 2. P.\n"
        "  221.\n"
        "Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease: a cohort\n"
        "  study. J Invent Med. 2018;12(4):55-61.\n"
        "Castellan, M. R. (2004). Rural clinics and the long road to care. Oxford: Quillon\n"
        "  Press.\n"
        "Dorn E, Holt S (2020) Measuring marsh birds from the air. Field Methods 8:101-119\n"
    )
    texts = entry_texts(prose + refs)
    assert len(texts) == 4
    assert texts[0].endswith("No 2. P. 221.")
    assert texts[1].startswith("Brindle PK")


def test_bare_numbers_alone_on_their_lines_in_sequence_are_labels_not_page_numbers() -> None:
    text = (
        "References\n"
        "1\n"
        "Albarn Q, Velloso T. Seasonal drift of marsh sediments under managed\n"
        "flooding. Estuar Ecol. 2011;14:221-230.\n"
        "2\n"
        "Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease.\n"
        "J Invent Med. 2018;12(4):55-61.\n"
        "3\n"
        "Castellan, M. R. (2004). Rural clinics and the long road to care. Oxford:\n"
        "Quillon Press.\n"
        "4\n"
        "Dorn E, Holt S (2020) Measuring marsh birds from the air. Field Methods 8:101-119\n"
    )
    found = [(entry.number, entry.text) for found in find_reference_lists(text) for entry in found.entries]
    assert [number for number, _ in found] == [1, 2, 3, 4]
    assert found[2][1].endswith("Rural clinics and the long road to care. Oxford: Quillon Press.")


def test_page_numbers_tens_of_lines_apart_stay_page_furniture() -> None:
    entry = "Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:{n}-230.\n"
    lines = ["References\n"]
    for page in range(3):
        lines.extend(f"{n + 1}. " + entry.format(n=100 + n) for n in range(page * 20, page * 20 + 20))
        lines.append(f"{page + 7}\n")
    found = [entry for found in find_reference_lists("".join(lines)) for entry in found.entries]
    assert [e.number for e in found] == list(range(1, 61))
    assert all(e.text.endswith("-230.") for e in found)


def test_a_year_wrapped_under_a_first_line_indent_opens_no_numbered_list() -> None:
    prose = (
        "The marsh birds were counted from the air in each of the four seasons, and the counts were compared "
        "with those made on foot by two observers who did not know the aerial results.\n\n"
    ) * 3
    refs = (
        "    Albarn, Q., T. Velloso, R. Osei, P. K. Brindle, M. R. Castellan, and\n"
        "S. Holt, et al.\n"
        "2011. Seasonal drift of marsh sediments under managed flooding in\n"
        "the estuary. Estuar. Ecol. 14:221-230.\n"
        "    Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease in\n"
        "a cohort. J Invent Med. 2018;12(4):55-61.\n"
        "    Castellan, M. R. Rural clinics and the long road to care in the north\n"
        "of the county. Quillon Med. 3: 1-9\n"
        "(2004).\n"
        "    Dorn, E. Measuring marsh birds from the air with a camera on a kite\n"
        "and a long string. Field Methods, pp. 101-119.\n"
        "1999.\n"
        "    Holt S (2020) Counting flocks in winter light over the flooded marsh\n"
        "meadows. Quillon J Birds 3:1-9\n"
    )
    texts = entry_texts(prose + refs)
    assert len(texts) == 5
    assert texts[0].endswith("et al. 2011. Seasonal drift of marsh sediments under managed flooding in the estuary. Estuar. Ecol. 14:221-230.")
    assert texts[2].endswith("3: 1-9 (2004).") and texts[3].endswith("pp. 101-119. 1999.")


def test_a_stray_indent_in_a_list_one_a_line_is_no_hanging_indent() -> None:
    refs = [
        "Albarn, Q., & Velloso, T. (2011). Seasonal drift of marsh sediments. Estuarine Ecology, 14, 221-230.",
        "Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.",
        "  Castellan, M. R. 2004. Rural clinics and the long road to care. Quillon Med. 3: 1-9.",
        "Dorn E, Holt S (2020) Measuring marsh birds from the air. Field Methods 8:101-119",
        "Fairweather, G. (1999). Counting flocks in winter light. Quillon Journal of Birds, 3(1), 1-9.",
        "Holt, S. (2001). Marsh meadows after the flood. Quillon Journal of Birds, 5(2), 11-19.",
    ]
    texts = entry_texts("References\n" + "\n".join(refs) + "\n")
    assert texts == [r.strip() for r in refs]


def test_a_stray_indent_before_authors_with_a_capitalised_particle_is_no_hanging_indent() -> None:
    # "  De Vries Hald, J. (1987). ..." set in by two stray spaces under a whole reference, in a list one a line:
    # a whole reference of its own (its capitalised particle had hidden its authors, so it went on the line above).
    text = (
        "Castellan, M., & Quill, S. (2013). Frequency of invented variation. Marsh Language Theory, 31 , 47-89. \n"
        "  De Vries Hald, J.  (1987). Testing a model of marsh loneliness. Journal of Invented Psychology, 53, 119-128. \t\n"
    )
    finder = _Finder(text)
    assert finder._whole_after_whole([0], 1)


def test_a_copyright_line_inside_an_entry_and_an_article_number_wrapped_with_its_year() -> None:
    text = (
        "References\n"
        "10 Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease. J Invent Med. 2018;12(4):55-61.\n"
        "11 E. M. Dorn, J. Quillon Phys. A: Marsh Theor. 42,\n"
        "\n"
        "© 2018 by The Quillon Society of Medicine\n"
        "The copyright holder for this preprint (which was not certified by peer review) is the author/funder.\n"
        "214024 (2009).\n"
        "12 Albarn, Q., & Velloso, T. (2011). Seasonal drift of marsh sediments. Estuarine Ecology, 14, 221-230.\n"
        "13 Castellan, M. R. (2004). Rural clinics and the long road to care. Quillon Med, 3, 1-9.\n"
    )
    found = [(entry.number, entry.text) for found in find_reference_lists(text) for entry in found.entries]
    assert [number for number, _ in found] == [10, 11, 12, 13]
    assert found[1][1] == "11 E. M. Dorn, J. Quillon Phys. A: Marsh Theor. 42, 214024 (2009)."


def test_a_copyright_line_between_two_articles_still_ends_the_first_list() -> None:
    text = (
        "References\n"
        "1. Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease. J Invent Med. 2018;12(4):55-61.\n"
        "2. Dorn E, Holt S. Measuring marsh birds from the air. Field Methods. 2020;8:101-119.\n"
        "\n"
        "© 2018 by The Quillon Society of Medicine\n"
        "\n"
        "Counting flocks in winter light\n"
        "\n"
        "The birds were counted from the air in each season, as before [1].\n"
        "\n"
        "References\n"
        "1. Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:221-230.\n"
    )
    assert [len(found.entries) for found in find_reference_lists(text)] == [2, 1]


def test_superscript_digits_alone_on_their_lines_never_raise() -> None:
    text = "References\n¹\nAlbarn Q. Marsh sediments. Estuar Ecol. 2011;14:221-230.\n²\nBrindle PK. Ferritin. J Invent Med. 2018;12:55-61.\n³\n"
    assert find_reference_lists(text) is not None


def test_a_setext_heading_underline_is_not_part_of_the_first_entry() -> None:
    for rule in ("=========", "----------"):
        text = (
            "Sources\n" + rule + "\n\n"
            "1. Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease. J Invent Med. 2018;12(4):55-61.\n"
            "2. Dorn E, Holt S. Measuring marsh birds from the air. Field Methods. 2020;8:101-119.\n"
        )
        found = find_reference_lists(text)
        assert [e.text[:12] for f in found for e in f.entries] == ["1. Brindle P", "2. Dorn E, H"], rule


def test_a_gap_before_an_entry_whose_author_opens_with_zur() -> None:
    text = (
        "References\n"
        "88. Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:221-\n"
        "    230.\n"
        "92. zur Linden H (2002) Rural clinics and the long road to care. Quillon Med 2:342-350.\n"
        "93. Dorn E, Holt S. Measuring marsh birds from the air. Field Methods. 2020;8:101-119.\n"
    )
    assert [e.number for f in find_reference_lists(text) for e in f.entries] == [88, 92, 93]


def test_the_articles_own_doi_on_every_page_is_page_furniture() -> None:
    foot = "\nDOI: 10.5555/quillon.2020.0042\n"
    text = (
        "References\n"
        "[1] Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        + foot
        + "     disease. J Invent Med. 2018;12(4):55-61.\n"
        "[2] Dorn E, Holt S. Measuring marsh birds from the air. Field Methods. 2020;8:101-119.\n"
        "[3] Albarn Q, Velloso T. Seasonal drift of marsh sediments under managed\n"
        + foot
        + "     flooding. Estuar Ecol. 2011;14:221-230.\n"
    )
    texts = [e.text for f in find_reference_lists(text) for e in f.entries]
    assert texts[0] == "[1] Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease. J Invent Med. 2018;12(4):55-61."
    assert texts[2] == "[3] Albarn Q, Velloso T. Seasonal drift of marsh sediments under managed flooding. Estuar Ecol. 2011;14:221-230."


def test_a_bracketed_year_wrapped_to_a_line_start_opens_no_numbered_list() -> None:
    prose = (
        "The marsh birds were counted from the air in each of the four seasons, and the counts were compared "
        "with those made on foot by two observers who did not know the aerial results.\n\n"
    ) * 3
    refs = (
        "Albarn Q, Velloso T, Osei A, Brindle PK, Castellan MR\n"
        "(2011) Seasonal drift of marsh sediments. Estuar Ecol 14:221-230\n"
        "Dorn E, Holt S (2020) Measuring marsh birds from the air. Field Methods 8:101-119\n"
        "Holt S (2001) Counting flocks in winter light. Quillon J Birds 5:11-19\n"
    )
    found = find_reference_lists(prose + refs)
    assert [f.style for f in found] == ["unnumbered"]
    assert found[0].entries[0].text.startswith("Albarn Q, Velloso T, Osei A, Brindle PK, Castellan MR (2011) Seasonal drift")
    indented = (
        "        Albarn Q, Velloso T, Osei A. Seasonal drift of marsh sediments. Estuar Ecol\n"
        "2011;14:221-230.\n"
        "        Fairweather G. World Bank indicators of marsh meadows after the flood in\n"
        "2015 http://www.example.org/marsh/table/3.07. Accessed 9 Mar 2016.\n"
        "        Holt S (2001) Counting flocks in winter light over the flooded marsh\n"
        "meadows. Quillon J Birds 5:11-19\n"
        "        Dorn E, Holt S (2020) Measuring marsh birds from the air with a kite and a\n"
        "camera. Field Methods 8:101-119\n"
    )
    assert [t[:8] for t in entry_texts(prose + indented)] == ["Albarn Q", "Fairweat", "Holt S (", "Dorn E, "]


def test_a_number_after_vol_at_a_line_end_is_the_volume_not_a_new_list() -> None:
    text = (
        "References\n"
        "10. Dorn E, Holt S. Measuring marsh birds from the air. Field Methods. 2020;8:101-119.\n"
        "11. Albarn, Q. 1991. Seasonal drift of marsh sediments. In: Velloso, T. (ed.) Marsh Studies, Vol.\n"
        "1. Amsterdam: Quillon. 81-127.\n"
        "12. Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.\n"
    )
    found = [(e.number, e.text) for f in find_reference_lists(text) for e in f.entries]
    assert [n for n, _ in found] == [10, 11, 12]
    assert found[1][1].endswith("Marsh Studies, Vol. 1. Amsterdam: Quillon. 81-127.")


def test_a_journal_name_in_capitals_on_every_page_is_a_running_head() -> None:
    text = (
        "References\n"
        "[1] Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        "\nQUILLON\n\n"
        "     disease. J Invent Med. 2018;12(4):55-61.\n"
        "[2] Dorn E, Holt S. Measuring marsh birds from the air. Field Methods. 2020;8:101-119.\n"
        "[3] Albarn Q, Velloso T. Seasonal drift of marsh sediments under managed\n"
        "\nQUILLON\n\n"
        "     flooding. Estuar Ecol. 2011;14:221-230.\n"
    )
    texts = [e.text for f in find_reference_lists(text) for e in f.entries]
    assert not any("QUILLON" in t for t in texts) and len(texts) == 3


def test_a_bracketed_year_after_a_page_break_opens_no_numbered_list() -> None:
    prose = (
        "The marsh birds were counted from the air in each of the four seasons, and the counts were compared "
        "with those made on foot by two observers who did not know the aerial results.\n\n"
    ) * 3
    text = prose + (
        "Albarn Q, Velloso T: Seasonal drift of marsh sediments under managed\n"
        "flooding in the estuary. Estuar Ecol 2011, 14:221-230.\n"
        "Brindle, P. K., Castellan, M. R., Dorn, E., & Osei, A.\n"
        "\n6 of 17\nAuthor Manuscript\n\n"
        "(2008). Ferritin kinetics in relapsing inflammatory disease in\n"
        "a cohort of patients. Journal of Invented Medicine, 12(4), 55-61.\n"
        "Castellan MR, Dorn E: Rural clinics and the long road to care in the\n"
        "north of the county. Quillon Med 2004, 3:1-9.\n"
        "Fairweather, G., Holt, S., Osei, A., Velloso, T., & Albarn, Q.\n"
        "(2009). Counting flocks in winter light over the flooded marsh\n"
        "meadows. Quillon Journal of Birds, 3(1), 1-9.\n"
        "Holt S, Dorn E: Marsh meadows after the flood and the birds that came\n"
        "back to them. Quillon J Birds 2001, 5:11-19.\n"
    )
    found = find_reference_lists(text)
    assert "round" not in [f.style for f in found]
    texts = [e.text for f in found for e in f.entries]
    assert texts[-1].startswith("Holt S, Dorn E") and texts[-3].startswith("Castellan MR")


def test_an_issue_closing_its_bracket_at_a_line_start_is_no_label() -> None:
    prose = (
        "The marsh birds were counted from the air in each of the four seasons, and the counts were compared "
        "with those made on foot by two observers who did not know the aerial results.\n\n"
    ) * 3
    refs = (
        "Albarn Q, Velloso T, Osei A: Seasonal drift of marsh sediments under\n"
        "    managed flooding. Estuar Ecol 2011, 14(Pt\n"
        "    6):221-230.\n"
        "Brindle PK, Osei A (2018) Ferritin kinetics in relapsing inflammatory\n"
        "    disease. J Invent Med 12:55-61\n"
        "Castellan, M. R. (2004). Rural clinics and the long road to care.\n"
        "    Quillon Medicine, 3(1), 1-9.\n"
        "Dorn E, Holt S (2020) Measuring marsh birds from the air. Field\n"
        "    Methods 8:101-119\n"
    )
    texts = entry_texts(prose + refs)
    assert [t[:8] for t in texts] == ["Albarn Q", "Brindle ", "Castella", "Dorn E, "]


def test_a_running_head_with_journal_and_page_is_page_furniture() -> None:
    text = (
        "References\n"
        "3) Brindle PK, Osei A (2018) Ferritin kinetics in relapsing inflammatory disease in a cohort.\n"
        "\n"
        "Downloaded from http://www.example.org on August 1, 2013.\n"
        "Dorn et al. Quillon Med (Oxford) (2013) 85:6011\n"
        "     J Invent Med 12:55-61\n"
        "4) Albarn Q, Velloso T (2011) Seasonal drift of marsh sediments. Estuar Ecol 14:221-230\n"
    )
    texts = entry_texts(text)
    assert texts == [
        "3) Brindle PK, Osei A (2018) Ferritin kinetics in relapsing inflammatory disease in a cohort. J Invent Med 12:55-61",
        "4) Albarn Q, Velloso T (2011) Seasonal drift of marsh sediments. Estuar Ecol 14:221-230",
    ]


def test_a_volume_with_its_letter_wrapped_to_a_line_start_is_no_glued_label() -> None:
    prose = (
        "The marsh birds were counted from the air in each of the four seasons, and the counts were compared "
        "with those made on foot by two observers who did not know the aerial results.\n\n"
    ) * 3
    refs = (
        "Albarn Q, Velloso T, Osei A, Brindle PK, Castellan MR, Dorn E, Holt S (2003) Seasonal\n"
        "drift of marsh sediments under managed flooding. Am J Estuar Ecol A\n"
        "118A:1-7\n"
        "Brindle PK, Osei A (2009c) Ferritin kinetics in relapsing inflammatory disease in a\n"
        "cohort of patients. J Invent Med 63:2966-2973\n"
        "Castellan MR, Dorn E (1971) Rural clinics and the long road to care in the north of\n"
        "the county. Quillon Med 79:61-70\n"
    )
    found = find_reference_lists(prose + refs)
    assert "glued" not in [f.style for f in found]
    assert not any(e.text.startswith("118A") for f in found for e in f.entries)


def test_an_issue_and_pages_between_two_lines_of_furniture_go_on_with_the_entry() -> None:
    # PDF text: the page broke inside entry 13, after its volume; a notice and a banner above the issue and
    # pages, the foot's "Downloaded from" line and page number below.
    text = (
        "References\n"
        "12  Ashby L, Ulm B (2001) Egrets of the northern estuary. Inv Marsh Rev 12:101-109\n"
        "13  Dorn E, Quill R, Osei A, Holt S (2003) Evaluation of reed beds after the\n"
        "dams on an invented river. Inv Dent J 194\n"
        "This article is protected by copyright. All rights reserved.\n"
        "NIH-PA Author Manuscript\n"
        "(8):447-449\n"
        "Downloaded from https://example.org/inv/article/59/7/8544/1816044 by guest on 02 June 2022\n"
        "21\n"
        "14  Osei A, Holt S (2008) Counting nests from the shore. Inv Coast Res 30:55-61\n"
    )
    assert [text.split()[-1] for text in entry_texts(text)] == ["12:101-109", "(8):447-449", "30:55-61"]


def test_the_pages_doi_among_its_furniture_under_a_line_left_on_a_comma_is_furniture() -> None:
    text = (
        "## LITERATURE CITED\n\n"
        "Osei A, Holt S, Counting nests from the shore: late counts,\n\n"
        "Inv Exp Birds. Author manuscript; available in PMC 2019 August 01.\n"
        "DOI: 10.5555/inv.20194769\n"
        "The copyright holder for this preprint (which was not certified by peer review) is the author/funder.\n"
        "Inv Exp Birds 2019;75(12):4769-4787\n"
        "Beck et al.\n\n"
        "missed nests and their causes. Journal of Invented Birds.\n"
        "21(6):570-5 (2001).\n"
        "Tarrow A, Pike R (2014) Ten years of egret counts. J Inv Ornithol 60:300-311\n"
    )
    texts = entry_texts(text)
    assert texts[0] == "Osei A, Holt S, Counting nests from the shore: late counts, missed nests and their causes. Journal of Invented Birds. 21(6):570-5 (2001)."
    assert len(texts) == 2


def test_authors_wrapped_past_page_furniture_after_an_initial_stay_in_their_entry() -> None:
    # "... J. Venn, K." / a journal footer / "Osei, and E. Lind Tide-bound ..." / a notice: the short line between
    # the two pieces of furniture is the entry's authors going on, not a footer; it had been dropped.
    text = (
        "References\n"
        "10017 Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "10018 P. Quill, N. E. Marsh, J. Venn, K.\n"
        "22\tInvented Blood\tVolume 108\n"
        "Osei, and E. Lind Tide-bound birds\n"
        "This article is protected by copyright. All rights reserved.\n"
        "of the invented northern marsh ,Inv .Rev .D 54 ,8 ( 1996).\n"
        "10019 Dorn E, Holt S (2020) Measuring marsh birds from the air. Field Methods 8:101-119\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 3, texts
    assert "Osei, and E. Lind Tide-bound birds" in texts[1]


def test_a_reference_printed_twice_under_one_page_number_keeps_its_wrapped_line() -> None:
    # An entry listed twice, each copy after the same page number: its second line, footer-shaped and repeated, closes
    # the entry its first line leaves open ("... study of") before the next label; it had been taken for a footer.
    copy = "2 Quill P, Osei A. Fourth study of\ntides. Inv Lett. 2017;2:3-4. doi:10.5555/inv.2017.2\n"
    text = "References\n1 Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50.\n12\n" + copy + "12\n" + copy
    texts = entry_texts(text)
    assert len(texts) == 3, texts
    assert all("tides. Inv Lett. 2017" in t for t in texts[1:]), texts
