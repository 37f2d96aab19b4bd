"""What keeps the web app safe to run: loopback by default, an access token for any
other address, CSRF tokens on every state-changing request, and a cap on request bodies.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The cookie that carries the access token once a browser has shown it.
TOKEN_COOKIE = "vexascite_token"
#: Header htmx sends the CSRF token in (set once on <body>); plain forms use a field.
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_secret() -> str:
    return secrets.token_urlsafe(32)


async def checked_form(request: Request, **limits: Any) -> FormData:
    """The request's form, after its CSRF token (header or field) is found valid.

    A request without the token, or with another one, is refused with 403 before any
    state changes: a page on another site cannot read the token, so cannot forge it.
    """
    expected: str = request.app.state.csrf_token
    form = await request.form(**limits)
    given = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
    if not isinstance(given, str) or not hmac.compare_digest(given.encode(), expected.encode()):
        await form.close()
        raise HTTPException(403, "this form has expired or did not come from vexascite: reload the page and try again")
    return form


class AccessTokenMiddleware:
    """Every request must carry the access token (when one is set): as ``?token=`` once
    (it becomes an HttpOnly cookie), the cookie, or ``Authorization: Bearer``."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    def _ok(self, value: str | None) -> bool:
        return bool(value) and self.token is not None and hmac.compare_digest(str(value).encode(), self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.token is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        auth = request.headers.get("authorization", "")
        if self._ok(request.cookies.get(TOKEN_COOKIE)) or (auth.startswith("Bearer ") and self._ok(auth[7:])):
            await self.app(scope, receive, send)
            return
        if self._ok(request.query_params.get("token")):
            rest = urlencode([(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode()) if k != "token"])
            response = RedirectResponse(scope["path"] + ("?" + rest if rest else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            await response(scope, receive, send)
            return
        await PlainTextResponse(
            "vexascite: this library needs its access token: open the address 'vexascite serve' printed (with ?token=...)",
            status_code=401,
        )(scope, receive, send)


#: What a page of the app may load and who may frame it. Scripts only from the app's own
#: files (a title that slipped past escaping still could not run), no page of another
#: site may frame the app (a click on "Empty the trash" could be stolen from under an
#: overlay: clickjacking), forms post only to the app. Inline style attributes stay allowed.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),  # frame-ancestors for browsers that predate it
    (b"x-content-type-options", b"nosniff"),  # an export served as text is never run as a script or page
    (b"referrer-policy", b"no-referrer"),  # a work's link to doi.org does not tell the site the library's keys
]


class SecurityHeadersMiddleware:
    """Every answer says what the page may load, that no other site may frame it, and
    that its type is what it says."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimitMiddleware:
    """Refuse request bodies over ``limit`` bytes (413) before they are read whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        too_big = HTMLResponse(  # shown in place by a partial update, and readable as a page
            f'<p class="error" role="alert">vexascite: uploads are limited to {self.limit // (1024 * 1024)} MB per request</p>', 413)
        if length is not None and length.isdigit() and int(length) > self.limit:
            await too_big(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, f"uploads are limited to {self.limit // (1024 * 1024)} MB per request")
            return message

        await self.app(scope, limited, send)
