"""Opening the library for a use case, and the option checks every use case shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..config import Settings
from ..errors import UsageError
from ..store import Store
from ..store.failures import translated

#: Told ``(path, waited, limit)`` while a command waits for another process's write lock.
_lock_wait_reporters: list[Any] = []


def report_lock_waits(reporter: Any) -> None:
    """Have ``reporter(path, waited_seconds, limit_seconds)`` called while a library is busy."""
    _lock_wait_reporters[:] = [reporter]


def _on_lock_wait(path: str, waited: float, limit: float) -> None:
    for reporter in _lock_wait_reporters:
        reporter(path, waited, limit)


#: Told a line worth saying that is no part of a use case's result (the CLI prints it on
#: stderr): what was not kept, and why.
_notice_reporters: list[Any] = []


def report_notices(reporter: Any) -> None:
    """Have ``reporter(message)`` told what a use case could not keep and why (see :func:`notice`)."""
    _notice_reporters[:] = [reporter]


def notice(message: str) -> None:
    """Say ``message`` to whoever asked (:func:`report_notices`): nothing is lost, but the
    user should know (an index built for this run alone, links not saved)."""
    for reporter in _notice_reporters:
        reporter(message)


@contextmanager
def open_library(settings: Settings, *, create: bool = True) -> Iterator[Store]:
    """Open the library named by the settings for the length of a block; SQLite errors
    inside it become the vexascite errors they mean (busy, disk full, read-only)."""
    store = Store.open(settings.db, create=create, lock_wait=settings.lock_wait, on_wait=_on_lock_wait)
    try:
        with translated(settings.db):
            yield store
    finally:
        store.close()


def _split_keys(keys: Iterable[str] | None) -> list[str] | None:
    """``--keys a,b --keys c`` and ``--keys "a b"`` all name a, b, c."""
    if keys is None:
        return None
    keys = list(keys)
    out = [part for raw in keys for part in raw.replace(",", " ").split() if part]
    if keys and not out:  # "--keys ,,," names nothing: never read it as "everything"
        raise UsageError(f"--keys {' '.join(repr(k) for k in keys)} names no key; give keys, or leave --keys out for every work")
    return out or None


def _named(option: str, value: str | None) -> None:
    """An option given as an empty string names nothing: a usage error, never "all"."""
    if value is not None and not value.strip():
        raise UsageError(f"{option} {value!r} names nothing; give a manuscript, or leave {option} out")

