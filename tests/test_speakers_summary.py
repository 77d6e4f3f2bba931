"""Speaker totals (``store/speakers.py``): kept as articles are stored, and filled by migration
0003 from what an earlier release stored, they always equal the aggregation over every statement
that the listing used to run per request."""

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
from saidwhat.store.schema import articles, entities, speakers, statements
from saidwhat.web import create_app

NAMES = ["Ana Silva", "Bea Lund", "Tom Okafor", "Dockworkers Union", "Zoë Ng"]
TYPES = ["PERSON", "ORG"]


def story(rng: random.Random, n: int) -> Extraction:
    """An article with random speakers, some sharing a name and type, some unresolved, some
    undated; the same ``n`` gives the same text (hence a duplicate)."""
    text = f"Story {n}: somebody said something."
    span = Part(text=text[:5], spans=[(0, 5)])
    chosen = [(rng.choice(NAMES), rng.choice(TYPES)) for _ in range(rng.randint(0, 4))]
    people = [
        Entity(id=f"e{i}", name=name, type=type_, mentions=[(0, 5)]) for i, (name, type_) in enumerate(chosen)
    ]
    said = [
        Statement(
            id=f"s{i}", kind="indirect", cue=span, content=span,
            source=Source(text=text[:5], spans=[(0, 5)], entity=rng.choice([None, *(e.id for e in people)])),
            said_on=rng.choice([None, date(2024, 1, 1) + timedelta(days=rng.randint(0, 300))]),
        )
        for i in range(rng.randint(0, 6))
    ]
    published = rng.choice([None, date(2023, 6, 1) + timedelta(days=rng.randint(0, 600))])
    return Extraction(id=f"story-{n}", text=text, published=published, entities=people, statements=said)


def aggregated(conn: Connection) -> list[SpeakerRow]:
    """Speakers as the listing computed them before totals were kept: over every statement."""
    when = func.coalesce(statements.c.said_on, articles.c.published)
    count = func.count(statements.c.pk)
    query = (
        select(
            entities.c.name, entities.c.type, count.label("statements"),
            func.count(articles.c.pk.distinct()).label("articles"),
            func.min(when).label("first"), func.max(when).label("last"),
        )
        .select_from(
            statements.join(entities, statements.c.source_entity_pk == entities.c.pk)
            .join(articles, statements.c.article_pk == articles.c.pk)
        )
        .group_by(entities.c.name, entities.c.type)
        .order_by(count.desc(), entities.c.name, entities.c.type)
    )
    return [SpeakerRow(**row) for row in conn.execute(query).mappings()]


def totals(conn: Connection) -> list[SpeakerRow]:
    """The rows of the totals table itself."""
    query = select(speakers).order_by(speakers.c.statements.desc(), speakers.c.name, speakers.c.type)
    return [SpeakerRow(**row) for row in conn.execute(query).mappings()]


def check(store: Store) -> None:
    with store.engine.connect() as conn:
        expected = aggregated(conn)
        assert totals(conn) == expected
    assert store.speakers() == expected
    assert store.speakers(limit=2, offset=1) == expected[1:3]
    assert store.counts()["speakers"] == len(expected)
    for row in expected[:3]:
        assert store.speakers(name=row.name) == [r for r in expected if r.name == row.name]
    for name in [row.name for row in expected[:3]] + ["Story", "story", "Nobody"]:  # "Story": as written
        assert store.said_by(name) == [r for r in store.statements(speaker=name) if r.speaker == name]


def test_totals_equal_the_aggregation_after_each_add(store: Store) -> None:
    rng = random.Random(20)
    for n in range(40):
        store.add(story(rng, rng.randint(0, 30)))  # about a quarter are duplicates
        if n % 8 == 0:
            check(store)
    check(store)
    assert len(store.speakers()) > 4


@pytest.fixture
def url(store: Store) -> str:
    """The URL of the ``store`` fixture's database, on each backend."""
    store.engine.dispose()
    return store.engine.url.render_as_string(hide_password=False)


def test_migration_fills_totals_from_stored_statements(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")  # the schema of the release before totals
    rng = random.Random(4)
    with monkeypatch.context() as before_totals:
        before_totals.setattr("saidwhat.store.records.tally_speakers", lambda conn, article_pk: None)
        with engine.begin() as conn:
            for n in range(25):
                save(conn, story(rng, n))
    engine.dispose()
    with Store.open(url) as store:
        check(store)
        assert store.speakers()
        for n in range(20, 35):
            store.add(story(rng, n))
        check(store)


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
        expected = [row.name for row in store.speakers()]
    client = TestClient(create_app(str(tmp_path / "said.db")))
    first, second = client.get("/speakers").text, client.get("/speakers", params={"offset": 50}).text
    assert re.findall(r'class="speaker"[^>]*>([^<]+)<', first) == expected[:50]
    assert re.findall(r'class="speaker"[^>]*>([^<]+)<', second) == expected[50:]
    assert "1–50 of 60" in first and 'href="/speakers?offset=50"' in first
    assert "51–60 of 60" in second and 'href="/api/speakers?format=csv"' in second
