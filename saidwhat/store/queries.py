"""Read-side queries: statements by speaker, words and date, and who speaks most (from the
totals ``speakers.py`` keeps).

Every user-supplied value reaches the database as a bound parameter, never as SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from sqlalchemy import ColumnElement, Connection, Select, bindparam, false, func, or_, select, union_all

from ..model import Extraction, StatementKind
from .schema import articles, entities, speakers, statements, times
from .search import content_words, fts5_query, query_words, statements_fts
from .speakers import WHEN as _when


@dataclass(frozen=True)
class StatementRow:
    """One statement flattened for listing; ``speaker`` is the resolved name, else as written."""

    article_id: str
    article_title: str | None
    published: date | None
    statement_id: str
    kind: StatementKind
    speaker: str | None
    source_text: str | None
    cue: str
    content: str
    said_on: date | None
    hedged: bool
    negated: bool
    future: bool
    due: date | None


@dataclass(frozen=True)
class SpeakerRow:
    """A named entity that speaks, totalled over every article that mentions it."""

    name: str
    type: str
    statements: int
    articles: int
    first: date | None
    last: date | None


def _matches(column: ColumnElement[str | None], needle: str) -> ColumnElement[bool]:
    """Case-insensitive substring test; ``%`` and ``_`` in the needle match only themselves.

    A NUL matches nothing: SQLite's LIKE would take it for the pattern's end (and match nearly
    every row), and PostgreSQL refuses it in text.
    """
    if "\x00" in needle:
        return false()
    return column.icontains(needle, autoescape=True)


def _has_words(text: str, dialect: str) -> ColumnElement[bool]:
    """Every word of ``text`` occurs, stemmed, in the statement's content (see ``search.py``)."""
    if dialect == "sqlite":
        query = fts5_query(text)
        if not query:  # punctuation alone, which PostgreSQL's query also finds nothing for
            return false()
        found = select(statements_fts.c.rowid).where(statements_fts.c.statements_fts.match(query))
        return statements.c.pk.in_(found)
    return content_words(statements.c.content_text).bool_op("@@")(query_words(text))


@dataclass(frozen=True)
class StatementQuery:
    """Filters on stored statements; every one given must hold.

    ``text`` needs all its words, matched as words with English stemming; blank, it is unset.
    """

    speaker: str | None = None
    text: str | None = None
    since: date | None = None
    until: date | None = None
    kind: StatementKind | None = None
    future: bool | None = None
    due_before: date | None = None
    due_after: date | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class ClaimRow(StatementRow):
    """A forward-looking statement and whether its due date has passed."""

    status: Literal["pending", "due"]


_STATEMENT_COLUMNS = (
    articles.c.id.label("article_id"),
    articles.c.title.label("article_title"),
    articles.c.published,
    statements.c.local_id.label("statement_id"),
    statements.c.kind,
    func.coalesce(entities.c.name, statements.c.source_text).label("speaker"),
    statements.c.source_text,
    statements.c.cue_text.label("cue"),
    statements.c.content_text.label("content"),
    statements.c.said_on,
    statements.c.hedged,
    statements.c.negated,
    statements.c.future,
    statements.c.due,
)


def _filtered(q: StatementQuery, dialect: str) -> Select:
    query = select(*_STATEMENT_COLUMNS).select_from(
        statements.join(articles, statements.c.article_pk == articles.c.pk).outerjoin(
            entities, statements.c.source_entity_pk == entities.c.pk
        )
    )
    if q.speaker is not None:
        query = query.where(or_(_matches(entities.c.name, q.speaker), _matches(statements.c.source_text, q.speaker)))
    if q.text is not None and q.text.strip():
        query = query.where(_has_words(q.text, dialect))
    if q.since is not None:
        query = query.where(_when >= q.since)
    if q.until is not None:
        query = query.where(_when <= q.until)
    if q.kind is not None:
        query = query.where(statements.c.kind == q.kind)
    if q.future is not None:
        query = query.where(statements.c.future == q.future)
    if q.due_before is not None:
        query = query.where(statements.c.due < q.due_before)
    if q.due_after is not None:
        query = query.where(statements.c.due > q.due_after)
    return query.limit(q.limit).offset(q.offset or None)


def select_statements(conn: Connection, q: StatementQuery) -> list[StatementRow]:
    """Statements matching the query, oldest first."""
    query = _filtered(q, conn.dialect.name).order_by(_when.nulls_last(), articles.c.id, statements.c.seq)
    return [StatementRow(**row) for row in conn.execute(query).mappings()]


def count_statements(conn: Connection, q: StatementQuery) -> int:
    """How many statements match the query's filters, whatever its limit and offset."""
    query = _filtered(replace(q, limit=None, offset=0), conn.dialect.name).subquery()
    return conn.execute(select(func.count()).select_from(query)).scalar_one()


def claims_query(q: StatementQuery, today: date, overdue: bool = False) -> StatementQuery:
    """The filters of a claims listing: forward-looking, and past due as of ``today`` if ``overdue``."""
    return replace(q, future=True, due_before=today if overdue else q.due_before)


def select_claims(conn: Connection, q: StatementQuery, today: date, overdue: bool = False) -> list[ClaimRow]:
    """Forward-looking statements by due date (undated last); ``overdue`` keeps those past due."""
    query = _filtered(claims_query(q, today, overdue), conn.dialect.name)
    query = query.order_by(statements.c.due.nulls_last(), _when, articles.c.id, statements.c.seq)
    return [
        ClaimRow(**row, status="due" if row["due"] is not None and row["due"] < today else "pending")
        for row in conn.execute(query).mappings()
    ]


def select_said_by(conn: Connection, name: str) -> list[StatementRow]:
    """The statements whose speaker (see ``StatementRow``) is exactly ``name``, oldest first.

    Found through the indexes on entity names and on sources as written, not by scanning.
    """
    resolved = select(statements.c.pk).join(entities, statements.c.source_entity_pk == entities.c.pk)
    as_written = select(statements.c.pk).where(statements.c.source_entity_pk.is_(None))
    said = union_all(resolved.where(entities.c.name == name), as_written.where(statements.c.source_text == name))
    query = _filtered(StatementQuery(), conn.dialect.name).where(statements.c.pk.in_(said))
    query = query.order_by(_when.nulls_last(), articles.c.id, statements.c.seq)
    return [StatementRow(**row) for row in conn.execute(query).mappings()]


def select_speakers(
    conn: Connection, limit: int | None = None, offset: int = 0, name: str | None = None
) -> list[SpeakerRow]:
    """Speakers by number of statements, then by name; with ``name``, only those of that name."""
    query = select(speakers).order_by(speakers.c.statements.desc(), speakers.c.name, speakers.c.type)
    if name is not None:
        query = query.where(speakers.c.name == name)
    return [SpeakerRow(**row) for row in conn.execute(query.limit(limit).offset(offset or None)).mappings()]


def count_rows(conn: Connection) -> dict[str, int]:
    """How many articles, statements, entities, time expressions and speakers are stored."""
    tables = (articles, statements, entities, times, speakers)
    return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one() for table in tables}


@dataclass(frozen=True)
class ArticleRow:
    """One stored article for listing, with how many statements were found in it."""

    id: str
    title: str | None
    published: date | None
    url: str | None
    source: str | None
    statements: int


def select_articles(conn: Connection, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
    """Articles newest first (undated last), then by id."""
    query = (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.published,
            articles.c.url,
            articles.c.source,
            func.count(statements.c.pk).label("statements"),
        )
        .select_from(articles.outerjoin(statements, statements.c.article_pk == articles.c.pk))
        .group_by(articles.c.pk)
        .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
        .limit(limit)
        .offset(offset or None)
    )
    return [ArticleRow(**row) for row in conn.execute(query).mappings()]


def stored_id(conn: Connection, extraction: Extraction) -> str | None:
    """The id of the stored copy of this story (same URL or whitespace-normalised text), if any."""
    if extraction.url is None:
        return conn.execute(_SAME_TEXT, {"hash": extraction.content_hash}).scalar()
    return conn.execute(_SAME_TEXT_OR_URL, {"hash": extraction.content_hash, "url": extraction.url}).scalar()


def _first_stored(same: ColumnElement[bool]) -> Select:
    return select(articles.c.id).where(same).order_by(articles.c.pk).limit(1)


# Built once, as every article written asks them.
_SAME_TEXT = _first_stored(articles.c.content_hash == bindparam("hash"))
_SAME_TEXT_OR_URL = _first_stored(or_(articles.c.content_hash == bindparam("hash"), articles.c.url == bindparam("url")))
