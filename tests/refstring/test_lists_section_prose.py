"""List finding: a numbered section's heading over its prose (``1. Introduction`` / a paragraph that cites
``(Tarrow and Velde, 2001)`` and ``[2]`` and holds years and figures) is the article's text, not a
one-entry reference list with no heading; a numbered list of references with no heading still is one.
Invented references (made-up names and journals)."""

from __future__ import annotations

from vexascite.refstring import find_reference_lists

_REFERENCES = (
    "References\n"
    "[1] Tarrow K, Velde M. A first invented study of nothing. J Inv Res. 2001;2:11-19.\n"
    "[2] Ostrander PL, Quill R. A second invented study of things. Inv Med. 2003;5:20-29.\n"
    "[3] Brandt S. A third invented study of the marsh. Inv Lett. 2005;7:30-39.\n"
    "[4] Corwin D, Ashby L. A fourth invented study of reeds. Inv Lett. 2006;8:40-49.\n"
    "[5] Hurley M. A fifth invented study of maps. Inv Geogr. 2007;9:50-59.\n"
)


def _article(second: str, third: str) -> str:
    # As a PDF's text reads: no blank lines, headings alone on their lines over wrapped prose.
    return (
        "Invented Journal of Marsh Studies 2011;15(12):1222-1239\n"
        "An invented study of marsh reeds\n"
        "A. Tarrow, B. Velde, C. Quill\n"
        "1. Introduction\n"
        "Invented reeds grow in invented marshes, and the stands counted in 1998 thinned within a decade of the\n"
        "drainage (Tarrow and Velde, 2001, Quill et al., 2003) [2]. We counted 45 stands between 2001 and 2004, each\n"
        "visited twice a year, and the counts were recorded as described before [3,4]. The stands thinned by 12% a\n"
        "year on average, much as the earlier work found (Ostrander and Brandt\n"
        "2005). Although the marsh lies at an altitude of 120 m, the water table fell by 0.4 m over the same years.\n"
        f"{second}\n"
        "We sampled the invented reeds of each stand in the spring and in the autumn, and the counts of 2002 were\n"
        "checked against aerial photographs taken in 1999 (Brandt et al., 2006). The stands were chosen at random\n"
        "from the map of the marsh drawn in 1987 [5].\n"
        f"{third}\n"
        "The stands thinned by 12% a year on average (range 3-25%), and the thinning was fastest where the water\n"
        "table fell most (Velde and Quill, 2008) [1].\n"
    )


def _lists(text: str) -> list[tuple[str | None, int]]:
    return [(found.heading, len(found.entries)) for found in find_reference_lists(text)]


def test_numbered_section_headings_over_prose_are_no_reference_list() -> None:
    # "1. Introduction" alone among unnumbered headings, and the three numbered: the article's text either way.
    assert _lists(_article("Patients and methods", "Results") + _REFERENCES) == [("References", 5)]
    assert _lists(_article("2. Patients and methods", "3. Results") + _REFERENCES) == [("References", 5)]


def test_a_numbered_list_with_no_heading_after_numbered_sections_is_still_the_only_list() -> None:
    text = _article("Patients and methods", "Results") + (
        "\n"
        "1. Tarrow K, Velde M. A first invented study of nothing. J Inv Res. 2001;2:11-19.\n"
        "2. Ostrander PL, Quill R. A second invented study of things. Inv Med. 2003;5:20-29.\n"
        "3. Brandt S. A third invented study of the marsh. Inv Lett. 2005;7:30-39.\n"
    )
    found = find_reference_lists(text)
    assert [(ref_list.heading, [entry.number for entry in ref_list.entries]) for ref_list in found] == [(None, [1, 2, 3])]
    assert found[0].entries[0].text.startswith("1. Tarrow K, Velde M.")
