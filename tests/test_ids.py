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


@pytest.mark.parametrize(
    "text",
    ['10.5555/evil"><script>', "doi:10.5555/x<script>alert(1)</script>", "10.5555/a{b}", "10.5555/a\\input",
     "10.5555/caf\u00e9", "10.5555/x'onload=1", "10.5555/a\u202eb"],
)
def test_a_doi_with_a_character_no_doi_has_is_refused_not_cut(text):
    """``10.5555/evil"><script>`` was taken (a balanced ``<...>`` kept it whole)."""
    assert clean_doi(text) is None
    assert normalize_doi(text) is None
    assert classify_identifier(text) is None


@pytest.mark.parametrize(
    ("text", "doi"),
    [("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O", "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"),
     ("10.5555/s1234&5_06", "10.5555/s1234&5_06"), ("10.5555/ABC[1]+x#2", "10.5555/ABC[1]+x#2"),
     ("\u201c10.5555/quoted\u201d.", "10.5555/quoted"), ("10.5555/1097(2000)99:99<::AID-X1>3.0.CO;2-1", "10.5555/1097(2000)99:99<::AID-X1>3.0.CO;2-1"),
     ("10.5555/s1\u2010015\u2011x", "10.5555/s1-015-x"), ("10.5555/long\u00adword", "10.5555/longword"), ("10.5555/end\\", "10.5555/end")],
)
def test_dois_older_registrations_use_are_kept(text, doi):
    assert clean_doi(text) == doi
