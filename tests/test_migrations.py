"""Alembic migrations: the revisions build exactly ``schema.py``, on SQLite and PostgreSQL, and
bring a database of an earlier revision, rows and all, up to date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from saidwhat.model import Extraction, Source, Statement, part
from saidwhat.store import Store
from saidwhat.store.migrate import MIGRATIONS, include_name
from saidwhat.store.records import save
from saidwhat.store.schema import metadata

# SQLite cannot reflect expression indexes, so Alembic says it passes over the PostgreSQL-only one.
pytestmark = pytest.mark.filterwarnings(
    "ignore:autogenerate skipping metadata-specified expression-based index 'ix_statements_content_words'"
)

FIRST_TABLES = {"alembic_version", "articles", "entities", "mentions", "statements", "times"}
FTS_TABLES = {f"statements_fts{suffix}" for suffix in ("", "_config", "_data", "_docsize", "_idx")}
HEAD = "0003"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'said.db'}"
    return request.getfixturevalue("postgres_url")


def _differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            opts = {"compare_type": True, "include_name": include_name}
            return compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    finally:
        engine.dispose()


def _migrate(engine: Engine, revision: str, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def _state(engine: Engine) -> tuple[str | None, set[str]]:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision(), set(inspect(conn).get_table_names())


def _latest_tables(engine: Engine) -> set[str]:
    return FIRST_TABLES | {"speakers"} | (FTS_TABLES if engine.dialect.name == "sqlite" else set())


def test_migrated_schema_is_the_declared_schema(url: str) -> None:
    Store.open(url).close()
    assert _differences(url) == []
    engine = create_engine(url)
    assert _state(engine) == (HEAD, _latest_tables(engine))
    engine.dispose()


def test_a_database_made_before_migrations_is_stamped_not_rebuilt(url: str) -> None:
    engine = create_engine(url)
    _migrate(engine, "0001")  # the tables ``create_all`` made before migrations, unstamped
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    Store.open(url).close()
    assert _state(engine) == (HEAD, _latest_tables(engine))
    assert _differences(url) == []
    engine.dispose()


FERRY = "Harbour master Ivo Lask said the navy deployed two patrol boats to the Tarno ferry route."


def ferry() -> Extraction:
    def span(fragment: str) -> list[tuple[int, int]]:
        start = FERRY.index(fragment)
        return [(start, start + len(fragment))]

    content = "the navy deployed two patrol boats to the Tarno ferry route"
    return Extraction(
        id="ferry-3", text=FERRY, published=date(2024, 5, 6),
        statements=[Statement(
            id="s1", kind="indirect", source=Source(spans=span("Ivo Lask"), text="Ivo Lask"),
            cue=part(FERRY, span("said")), content=part(FERRY, span(content)),
        )],
    )


@pytest.fixture
def first_release_save(monkeypatch: pytest.MonkeyPatch) -> None:
    """``save`` as it was before speaker totals (0003), for writing into an older schema."""
    monkeypatch.setattr("saidwhat.store.records.tally_speakers", lambda conn, article_pk: None)


@pytest.mark.usefixtures("first_release_save")
def test_upgrading_from_0001_makes_stored_statements_searchable(url: str) -> None:
    engine = create_engine(url)
    _migrate(engine, "0001")
    with engine.begin() as conn:
        assert save(conn, ferry()) == "new"
    with Store.open(url) as store:
        found = store.statements(text="Deploy BOAT")
        assert [(r.article_id, r.statement_id, r.speaker) for r in found] == [("ferry-3", "s1", "Ivo Lask")]
        assert store.statements(text="deploy submarine") == []
    engine.dispose()


@pytest.mark.usefixtures("first_release_save")
def test_downgrading_to_0001_leaves_the_first_revision(url: str) -> None:
    Store.open(url).close()
    engine = create_engine(url)
    _migrate(engine, "0001", down=True)
    assert _state(engine) == ("0001", FIRST_TABLES)
    with engine.begin() as conn:
        assert "ix_statements_content_words" not in {i["name"] for i in inspect(conn).get_indexes("statements")}
        assert save(conn, ferry()) == "new"  # no trigger is left to write to a missing FTS table
    engine.dispose()
