"""Causes of loss the sixth generator (benchmarks/docgen6.py) still found on fresh seeds, each on invented references."""

from __future__ import annotations

from vexascite.refstring import find_reference_lists


def raws(text: str) -> list[str]:
    return [entry.raw for found in find_reference_lists(text) for entry in found.entries]


def test_page_numbers_under_lone_bracketed_labels_are_no_run_of_bare_labels() -> None:
    """Page breaks fall three times right under a lone label (``[3]`` / foot / ``9`` / head / text): the page numbers
    ``9``, ``10``, ``11`` run in sequence a few lines apart, but entries labelled ``[4]``, ``[5]`` stand between them, so
    they are no bare labels: page numbers, left out, and each lone label keeps the text under it."""
    foot, head = "Frontiers in Inv Biology | www.frontiersin.org", "March 2021 | Volume 12 | Article 634567"
    text = (
        "References\n"
        "[1] Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.\n"
        "[2] Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.\n"
        f"[3]\n{foot}\n\n9\n{head}\n"
        "Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.\n"
        "[4] Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
        "[5] Abe M, Ruiz T. Tidal flats revisited in an invented delta. Inv\n"
        f"{foot}\n10\n\n{head}\n"
        "    Geomorph 2012;44:300-10.\n"
        "[6] Holt S. Dunes of the invented shore. Inv Coast 1999;3:4-9.\n"
        f"[7]\n{foot}\n11\n{head}\n\n"
        "Nakamura Y, Berg L. Estuarine mixing in an invented gulf. Inv Hydrol\n2015;8:77-85.\n"
        "[8] Pratt D. Invented reefs. Inv Mar Biol 2018;2:1-3.\n"
    )
    found = raws(text)
    assert len(found) == 8, found
    assert found[2].startswith("[3]\n") and "Lind E" in found[2] and "Lind E" not in found[1], found
    assert found[6].startswith("[7]\n") and "Nakamura Y" in found[6] and "Nakamura Y" not in found[5], found
    assert not any(line.strip() in ("9", "10", "11") for entry in found for line in entry.splitlines()), found

