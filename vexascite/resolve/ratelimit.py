"""Pacing and concurrency limits shared by the threads that talk to one service.

A :class:`Lane` spaces requests at most ``rate`` per second (the limits services
announce are per-second budgets; spacing evenly never bursts over them) and can be
paused when a service answers 429 with Retry-After. A :class:`Gate` caps how many
requests are in flight at once (Crossref's ``x-concurrency-limit``). Both can be
re-tuned while running, from the headers each answer carries.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Lane:
    """Spaces requests ``1/rate`` seconds apart (thread-safe)."""

    #: Margin under the announced rate, for clock skew between us and the service.
    SAFETY = 0.97

    def __init__(self, name: str, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self._rate = rate
        self._clock = clock
        self._next = 0.0
        self._lock = threading.Lock()

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        if rate > 0:
            with self._lock:
                self._rate = rate

    def reserve(self) -> float:
        """Claim the next free slot; returns how long the caller must sleep first."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + 1.0 / (self._rate * self.SAFETY)
            return slot - now

    def wait(self) -> None:
        delay = self.reserve()
        if delay > 0:
            time.sleep(delay)

    def pause(self, seconds: float) -> None:
        """No request leaves this lane for ``seconds`` (a 429's Retry-After)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)


class Gate:
    """A semaphore whose size can change: at most ``limit`` requests in flight."""

    def __init__(self, limit: int) -> None:
        self._limit = max(1, limit)
        self._in_use = 0
        self._cond = threading.Condition()

    @property
    def limit(self) -> int:
        return self._limit

    def set_limit(self, limit: int) -> None:
        with self._cond:
            self._limit = max(1, limit)
            self._cond.notify_all()

    def __enter__(self) -> Gate:
        with self._cond:
            while self._in_use >= self._limit:
                self._cond.wait()
            self._in_use += 1
        return self

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._in_use -= 1
            self._cond.notify_all()


def parse_interval(text: str | None) -> float | None:
    """Crossref writes ``x-rate-limit-interval`` as ``1s``; accept ``500ms``, ``1m`` too."""
    if not text:
        return None
    text = text.strip().lower()
    for suffix, factor in (("ms", 0.001), ("s", 1.0), ("m", 60.0)):
        if text.endswith(suffix):
            try:
                return float(text[: -len(suffix)]) * factor
            except ValueError:
                return None
    try:
        return float(text)
    except ValueError:
        return None
