"""Resolving against services that hold poorer records never makes a work worse."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fakes import FakeCrossref, FakeDoiOrg, FakeNcbi, crossref_work, pubmed_article

RICH_BIB = r"""
@article{hoffmann2031,
  title = {Ruxolitinib in adult-onset autoinflammation: a retrospective series},
  author = {Hoffmann, Clara Maria and Okonkwo, Daniel Ifeanyi and Lindqvist, Astrid},
  journal = {Journal of Imaginary Rheumatology},
  year = {2031},
  volume = {12},
  number = {3},
  pages = {101--115},
  doi = {10.5555/vexas.rich.1}
}

@article{park2032,
  title = {Somatic {UBA1} variants in a second cohort},
  author = {Park, Ji-woo and Moreau, Étienne},
  journal = {J Imag Rheumatol},
  year = {2032},
  volume = {13},
  pages = {7--19},
  doi = {10.5555/vexas.rich.2}
}
"""


def fields_of(entry: str) -> dict[str, str]:
    return dict(re.findall(r"^  (\w+) = (.*?),?$", entry, re.M))


def poor_fakes(crossref: FakeCrossref, ncbi: FakeNcbi) -> None:
    """What a service might hold: family names only, a first page, titles in capitals."""
    crossref.add_work(crossref_work(
        "10.5555/vexas.rich.1", "RUXOLITINIB IN ADULT-ONSET AUTOINFLAMMATION: A RETROSPECTIVE SERIES",
        [("Hoffmann", None), ("Okonkwo", None), ("Lindqvist", None)], "Journal of Imaginary Rheumatology",
        "J Imag Rheumatol", 2031, "12", "3", "101",
    ))
    crossref.add_work(crossref_work(
        "10.5555/vexas.rich.2", "SOMATIC UBA1 VARIANTS IN A SECOND COHORT", [("PARK", None), ("MOREAU", None)],
        "Journal of Imaginary Rheumatology", "J Imag Rheumatol", 2032, "13", None, "7",
    ))
    ncbi.add_article(pubmed_article(
        "90000101", "RUXOLITINIB IN ADULT-ONSET AUTOINFLAMMATION: A RETROSPECTIVE SERIES",
        ["Hoffmann C", "Okonkwo D", "Lindqvist A"], "J Imag Rheumatol", 2031, "12", "3", "101",
        "10.5555/vexas.rich.1", None, "Journal of imaginary rheumatology",
    ))


def env_of(crossref: FakeCrossref, ncbi: FakeNcbi, doiorg: FakeDoiOrg) -> dict[str, str]:
    return {
        "VEXASCITE_CROSSREF_URL": crossref.url,
        "VEXASCITE_NCBI_URL": ncbi.url + "/entrez/eutils",
        "VEXASCITE_IDCONV_URL": ncbi.url + "/idconv/",
        "VEXASCITE_DOI_URL": doiorg.url,
        "VEXASCITE_MAILTO": "tests@example.org",
        "VEXASCITE_TIMEOUT": "2",
    }


@pytest.fixture
def services():
    with FakeCrossref() as crossref, FakeNcbi() as ncbi, FakeDoiOrg() as doiorg:
        yield crossref, ncbi, doiorg


def test_a_rich_bib_keeps_every_rich_value_and_gains_the_identifiers(services, tmp_path: Path, run_cli) -> None:
    crossref, ncbi, doiorg = services
    poor_fakes(crossref, ncbi)
    env = env_of(crossref, ncbi, doiorg)
    path = tmp_path / "rich.bib"
    path.write_text(RICH_BIB, encoding="utf-8")
    assert run_cli("import", str(path), env=env).exit_code == 0
    resolved = run_cli("resolve", env=env)
    assert resolved.exit_code == 0, resolved.output
    assert crossref.total_requests > 0
    exported = run_cli("export", "--format", "bibtex", env=env)
    assert exported.exit_code == 0, exported.output
    entries = exported.stdout.split("\n@")
    first = fields_of(next(e for e in entries if "hoffmann2031" in e))
    assert first["author"] == "{Hoffmann, Clara Maria and Okonkwo, Daniel Ifeanyi and Lindqvist, Astrid}"
    assert first["pages"] == "{101--115}"
    assert first["title"].startswith("{Ruxolitinib in adult-onset")
    assert first["journal"] == "{Journal of Imaginary Rheumatology}"
    assert first["doi"] == "{10.5555/vexas.rich.1}"
    assert "90000101" in next(e for e in entries if "hoffmann2031" in e)  # the PMID was added
    second = fields_of(next(e for e in entries if "park2032" in e))
    assert second["author"].startswith("{Park, Ji-woo and Moreau, ")
    assert second["pages"] == "{7--19}"
    assert "SOMATIC" not in second["title"]
    csl = json.loads(run_cli("export", "--format", "csl-json", env=env).stdout)
    park = next(item for item in csl if item["id"] == "park2032")
    assert park["container-title"] == "Journal of Imaginary Rheumatology"
    assert park["container-title-short"] == "J Imag Rheumatol"
    assert park["author"] == [{"family": "Park", "given": "Ji-woo"}, {"family": "Moreau", "given": "Étienne"}]
    shown = run_cli("show", "park2032", "--provenance", env=env)
    assert "crossref" in shown.stdout and "bibtex" in shown.stdout


def test_the_bundled_library_keeps_its_names_and_page_range(services, tmp_path: Path, run_cli) -> None:
    crossref, ncbi, doiorg = services
    crossref.add_work(crossref_work(
        "10.1056/nejmoa2026834", "SOMATIC MUTATIONS IN UBA1 AND SEVERE ADULT-ONSET AUTOINFLAMMATORY DISEASE",
        [("Beck", None), ("Ferrada", None), ("Sikora", None)], "New England Journal of Medicine", "N Engl J Med",
        2020, "383", "27", "2628",
    ))
    bib = tmp_path / "bib"
    shutil.copytree(ROOT / "bib", bib)
    env = env_of(crossref, ncbi, doiorg)
    assert run_cli("import", str(bib), env=env).exit_code in (0, 3)
    run_cli("resolve", env=env)
    exported = run_cli("export", "--keys", "beck2020somatic", env=env)
    assert exported.exit_code == 0, exported.output
    fields = fields_of(exported.stdout)
    assert fields["author"] == "{Beck, D. B. and Ferrada, M. A. and Sikora, K. A. and others}"
    assert fields["pages"] == "{2628--2638}"
    assert fields["title"].startswith("{Somatic mutations in")


def test_a_disagreement_in_substance_is_kept_and_shown(services, tmp_path: Path, run_cli) -> None:
    crossref, ncbi, doiorg = services
    crossref.add_work(crossref_work(
        "10.5555/vexas.rich.1", "Ruxolitinib in adult-onset autoinflammation: a retrospective series",
        [("Hoffmann", "Clara Maria")], "Journal of Imaginary Rheumatology", None, 2031, "13", "3", "101-115",
    ))
    env = env_of(crossref, ncbi, doiorg)
    path = tmp_path / "rich.bib"
    path.write_text(RICH_BIB.split("@article{park2032")[0], encoding="utf-8")
    assert run_cli("import", str(path), env=env).exit_code == 0
    assert run_cli("resolve", env=env).exit_code == 0
    row = json.loads(run_cli("show", "hoffmann2031", "--json", env=env).stdout)
    assert row["csl"]["volume"] == "13" and row["provenance"]["volume"] == "crossref"  # the documented rule
    assert row["disagreements"]["volume"] == [
        {"value": "13", "sources": ["crossref"]}, {"value": "12", "sources": ["bibtex"]},
    ]
    shown = run_cli("show", "hoffmann2031", "--provenance", env=env).stdout
    assert "sources disagree" in shown and "- volume: 13 (crossref); 12 (bibtex)" in shown
    assert run_cli("edit", "hoffmann2031", "volume=12", env=env).exit_code == 0  # the user decides
    assert json.loads(run_cli("show", "hoffmann2031", "--json", env=env).stdout)["csl"]["volume"] == "12"
