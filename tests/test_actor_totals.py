"""Actor totals (``store/actors.py``): kept as articles are stored, re-made by a rebuild and by
migration 0004 from what an earlier release stored, they always equal a fresh count over the
entities linked to each actor; and every person, organisation and place has an actor."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Connection, create_engine, func, select

from saidwhat.model import Entity, Extraction, Part, Source, Statement
from saidwhat.store import SpeakerRow, Store
from saidwhat.store.migrate import MIGRATIONS
from saidwhat.store.records import save
from saidwhat.store.schema import actors, articles, entities, statements
from saidwhat.web import create_app

# Full names, their short forms, a name typed two ways, and a type no actor stands for.
NAMES = [
    ("Ana Silva", "PERSON"), ("Silva", "PERSON"), ("Bea Lund", "PERSON"), ("Tom Okafor", "PERSON"),
    ("Okafor", "PERSON"), ("Dockworkers Union", "ORG"), ("Zoë Ng", "PERSON"), ("Zoë Ng", "ORG"),
    ("Harbour Board", "ORG"), ("Tarno", "GPE"), ("Critics", "NORP"),
]


def story(rng: random.Random, n: int) -> Extraction:
    """An article with random entities, some speaking and some only mentioned, some undated; the
    same ``n`` gives the same text (hence a duplicate)."""
    chosen = rng.sample(NAMES, rng.randint(0, 4))
    sentences = [f"{name} said plan {n} was sound." for name, _ in chosen]
    text = " ".join(sentences) or f"Story {n} quotes nobody."
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(chosen))]
    found = [
        Entity(id=f"e{i}", name=name, type=type_, mentions=[(start, start + len(name))])
        for i, ((name, type_), start) in enumerate(zip(chosen, starts))
    ]
    span = Part(text=text[:3], spans=[(0, 3)])
    said = [
        Statement(
            id=f"s{i}", kind="indirect", cue=span, content=span,
            source=Source(text=text[:3], spans=[(0, 3)], entity=rng.choice([None, *(e.id for e in found)])),
        )
        for i in range(rng.randint(0, 6))
    ]
    published = rng.choice([None, date(2023, 6, 1) + timedelta(days=rng.randint(0, 600))])
    return Extraction(id=f"story-{n}", text=text, published=published, entities=found, statements=said)


def aggregated(conn: Connection) -> list[SpeakerRow]:
    """Every actor's totals counted afresh from the entities linked to it, in the listing order."""
    rows = []
    for pk, id_, name, type_, wikidata in conn.execute(
        select(actors.c.pk, actors.c.id, actors.c.name, actors.c.type, actors.c.wikidata)
    ):
        own = entities.c.actor_pk == pk
        said = conn.execute(select(func.count()).select_from(
            statements.join(entities, statements.c.source_entity_pk == entities.c.pk)).where(own)).scalar_one()
        mentioned_in = articles.join(entities, entities.c.article_pk == articles.c.pk)
        dates = conn.execute(select(articles.c.pk, articles.c.published).select_from(mentioned_in).where(own)).all()
        published = [d for _, d in dates if d is not None]
        rows.append(SpeakerRow(id_, name, type_, said, len({a for a, _ in dates}),
                               min(published, default=None), max(published, default=None), wikidata))
    return sorted(rows, key=lambda r: (-r.statements, r.name, r.id))


def linked_entities(store: Store) -> dict[tuple[str, str], str | None]:
    """The actor of every stored entity, by (article id, entity id); checks that exactly the
    persons, organisations and places have one."""
    found = {}
    with store.engine.connect() as conn:
        for article_id, local, type_, actor in conn.execute(
            select(articles.c.id, entities.c.local_id, entities.c.type, actors.c.id)
            .join(articles, entities.c.article_pk == articles.c.pk)
            .outerjoin(actors, entities.c.actor_pk == actors.c.pk)
        ):
            assert (actor is not None) == (type_ in ("PERSON", "ORG", "GPE")), (article_id, local, type_)
            found[(article_id, local)] = actor
    return found


def check_totals(store: Store) -> list[SpeakerRow]:
    """The listings agree with a fresh count; every actor has at least one entity."""
    with store.engine.connect() as conn:
        expected = aggregated(conn)
    assert store.speakers(speaking=False) == expected
    assert store.speakers() == [r for r in expected if r.statements]
    assert store.speakers(limit=2, offset=1) == store.speakers()[1:3]
    assert store.count_speakers() == len(store.speakers())
    assert store.counts()["actors"] == len(expected)
    assert {a for a in linked_entities(store).values() if a} == {r.id for r in expected}
    for row in expected[:3]:
        said = store.said_by(row.id)
        assert len(said) == row.statements and {r.actor for r in said} <= {row.id}
    return expected


def test_totals_equal_a_fresh_count_after_adds_and_a_rebuild(store: Store) -> None:
    rng = random.Random(20)
    for n in range(40):
        store.add(story(rng, rng.randint(0, 30)))  # about a quarter are duplicates
        if n % 8 == 0:
            check_totals(store)
    before = check_totals(store)
    assert len(store.speakers()) > 4
    links = linked_entities(store)
    assert store.rebuild_actors() == len(before)
    assert check_totals(store) == before
    assert linked_entities(store) == links  # ids stable


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database, not yet migrated, on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'said.db'}"
    return request.getfixturevalue("postgres_url")


def test_migration_links_what_the_release_before_actors_stored(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")  # the schema of the release before actors
    rng = random.Random(4)
    with monkeypatch.context() as before_actors:
        before_actors.setattr("saidwhat.store.records.link_stored", lambda conn, extraction, entity_pks: None)
        before_actors.setattr("saidwhat.store.records.follow", lambda conn, article_pk, extraction: None)
        with engine.begin() as conn:
            for n in range(25):
                save(conn, story(rng, n))
    engine.dispose()
    with Store.open(url) as store:
        check_totals(store)
        assert store.speakers()
        for n in range(20, 35):
            store.add(story(rng, n))
        check_totals(store)


def test_the_speakers_page_lists_a_page_at_a_time_in_the_listing_order(tmp_path: Path) -> None:
    with Store.open(tmp_path / "said.db") as store:
        for n in range(60):
            text = f"Speaker number {n} said it."
            span = Part(text=text[:7], spans=[(0, 7)])
            store.add(Extraction(
                id=f"a{n}", text=text, entities=[Entity(id="e1", name=f"Speaker {n:02}", type="PERSON")],
                statements=[Statement(id=f"s{i}", kind="indirect", cue=span, content=span,
                                      source=Source(text=text[:7], spans=[(0, 7)], entity="e1"))
                            for i in range(1 + n % 3)],
            ))
        expected = [(row.id, row.name) for row in store.speakers()]
    client = TestClient(create_app(str(tmp_path / "said.db")))
    first, second = client.get("/speakers").text, client.get("/speakers", params={"offset": 50}).text
    listed = r'<a class="speaker" href="/speakers/([^"]+)">([^<]+)<'
    assert re.findall(listed, first) == expected[:50]
    assert re.findall(listed, second) == expected[50:]
    assert "1–50 of 60" in first and 'href="/speakers?offset=50"' in first
    assert "51–60 of 60" in second and 'href="/api/speakers?format=csv"' in second
