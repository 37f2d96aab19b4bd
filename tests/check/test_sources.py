"""check names the values a cited work's sources disagree on (beyond the printed reference)."""

from __future__ import annotations

from vexascite.check.findings import Kind, Severity
from vexascite.check.sources import disagreement_findings
from vexascite.merge import merge_detail


def test_sources_that_disagree_are_named_with_the_value_used() -> None:
    records = [
        ("bibtex", {"volume": "383", "issued": {"date-parts": [[2020]]}}),
        ("crossref", {"volume": "383", "issued": {"date-parts": [[2020]]}}),
        ("pubmed", {"volume": "384", "issued": {"date-parts": [[2021]]}}),
    ]
    found = disagreement_findings("3", 12, merge_detail(records).disagreements, "bibtex")
    assert [(f.kind, f.severity, f.reference, f.line) for f in found] == [(Kind.SOURCES_DISAGREE, Severity.INFO, "3", 12)] * 2
    assert found[0].message == (
        "reference 3: sources disagree on the year: 2020 (crossref) is used; also stated: 2021 (pubmed)"
    )
    assert "volume" in found[1].message and "383 (crossref) is used; also stated: 384 (pubmed)" in found[1].message


def test_the_printed_reference_alone_against_a_record_is_left_to_field_mismatches() -> None:
    records = [("text", {"volume": "12"}), ("crossref", {"volume": "13"})]
    assert disagreement_findings("1", 5, merge_detail(records).disagreements, "text") == []
    assert len(disagreement_findings("1", 5, merge_detail(records).disagreements, None)) == 1
