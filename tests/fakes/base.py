"""A small threaded HTTP server on 127.0.0.1 that fakes a web service.

Subclasses implement :meth:`FakeService.route`; the base class adds what real services
do to clients: latency, announced rate and concurrency limits enforced with 429, and
injected faults (429 with Retry-After, 503, hangs past the client's timeout, truncated
bodies, connection resets). Every request is counted, faulted or not.
"""

from __future__ import annotations

import contextlib
import json
import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

FAULT_KINDS = ("429", "503", "timeout", "truncated", "reset")


@dataclass
class Request:
    """One request as the fake saw it (path is percent-decoded; ``raw_path`` is not)."""

    method: str
    path: str
    raw_path: str
    params: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""

    def param(self, name: str, default: str | None = None) -> str | None:
        values = self.params.get(name)
        return values[0] if values else default


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, value: Any, status: int = 200, content_type: str = "application/json") -> Response:
        return cls(status, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), content_type)

    @classmethod
    def text(cls, text: str, status: int = 200, content_type: str = "text/plain") -> Response:
        return cls(status, text.encode(), content_type)


@dataclass
class Limit:
    """A token bucket: ``limit`` requests per ``interval`` seconds, bursts up to ``limit``."""

    limit: int
    interval: float = 1.0
    tokens: float = -1.0
    stamp: float = 0.0

    def take(self, now: float) -> bool:
        if self.tokens < 0:
            self.tokens, self.stamp = float(self.limit), now
        self.tokens = min(float(self.limit), self.tokens + (now - self.stamp) * self.limit / self.interval)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class FakeService:
    """Base fake. Use as a context manager or call :meth:`start` / :meth:`stop`.

    Parameters (all can be changed on a running fake):
      latency        seconds added before every answer
      fault_rate     share of requests (0..1) that get an injected fault
      faults         which faults to draw from (:data:`FAULT_KINDS`)
      retry_after    value of Retry-After on injected and enforced 429s
      hang           seconds a "timeout" fault waits before closing (set above the client timeout)
      enforce_limits answer 429 when a client goes over :meth:`limits_for`
    """

    name = "fake"

    def __init__(
        self,
        *,
        latency: float = 0.0,
        fault_rate: float = 0.0,
        faults: tuple[str, ...] = FAULT_KINDS,
        retry_after: str = "1",
        hang: float = 2.0,
        enforce_limits: bool = False,
        seed: int = 0,
    ) -> None:
        self.latency = latency
        self.fault_rate = fault_rate
        self.faults = faults
        self.retry_after = retry_after
        self.hang = hang
        self.enforce_limits = enforce_limits
        self.random = random.Random(seed)
        self.counts: Counter[str] = Counter()
        self.requests: list[Request] = []
        self.faults_injected: Counter[str] = Counter()
        self.limited = 0
        self.max_in_flight = 0
        self._in_flight: Counter[str] = Counter()
        self._buckets: dict[tuple[str, str], Limit] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._server is not None, "start the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeService:
        handler = _make_handler(self)
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"{self.name}-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def total_requests(self) -> int:
        return sum(self.counts.values())

    def reset_counts(self) -> None:
        with self._lock:
            self.counts.clear()
            self.requests.clear()
            self.faults_injected.clear()
            self.limited = 0
            self.max_in_flight = 0

    # -- what subclasses provide ---------------------------------------------------------
    def endpoint(self, request: Request) -> str:
        """A short name for counting (e.g. ``works``, ``search``, ``esummary``)."""
        return request.path.strip("/").split("/")[0] or "/"

    def route(self, request: Request) -> Response:
        raise NotImplementedError

    def limits_for(self, request: Request) -> tuple[str, Limit | None, int | None, dict[str, str]]:
        """(lane name, rate limit, concurrency limit, headers announcing them)."""
        return ("all", None, None, {})

    # -- serving ---------------------------------------------------------------------------
    def serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        split = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        params = parse_qs(split.query, keep_blank_values=True)
        if method == "POST" and "form" in (handler.headers.get("Content-Type") or ""):
            for key, values in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        request = Request(
            method, unquote(split.path), split.path, params, {k.lower(): v for k, v in handler.headers.items()}, body
        )
        lane, bucket_proto, concurrency, announce = self.limits_for(request)
        with self._lock:
            self.counts[self.endpoint(request)] += 1
            self.requests.append(request)
            fault = self.random.choice(self.faults) if self.faults and self.random.random() < self.fault_rate else None
            if fault:
                self.faults_injected[fault] += 1
            over = False
            if self.enforce_limits and bucket_proto is not None:
                key = (lane, f"{bucket_proto.limit}/{bucket_proto.interval}")
                bucket = self._buckets.setdefault(key, Limit(bucket_proto.limit, bucket_proto.interval))
                over = not bucket.take(time.monotonic())
            if self.enforce_limits and concurrency is not None and self._in_flight["all"] >= concurrency:
                over = True
            if over:
                self.limited += 1
            self._in_flight["all"] += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight["all"])
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                with self._lock:
                    self._in_flight["all"] -= 1

        try:
            if self.latency:
                time.sleep(self.latency)
            if over or fault == "429":
                response = Response.text("Too Many Requests", 429)
                response.headers["Retry-After"] = self.retry_after
            elif fault == "503":
                response = Response.text("<html><body><h1>503 Service Unavailable</h1></body></html>", 503, "text/html")
            elif fault == "timeout":
                release()
                time.sleep(self.hang)
                _close_hard(handler)
                return
            elif fault == "reset":
                release()
                _close_hard(handler)
                return
            else:
                response = self.route(request)
                if fault == "truncated" and response.status == 200 and len(response.body) > 2:
                    response = Response(200, response.body[: len(response.body) // 2], response.content_type, response.headers)
            response.headers = {**announce, **response.headers}
            release()
            _write(handler, response)
        finally:
            release()


class _QuietServer(ThreadingHTTPServer):
    """Injected resets close sockets under the handler; that is not worth a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


def _write(handler: BaseHTTPRequestHandler, response: Response) -> None:
    handler.send_response(response.status)
    if response.content_type:
        handler.send_header("Content-Type", response.content_type)
    for key, value in response.headers.items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(response.body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(response.body)


def _close_hard(handler: BaseHTTPRequestHandler) -> None:
    """Reset the connection (RST) without an answer, as a crashed proxy would."""
    with contextlib.suppress(OSError):
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
    with contextlib.suppress(OSError):
        handler.connection.close()


def _make_handler(service: FakeService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            service.serve(self, "GET")

        def do_POST(self) -> None:  # noqa: N802
            service.serve(self, "POST")

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

    return Handler
