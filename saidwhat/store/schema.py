"""The database schema, in portable SQLAlchemy Core types so SQLite and PostgreSQL share it.

Each extracted record belongs to one article and is deleted with it. Local ids ("e1", "s1") are
unique only within their article, so rows carry a surrogate key plus a ``seq`` column that keeps
the order the records had in the Extraction.

Statement content is indexed for word search (see ``search.py``): on PostgreSQL by the GIN index
below, on SQLite by an FTS5 table that, being no ordinary table, only migration 0002 creates.
"""

from __future__ import annotations

from typing import get_args

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from ..model import StatementKind, TimexType
from .search import article_words, content_words

metadata = MetaData()


def _pk() -> Column[int]:
    return Column("pk", Integer, primary_key=True, autoincrement=True)


def _article_fk() -> Column[int]:
    return Column(
        "article_pk", ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True
    )


def _choice(name: str, literal: object) -> Enum:
    """A string column restricted by a CHECK constraint rather than a native enum type."""
    return Enum(*get_args(literal), name=name, native_enum=False, create_constraint=True)


articles = Table(
    "articles",
    metadata,
    _pk(),
    # The external id; a clash with different content gets a suffix (see records.unique_id).
    Column("id", String, nullable=False, unique=True),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("url", Text, unique=True),
    Column("source", Text),
    Column("author", Text),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    _pk(),
    _article_fk(),
    Column("seq", Integer, nullable=False),
    Column("local_id", String, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("type", String, nullable=False),
    Column("roles", JSON, nullable=False),
    Column("actor_pk", ForeignKey("actors.pk", ondelete="SET NULL"), index=True),
    UniqueConstraint("article_pk", "local_id"),
)

mentions = Table(
    "mentions",
    metadata,
    _pk(),
    Column(
        "entity_pk", ForeignKey("entities.pk", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("seq", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

statements = Table(
    "statements",
    metadata,
    _pk(),
    _article_fk(),
    Column("seq", Integer, nullable=False),
    Column("local_id", String, nullable=False),
    Column("kind", _choice("statement_kind", StatementKind), nullable=False),
    # A statement without a source has NULL source_text and source_spans.
    Column("source_text", Text),
    Column("source_spans", JSON),
    Column("source_entity_pk", ForeignKey("entities.pk", ondelete="SET NULL"), index=True),
    Column("cue_text", Text, nullable=False),
    Column("cue_spans", JSON, nullable=False),
    Column("content_text", Text, nullable=False),
    Column("content_spans", JSON, nullable=False),
    Column("via", String),
    Column("said_on", Date, index=True),
    Column("hedged", Boolean, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("future", Boolean, nullable=False),
    Column("due", Date, index=True),
    UniqueConstraint("article_pk", "local_id"),
)

times = Table(
    "times",
    metadata,
    _pk(),
    _article_fk(),
    Column("seq", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", _choice("timex_type", TimexType), nullable=False),
    Column("value", String, nullable=False),
    Column("mod", String),
)

# Actors: one identity per person, organisation or place across the corpus (see ``actors.py``).
# ``id`` is what users and exports see: "a" and the row's key, or an authority file's own id.
# The totals are kept as each article is stored, so listing speakers reads one row per actor.
actors = Table(
    "actors",
    metadata,
    _pk(),
    Column("id", String, nullable=False, unique=True),
    Column("name", Text, nullable=False, index=True),
    Column("type", String, nullable=False),
    Column("wikidata", String),
    Column("pinned", Boolean, nullable=False),  # curated: rules never fold it into another
    Column("renamed", Boolean, nullable=False),  # its name was given, not voted
    Column("statements", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("first", Date),
    Column("last", Date),
    sqlite_autoincrement=True,  # an id merged away is never given to another actor
)


def _actor_fk() -> Column[int]:
    return Column("actor_pk", ForeignKey("actors.pk", ondelete="CASCADE"), nullable=False, index=True)


actor_aliases = Table(
    "actor_aliases",
    metadata,
    _pk(),
    _actor_fk(),
    Column("alias", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("count", Integer, nullable=False),
    UniqueConstraint("actor_pk", "alias", "type"),
)

# Every alias filed under the look-up keys of ``saidwhat.actors.names``, as "kind:key".
actor_keys = Table(
    "actor_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("actor_pk", ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True, index=True),
)

actor_roles = Table(
    "actor_roles",
    metadata,
    _pk(),
    _actor_fk(),
    Column("role", Text, nullable=False),
    Column("count", Integer, nullable=False),
    UniqueConstraint("actor_pk", "role"),
)

# What curators decided (merge, split, rename, authority rows), replayed by a rebuild.
actor_decisions = Table(
    "actor_decisions",
    metadata,
    _pk(),
    Column("action", String, nullable=False),
    Column("detail", JSON, nullable=False),
    Column("made_at", DateTime(timezone=True), nullable=False),
)

# Claims: forward-looking statements followed through later stories (see ``followups.py``). One
# claim gathers the copies of a statement in duplicate or rewritten stories (its sources).
claims = Table(
    "claims",
    metadata,
    # Its key is that of its first source statement, so that its id ("c" and the key) survives rebuilds.
    Column("pk", ForeignKey("statements.pk", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    Column("said_on", Date, index=True),
    Column("due", Date),
    Column("entities", JSON, nullable=False),  # the keys of its speaker's entity and of those named in its content
    Column("matter", JSON, nullable=False),  # the keys of the entities its own words name: a follow-up names them all
    Column("nations", JSON, nullable=False),  # the countries its words name by a nationality: a follow-up names them
    Column("terms", JSON, nullable=False),  # its content words, each with its weight when stored
    Column("relation", String),  # the latest follow-up's, if any
    Column("reported", Date),  # the latest follow-up's publication date
)

claim_sources = Table(
    "claim_sources",
    metadata,
    Column("statement_pk", ForeignKey("statements.pk", ondelete="CASCADE"), primary_key=True),
    Column("claim_pk", ForeignKey("claims.pk", ondelete="CASCADE"), nullable=False, index=True),
)

# The index from a word to the claims holding it, for the words rare enough to find them by.
claim_terms = Table(
    "claim_terms",
    metadata,
    Column("term", Text, primary_key=True),
    Column("claim_pk", ForeignKey("claims.pk", ondelete="CASCADE"), primary_key=True, index=True),
)

followups = Table(
    "followups",
    metadata,
    _pk(),
    Column("claim_pk", ForeignKey("claims.pk", ondelete="CASCADE"), nullable=False, index=True),
    _article_fk(),
    Column("statement_pk", ForeignKey("statements.pk", ondelete="SET NULL")),
    Column("relation", String, nullable=False),
    Column("score", Float, nullable=False),
    Column("start", Integer, nullable=False),  # the evidence sentence in the later article's text
    Column("end", Integer, nullable=False),
    UniqueConstraint("claim_pk", "article_pk"),
)

# Story threads: each article's story, named by the key of the story's first article stored.
article_stories = Table(
    "article_stories",
    metadata,
    Column("article_pk", ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("story_pk", Integer, nullable=False, index=True),
)

# In how many articles each word occurs; the empty word counts the articles themselves.
term_counts = Table(
    "term_counts",
    metadata,
    Column("term", Text, primary_key=True),
    Column("articles", Integer, nullable=False),
)

Index("ix_statements_source_text", statements.c.source_text)
Index("ix_actors_order", actors.c.statements.desc(), actors.c.name, actors.c.id)
Index(
    "ix_articles_words", article_words(articles.c.text), postgresql_using="gin"
).ddl_if(dialect="postgresql")
Index(
    "ix_statements_content_words", content_words(statements.c.content_text), postgresql_using="gin"
).ddl_if(dialect="postgresql")
