"""The whole store as article JSON (``saidwhat export``): the ``extract`` contract, each entity
with the actor it belongs to (``actor``, ``actor_name``), as ``../shared/EVAL.md`` specifies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from .records import load
from .schema import actors, articles, entities

_PAGE = 500


def export_articles(conn: Connection) -> Iterator[dict[str, Any]]:
    """One article at a time, in the order they were stored, read a page of ids at a time."""
    after = 0
    while True:
        page = conn.execute(
            select(articles.c.pk, articles.c.id).where(articles.c.pk > after).order_by(articles.c.pk).limit(_PAGE)
        ).all()
        if not page:
            return
        for pk, article_id in page:
            yield _with_actors(conn, pk, article_id)
        after = page[-1][0]


def _with_actors(conn: Connection, pk: int, article_id: str) -> dict[str, Any]:
    extraction = load(conn, article_id)
    assert extraction is not None  # its id was read in this connection's snapshot
    linked = {
        local: (actor, name)
        for local, actor, name in conn.execute(
            select(entities.c.local_id, actors.c.id, actors.c.name)
            .join(actors, entities.c.actor_pk == actors.c.pk)
            .where(entities.c.article_pk == pk)
        )
    }
    record = extraction.to_json_dict()
    for entity in record["entities"]:
        actor, name = linked.get(entity["id"], (None, None))
        entity |= {"actor": actor, "actor_name": name}
    return record
