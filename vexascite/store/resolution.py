"""The resolver's tables: service payloads (the HTTP cache), resolutions and candidates.

Functions take an open :class:`~vexascite.store.Store`. Payload writes commit at once
(one answer, one commit), so an interrupted run keeps every answer it got and a rerun
reads them instead of asking again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..model import Work, WorkStatus
from . import Store, now


@dataclass(slots=True)
class CachedAnswer:
    """A stored answer, shaped like the resolver's HTTP response (duck-typed)."""

    status: int
    body: bytes
    headers: dict[str, str]
    url: str
    fetched_at: str
    from_cache: bool = True
    payload_id: int | None = None

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class LibraryHttpCache:
    """The HTTP cache the resolver uses, kept in the library's ``payloads`` table."""

    def __init__(self, store: Store, answer_type: Any = CachedAnswer) -> None:
        self.store = store
        self.answer_type = answer_type

    def get(self, key: str) -> Any:
        rows = list(self.store.db.query("select * from payloads where cache_key = ?", [key]))
        if not rows:
            return None
        row = rows[0]
        return self.answer_type(
            status=row["status"], body=bytes(row["body"] or b""), headers=json.loads(row["headers"] or "{}"),
            url=row["url"], fetched_at=row["fetched_at"], from_cache=True, payload_id=row["id"],
        )

    def put(self, key: str, service: str, request: Any, response: Any) -> int:
        body = None
        if getattr(request, "data", None) is not None:
            body = json.dumps([[k, v] for k, v in request.data if k not in ("api_key", "email", "tool")], ensure_ascii=False)
        row = {
            "cache_key": key,
            "service": service,
            "method": request.method,
            "url": request.display_url(),
            "request_body": body,
            "status": response.status,
            "headers": json.dumps(response.headers, sort_keys=True),
            "body": response.body,
            "fetched_at": response.fetched_at,
        }
        with self.store.transaction():
            existing = list(self.store.db.query("select id from payloads where cache_key = ?", [key]))
            if existing:
                self.store.db["payloads"].update(existing[0]["id"], row)
                return int(existing[0]["id"])
            return int(self.store.db["payloads"].insert(row).last_pk)


def payload(store: Store, payload_id: int) -> dict[str, Any]:
    rows = list(store.db.query("select * from payloads where id = ?", [payload_id]))
    return dict(rows[0]) if rows else {}


def works_for_resolution(store: Store, keys: list[str] | None, mode: str) -> list[dict[str, Any]]:
    """Works to resolve with their effective record and one verbatim reference string.

    ``mode``: ``pending`` (never resolved, or failed last time), ``missing`` (no DOI or
    no PMID yet), ``all`` (everything named or in the library).
    """
    if keys:
        rows = []
        for key in keys:
            rows.append(store.work_row(store.work_id_for_key(key)))
    else:
        rows = list(store.iter_works())
    out = []
    for row in rows:
        status = row["status"]
        if mode == "pending" and status not in (str(WorkStatus.UNRESOLVED), str(WorkStatus.FAILED)):
            continue
        if mode == "missing" and row.get("doi") and row.get("pmid"):
            continue
        out.append({"id": row["id"], "key": row["key"], "csl": row["csl"], "raw": reference_text(store, row["id"])})
    return out


def reference_text(store: Store, work_id: int) -> str | None:
    """The verbatim reference string a work was read from, when it came from text."""
    for row in store.db.query(
        "select raw, format from refs where work_id = ? and status != 'failed' order by id", [work_id]
    ):
        if row["format"] in ("text", "string"):
            return str(row["raw"])
    return None


def save_resolution(
    store: Store,
    work_id: int,
    status: WorkStatus,
    message: str | None,
    records: dict[str, tuple[Work, int | None]],
    candidates: list[dict[str, Any]],
    meta: dict[str, Any],
) -> None:
    """Write one work's outcome in one transaction: records, candidates, status, merge."""
    stamp = now()
    with store.transaction():
        for source, (csl, payload_id) in records.items():
            _upsert_record(store, work_id, source, csl, payload_id, stamp)
        store.db.execute("delete from candidates where work_id = ? and state = 'pending'", [work_id])
        for candidate in candidates:
            store.db["candidates"].insert(
                {"work_id": work_id, "source": candidate["source"], "doi": candidate.get("doi"),
                 "pmid": candidate.get("pmid"), "csl": json.dumps(candidate["csl"], ensure_ascii=False, sort_keys=True),
                 "score": candidate.get("score"), "reason": candidate.get("reason"),
                 "payload_id": candidate.get("payload_id"), "state": "pending", "created_at": stamp}
            )
        store.db["resolutions"].upsert(
            {"work_id": work_id, "status": str(status), "matched_by": meta.get("matched_by"), "doi": meta.get("doi"),
             "pmid": meta.get("pmid"), "pmcid": meta.get("pmcid"), "score": meta.get("score"),
             "reason": message, "resolved_at": stamp},
            pk="work_id",
        )
        store.set_work_status(work_id, status, message)
        if records:
            store.refresh_work(work_id)


def _upsert_record(store: Store, work_id: int, source: str, csl: Work, payload_id: int | None, stamp: str) -> None:
    existing = list(store.db.query("select id from records where work_id = ? and source = ?", [work_id, source]))
    row = {"work_id": work_id, "source": source, "csl": json.dumps(csl, ensure_ascii=False, sort_keys=True),
           "verified_at": stamp, "payload_id": payload_id}
    if existing:
        store.db["records"].update(existing[0]["id"], row)
    else:
        store.db["records"].insert(row)


def pending_candidates(store: Store, key: str | None = None) -> list[dict[str, Any]]:
    """Candidates waiting for a decision, with their work's key and current title."""
    sql = (
        "select candidates.*, works.key as work_key, works.title as work_title from candidates "
        "join works on works.id = candidates.work_id where candidates.state = 'pending'"
    )
    params: list[Any] = []
    if key:
        sql += " and works.key = ?"
        params.append(key)
    out = []
    for row in store.db.query(sql + " order by works.key, candidates.score desc, candidates.id", params):
        row = dict(row)
        row["csl"] = json.loads(row["csl"])
        out.append(row)
    return out


def decide_candidate(store: Store, candidate_id: int, accept: bool) -> dict[str, Any]:
    """Apply a candidate as the work's verified record (others dropped), or reject it."""
    rows = list(store.db.query("select * from candidates where id = ?", [candidate_id]))
    if not rows:
        from ..errors import NotInLibrary

        raise NotInLibrary(f"no candidate {candidate_id}; 'vexascite review' lists them")
    row = dict(rows[0])
    work_id = row["work_id"]
    with store.transaction():
        if accept:
            _upsert_record(store, work_id, row["source"], json.loads(row["csl"]), row["payload_id"], now())
            store.db.execute("update candidates set state = 'rejected' where work_id = ? and state = 'pending' and id != ?", [work_id, candidate_id])
            store.db.execute("update candidates set state = 'accepted' where id = ?", [candidate_id])
            store.set_work_status(work_id, WorkStatus.RESOLVED, "candidate accepted on review")
            store.refresh_work(work_id)
        else:
            store.db.execute("update candidates set state = 'rejected' where id = ?", [candidate_id])
            left = list(store.db.query("select 1 from candidates where work_id = ? and state = 'pending'", [work_id]))
            if not left:
                store.set_work_status(work_id, WorkStatus.NOT_FOUND, "candidates rejected on review")
    return {"work_id": work_id, "candidate": candidate_id, "accepted": accept}
