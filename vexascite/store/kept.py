"""What is computed from the works and kept until they change: the library's fingerprint
(its change counter) and results kept under it (the pairs ``duplicates`` lists).

Triggers raise the counter on every write of what these read (migration 11,
:data:`~vexascite.store.schema.WATCHED_COLUMNS`), so reading it costs one row, not a read
of every work, and a result kept under another value is never read again.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import CannotWrite, LibraryBusy
from . import Store, now
from .failures import translated
from .schema import CONTENT_FINGERPRINT

__all__ = ["keep_unless_busy", "library_mark", "load_result", "save_result"]


def library_mark(store: Store) -> str:
    """Changes whenever a work is added, removed, re-keyed, moved to or from the trash, or
    its record, title or identifiers change. A library read as it is from before the counter
    (version 8 to 10, on a read-only disk) gets a fingerprint of its works' contents."""
    if store.counts_changes:
        row = store.db.execute("select generation from library_changes where id = 1").fetchone()
        if row is not None:
            return f"changes {row[0]}"
    return "|".join(str(value) for value in store.db.execute(CONTENT_FINGERPRINT).fetchone())


def load_result(store: Store, name: str, mark: str) -> bytes | None:
    """The result kept as ``name`` if it was computed from this state of the library."""
    if not store.counts_changes:
        return None
    row = store.db.execute("select fingerprint, data from kept_results where name = ?", [name]).fetchone()
    return bytes(row[1]) if row and row[0] == mark else None


def keep_unless_busy(store: Store, write: Callable[[], object]) -> str | None:
    """Run ``write`` (keeping something computed from the works: a result, a search index,
    citation evidence) in its own transaction; None when it was kept, else why not. Nothing
    is kept in a library opened read-only or one this process may not write, nor while
    another process holds the write lock past SQLite's own short wait (an import), rather
    than the command waiting for the lock (what that process writes is likely to make it
    stale anyway): what was computed serves this run alone."""
    if store.read_only:
        return "the library is read-only"
    waits, store.lock_wait = store.lock_wait, 0.0
    try:
        with translated(store.path), store.transaction():
            write()
    except LibraryBusy:
        return "another vexascite is writing the library (an import?), which was not waited for"
    except CannotWrite as exc:  # a read-only file or folder, a full disk: the cache is what gives way
        return exc.reason
    finally:
        store.lock_wait = waits
    return None


def save_result(store: Store, name: str, mark: str, data: bytes) -> None:
    """Keep a result computed from this state of the library; results kept from earlier
    states, which nothing reads again, go. Nothing is kept in a library opened read-only,
    nor while another process writes it (:func:`keep_unless_busy`)."""
    if not store.counts_changes:
        return

    def write() -> None:
        store.db.execute("delete from kept_results where fingerprint != ?", [mark])
        store.db.execute("insert or replace into kept_results (name, fingerprint, built_at, data) "
                         "values (?, ?, ?, ?)", [name, mark, now(), data])

    keep_unless_busy(store, write)
