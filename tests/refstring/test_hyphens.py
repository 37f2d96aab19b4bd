"""A hyphen that ends a line stays where it is the word's (``adult-`` / ``onset``) and goes where it is
only the typesetter's hyphenation (``Endo-`` / ``scopic``): by what the document shows, then by what a
hyphenator never does."""

from __future__ import annotations

import pytest

from vexascite.refstring.hyphens import Compounds, keeps_hyphen
from vexascite.refstring.lists import find_reference_lists, join_lines


@pytest.mark.parametrize(("before", "after", "kept"), [
    ("rare T-", "cell disease", True),  # one letter before the hyphen: no hyphenator breaks there
    ("an X-", "linked disease", True),
    ("JAK-", "mediated signalling", True),  # a capital after the first letter: an abbreviation, a gene
    ("mRNA-", "based vaccines", True),
    ("an ACh-", "binding protein", True),
    ("MatInspec-", "tor and beyond", False),  # a name, in camel case or not, is hyphenated as a word
    ("Ka-", "kudo T", False),
    ("at pH-", "dependent rates", True),
    ("Endo-", "scopic findings", False),  # nothing says otherwise: the typesetter's hyphen
    ("severe adult-", "onset disease", False),
])
def test_what_a_hyphenator_never_does(before: str, after: str, kept: bool) -> None:
    assert keeps_hyphen(before, after) is kept
    assert join_lines([before, after]) == (f"{before}{after}" if kept else f"{before[:-1]}{after}")


def test_a_compound_the_document_writes_whole_keeps_its_hyphen() -> None:
    whole = Compounds("Somatic mutations in severe adult-onset disease.\nA meta-analysis.")
    assert join_lines(["severe adult-", "onset disease"], whole) == "severe adult-onset disease"
    assert join_lines(["a network meta-", "analysis"], whole) == "a network meta-analysis"
    assert join_lines(["Endo-", "scopic"], whole) == "Endoscopic"
    # the joined word written too: the hyphen is the typesetter's
    both = Compounds("A follow-up visit. The followup was short.")
    assert join_lines(["the follow-", "up"], both) == "the followup"


def test_a_soft_hyphen_ending_a_line_is_always_the_typesetters() -> None:
    whole = Compounds("The adult-onset form.")
    assert join_lines(["severe adult\u00ad", "onset disease"], whole) == "severe adultonset disease"


def test_an_entry_keeps_a_compound_the_list_writes_whole_elsewhere() -> None:
    text = (
        "References\n"
        "1. Arden P, Brask T. Long-term outcomes of a rare disease: a meta-analysis of forty\n"
        "   cohorts. J Clin Res. 2020;12(3):101-109.\n"
        "2. Brask T, Cova L. Treatment of a rare disease: a network meta-\n"
        "   analysis of long-\n"
        "   term treat-\n"
        "   ment. Blood Adv. 2021;5(2):22-31.\n"
        "3. Cova L. Why responses differ. Nat Rev Things. 2019;13(4):234-243.\n"
    )
    (found,) = find_reference_lists(text)
    assert found.entries[1].text == (
        "2. Brask T, Cova L. Treatment of a rare disease: a network meta-analysis of long-term treatment. Blood Adv. 2021;5(2):22-31."
    )
