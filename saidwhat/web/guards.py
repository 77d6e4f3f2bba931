"""What stands between the network and the store: the write token, the request size limit and
security headers. (The app factory adds error responses that never show a stack trace.)"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, status
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 5 * 1024 * 1024
"""The largest request body accepted (413 beyond): several long articles, and no memory strain."""

SECURITY_HEADERS = {
    # No script runs on these pages; styles come from this server only.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

READ_ONLY = "this server is read-only: start it with SAIDWHAT_TOKEN set to allow writes"


def check_token(expected: str | None, given: str | None) -> None:
    """Allow a write only with the configured token: 403 when there is none, else 401 if wrong."""
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN, READ_ONLY)
    if not given or not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "a valid token is required", headers={"WWW-Authenticate": "Bearer"}
        )


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)
