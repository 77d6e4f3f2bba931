"""What stands between the network and the store: the write token, a body size limit, security
headers, and error responses that never show a stack trace."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, status
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 5 * 1024 * 1024
"""The largest request body accepted: several long articles, far below what would strain memory."""

SECURITY_HEADERS = {
    # No script runs on these pages; styles and images come from this server only.
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


def _too_large() -> HTTPException:
    return HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"request body over {MAX_BODY_BYTES:,} bytes")


class Guard:
    """ASGI middleware: refuse bodies over ``max_bytes`` (declared or streamed) and add the
    security headers to every response."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            error = _too_large() if declared.isdigit() else HTTPException(400, "bad Content-Length")
            response = JSONResponse({"detail": error.detail}, status_code=error.status_code)
            await response(scope, receive, send_with_headers)
            return

        received = 0

        async def limited_receive() -> Message:
            """Count a streamed (chunked) body; raising here reaches the client as 413."""
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _too_large()
            return message

        await self.app(scope, limited_receive, send_with_headers)
