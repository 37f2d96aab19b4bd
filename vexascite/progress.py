"""Progress of long runs, reported to whoever is listening (the CLI draws a bar on a terminal).

Pure code calls :func:`report` as it goes; nothing is shown unless a caller set a
listener with :func:`listening`, so library use and piped runs stay quiet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

#: ``listener(what, done, total)``.
Listener = Callable[[str, int, int], None]

_listener: ContextVar[Listener | None] = ContextVar("vexascite_progress", default=None)


def report(what: str, done: int, total: int) -> None:
    """Say that ``done`` of ``total`` items of ``what`` are finished."""
    listener = _listener.get()
    if listener is not None:
        listener(what, done, total)


def counted(items: Iterable[T], what: str, total: int, every: int = 200) -> Iterator[T]:
    """Yield ``items``; once each has been dealt with, report progress every ``every``
    items and at the last of ``total``."""
    for done, item in enumerate(items, start=1):
        yield item
        if done % every == 0 or done == total:
            report(what, done, total)


def active() -> bool:
    """Whether anyone listens (so callers can skip counting work)."""
    return _listener.get() is not None


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send progress reports made inside the block to ``listener``."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
