"""Running the web app: uvicorn on loopback by default, a browser opened on it."""

from __future__ import annotations

import errno
import secrets
import socket
import threading
import webbrowser
from typing import Any

from ..config import Settings
from ..errors import UsageError, VexasciteError
from .security import is_loopback


def app_url(host: str, port: int, token: str | None = None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8765, open_browser: bool = True,
          token: str | None = None, say: Any = print) -> None:
    """Serve the library until interrupted. Any address other than loopback needs an
    access token (``token``; ``"auto"`` makes one): a library is private by default."""
    import uvicorn

    from .app import create_app

    if not is_loopback(host) and not token:
        raise UsageError(
            f"--host {host} lets other machines reach this library: give an access token with --token "
            "(or VEXASCITE_WEB_TOKEN), or --token auto to make one"
        )
    if token == "auto":
        token = secrets.token_urlsafe(24)
    sock = _listening_socket(host, port)  # before saying where it serves: a busy port is an error, not a traceback
    app = create_app(settings, token=token)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    url = app_url("127.0.0.1" if host in ("0.0.0.0", "::") else host, port, token)
    say(f"vexascite: serving {settings.db} at {url} (Ctrl+C stops)")
    if open_browser:
        def opener() -> None:
            while not server.started and not server.should_exit:
                threading.Event().wait(0.1)
            if server.started:
                webbrowser.open(url)

        threading.Thread(target=opener, daemon=True).start()
    server.run(sockets=[sock])


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (as uvicorn binds one), or an error that says why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        hint = ": another program (another 'vexascite serve'?) listens there; choose another with --port" if exc.errno == errno.EADDRINUSE else ""
        raise VexasciteError(f"cannot listen on {host} port {port} ({exc.strerror or exc}){hint}") from exc
    sock.set_inheritable(True)
    return sock
