"""Long actions run beside the web app (resolving against the services), with progress
the pages poll. One resolve runs at a time: a request for the works a run under way is
resolving joins it; one for other works waits for it, then runs."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from .. import api
from ..config import Settings
from ..errors import VexasciteError


@dataclass(slots=True)
class ResolveJob:
    """A resolve run: how far it is, what it found so far, and how it ended."""

    id: str
    keys: list[str]
    total: int | None = None
    done: int = 0
    found: int = 0
    not_found: int = 0
    review: int = 0
    failed: int = 0
    last: str | None = None
    finished: bool = False
    error: str | None = None
    requests: dict[str, int] = field(default_factory=dict)
    #: Why works failed (a service's answer or its absence), with how many works each.
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    #: Waiting for the run before it to end (one run writes the library at a time).
    waiting: bool = False
    ended: threading.Event = field(default_factory=threading.Event, repr=False)


class Jobs:
    """The resolve jobs of one app (kept in memory: they are progress, not data)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.jobs: dict[str, ResolveJob] = {}
        self.lock = threading.Lock()

    def running(self) -> ResolveJob | None:
        """The last run not finished (under way, or waiting for the one before it)."""
        return next((job for job in reversed(self.jobs.values()) if not job.finished), None)

    def start_resolve(self, keys: list[str] | None = None) -> ResolveJob:
        wanted = list(keys or [])
        with self.lock:
            last = self.running()
            if last is not None and (wanted == last.keys or (wanted and set(wanted) <= set(last.keys))):
                return last  # those works are being resolved: that run is the answer
            job = ResolveJob(secrets.token_hex(8), wanted, waiting=last is not None)
            self.jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, last), name=f"resolve-{job.id}", daemon=True).start()
        return job

    def _run(self, job: ResolveJob, after: ResolveJob | None = None) -> None:
        if after is not None:
            after.ended.wait()
            job.waiting = False
        try:
            self._resolve(job)
        finally:
            job.ended.set()

    def _resolve(self, job: ResolveJob) -> None:
        def on_start(total: int) -> None:
            job.total = total

        def progress(outcome: Any, report: Any) -> None:
            job.done += 1
            job.found, job.not_found, job.review, job.failed = report.found, report.not_found, report.review, report.failed
            job.last = f"{outcome.key}: {outcome.status}"
            if outcome.status == "failed":
                reason = outcome.reason or "no reason given"
                job.failures[reason] = job.failures.get(reason, 0) + 1

        try:
            report = api.resolve_works(self.settings, job.keys or None, progress=progress, on_start=on_start)
            job.requests = dict(report.requests)
            job.seconds = report.seconds
            job.found, job.not_found, job.review, job.failed = report.found, report.not_found, report.review, report.failed
        except VexasciteError as exc:
            job.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - a thread's failure must reach the page, not vanish
            job.error = f"resolving stopped: {exc}"
        finally:
            job.finished = True

    def get(self, job_id: str) -> ResolveJob | None:
        return self.jobs.get(job_id)
