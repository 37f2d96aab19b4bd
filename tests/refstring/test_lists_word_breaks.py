"""Breaks between references that only the words mark: back matter right under a list with no heading, and
wrapped unnumbered text where a complete entry is followed by a line that opens a new one."""

from __future__ import annotations

from tests.refstring.found import entry_texts, raws_by_list

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
