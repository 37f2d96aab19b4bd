"""Running heads that carry their page number, and page numbers, at a page break inside a list."""

from __future__ import annotations

import pytest

from vexascite.refstring.lists import find_reference_lists, page_furniture

ENTRIES = [
    "1. Arden P, Brask T, Cova L, et al. A marker of slow relapse in adult disease: a study of\nforty patients. J Clin Res. 2020;12(3):101-109.",
    "2. Brask T, Dunn M. Two drugs compared in a small cohort. Blood Adv. 2021;5(2):22-31.",
    "3. Cova L, Egli O, Arden P. Why responses differ in a registry of patients treated with\none of two drugs. Nat Rev Things. 2019;13(4):234-243.",
]


@pytest.mark.parametrize("head", ["2   Treating adult disease", "2   TREATING ADULT DISEASE", "Treating adult disease   2", "Arden et al.   2"])
def test_a_page_foot_and_the_next_page_head_inside_an_entry_are_furniture(head: str) -> None:
    broken = ENTRIES[0].replace("study of\n", "study of\n1\n" + head + "\n")
    text = "References\n" + "\n".join([broken, *ENTRIES[1:]])
    (found,) = find_reference_lists(text)
    assert [entry.raw for entry in found.entries] == ENTRIES
    assert page_furniture(text, [1, 4]) == frozenset({3, 4})


def test_a_page_head_between_entries_of_a_bare_numbered_list() -> None:
    bare = [entry.replace(". ", " ", 1) for entry in ENTRIES]
    text = "References\n" + "\n".join([bare[0], "1", "2   Treating adult disease", *bare[1:]])
    (found,) = find_reference_lists(text)
    assert [entry.raw for entry in found.entries] == bare
    assert [entry.number for entry in found.entries] == [1, 2, 3]


def test_a_wrapped_volume_and_issue_is_no_bare_label() -> None:
    lines = [
        "Arden, P., T. Brask, and L. Cova. 2020. “A Marker of Slow Relapse.” Blood",
        "137 (26): 3682–84.",
        "Brask, T., and M. Dunn. 2021. “Two Drugs Compared.” Blood Adv 5 (2): 22–31.",
        "Cova, L. 2019. “Why Responses Differ.” Nat Rev Things 13 (4): 234–43.",
    ]
    (found,) = find_reference_lists("References\n" + "\n".join(lines))
    assert found.style == "unnumbered"
    assert len(found.entries) == 3 and found.entries[0].raw == "\n".join(lines[:2])


def test_lines_that_only_look_like_page_heads_stay() -> None:
    # A number and words inside running text, with no lone page number beside them and not repeated.
    text = "References\n1. Arden P. A study of\n12 patients treated for adult disease\nJ Clin Res. 2020;12:101-9.\n2. Brask T. Two. Blood. 2021;5:22-31."
    (found,) = find_reference_lists(text)
    assert "12 patients treated" in found.entries[0].raw
    assert page_furniture(text, [1]) == frozenset()



def test_a_name_pair_inside_the_text_near_a_page_foot_is_no_running_head() -> None:
    """``VEXAS and MDS`` reads like a running head of two authors' names, but a line of the text stands under it on
    the page: it is the sentence's (a narrow page printed by a browser wrapped it there; the claim lost it). At the
    page's edge, under the text or over a page number, it is furniture still."""
    page = ["Earlier registry data had", "already suggested that", "azacitidine helps patients with", "VEXAS and MDS", "[12].", "Next page."]
    assert page_furniture("\n".join(page), [1, 6]) == frozenset()
    assert page_furniture("\n".join([*page[:4], "7", *page[4:]]), [1, 6]) == frozenset({4, 5})
    assert page_furniture("\n".join([*page[:3], "Arden and Brask", "went on [12].", "Next page."]), [1, 5]) == frozenset({4})
    # "Arden et al." is a running head wherever it stands among a page's first or last lines, as before
    assert page_furniture("\n".join(["A journal's own head", "Arden et al.", *page]), [1]) == frozenset({2})


def test_a_running_head_naming_authors_with_particles_opens_no_list_at_the_documents_top() -> None:
    """``van der Berg et al.`` beside the journal's head at the top of the first page (no page above): with the
    name's particles in lower case it was not read as a running head, so the journal's head beside it read as a
    reference, and the heads, the title and the authors became a list with no heading."""
    text = "\n".join([
        "J Invented Med 2002;3(8):1661–1670", "van der Berg et al.",
        "Early and late marrow counts were not", "markedly (P ≥ 0.42) apart in any of the",
        "invented cohorts", "M. Quill, R. Venn", "Summary",
        "Marrow taken from the donors settled in the tissue of the hosts within weeks, and the cells of the",
        "donor, and arrest of the disease in most of the animals that we followed over the next two years.",
    ])
    assert find_reference_lists(text) == []


@pytest.mark.parametrize("head", ["QUILLFEATHER ET AL.", "VAN DER BERG ET AL.", "O’NEILL ET AL"])
def test_a_running_head_of_authors_in_capitals_inside_an_entry_is_furniture(head: str) -> None:
    """``QUILLFEATHER ET AL.`` under a page's notice, once, inside an entry: a running head in capitals, as
    ``Quillfeather et al.`` is (it was left in the entry's text)."""
    entries = [
        "1. Quillfeather AB, Norrland PJ. Seasonal drift of invented plankton in a model\n"
        "fjord. J Fjord Res. 2004;12:45-52. doi:10.5555/fjord.2004.12",
        "2. Tamsin R, Oyelaran K. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.",
    ]
    broken = entries[0].replace(
        "model\n", "model\n© 2024 The Authors. Published by Invented Press Ltd. All rights reserved.\n" + head + "\n\n"
    )
    (found,) = find_reference_lists("References\n" + "\n".join([broken, *entries[1:]]))
    assert [entry.raw for entry in found.entries] == entries


@pytest.mark.parametrize("gap", ["\t", "   ", " "])
def test_a_journal_footer_with_its_page_number_on_either_side_is_furniture(gap: str) -> None:
    """``4   Inv Blood 2024; 59: 894-948`` on an even page, ``Inv Blood 2024; 59: 894-948   5`` on an odd one, under
    a page's notice: the journal's footer with the page number beside it (it was kept inside the entries)."""
    entries = [
        f"{n}. Tamsin{chr(65 + n % 26)}{chr(65 + n // 26)} R, Oyelaran K. Marrow cells in an invented joint model of the\n"
        f"   knee of {chr(65 + n % 26)}{chr(65 + n // 26)}. Arthritis Invent. 2012;9:101-9. doi:10.5555/ai.{n}"
        for n in range(1, 41)
    ]
    lines = "\n".join(entries).split("\n")
    printed: list[str] = []
    for number, line in enumerate(lines, 1):
        printed.append(line)
        if number % 25 == 0:
            page = 3 + number // 25
            footer = "Inv Blood 2024; 59: 894-948"
            printed += ["For personal use only.", f"{page}{gap}{footer}" if page % 2 == 0 else f"{footer}{gap}{page}", ""]
    (found,) = find_reference_lists("References\n" + "\n".join(printed))
    assert [entry.raw for entry in found.entries] == entries


@pytest.mark.parametrize("head", ["Treating adult disease\t7", "Treating adult disease   7"])
def test_a_running_head_set_apart_from_its_page_number_beside_a_pages_notice_is_furniture(head: str) -> None:
    """``Treating adult disease<tab>7`` once, right under ``For personal use only.`` inside an entry: the next
    page's head with its page number, though no lone page number stands beside it (it was kept in the entry)."""
    broken = ENTRIES[0].replace("study of\n", "study of\nFor personal use only.\n" + head + "\n")
    text = "References\n" + "\n".join([broken, *ENTRIES[1:]])
    (found,) = find_reference_lists(text)
    assert [entry.raw for entry in found.entries] == ENTRIES


@pytest.mark.parametrize("gap", [" ", "  ", "\t"])
def test_a_bare_numbered_entry_after_a_pages_notice_is_no_running_head(gap: str) -> None:
    """``1020  Brightwater DR: Keeping relapses away by closer`` right under a page's notice, the list's last entry
    before the article's text: a bare list's entry opening with its label set apart, not the next page's head."""
    entries = [
        f"1018{gap}Arden P, Brask T. A marker of slow relapse in adult disease. J Clin Res. 2020;12(3):101-109.",
        f"1019{gap}Gollan G, Prendt M. Forms of an invented enzyme changed in their act-\nive site. Inv Cell 1987; 51:121-126.",
        f"1020{gap}Brightwater DR: Keeping invented relapses away by closer\nwatching of how patients take their drugs. "
        "J Inv Dis 2008, 197(Suppl\n3):272-278.",
    ]
    notice = "This article is protected by copyright. All rights reserved."
    prose = "Giving the invented factor to mice made every count we took better within a week."
    (found,) = find_reference_lists("References\n" + "\n".join([*entries[:2], notice, entries[2], "", prose]) + "\n")
    assert [entry.raw for entry in found.entries] == entries


def test_a_bare_numbered_entry_of_only_a_source_before_a_legend_keeps_its_label() -> None:
    """``23 Inv Ophthalmol Vis. 2000; 41: 2309-2317`` after entry 22, before a legend: the list's last entry (a
    string cut short), its number the label after 22, not a page number beside a journal footer."""
    entries = [
        "21 Quarrie JJ, Ostlund LA. How invented marsh antibodies wane. J Inv Marsh. 1996;174:927-936.",
        "22 Townes H. A light-weight invented trap. Inv Entomol News. 1972;83:239-247.",
        "23 Inv Ophthalmol Vis. 2000; 41: 2309-2317",
    ]
    text = "References\n" + "\n".join(entries) + "\n\nFigure 1. Counts of invented cells at 3 and 6 months.\n"
    (found,) = find_reference_lists(text)
    assert [entry.raw for entry in found.entries] == entries


def test_a_title_only_running_head_under_a_pages_banners_inside_entries_is_furniture() -> None:
    # The same banners and title on every page: no reference printed twice, though "Downloaded from ..." ends
    # as a reference might.
    page_top = [
        "",
        "Author Manuscript",
        "Downloaded from https://journal.example.org/inv/article/9/8/1234/5678 by guest on 3 March 2025",
        "Slow relapses in invented disease",
        "",
    ]
    lines = [
        "References", "",
        "1. Arden P, Brask T, Cova L. A marker of slow relapse in adult disease: a study of",
        "   forty patients. J Clin Res. 2020;12(3):101-109. doi:10.5555/jcr.2020.101",
        "2. Brask T, Dunn M, Egli O, Fenn R, Gale S: Late results seen in invented patients with an",
        "   invented disease and frequent crises. Am J",
        *page_top,
        "   Inv Sci 2003, 325:107-109.",
        "3. Cova L, Egli O. Why responses differ in a registry. Nat Rev Things. 2019;13(4):234-243.",
        "4. Dunn M, Arden P: A psychosocial",
        *page_top,
        "   profile of invented patients. J Affect Inv 1992, 25:251-260.",
        "5. Egli O. Closing notes on an invented cohort. Inv Med. 2018;4:1-9. doi:10.5555/im.2018.4",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    texts = [entry.text for entry in found.entries]
    assert texts[1] == (
        "2. Brask T, Dunn M, Egli O, Fenn R, Gale S: Late results seen in invented patients with an invented disease and "
        "frequent crises. Am J Inv Sci 2003, 325:107-109."
    )
    assert texts[3] == "4. Dunn M, Arden P: A psychosocial profile of invented patients. J Affect Inv 1992, 25:251-260."


def test_a_running_head_with_digits_in_its_words_is_furniture() -> None:
    # "Somatic TIDE2 keepers in invented harbours<tab>11" (a gene's or a device's name, "TIDE2", "IL-6") under a page's
    # banner, and the same head on the page before as "10<tab>...": the running head, not the end of entry 9.
    head = "Somatic TIDE2 keepers in invented harbours"
    lines = [
        "Relapses were more frequent in the northern harbours than in the southern ones [3].", "",
        "Author Manuscript", f"10\t{head}", "",
        "The keepers' notes were read against the tide tables of each port over ten years [9].", "",
        "References",
        "[8] Quill D (2005) Fate of invented fuel in tidal time. J Inv Res",
        "110: C09S05.",
        "[9] Marsh CN, Venn LS, Okafor MW, Lind BL: Characteristics of keepers",
        "with invented disorder who did or did not report a history",
        "of storms: a preliminary report from the northern study of tides and",
        "lights. J Inv Health 2001, 10:873-878.",
        "Author Manuscript",
        f"{head}\t11",
        "[10] Arvik, C. F., & Holm, D. R. (2007). How I was then and how I am now: invented",
        "self-reports of keepers. Inv Coast, 16, 752-762.",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert [entry.number for entry in found.entries] == [8, 9, 10]
    assert found.entries[1].text.endswith("J Inv Health 2001, 10:873-878.")


def test_a_hanging_entrys_line_between_two_banners_at_the_margin_is_the_entrys() -> None:
    # "     Inv Physiol 81(3):802-806" set in as the entry's line above it, between two "Author Manuscript" banners
    # printed at the page's margin: the entry's source, not a page's foot (furniture stands at the margin).
    lines = [
        "References",
        "[42] Quill D, Marsh T (1995) Structural basis for the bending of invented tides by the",
        "     architectural keeper LEF-9. Nature Inv 376:791-795",
        "[43] Venn WJ, Okafor CK (1986) Solubilization of Invented Harbour Proteins for",
        "     Analysis by Two-Dimensional Tide Tables.",
        "Author Manuscript",
        "     Inv Physiol 81(3):802-806",
        "Author Manuscript",
        "[44] Lind H, Arvik P (2002) Invented small harbours in the north. Inv Coast 12:1-9.",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert [entry.number for entry in found.entries] == [42, 43, 44]
    assert found.entries[1].text.endswith("Tide Tables. Inv Physiol 81(3):802-806")


def test_a_title_only_running_head_seen_once_inside_an_entry_is_furniture() -> None:
    # The next page's head, a title's words with no page number, alone between blank lines under the page's foot and
    # notices, inside an entry that goes on in lower case: not the entry's words.
    lines = [
        "References",
        "[9] Quill A, Marsh R, Venn J (2007) Influences of invented tides and age on energy",
        "expenditure in the harbour keeper. Am J Inv Physiol Coast 292:E101-E106",
        "[10] Okafor S, Lind T, Arvik K (2010) Invented harbour synthase is an integral",
        "4",
        "Downloaded from http://journal.example.org/inv/article-pdf/100/17/2032/1/inv.pdf by guest on 8 March 2024",
        "This article is protected by copyright. All rights reserved.",
        "",
        "Neutrophilic relapses in invented harbours",
        "",
        "component of the lighthouse synthesis machinery. Inv Cell Physiol",
        "51(2):294-301",
        "[11] Holm P, Penn D (2001) Invented gulls of the south. Coast Res 3:12-19",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert [entry.number for entry in found.entries] == [9, 10, 11]
    assert found.entries[1].text == (
        "[10] Okafor S, Lind T, Arvik K (2010) Invented harbour synthase is an integral component of the lighthouse "
        "synthesis machinery. Inv Cell Physiol 51(2):294-301"
    )


def test_a_number_set_in_under_a_hanging_entrys_first_line_left_on_a_comma_is_the_entrys() -> None:
    # "   481" at the list's hanging indent right under "..., Inv A&A, 47,": the entry's page, not a page number.
    lines = [
        "References",
        "",
        "Arvik, E. M., & Lind, J. Q. (2007). What matters for staying on",
        "   track in invented harbours. Bergen: University of Bergen, Consortium on Harbour Research.",
        "Quill, M., Venn, N., Marsh, A. J., & Holm, P. 2009, Inv A&A, 47,",
        "   481",
        "Calendar of Invented Papers, Northern Series, of the reign of the Keepers,",
        "   1561-2. Edited by Joseph Okafor. Bergen, 1866.",
        "Penn, D. C. Memory in Invented Traditions: The Keepers' Psychology of Tides,",
        "   Ballads, and Counting-out Rhymes. Bergen: Lakeside Press, 1995.",
    ]
    texts = [entry.text for found in find_reference_lists("\n".join(lines) + "\n") for entry in found.entries]
    assert "Quill, M., Venn, N., Marsh, A. J., & Holm, P. 2009, Inv A&A, 47, 481" in texts


def test_a_journal_footer_alone_inside_an_entry_after_an_open_word_is_furniture() -> None:
    # "J Inv Med. 2019;356(12):2765-2790" between "... the small harbours of" and "Bergen (in Norwegian). ...", with no
    # other furniture beside it: the page's foot cutting a title, not the entry's source.
    lines = [
        "References",
        "5.",
        "Quill D, Marsh T. Invented tides of the north. Inv Public Health 3: 255.",
        "6.",
        "Venn, A. O., Okafor, R. T., Invented",
        "matter in and around the small harbours of",
        "J Inv Med. 2019;356(12):2765-2790",
        "Bergen (in Norwegian). Inv Coast, v. 41, pp. 120-125. 1982.",
        "7.",
        "Lind H, Arvik P (2002) Invented small harbours in the north. Inv Coast 12:1-9.",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert found.entries[1].text == (
        "6. Venn, A. O., Okafor, R. T., Invented matter in and around the small harbours of Bergen (in Norwegian). "
        "Inv Coast, v. 41, pp. 120-125. 1982."
    )


def test_a_journals_name_wrapped_after_of_to_a_footer_shaped_line_is_the_entrys() -> None:
    # "... Journal of" / "    Invented Production. 2013;54:332-343" then the next entry's authors or bullet: the
    # journal's name and source going on, set in or not, not a page's foot.
    hanging = [
        "References",
        "Quill, A., Invented tides of the north: Inv Acta",
        "    Haematologica (1957) 17, 237-246",
        "Venn MJ, Marsh B. Minimum quantity of invented tides in northern harbours. Journal of",
        "    Invented Production. 2013;54:332-343",
        "Arvik, H., G. J. Lind and J. Lind. Structure of Invented Harbours. Lakeside",
        "    Press, 1985.",
    ]
    texts = [entry.text for found in find_reference_lists("\n".join(hanging) + "\n") for entry in found.entries]
    assert texts[1].endswith("Journal of Invented Production. 2013;54:332-343")
    bulleted = [
        "References",
        "\u2022 Quill MH, Venn BA, Marsh MA. Invented tides. A",
        "potential risk factor in harbour keeping. Inv Coast. 1994;19(12):1406-9.",
        "\u2022 The Journal of Invented Universities of Posts and",
        "Harbours August 2010, 17(4): 94-99",
        "\u2022 Lind AL, Arvik YK, Holm Z, Penn CJ, et",
        "al. Efficacy of invented lights in the northern region. Inv Oncol. 2009; 10:25-34.",
    ]
    texts = [entry.text for found in find_reference_lists("\n".join(bulleted) + "\n") for entry in found.entries]
    assert any(text.endswith("Universities of Posts and Harbours August 2010, 17(4): 94-99") for text in texts)


def test_a_source_wrapped_after_an_open_word_before_an_entry_opening_on_its_year_stays_the_entrys() -> None:
    # "... of the inner marsh Roman. The" / "Inv Marsh Journal. 2012; 12 (6): 515-524" / "2011: Holm K: ...": the line
    # below opens the next entry on its year, so the footer-shaped line is the entry's source going on, not a page's foot.
    lines = [
        "References",
        "(Z. Inv. Forsch. 2 b, 451-452 [1947];",
        "Quill R, Venn M, Okafor A. Conjoined reeds of the inner marsh Roman. The",
        "Inv Marsh Journal. 2012; 12 (6): 515-524",
        "2011: Holm K: Schritte zur erfundenen Marsch. In: Inv Verwaltung, (13) H. 3/2011, 39-41.",
        "A. R. Lind and B. Arvik. \"On invented tides\". Proceedings of the Tenth Inv Symposium, May, 1978, pages 1-9.",
    ]
    texts = [entry.text for found in find_reference_lists("\n".join(lines) + "\n") for entry in found.entries]
    assert any("Inv Marsh Journal. 2012; 12 (6): 515-524" in text for text in texts), texts
