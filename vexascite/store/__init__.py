"""The library store: the only module that talks to SQLite (through sqlite-utils).

One :class:`Store` per open library. Writes happen inside :meth:`Store.transaction`
(one per imported file, one per resolved reference), so a failure leaves nothing
half-written. WAL and a busy timeout let two processes share one library.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..errors import CannotWrite, LibraryTooNew, NotInLibrary
from ..identity import ID_FIELDS, IdentityKeys, conflicting_ids, same_work
from ..merge import merge_records
from ..model import RawReference, RefStatus, Work, WorkStatus
from ..model import utc_now as now
from ..rows import WORK_COLUMNS, PreparedRef, dumps, prepare_reference, work_columns
from .failures import (
    BUSY_STEP_MS,
    DEFAULT_LOCK_WAIT,
    LockWaitReporter,
    library_error,
    read_only_place,
    translated,
    wait_for_lock,
)
from .fts import fts_query
from .pk import inserted_id
from .schema import BUMP, INSERT_TRIGGER, MIGRATIONS, SCHEMA_VERSION

#: The oldest library version read as it is where it cannot be migrated (a read-only
#: disk): version 8 lacks only ``kept_identifiers``, which reading does without, and
#: versions 8 and 9 the plain-text search columns (their indexes hold the rich text).
READABLE_SINCE = 8

__all__ = ["SCHEMA_VERSION", "IdentityIndex", "SourceRow", "Store", "fts_query", "now"]


@dataclass(slots=True)
class SourceRow:
    """A file the library has read."""

    id: int
    path: str
    sha256: str
    format: str
    status: str
    importer_version: str | None = None


def expand_provenance(stored: str | None, csl: Work) -> dict[str, str]:
    """The field -> source map of a work, from its stored (possibly compact) form."""
    provenance = json.loads(stored or "{}")
    default = provenance.pop("*", None)
    if default is None:
        return provenance
    return {field: default for field in csl}


class IdentityIndex:
    """Works by identity key, in memory, for the duplicate rule (see :mod:`..identity`)."""

    def __init__(self) -> None:
        self.keys: dict[int, list[IdentityKeys]] = {}
        self.by_value: dict[tuple[str, str], list[int]] = {}

    def add(self, work_id: int, keys: IdentityKeys) -> None:
        self.keys.setdefault(work_id, []).append(keys)
        for kind, value in (("doi", keys.doi), ("pmid", keys.pmid), ("pmcid", keys.pmcid), ("title", keys.title)):
            if value:
                ids = self.by_value.setdefault((kind, value), [])
                if work_id not in ids:
                    ids.append(work_id)

    def find(self, keys: IdentityKeys) -> int | None:
        """The first work the duplicate rule matches, preferring identifier matches."""
        for kind, value in (("doi", keys.doi), ("pmid", keys.pmid), ("pmcid", keys.pmcid), ("title", keys.title)):
            for work_id in self.by_value.get((kind, value), []) if value else []:
                known = self.keys[work_id]
                if any(same_work(keys, k) for k in known) and not any(conflicting_ids(keys, k) for k in known):
                    return work_id
        return None


if TYPE_CHECKING:
    import sqlite_utils


class _Connection:
    """The library's connection as the store uses it: ``execute`` and ``query`` go
    straight to sqlite3, and sqlite-utils' ``Database`` (whose import costs about 0.1 s,
    numpy included) is made the first time anything else of it is asked for (tables,
    inserts, migrations), so a command that only reads starts fast."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Any = None

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params)
        keys = [column[0] for column in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def close(self) -> None:
        self.conn.close()

    def _full(self) -> Any:
        if self._database is None:
            self._database = _sqlite_utils().Database(self.conn)
        return self._database

    def __getattr__(self, name: str) -> Any:
        return getattr(self._full(), name)

    def __getitem__(self, name: str) -> Any:
        return self._full()[name]


def _sqlite_utils() -> Any:
    """sqlite-utils, imported without its optional numpy and pandas column types unless
    they are loaded already: numpy alone costs about 0.1 s, a tenth of importing a large
    file, and the store never hands sqlite-utils a numpy or pandas value."""
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes its import fail, as if absent
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """The store's view of a connection (typed as sqlite-utils' ``Database``, which it
    becomes on first use of anything beyond ``execute`` and ``query``)."""
    return _Connection(conn)  # type: ignore[return-value]


class Store:
    """An open library. Use :meth:`open`; close with :meth:`close` or a ``with`` block."""

    def __init__(
        self, db: sqlite_utils.Database, path: str, lock_wait: float = DEFAULT_LOCK_WAIT,
        on_wait: LockWaitReporter | None = None,
    ) -> None:
        self.db = db
        self.path = path
        #: seconds to wait for another process's write lock (with ``on_wait`` told) before LibraryBusy
        self.lock_wait = lock_wait
        self.on_wait = on_wait
        #: opened for reading only (a library on a read-only disk): caches are not kept
        self.read_only = False
        #: whether the library has ``kept_identifiers`` (version 9): one read as it is, on a
        #: read-only disk, may be of version 8, which had no merge's kept identifiers
        self.kept_table = True
        #: the works' column of a title's words (version 10's ``title_plain``; one read as
        #: it is, on a read-only disk, may be older and have only the rich ``title``)
        self.title_words = "title_plain"
        #: whether the library counts its changes (version 11's ``library_changes``), which
        #: tells kept indexes and results current without reading the works
        self.counts_changes = True

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, *, create: bool = True, lock_wait: float = DEFAULT_LOCK_WAIT,
        on_wait: LockWaitReporter | None = None,
    ) -> Store:
        """Open (and create or migrate) the library at ``path``.

        While another process writes the library we wait up to ``lock_wait`` seconds
        (telling ``on_wait``), then raise :class:`~vexascite.errors.LibraryBusy`.
        """
        path = str(path)
        if not create and path != ":memory:" and not Path(path).exists():
            raise NotInLibrary(f"no library at {path}; run 'vexascite import' first")
        try:
            conn = sqlite3.connect(path, timeout=BUSY_STEP_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise library_error(exc, path) from exc
        db = _database(conn)
        store = cls(db, path, lock_wait, on_wait)
        try:
            with translated(path):
                wait_for_lock(store._configure, path, lock_wait, on_wait)
                store._migrate()
        except CannotWrite:
            conn.close()
            if create or not read_only_place(path):
                raise
            return cls._open_read_only(path)
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, path: str) -> Store:
        """A library on a read-only disk, opened for reading: SQLite cannot make the
        files WAL mode needs beside it, so the file is read as it is (``immutable``)."""
        wal = Path(path + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise CannotWrite(
                f"{path}: the library is on a read-only disk and its last changes are still in "
                f"{wal.name}; open it once where it can be written"
            )
        uri = "file:" + quote(str(Path(path).resolve())) + "?immutable=1"
        with translated(path):
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            db = _database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            version = db.execute("PRAGMA user_version").fetchone()[0]
        if not READABLE_SINCE <= version <= SCHEMA_VERSION:
            conn.close()
            raise CannotWrite(
                f"{path}: the library is on a read-only disk and was written by another vexascite "
                f"(library version {version}, this one uses {SCHEMA_VERSION}); open it where it can be written"
            )
        store = cls(db, path)
        store.read_only = True
        store.kept_table = version >= 9
        store.title_words = "title_plain" if version >= 10 else "title"
        store.counts_changes = version >= 11
        return store

    def scratch_copy(self, path: str | Path) -> None:
        """Copy this library (opened read-only, say) to ``path``, a file of the caller's, for
        work whose writes are not to be kept (``check`` on a library it may not write). The
        copy keeps no exports up to date: it must never write the files the library names."""
        with translated(self.path):
            target = sqlite3.connect(str(path), isolation_level=None)
            try:
                self.db.conn.backup(target)
                target.execute("delete from auto_exports")
            finally:
                target.close()

    def _configure(self) -> None:
        db = self.db
        db.execute(f"PRAGMA busy_timeout = {BUSY_STEP_MS}")
        # 64 MiB of page cache: a bulk import updates several indexes in random order.
        db.execute("PRAGMA cache_size = -65536")
        db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL loses no committed data on a crash, only durability
            # of the last commit on power loss, and saves an fsync per transaction.
            db.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryTooNew(
                f"{self.path} was written by a newer vexascite (library version {version}, "
                f"this vexascite knows up to {SCHEMA_VERSION}); upgrade vexascite to open it"
            )
        if version == SCHEMA_VERSION:
            return
        with self.transaction():  # the write lock first: another process may be migrating too
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                MIGRATIONS[number](self.db)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All writes inside commit together or not at all (nests as savepoints).

        The outer transaction takes the write lock at once (``BEGIN IMMEDIATE``), so ids
        read inside it stay valid while another process waits its turn.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        conn = self.db.conn
        wait_for_lock(lambda: conn.execute("BEGIN IMMEDIATE"), self.path, self.lock_wait, self.on_wait)
        try:
            yield self
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full)
                conn.execute("ROLLBACK")
            raise
        else:
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # a failed COMMIT (disk full) may leave it open
                    conn.execute("ROLLBACK")
                raise

    # -- sources -----------------------------------------------------------------------
    def source_by_path(self, path: str) -> SourceRow | None:
        rows = list(self.db.query("select * from sources where path = ?", [path]))
        if not rows:
            return None
        row = rows[0]
        return SourceRow(row["id"], row["path"], row["sha256"], row["format"], row["status"], row["importer_version"])

    def upsert_source(
        self, path: str, sha256: str, size: int, fmt: str, importer_version: str, status: str, message: str | None
    ) -> int:
        """Record a read of ``path``; an earlier read of the same path is replaced."""
        existing = self.source_by_path(path)
        row = {
            "path": path,
            "sha256": sha256,
            "size": size,
            "format": fmt,
            "importer_version": importer_version,
            "imported_at": now(),
            "status": status,
            "message": message,
        }
        if existing:
            self.db.table("sources").update(existing.id, row)
            return existing.id
        return inserted_id(self.db.table("sources").insert(row).last_pk)

    def forget_source_refs(self, source_id: int) -> dict[str, int]:
        """Drop the raw references of an earlier read of a changed file.

        Returns where each old entry went, by raw text and by entry key, so the new read
        can send an unchanged or edited entry to the same work (and its key).
        """
        previous: dict[str, int] = {}
        sql = "select raw, entry_key, work_id from refs where source_id = ? and work_id is not null order by id"
        for raw, entry_key, work_id in self.db.execute(sql, [source_id]).fetchall():
            previous.setdefault("raw:" + raw, work_id)
            if entry_key:
                previous.setdefault("key:" + entry_key, work_id)
        # set aside for the batch: an entry the new read drops may be kept (keep_dropped_refs)
        self.db.execute("create temp table if not exists set_aside_refs as select * from refs where 0")
        self.db.execute("delete from temp.set_aside_refs")
        self.db.execute("insert into temp.set_aside_refs select * from refs where source_id = ? and work_id is not null", [source_id])
        self.db.execute("delete from refs where source_id = ?", [source_id])
        self.db.execute("delete from ref_lists where source_id = ?", [source_id])
        return previous

    def keep_dropped_refs(self, work_ids: set[int], path: str) -> list[int]:
        """The works among ``work_ids`` (an earlier read of ``path`` pointed at them) that the
        new read left with no record at all, while something else still holds them (a tag, a
        note, a collection, a claim, a resolver's answer): a work with no fields. Each keeps
        the entries the earlier read gave it (set aside by :meth:`forget_source_refs`), as
        ``dropped`` references of the file in none of its lists. Returns their ids."""
        kept = []
        for work_id in sorted(work_ids):
            has_record = self._holds(work_id, ("records", "user_edits")) or self.db.execute(
                "select 1 from refs where work_id = ? limit 1", [work_id]).fetchone() is not None
            if has_record or not self._holds(work_id, exclude=("key_aliases",)):
                continue  # has a record still, or nothing holds it (removed)
            self.db.execute(
                "insert into refs (source_id, work_id, list_id, number, line, entry_key, raw, format, importer_version, "
                "status, message, fields, extra, created_at) select source_id, work_id, null, number, line, entry_key, raw, "
                "format, importer_version, ?, ?, fields, extra, created_at from temp.set_aside_refs where work_id = ? order by id",
                [str(RefStatus.DROPPED), f"no longer in {path} (read again {now()[:10]}); kept: the work is still held"
                 " (a tag, note, collection or citation) and would have no record without it", work_id],
            )
            kept.append(work_id)
        return kept

    def _holds(self, work_id: int, only: tuple[str, ...] | None = None, exclude: tuple[str, ...] = ()) -> bool:
        """Whether a row of the tables ``only`` (every table naming works but ``exclude``)
        names the work; a ``dropped`` reference holds nothing (it is kept for what holds the work)."""
        for table in only or self.tables_referencing_works():
            if table in exclude:
                continue
            dropped = f" and status != '{RefStatus.DROPPED}'" if table == "refs" else ""
            if self.db.execute(f"select 1 from {table} where work_id = ?{dropped} limit 1", [work_id]).fetchone():
                return True
        return False

    def add_ref_list(self, source_id: int, label: str, line: int | None, ordinal: int) -> int:
        return inserted_id(
            self.db.table("ref_lists")
            .insert({"source_id": source_id, "label": label, "line": line, "ordinal": ordinal})
            .last_pk
        )

    def add_ref(
        self, source_id: int | None, ref: RawReference, work_id: int | None, importer_version: str, list_id: int | None = None
    ) -> int:
        """Insert one raw occurrence (through :meth:`insert_refs`); returns its id."""
        self.insert_refs([(source_id, prepare_reference(ref), work_id, importer_version, list_id)])
        return int(self.db.execute("select last_insert_rowid()").fetchone()[0])

    # -- works -------------------------------------------------------------------------
    def find_same_work(self, keys: IdentityKeys, excluding: int | None = None) -> int | None:
        """The id of the stored work the duplicate rule says ``keys`` belongs to (other
        than work ``excluding``): the rule of :class:`~vexascite.store.ingest.Ingest`
        (:meth:`IdentityIndex.find`) over the works that share an identifier or title."""
        clauses, params = [], []
        for column, value in (("doi", keys.doi), ("pmid", keys.pmid), ("pmcid", keys.pmcid), ("title_norm", keys.title)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if not clauses:
            return None
        index = IdentityIndex()
        sql = (
            "select id, doi, pmid, pmcid, title_norm, first_author_norm, year from works "
            f"where ({' or '.join(clauses)}) and id != ? order by id"
        )
        for row in self.db.execute(sql, [*params, -1 if excluding is None else excluding]).fetchall():
            index.add(row[0], IdentityKeys(*row[1:]))
        return index.find(keys)

    def key_taken(self, key: str) -> bool:
        """Whether a work has this key, or had it (an alias keeps naming that work)."""
        return bool(
            self.db.execute("select 1 from works where key = ? limit 1", [key]).fetchone()
            or self.db.execute("select 1 from key_aliases where alias = ? limit 1", [key]).fetchone()
        )

    def index_new_works(self, first_id: int, last_id: int) -> None:
        """Add freshly inserted works to both full-text indexes (inserts have no trigger).
        Fewer, larger batches cost less: each statement writes a new index segment."""
        self.db.execute(
            "insert into works_fts (rowid, title, authors, container) "
            "select id, title_plain, authors, container_plain from works where id between ? and ?",
            [first_id, last_id],
        )
        self.db.execute(
            "insert into works_text_fts (rowid, title, abstract) "
            "select id, title_plain, coalesce(abstract_plain, json_extract(csl, '$.abstract')) from works "
            "where id between ? and ? and json_valid(csl)",
            [first_id, last_id],
        )

    def work_sources(self, work_id: int) -> list[tuple[str, Work]]:
        """Every record stated about a work, in merge order: user edits, identifiers a
        merge kept, services, imports."""
        records: list[tuple[str, Work]] = []
        edits = {row["field"]: json.loads(row["value"]) for row in self.db.query("select field, value from user_edits where work_id = ?", [work_id])}
        if edits:
            records.append(("user", edits))
        kept = self.kept_identifiers(work_id, edits)
        if kept:
            records.append(("merge", {name: value for name, (value, _) in kept.items()}))
        for row in self.db.query("select source, csl from records where work_id = ? order by id", [work_id]):
            records.append((row["source"], json.loads(row["csl"])))
        for row in self.db.query(
            "select format, fields from refs where work_id = ? and status != ? order by id", [work_id, str(RefStatus.FAILED)]
        ):
            records.append((row["format"], json.loads(row["fields"])))
        return records

    def kept_identifiers(self, work_id: int, edits: dict[str, Any]) -> dict[str, tuple[str, str]]:
        """The identifiers a merge kept for the work (``field -> (value, why)``), unless
        the user's ``edits`` name an identifier since: then the user has said which
        article the work is, and the merge's set stands aside (until the edit is reverted)."""
        if not self.kept_table or any(name in edits for name in ID_FIELDS):
            return {}
        return {row["field"]: (row["value"], row["reason"]) for row in self.db.query(
            "select field, value, reason from kept_identifiers where work_id = ? order by field", [work_id])}

    def refresh_work(self, work_id: int) -> Work:
        """Recompute a work's effective record and its search columns from its sources."""
        merged, provenance = merge_records(self.work_sources(work_id))
        self.db.table("works").update(work_id, dict(zip(WORK_COLUMNS, work_columns(merged, provenance, now()), strict=True)))
        return merged

    # -- bulk import -------------------------------------------------------------------
    def all_keys(self) -> set[str]:
        """Every key in use: works' keys and their aliases."""
        return {row[0] for row in self.db.execute("select key from works union select alias from key_aliases").fetchall()}

    def next_work_id(self) -> int:
        return int(self.db.execute("select coalesce(max(id), 0) + 1 from works").fetchone()[0])

    def insert_new_works(
        self, works: list[tuple[int, str, tuple[Any, ...]]], status: WorkStatus = WorkStatus.UNRESOLVED
    ) -> None:
        """Insert ``(id, key, WORK_COLUMNS values)`` rows in one batch; the caller adds
        them to the search indexes with :meth:`index_new_works` (in batches of its choice).

        The change counter is raised once for the batch: the insert trigger, which raises it
        for every other writer, is set aside while the batch is inserted (a trigger on the
        table slows every row's insert into its indexes, 20 µs a work) and is back before
        the transaction ends, whatever happens."""
        if not works:
            return
        stamp = now()
        columns = ["id", "key", "status", "created_at", *WORK_COLUMNS]
        sql = f"insert into works ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})"
        with self.transaction():
            self.db.execute("DROP TRIGGER IF EXISTS works_changes_ai")
            try:
                self.db.conn.executemany(sql, ((work_id, key, str(status), stamp, *values) for work_id, key, values in works))
                self.db.execute(BUMP)
            finally:  # a full disk may have rolled the whole transaction back, the trigger with it
                self.db.execute(INSERT_TRIGGER)

    def insert_refs(self, rows: list[tuple[int | None, PreparedRef, int | None, str, int | None]]) -> None:
        """Insert ``(source_id, prepared ref, work_id, importer_version, list_id)`` rows in one batch."""
        stamp = now()
        sql = (
            "insert into refs (source_id, work_id, list_id, number, line, entry_key, raw, format, "
            "importer_version, status, message, fields, extra, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        self.db.conn.executemany(
            sql,
            (
                (source_id, work_id, list_id, ref.number, ref.line, ref.entry_key, ref.raw, ref.format, version,
                 str(ref.status), ref.message, ref.fields_json, ref.extra_json, stamp)
                for source_id, ref, work_id, version, list_id in rows
            ),
        )

    def set_work_status(self, work_id: int, status: WorkStatus, message: str | None = None) -> None:
        self.db.table("works").update(work_id, {"status": str(status), "status_message": message, "updated_at": now()})

    def set_user_edit(self, work_id: int, field: str, value: Any) -> None:
        self.db.table("user_edits").upsert(
            {"work_id": work_id, "field": field, "value": dumps(value), "edited_at": now()}, pk=("work_id", "field")
        )

    def work_id_for_key(self, key: str) -> int:
        """The work a key names: its own key, or a key it was known by (an alias)."""
        from .library import work_id_for_key_or_alias

        return work_id_for_key_or_alias(self, key)

    def work_row(self, work_id: int) -> dict[str, Any]:
        rows = list(self.db.query("select * from works where id = ?", [work_id]))
        if not rows:
            raise NotInLibrary(f"no work with id {work_id}")
        row = dict(rows[0])
        row["csl"] = json.loads(row["csl"])
        row["provenance"] = expand_provenance(row["provenance"], row["csl"])
        return row

    def iter_works(self, where: str = "", params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
        """Works not in the trash (matching ``where``), by key."""
        sql = "select * from works where trashed_at is null" + (f" and ({where})" if where else "") + " order by key"
        for row in self.db.query(sql, params or []):
            row = dict(row)
            row["csl"] = json.loads(row["csl"])
            row["provenance"] = expand_provenance(row["provenance"], row["csl"])
            yield row

    def refs_of_work(self, work_id: int) -> list[dict[str, Any]]:
        sql = (
            "select refs.*, sources.path as source_path, sources.sha256 as source_sha256 "
            "from refs left join sources on sources.id = refs.source_id where refs.work_id = ? order by refs.id"
        )
        return [dict(row) for row in self.db.query(sql, [work_id])]

    def move_work(self, from_id: int, to_id: int) -> None:
        """Point every row that references work ``from_id`` at ``to_id``, then delete it."""
        row = self.work_row(from_id)
        self.db.table("merges").insert(
            {"kept_work_id": to_id, "merged_key": row["key"], "merged_csl": dumps(row["csl"]), "merged_at": now()}
        )
        for table in self.tables_referencing_works():
            if table == "records":
                # one record per source: the kept work's stays, the other is kept aside, not deleted
                self.db.execute(
                    "insert into records_set_aside (work_id, source, csl, verified_at, payload_id, set_aside_at, reason) "
                    "select ?, source, csl, verified_at, payload_id, ?, ? from records "
                    "where work_id = ? and source in (select source from records where work_id = ?) order by id",
                    [to_id, now(), f"merged in from {row['key']}, whose record gave way to the kept work's", from_id, to_id],
                )
            if table in ("user_edits", "records"):
                # keep the kept work's own value when both have one
                col = "field" if table == "user_edits" else "source"
                self.db.execute(
                    f"delete from {table} where work_id = ? and {col} in (select {col} from {table} where work_id = ?)",
                    [from_id, to_id],
                )
            elif table == "kept_identifiers":  # the merge decides which stand (KEEP's)
                self.db.execute("delete from kept_identifiers where work_id = ?", [from_id])
            elif table in ("tags", "collection_works"):  # sets: the kept work gets the union
                self.db.execute(f"update or ignore {table} set work_id = ? where work_id = ?", [to_id, from_id])
                self.db.execute(f"delete from {table} where work_id = ?", [from_id])
            elif table == "resolutions":  # one per work: the kept work's, if it has one
                self.db.execute(
                    "delete from resolutions where work_id = ? and exists (select 1 from resolutions where work_id = ?)",
                    [from_id, to_id],
                )
            self.db.execute(f"update {table} set work_id = ? where work_id = ?", [to_id, from_id])
        self.db.table("works").delete(from_id)
        # the dropped key keeps naming the work (manuscripts may cite it)
        self.db.execute(
            "insert or ignore into key_aliases (alias, work_id, reason, created_at) values (?, ?, 'merged', ?)",
            [row["key"], to_id, now()],
        )

    def tables_referencing_works(self) -> list[str]:
        """Every table with a ``work_id`` column: later migrations add their own."""
        return sorted(
            name
            for name in self.db.table_names()
            if name != "works" and "work_id" in self.db[name].columns_dict and not name.startswith("works_fts")
        )

    def delete_orphan_works(self, work_ids: set[int]) -> list[int]:
        """Delete works among ``work_ids`` that no raw reference, record or edit mentions
        (the keys they were also known by go with them, and the ``dropped`` references kept
        only for what held them); returns the ids of those deleted."""
        removed = []
        for work_id in sorted(work_ids):
            if self._holds(work_id, exclude=("key_aliases",)):
                continue
            self.db.execute("delete from key_aliases where work_id = ?", [work_id])
            self.db.execute("delete from refs where work_id = ?", [work_id])  # dropped ones: nothing else names it
            self.db.table("works").delete(work_id)
            removed.append(work_id)
        return removed

    def counts(self) -> dict[str, int]:
        def one(sql: str, params: list[Any] | None = None) -> int:
            return int(self.db.execute(sql, params or []).fetchone()[0])

        return {
            "sources": one("select count(*) from sources"),
            "references": one("select count(*) from refs"),
            "works": one("select count(*) from works where trashed_at is null"),
            "in_trash": one("select count(*) from works where trashed_at is not null"),
            "with_doi": one("select count(*) from works where doi is not null"),
            "with_pmid": one("select count(*) from works where pmid is not null"),
            "failed_references": one("select count(*) from refs where status = ?", [str(RefStatus.FAILED)]),
            "duplicate_keys": one("select count(*) from refs where status = ?", [str(RefStatus.DUPLICATE_KEY)]),
        }

    def count_by(self, table: str, column: str) -> dict[str, int]:
        sql = f"select {column} as k, count(*) as n from {table} group by {column} order by n desc, k"
        return {str(row["k"]): int(row["n"]) for row in self.db.query(sql)}

