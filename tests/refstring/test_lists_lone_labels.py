"""Labels set on lines of their own (PDF extraction), each on invented references (10.5555 DOIs, made-up
names and journals): a year alone between two such labels, or under an entry that states no year yet, is
that entry's text, never a page number or a label."""

from __future__ import annotations

import pytest

from tests.refstring.found import numbered_texts
from vexascite.refstring import find_reference_lists

_BODIES = [
    "Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50. doi:10.5555/inv.2019.12",
    None,  # the entry under test
    "Lindqvist M. A third invented study of tides. Inv Lett. 2018;3:1-9.",
    "Quill P, Osei A. Fourth study of reed beds. Inv Lett. 2017;2:3-4.",
]
_FORMS = ["{}", "{}.", "[{}]", "({})", "{})"]
_INTRO_LONE = "The article's last paragraph ends here.\n\nReferences\n"


def _document(form: str, middle: str, start: int = 11) -> str:
    lines = ["References"]
    for number, body in enumerate(_BODIES, start):
        lines.append(form.format(number))
        lines.extend((middle if body is None else body).split("\n"))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("form", _FORMS)
@pytest.mark.parametrize("year", ["2019", "2019."])
def test_a_year_alone_between_two_lone_labels_is_that_entry(form: str, year: str) -> None:
    found = numbered_texts(_document(form, year))
    assert [number for number, _ in found] == [11, 12, 13, 14]
    assert found[1][1] == f"{form.format(12)} {year}"  # (a lone label stays in its entry's text)


@pytest.mark.parametrize("form", _FORMS)
def test_a_year_under_an_entry_with_none_after_a_lone_bare_label_is_its_year(form: str) -> None:
    middle = "Brandt P, Okafor A. Another invented paper on marsh birds. Inv Med J.\n2019"
    found = numbered_texts(_document(form, middle))
    assert [number for number, _ in found] == [11, 12, 13, 14]
    assert found[1][1].endswith("Inv Med J. 2019")


@pytest.mark.parametrize("form", _FORMS)
def test_a_source_alone_between_two_lone_labels_is_that_entry_not_a_journal_footer(form: str) -> None:
    # (A journal footer after a lone label at a page's foot is furniture; with the next label right under it,
    # it is all the text that label has: an eval-set string of only a source.)
    found = numbered_texts(_document(form, "Arch Inv Ophthalmol. 2001; 119: 709-717"))
    assert [number for number, _ in found] == [11, 12, 13, 14]
    assert found[1][1].endswith("Arch Inv Ophthalmol. 2001; 119: 709-717")


@pytest.mark.parametrize("form", _FORMS)
@pytest.mark.parametrize("start", [1598, 1979, 2017])
def test_lone_labels_that_read_as_years_are_still_a_numbering(form: str, start: int) -> None:
    # Numbers stepping by one are a numbering in the years too: no label is taken for a year, no entry is lost,
    # an entry that states no year keeps the year under it, and a year alone under a label is that entry.
    found = numbered_texts(_document(form, "Brandt P, Okafor A. Another invented paper on marsh birds. Inv Med J.\n2018", start))
    assert [number for number, _ in found] == [start, start + 1, start + 2, start + 3]
    assert found[1][1].endswith("Inv Med J. 2018")
    found = numbered_texts(_document(form, "(2004)", start))
    assert [number for number, _ in found] == [start, start + 1, start + 2, start + 3]
    assert found[1][1] == f"{form.format(start + 1)} (2004)"



_HOLM = "Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50."
_BRANDT = "Brandt P, Okafor A. Another invented paper on marsh birds. Inv Med J. 2018;3:4-5."
_ASHBY = "Ashby L. Counting nests. Inv Coast Res 30:55-61"


@pytest.mark.parametrize(
    ("numbers", "bodies"),
    [
        ([1, 2, 4], [_HOLM, _BRANDT, _ASHBY]),  # a gap: the middle entry was taken for a page's furniture
        ([1, 1, 2], [_HOLM, _HOLM, _HOLM]),  # a repeated number, the same reference each time
        ([1, 2, 3], [_HOLM, _HOLM, "doi:10.5555/inv.2020.7"]),  # an entry that is only its DOI
        ([1, 2, 2], [_HOLM, "doi:10.5555/inv.2020.7", "doi:10.5555/inv.2020.7"]),  # its DOI printed twice
    ],
)
def test_short_runs_of_bare_lone_labels_keep_every_entry(numbers: list[int], bodies: list[str]) -> None:
    # Three entries, each under a bare number alone on its line: a repeat, a gap, a DOI alone do not make the
    # numbers page numbers and the repeated lines a running head.
    text = "References\n" + "".join(f"{number}\n{body}\n" for number, body in zip(numbers, bodies, strict=True))
    found = numbered_texts(text)
    assert [number for number, _ in found] == numbers
    assert [entry.split(" ", 1)[1] for _, entry in found] == bodies


def test_a_1_wrapped_to_a_line_start_inside_an_entry_under_a_lone_label_is_no_new_list() -> None:
    # "1. Ruderkrebse der ..." (a volume's part wrapped to a line's start) under the lone label 70, with 71 next:
    # it had opened a new list numbered from 1 that took in every entry after it.
    text = _INTRO_LONE + (
        "69.\nKarl Quill, Maternal Kin in the Early Marsh. A Reply, Past and Tides, n° 49,\n1970, 126-134.\n"
        "70.\nPellin, O., 1932. Tiere der Marschen.\n1. Ruderkrebse der Watten. 3.\n"
        "Teil: Erfunden (1 und 2). Die Fauna der Marsch, Bd. 24, S. 1-164.\n"
        "71.\nC. E. Quill: Weld. Inv. J., 1979, vol. 58, pp.\n189s-94s.\n"
        "72.\nHolm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50.\n"
    )
    assert [number for number, _ in numbered_texts(text)] == [69, 70, 71, 72]


def test_a_lone_label_in_step_before_a_strings_own_number_one_below_the_last() -> None:
    # "14." alone after entry 13, then "12. Quill AL, ..." (the string's own number, also one off 13), then "15.": the
    # numbering goes on from the lone label, so 12 is the string's text; "14." is no tail of entry 13.
    lines = [
        "References",
        "13.",
        "Venn Y, Marsh C, Okafor N (2012) How invented tides have",
        "changed in the northern harbours. Inv Med J 102: 77-78.",
        "14.",
        "12. Quill AL, Lind JM, Holm GD, Penn NW. Keeper",
        "extension and stiffness in invented harbours. Inv Coast 2014 44(4)",
        "273-82.",
        "15.",
        "Arvik, M. (1997). Thematic tides and their structure. Bergen: Lakeside Press.",
        "16.",
        "Marsh T, Venn D (2001) Invented gulls of the south. Coast Res 3:12-19",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert [entry.number for entry in found.entries] == [13, 14, 15, 16]
    assert found.entries[0].raw.endswith("Inv Med J 102: 77-78.")
    assert found.entries[1].body.startswith("12. Quill AL")


def test_a_last_entrys_volume_and_pages_after_a_page_break_go_on() -> None:
    # The list's last entry left on its journal's name ("... Inv Mol Biol Cell"), a page break, then "20:1180-1191" and
    # a table: the source's volume and pages, not text after the list.
    lines = [
        "References",
        "30.",
        "Quill, Arla. 1982. Keepers in the state. Bergen: Lakeside.",
        "31.",
        "Venn BJ, Okafor JA, Lind Y et al (2009) Invented tides provide",
        "nutrients but can lead to gull-dependent induction of lights to",
        "sensitize harbour keepers to storms. Inv Mol Biol Cell",
        "",
        "Downloaded from http://www.journal.example.org/ by guest on March 6, 2019",
        "",
        "20:1180-1191",
        "",
        "Table 4. Characteristics of the 48 keepers",
        "Characteristic\tGroup A\tGroup B",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert found.entries[-1].text.endswith("storms. Inv Mol Biol Cell 20:1180-1191")


@pytest.mark.parametrize(
    ("start", "stray"),
    [
        (3, "6"),  # a page number at a page's foot, over the next label
        (2015, "2018"),  # an entry's year wrapped onto a line of its own (a list numbered past 2000)
    ],
)
def test_a_number_over_the_label_that_fills_a_gap_is_no_label(start: int, stray: str) -> None:
    # "3" / text / "6" / "4" / text / "5" / text: "6" looked like a label after a gap of two, and then "4" and
    # "5", out of step with it, were page numbers: set aside, the two entries were read as one. (Found by
    # test_labels_on_lines_of_their_own_lose_no_character, seed 53.)
    lines = [
        "References",
        str(start),
        "Brandt P, Okafor A. Another invented paper on marsh birds. Inv Med J.",
        stray,
        str(start + 1),
        "Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50.",
        str(start + 2),
        "Quill P, Osei A. Fourth study of reed beds. Inv Lett. 2017;2:3-4.",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert [entry.number for entry in found.entries] == [start, start + 1, start + 2]
    assert found.entries[1].raw == f"{start + 1}\nHolm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50."
    assert found.entries[2].raw.endswith("Inv Lett. 2017;2:3-4.")


def test_a_short_list_numbered_past_2000_with_a_year_under_its_first_label_is_found() -> None:
    # "2015" / "2019" / "2016" / text / "2017" / text: "2016" was read as going on from "2019" after a gap (a run
    # running down), "2017" then fit no run, no label was found and the list was set aside as page numbers and
    # repeated lines, without a word. (Found by test_labels_on_lines_of_their_own_lose_no_character, seed 101.)
    lines = [
        "References",
        "2015",
        "2019",
        "2016",
        "Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50.",
        "2017",
        "Quill P, Osei A. Fourth study of reed beds. Inv Lett. 2017;2:3-4.",
    ]
    (found,) = find_reference_lists("\n".join(lines) + "\n")
    assert [entry.raw for entry in found.entries] == ["2015\n2019", "\n".join(lines[3:5]), "\n".join(lines[5:7])]
