"""A small world of fake services for resolver tests: works known to Crossref and PubMed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.fakes import (
    FakeCrossref,
    FakeDoiOrg,
    FakeNcbi,
    crossref_work,
    fake_settings,
    pubmed_article,
)
from vexascite.config import Settings

#: (doi, pmid, pmcid, title, authors, journal, year, volume, issue, pages)
WORKS = [
    ("10.5555/s0099-5107(93)70412-8", "90000011", None,
     "Endoscopic stenting outcomes and their grading: a proposed scale",
     [("Halden", "PB"), ("Lindqvist", "G")], "Gastrointest Endosc", 1993, "39", "2", "211-219"),
    ("10.1056/nejmoa2026834", "33108101", "PMC9900001",
     "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease",
     [("Beck", "DB"), ("Ferrada", "MA")], "N Engl J Med", 2020, "383", "27", "2628-2638"),
    ("10.5555/vexas.blood.2022", "90000002", None,
     "Ruxolitinib in VEXAS syndrome",
     [("Heiblig", "M"), ("Ferrada", "MA")], "Blood", 2022, "99", "1", "101-105"),
    ("10.5555/j.1572-0241.2006.50712.x", None, None,
     "Dilate or divide?", [("Varga", "H")], "Am J Gastroenterol", 2006, "101", None, "1502-1504"),
]

REFERENCES = [
    "Halden PB, Lindqvist G, Moreau J, et al. Endoscopic stenting outcomes and their grading: "
    "a proposed scale. Gastrointest Endosc. 1993;39:211-9.",
    "Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinflammatory "
    "disease. N Engl J Med. 2020;383(27):2628-38.",
    "Varga H, Okafor J. Dilate or divide? Am J Gastroenterol. 2006;101:1502-4.",
    "Nobody A, Noone B. A study that no index holds. J Imaginary Res. 2011;12:345-50.",
]

DATACITE = {"DOI": "10.5061/dryad.vexas1", "type": "dataset", "title": "Data for VEXAS cohort",
            "author": [{"family": "Georgin-Lavialle", "given": "S"}], "issued": {"date-parts": [[2022]]},
            "publisher": "Dryad"}


@dataclass
class World:
    crossref: FakeCrossref
    ncbi: FakeNcbi
    doiorg: FakeDoiOrg
    settings: Settings

    def fakes(self) -> tuple[FakeCrossref, FakeNcbi, FakeDoiOrg]:
        return (self.crossref, self.ncbi, self.doiorg)

    def requests(self) -> int:
        return sum(f.total_requests for f in self.fakes())

    def env(self) -> dict[str, str]:
        return {
            "VEXASCITE_CROSSREF_URL": self.crossref.url,
            "VEXASCITE_NCBI_URL": self.ncbi.url + "/entrez/eutils",
            "VEXASCITE_IDCONV_URL": self.ncbi.url + "/idconv/",
            "VEXASCITE_DOI_URL": self.doiorg.url,
            "VEXASCITE_MAILTO": "tests@example.org",
            "VEXASCITE_TIMEOUT": "2",
        }


def load_world(crossref: FakeCrossref, ncbi: FakeNcbi, doiorg: FakeDoiOrg, works: list[tuple[Any, ...]] = WORKS) -> None:
    for doi, pmid, pmcid, title, authors, journal, year, volume, issue, pages in works:
        crossref.add_work(crossref_work(doi, title, list(authors), journal, journal, year, volume, issue, pages))
        if pmid:
            ncbi.add_article(pubmed_article(pmid, title, [f"{f} {g}" for f, g in authors], journal, year, volume, issue, pages, doi, pmcid))
    doiorg.add_record(DATACITE)
    crossref.set_agency(DATACITE["DOI"], "datacite")


@pytest.fixture
def world(settings: Settings) -> Iterator[World]:
    with FakeCrossref() as crossref, FakeNcbi() as ncbi, FakeDoiOrg() as doiorg:
        load_world(crossref, ncbi, doiorg)
        yield World(crossref, ncbi, doiorg, fake_settings(settings, crossref, ncbi, doiorg, mailto="tests@example.org", timeout=2.0))
