"""Identifier recognition in the forms people write them."""

import pytest

from vexascite.ids import (
    classify_identifier,
    clean_doi,
    normalize_doi,
    normalize_pmcid,
    normalize_pmid,
)


@pytest.mark.parametrize(
    "text",
    ["10.1182/blood.2022016642", "doi:10.1182/blood.2022016642", "DOI: 10.1182/BLOOD.2022016642.",
     "https://doi.org/10.1182/blood.2022016642", "http://dx.doi.org/10.1182/blood.2022016642", "(10.1182/blood.2022016642)"],
)
def test_doi_forms(text):
    assert normalize_doi(text) == "10.1182/blood.2022016642"


def test_doi_keeps_balanced_brackets_and_case_when_cleaned():
    assert normalize_doi("10.1016/S0140-6736(20)31180-6") == "10.1016/s0140-6736(20)31180-6"
    assert clean_doi("doi: 10.1016/S0140-6736(20)31180-6.") == "10.1016/S0140-6736(20)31180-6"


def test_pmid_and_pmcid_forms():
    assert normalize_pmid("PMID: 40373272") == "40373272"
    assert normalize_pmid("https://pubmed.ncbi.nlm.nih.gov/40373272/") == "40373272"
    assert normalize_pmid("abc") is None
    assert normalize_pmcid("pmc1234") == "PMC1234"
    assert classify_identifier("PMCID: PMC99") == ("pmcid", "PMC99")
    assert classify_identifier("40373272") == ("pmid", "40373272")
    assert classify_identifier("hello") is None
