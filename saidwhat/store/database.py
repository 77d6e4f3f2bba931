"""The database of extractions (``Store``): opening it, and adding and querying articles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import Claim, ClaimStatus, Extraction
from .claims import ClaimDetail, ClaimRow, claim_records, count_claims, select_claim, select_claims
from .contention import Patience, write
from .curation import AuthorityRow, merge, rebuild, rename_actor, seed, split
from .export import export_articles
from .followups import rebuild as rebuild_followups
from .migrate import upgrade
from .queries import (
    ActorDetail,
    ArticleRow,
    SpeakerRow,
    StatementQuery,
    StatementRow,
    count_rows,
    count_speakers,
    count_statements,
    select_actor,
    select_actor_ids,
    select_articles,
    select_said_by,
    select_speakers,
    select_statements,
    select_story,
    stored_id,
)
from .records import load, save

PATIENCE = Patience()
"""How long a write waits for other writers unless the store is opened with its own."""


def _engine(url_or_path: str | Path) -> Engine:
    """A URL goes to SQLAlchemy as is; anything else is the path of a SQLite file."""
    if isinstance(url_or_path, str) and "://" in url_or_path:
        return create_engine(url_or_path)
    path = Path(url_or_path)
    if not path.parent.is_dir():
        raise StoreError(f"cannot create database {path}: no directory {path.parent}")
    return create_engine(f"sqlite:///{path}")


def _tune_sqlite(engine: Engine, patience: Patience) -> None:
    """Foreign keys on, WAL for concurrent readers, a busy timeout for concurrent writers, and real
    transactions.

    WAL with ``synchronous = NORMAL`` skips the disk flush at each commit: a crashed or killed
    process loses nothing committed, and a power cut can lose only the last few articles,
    never the database (a rerun of the ingest stores them again).

    The sqlite3 module would otherwise defer BEGIN until the first write, leaving the
    duplicate check of ``Store.add`` outside the transaction that inserts.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {patience.wait_ms}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """The database of extractions; use as a context manager or call ``close``."""

    def __init__(self, engine: Engine, patience: Patience | None = None):
        self.engine = engine
        self.patience = patience or PATIENCE

    @classmethod
    def open(
        cls, url_or_path: str | Path = "saidwhat.db", create: bool = True, patience: Patience | None = None
    ) -> Store:
        """Open a SQLite path or a SQLAlchemy database URL, migrating its schema to the latest
        revision (creating the tables in a new database).

        With ``create=False`` a SQLite file that does not exist is an error, so that a mistyped
        path given to a query is reported instead of answered from a new, empty database.
        ``patience`` says how long a write waits for other writers (see ``contention.py``).
        """
        patience = patience or PATIENCE
        if not create and not (isinstance(url_or_path, str) and "://" in url_or_path):
            if not Path(url_or_path).is_file():
                raise StoreError(f"no database at {url_or_path}")
        try:
            engine = _engine(url_or_path)
            if engine.dialect.name == "sqlite":
                _tune_sqlite(engine, patience)
            upgrade(engine)
        except (SQLAlchemyError, ImportError) as error:
            detail = getattr(error, "orig", None) or error  # the driver's words, if it spoke
            raise StoreError(f"cannot open database {url_or_path}: {detail}") from error
        return cls(engine, patience)

    def add(self, extraction: Extraction) -> Literal["new", "duplicate"]:
        """Store an article and all its records in one transaction, unless already stored.

        A duplicate has the URL or the whitespace-normalised text of a stored article. Other
        writers at the same time are waited for; ``StoreBusy`` if they hold the database too long.
        """
        return write(self.engine, self.patience, lambda conn: save(conn, extraction))

    def get(self, article_id: str) -> Extraction | None:
        with self.engine.connect() as conn:
            return load(conn, article_id)

    def statements(self, **filters: Any) -> list[StatementRow]:
        """Statements matching the filters of ``StatementQuery``, oldest first."""
        with self.engine.connect() as conn:
            return select_statements(conn, StatementQuery(**filters))

    def claims(
        self, today: date | None = None, status: ClaimStatus | None = None, **filters: Any
    ) -> list[ClaimRow]:
        """Claims by due date, each with its status as of ``today``; ``status`` keeps one kind."""
        with self.engine.connect() as conn:
            return select_claims(conn, StatementQuery(**filters), today or date.today(), status)

    def claim(self, claim_id: str, today: date | None = None) -> ClaimDetail | None:
        """One claim with the stories that said it and its follow-ups."""
        with self.engine.connect() as conn:
            return select_claim(conn, claim_id, today or date.today())

    def claim_records(self, today: date | None = None) -> Iterator[Claim]:
        """Every claim's every source as EVAL.md's claims records (``claims --format jsonl``)."""
        with self.engine.connect() as conn:
            yield from claim_records(conn, today or date.today())

    def rebuild_claims(self) -> int:
        """Gather the claims and find their follow-ups afresh over the whole store; how many claims."""
        return write(self.engine, self.patience, rebuild_followups)

    def count_statements(self, **filters: Any) -> int:
        """How many statements ``statements(**filters)`` would list without limit and offset."""
        with self.engine.connect() as conn:
            return count_statements(conn, StatementQuery(**filters))

    def count_claims(self, today: date | None = None, status: ClaimStatus | None = None, **filters: Any) -> int:
        """How many claims ``claims(today, status, **filters)`` would list without limit and offset."""
        with self.engine.connect() as conn:
            return count_claims(conn, StatementQuery(**filters), today or date.today(), status)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        with self.engine.connect() as conn:
            return select_articles(conn, limit, offset)

    def story(self, article_id: str) -> list[ArticleRow]:
        """The other articles of this article's story, oldest first; empty if it stands alone."""
        with self.engine.connect() as conn:
            return select_story(conn, article_id)

    def find(self, extraction: Extraction) -> str | None:
        """The id under which this story is stored, if it is (see ``add`` for what counts as the same)."""
        with self.engine.connect() as conn:
            return stored_id(conn, extraction)

    def said_by(self, actor_id: str) -> list[StatementRow]:
        """Every statement of the actor with this id, oldest first."""
        with self.engine.connect() as conn:
            return select_said_by(conn, actor_id)

    def speakers(
        self, limit: int | None = None, offset: int = 0, search: str | None = None, speaking: bool = True
    ) -> list[SpeakerRow]:
        """Actors by number of statements (only those who speak, unless ``speaking`` is False)."""
        with self.engine.connect() as conn:
            return select_speakers(conn, limit, offset, search, speaking)

    def count_speakers(self, search: str | None = None) -> int:
        with self.engine.connect() as conn:
            return count_speakers(conn, search)

    def actor_ids(self, article_id: str) -> dict[str, str]:
        """The actor id of each linked entity of one article, by the entity's local id."""
        with self.engine.connect() as conn:
            return select_actor_ids(conn, article_id)

    def actor(self, actor_id: str) -> ActorDetail | None:
        with self.engine.connect() as conn:
            return select_actor(conn, actor_id)

    def merge_actors(self, into: str, others: list[str]) -> None:
        """Fold actors into one, for good: a rebuild replays it (see ``curation.py``)."""
        write(self.engine, self.patience, lambda conn: merge(conn, into, others))

    def split_actor(self, actor_id: str, alias: str) -> str:
        """Move an actor's mentions named ``alias`` to a new actor; its id."""
        return write(self.engine, self.patience, lambda conn: split(conn, actor_id, alias))

    def rename_actor(self, actor_id: str, name: str) -> None:
        write(self.engine, self.patience, lambda conn: rename_actor(conn, actor_id, name))

    def seed_actors(self, rows: list[AuthorityRow]) -> None:
        """Create or pin the actors of an authority file, in one transaction."""
        def seed_all(conn: Connection) -> None:
            for row in rows:
                seed(conn, row)

        write(self.engine, self.patience, seed_all)

    def rebuild_actors(self) -> int:
        """Re-link the whole store and replay every curator's decision; how many actors result."""
        return write(self.engine, self.patience, rebuild)

    def export(self) -> Iterator[dict[str, Any]]:
        """Every article in the ``extract`` contract, entities with their actor; oldest stored first."""
        with self.engine.connect() as conn:
            yield from export_articles(conn)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return count_rows(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
