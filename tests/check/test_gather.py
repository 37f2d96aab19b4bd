"""Stored rows to check's input: payloads, batch responses, citation links."""

from __future__ import annotations

import json

from vexascite.check.gather import (
    crossref_message,
    manuscript_input,
    markers_from_citations,
    verified_records,
)


def test_crossref_item_is_picked_from_a_batch_response():
    batch = json.dumps({"message": {"items": [{"DOI": "10.1234/a", "title": ["A"]}, {"DOI": "10.1234/B", "title": ["B"]}]}})
    assert crossref_message(batch, "10.1234/b") == {"DOI": "10.1234/B", "title": ["B"]}
    assert crossref_message(batch, "10.1234/c") is None
    assert crossref_message(json.dumps({"message": {"DOI": "10.1234/a"}}).encode(), "10.1234/A") == {"DOI": "10.1234/a"}


def test_records_come_best_source_first_with_their_payloads():
    rows = [
        {"source": "pubmed", "csl": {"PMID": "1"}, "payload": "<PubmedArticleSet/>"},
        {"source": "crossref", "csl": {"DOI": "10.1234/a"}, "payload": json.dumps({"message": {"DOI": "10.1234/a"}})},
    ]
    records, payloads = verified_records(rows)
    assert [r.source for r in records] == ["crossref", "pubmed"]
    assert records[0].payload == {"DOI": "10.1234/a"}
    assert payloads == [("crossref", {"DOI": "10.1234/a"}), ("pubmed", "<PubmedArticleSet/>")]


def test_citation_rows_group_back_into_markers():
    rows = [
        {"claim_id": 1, "start": 10, "end": 17, "line": 3, "marker": "^{1,9}", "number": 1, "list_id": 5, "status": "linked"},
        {"claim_id": 1, "start": 10, "end": 17, "line": 3, "marker": "^{1,9}", "number": 9, "list_id": 5, "status": "dangling",
         "message": "[9]: no entry 9"},
        {"claim_id": 2, "start": 40, "end": 48, "line": 4, "marker": "[@beck]", "cite_key": "beck", "status": "linked", "work_id": 3},
    ]
    markers = markers_from_citations(rows, {5: "refs"})
    assert [(m.line, m.labels, m.list_label, m.unresolved) for m in markers] == [
        (3, ["1", "9"], "refs", [("9", "[9]: no entry 9")]),
        (4, ["beck"], None, []),
    ]


def test_manuscript_input_maps_statuses_and_failed_entries():
    refs = [
        {"id": 1, "number": 1, "line": 9, "raw": "1. x", "fields": {"title": "x"}, "ref_status": "parsed", "list_label": "refs",
         "work_id": 4, "work_status": "resolved", "status_message": None},
        {"id": 2, "number": 2, "line": 10, "raw": "2. ???", "fields": {}, "ref_status": "failed", "message": "unreadable",
         "list_label": "refs", "work_id": None},
    ]
    data = manuscript_input("m.md", refs, [{"label": "refs", "line": 8}], {4: [{"source": "crossref", "csl": {"title": "x"}}]}, [])
    first, second = data.references
    assert (first.label, first.status, len(first.records), first.parsed) == ("1", "resolved", 1, True)
    assert (second.label, second.status, second.parsed, second.status_message) == ("2", None, False, "unreadable")
