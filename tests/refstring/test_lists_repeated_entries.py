"""List finding: a reference printed twice keeps every line (invented references, 10.5555 DOIs)."""

from __future__ import annotations

import pytest

from tests.refstring.found import entry_raws, raws_by_list

SHARED = [
    "Quennell AB, Marsh TK, Oduya P, Lindgren S, Parvane H, Okafor N,",
    "Tessaro M, Vukovic D. Seasonal relapse of an invented inflammatory",
    "syndrome in older men treated with an invented kinase inhibitor",
    "over two winters. J Inv Rheum. 2021;14:201-9.",
    "doi:10.5555/inv.rheum.2021.14",
]


def _letter(title: str, own: list[str]) -> list[str]:
    return [title, "", "Some prose of the letter that cites its sources.", "", "References", "", *own, *SHARED, ""]


def test_a_reference_in_two_lists_of_one_document_keeps_its_lines_and_doi() -> None:
    # A letter and its reply cite the same work, wrapped the same: its middle title lines and DOI line repeat,
    # as a running head does, but each copy sits among the same lines of a reference.
    first = _letter("Letter", ["Arnsby K, Dole P. An invented cohort of marrow donors.", "Inv Haematol. 2019;3:11-9.", ""])
    second = _letter("Reply", ["Bexworth T, Imre L. Invented outcomes in a second cohort.", "Inv Blood. 2020;8:40-7.", ""])
    lists = raws_by_list("\n".join(first + second) + "\n")
    assert len(lists) == 2, lists
    whole = "\n".join(SHARED)
    assert [found[-1] for found in lists] == [whole, whole]


_FIRST = "Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50. doi:10.5555/inv.2019.12"


def _lone_labelled(form: str, bodies: list[str]) -> str:
    lines = ["References"]
    for number, body in enumerate(bodies, 1):
        lines.extend([form.format(number), *body.split("\n")])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("form", ["{}", "{}.", "[{}]"])
@pytest.mark.parametrize(
    "copy",
    [
        "Brandt P, Okafor A. Another invented paper on marsh birds. Inv Med J.\n2018",  # its year under the source
        "Lindqvist M. The reed beds of an invented coast. Larch House, London,\n2016.",  # a book, its year wrapped
    ],
)
def test_a_reference_printed_twice_under_lone_labels_keeps_both_copies(form: str, copy: str) -> None:
    # Labels on lines of their own and the same reference twice, each copy with its year alone on the line under
    # it: the copies repeat as a running head and its page number would, but each is all of its entry's text.
    raws = [raw.split("\n", 1)[1] for raw in entry_raws(_lone_labelled(form, [_FIRST, copy, copy]))]
    assert raws == [_FIRST, copy, copy]


def test_a_short_entry_ending_on_a_year_printed_twice_under_lone_labels_is_no_running_head() -> None:
    # "FERRANTE ..., Paris, 2007" reads as a running head and its page number, and it repeats: but each copy is all
    # the text of a lone label, the next label right under it.
    short = "FERRANTE (Marta), Invented canals, Larch, Paris, 2007"
    bodies = [_FIRST, short, _FIRST, short, _FIRST]
    raws = [raw.split("\n", 1)[1] for raw in entry_raws(_lone_labelled("{}", bodies))]
    assert raws == bodies


@pytest.mark.parametrize("hang", [3, 0])
def test_a_closing_line_that_entries_of_a_long_list_share_stays_in_each(hang: int) -> None:
    """``Symposium on Invented Basins. 2003.`` closes four entries of a long list, each under a line left open
    and above the next label: an entry's own line, not a running head repeated on every page (it was left out
    of all four)."""
    pad = " " * hang
    lines = []
    for n in range(1, 40):
        if n % 9 == 0:
            lines.append(
                f"{n}. Quill{chr(65 + n % 26)}ab P, Norrland J. Invented craters of the model plain, a field report\n"
                f"{pad}with no raised rim at {('Arden', 'Brask', 'Cova', 'Dunn')[n // 9 - 1]},\n{pad}Symposium on Invented Basins. 2003."
            )
        else:
            lines.append(
                f"{n}. Tamsin{chr(65 + n % 26)} R, Oyelaran K. Marrow cells in an invented joint model number {n}.\n"
                f"{pad}Arthritis Invent. 2012;9:101-9. doi:10.5555/ai.{n}"
            )
    assert raws_by_list("References\n" + "\n".join(lines)) == [lines]
