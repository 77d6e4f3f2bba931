"""The first schema: articles and, per article, entities with their mentions, statements, times.

A snapshot, not an import of ``schema.py``: later changes to the schema come as new revisions.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk() -> sa.Column:
    return sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False)


def _choice(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("url", sa.Text, unique=True),
        sa.Column("source", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("local_id", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.UniqueConstraint("article_pk", "local_id"),
    )
    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_pk", sa.Integer, sa.ForeignKey("entities.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("local_id", sa.String, nullable=False),
        sa.Column("kind", _choice("statement_kind", "direct", "indirect", "mixed"), nullable=False),
        sa.Column("source_text", sa.Text),
        sa.Column("source_spans", sa.JSON),
        sa.Column("source_entity_pk", sa.Integer, sa.ForeignKey("entities.pk", ondelete="SET NULL")),
        sa.Column("cue_text", sa.Text, nullable=False),
        sa.Column("cue_spans", sa.JSON, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("content_spans", sa.JSON, nullable=False),
        sa.Column("via", sa.String),
        sa.Column("said_on", sa.Date),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("future", sa.Boolean, nullable=False),
        sa.Column("due", sa.Date),
        sa.UniqueConstraint("article_pk", "local_id"),
    )
    op.create_table(
        "times",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", _choice("timex_type", "DATE", "TIME", "DURATION", "SET"), nullable=False),
        sa.Column("value", sa.String, nullable=False),
        sa.Column("mod", sa.String),
    )
    for table, column in [
        ("articles", "published"),
        ("entities", "article_pk"),
        ("entities", "name"),
        ("mentions", "entity_pk"),
        ("statements", "article_pk"),
        ("statements", "source_entity_pk"),
        ("statements", "said_on"),
        ("statements", "due"),
        ("statements", "source_text"),
        ("times", "article_pk"),
    ]:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table in ("times", "statements", "mentions", "entities", "articles"):
        op.drop_table(table)
