"""Reference lists printed as two columns side by side (text extracted with its layout
kept) are found column by column, at the document's own lines, and the report says so."""

from __future__ import annotations

import re
import textwrap

from tests.test_columns import REFERENCES, key, numbered, side_by_side
from vexascite.columns import read_columns
from vexascite.refstring import find_reference_lists
from vexascite.refstring.lists import describe, summarize


def test_two_column_list_is_read_column_by_column_at_its_own_lines():
    prose = ["The marrow of the patients showed vacuoles in myeloid and erythroid precursors [3].", ""]
    block = side_by_side(numbered(REFERENCES[:5], 1, 44), numbered(REFERENCES[5:], 6, 44))
    text = "\n".join([*prose, "References", *block, "", "Received 2 May 2024; accepted 9 June 2024."]) + "\n"
    lists = find_reference_lists(text)
    assert len(lists) == 1
    found = lists[0]
    assert [entry.number for entry in found.entries] == list(range(1, 11))
    assert [key(entry.text) for entry in found.entries] == [key(f"{n}. {ref}") for n, ref in enumerate(REFERENCES, start=1)]
    # lines are the document's: entry 6 starts on the same line as entry 1, beside it
    first = len(prose) + 2
    assert found.entries[0].line == first and found.entries[5].line == first
    lines = text.split("\n")
    for entry in found.entries:
        assert re.search(rf"(?:^|\s){entry.number}\. ", lines[entry.line - 1]), entry
    assert found.columns and found.columns[0].first == first and found.columns[0].last == first + len(block) - 1
    said = describe(summarize(found))
    assert f"read as two columns side by side (left, then right) at lines {first}-{first + len(block) - 1}" in said


def test_entry_going_on_from_the_left_column_into_the_right_one():
    lines = numbered(REFERENCES[:6], 1, 40)
    cut = len(lines) // 2
    if lines[cut].lstrip()[:2].rstrip(".").isdigit():
        cut += 1  # the entry at the foot of the left column goes on at the top of the right one
    text = "\n".join(["References", *side_by_side(lines[:cut], lines[cut:], gutter=4)]) + "\n"
    found = find_reference_lists(text)
    assert [entry.number for entry in found[0].entries] == [1, 2, 3, 4, 5, 6]
    assert [key(entry.text) for entry in found[0].entries] == [key(f"{n}. {ref}") for n, ref in enumerate(REFERENCES[:6], start=1)]


def test_left_column_longer_than_the_right_one_and_unnumbered_hanging_entries():
    def hanging(refs: list[str]) -> list[str]:
        out: list[str] = []
        for ref in refs:
            wrapped = textwrap.wrap(ref, 42)
            out += [wrapped[0]] + [f"    {line}" for line in wrapped[1:]]
        return out

    text = "\n".join(["Bibliography", "", *side_by_side(hanging(REFERENCES[:6]), hanging(REFERENCES[6:]), gutter=3)]) + "\n"
    reading = read_columns(text)
    assert len(reading.blocks) == 1
    found = find_reference_lists(text)
    assert [key(entry.text) for entry in found[0].entries] == [key(ref) for ref in REFERENCES]
