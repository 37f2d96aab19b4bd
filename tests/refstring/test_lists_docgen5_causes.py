"""Causes found by benchmarks/docgen5.py (issue 11), each on invented references."""

from __future__ import annotations

from tests.refstring.found import entry_raws, entry_texts, raws_by_list
from vexascite.refstring import find_reference_lists
from vexascite.refstring.lists import describe, summarize


def test_names_opening_with_digits_sorted_together_are_no_glued_numbering() -> None:
    """An author-year list whose first entries are groups named with digits (``23andMe``, ``3D``, ``3M``: read as
    23, 3, 3 glued to text) is not a numbered list: those numbers do not step by one, so each line is an entry."""
    text = (
        "Body text of an invented article ends here.\n\nReferences\n"
        "1000 Genomes Project Consortium. An invented map of human variation. Nature\n"
        "    2015;526:68-74.\n"
        "23andMe Research Team. Invented ancestry estimates in a model cohort. Genet\n"
        "    Epidemiol 2018;42:1-9.\n"
        "3D Systems Corporation. (2011). Printing invented bones for a model knee. J\n"
        "    Invent Eng 4: 11-19.\n"
        "3M Company. Safety data sheet for an invented adhesive tape. St Paul: 3M;\n"
        "    2015.\n"
        "Abel K, Brook T. Invented trials of nothing in particular. J Invent Med\n"
        "    2011;12:33-41.\n"
        "Zeller P. Another invented paper on tides. Mar Geol 2001;171:1-20.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 6, texts
    assert texts[2].startswith("3D Systems") and texts[3].startswith("3M Company") and texts[4].startswith("Abel K")
    assert len(raws_by_list(text)) == 1


def test_a_supplements_reference_heading_opens_a_list_of_its_own() -> None:
    """``Supplementary References`` and ``References cited in the supplement`` head a list (a supplement's own,
    numbered ``S1.``, ``S2.``): the entries under them are found, not dropped after the first list ends."""
    for heading in ("Supplementary References", "References cited in the supplement"):
        text = (
            "Body text of an invented article ends here.\n\nReferences\n"
            "1. Abel K, Brook T. Invented trials of nothing. J Invent Med. 2011;12:33-41.\n"
            "2. Zeller P. Another invented paper on tides. Mar Geol. 2001;171:1-20.\n\n"
            f"{heading}\n"
            "S1. Haldane PK, Ruiz MT. Sleep in an invented coastal cohort. Coast Res. 2009;41:210-6.\n"
            "S2. Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton. J Fjord Res 12:45-52\n"
            "S3. Tamsin R, Oyelaran K. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.\n"
        )
        lists = raws_by_list(text)
        assert [len(raws) for raws in lists] == [2, 3], (heading, lists)
        assert lists[1][0].startswith("S1. Haldane PK"), lists


def test_accepted_article_banners_and_dated_running_heads_are_page_furniture() -> None:
    """Wiley's ``Accepted Article`` banner and a running head with the issue's date (``BLOOD, 12 MARCH 2020 ·
    VOLUME 135, NUMBER 11``) at a page break inside an entry are set aside, not kept in the entry's text."""
    text = (
        "Body text of an invented article ends here.\n\nReferences\n"
        "1. Abel K, Brook T. Invented trials of nothing in particular. J Invent\n"
        "Med. 2011;12:33-41.\n"
        "2. Zeller P, Quill N. Another invented paper on the tides of a model\n"
        "Accepted Article\n"
        "BLOOD, 12 MARCH 2020 · VOLUME 135, NUMBER 11\n"
        "coast. Mar Geol. 2001;171:1-20.\n"
        "3. Tamsin R, Oyelaran K. Marrow cells in an invented joint model of the\n"
        "This article is protected by copyright. All rights reserved.\n"
        "Accepted Article\n"
        "knee. Arthritis Invent. 2012;9:101-9.\n"
    )
    texts = entry_texts(text)
    assert texts == [
        "1. Abel K, Brook T. Invented trials of nothing in particular. J Invent Med. 2011;12:33-41.",
        "2. Zeller P, Quill N. Another invented paper on the tides of a model coast. Mar Geol. 2001;171:1-20.",
        "3. Tamsin R, Oyelaran K. Marrow cells in an invented joint model of the knee. Arthritis Invent. 2012;9:101-9.",
    ], texts


def test_flush_entries_opening_1st_2019_3d_3m_are_no_glued_numbering() -> None:
    """Flush entries opening ``1st``, ``2019 ESC``, ``3D``, ``3M`` read as 1, 2, 3, 3 glued to text; two glued
    labels that do not step by one (3, 3) make no numbering, so the author-year list is read whole."""
    text = (
        "Body text of an invented article ends here.\n\nReferences\n"
        "1st Medical Faculty Study Group. (2002). An invented model of shift work and\n"
        "family life. Invent Relat Ind, 57(3), 491-516.\n"
        "2019 ESC Guidelines Task Force. Invented guidance on the care of model hearts. Eur\n"
        "Invent J 2019;40:1-9.\n"
        "3D Systems Corporation. (2011) Printing invented bones for a model knee. J Invent\n"
        "Eng 4: 11-19.\n"
        "3M Company. Safety data sheet for an invented adhesive tape. St Paul: 3M,\n"
        "2015.\n"
        "Abel K, Brook T. Invented trials of nothing in particular. J Invent Med\n"
        "2011;12:33-41.\n"
        "Zeller P. Another invented paper on tides. Mar Geol 2001;171:1-20.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 6, texts
    assert texts[3].startswith("3M Company") and texts[4].startswith("Abel K"), texts


def _margin(lines: list[str], first: int, gap: str = "  ") -> str:
    return "".join(f"{first + at}{gap}{line}\n" for at, line in enumerate(lines))


_MANUSCRIPT = [
    "Discussion",
    "The invented cohort of this study was small, and the model fjord we",
    "describe has no tides of its own [1]. Larger cohorts are needed [2,3].",
    "",
    "References",
    "1. Abel K, Brook T. Invented trials of nothing in particular. J Invent",
    "Med. 2011;12:33-41.",
    "2. Zeller P, Quill N. Another invented paper on the tides of a model",
    "coast. Mar Geol. 2001;171:1-20.",
    "3. Tamsin R, Oyelaran K. Marrow cells in an invented joint model of the",
    "knee. Arthritis Invent. 2012;9:101-9.",
    "",
]


def test_a_submitted_manuscripts_line_numbers_in_the_margin_are_set_aside() -> None:
    """Every line numbered in the margin (``212  2. Zeller P ...``, blank lines too, or a tab after the number):
    the numbers are page furniture, so the list's labels and entries read as without them."""
    for gap in ("  ", " ", "\t"):
        text = _margin(_MANUSCRIPT, 205, gap)
        found = [(entry.number, entry.body) for ref_list in find_reference_lists(text) for entry in ref_list.entries]
        assert [number for number, _ in found] == [1, 2, 3], (gap, found)
        assert found[1][1] == "Zeller P, Quill N. Another invented paper on the tides of a model coast. Mar Geol. 2001;171:1-20."
        assert entry_raws(text)[2] == "3. Tamsin R, Oyelaran K. Marrow cells in an invented joint model of the\nknee. Arthritis Invent. 2012;9:101-9."
    # (Never silent: the list's report says which lines had their margin's numbers set aside.)
    (ref_list,) = find_reference_lists(_margin(_MANUSCRIPT, 205))
    assert ref_list.margin == [(5, 11)]
    assert describe(summarize(ref_list)).endswith("; line numbers in the margin set aside at lines 5-11")


def test_a_list_of_one_line_entries_numbered_bare_is_no_margin() -> None:
    """``1 Smith J ...`` / ``2 Doe A ...``, one line each, number their lines one after another as a margin does; every
    line opens with authors, so the numbers stay the entries' labels."""
    entries = [f"{n} {name} Invented study number {n}. J Invent Med. 20{10 + n};{n}:1-9." for n, name in enumerate(
        ["Abel K.", "Brook T.", "Cole R.", "Dunn S.", "Eyre P.", "Fenn J.", "Gale M.", "Hart L.", "Ives N.", "Jory A.", "Kemp B.", "Lund C."], 1
    )]
    text = "Body text of an invented article ends here.\n\nReferences\n" + "\n".join(entries) + "\n"
    assert [(e.number, e.raw) for f in find_reference_lists(text) for e in f.entries] == [(n, line) for n, line in enumerate(entries, 1)]


def test_a_doi_footer_right_above_a_pages_head_inside_an_entry_is_furniture() -> None:
    """``https://doi.org/...`` alone at a page's foot, right above the next page's head, while the entry above is left
    open and goes on after the head, is the page's DOI (once in the text: a list that crosses one page break); so is one
    under a line that already ends on the entry's DOI.
    An entry's own DOI on the line that closes it stays in the entry."""
    text = (
        "Body text of an invented article ends here.\n\nReferences\n"
        "1. Abel K, Brook T. Invented trials of nothing in particular: a\n"
        "https://doi.org/10.5555/invjournal.2021.12345\n"
        "Abel et al. Page 6\n"
        "critical review. J Invent Med. 2011;12:33-41.\n"
        "2. Zeller P, Quill N. Another invented paper. Mar Geol. 2001;171:1-20. doi: 10.5555/mg.2001.7.\n"
        "https://doi.org/10.5555/invjournal.2021.12346\n"
        "Accepted Article\n"
        "3. Tamsin R, Oyelaran K. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.\n"
        "https://doi.org/10.5555/ai.2012.9\n"
        "4. Haldane PK, Ruiz MT. Sleep in an invented coastal cohort. Coast Res. 2009;41:210-6.\n"
    )
    texts = entry_texts(text)
    assert texts == [
        "1. Abel K, Brook T. Invented trials of nothing in particular: a critical review. J Invent Med. 2011;12:33-41.",
        "2. Zeller P, Quill N. Another invented paper. Mar Geol. 2001;171:1-20. doi: 10.5555/mg.2001.7.",
        "3. Tamsin R, Oyelaran K. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9. https://doi.org/10.5555/ai.2012.9",
        "4. Haldane PK, Ruiz MT. Sleep in an invented coastal cohort. Coast Res. 2009;41:210-6.",
    ], texts


def test_a_supplements_labels_s1_s2_number_its_list() -> None:
    """``S1.``, ``S2.`` (and ``[S1]``) label a supplement's list as ``1.``, ``2.`` do: a wrapped entry's lines stay
    together even when its first line ends as a reference might (``... et al (2010)``), and the label is out of the
    text the string parser reads."""
    for form in ("S{}.", "[S{}]"):
        text = (
            "Body text of an invented article ends here.\n\nSupplementary References\n"
            f"{form.format(1)} Haldane PK, Ruiz MT, Quill N et al (2010)\n"
            "Sleep in an invented coastal cohort. Coast Res 41:210-216\n"
            f"{form.format(2)} Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton. J Fjord Res 12:45-52\n"
            f"{form.format(3)} Tamsin R, Oyelaran K. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.\n"
        )
        found = [(entry.number, entry.body) for ref_list in find_reference_lists(text) for entry in ref_list.entries]
        assert [number for number, _ in found] == [1, 2, 3], (form, found)
        assert found[0][1] == "Haldane PK, Ruiz MT, Quill N et al (2010) Sleep in an invented coastal cohort. Coast Res 41:210-216"
