"""Writers that meet: several processes (a feed ingester, a batch job, the web server) may write
one store at once, and each article must still be stored exactly once.

Every write transaction takes the write lock when it begins (``BEGIN IMMEDIATE`` on SQLite), so
that its duplicate check and its inserts see the same database. A writer that finds the lock
taken waits up to ``Patience.wait_s`` (SQLite's busy timeout, PostgreSQL's lock timeout), and a
transaction that another writer still beat is run again after a growing pause: losing a race for
the same story, or the same id, to a writer that committed first shows up on the next attempt as a
duplicate, or a free id. When every attempt is spent, the write is ``StoreBusy``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from ..errors import StoreBusy
from .migrate import WRITE_FIRST

T = TypeVar("T")

_SQLITE_BUSY = {5, 6}  # SQLITE_BUSY and SQLITE_LOCKED, whatever their extended codes
_POSTGRES_CONTENTION = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock timeout


@dataclass(frozen=True)
class Patience:
    """How long a write waits for other writers: ``wait_s`` for the lock on each of ``attempts``,
    with a pause of ``pause_s``, doubled each time, between attempts."""

    wait_s: float = 5.0
    attempts: int = 4
    pause_s: float = 0.1

    @property
    def wait_ms(self) -> int:
        return max(1, round(self.wait_s * 1000))


def contended(error: OperationalError) -> bool:
    """Whether the database refused because another writer held what this one needed."""
    sqlite_code = getattr(error.orig, "sqlite_errorcode", None)
    if sqlite_code is not None:
        return sqlite_code & 0xFF in _SQLITE_BUSY
    return getattr(error.orig, "sqlstate", None) in _POSTGRES_CONTENTION


def write(engine: Engine, patience: Patience, work: Callable[[Connection], T]) -> T:
    """``work`` in one write transaction, run again while other writers get in its way."""
    attempt = 1
    while True:
        try:
            with engine.execution_options(**WRITE_FIRST).begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {patience.wait_ms}")
                return work(conn)
        except IntegrityError:  # a writer that committed first took this story's hash, URL or id
            if attempt == patience.attempts:
                raise
        except OperationalError as error:
            if not contended(error):
                raise
            if attempt == patience.attempts:
                raise StoreBusy(
                    f"database busy: other writers held it through {attempt} attempts "
                    f"of {patience.wait_s:g} s each; try again"
                ) from error
        time.sleep(patience.pause_s * 2 ** (attempt - 1))
        attempt += 1
