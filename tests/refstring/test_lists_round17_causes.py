"""Causes of merges the first two generators (benchmarks/docgen.py, docgen_alt.py) still showed on fresh seeds
550-559, each on invented references."""

from __future__ import annotations

from vexascite.refstring import find_reference_lists


def raws(text: str) -> list[str]:
    return [entry.raw for found in find_reference_lists(text) for entry in found.entries]


def test_initials_then_family_name_and_a_colon_open_an_entry_after_a_full_stop() -> None:
    """Authors in natural order with their initials and a colon, as physics and German theses set them
    (``M. Quellmann: Title``, ``A. Berg, K. Lunde: Title``), after a line that ends on a full stop in an entry with no
    year: a new entry, as ``Fowlerton JF: Title`` is; a title does not wrap to such a line."""
    text = (
        "References\n"
        "Snell MS, Ardent TU, Barrow D (2006) Invented population sizes in a model\n"
        "ciliate. Inv Mol Evol 23: 2474-2479.\n"
        "Y. L. PASTEL, O. CORVANT et F. FOURNEL. Inv Tetrahedron. Soumis a publication.\n"
        "M. Quellmann: Simulationsgestuetzte Auslegung fuer das Umformen erfundener\n"
        "Platinen (Erfundener Verlag, Bamberg 2007).\n"
        "A. Berg, K. Lunde: Invented forming of sheet metal parts. Inv Mater Process 12\n"
        "(2011) 33-41.\n"
        "Sinnott Dalm JS, Strauss M, Rijkaart WI (2002) Invented lipids form a dense\n"
        "bacterial membrane. Inv Nature 419:708-712\n"
    )
    found = raws(text)
    assert len(found) == 5, found
    assert found[1].endswith("Soumis a publication."), found
    assert found[2].startswith("M. Quellmann:") and found[3].startswith("A. Berg, K. Lunde:"), found
