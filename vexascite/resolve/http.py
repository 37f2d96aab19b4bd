"""HTTP for the resolver: pacing, retries, a cache in the library, request counts.

Requests are planned as :class:`HttpRequest` values and run in batches with
:meth:`HttpClient.fetch_all`. The calling thread does every cache read and write (the
library's SQLite connection belongs to it) and worker threads only talk to the network,
each service through its own :class:`~vexascite.resolve.ratelimit.Gate` (requests in
flight) and :class:`~vexascite.resolve.ratelimit.Lane` (requests per second), re-tuned
from the limits each answer announces. 429, 5xx, timeouts, resets and bodies that do not
parse are retried with exponential backoff, honouring Retry-After; what still fails
comes back as a :class:`Failure` with its reason (a service problem, never "not found").
Definitive answers (2xx, 404, 400) are cached, so a second run sends nothing.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import urlencode, urlsplit

import httpx2

from ..model import utc_now
from .ratelimit import Gate, Lane, SharedSchedule, parse_interval

#: Parameters that identify the caller, not the question: left out of cache keys.
PRIVATE_PARAMS = frozenset({"api_key", "email", "tool", "mailto"})
#: Statuses that answer the question (cached); anything else is retried or a failure.
DEFINITIVE = frozenset({200, 203, 204, 400, 404, 410})
RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})
#: First backoff in seconds (doubled per retry, with jitter) and tries per request.
BACKOFF = 0.25
MAX_ATTEMPTS = 6


@dataclass(slots=True)
class HttpRequest:
    """One planned request. ``validate`` checks a 200 body (truncated JSON is retried)."""

    service: str
    lane: str
    url: str
    params: list[tuple[str, str]] = field(default_factory=list)
    data: list[tuple[str, str]] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    validate: Callable[[bytes], str | None] | None = None

    @property
    def method(self) -> str:
        return "POST" if self.data is not None else "GET"

    def display_url(self) -> str:
        public = [(k, v) for k, v in self.params if k not in PRIVATE_PARAMS]
        return self.url + ("?" + urlencode(public) if public else "")

    def cache_key(self) -> str:
        body = ""
        if self.data is not None:
            body = urlencode(sorted((k, v) for k, v in self.data if k not in PRIVATE_PARAMS))
        text = f"{self.method} {self.display_url()}\n{body}"
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(slots=True)
class HttpResponse:
    status: int
    body: bytes
    headers: dict[str, str]
    url: str
    fetched_at: str
    from_cache: bool = False
    payload_id: int | None = None

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass(slots=True)
class Failure:
    """A request that got no usable answer; ``kind`` is ``unavailable`` or ``offline``."""

    reason: str
    kind: str = "unavailable"


class Cache(Protocol):
    """Where answers are kept between runs (the library implements it)."""

    def get(self, key: str) -> HttpResponse | None: ...

    def put(self, key: str, service: str, request: HttpRequest, response: HttpResponse) -> int | None: ...


def valid_json(body: bytes) -> str | None:
    try:
        json.loads(body)
    except json.JSONDecodeError as exc:
        return f"answer is not complete JSON ({exc.msg})"
    except ValueError as exc:  # not UTF-8
        return f"answer is not complete JSON ({exc})"
    return None


@dataclass
class ServiceLimits:
    """How one service is paced: its lanes (name -> requests/s) and requests in flight."""

    lanes: dict[str, float]
    concurrency: int
    #: lane whose rate follows the announced ``x-rate-limit-*`` / ``X-RateLimit-Limit``
    announced_lane: str | None = None


class HttpClient:
    """Runs planned requests against the services with pacing, retries and the cache."""

    def __init__(
        self,
        limits: dict[str, ServiceLimits],
        cache: Cache | None = None,
        *,
        timeout: float = 30.0,
        offline: bool = False,
        refresh: bool = False,
        max_attempts: int | None = None,
        backoff: float | None = None,
        max_backoff: float = 20.0,
        user_agent: str = "vexascite",
        shared: SharedSchedule | None = None,
    ) -> None:
        """``shared``: pacing shared with the other vexascite processes of this machine."""
        self.cache = cache
        self.offline = offline
        self.refresh = refresh
        self.max_attempts = max_attempts or MAX_ATTEMPTS
        self.backoff = BACKOFF if backoff is None else backoff
        self.max_backoff = max_backoff
        self.timeout = timeout
        self.lanes: dict[str, Lane] = {}
        self.gates: dict[str, Gate] = {}
        self.limits = limits
        for service, spec in limits.items():
            self.gates[service] = Gate(spec.concurrency)
            for lane, rate in spec.lanes.items():
                self.lanes[lane] = Lane(lane, rate, shared=shared)
        self.requests: Counter[str] = Counter()  # sent over the network, retries included
        self.cache_hits: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()
        #: services that could not be connected to before they ever answered (no network,
        #: a DNS failure, a refused port): every further request to them fails at once
        self.unreachable: dict[str, str] = {}
        self._answered: set[str] = set()
        self._counts_lock = threading.Lock()
        self._client = httpx2.Client(
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": user_agent},
            limits=httpx2.Limits(max_connections=16, max_keepalive_connections=16),
        )
        # one pool per service, so requests waiting for a busy service never hold
        # the threads another service could be using
        self._pools = {
            service: ThreadPoolExecutor(max_workers=max(4, spec.concurrency + 1), thread_name_prefix=f"vexascite-{service}")
            for service, spec in limits.items()
        }
        self._random = random.Random()

    def close(self) -> None:
        for pool in self._pools.values():
            pool.shutdown(wait=True, cancel_futures=True)
        self._client.close()

    # -- running batches -------------------------------------------------------------------
    def fetch_all(self, requests: list[HttpRequest]) -> list[HttpResponse | Failure]:
        """Answers in the order asked; cache first, the rest concurrently."""
        return [result for _, result in sorted(self.iter_fetch(requests), key=lambda pair: pair[0])]

    def fetch(self, request: HttpRequest) -> HttpResponse | Failure:
        return self.fetch_all([request])[0]

    def iter_fetch(self, requests: list[HttpRequest]) -> Iterator[tuple[int, HttpResponse | Failure]]:
        """(index, answer) pairs as answers arrive; cache writes happen here, in the caller's thread."""
        pending: dict[Future[HttpResponse | Failure], int] = {}
        for index, request in enumerate(requests):
            key = request.cache_key()
            cached = None if (self.refresh or self.cache is None) else self.cache.get(key)
            if cached is not None:
                self.cache_hits[request.service] += 1
                yield index, cached
                continue
            if self.offline:
                yield index, Failure(f"offline and not in the cache: {request.display_url()}", "offline")
                continue
            pending[self._pools[request.service].submit(self._send, request)] = index
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                result = future.result()
                request = requests[index]
                if isinstance(result, HttpResponse) and self.cache is not None:
                    result.payload_id = self.cache.put(request.cache_key(), request.service, request, result)
                yield index, result

    def flight(self) -> Flight:
        return Flight(self)

    def _cached_or_offline(self, request: HttpRequest) -> HttpResponse | Failure | None:
        cached = None if (self.refresh or self.cache is None) else self.cache.get(request.cache_key())
        if cached is not None:
            self.cache_hits[request.service] += 1
            return cached
        if self.offline:
            return Failure(f"offline and not in the cache: {request.display_url()}", "offline")
        return None

    # -- one request, with retries ---------------------------------------------------------
    def _send(self, request: HttpRequest) -> HttpResponse | Failure:
        gate = self.gates[request.service]
        lane = self.lanes[request.lane]
        reason = "no attempt made"
        for attempt in range(self.max_attempts):
            if request.service in self.unreachable:
                return Failure(self.unreachable[request.service])
            if attempt:
                with self._counts_lock:
                    self.retries[request.service] += 1
            answer: httpx2.Response | None = None
            pool = f"{request.lane}@{urlsplit(request.url).netloc}"
            with gate:
                if request.service in self.unreachable:  # found out while this one waited
                    return Failure(self.unreachable[request.service])
                lane.wait(pool)
                with self._counts_lock:
                    self.requests[request.service] += 1
                try:
                    answer = self._client.request(
                        request.method, request.url, params=tuple(request.params) if request.params else None,
                        data=dict(request.data) if request.data is not None else None,
                        headers=request.headers,
                    )
                except httpx2.TimeoutException:
                    reason = f"timed out after {self.timeout:g} s"
                except httpx2.ConnectError as exc:
                    reason = f"connection failed ({type(exc).__name__})"
                    with self._counts_lock:
                        if request.service not in self._answered:
                            # never reached in this run: no network, or no such host. One
                            # failed connection says so; retrying would only take minutes.
                            host = httpx2.URL(request.url).host
                            self.unreachable[request.service] = (
                                f"cannot connect to {request.service} ({host}): {exc or type(exc).__name__}"
                            )
                            return Failure(self.unreachable[request.service])
                except httpx2.TransportError as exc:
                    reason = f"connection failed ({type(exc).__name__})"
                else:
                    with self._counts_lock:
                        self._answered.add(request.service)
            if answer is None:
                self._sleep_backoff(attempt)
                continue
            self._tune(request, answer.headers)
            status = answer.status_code
            if status in RETRYABLE:
                reason = f"HTTP {status}"
                retry_after = parse_retry_after(answer.headers.get("retry-after"))
                if retry_after is not None:
                    lane.pause(retry_after, pool)
                    time.sleep(min(retry_after, self.max_backoff))
                else:
                    self._sleep_backoff(attempt)
                continue
            body = answer.content
            if status == 200 and request.validate is not None:
                problem = request.validate(body)
                if problem:
                    reason = problem
                    self._sleep_backoff(attempt)
                    continue
            if status not in DEFINITIVE and not 200 <= status < 300:
                return Failure(f"HTTP {status} from {request.service}: {answer.text[:200]}")
            headers = {k.lower(): v for k, v in answer.headers.items()}
            return HttpResponse(status, body, headers, str(answer.url), utc_now())
        return Failure(f"{request.service} gave no usable answer after {self.max_attempts} tries: {reason}")

    def _sleep_backoff(self, attempt: int) -> None:
        delay = min(self.max_backoff, self.backoff * (2**attempt))
        time.sleep(delay * (0.5 + self._random.random() / 2))

    def _tune(self, request: HttpRequest, headers: httpx2.Headers) -> None:
        """Follow the limits the service announces (they change with load and pool)."""
        spec = self.limits.get(request.service)
        if spec is None:
            return
        limit = headers.get("x-rate-limit-limit") or headers.get("x-ratelimit-limit")
        interval = parse_interval(headers.get("x-rate-limit-interval")) or 1.0
        if limit and spec.announced_lane:
            with contextlib.suppress(ValueError):
                self.lanes[spec.announced_lane].set_rate(float(limit) / interval)
        concurrency = headers.get("x-concurrency-limit")
        if concurrency and concurrency.isdigit():
            self.gates[request.service].set_limit(int(concurrency))


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds (a number or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Flight:
    """Requests in flight whose answers are handled as they land, so follow-up requests
    start at once and finished work is saved while the rest is still on the wire.

    ``add`` returns answers the cache already has; ``next`` waits for at least one
    answer from the network and writes it to the cache (in the caller's thread).
    """

    def __init__(self, client: HttpClient) -> None:
        self.client = client
        self.pending: dict[Future[HttpResponse | Failure], tuple[HttpRequest, Any]] = {}

    def __bool__(self) -> bool:
        return bool(self.pending)

    def add(self, request: HttpRequest, tag: Any) -> list[tuple[Any, HttpResponse | Failure]]:
        ready = self.client._cached_or_offline(request)
        if ready is not None:
            return [(tag, ready)]
        future = self.client._pools[request.service].submit(self.client._send, request)
        self.pending[future] = (request, tag)
        return []

    def next(self) -> list[tuple[Any, HttpResponse | Failure]]:
        if not self.pending:
            return []
        done, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
        out = []
        for future in done:
            request, tag = self.pending.pop(future)
            result = future.result()
            cache = self.client.cache
            if isinstance(result, HttpResponse) and cache is not None:
                result.payload_id = cache.put(request.cache_key(), request.service, request, result)
            out.append((tag, result))
        return out
