"""Alembic migrations: the first revision builds exactly ``schema.py``, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from saidwhat.store import Store
from saidwhat.store.schema import metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'said.db'}"
    return request.getfixturevalue("postgres_url")


def _differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return compare_metadata(context, metadata)
    finally:
        engine.dispose()


def test_migrated_schema_is_the_declared_schema(url: str) -> None:
    Store.open(url).close()
    assert _differences(url) == []
    engine = create_engine(url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0001"
    engine.dispose()


def test_a_database_made_before_migrations_is_stamped_not_rebuilt(url: str) -> None:
    engine = create_engine(url)
    metadata.create_all(engine)
    Store.open(url).close()
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0001"
        assert set(inspect(conn).get_table_names()) == {
            "alembic_version", "articles", "entities", "mentions", "statements", "times"
        }
    engine.dispose()
