"""Merges the generators (benchmarks/docgen3-6) still made on fresh seeds 560-569 and 610-619, each on invented references."""

from __future__ import annotations

from vexascite.refstring import find_reference_lists


def raws(text: str) -> list[str]:
    return [" ".join(entry.raw.split()) for found in find_reference_lists(text) for entry in found.entries]


def test_group_authors_that_open_with_digits_are_no_numbering_under_a_heading() -> None:
    """One reference a line under a heading, sorted by author, the first few authors groups whose names open with
    digits (``1000 Inv Genomes Consortium``, ``2019 Inv Task Force``, ``2020 Inv Collaborators`` twice): 1000, 2019,
    2020, 2020 read as bare labels step by one once by chance, which made them a numbering, each "entry" swallowing
    the references up to the next. Read one a line, every reference is an entry."""
    lines = [
        "1000 Invented Genomes Consortium. Sequencing an invented goat skin during hair growth. PLoS Inv. 2013;8(4):e62704.",
        "2019 Invented Guidelines Task Force. (1999) Responses of invented plants to warming. Inv Monogr. 64:91–511.",
        "2020 Invented Burden Collaborators. (2011) Analysis of an invented fever in a province. Inv Pathog 7: e1002369.",
        "2020 Invented Burden Collaborators. Symmetry of invented circular structures. Inv Meteor, v. 41, pp. 150-156. 1982.",
        "3D Invented Corporation. (2012), 'An invented handbook', Inv Finance 1949, p. 101.",
        "Doyle JJ. 2011. Invented perspectives on nodulation. Inv Plant Interact 24: 1289-1295.",
        "Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of adults. Coast Res. 2009;41:210-6.",
        "Iverson T, Marsh Q. Invented imaging of the diaphragm: a challenge? Inv Radiogr 2002;22:103–116.",
        "Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.",
        "Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res. 1987;3:12-19.",
        "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton. J Fjord Res 12:45-52.",
        "Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.",
    ]
    text = "Body text of an invented article ends here with a sentence.\n\nREFERENCES\n" + "\n".join(lines) + "\n"
    assert raws(text) == lines


def test_a_group_author_that_opens_with_digits_opens_an_entry_after_one_that_closed() -> None:
    """Wrapped entries with no label, one closed by a publisher's place in brackets, then a group as author whose
    name opens with digits (``23andMe Inv Team.``, ``4D Inv Network.``): no title or source goes on with a group
    as author, so it opens an entry, as a collaboration does (it was glued to the entry above)."""
    text = (
        "Body text of an invented article ends here with a sentence.\n\nReferences and Notes\n"
        "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a\n"
        "model fjord. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12\n"
        "Tamsin R, Oyelaran K, Whitcombe D (2012) Marrow cells in an invented joint model of\n"
        "the knee (Paris: Invented Institute for Joint Studies).\n"
        "23andMe Invented Team. Chronic hepatitis caused by an invented parvovirus\n"
        "infection. Inv Infect Dis 10: 246. doi:10.5555/inv-10-246.\n"
        "4D Invented Network. Investigational Invented Drugs 19: 61–67, 2001.\n"
        "Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of\n"
        "adults. Coast Res. 2009;41:210-6.\n"
    )
    found = raws(text)
    assert len(found) == 5, found
    assert found[1].endswith("Joint Studies).") and found[2].startswith("23andMe Invented Team."), found
