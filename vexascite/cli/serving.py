"""The web app's command: serve."""

from __future__ import annotations

import click

from .common import handle_errors, settings_of, warn


@click.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; anything but loopback needs --token.")
@click.option("--token", envvar="VEXASCITE_WEB_TOKEN", default=None, help="Access token every browser must present ('auto' makes one).")
@click.option("--no-open", "no_open", is_flag=True, help="Do not open a browser.")
@click.pass_context
@handle_errors
def serve_command(ctx: click.Context, port: int, host: str, token: str | None, no_open: bool) -> None:
    """Browse, search, review, import, check and export the library in a web browser."""
    from ..web.server import serve

    serve(settings_of(ctx), host=host, port=port, open_browser=not no_open, token=token, say=warn)
