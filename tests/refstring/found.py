"""What the list finder found in a text, flattened the ways the list tests compare it."""

from __future__ import annotations

from vexascite.refstring import find_reference_lists


def entry_texts(text: str) -> list[str]:
    """Every entry's text (label and furniture removed), all lists in order."""
    return [entry.text for found in find_reference_lists(text) for entry in found.entries]


def entry_raws(text: str) -> list[str]:
    """Every entry's raw text as the document had it, all lists in order."""
    return [entry.raw for found in find_reference_lists(text) for entry in found.entries]


def raws_by_list(text: str) -> list[list[str]]:
    """Each list's entries' raw texts, one list per reference list found."""
    return [[entry.raw for entry in found.entries] for found in find_reference_lists(text)]


def numbered_texts(text: str) -> list[tuple[int | None, str]]:
    """Every entry's number (None where unnumbered) and text, all lists in order."""
    return [(entry.number, entry.text) for found in find_reference_lists(text) for entry in found.entries]
