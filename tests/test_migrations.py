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
from sqlalchemy import Engine, ForeignKeyConstraint, create_engine, inspect, text

from saidwhat.model import Entity, Extraction, Source, Statement, part
from saidwhat.store import Store
from saidwhat.store.migrate import MIGRATIONS, include_name
from saidwhat.store.records import save
from saidwhat.store.schema import metadata

# SQLite cannot reflect expression indexes, so Alembic says it passes over the PostgreSQL-only one.
pytestmark = pytest.mark.filterwarnings(
    "ignore:autogenerate skipping metadata-specified expression-based index"
)

FIRST_TABLES = {"alembic_version", "articles", "entities", "mentions", "statements", "times"}
FTS_TABLES = {
    f"{table}_fts{suffix}"
    for table in ("statements", "articles")
    for suffix in ("", "_config", "_data", "_docsize", "_idx")
}
HEAD = "0008"
ACTOR_TABLES = {"actors", "actor_aliases", "actor_keys", "actor_roles", "actor_decisions"}
CLAIM_TABLES = {"claims", "claim_sources", "claim_terms", "followups", "article_stories", "term_counts"}


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
            found = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    finally:
        engine.dispose()
    return [d for d in found if not _unreflected_on_delete(d, found)]


def _unreflected_on_delete(difference: tuple, found: list) -> bool:
    """SQLite added ``entities.actor_pk`` with an inline ``REFERENCES ... ON DELETE SET NULL``,
    whose ``ON DELETE`` SQLAlchemy does not read back: the reflected key shows without it and
    the declared one as missing. (``test_deleting_an_actor_unlinks_its_entities`` checks that
    the clause is there.)"""
    def key(fk: ForeignKeyConstraint) -> tuple:
        return fk.table.name, [c.name for c in fk.columns], [e.target_fullname for e in fk.elements]

    fks = {d[0]: d[1] for d in found if d[0] in ("remove_fk", "add_fk")}
    if difference[0] not in fks or key(difference[1]) != ("entities", ["actor_pk"], ["actors.pk"]):
        return False
    same = [fk for fk in fks.values() if key(fk) == key(difference[1])]
    return len(same) == 2 and (fks["remove_fk"].ondelete, fks["add_fk"].ondelete) == (None, "SET NULL")


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
    return FIRST_TABLES | ACTOR_TABLES | CLAIM_TABLES | (FTS_TABLES if engine.dialect.name == "sqlite" else set())


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
    """``save`` as it was before actors (0004) and claims (0005), for writing into an older schema.
    (Before 0004 it also kept speaker totals, which 0004 drops unread.)"""
    monkeypatch.setattr("saidwhat.store.records.link_stored", lambda conn, extraction, entity_pks: None)
    monkeypatch.setattr("saidwhat.store.records.follow", lambda conn, article_pk, extraction: None)


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
    engine = create_engine(url)
    _migrate(engine, "0003")
    _migrate(engine, "0001", down=True)
    assert _state(engine) == ("0001", FIRST_TABLES)
    with engine.begin() as conn:
        assert "ix_statements_content_words" not in {i["name"] for i in inspect(conn).get_indexes("statements")}
        assert save(conn, ferry()) == "new"  # no trigger is left to write to a missing FTS table
    engine.dispose()


def test_actors_cannot_be_downgraded(url: str) -> None:
    Store.open(url).close()
    engine = create_engine(url)
    with pytest.raises(NotImplementedError, match="restore a backup"):
        _migrate(engine, "0003", down=True)
    assert _state(engine) == (HEAD, _latest_tables(engine))
    engine.dispose()


def _said(text: str, n: int, name: str, type_: str, published: date | None) -> Extraction:
    """An article in which ``name`` says one thing, and a tribe (NORP) is mentioned."""
    def span(fragment: str) -> list[tuple[int, int]]:
        start = text.index(fragment)
        return [(start, start + len(fragment))]

    return Extraction(
        id=f"old-{n}", text=text, published=published,
        entities=[Entity(id="e1", name=name, type=type_, mentions=span(name)),
                  Entity(id="e2", name="Tarnish", type="NORP", mentions=span("Tarnish"))],
        statements=[Statement(
            id="s1", kind="indirect", source=Source(spans=span(name), text=name, entity="e1"),
            cue=part(text, span("said")), content=part(text, span("the ferry")),
        )],
    )


@pytest.mark.usefixtures("first_release_save")
def test_upgrading_from_0003_links_every_stored_entity_to_an_actor(url: str) -> None:
    engine = create_engine(url)
    _migrate(engine, "0003")
    stories = [
        _said("Lask said the ferry would run, Tarnish sailors agreed.", 1, "Lask", "PERSON", date(2024, 5, 6)),
        _said("Ivo Lask said the ferry was late, Tarnish sailors agreed.", 2, "Ivo Lask", "PERSON", date(2024, 5, 9)),
        _said("Tarno Ferries said the ferry was full, Tarnish sailors agreed.", 3, "Tarno Ferries", "ORG", None),
        _said("Tarno said the ferry was cheap, Tarnish sailors agreed.", 4, "Tarno", "GPE", date(2024, 4, 1)),
    ]
    with engine.begin() as conn:
        for story in stories:
            assert save(conn, story) == "new"
    engine.dispose()
    with Store.open(url) as store:
        linked = [store.actor_ids(s.id) for s in stories]
        assert all(ids.keys() == {"e1"} for ids in linked)  # the NORP has none
        lask, ferries, town = linked[0]["e1"], linked[2]["e1"], linked[3]["e1"]
        assert linked[1]["e1"] == lask and len({lask, ferries, town}) == 3
        assert [(r.name, r.statements, r.articles, r.first, r.last) for r in store.speakers()] == [
            ("Ivo Lask", 2, 2, date(2024, 5, 6), date(2024, 5, 9)),
            ("Tarno", 1, 1, date(2024, 4, 1), date(2024, 4, 1)),
            ("Tarno Ferries", 1, 1, None, None),
        ]
        assert store.counts()["actors"] == 3


def test_deleting_an_actor_unlinks_its_entities(url: str) -> None:
    with Store.open(url) as store:
        store.add(_said("Ivo Lask said the ferry was late, Tarnish sailors agreed.", 1, "Ivo Lask", "PERSON", None))
        (actor,) = store.actor_ids("old-1").values()
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM actors WHERE id = :id"), {"id": actor})
        assert store.actor_ids("old-1") == {}
        assert store.get("old-1") is not None


def test_upgrading_from_0006_links_the_stored_entities_anew(url: str) -> None:
    """A store linked by the rules before 0007, in which NASA went by its inspector's office, comes
    out as the rules of today link it."""
    stories = [
        _said("Norvik said the ferry would run, Tarnish sailors agreed.", 1, "Norvik", "ORG", date(2024, 5, 6)),
        _said("Norvik's Office of the Inspector General said the ferry was late, Tarnish sailors agreed.", 2,
              "Norvik's Office of the Inspector General", "ORG", date(2024, 5, 9)),
    ]
    with Store.open(url) as store:
        for story in stories:
            store.add(story)
        office = store.actor_ids("old-2")["e1"]
    engine = create_engine(url)
    _migrate(engine, "0006", down=True)
    with engine.begin() as conn:  # as the old rules had it: one actor, named by its office
        entity = "from entities e join articles a on a.pk = e.article_pk where a.id = :article and e.local_id = 'e1'"
        whole = conn.execute(text(f"select e.actor_pk {entity}"), {"article": "old-1"}).scalar()
        conn.execute(text(f"update entities set actor_pk = :pk where pk in (select e.pk {entity})"),
                     {"pk": whole, "article": "old-2"})
        conn.execute(text("update actors set name = 'Norvik''s Office of the Inspector General' where pk = :pk"),
                     {"pk": whole})
    engine.dispose()
    with Store.open(url) as store:
        assert sorted(r.name for r in store.speakers()) == ["Norvik", "Norvik's Office of the Inspector General"]
        assert store.actor_ids("old-2")["e1"] == office
