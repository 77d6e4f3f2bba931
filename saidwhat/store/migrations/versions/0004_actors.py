"""Actors: one identity per person, organisation or place across the corpus, with aliases, look-up
keys, roles, curators' decisions and running totals, and each entity linked to its actor. They
replace the speaker totals of 0003, keyed by raw name.

The tables are a snapshot; linking the entities already stored is not. It runs the live linker
(``saidwhat.store.curation.rebuild``), the same code that ``saidwhat actors rebuild`` runs, so that
an upgraded store and a re-ingested one agree.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _actor_fk(primary_key: bool = False) -> sa.Column:
    return sa.Column(
        "actor_pk",
        sa.Integer,
        sa.ForeignKey("actors.pk", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("wikidata", sa.String),
        sa.Column("pinned", sa.Boolean, nullable=False),
        sa.Column("renamed", sa.Boolean, nullable=False),
        sa.Column("statements", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("first", sa.Date),
        sa.Column("last", sa.Date),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "actor_aliases",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        _actor_fk(),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.UniqueConstraint("actor_pk", "alias", "type"),
    )
    op.create_table(
        "actor_keys",
        sa.Column("key", sa.Text, primary_key=True),
        _actor_fk(primary_key=True),
    )
    op.create_table(
        "actor_roles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        _actor_fk(),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.UniqueConstraint("actor_pk", "role"),
    )
    op.create_table(
        "actor_decisions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in ("actor_aliases", "actor_keys", "actor_roles"):
        op.create_index(f"ix_{table}_actor_pk", table, ["actor_pk"])
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_index("ix_actors_order", "actors", [sa.text("statements DESC"), "name", "id"])
    # Not a batch (copy and drop) on SQLite: dropping entities would null every statement's
    # source and delete every mention through their foreign keys. SQLite can add a column with
    # a reference as long as it defaults to NULL.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE entities ADD COLUMN actor_pk INTEGER REFERENCES actors (pk) ON DELETE SET NULL")
    else:
        op.add_column("entities", sa.Column("actor_pk", sa.Integer))
        op.create_foreign_key(None, "entities", "actors", ["actor_pk"], ["pk"], ondelete="SET NULL")
    op.create_index("ix_entities_actor_pk", "entities", ["actor_pk"])
    op.drop_index("ix_speakers_order", "speakers")
    op.drop_table("speakers")

    from saidwhat.store.curation import rebuild  # the live linker: see the docstring

    rebuild(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("actors cannot be turned back into speaker totals; restore a backup")
