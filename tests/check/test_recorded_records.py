"""Printed references compared with real recorded Crossref records (as the resolver turns
them into CSL), so the comparison is tried on data nobody here wrote."""

from __future__ import annotations

import json

import pytest

from vexascite.check import Kind, VerifiedRecord, compare_printed
from vexascite.resolve.crossref import to_csl

JCLINPATH = "crossref/works_doi_10.1136_jclinpath-2020-206745.json"


@pytest.fixture
def jclinpath(shared_dir):
    message = json.loads((shared_dir / "fixtures" / JCLINPATH).read_text(encoding="utf-8"))["message"]
    return [VerifiedRecord("crossref", to_csl(message), message)]


def printed(**changes):
    work = {
        "type": "article-journal",
        "title": "Construction of a reference material panel for detecting KRAS/NRAS/EGFR/BRAF/MET mutations in plasma ctDNA",
        "author": [{"family": "Xu", "given": "J"}, {"family": "Qu", "given": "S"}, {"family": "Sun", "given": "N"}],
        "container-title": "J Clin Pathol",
        "issued": {"date-parts": [[2021]]},
        "volume": "74",
        "issue": "5",
        "page": "314-20",
    }
    return {**work, **changes}


def test_vancouver_reference_to_a_recorded_record_passes(jclinpath):
    assert compare_printed(printed(), jclinpath) == []


def test_online_year_and_full_journal_title_pass(jclinpath):
    assert compare_printed(printed(issued={"date-parts": [[2020]]}, **{"container-title": "Journal of Clinical Pathology"}),
                           jclinpath) == []


def test_wrong_print_details_are_caught_with_the_recorded_values(jclinpath):
    findings = compare_printed(printed(issued={"date-parts": [[2019]]}, volume="47", page="413-20",
                                       author=[{"family": "Xu"}, {"family": "Qiu"}]), jclinpath)
    assert {(f.kind, f.field, f.expected) for f in findings} == {
        (Kind.FIELD_MISMATCH, "issued", "2021"),
        (Kind.FIELD_MISMATCH, "volume", "74"),
        (Kind.FIELD_MISMATCH, "page", "314-320"),
        (Kind.AUTHOR_MISMATCH, "author[1]", "Qu"),
    }
