"""Speaker totals: one row per speaker (an entity's name and type with a statement attributed
to it) with its statement and article counts and first and last dates, which ``speakers.py``
keeps up to date as articles are stored. Filled here from the statements already stored.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FILL = """
INSERT INTO speakers (name, type, statements, articles, first, last)
SELECT entities.name, entities.type, count(*), count(DISTINCT articles.pk),
       min(coalesce(statements.said_on, articles.published)),
       max(coalesce(statements.said_on, articles.published))
FROM statements
JOIN entities ON statements.source_entity_pk = entities.pk
JOIN articles ON statements.article_pk = articles.pk
GROUP BY entities.name, entities.type
"""


def upgrade() -> None:
    op.create_table(
        "speakers",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("type", sa.String, primary_key=True),
        sa.Column("statements", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("first", sa.Date),
        sa.Column("last", sa.Date),
    )
    op.create_index("ix_speakers_order", "speakers", [sa.text("statements DESC"), "name", "type"])
    op.execute(_FILL)


def downgrade() -> None:
    op.drop_index("ix_speakers_order", "speakers")
    op.drop_table("speakers")
