"""A throwaway PostgreSQL server for the storage tests, from the Debian binaries (package
``postgresql``), and a fresh database on it for each test.

PostgreSQL refuses to run as root, so as root (as in CI) the server runs as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from itertools import count

import pytest
from needs import missing
from sqlalchemy import create_engine, text


def _bin_dir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    on_path = shutil.which("pg_ctl")
    path = found[-1] if found else on_path
    return os.path.dirname(path) if path else None


def _runner() -> list[str] | None:
    """The command prefix to run the server's binaries as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    return ["runuser", "-u", "postgres", "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a running server, without a database name; stopped after the session."""
    bin_dir, runner = _bin_dir(), _runner()
    if bin_dir is None:
        missing("PostgreSQL's server binaries (apt-get install postgresql)")
    if runner is None:
        missing("a postgres user to run the server as (running as root)")
    data = tempfile.mkdtemp(prefix="saidwhat-pg-")
    if runner:
        shutil.chown(data, "postgres")
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*runner, *args], check=True, capture_output=True)

    run(f"{bin_dir}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(f"{bin_dir}/pg_ctl", "-D", data, "-o", options, "-w", "-l", f"{data}/log", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        run(f"{bin_dir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(data, ignore_errors=True)


_numbers = count(1)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the server, dropped after the test."""
    name = f"test_{os.getpid()}_{next(_numbers)}"
    admin = create_engine(f"{postgres_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{postgres_server}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
