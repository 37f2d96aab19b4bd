"""List finding: Markdown footnotes written as a reference list (invented references, 10.5555 DOIs)."""

from __future__ import annotations

from vexascite.api.parsing import parse_document
from vexascite.refstring import find_reference_lists

DOCUMENT = """# Notes on invented basins

Basins drain slowly[^1] and sometimes fast[^2]. Others disagree[^note-3].

## References

[^1]: Abend K, Brule M. Invented drainage of lake basins. J Invent Hydrol. 2020;12(3):45-67. doi:10.5555/inv.2020.001

[^2]: Carrow T, Deland P, Ebbet S. A second invented study of
    tidal basins and their sediments. Invent Geosci. 2019;8:101-119.

    doi:10.5555/inv.2019.002

[^note-3]: Fenwick R. Basins revisited. Oxford: Invented Press; 2018.
"""


def test_footnotes_are_a_list_labelled_by_their_names() -> None:
    (found,) = find_reference_lists(DOCUMENT)
    assert found.heading == "References" and found.heading_line == 5
    assert [(entry.number, entry.label, entry.line, entry.last_line) for entry in found.entries] == [
        (1, "1", 7, 7), (2, "2", 9, 12), (None, "note-3", 14, 14),
    ]
    first, second, third = found.entries
    assert first.body.startswith("Abend K, Brule M.") and first.raw.startswith("[^1]: Abend K")
    # an indented paragraph after a blank line goes on with its note; raw keeps every line as printed
    assert second.body == (
        "Carrow T, Deland P, Ebbet S. A second invented study of tidal basins and their sediments. "
        "Invent Geosci. 2019;8:101-119. doi:10.5555/inv.2019.002"
    )
    assert second.raw.splitlines()[0] == "[^2]: Carrow T, Deland P, Ebbet S. A second invented study of"
    assert third.body == "Fenwick R. Basins revisited. Oxford: Invented Press; 2018."


def test_notes_of_prose_without_a_heading_are_said_not_taken() -> None:
    text = (
        "Basins drain slowly[^1] and tides differ[^2].\n\n"
        "[^1]: We measured the second basin twice, once in spring.\n"
        "[^2]: Abend K, Brule M. Invented drainage of lake basins. J Invent Hydrol. 2020;12(3):45-67.\n"
    )
    (found,) = find_reference_lists(text)
    assert [(entry.number, entry.line) for entry in found.entries] == [(2, 4)]
    assert found.heading is None and found.left_out == [3]


def test_parse_reads_each_note_and_keeps_its_label() -> None:
    items = parse_document(DOCUMENT).items
    assert [item.get("citation-number") or item.get("citation-label") for item in items] == ["1", "2", "note-3"]
    assert items[1]["DOI"] == "10.5555/inv.2019.002" and items[1]["author"][0]["family"] == "Carrow"
    assert items[2]["raw"].startswith("[^note-3]: Fenwick R.")


def test_footnotes_beside_a_numbered_list_are_kept_apart() -> None:
    text = (
        "Introduction text cites [1] and a note[^1].\n\nReferences\n\n"
        "1. Gantt L, Hobb S. Invented harbours. J Harb. 2011;4:1-9.\n"
        "2. Ivers M. Invented fjords. Fjord Rev. 2012;5:10-19.\n\n"
        "[^1]: Jolley P, Kemp A. Invented tides. Tide J. 2013;6:20-29. doi:10.5555/tide.2013.6\n"
        "[^2]: Lomas B. Invented currents. Curr Rev. 2014;7:30-39.\n"
    )
    found = find_reference_lists(text)
    assert [[(entry.number, entry.body[:6]) for entry in ref_list.entries] for ref_list in found] == [
        [(1, "Gantt "), (2, "Ivers ")], [(1, "Jolley"), (2, "Lomas ")],
    ]
    assert [ref_list.label for ref_list in found] == ["references-1", "references-2"]
