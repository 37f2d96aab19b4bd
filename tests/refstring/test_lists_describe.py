"""The one line a list is described by: its count and noun agree, a lone number is one number."""

from __future__ import annotations

from vexascite.refstring import find_reference_lists
from vexascite.refstring.lists import describe, summarize

REF = "Okafor N, Lindqvist P. Somatic UBA1 variants in relapsing polychondritis. J Invent Med. 2031;12(3):45-52. doi:10.5555/vexas.one.1"


def test_a_list_of_one_entry_is_said_in_the_singular() -> None:
    found = find_reference_lists("Some prose first.\n\nReferences\n\n1. " + REF + "\n")
    assert [len(f.entries) for f in found] == [1]
    line = describe(summarize(found[0]))
    assert "1 entry numbered 1" in line and "entries" not in line and "1-1" not in line


def test_a_list_of_two_keeps_its_plural_and_range() -> None:
    found = find_reference_lists("References\n\n1. " + REF + "\n2. " + REF.replace("one.1", "two.2") + "\n")
    assert "2 entries numbered 1-2" in describe(summarize(found[0]))
