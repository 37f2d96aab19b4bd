"""The resolver's tables: service payloads (the HTTP cache), resolutions and candidates.

Functions take an open :class:`~vexascite.store.Store`. Payload writes commit at once
(one answer, one commit), so an interrupted run keeps every answer it got and a rerun
reads them instead of asking again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..identity import conflicting_ids, identity_keys
from ..merge import SERVICE_SOURCES, SOURCES
from ..model import Work, WorkStatus
from . import Store, now


class LibraryHttpCache:
    """The HTTP cache the resolver uses, kept in the library's ``payloads`` table.

    ``answer_type`` builds the resolver's response object from a stored row (status,
    body, headers, url, fetched_at, from_cache, payload_id): the store does not know it.
    """

    def __init__(self, store: Store, answer_type: Callable[..., Any]) -> None:
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
        values = [key, service, request.method, request.display_url(), body, response.status,
                  json.dumps(response.headers, sort_keys=True), response.body, response.fetched_at]
        with self.store.transaction():
            self.store.db.execute(
                "insert into payloads (cache_key, service, method, url, request_body, status, headers, body, fetched_at) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict(cache_key) do update set service = excluded.service, "
                "method = excluded.method, url = excluded.url, request_body = excluded.request_body, "
                "status = excluded.status, headers = excluded.headers, body = excluded.body, fetched_at = excluded.fetched_at",
                values,
            )
            row = self.store.db.execute("select id from payloads where cache_key = ?", [key]).fetchone()
        return int(row[0])


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
        out.append({"id": row["id"], "key": row["key"], "csl": stated_record(store, row["id"]), "raw": reference_text(store, row["id"])})
    return out


#: Records are written in the order of the source vocabulary (the merge does not depend
#: on it; ``show`` lists them so).
RECORD_ORDER = {label: i for i, label in enumerate(SOURCES)}


def stated_record(store: Store, work_id: int) -> Work:
    """A work as its imports and the user state it, without what services added.

    Resolution starts from this, so rerunning it asks the same questions (and the
    cache answers them) however much an earlier run filled in.
    """
    from ..merge import merge_records

    # (what services added is left out of what a work "states")
    stated = [(source, csl) for source, csl in store.work_sources(work_id) if source not in SERVICE_SOURCES]
    # a candidate the user accepted on review is their statement of the work's identifiers:
    # a rerun verifies them instead of asking the same open question again
    for row in store.db.query("select doi, pmid from candidates where work_id = ? and state = 'accepted' order by id", [work_id]):
        stated.append(("identifier", {name: value for name, value in (("DOI", row["doi"]), ("PMID", row["pmid"])) if value}))
    merged, _ = merge_records(stated)
    return merged


def reference_text(store: Store, work_id: int) -> str | None:
    """The verbatim reference string a work was read from, when it came from text."""
    for row in store.db.query(
        "select raw, format from refs where work_id = ? and status != 'failed' order by id", [work_id]
    ):
        if row["format"] in ("text", "string"):
            return str(row["raw"])
    return None


def set_aside_contradicted(store: Store, work_id: int) -> dict[str, Any] | None:
    """Move the work's records that are of another article than the identifiers the user
    states (their edits of DOI, PMID, PMCID, and those a merge kept: :func:`keep_identifiers`)
    to ``records_set_aside``, and recompute it.

    The rule is :func:`~vexascite.identity.contradicted_records`; each record's reason ends
    with why those identifiers stand ("your edit", or the merge's). Returns None when
    nothing was set aside, else the sources with why, and the fields those records
    supplied that are now gone or taken from what another source states.
    """
    from ..identity import ID_FIELDS, contradicted_records

    marks = ", ".join("?" for _ in ID_FIELDS)
    edited = {row["field"]: json.loads(row["value"]) for row in store.db.query(
        f"select field, value from user_edits where work_id = ? and field in ({marks})", [work_id, *ID_FIELDS])}
    kept = store.kept_identifiers(work_id, edited)
    stated = {name: value for name, value in {**{n: v for n, (v, _) in kept.items()}, **edited}.items() if value}
    if not stated:  # most works: nothing the user states about identifiers, nothing to contradict
        return None
    rows = [dict(row) for row in store.db.query("select * from records where work_id = ? order by id", [work_id])]
    clashing = contradicted_records([(row["source"], json.loads(row["csl"])) for row in rows], stated)
    if not clashing:
        return None
    why = "your edit" if any(edited.values()) else next(reason for _, reason in kept.values())
    before = store.work_row(work_id)
    with store.transaction():
        for row in rows:
            if row["source"] in clashing:
                _keep_aside(store, row, f"of another article: it states {clashing[row['source']]} ({why})")
        after = store.refresh_work(work_id)
    dropped = sorted(name for name, source in before["provenance"].items()
                     if source in clashing and after.get(name) != before["csl"].get(name))
    return {"sources": clashing, "fields": dropped}


def keep_identifiers(store: Store, work_id: int, ids: Work, why: str) -> None:
    """Make ``ids`` (DOI, PMID, PMCID) stand for the work as a merge decided, in place of
    any a merge kept before: they outrank every source but the user's edits, resolution
    asks about them, and records of another article are set aside whenever one is saved
    (:func:`set_aside_contradicted`)."""
    store.db.execute("delete from kept_identifiers where work_id = ?", [work_id])
    stamp = now()
    for name, value in ids.items():
        store.db.execute(
            "insert into kept_identifiers (work_id, field, value, reason, kept_at) values (?, ?, ?, ?, ?)",
            [work_id, name, str(value), why, stamp],
        )


def _keep_aside(store: Store, row: dict[str, Any], reason: str) -> None:
    """Move one ``records`` row to ``records_set_aside`` (its history), saying why."""
    store.db.execute(
        "insert into records_set_aside (work_id, source, csl, verified_at, payload_id, set_aside_at, reason) "
        "values (?, ?, ?, ?, ?, ?, ?)",
        [row["work_id"], row["source"], row["csl"], row["verified_at"], row["payload_id"], now(), reason],
    )
    store.db.execute("delete from records where id = ?", [row["id"]])


def save_resolution(
    store: Store,
    work_id: int,
    status: WorkStatus,
    message: str | None,
    records: dict[str, tuple[Work, int | None]],
    candidates: list[dict[str, Any]],
    meta: dict[str, Any],
) -> dict[str, Any] | None:
    """Write one work's outcome in one transaction: records, candidates, status, merge.

    Returns what :func:`set_aside_contradicted` set aside (records of another article
    than the identifiers the user states), or None."""
    stamp = now()
    db = store.db
    # a candidate the user rejected on review is not put to them again
    rejected = {(row["doi"], row["pmid"]) for row in db.query(
        "select doi, pmid from candidates where work_id = ? and state = 'rejected'", [work_id])}
    offered = [c for c in candidates if c.get("state", "pending") != "pending" or (c.get("doi"), c.get("pmid")) not in rejected]
    if status == WorkStatus.REVIEW and len(offered) < len(candidates) and not any(
            c.get("state", "pending") == "pending" for c in offered):
        status, message = WorkStatus.NOT_FOUND, "candidates rejected on review"
    candidates = offered
    with store.transaction():
        for source in sorted(records, key=lambda name: (RECORD_ORDER.get(name, len(RECORD_ORDER)), name)):
            csl, payload_id = records[source]
            _upsert_record(store, work_id, source, csl, payload_id, stamp)
        # a new outcome replaces what the last one held back (decided candidates stay)
        db.execute("delete from candidates where work_id = ? and state in ('pending', 'nearest')", [work_id])
        for candidate in candidates:
            db.execute(
                "insert into candidates (work_id, source, doi, pmid, csl, score, reason, payload_id, state, created_at) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [work_id, candidate["source"], candidate.get("doi"), candidate.get("pmid"),
                 json.dumps(candidate["csl"], ensure_ascii=False, sort_keys=True), candidate.get("score"),
                 candidate.get("reason"), candidate.get("payload_id"), candidate.get("state", "pending"), stamp],
            )
        db.execute(
            "insert or replace into resolutions (work_id, status, matched_by, doi, pmid, pmcid, score, reason, resolved_at) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [work_id, str(status), meta.get("matched_by"), meta.get("doi"), meta.get("pmid"), meta.get("pmcid"),
             meta.get("score"), message, stamp],
        )
        db.execute("update works set status = ?, status_message = ?, updated_at = ? where id = ?", [str(status), message, stamp, work_id])
        if records:
            store.refresh_work(work_id)
        return set_aside_contradicted(store, work_id)


def _upsert_record(store: Store, work_id: int, source: str, csl: Work, payload_id: int | None, stamp: str) -> None:
    """One record per work and source (unique index): replaced in place when re-verified;
    one of another article (another DOI or PMID) is kept in ``records_set_aside`` first."""
    text = json.dumps(csl, ensure_ascii=False, sort_keys=True)
    for row in list(store.db.query("select * from records where work_id = ? and source = ?", [work_id, source])):
        if conflicting_ids(identity_keys(json.loads(row["csl"])), identity_keys(csl)):
            _keep_aside(store, row, "replaced by a record of another article (another DOI or PMID)")
    changed = store.db.execute(
        "update records set csl = ?, verified_at = ?, payload_id = ? where work_id = ? and source = ?",
        [text, stamp, payload_id, work_id, source],
    ).rowcount
    if not changed:
        store.db.execute(
            "insert into records (work_id, source, csl, verified_at, payload_id) values (?, ?, ?, ?, ?)",
            [work_id, source, text, stamp, payload_id],
        )


def pending_candidates(store: Store, key: str | None = None) -> list[dict[str, Any]]:
    """Candidates waiting for a decision, with their work's key and current title (works
    in the trash left out: :func:`pending_in_trash` counts theirs)."""
    sql = (
        "select candidates.*, works.key as work_key, works.title as work_title from candidates "
        "join works on works.id = candidates.work_id where candidates.state = 'pending' and works.trashed_at is null"
    )
    params: list[Any] = []
    if key:  # the work's key or one it is also known by
        sql += " and works.id = ?"
        params.append(store.work_id_for_key(key))
    out = []
    for row in store.db.query(sql + " order by works.key, candidates.score desc, candidates.id", params):
        row = dict(row)
        row["csl"] = json.loads(row["csl"])
        out.append(row)
    return out


def pending_in_trash(store: Store, key: str | None = None) -> int:
    """How many candidates wait for works in the trash (of the work ``key`` names, if given)."""
    sql = (
        "select count(*) from candidates join works on works.id = candidates.work_id "
        "where candidates.state = 'pending' and works.trashed_at is not null"
    )
    params: list[Any] = []
    if key:
        sql += " and works.id = ?"
        params.append(store.work_id_for_key(key))
    return int(store.db.execute(sql, params).fetchone()[0])


def decide_candidate(store: Store, candidate_id: int, accept: bool) -> dict[str, Any]:
    """Apply a candidate as the work's verified record (others dropped), or reject it."""
    rows = list(store.db.query("select * from candidates where id = ?", [candidate_id]))
    if not rows:
        from ..errors import NotInLibrary

        raise NotInLibrary(f"no candidate {candidate_id}; 'vexascite review' lists them")
    row = dict(rows[0])
    work_id = row["work_id"]
    if row["state"] in ("accepted", "rejected"):  # an old listing, or a second tab: the decision stands
        from ..errors import UsageError

        raise UsageError(
            f"candidate {candidate_id} was already {row['state']} (on review, or when another candidate of its work was "
            f"accepted); 'vexascite review' lists what still waits; to state another DOI or PMID yourself: "
            f"'vexascite edit KEY DOI=...'"
        )
    with store.transaction():
        if accept:
            _upsert_record(store, work_id, row["source"], json.loads(row["csl"]), row["payload_id"], now())
            store.db.execute("update candidates set state = 'rejected' where work_id = ? and state = 'pending' and id != ?", [work_id, candidate_id])
            store.db.execute("update candidates set state = 'accepted' where id = ?", [candidate_id])
            store.set_work_status(work_id, WorkStatus.RESOLVED, "candidate accepted on review")
            store.refresh_work(work_id)
            set_aside_contradicted(store, work_id)  # the rule for every record saved
        else:
            store.db.execute("update candidates set state = 'rejected' where id = ?", [candidate_id])
            left = list(store.db.query("select 1 from candidates where work_id = ? and state = 'pending'", [work_id]))
            if not left:
                store.set_work_status(work_id, WorkStatus.NOT_FOUND, "candidates rejected on review")
    return {"work_id": work_id, "candidate": candidate_id, "accepted": accept}
