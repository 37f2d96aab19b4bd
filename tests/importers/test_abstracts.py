"""Abstracts and subject terms are read from every structured format."""

from __future__ import annotations

from vexascite.importers.bibtex import read_bibtex
from vexascite.importers.csljson import read_csljson
from vexascite.importers.medline import read_medline
from vexascite.importers.pubmedxml import read_pubmed_xml
from vexascite.importers.ris import read_ris

MEDLINE = """PMID- 99999991
TI  - A fictional trial of ruxolitinib in VEXAS syndrome.
AB  - Ruxolitinib reduced inflammatory flares in patients with VEXAS syndrome.
      Thrombosis occurred in two patients.
MH  - Humans
MH  - *Janus Kinase Inhibitors/therapeutic use
MH  - Arthritis, Rheumatoid/*drug therapy
MH  - Humans
DP  - 2024 Jan
"""


def test_medline_abstract_and_mesh_descriptors():
    work = read_medline(MEDLINE).references[0].fields
    assert work["abstract"] == (
        "Ruxolitinib reduced inflammatory flares in patients with VEXAS syndrome. Thrombosis occurred in two patients."
    )
    assert work["keyword"] == "Humans; Janus Kinase Inhibitors; Arthritis, Rheumatoid"


def test_pubmed_xml_mesh_headings_from_a_real_record(shared_dir):
    text = (shared_dir / "fixtures/pubmed/efetch_pubmed_1234567_minimal.xml").read_text(encoding="utf-8")
    work = read_pubmed_xml(text).references[0].fields
    subjects = work["keyword"].split("; ")
    assert subjects[:3] == ["Adult", "Anxiety", "Castration"]
    assert "Estradiol" in subjects and len(subjects) == 12


def test_pubmed_xml_abstract_and_author_keywords_from_a_real_record(shared_dir):
    text = (shared_dir / "fixtures/pubmed/efetch_pubmed_29915538.xml").read_text(encoding="utf-8")
    work = read_pubmed_xml(text).references[0].fields
    assert len(work["abstract"]) > 200
    assert work["keyword"].count("; ") == 4


def test_bibtex_ris_and_csljson_abstracts():
    bib = read_bibtex("@article{a, title={T}, abstract={Somatic UBA1 mutations cause VEXAS.}, keywords={VEXAS, UBA1}}")
    assert bib.references[0].fields["abstract"] == "Somatic UBA1 mutations cause VEXAS."
    assert bib.references[0].fields["keyword"] == "VEXAS, UBA1"
    ris = read_ris("TY  - JOUR\nTI  - T\nAB  - An abstract in RIS.\nER  - \n")
    assert ris.references[0].fields["abstract"] == "An abstract in RIS."
    csl = read_csljson('[{"id": "sf1", "type": "article-journal", "abstract": "Only an abstract."}]')
    assert csl.references[0].fields["abstract"] == "Only an abstract."


def test_ris_keywords_become_subject_terms():
    ris = read_ris("TY  - JOUR\nTI  - T\nKW  - Arthritis, Rheumatoid\nKW  - Humans\nER  - \n")
    assert ris.references[0].fields["keyword"] == "Arthritis, Rheumatoid; Humans"
