"""Who speaks, kept as running totals so that listing speakers reads one row per speaker
instead of aggregating every statement on every request.

A speaker is an entity's name and type, across articles, with at least one statement attributed
to it. Articles are only ever added, never changed, so storing one adds its statements and one
article to each of its speakers and widens their first and last dates, in the transaction that
inserts it: a rolled-back article leaves the totals as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, case, func, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from .schema import articles, entities, speakers, statements

# A statement's date: when it was said, else when its article was published.
WHEN = func.coalesce(statements.c.said_on, articles.c.published)


def _earlier(stored: ColumnElement[Any], new: ColumnElement[Any]) -> ColumnElement[Any]:
    """The earlier of two dates, either of which may be unknown (NULL)."""
    return case((or_(stored.is_(None), new < stored), new), else_=stored)


def _later(stored: ColumnElement[Any], new: ColumnElement[Any]) -> ColumnElement[Any]:
    return case((or_(stored.is_(None), new > stored), new), else_=stored)


def _upsert(insert: Callable[..., Any]) -> Any:
    """Add one article's speakers to the totals, creating the rows of new speakers.

    Rows go in name order so that concurrent writers on PostgreSQL lock shared speakers in the
    same order and never deadlock.
    """
    said = (
        select(
            entities.c.name,
            entities.c.type,
            func.count(),
            literal(1),
            func.min(WHEN),
            func.max(WHEN),
        )
        .select_from(
            statements.join(entities, statements.c.source_entity_pk == entities.c.pk)
            .join(articles, statements.c.article_pk == articles.c.pk)
        )
        .where(statements.c.article_pk == bindparam("article_pk"))
        .group_by(entities.c.name, entities.c.type)
        .order_by(entities.c.name, entities.c.type)
    )
    columns = ["name", "type", "statements", "articles", "first", "last"]
    statement = insert(speakers).from_select(columns, said)
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[speakers.c.name, speakers.c.type],
        set_={
            "statements": speakers.c.statements + new.statements,
            "articles": speakers.c.articles + new.articles,
            "first": _earlier(speakers.c.first, new.first),
            "last": _later(speakers.c.last, new.last),
        },
    )


# Built once per dialect: SQLAlchemy then reuses the compiled form for every article stored.
_UPSERTS = {"sqlite": _upsert(sqlite.insert), "postgresql": _upsert(postgresql.insert)}


def tally_speakers(conn: Connection, article_pk: int) -> None:
    """Add the speakers of the article just inserted under ``article_pk`` to the totals."""
    conn.execute(_UPSERTS[conn.dialect.name], {"article_pk": article_pk})
