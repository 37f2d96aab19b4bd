"""Printed fields against verified records: each field with a failing and a passing case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vexascite.check.fields import (
    VerifiedRecord,
    compare_printed,
    journal_abbreviates,
    page_range,
    pages_agree,
)
from vexascite.check.findings import Kind, Severity

VERIFIED = {
    "type": "article-journal",
    "title": "Further characterization of clinical and laboratory features in VEXAS syndrome",
    "author": [{"family": "Georgin\u2010Lavialle", "given": "Sophie"}, {"family": "Terrier", "given": "Benjamin"}],
    "container-title": "British Journal of Dermatology",
    "issued": {"date-parts": [[2021, 12, 1]]},
    "published-print": {"date-parts": [[2022, 3]]},
    "volume": "186",
    "issue": "3",
    "page": "564-574",
    "DOI": "10.5555/vexas.bjd.2022",
}
PRINTED = {
    "type": "article-journal",
    "title": "Further characterization of clinical and laboratory features in VEXAS syndrome",
    "author": [{"family": "Georgin-Lavialle", "given": "S"}, {"family": "Terrier", "given": "B"}],
    "container-title": "Br J Dermatol",
    "issued": {"date-parts": [[2022]]},
    "volume": "186",
    "issue": "3",
    "page": "564-74",
}


def crossref(**changes):
    return [VerifiedRecord("crossref", {**VERIFIED, **changes})]


def printed(**changes):
    return {**PRINTED, **changes}


def test_correct_reference_has_no_finding():
    assert compare_printed(PRINTED, crossref()) == []


def test_no_verified_record_means_no_comparison():
    assert compare_printed(printed(volume="999"), []) == []


@pytest.mark.parametrize(
    ("field", "change", "kind", "expected"),
    [
        ("issued", {"issued": {"date-parts": [[2019]]}}, Kind.FIELD_MISMATCH, "2022"),
        ("volume", {"volume": "168"}, Kind.FIELD_MISMATCH, "186"),
        ("issue", {"issue": "4"}, Kind.FIELD_MISMATCH, "3"),
        ("page", {"page": "546-574"}, Kind.FIELD_MISMATCH, "564-574"),
        ("container-title", {"container-title": "Br J Haematol"}, Kind.FIELD_MISMATCH, "British Journal of Dermatology"),
        ("author[0]", {"author": [{"family": "Georjgin-Lavialle", "given": "S"}]}, Kind.AUTHOR_MISMATCH, "Georgin\u2010Lavialle"),
    ],
)
def test_each_wrong_field_is_reported_with_the_verified_value(field, change, kind, expected):
    findings = compare_printed(printed(**change), crossref())
    assert [(f.kind, f.field, f.expected, f.source) for f in findings] == [(kind, field, expected, "Crossref")]
    assert findings[0].suggestion and expected in findings[0].suggestion


def test_online_first_year_and_print_year_both_count():
    assert compare_printed(printed(issued={"date-parts": [[2021]]}), crossref()) == []
    assert compare_printed(printed(issued={"date-parts": [[2022]]}), crossref()) == []


def test_misspelt_author_is_called_a_spelling_and_names_the_position():
    findings = compare_printed(printed(author=[{"family": "Georgin-Lavialle"}, {"family": "Terier"}]), crossref())
    assert len(findings) == 1
    assert "author 2" in findings[0].message and "spells it 'Terrier'" in findings[0].message


def test_author_names_with_particles_spaces_and_accents_agree():
    record = crossref(author=[{"family": "Drygalski", "non-dropping-particle": "von"}, {"family": "Rivi\u00e8re"}])
    assert compare_printed(printed(author=[{"family": "Von Drygalski"}, {"family": "Riviere"}]), record) == []


def test_group_author_is_not_compared():
    assert compare_printed(printed(author=[{"literal": "VAESCO consortium"}]), crossref()) == []


def test_a_value_agreeing_with_any_service_is_accepted():
    records = [VerifiedRecord("crossref", {**VERIFIED, "issue": "3"}), VerifiedRecord("pubmed", {**VERIFIED, "issue": "4"})]
    assert compare_printed(printed(issue="4"), records) == []


def test_wrong_doi_is_an_error_with_the_right_one():
    findings = compare_printed(printed(DOI="10.1111/bjd.99999"), crossref())
    assert [(f.kind, f.severity, f.field, f.expected) for f in findings] == [
        (Kind.IDENTIFIER_MISMATCH, Severity.ERROR, "DOI", "10.5555/vexas.bjd.2022")
    ]


def test_doi_of_another_work_is_reported_alone():
    other = crossref(title="Hydroxychloroquine for COVID-19", author=[{"family": "Mehra"}], volume="395")
    findings = compare_printed(printed(DOI="10.5555/vexas.bjd.2022"), other)
    assert [f.kind for f in findings] == [Kind.IDENTIFIER_MISMATCH]
    assert "belongs to another work" in findings[0].message


def test_right_doi_passes():
    assert compare_printed(printed(DOI="https://doi.org/10.5555/VEXAS.BJD.2022"), crossref()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2628-38", ("2628", "2638")),
        ("2628\u20132638", ("2628", "2638")),
        ("e407-14", ("e407", "e414")),
        ("e407-e414", ("e407", "e414")),
        ("eaaw1736", ("eaaw1736", None)),
        ("199-9", ("199", "199")),
        ("pp. 12-9", ("12", "19")),
    ],
)
def test_page_ranges_are_written_out(text, expected):
    assert page_range(text) == expected


@given(st.integers(1, 99999), st.integers(0, 999))
def test_abbreviated_range_agrees_with_full_range(first, length):
    last = str(first + length)
    start = str(first)
    # the abbreviated last page keeps the digits from the first one that differs
    keep = next((i for i, (a, b) in enumerate(zip(start, last, strict=False)) if a != b), len(last) - 1)
    abbreviated = last[keep:] if len(last) == len(start) else last
    assert pages_agree(f"{start}-{abbreviated}", f"{start}-{last}")
    assert page_range(f"{start}-{abbreviated}") == (start, last)


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("Br J Dermatol", "British Journal of Dermatology", True),
        ("N Engl J Med", "New England Journal of Medicine", True),
        ("J Clin Rheumatol", "JCR: Journal of Clinical Rheumatology", True),
        ("Arthritis Rheumatol", "Arthritis & Rheumatology", True),
        ("Lancet Rheumatol", "The Lancet Rheumatology", True),
        ("Hamostaseologie", "H\u00e4mostaseologie", True),
        ("Rheumatology (Oxford)", "Rheumatology", True),
        ("Proc Natl Acad Sci U S A", "Proceedings of the National Academy of Sciences", True),
        ("Rev Med Interne", "La Revue de M\u00e9decine Interne", True),
        ("Ann Rheum Dis", "Annals of the Rheumatic Diseases", True),
        ("Blood", "Blood Advances", False),
        ("J Med", "New England Journal of Medicine", False),
        ("Br J Haematol", "British Journal of Dermatology", False),
    ],
)
def test_journal_abbreviations(short, full, same):
    assert journal_abbreviates(short, full) is same
