"""Turn stored rows into a :class:`ManuscriptInput` (pure: plain dicts in, dataclasses out).

The api layer reads the rows (refs with their works, verified records, raw payloads,
citation links); this module decides how they map, so the mapping is tested without a
library.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..ids import normalize_doi
from ..merge import SOURCES
from .citations import CitationMarker, ListedReference
from .fields import VerifiedRecord
from .manuscript import ManuscriptInput, ReferenceList

#: Verified sources in the order their values are offered as corrections: the user, then
#: the services (one vocabulary with the merge, :data:`vexascite.merge.SOURCES`).
SOURCE_PREFERENCE = tuple(label for label, source in SOURCES.items() if source.service or label == "user")


def decode_payload(body: Any) -> Any:
    """A stored payload as JSON data when it is JSON, else its text (PubMed XML)."""
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        try:
            return json.loads(body)
        except ValueError:
            return body
    return body


def crossref_message(payload: Any, doi: str | None) -> dict[str, Any] | None:
    """The work a Crossref payload states about ``doi``: a single work's message, or the
    matching item of a list response (DOIs are fetched in batches)."""
    data = decode_payload(payload)
    if not isinstance(data, dict):
        return None
    message = data.get("message", data)
    if not isinstance(message, dict):
        return None
    items = message.get("items")
    if isinstance(items, list):
        wanted = normalize_doi(doi)
        for item in items:
            if isinstance(item, dict) and wanted and normalize_doi(item.get("DOI")) == wanted:
                return item
        return None
    if doi and message.get("DOI") and normalize_doi(message.get("DOI")) != normalize_doi(doi):
        return None
    return message


def _preference(source: str) -> int:
    return SOURCE_PREFERENCE.index(source) if source in SOURCE_PREFERENCE else len(SOURCE_PREFERENCE)


def verified_records(rows: Iterable[Mapping[str, Any]]) -> tuple[list[VerifiedRecord], list[tuple[str, Any]]]:
    """Records best source first, and the payloads to read notices from."""
    records: list[VerifiedRecord] = []
    payloads: list[tuple[str, Any]] = []
    for row in sorted(rows, key=lambda r: _preference(str(r["source"]))):
        source, csl, body = str(row["source"]), dict(row["csl"]), row.get("payload")
        message = crossref_message(body, csl.get("DOI")) if source == "crossref" and body is not None else None
        records.append(VerifiedRecord(source, csl, message))
        if message is not None:
            payloads.append((source, message))
        elif body is not None and source != "crossref":
            payloads.append((source, decode_payload(body)))
    return records, payloads


def listed_reference(
    row: Mapping[str, Any],
    records: list[VerifiedRecord],
    payloads: list[tuple[str, Any]],
    candidates: Iterable[Mapping[str, Any]] = (),
    nearest: Iterable[Mapping[str, Any]] = (),
) -> ListedReference:
    """One stored raw reference (with its work's status) as a :class:`ListedReference`."""
    number = row.get("number")
    label = str(number) if number is not None else str(row.get("entry_key") or row.get("work_key") or row.get("id"))
    return ListedReference(
        label=label,
        line=row.get("line"),
        number=number,
        raw=row.get("raw") or "",
        printed=dict(row.get("fields") or {}),
        list_label=row.get("list_label"),
        work_id=row.get("work_id"),
        parsed=row.get("ref_status") != "failed",
        status=row.get("work_status") if row.get("work_id") is not None else None,
        status_message=row.get("status_message") if row.get("work_id") is not None else row.get("message"),
        removed=row.get("trashed_at"),
        records=records,
        payloads=payloads,
        candidates=[VerifiedRecord(str(c["source"]), dict(c["csl"])) for c in candidates],
        nearest=next((VerifiedRecord(str(c["source"]), dict(c["csl"])) for c in nearest), None),
    )


def markers_from_citations(rows: Iterable[Mapping[str, Any]], list_labels: Mapping[int, str]) -> list[CitationMarker]:
    """Stored citation links (one row per marker target) grouped back into markers."""
    markers: dict[tuple[Any, ...], CitationMarker] = {}
    for row in rows:
        where = (row.get("claim_id"), row.get("start"), row.get("end"), row.get("line"), row.get("marker"))
        marker = markers.get(where)
        if marker is None:
            list_id = row.get("list_id")
            marker = CitationMarker(row.get("line"), str(row.get("marker") or ""), [], list_labels.get(list_id) if list_id else None, [])
            markers[where] = marker
        if marker.list_label is None and row.get("list_id") in list_labels:
            marker.list_label = list_labels[row["list_id"]]
        number = row.get("number")
        label = str(number) if number is not None else str(row.get("cite_key") or row.get("target") or "")
        marker.labels.append(label)
        if row.get("status") in ("dangling", "ambiguous"):
            assert marker.unresolved is not None
            marker.unresolved.append((label, str(row.get("message") or row.get("status"))))
    return list(markers.values())


def manuscript_input(
    path: str,
    ref_rows: Iterable[Mapping[str, Any]],
    list_rows: Iterable[Mapping[str, Any]],
    records_by_work: Mapping[int, Sequence[Mapping[str, Any]]],
    markers: list[CitationMarker],
    candidates_by_work: Mapping[int, Sequence[Mapping[str, Any]]] | None = None,
    nearest_by_work: Mapping[int, Sequence[Mapping[str, Any]]] | None = None,
) -> ManuscriptInput:
    """Everything check needs from the rows the api read."""
    references = []
    for row in ref_rows:
        work_id = row.get("work_id")
        records, payloads = verified_records(records_by_work.get(work_id, []) if work_id is not None else [])
        candidates = (candidates_by_work or {}).get(work_id, []) if work_id is not None else []
        nearest = (nearest_by_work or {}).get(work_id, []) if work_id is not None else []
        references.append(listed_reference(row, records, payloads, candidates, nearest))
    lists = [ReferenceList(r.get("label"), r.get("line")) for r in list_rows]
    return ManuscriptInput(path, references, markers, lists)
