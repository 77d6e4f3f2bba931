"""Serving the application with uvicorn, bounded so that idle, slow or surplus clients cannot
hold the server.

uvicorn's keep-alive timer starts only after a response and stops at the first byte received,
so a connection that never sends a request, or trickles one in a byte at a time, stays open for
ever. ``HeadTimeoutH11`` gives every connection the keep-alive timeout to send a complete request
head, counted from its opening and from each response. Past ``max_connections`` open
connections, requests are answered 503 at once.
"""

from __future__ import annotations

import asyncio

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

KEEP_ALIVE_S = 5
"""Seconds a connection may be idle, or take to send a request head."""
MAX_CONNECTIONS = 100


class HeadTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request head is not complete within the
    keep-alive timeout of its opening or of its last response."""

    _head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        self._drop_deadline()

    def _await_head(self) -> None:
        self._drop_deadline()
        if not self.transport.is_closing():
            self._head_deadline = self.loop.call_later(self.timeout_keep_alive, self._head_overdue)

    def _drop_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_overdue(self) -> None:
        # Still IDLE: no request head parsed since the deadline was set (a request in progress
        # has moved the client's state on, and its response sets a new deadline).
        if self.conn.their_state is h11.IDLE:
            self.timeout_keep_alive_handler()


def server_config(
    app: FastAPI, host: str, port: int, keep_alive: int = KEEP_ALIVE_S, max_connections: int = MAX_CONNECTIONS
) -> uvicorn.Config:
    """uvicorn's settings for the application, with the timeouts and limit above."""
    return uvicorn.Config(
        app, host=host, port=port, http=HeadTimeoutH11, timeout_keep_alive=keep_alive, limit_concurrency=max_connections
    )


def serve(app: FastAPI, host: str, port: int, max_connections: int = MAX_CONNECTIONS) -> None:
    """Run the application until interrupted."""
    uvicorn.Server(server_config(app, host, port, max_connections=max_connections)).run()
