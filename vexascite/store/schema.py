"""Versioned schema migrations, tracked in ``PRAGMA user_version``.

Each migration is a function of the sqlite-utils ``Database``; they run in order, each in
its own transaction. A library whose version is newer than the last migration here was
written by a newer vexascite and is refused rather than risked.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _m001_library(db: sqlite_utils.Database) -> None:
    """Sources, raw references, works with FTS, merge history, user edits."""
    db["sources"].create(
        {
            "id": int,
            "path": str,
            "sha256": str,
            "size": int,
            "format": str,
            "importer_version": str,
            "imported_at": str,
            "status": str,
            "message": str,
        },
        pk="id",
    )
    db["sources"].create_index(["path"], unique=True)
    db["sources"].create_index(["sha256"])
    db["ref_lists"].create(
        {"id": int, "source_id": int, "label": str, "line": int, "ordinal": int},
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["works"].create(
        {
            "id": int,
            "key": str,
            "type": str,
            "title": str,
            "authors": str,
            "container": str,
            "year": int,
            "doi": str,
            "pmid": str,
            "pmcid": str,
            "title_norm": str,
            "first_author_norm": str,
            "csl": str,
            "provenance": str,
            "status": str,
            "status_message": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"key", "csl", "status"},
    )
    db["works"].create_index(["key"], unique=True)
    db["works"].create_index(["doi"])
    db["works"].create_index(["pmid"])
    db["works"].create_index(["pmcid"])
    db["works"].create_index(["title_norm"])
    db["works"].enable_fts(
        ["title", "authors", "container"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2"
    )
    db["refs"].create(
        {
            "id": int,
            "source_id": int,
            "work_id": int,
            "list_id": int,
            "number": int,
            "line": int,
            "entry_key": str,
            "raw": str,
            "format": str,
            "importer_version": str,
            "status": str,
            "message": str,
            "fields": str,
            "extra": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[
            ("source_id", "sources", "id"),
            ("work_id", "works", "id"),
            ("list_id", "ref_lists", "id"),
        ],
    )
    db["refs"].create_index(["source_id"])
    db["refs"].create_index(["work_id"])
    db["user_edits"].create(
        {"work_id": int, "field": str, "value": str, "edited_at": str},
        pk=("work_id", "field"),
        foreign_keys=[("work_id", "works", "id")],
    )
    # Records verified by a service (Crossref, PubMed, doi.org), CSL-shaped, one per
    # source per work; the raw payloads they came from live with the resolver's tables.
    db["records"].create(
        {"id": int, "work_id": int, "source": str, "csl": str, "verified_at": str, "payload_id": int},
        pk="id",
        foreign_keys=[("work_id", "works", "id")],
    )
    db["records"].create_index(["work_id", "source"], unique=True)
    db["merges"].create(
        {
            "id": int,
            "kept_work_id": int,
            "merged_key": str,
            "merged_csl": str,
            "merged_at": str,
        },
        pk="id",
    )


def _m002_resolution(db: sqlite_utils.Database) -> None:
    """Service payloads, HTTP cache and match candidates (the resolver's tables)."""


def _m003_claims(db: sqlite_utils.Database) -> None:
    """Manuscripts, their citing sentences (claims) and citation links, with FTS."""


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m001_library,
    _m002_resolution,
    _m003_claims,
]

SCHEMA_VERSION = len(MIGRATIONS)
