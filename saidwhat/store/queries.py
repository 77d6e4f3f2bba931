"""Read-side queries: statements by speaker, words and date, and who speaks most (from the
actors' totals that ``actors.py`` keeps).

Every user-supplied value reaches the database as a bound parameter, never as SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, FromClause, Select, bindparam, false, func, or_, select

from ..model import Extraction, StatementKind
from .schema import actor_aliases, actor_roles, actors, article_stories, articles, entities, statements, times
from .search import content_words, fts5_query, query_words, statements_fts

# A statement's date: when it was said, else when its article was published.
when = func.coalesce(statements.c.said_on, articles.c.published)


@dataclass(frozen=True)
class StatementRow:
    """One statement flattened for listing; ``speaker`` is the resolved name, else as written."""

    article_id: str
    article_title: str | None
    published: date | None
    statement_id: str
    kind: StatementKind
    speaker: str | None
    actor: str | None
    source_text: str | None
    cue: str
    content: str
    said_on: date | None
    hedged: bool
    negated: bool
    future: bool
    due: date | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "speaker", one_line(self.speaker))


def one_line(speaker: str | None) -> str | None:
    """A speaker as listed: a source as written may be broken over lines ("the\nspokesman")."""
    return speaker and " ".join(speaker.split())


@dataclass(frozen=True)
class SpeakerRow:
    """An actor: one person, organisation or place across the corpus, with the statements
    attributed to it and the articles that mention it, first and last seen."""

    id: str
    name: str
    type: str
    statements: int
    articles: int
    first: date | None
    last: date | None
    wikidata: str | None = None


@dataclass(frozen=True)
class ActorDetail:
    """One actor with the names it is written under and the roles it was given, most frequent first."""

    actor: SpeakerRow
    aliases: list[tuple[str, int]]
    roles: list[tuple[str, int]]


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


_STATEMENT_COLUMNS = (
    articles.c.id.label("article_id"),
    articles.c.title.label("article_title"),
    articles.c.published,
    statements.c.local_id.label("statement_id"),
    statements.c.kind,
    func.coalesce(actors.c.name, entities.c.name, statements.c.source_text).label("speaker"),
    actors.c.id.label("actor"),
    statements.c.source_text,
    statements.c.cue_text.label("cue"),
    statements.c.content_text.label("content"),
    statements.c.said_on,
    statements.c.hedged,
    statements.c.negated,
    statements.c.future,
    statements.c.due,
)


def filtered(q: StatementQuery, dialect: str) -> Select:
    """Statements with their article and speaker, narrowed by ``q``'s filters, in no order."""
    query = select(*_STATEMENT_COLUMNS).select_from(
        statements.join(articles, statements.c.article_pk == articles.c.pk)
        .outerjoin(entities, statements.c.source_entity_pk == entities.c.pk)
        .outerjoin(actors, entities.c.actor_pk == actors.c.pk)
    )
    if q.speaker is not None:
        query = query.where(_spoken_by(q.speaker))
    if q.text is not None and q.text.strip():
        query = query.where(_has_words(q.text, dialect))
    if q.since is not None:
        query = query.where(when >= q.since)
    if q.until is not None:
        query = query.where(when <= q.until)
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
    query = filtered(q, conn.dialect.name).order_by(when.nulls_last(), articles.c.id, statements.c.seq)
    return [StatementRow(**row) for row in conn.execute(query).mappings()]


def count_statements(conn: Connection, q: StatementQuery) -> int:
    """How many statements match the query's filters, whatever its limit and offset."""
    query = filtered(replace(q, limit=None, offset=0), conn.dialect.name).subquery()
    return conn.execute(select(func.count()).select_from(query)).scalar_one()


def _is_actor(actor_id: str) -> ColumnElement[bool]:
    """The actor with this id; a NUL, which PostgreSQL refuses in text, is no actor's."""
    return false() if "\x00" in actor_id else actors.c.id == actor_id


def _spoken_by(needle: str) -> ColumnElement[bool]:
    """The speaker is the actor with this id, or has a name or alias containing ``needle``, or,
    unresolved, is written so."""
    named = select(actor_aliases.c.actor_pk).where(_matches(actor_aliases.c.alias, needle))
    return or_(
        _is_actor(needle),
        actors.c.pk.in_(named),
        _matches(actors.c.name, needle),
        _matches(statements.c.source_text, needle),
    )


def select_said_by(conn: Connection, actor_id: str) -> list[StatementRow]:
    """The statements of one actor, oldest first, through the index on entities' actors."""
    said = (
        select(statements.c.pk)
        .join(entities, statements.c.source_entity_pk == entities.c.pk)
        .join(actors, entities.c.actor_pk == actors.c.pk)
        .where(_is_actor(actor_id))
    )
    query = filtered(StatementQuery(), conn.dialect.name).where(statements.c.pk.in_(said))
    query = query.order_by(when.nulls_last(), articles.c.id, statements.c.seq)
    return [StatementRow(**row) for row in conn.execute(query).mappings()]


_SPEAKER_COLUMNS = (
    actors.c.id, actors.c.name, actors.c.type, actors.c.statements, actors.c.articles,
    actors.c.first, actors.c.last, actors.c.wikidata,
)


def select_speakers(
    conn: Connection, limit: int | None = None, offset: int = 0, search: str | None = None, speaking: bool = True
) -> list[SpeakerRow]:
    """Actors by number of statements, then by name; only those who speak unless ``speaking`` is
    False; with ``search``, those whose name or an alias contains it (or whose id it is)."""
    query = select(*_SPEAKER_COLUMNS).order_by(actors.c.statements.desc(), actors.c.name, actors.c.id)
    if speaking:
        query = query.where(actors.c.statements > 0)
    if search is not None:
        named = select(actor_aliases.c.actor_pk).where(_matches(actor_aliases.c.alias, search))
        query = query.where(or_(_is_actor(search), actors.c.pk.in_(named), _matches(actors.c.name, search)))
    return [SpeakerRow(**row) for row in conn.execute(query.limit(limit).offset(offset or None)).mappings()]


def select_actor(conn: Connection, actor_id: str) -> ActorDetail | None:
    """One actor with its aliases and roles, or None if no actor has this id."""
    row = conn.execute(select(actors.c.pk, *_SPEAKER_COLUMNS).where(_is_actor(actor_id))).mappings().first()
    if row is None:
        return None
    aliases = conn.execute(
        select(actor_aliases.c.alias, func.sum(actor_aliases.c["count"]))
        .where(actor_aliases.c.actor_pk == row["pk"]).group_by(actor_aliases.c.alias)
        .order_by(func.sum(actor_aliases.c["count"]).desc(), actor_aliases.c.alias)
    ).all()
    roles = conn.execute(
        select(actor_roles.c.role, actor_roles.c["count"]).where(actor_roles.c.actor_pk == row["pk"])
        .order_by(actor_roles.c["count"].desc(), actor_roles.c.role)
    ).all()
    return ActorDetail(
        SpeakerRow(**{k: v for k, v in row.items() if k != "pk"}),
        [(a, int(n)) for a, n in aliases],
        [(r, n) for r, n in roles],
    )


def select_actor_ids(conn: Connection, article_id: str) -> dict[str, str]:
    """Entity local id to actor id, for the linked entities of one article."""
    query = (
        select(entities.c.local_id, actors.c.id)
        .join(actors, entities.c.actor_pk == actors.c.pk)
        .join(articles, entities.c.article_pk == articles.c.pk)
        .where(articles.c.id == article_id)
    )
    return {local: actor for local, actor in conn.execute(query)}


def count_speakers(conn: Connection, search: str | None = None) -> int:
    """How many actors ``select_speakers`` would list without limit and offset."""
    query = select(actors.c.pk).where(actors.c.statements > 0)
    if search is not None:
        named = select(actor_aliases.c.actor_pk).where(_matches(actor_aliases.c.alias, search))
        query = query.where(or_(_is_actor(search), actors.c.pk.in_(named), _matches(actors.c.name, search)))
    return conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()


def count_rows(conn: Connection) -> dict[str, int]:
    """How many articles, statements, entities, time expressions and speakers are stored."""
    tables = (articles, statements, entities, times, actors)
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
    """Articles newest first (undated last), then by id.

    The page is chosen first and only its articles' statements are counted, each through the
    index on ``statements.article_pk``: grouping every statement to show 50 articles took most
    of the home page's time on a large store.
    """
    fields = (articles.c.pk, articles.c.id, articles.c.title, articles.c.published, articles.c.url, articles.c.source)
    page = (
        select(*fields).order_by(*_newest_first(articles)).limit(limit).offset(offset or None).subquery()
    )
    said = select(func.count()).where(statements.c.article_pk == page.c.pk).scalar_subquery()
    query = select(*(page.c[f.name] for f in fields[1:]), said.label("statements")).order_by(*_newest_first(page))
    return [ArticleRow(**row) for row in conn.execute(query).mappings()]


def select_story(conn: Connection, article_id: str) -> list[ArticleRow]:
    """The other articles of this article's story thread (see ``stories.py``), oldest first."""
    story = (
        select(article_stories.c.story_pk)
        .join(articles, articles.c.pk == article_stories.c.article_pk)
        .where(articles.c.id == article_id)
        .scalar_subquery()
    )
    said = select(func.count()).where(statements.c.article_pk == articles.c.pk).scalar_subquery()
    query = (
        select(articles.c.id, articles.c.title, articles.c.published, articles.c.url, articles.c.source,
               said.label("statements"))
        .join(article_stories, article_stories.c.article_pk == articles.c.pk)
        .where(article_stories.c.story_pk == story, articles.c.id != article_id)
        .order_by(articles.c.published.nulls_last(), articles.c.id)
    )
    return [ArticleRow(**row) for row in conn.execute(query).mappings()]


def _newest_first(table: FromClause) -> tuple[ColumnElement[Any], ...]:
    """Newest first, undated last, then by id: the order of the article listing."""
    return (table.c.published.desc().nulls_last(), table.c.id)


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
