"""Stored texts for evidence ranking, the kept search index and per-citation evidence.

Works' ranking texts (title, abstract, subject terms) are read straight from each work's
effective CSL record (``abstract`` and ``keyword``), so they carry the provenance of every
other field. The serialized search index is a cache keyed by the library's change counter
(:func:`~vexascite.store.kept.library_mark`): any insert or delete of a work, and any
update of what the index reads, makes it stale.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..richtext import plain_text
from . import Store, now
from .chunks import dicts_in, rows_in
from .kept import keep_unless_busy, library_mark

__all__ = [
    "citation_evidence_by_key",
    "citation_evidence_rows",
    "citations_needing_evidence",
    "claim_digest",
    "forget_indexes_except",
    "index_sizes",
    "library_fingerprint",
    "load_index",
    "ranking_texts",
    "save_citation_evidence",
    "save_index",
    "trashed_keys",
]

_TEXTS = (
    "select key, coalesce({title}, '') as title, "
    "coalesce(json_extract(csl, '$.abstract'), '') as abstract, "
    "coalesce(json_extract(csl, '$.keyword'), '') as keyword from works where json_valid(csl)"
)


def ranking_texts(store: Store, keys: Iterable[str] | None = None) -> Iterator[tuple[str, str, str, str]]:
    """``(key, title, abstract, keyword)`` of the given works (all works without keys); the
    title's and abstract's words, not their rich text (``CO<sub>2</sub>`` ranks as ``CO2``)."""
    sql = _TEXTS.replace("{title}", store.title_words)
    rows = store.db.execute(sql + " order by id").fetchall() if keys is None else rows_in(store, sql + " and key in ({ids})", dict.fromkeys(keys))
    for key, title, abstract, keyword in rows:  # the abstract's words, not its markup (``<i>``, ``&lt;``)
        yield key, title, plain_text(abstract), keyword


def trashed_keys(store: Store) -> set[str]:
    """Keys of the works in the trash (kept in the index, never suggested); read through the
    partial index of trashed works, not a scan of them all."""
    return {row[0] for row in store.db.execute("select key from works where trashed_at is not null")}


def library_fingerprint(store: Store) -> str:
    """Changes whenever what the indexes read changes: a work added, removed, re-keyed,
    trashed or restored, its record or title written (the library's change counter)."""
    return library_mark(store)


def load_index(store: Store, name: str, fingerprint: str) -> bytes | None:
    """The kept index ``name`` if it was built from this state of the library."""
    row = store.db.execute("select fingerprint, data from search_index where name = ?", [name]).fetchone()
    return bytes(row[1]) if row and row[0] == fingerprint else None


def save_index(store: Store, name: str, fingerprint: str, data: bytes) -> str | None:
    """Keep an index built for this state of the library; when it cannot be kept (a library
    read-only, or another process writing it, which is not waited for), why not: it serves
    this run alone (:func:`~vexascite.store.kept.keep_unless_busy`)."""
    return keep_unless_busy(store, lambda: store.db.execute(
        "insert or replace into search_index (name, fingerprint, built_at, data) values (?, ?, ?, ?)",
        [name, fingerprint, now(), data],
    ))


def index_sizes(store: Store) -> dict[str, int]:
    """Bytes each kept index takes, by name."""
    return {row[0]: row[1] for row in store.db.execute("select name, length(data) from search_index order by name")}


def forget_indexes_except(store: Store, names: Iterable[str]) -> int:
    """Drop kept indexes not named in ``names`` (older versions nothing reads); returns how many."""
    keep = list(names)
    dropped = [0]

    def write() -> None:
        cursor = store.db.execute(f"delete from search_index where name not in ({', '.join('?' * len(keep))})", keep)
        dropped[0] = cursor.rowcount

    keep_unless_busy(store, write)  # not while another process writes: dropped another time
    return dropped[0]


def claim_digest(*texts: str | None) -> str:
    """A short digest of texts (a claim; a work's title, abstract and subject terms)."""
    return hashlib.sha256("\x1f".join(t or "" for t in texts).encode("utf-8")).hexdigest()[:16]


def citations_needing_evidence(store: Store) -> list[dict[str, Any]]:
    """Claim -> work links whose evidence is missing, or was computed from another text of
    the claim or of the work."""
    sql = (
        f"select distinct claims.id as claim_id, claims.text, works.id as work_id, works.key, works.{store.title_words} as title, "
        "json_extract(works.csl, '$.abstract') as abstract, json_extract(works.csl, '$.keyword') as keyword, "
        "ce.work_digest as stored_work, ce.claim_digest as stored_claim from citations "
        "join claims on claims.id = citations.claim_id join works on works.id = citations.work_id "
        "left join citation_evidence ce on ce.claim_id = claims.id and ce.work_id = works.id"
    )
    out = []
    for row in store.db.query(sql):
        row = dict(row)
        row["work_digest"] = claim_digest(row["title"], row["abstract"], str(row["keyword"] or ""))
        if row["stored_work"] == row["work_digest"] and row["stored_claim"] == claim_digest(row["text"]):
            continue
        out.append(row)
    return out


def save_citation_evidence(store: Store, rows: list[dict[str, Any]]) -> str | None:
    """Replace the evidence of the given claim -> work links; drop rows of vanished claims.
    When not kept (:func:`~vexascite.store.kept.keep_unless_busy`: a library read-only, or
    another process writing it), why not: the caller shows ``rows`` as computed."""
    stamp = now()

    def write() -> None:
        store.db.execute("delete from citation_evidence where claim_id not in (select id from claims)")
        for row in rows:
            store.db.execute(
                "insert or replace into citation_evidence (claim_id, work_id, work_digest, claim_digest, checked, "
                "score, coverage, sentences, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    row["claim_id"], row["work_id"], row["work_digest"], claim_digest(row["text"]), int(row["checked"]),
                    row["score"], row["coverage"], json.dumps(row["sentences"], ensure_ascii=False), stamp,
                ],
            )

    return keep_unless_busy(store, write)


def citation_evidence_rows(store: Store, claim_ids: Iterable[int]) -> dict[tuple[int, int], dict[str, Any]]:
    """Stored evidence by (claim id, work id)."""
    out: dict[tuple[int, int], dict[str, Any]] = {}
    for row in dicts_in(store, "select * from citation_evidence where claim_id in ({ids})", claim_ids):
        row["sentences"] = json.loads(row["sentences"] or "[]")
        out[(row["claim_id"], row["work_id"])] = row
    return out


def citation_evidence_by_key(store: Store, claim_ids: Iterable[int]) -> dict[tuple[int, str], dict[str, Any]]:
    """Stored evidence by (claim id, work key), for tables that name works by key."""
    out: dict[tuple[int, str], dict[str, Any]] = {}
    sql = "select ce.*, works.key from citation_evidence ce join works on works.id = ce.work_id where ce.claim_id in ({ids})"
    for row in dicts_in(store, sql, claim_ids):
        row["sentences"] = json.loads(row["sentences"] or "[]")
        out[(row["claim_id"], row["key"])] = row
    return out
