"""Pacing and concurrency limits shared by the threads that talk to one service.

A :class:`Lane` spaces requests at most ``rate`` per second (the limits services
announce are per-second budgets; spacing evenly never bursts over them) and can be
paused when a service answers 429 with Retry-After. A :class:`Gate` caps how many
requests are in flight at once (Crossref's ``x-concurrency-limit``). Both can be
re-tuned while running, from the headers each answer carries.

A service's limit is per client machine, not per process: a :class:`SharedSchedule`
(a small file every vexascite process of the user locks in turn) holds the next free
slot of each pool, so two ``resolve`` runs together keep to one budget.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path


def default_rate_file() -> Path:
    """``$XDG_CACHE_HOME/vexascite/rate-limits.json`` (``~/.cache`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vexascite" / "rate-limits.json"


class SharedSchedule:
    """The next free request slot per pool (wall-clock seconds), shared by processes.

    Each claim locks the file (``fcntl.flock``), reads it, books a slot and writes it
    back: a few dozen microseconds. If the file cannot be used (read-only home), pacing
    falls back to this process alone and :attr:`problem` says why.
    """

    #: Entries whose slot is this far in the past are dropped when the file is written.
    FORGET_AFTER = 300.0

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.problem: str | None = None
        self._ready = False

    def check(self) -> str | None:
        """Why this file cannot be shared (None when it can): said once, before a run."""
        self._update("", lambda booked: booked, 0.0)
        return self.problem

    def claim(self, pool: str, earliest: float, interval: float) -> float:
        """Book the first slot at or after ``earliest`` that no other process holds, and
        hold the next ``interval`` seconds after it; returns the slot."""
        return self._update(pool, lambda booked: max(earliest, booked), interval)

    def hold_until(self, pool: str, until: float) -> None:
        """No process sends to ``pool`` before ``until`` (a 429's Retry-After)."""
        self._update(pool, lambda booked: max(until, booked), 0.0)

    def _update(self, pool: str, choose: Callable[[float], float], interval: float) -> float:
        fallback = choose(0.0)
        if self.problem is not None:
            return fallback
        try:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._ready = True
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)  # released when the descriptor closes
                stored = os.pread(fd, 1 << 20, 0)
                try:
                    slots = json.loads(stored or b"{}")
                except ValueError:
                    slots = {}
                if not isinstance(slots, dict):
                    slots = {}
                booked = slots.get(pool)
                slot = choose(float(booked) if isinstance(booked, int | float) else 0.0)
                slots[pool] = slot + interval
                horizon = time.time() - self.FORGET_AFTER
                data = json.dumps({k: v for k, v in slots.items() if isinstance(v, int | float) and v > horizon}).encode()
                # padded over the old text instead of truncated: truncating costs milliseconds
                # on some file systems, and JSON ignores trailing spaces
                os.pwrite(fd, data.ljust(len(stored)), 0)
                return slot
            finally:
                os.close(fd)
        except OSError as exc:
            self.problem = f"{self.path}: {exc.strerror or exc}"
            return fallback


class Lane:
    """Spaces requests ``1/rate`` seconds apart (thread-safe)."""

    #: Margin under the announced rate, for clock skew between us and the service.
    SAFETY = 0.97

    def __init__(
        self, name: str, rate: float, clock: Callable[[], float] = time.monotonic,
        shared: SharedSchedule | None = None,
    ) -> None:
        self.name = name
        self._rate = rate
        self._clock = clock
        self._next = 0.0
        self._lock = threading.Lock()
        self._shared = shared

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        if rate > 0:
            with self._lock:
                self._rate = rate

    def reserve(self, pool: str | None = None) -> float:
        """Claim the next free slot; returns how long the caller must sleep first.

        With a shared schedule and a ``pool`` (the lane at one host), the slot is also
        free of every other process's requests to that pool.
        """
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            interval = 1.0 / (self._rate * self.SAFETY)
            if self._shared is not None and pool is not None:
                wall = time.time()
                slot = max(slot, now + self._shared.claim(pool, wall + (slot - now), interval) - wall)
            self._next = slot + interval
            return slot - now

    def wait(self, pool: str | None = None) -> None:
        delay = self.reserve(pool)
        if delay > 0:
            time.sleep(delay)

    def pause(self, seconds: float, pool: str | None = None) -> None:
        """No request leaves this lane for ``seconds`` (a 429's Retry-After)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)
            if self._shared is not None and pool is not None:
                self._shared.hold_until(pool, time.time() + seconds)


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
