"""What SQLite's errors mean for the user: the one place they become vexascite errors.

A library another process is writing is *busy*: we wait for it (saying so on stderr
through a callback) and, past the wait, report it as such (exit 4), never as "not a
vexascite library". A full disk or a read-only library is exit 5; the transaction that
hit it is rolled back, so nothing is half-written.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from ..errors import CannotWrite, LibraryBusy, VexasciteError

T = TypeVar("T")

#: How long one attempt waits inside SQLite before we report progress and try again.
BUSY_STEP_MS = 2000
#: Default total wait for another process's write lock, in seconds.
DEFAULT_LOCK_WAIT = 300.0

#: ``on_wait(path, waited_seconds, limit_seconds)``: called while waiting for the lock.
LockWaitReporter = Callable[[str, float, float], None]

BUSY_MESSAGE = "another vexascite is writing; try again"


def _code(exc: sqlite3.Error) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def is_busy(exc: BaseException) -> bool:
    """True for "database is locked" / "database table is locked" (SQLITE_BUSY, SQLITE_LOCKED)."""
    if not isinstance(exc, sqlite3.Error):
        return False
    code = _code(exc)
    if code:
        return code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    return "locked" in str(exc) or "busy" in str(exc)


def library_error(exc: sqlite3.Error, path: str) -> VexasciteError:
    """The vexascite error a SQLite error on the library at ``path`` means."""
    code = _code(exc)
    text = str(exc)
    if is_busy(exc):
        return LibraryBusy(f"{path}: {BUSY_MESSAGE}")
    if code == "SQLITE_FULL" or "disk is full" in text or (
        code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and _no_space_beside(path)
    ):
        return CannotWrite(f"{path}: disk is full; the step that hit it was rolled back, free some space and run again",
                           "disk is full")
    if code.startswith("SQLITE_READONLY") or "readonly" in text:
        if read_only_disk(path):
            why = " (it is on a read-only disk or mount)"
        elif os.path.exists(path) and not os.access(path, os.W_OK):
            why = " to you (permission denied)"
        elif not os.access(os.path.dirname(os.path.abspath(path)) or ".", os.W_OK | os.X_OK):
            why = " to you (permission denied in its folder, where SQLite keeps its journal)"
        else:
            why = ""
        reason = f"the library is read-only{why} ({text})"
        return CannotWrite(f"{path}: {reason}; nothing was written", reason, read_only_place(path))
    if code.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        reason = f"cannot open the library {_why_not_open(path)}({text})"
        return CannotWrite(f"{path}: {reason}; nothing was written", reason, read_only_place(path))
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        reason = f"the disk failed to read or write ({text})"
        return CannotWrite(f"{path}: {reason}; the step that hit it was rolled back", reason)
    if code in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "not a database" in text or "malformed" in text:
        return VexasciteError(f"{path}: not a vexascite library ({text})")
    return VexasciteError(f"{path}: library error: {text}")


def _why_not_open(path: str) -> str:
    """What keeps SQLite from opening the library, as far as the file system tells."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if os.path.isdir(path):
        return f"(it is a folder, not a library file: give a file, such as {os.path.join(path, 'library.db')}) "
    if not os.path.isdir(folder):
        return f"(its folder {os.path.dirname(path) or folder} does not exist) "
    if read_only_disk(path):
        return "or the journal beside it (its folder is on a read-only disk or mount) "
    if os.path.exists(path) and not os.access(path, os.R_OK):
        return "(permission denied: you may not read it) "
    if not os.access(folder, os.W_OK | os.X_OK):
        return "or the journal beside it (permission denied in its folder) "
    return "or its journal beside it "


def _no_space_beside(path: str) -> bool:
    """Whether the disk holding ``path`` is full (SQLite reports a full disk met while
    creating its journal as an I/O or open error)."""
    try:
        stats = os.statvfs(os.path.dirname(os.path.abspath(path)) or ".")
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


def read_only_disk(path: str) -> bool:
    """Whether the library's folder is on a file system mounted read-only (there even
    root may not write, and no permission would help)."""
    try:
        stats = os.statvfs(os.path.dirname(os.path.abspath(path)) or ".")
    except OSError:
        return False
    return bool(stats.f_flag & os.ST_RDONLY)


def read_only_place(path: str) -> bool:
    """Whether the library file or its folder cannot be written (a read-only disk or
    mount, or no permission)."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    return not os.access(folder, os.W_OK) or not os.access(path, os.W_OK)


@contextmanager
def translated(path: str) -> Iterator[None]:
    """Turn SQLite errors raised inside the block into the vexascite errors they mean."""
    try:
        yield
    except sqlite3.Error as exc:
        raise library_error(exc, path) from exc


def wait_for_lock(attempt: Callable[[], T], path: str, limit: float, on_wait: LockWaitReporter | None) -> T:
    """Run ``attempt`` until it stops failing with "database is locked", for at most
    ``limit`` seconds, telling ``on_wait`` how long we have waited; then :class:`LibraryBusy`."""
    started = time.monotonic()
    while True:
        tried = time.monotonic()
        try:
            return attempt()
        except sqlite3.Error as exc:
            if not is_busy(exc):
                raise
            waited = time.monotonic() - started
            if waited >= limit:
                raise LibraryBusy(f"{path}: {BUSY_MESSAGE} (waited {waited:.0f} s for its lock)") from exc
            if on_wait is not None:
                on_wait(path, waited, limit)
            # SQLite's own busy handler usually waited BUSY_STEP_MS already; some busy
            # answers (a stale read snapshot) come at once, so pause before trying again
            time.sleep(0.05 if time.monotonic() - tried > 0.5 else 0.25)
