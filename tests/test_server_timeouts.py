"""The server closes idle and trickling connections and answers 503 past its connection limit:
real sockets against a real uvicorn server on 127.0.0.1, a few connections at a time."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from saidwhat.web import create_app
from saidwhat.web.server import server_config

REQUEST = b"GET /api/articles HTTP/1.1\r\nHost: localhost\r\n\r\n"
WAIT_S = 20  # how long a socket waits for the server before the test fails


def closed_by_server(conn: socket.socket) -> bool:
    """Whether the server closes the connection (rather than leaving it open past ``WAIT_S``)."""
    conn.settimeout(WAIT_S)
    try:
        while conn.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def trickle(conn: socket.socket, data: bytes) -> bool:
    """Send ``data`` a byte every tenth of a second; whether the server closed before the end."""
    try:
        for byte in data:
            conn.sendall(bytes([byte]))
            time.sleep(0.1)
    except (BrokenPipeError, ConnectionResetError):
        return True
    return False


def status(conn: socket.socket) -> bytes:
    """The status line of the answer to a request on ``conn``, the whole answer read (head and
    body may come in separate packets; a body left unread would be taken for the next answer)."""
    conn.sendall(REQUEST)
    conn.settimeout(WAIT_S)
    answer = chunk = conn.recv(4096)
    while chunk and b"\r\n\r\n" not in answer:
        answer += (chunk := conn.recv(4096))
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    length = next((int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length:")), 0)
    while chunk and len(body) < length:
        body += (chunk := conn.recv(4096))
    return lines[0]


@pytest.fixture
def address(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A server in this process, keep-alive 1 s, limit 4 connections, on a port of its own."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(server_config(create_app(str(tmp_path / "said.db")), "127.0.0.1", 0, 1, 4))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]})
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.05)
    yield listener.getsockname()
    server.should_exit = True
    thread.join(WAIT_S)
    listener.close()


def test_a_connection_that_sends_nothing_is_closed(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as idle:
        assert closed_by_server(idle)


def test_a_request_head_trickled_in_is_cut_off(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as slow:
        assert trickle(slow, b"GET /api/articles HTTP/1.1\r\n" + b"X-Pad: x\r\n" * 20) or closed_by_server(slow)


def test_an_idle_keep_alive_connection_is_closed_after_its_response(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as conn:
        assert status(conn) == b"HTTP/1.1 200 OK"
        assert status(conn) == b"HTTP/1.1 200 OK"  # kept alive between requests
        assert closed_by_server(conn)


def test_a_head_in_pieces_within_the_timeout_is_served(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as conn:
        conn.sendall(REQUEST[:10])
        time.sleep(0.3)
        conn.sendall(REQUEST[10:])
        assert conn.recv(4096).startswith(b"HTTP/1.1 200 OK")


def test_past_the_connection_limit_requests_get_503(address: tuple[str, int]) -> None:
    held = [socket.create_connection(address) for _ in range(4)]
    try:
        with socket.create_connection(address) as extra:
            assert status(extra) == b"HTTP/1.1 503 Service Unavailable"
    finally:
        for conn in held:
            conn.close()
    time.sleep(0.2)
    with socket.create_connection(address) as conn:
        assert status(conn) == b"HTTP/1.1 200 OK"


def test_saidwhat_serve_closes_idle_and_trickling_connections(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "saidwhat.cli", "serve", "--db", str(tmp_path / "said.db"), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                idle = socket.create_connection(("127.0.0.1", port))
                break
            except ConnectionRefusedError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        with idle, socket.create_connection(("127.0.0.1", port)) as slow:
            slow.sendall(b"GET / HTTP/1.1\r\n")
            assert trickle(slow, b"X-Pad: x\r\n" * 20) or closed_by_server(slow)
            assert closed_by_server(idle)
    finally:
        server.terminate()
        server.wait(WAIT_S)
