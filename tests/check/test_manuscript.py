"""Whole-manuscript assembly: statuses, notices, uncited lists, and the findings' shape."""

from __future__ import annotations

import json

import pytest

from vexascite.check import (
    CitationMarker,
    Kind,
    ListedReference,
    ManuscriptInput,
    ReferenceList,
    Severity,
    VerifiedRecord,
    check_manuscript,
)
from vexascite.check.manuscript import notice_findings, status_findings

PRINTED = {
    "type": "article-journal",
    "title": "Translating JAKs to jakinibs",
    "author": [{"family": "Gadina", "given": "M"}],
    "container-title": "J Immunol",
    "issued": {"date-parts": [[2020]]},
    "volume": "204",
    "issue": "8",
    "page": "2011-2020",
}
VERIFIED = {**PRINTED, "container-title": "The Journal of Immunology", "DOI": "10.5555/jakinibs.2020"}


def ref(label="1", status="resolved", records=None, **changes) -> ListedReference:
    return ListedReference(
        label, line=10, number=int(label) if label.isdigit() else None, raw=f"{label}. Gadina M. ...",
        printed={**PRINTED, **changes}, list_label="refs", status=status,
        records=[VerifiedRecord("crossref", VERIFIED)] if records is None and status == "resolved" else (records or []),
    )


@pytest.mark.parametrize(
    ("status", "kind", "severity"),
    [
        ("not-found", Kind.NOT_FOUND, Severity.ERROR),
        ("review", Kind.NEEDS_REVIEW, Severity.WARNING),
        ("failed", Kind.NOT_CHECKED, Severity.WARNING),
        ("unresolved", Kind.NOT_CHECKED, Severity.WARNING),
    ],
)
def test_status_findings(status, kind, severity):
    findings = status_findings(ref(status=status))
    assert [(f.kind, f.severity, f.line) for f in findings] == [(kind, severity, 10)]


def test_resolved_reference_has_no_status_finding():
    assert status_findings(ref()) == []


def test_unavailable_service_never_reads_as_fabricated():
    findings = status_findings(ref(status="failed"))
    assert findings[0].kind == Kind.NOT_CHECKED
    assert "fabricated" not in findings[0].message and "unavailable" in findings[0].message


def test_not_found_web_page_is_only_a_note():
    web = ref(status="not-found", type="webpage", URL="https://example.org/x")
    web.printed.pop("container-title")
    assert [(f.kind, f.severity) for f in status_findings(web)] == [(Kind.NOT_FOUND, Severity.INFO)]


def test_unparsed_entry():
    bad = ref(status=None)
    bad.parsed = False
    assert [f.kind for f in status_findings(bad)] == [Kind.UNREADABLE_REFERENCE]


def crossref_payload(**message):
    return ("crossref", json.dumps({"status": "ok", "message": {"DOI": "10.1234/x", **message}}))


def test_retraction_from_payload_carries_the_notice():
    cited = ref()
    cited.payloads = [crossref_payload(**{"updated-by": [
        {"DOI": "10.1234/n", "type": "retraction", "label": "Retraction", "source": "retraction-watch",
         "updated": {"date-parts": [[2020, 6, 5]]}, "record-id": "1"},
        {"DOI": "10.1234/c", "type": "correction", "source": "publisher", "updated": {"date-parts": [[2020, 5, 1]]}},
    ]})]
    findings = notice_findings(cited)
    assert [(f.kind, f.severity) for f in findings] == [(Kind.RETRACTED, Severity.ERROR)]
    assert findings[0].notice == {"category": "retraction", "type": "retraction", "doi": "10.1234/n", "date": "2020-06-05",
                                  "source": "retraction-watch", "label": "Retraction", "record_id": "1"}
    assert "10.1234/c" in findings[0].message


def test_expression_of_concern_and_correction():
    cited = ref()
    cited.payloads = [crossref_payload(**{"updated-by": [
        {"DOI": "10.1234/e", "type": "expression_of_concern", "source": "retraction-watch"},
        {"DOI": "10.1234/c", "type": "erratum", "source": "publisher"},
    ]})]
    assert [f.kind for f in notice_findings(cited)] == [Kind.EXPRESSION_OF_CONCERN, Kind.CORRECTED]


def test_correction_already_noted_in_the_reference_is_not_repeated():
    cited = ref()
    cited.raw = "7. Winthrop KL. The emerging safety profile [published correction appears in Nat Rev Rheumatol. 2017]."
    cited.payloads = [crossref_payload(**{"updated-by": [{"DOI": "10.1234/c", "type": "correction", "source": "publisher"}]})]
    assert notice_findings(cited) == []


def test_retraction_marked_only_in_the_title():
    cited = ref(records=[VerifiedRecord("crossref", {**VERIFIED, "title": "RETRACTED: Translating JAKs"})])
    assert [f.kind for f in notice_findings(cited)] == [Kind.RETRACTED]


@pytest.mark.parametrize(("label", "name"), [("crossref", "Crossref"), ("pmc", "PubMed Central"), ("doi.org", "doi.org")])
def test_a_notice_names_its_source_in_the_one_vocabulary(label, name):
    """The finding names the source as every other finding does; the notice keeps its label."""
    from vexascite.merge import source_name

    cited = ref(records=[VerifiedRecord(label, {**VERIFIED, "title": "RETRACTED: Translating JAKs"})])
    [finding] = notice_findings(cited)
    assert finding.source == name == source_name(label) == cited.records[0].source_name
    assert finding.message.endswith(f"stated by {name}")
    assert finding.notice is not None and finding.notice["source"] == label


def test_clean_work_has_no_notice():
    cited = ref()
    cited.payloads = [crossref_payload()]
    assert notice_findings(cited) == []


def test_citing_a_notice_itself():
    cited = ref()
    cited.payloads = [crossref_payload(**{"update-to": [{"DOI": "10.1234/orig", "type": "retraction", "source": "publisher"}]})]
    findings = notice_findings(cited)
    assert [f.kind for f in findings] == [Kind.IS_NOTICE] and "10.1234/orig" in findings[0].message


def test_list_nobody_cites_is_set_aside_and_the_cited_list_checked():
    foreign = [ListedReference(str(n), line=n, number=n, list_label="other", status="not-found",
                               printed={"title": "x"}) for n in (8, 9)]
    own = [ref("1"), ref("2", volume="205")]
    own[1].line = 40
    data = ManuscriptInput(
        "paper.md", foreign + own,
        [CitationMarker(20, "^1", ["1"]), CitationMarker(21, "^{2,3}", ["2", "3"])],
        [ReferenceList("other", 1), ReferenceList("refs", 30)],
    )
    report = check_manuscript(data)
    got = sorted((f.kind, f.line, f.reference) for f in report.findings)
    assert got == sorted([
        (Kind.UNCITED_LIST, 1, None),
        (Kind.DANGLING_MARKER, 21, "3"),
        (Kind.DUPLICATE_REFERENCE, 40, "2"),
        (Kind.FIELD_MISMATCH, 40, "2"),
    ])
    assert report.checked == 2


def test_manuscript_without_markers_checks_every_reference():
    report = check_manuscript(ManuscriptInput("paper.md", [ref("1", volume="999")], []))
    assert sorted(f.kind for f in report.findings) == sorted([Kind.NO_CITATIONS, Kind.FIELD_MISMATCH])


def test_not_found_whose_nearest_record_has_its_title_and_author_is_a_misprint_with_the_right_values():
    near = ref(status="not-found", volume="240")
    near.nearest = VerifiedRecord("crossref", VERIFIED)
    findings = status_findings(near)
    assert [(f.kind, f.severity) for f in findings] == [(Kind.NEEDS_REVIEW, Severity.WARNING)]
    assert "10.5555/jakinibs.2020" in findings[0].message and "'240'" in findings[0].message
    assert "'204'" in findings[0].suggestion and "fabricated" not in findings[0].message
    other_title = ref(status="not-found", volume="240")
    other_title.nearest = VerifiedRecord("crossref", {**VERIFIED, "title": "Interleukin signalling in T cells"})
    assert [f.kind for f in status_findings(other_title)] == [Kind.NOT_FOUND]
    other_author = ref(status="not-found", volume="240")
    other_author.nearest = VerifiedRecord("crossref", {**VERIFIED, "author": [{"family": "O'Shea", "given": "J J"}]})
    assert [f.kind for f in status_findings(other_author)] == [Kind.NOT_FOUND]


def test_not_found_with_a_same_title_record_is_a_misprint_not_a_fabrication():
    near = ref(status="not-found")
    near.status_message = "no candidate fits (best: volume differ; author ok, year ok, volume mismatch, page ok, title 1.00)"
    findings = status_findings(near)
    assert [(f.kind, f.severity) for f in findings] == [(Kind.NEEDS_REVIEW, Severity.WARNING)]
    assert "volume" in findings[0].message and "fabricated" not in findings[0].message
    far = ref(status="not-found")
    far.status_message = "no candidate fits (best: year differ; author mismatch, year mismatch, title 0.31)"
    assert [f.kind for f in status_findings(far)] == [Kind.NOT_FOUND]
