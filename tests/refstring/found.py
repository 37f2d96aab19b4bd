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


_INTRO = "Body text of the article ends here with a final sentence.\n\nReferences\n\n"
#: Wrapped entries around the pair under test, so the list has the usual width and a usual entry.
_ABOVE = (
    "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a\n"
    "model fjord. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12\n"
    "Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model of\n"
    "the knee. Arthritis Invent. 2012;9:101-9.\n"
)
_BELOW = (
    "Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of\n"
    "adults. Coast Res. 2009;41:210-6.\n"
    "Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res.\n"
    "1987;3:12-19.\n"
)


def cut_between_wrapped(lines: str) -> list[str]:
    """Entry texts of ``lines`` set between wrapped unnumbered entries under a heading, as a PDF leaves them."""
    return entry_texts(_INTRO + _ABOVE + lines + _BELOW)
