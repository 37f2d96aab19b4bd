"""Reads for ``check``: a manuscript's listed references with their works' statuses,
verified records and raw payloads, and its stored citation links (read only).

Tables written by resolve (payloads) and link (documents, citations) exist in every
library (the migrations create them), empty until those commands run.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import RefStatus
from . import Store
from .claims import document_key

__all__ = [
    "document_citations",
    "document_key",
    "held_candidates",
    "source_lists",
    "source_references",
    "work_entry",
    "work_records",
]

_REF_COLUMNS = (
    "select refs.id, refs.number, refs.line, refs.raw, refs.format, refs.fields, refs.status as ref_status, refs.message, "
    "refs.entry_key, refs.list_id, refs.work_id, ref_lists.label as list_label, ref_lists.line as list_line, "
    "works.key as work_key, works.status as work_status, works.status_message, works.trashed_at "
    "from refs left join ref_lists on ref_lists.id = refs.list_id left join works on works.id = refs.work_id "
)


def source_references(store: Store, source_id: int) -> list[dict[str, Any]]:
    """Every raw reference read from one file, in file order, with its list and work (not the
    entries it no longer holds, kept as ``dropped`` for works something else holds)."""
    return _rows(store, _REF_COLUMNS + "where refs.source_id = ? and refs.status != ? order by refs.id",
                 [source_id, str(RefStatus.DROPPED)])


def work_entry(store: Store, work_id: int) -> dict[str, Any] | None:
    """The first readable raw reference of a work (e.g. its BibTeX entry), for a work cited
    by key rather than from a list in the manuscript."""
    rows = _rows(store, _REF_COLUMNS + "where refs.work_id = ? and refs.status != 'failed' order by refs.id limit 1", [work_id])
    if not rows:
        return None
    row = rows[0]
    row["number"], row["list_id"], row["list_label"], row["line"] = None, None, None, None
    return row


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for row in store.db.query(sql, params):
        row = dict(row)
        row["fields"] = json.loads(row["fields"] or "{}")
        rows.append(row)
    return rows


def source_lists(store: Store, source_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query("select id, label, line from ref_lists where source_id = ? order by ordinal, id", [source_id])]


def _payload(store: Store, payload_id: int | None) -> Any:
    if payload_id is None:
        return None
    rows = list(store.db.query("select body from payloads where id = ?", [payload_id]))
    return rows[0]["body"] if rows else None


def work_records(store: Store, work_id: int) -> list[dict[str, Any]]:
    """The verified records of a work (source, CSL) with their raw payloads where stored."""
    out = []
    for row in store.db.query("select source, csl, payload_id from records where work_id = ? order by id", [work_id]):
        out.append({"source": row["source"], "csl": json.loads(row["csl"]), "payload": _payload(store, row["payload_id"])})
    return out


def document_citations(store: Store, path: str) -> list[dict[str, Any]] | None:
    """The stored citation links of a linked manuscript, in text order; None if never linked."""
    rows = list(store.db.query("select id, sha256 from documents where path = ?", [path]))
    if not rows:
        return None
    sql = "select * from citations where document_id = ? order by ordinal, id"
    return [dict(r) for r in store.db.query(sql, [rows[0]["id"]])]


def held_candidates(store: Store, work_id: int, state: str = "pending") -> list[dict[str, Any]]:
    """Records the resolver held for review for a work (best first), when it keeps them;
    with ``state="nearest"``, the best record it rejected when it found none."""
    sql = "select source, csl, score, reason from candidates where work_id = ? and state = ? order by score desc, id"
    return [{**dict(r), "csl": json.loads(r["csl"] or "{}")} for r in store.db.query(sql, [work_id, state])]
