"""Bringing a database's schema up to date with Alembic, the one way tables are ever created.

A database made before migrations existed (by ``create_all``) holds exactly the first revision's
tables, so it is stamped with that revision rather than created again. An up-to-date database is
only read, so that opening one never waits for, or blocks, another process's writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from .search import FTS_TABLE

ARTICLES_FTS = "articles_fts"  # SQLite's FTS5 table over article text (migration 0005)

MIGRATIONS = Path(__file__).with_name("migrations")
FIRST_REVISION = "0001"
WRITE_FIRST = {"sqlite_immediate": True}
"""Execution options for a transaction that will write: SQLite takes its write lock at BEGIN,
since a reader that later writes fails at once when another process wrote in between."""


def upgrade(engine: Engine) -> None:
    """Run every migration the database lacks, in one transaction."""
    config = _config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.execution_options(**WRITE_FIRST).begin() as conn:
        config.attributes["connection"] = conn
        tables = set(inspect(conn).get_table_names())
        if "articles" in tables and "alembic_version" not in tables:
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")


def include_name(name: str | None, type_: str, parent_names: Mapping[Any, str | None]) -> bool:
    """Whether autogenerate compares a table: not SQLite's FTS5 tables and their shadow tables,
    which no metadata can declare."""
    return not (type_ == "table" and name is not None and name.startswith((FTS_TABLE, ARTICLES_FTS)))


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config
