"""``vexascite serve`` as a user runs it: loopback only by default, a token for any other
address, and the browser opened only when asked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from vexascite.web.security import is_loopback


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def outside_address() -> str | None:
    """An address of this machine other machines could use (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("10.255.255.255", 1))
            address = str(sock.getsockname()[0])
        except OSError:
            return None
    return None if is_loopback(address) else address


@contextmanager
def serving(tmp_path: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = free_port()
    env = {**os.environ, "BROWSER": "false"}
    env.pop("VEXASCITE_WEB_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "vexascite", "--db", str(tmp_path / "library.db"), "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(process.stderr.read() if process.stderr else "serve exited") from None
                time.sleep(0.1)
        yield process, port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_listens_on_loopback_only_by_default(tmp_path: Path) -> None:
    with serving(tmp_path, "--no-open") as (_, port):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            assert response.status == 200
        other = outside_address()
        if other is not None:
            with pytest.raises(OSError), socket.create_connection((other, port), timeout=2):
                pass


def test_the_url_is_printed(tmp_path: Path) -> None:
    with serving(tmp_path, "--no-open") as (process, port):
        pass
    assert f"http://127.0.0.1:{port}/" in (process.stderr.read() if process.stderr else "")


def test_another_address_needs_a_token(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "vexascite", "--db", str(tmp_path / "l.db"), "serve", "--host", "0.0.0.0",
                             "--no-open"], capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "VEXASCITE_WEB_TOKEN"})
    assert result.returncode == 2
    assert "--token" in result.stderr


def test_a_busy_port_or_an_impossible_one_is_said_before_serving(tmp_path: Path) -> None:
    """A busy port gave uvicorn's traceback after 'serving ... at' had been printed; port
    80000 a Python traceback."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for given, code, said in ((str(port), 1, "choose another with --port"), ("80000", 2, "--port")):
            result = subprocess.run([sys.executable, "-m", "vexascite", "--db", str(tmp_path / "l.db"), "serve", "--port", given,
                                     "--no-open"], capture_output=True, text=True, timeout=60)
            assert result.returncode == code and said in result.stderr
            assert "Traceback" not in result.stderr and "serving" not in result.stderr


def test_with_a_token_every_request_must_carry_it(tmp_path: Path) -> None:
    with serving(tmp_path, "--no-open", "--host", "0.0.0.0", "--token", "letmein") as (_, port):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)
        assert refused.value.code == 401
        request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Authorization": "Bearer letmein"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200


def test_loopback_names() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.1.2.3")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")


def test_the_browser_opens_unless_told_not_to(monkeypatch, tmp_path: Path) -> None:
    """``serve`` opens the browser on the app's address once it listens (not with --no-open)."""
    import uvicorn

    from vexascite.config import load_settings
    from vexascite.web import server as web_server

    opened: list[str] = []

    class FakeServer:
        def __init__(self, config: object) -> None:
            self.started = False
            self.should_exit = False

        def run(self, sockets: object = None) -> None:
            self.started = True
            deadline = time.monotonic() + 2
            while not opened and time.monotonic() < deadline:
                time.sleep(0.02)

    monkeypatch.setattr(uvicorn, "Server", FakeServer)
    monkeypatch.setattr(web_server.webbrowser, "open", opened.append)
    settings = load_settings(tmp_path / "none.toml", environ={}, db=str(tmp_path / "library.db"))
    web_server.serve(settings, port=8799, say=lambda _: None)
    assert opened == ["http://127.0.0.1:8799/"]
    opened.clear()
    web_server.serve(settings, port=8799, open_browser=False, say=lambda _: None)
    assert opened == []
