"""The last entry's lines set in as the list's wrapped lines are stay the entry's, however much they read
like prose (a title in French under authors that read as a place and a publisher)."""

from __future__ import annotations

from vexascite.refstring.lists import find_reference_lists

LIST = (
    "References\n"
    " 1. Arden P, Brask T, Cova L, et al. A marker of slow relapse in adult disease: a study of forty\n"
    "    patients. J Clin Res. 2020;12(3):101-109.\n"
    " 2. Brask T, Dunn M. Two drugs compared in a small cohort of adults with a rare disease. Blood\n"
    "    Adv. 2021;5(2):22-31.\n"
    " 3. DUPONT, MARIE : MARTIN CLAUDE, BERNARD JEAN LOUIS, PETIT ANNE M.\n"
    "    Mesure de la raideur par une méthode simple : de nouvelles pistes pour le suivi et la prise en\n"
    "    charge = Measurement of stiffness with a simple method: new leads for the follow-up and the\n"
    "    care .\n"
    "Data availability statement\n"
    "The data that support the findings of this study are available from the corresponding author upon\n"
    "reasonable request.\n"
)


def test_a_last_entry_set_in_under_authors_that_read_as_a_publisher_keeps_its_title() -> None:
    (found,) = find_reference_lists(LIST)
    assert found.left_out == []
    assert [entry.line for entry in found.entries] == [2, 4, 6]
    assert found.entries[2].last_line == 9 and found.entries[2].text.endswith("for the follow-up and the care .")


def test_prose_flush_under_the_list_still_ends_it() -> None:
    flush = LIST.replace("    Mesure", "Mesure").replace("    charge", "charge").replace("    care", "care")
    (found,) = find_reference_lists(flush)
    assert found.entries[2].last_line == 6 and found.left_out == [7, 8, 9]
