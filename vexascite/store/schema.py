"""Versioned schema migrations, tracked in ``PRAGMA user_version``.

Each migration is a function of the sqlite-utils ``Database``; they run in order, each in
its own transaction. A library whose version is newer than the last migration here was
written by a newer vexascite and is refused rather than risked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the migrations get it from the store, which imports it when they run
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
    # Inserts are indexed by the store in bulk (a per-row trigger costs five times more);
    # updates and deletes keep their triggers.
    db.execute("DROP TRIGGER works_ai")
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
    # Every answer a service gave, verbatim, with where and when: the HTTP cache (a
    # second run reads it instead of the network) and the evidence behind each record.
    db["payloads"].create(
        {
            "id": int,
            "cache_key": str,
            "service": str,
            "method": str,
            "url": str,
            "request_body": str,
            "status": int,
            "headers": str,
            "body": bytes,
            "fetched_at": str,
        },
        pk="id",
        not_null={"cache_key", "service", "url", "status", "fetched_at"},
    )
    db["payloads"].create_index(["cache_key"], unique=True)
    # Where each work stands with the services: how it was matched, score, reason.
    db["resolutions"].create(
        {
            "work_id": int,
            "status": str,
            "matched_by": str,
            "doi": str,
            "pmid": str,
            "pmcid": str,
            "score": float,
            "reason": str,
            "resolved_at": str,
        },
        pk="work_id",
        foreign_keys=[("work_id", "works", "id")],
    )
    # Candidates too weak or too ambiguous to apply: kept for 'vexascite review'.
    db["candidates"].create(
        {
            "id": int,
            "work_id": int,
            "source": str,
            "doi": str,
            "pmid": str,
            "csl": str,
            "score": float,
            "reason": str,
            "payload_id": int,
            "state": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("work_id", "works", "id")],
    )
    db["candidates"].create_index(["work_id"])


def _m003_claims(db: sqlite_utils.Database) -> None:
    """Manuscripts, their citing sentences (claims) and citation links, with FTS.

    ``citations`` holds one row per target of each marker: linked to a work, to a list
    entry that names no work yet, or dangling (the marker resolves to nothing), so
    ``check`` can report it with its line. ``ref_id``/``list_id`` carry no foreign key:
    re-importing the manuscript renumbers its raw references, and linking it again
    replaces its citations anyway. ``works_text_fts`` indexes titles and abstracts
    (where a record states one) for claim-to-source search, kept in step by triggers.
    """
    db["documents"].create(
        {
            "id": int,
            "path": str,
            "sha256": str,
            "format": str,
            "source_id": int,
            "list_path": str,
            "sentences": int,
            "claims": int,
            "citations": int,
            "dangling": int,
            "abbreviations": str,
            "linker_version": str,
            "linked_at": str,
        },
        pk="id",
    )
    db["documents"].create_index(["path"], unique=True)
    db["claims"].create(
        {
            "id": int,
            "document_id": int,
            "ordinal": int,
            "start": int,
            "end": int,
            "line": int,
            "end_line": int,
            "section": str,
            "text": str,
            "raw": str,
            "markers": str,
            "expansions": str,
            "search_text": str,
            "segments": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["claims"].create_index(["document_id", "ordinal"])
    # One indexed column (claim text, then the long forms of its abbreviations): BM25
    # over one column costs half what it costs over three, which matters when a common
    # word matches tens of thousands of claims.
    db["claims"].enable_fts(["search_text"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2")
    db["citations"].create(
        {
            "id": int,
            "document_id": int,
            "claim_id": int,
            "ordinal": int,
            "marker": str,
            "style": str,
            "target": str,
            "number": int,
            "cite_key": str,
            "locator": str,
            "start": int,
            "end": int,
            "line": int,
            "clause_start": int,
            "clause_end": int,
            "clause": str,
            "work_id": int,
            "ref_id": int,
            "list_id": int,
            "status": str,
            "message": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("claim_id", "claims", "id"), ("work_id", "works", "id")],
    )
    db["citations"].create_index(["document_id", "ordinal"])
    db["citations"].create_index(["claim_id"])
    db["citations"].create_index(["work_id"])
    # One statement per call: executescript would commit the migration's transaction.
    text_fts_row = "(new.id, new.title, CASE WHEN json_valid(new.csl) THEN json_extract(new.csl, '$.abstract') END)"
    for statement in (
        "CREATE VIRTUAL TABLE works_text_fts USING fts5(title, abstract, tokenize='porter unicode61 remove_diacritics 2')",
        "INSERT INTO works_text_fts(rowid, title, abstract) "
        "SELECT id, title, json_extract(csl, '$.abstract') FROM works WHERE json_valid(csl)",
        f"CREATE TRIGGER works_text_ai AFTER INSERT ON works BEGIN "
        f"INSERT INTO works_text_fts(rowid, title, abstract) VALUES {text_fts_row}; END",
        f"CREATE TRIGGER works_text_au AFTER UPDATE ON works BEGIN "
        f"DELETE FROM works_text_fts WHERE rowid = old.id; "
        f"INSERT INTO works_text_fts(rowid, title, abstract) VALUES {text_fts_row}; END",
        "CREATE TRIGGER works_text_ad AFTER DELETE ON works BEGIN DELETE FROM works_text_fts WHERE rowid = old.id; END",
    ):
        db.execute(statement)


def _m004_bulk_text_index(db: sqlite_utils.Database) -> None:
    """New works reach ``works_text_fts`` in bulk, like ``works_fts``: its per-row insert
    trigger was half the cost of storing a large import. Updates and deletes keep theirs."""
    db.execute("DROP TRIGGER IF EXISTS works_text_ai")


def _m005_key_aliases(db: sqlite_utils.Database) -> None:
    """Keys that keep working: the key a work had before ``rekey``, the key of a work
    merged into it, the key another file gave it. ``key_pinned`` marks a key the user
    chose (``add --key``, ``rekey KEY NEW``), which metadata arriving later never replaces."""
    db["key_aliases"].create(
        {"alias": str, "work_id": int, "reason": str, "created_at": str},
        pk="alias",
        foreign_keys=[("work_id", "works", "id")],
    )
    db["key_aliases"].create_index(["work_id"])
    db.execute("ALTER TABLE works ADD COLUMN key_pinned INTEGER NOT NULL DEFAULT 0")


def _m006_organising(db: sqlite_utils.Database) -> None:
    """Tags, nestable collections, notes, the trash, and exports kept up to date.

    A work in the trash keeps every row that points at it (raw occurrences, records,
    citations) until the trash is emptied; ``trashed_at`` says since when.
    """
    db["works"].add_column("trashed_at", str)
    db["tags"].create(
        {"work_id": int, "tag": str, "tagged_at": str},
        pk=("work_id", "tag"),
        foreign_keys=[("work_id", "works", "id")],
    )
    db["tags"].create_index(["tag"])
    db["collections"].create(
        {"id": int, "parent_id": int, "name": str, "created_at": str},
        pk="id",
        foreign_keys=[("parent_id", "collections", "id")],
    )
    # one name per parent; top-level collections have no parent (NULLs are never equal)
    db.execute("CREATE UNIQUE INDEX collections_parent_name ON collections (ifnull(parent_id, 0), name)")
    db["collection_works"].create(
        {"collection_id": int, "work_id": int, "added_at": str},
        pk=("collection_id", "work_id"),
        foreign_keys=[("collection_id", "collections", "id"), ("work_id", "works", "id")],
    )
    db["collection_works"].create_index(["work_id"])
    db["notes"].create(
        {"id": int, "work_id": int, "text": str, "created_at": str},
        pk="id",
        foreign_keys=[("work_id", "works", "id")],
    )
    db["notes"].create_index(["work_id"])
    db["auto_exports"].create(
        {
            "id": int,
            "path": str,
            "format": str,
            "selection": str,
            "options": str,
            "created_at": str,
            "checked_at": str,
            "written_at": str,
            "count": int,
            "error": str,
        },
        pk="id",
    )
    db["auto_exports"].create_index(["path"], unique=True)


def _m007_evidence(db: sqlite_utils.Database) -> None:
    """Evidence ranking: the library's search index kept between runs, and for each
    citation (claim -> work) the abstract sentences that bear on the claim.

    ``search_index`` holds one serialized index per name with the library fingerprint it
    was built from (stale when works change). ``citation_evidence`` is keyed by claim and
    work and remembers digests of the work's texts and of the claim it was computed from, so new abstracts
    (an import, ``resolve``) refresh it; relinking a manuscript replaces its claims and
    so its rows are dropped with them.
    """
    db["search_index"].create(
        {"name": str, "fingerprint": str, "built_at": str, "data": bytes}, pk="name"
    )
    db["citation_evidence"].create(
        {
            "claim_id": int,
            "work_id": int,
            "work_digest": str,
            "claim_digest": str,
            "checked": int,
            "score": float,
            "coverage": float,
            "sentences": str,
            "computed_at": str,
        },
        pk=("claim_id", "work_id"),
    )
    db["citation_evidence"].create_index(["work_id"])


def _m008_records_set_aside(db: sqlite_utils.Database) -> None:
    """Records a service verified for identifiers the work no longer states (the user
    edited its DOI or PMID): kept here, with why and when, rather than deleted, and no
    longer merged into the work (see docs/resolve.md, "When identifiers change")."""
    db["records_set_aside"].create(
        {"id": int, "work_id": int, "source": str, "csl": str, "verified_at": str, "payload_id": int,
         "set_aside_at": str, "reason": str},
        pk="id",
        foreign_keys=[("work_id", "works", "id")],
    )
    db["records_set_aside"].create_index(["work_id"])


def _m009_kept_identifiers(db: sqlite_utils.Database) -> None:
    """Identifiers a ``merge`` kept: KEEP's DOI, PMID and PMCID where DROP stated others.
    They stand for the work like an edit of them (a user's edit still wins), so records of
    DROP's article stay set aside through ``resolve --refresh`` and later imports."""
    db["kept_identifiers"].create(
        {"work_id": int, "field": str, "value": str, "reason": str, "kept_at": str},
        pk=("work_id", "field"),
        foreign_keys=[("work_id", "works", "id")],
    )


#: What ``works_fts`` indexes, by the names its columns have (``title:`` searches ``title``):
#: the works' plain-text search columns (see :data:`vexascite.rows.WORK_COLUMNS`).
_SEARCH_VIEW = (
    "CREATE VIEW works_search (id, title, authors, container) AS "
    "SELECT id, title_plain, authors, container_plain FROM works"
)
_FTS_OLD = "old.id, old.title_plain, old.authors, old.container_plain"
_FTS_NEW = "new.id, new.title_plain, new.authors, new.container_plain"
_TEXT_ROW = "new.id, new.title_plain, CASE WHEN json_valid(new.csl) THEN json_extract(new.csl, '$.abstract') END"


def _m010_plain_search_text(db: sqlite_utils.Database) -> None:
    """Both search indexes read a title's (and journal's) words, not its rich text: a tag
    split a word (``CO<sub>2</sub>`` was not found as ``CO2``, ``somatic <i>UBA1</i>
    mutations`` not as a phrase). ``title_plain`` and ``container_plain`` are filled for
    every work, ``works_fts`` reads them through the view ``works_search`` (an external
    content table's columns must be named as the index's), and both indexes are rebuilt.
    Safe to run again: every step first undoes what it would find done."""
    from ..rows import plain

    columns = {row[1] for row in db.execute("PRAGMA table_info(works)").fetchall()}
    for column in ("title_plain", "container_plain"):
        if column not in columns:
            db.execute(f"ALTER TABLE works ADD COLUMN {column} TEXT")
    for trigger in ("works_ai", "works_au", "works_ad", "works_text_ai", "works_text_au", "works_text_ad"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute("DROP TABLE IF EXISTS works_fts")
    db.execute("DROP VIEW IF EXISTS works_search")
    db.execute("UPDATE works SET title_plain = title, container_plain = container")
    rich = db.execute(
        "SELECT id, title, container FROM works WHERE title LIKE '%<%' OR title LIKE '%&%' "
        "OR container LIKE '%<%' OR container LIKE '%&%'"
    ).fetchall()
    changed = []
    for work_id, title, container in rich:
        words = (plain(title), plain(container))
        if words != (title, container):
            changed.append((*words, work_id))
    db.conn.executemany("UPDATE works SET title_plain = ?, container_plain = ? WHERE id = ?", changed)
    for statement in (
        _SEARCH_VIEW,
        "CREATE VIRTUAL TABLE works_fts USING fts5(title, authors, container, "
        "tokenize='porter unicode61 remove_diacritics 2', content='works_search', content_rowid='id')",
        "INSERT INTO works_fts (works_fts) VALUES ('rebuild')",
        "DELETE FROM works_text_fts",
        "INSERT INTO works_text_fts (rowid, title, abstract) "
        "SELECT id, title_plain, json_extract(csl, '$.abstract') FROM works WHERE json_valid(csl)",
        # inserts are indexed by the store in bulk (Store.index_new_works), as before
        f"CREATE TRIGGER works_au AFTER UPDATE ON works BEGIN "
        f"INSERT INTO works_fts (works_fts, rowid, title, authors, container) VALUES ('delete', {_FTS_OLD}); "
        f"INSERT INTO works_fts (rowid, title, authors, container) VALUES ({_FTS_NEW}); END",
        f"CREATE TRIGGER works_ad AFTER DELETE ON works BEGIN "
        f"INSERT INTO works_fts (works_fts, rowid, title, authors, container) VALUES ('delete', {_FTS_OLD}); END",
        f"CREATE TRIGGER works_text_au AFTER UPDATE ON works BEGIN "
        f"DELETE FROM works_text_fts WHERE rowid = old.id; "
        f"INSERT INTO works_text_fts (rowid, title, abstract) VALUES ({_TEXT_ROW}); END",
        "CREATE TRIGGER works_text_ad AFTER DELETE ON works BEGIN DELETE FROM works_text_fts WHERE rowid = old.id; END",
    ):
        db.execute(statement)
    if changed:  # evidence ranking's kept indexes were built from the rich text: built again when next used
        db.execute("DELETE FROM search_index")


#: The works' columns that what is kept from them reads: the search indexes of evidence
#: ranking (key, title's words, record: abstract and subject terms), the trash they leave
#: out, and the near-duplicate pairs (title, year, identifiers). Writing any of them, or
#: adding or removing a work, moves the library's change counter (migration 11); a column
#: read later joins this list through a migration that makes the trigger again.
WATCHED_COLUMNS = ("id", "key", "title", "title_plain", "csl", "year", "doi", "pmid", "pmcid", "trashed_at")

#: The fingerprint of the works table before the change counter: it read every work.
CONTENT_FINGERPRINT = (
    "select count(*), coalesce(max(id), 0), coalesce(max(updated_at), ''), coalesce(sum(length(key)), 0), "
    "coalesce(sum(length(csl)), 0) from works"
)

#: Raises the change counter (by the triggers, and once for a batch of new works).
BUMP = "UPDATE library_changes SET generation = generation + 1 WHERE id = 1"
#: The insert trigger, which the store's bulk insert sets aside for its batch (see
#: :meth:`vexascite.store.Store.insert_new_works`).
INSERT_TRIGGER = f"CREATE TRIGGER IF NOT EXISTS works_changes_ai AFTER INSERT ON works BEGIN {BUMP}; END"


def _m011_change_counter(db: sqlite_utils.Database) -> None:
    """A counter of the library's changes, so that what is kept from the works (the search
    indexes of ``suggest``, the pairs of ``duplicates``) is known current without reading
    them: ``library_changes`` holds one number, which triggers raise on every insert and
    delete of a work and every update of a column in :data:`WATCHED_COLUMNS`, whoever
    writes (a trigger is part of the library, not of the program). ``kept_results`` keeps
    results computed from the works with the counter they were computed at. A partial
    index finds the works in the trash without a scan. Indexes kept by the last version
    for the library as it is now are kept, under the counter's fingerprint. Safe to run
    again: every step first undoes what it would find done."""
    db.execute("CREATE TABLE IF NOT EXISTS library_changes (id INTEGER PRIMARY KEY CHECK (id = 1), "
               "generation INTEGER NOT NULL)")
    db.execute("INSERT OR IGNORE INTO library_changes (id, generation) VALUES (1, 0)")
    db.execute("CREATE TABLE IF NOT EXISTS kept_results (name TEXT PRIMARY KEY, fingerprint TEXT, built_at TEXT, "
               "data BLOB)")
    db.execute("CREATE INDEX IF NOT EXISTS works_trashed ON works (trashed_at) WHERE trashed_at IS NOT NULL")
    for trigger in ("works_changes_ai", "works_changes_au", "works_changes_ad"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    current = "|".join(str(value) for value in db.execute(CONTENT_FINGERPRINT).fetchone())
    generation = db.execute("SELECT generation FROM library_changes WHERE id = 1").fetchone()[0]
    db.execute("UPDATE search_index SET fingerprint = ? WHERE fingerprint = ?", [f"changes {generation}", current])
    for statement in (
        INSERT_TRIGGER,
        f"CREATE TRIGGER works_changes_au AFTER UPDATE OF {', '.join(WATCHED_COLUMNS)} ON works BEGIN {BUMP}; END",
        f"CREATE TRIGGER works_changes_ad AFTER DELETE ON works BEGIN {BUMP}; END",
    ):
        db.execute(statement)


_TEXT_ROW_PLAIN = (
    "new.id, new.title_plain, "
    "CASE WHEN json_valid(new.csl) THEN coalesce(new.abstract_plain, json_extract(new.csl, '$.abstract')) END"
)


def _m012_plain_text_fields(db: sqlite_utils.Database) -> None:
    """A field's rich text is read by one rule (:mod:`vexascite.richtext`): CSL's style tags
    are markup, any other tag is text. Titles' and journals' words and titles' identity
    keys are recomputed by it (``The <title> element`` kept the word ``title`` out of the
    index; ``&amp;`` was the word ``amp`` in the key), abstracts get their
    words (``abstract_plain``, only where they differ from the abstract: markup no longer
    indexed as words), and both search indexes and the kept ranking indexes are rebuilt.
    Stored fields are not rewritten: read by the rule, they lose nothing. Safe to run again."""
    from ..identity import fold
    from ..rows import abstract_words, plain

    columns = {row[1] for row in db.execute("PRAGMA table_info(works)").fetchall()}
    if "abstract_plain" not in columns:
        db.execute("ALTER TABLE works ADD COLUMN abstract_plain TEXT")
    db.execute("DROP TRIGGER IF EXISTS works_text_au")
    rows = db.execute(
        "SELECT id, title, container, title_plain, container_plain, abstract_plain, title_norm, "
        "CASE WHEN json_valid(csl) THEN json_extract(csl, '$.abstract') END FROM works "
        "WHERE title LIKE '%<%' OR title LIKE '%&%' OR container LIKE '%<%' OR container LIKE '%&%' "
        "OR abstract_plain IS NOT NULL OR (json_valid(csl) AND (json_extract(csl, '$.abstract') LIKE '%<%' "
        "OR json_extract(csl, '$.abstract') LIKE '%&%'))"
    ).fetchall()
    changed = []
    for work_id, title, container, title_plain, container_plain, abstract_plain, title_norm, abstract in rows:
        norm = (fold(title) or None) if isinstance(title, str) else title_norm
        words = (plain(title), plain(container), abstract_words(abstract), norm)
        if words != (title_plain, container_plain, abstract_plain, title_norm):
            changed.append((*words, work_id))
    db.conn.executemany(
        "UPDATE works SET title_plain = ?, container_plain = ?, abstract_plain = ?, title_norm = ? WHERE id = ?", changed
    )
    for statement in (
        "INSERT INTO works_fts (works_fts) VALUES ('rebuild')",
        "DELETE FROM works_text_fts",
        "INSERT INTO works_text_fts (rowid, title, abstract) "
        "SELECT id, title_plain, coalesce(abstract_plain, json_extract(csl, '$.abstract')) FROM works WHERE json_valid(csl)",
        f"CREATE TRIGGER works_text_au AFTER UPDATE ON works BEGIN "
        f"DELETE FROM works_text_fts WHERE rowid = old.id; "
        f"INSERT INTO works_text_fts (rowid, title, abstract) VALUES ({_TEXT_ROW_PLAIN}); END",
    ):
        db.execute(statement)
    if changed:  # evidence ranking's kept indexes read the abstracts' markup as words: built again when next used
        db.execute("DELETE FROM search_index")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m001_library,
    _m002_resolution,
    _m003_claims,
    _m004_bulk_text_index,
    _m005_key_aliases,
    _m006_organising,
    _m007_evidence,
    _m008_records_set_aside,
    _m009_kept_identifiers,
    _m010_plain_search_text,
    _m011_change_counter,
    _m012_plain_text_fields,
]

SCHEMA_VERSION = len(MIGRATIONS)
