"""``Family, Given`` names of RIS and MEDLINE: an organisation with a comma stays one
literal name, whether or not it has an organisation's word, and people stay people."""

from __future__ import annotations

import pytest

from vexascite.importers._names import person_from_inverted
from vexascite.importers.medline import read_medline
from vexascite.importers.ris import read_ris


@pytest.mark.parametrize("name", [
    "Invented Study Group, Oslo",                      # an organisation's word
    "Nordic Vasculitis Researchers, Bergen",           # three capitalised words, then a place
    "Haukeland Rheumatology Researchers, Norway",
    "VEXAS-Inventia, Paris",                           # an acronym joined to an ordinary word
    "Invented VEXAS Cohort, Lyon",
    "Euro Vasculitis Cohort 2, Lyon",                  # a digit
    "Vasculitis Researchers, Bergen and Oslo",         # a joining word after the comma
    "Vasculitis Researchers, Bergen & Oslo",
    "Inventia Rheumatology West, Division of Testing",
])
def test_an_organisation_with_a_comma_stays_one_literal_name(name: str) -> None:
    assert person_from_inverted(name) == {"literal": name}


@pytest.mark.parametrize(("name", "person"), [
    ("Beck, David B.", {"family": "Beck", "given": "David B."}),
    ("Force, Lisa M.", {"family": "Force", "given": "Lisa M."}),
    ("Garcia Lopez, Jose Luis", {"family": "Garcia Lopez", "given": "Jose Luis"}),  # two family words
    ("Santos Silva Pereira, J. A.", {"family": "Santos Silva Pereira", "given": "J. A."}),  # three, with initials
    ("van der Berg, Jan", {"family": "van der Berg", "given": "Jan"}),
    ("de la Cruz, María José", {"family": "de la Cruz", "given": "María José"}),
    ("Dos Santos, Maria da Conceição", {"family": "Dos Santos", "given": "Maria da Conceição"}),
    ("BECK, David B.", {"family": "BECK", "given": "David B."}),  # a family name in capitals
    ("GEORGIN-LAVIALLE, Sophie", {"family": "GEORGIN-LAVIALLE", "given": "Sophie"}),
    ("Le GALL, Jean", {"family": "Le GALL", "given": "Jean"}),
    ("Mac Donald, A B", {"family": "Mac Donald", "given": "A B"}),
    ("Beethoven, Ludwig van", {"family": "Beethoven", "given": "Ludwig van"}),
    ("Rashid, Ahmed bin Ali", {"family": "Rashid", "given": "Ahmed bin Ali"}),
    ("Smith, John Paul George", {"family": "Smith", "given": "John Paul George"}),
    ("Smith, J., 3rd", {"family": "Smith", "given": "J.", "suffix": "3rd"}),
    ("Castro, Ana F 3rd", {"family": "Castro", "given": "Ana F 3rd"}),  # MEDLINE writes the suffix so
    ("Kim, Min-Ji", {"family": "Kim", "given": "Min-Ji"}),
])
def test_people_stay_people(name: str, person: dict[str, str]) -> None:
    assert person_from_inverted(name) == person


def test_ris_and_medline_read_an_organisation_without_an_organisations_word_whole() -> None:
    ris = read_ris("TY  - JOUR\nAU  - Beck, David B.\nAU  - Nordic Vasculitis Researchers, Bergen\nTI  - A title\nER  - \n")
    assert ris.references[0].fields["author"] == [
        {"family": "Beck", "given": "David B."}, {"literal": "Nordic Vasculitis Researchers, Bergen"}]
    medline = read_medline("PMID- 90000001\nTI  - A title.\nFAU - Haukeland Rheumatology Researchers, Norway\n"
                           "FAU - Beck, David B\n")
    assert medline.references[0].fields["author"] == [
        {"literal": "Haukeland Rheumatology Researchers, Norway"}, {"family": "Beck", "given": "David B"}]
