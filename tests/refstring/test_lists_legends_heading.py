"""``Legends`` alone on a line (a manuscript's figure legends after its list) ends the list: read from a PDF,
with no blank line above it, it was glued to a last entry left open."""

from __future__ import annotations

import pytest

from vexascite.refstring.lists import find_reference_lists
from vexascite.refstring.shapes import is_stop

ENTRIES = [
    "1 Arden P, Brask T. A marker of slow relapse in adult disease. J Clin Res. 2020;12(3):101-109.",
    "2 Brask T, Dunn M. Two drugs compared in a small cohort. Blood Adv. 2021;5(2):22-31.",
    "3 Cova L. \"Church Discipline and the Reorganisation of a Small Commun",  # (cut short, as printed)
]


@pytest.mark.parametrize("heading", ["Legends", "Legends to figures", "Legends for the Figures"])
def test_a_legends_heading_under_a_last_entry_left_open_ends_the_list(heading: str) -> None:
    text = "References\n" + "\n".join(ENTRIES) + f"\n{heading}\nFigure 1: Blood counts of treated and untreated animals at 2, 4 and 7 days.\n"
    (found,) = find_reference_lists(text)
    assert [entry.raw for entry in found.entries] == ENTRIES


def test_legends_is_a_stop_only_alone_on_its_line() -> None:
    assert is_stop("Legends") and is_stop("**Legends**")
    assert not is_stop("Legend") and not is_stop("Legends of the fall. Film Q. 1994;3:1-9.") and not is_stop("legends")
