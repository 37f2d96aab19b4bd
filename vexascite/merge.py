"""The effective record of a work: a merge of what each source stated, with provenance.

Precedence (first wins, per field): user edits, then records verified by a service
(Crossref, PubMed, doi.org), then imported structured entries (BibTeX, RIS, CSL-JSON,
MEDLINE, PubMed XML), then bare identifiers, then parsed free-text strings. Within one
rank the earliest record wins. A field is taken whole from one source: authors are never
spliced from two lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Work

SOURCE_RANK: dict[str, int] = {
    "user": 0,
    "crossref": 1,
    "pubmed": 1,
    "doi.org": 1,
    "pmc": 1,
    "bibtex": 2,
    "biblatex": 2,
    "csl-json": 2,
    "ris": 2,
    "medline": 2,
    "pubmed-xml": 2,
    "identifier": 3,
    "text": 4,
    "string": 4,
}


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def merge_records(records: Iterable[tuple[str, Work]]) -> tuple[Work, dict[str, str]]:
    """Merge ``(source, csl)`` records into one CSL item and a field -> source map.

    Sources not in :data:`SOURCE_RANK` rank with imported entries. Stable for equal
    ranks, so the order given is the tie-break. A single record is returned as it is
    (not copied): callers treat the result as read-only.
    """
    records = list(records)
    if len(records) == 1 and not any(is_empty(value) for value in records[0][1].values()):
        source, record = records[0]  # one source: the record is the effective record
        return record, {field: source for field in record}
    ordered = sorted(
        enumerate(records), key=lambda pair: (SOURCE_RANK.get(pair[1][0], 2), pair[0])
    )
    merged: Work = {}
    provenance: dict[str, str] = {}
    for _, (source, record) in ordered:
        for field, value in record.items():
            if field in merged or is_empty(value):
                continue
            merged[field] = value
            provenance[field] = source
    return merged, provenance
