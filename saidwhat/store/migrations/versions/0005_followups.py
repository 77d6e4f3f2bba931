"""Claims, their follow-ups and story threads: claims gathering the copies of a forward-looking
statement, the index of their rare words, the follow-ups found in later stories, each article's
story, the word counts, and a full-text index over article text (FTS5 on SQLite, a GIN tsvector
index on PostgreSQL) through which new articles find the ones already stored.

The claims of the articles already stored are found by 0007, which runs the live code
(``saidwhat.store.followups.rebuild``) once the claim tables are those it writes, so that an
upgraded store and a re-ingested one agree.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_ADD = "INSERT INTO articles_fts(rowid, text) VALUES (new.pk, new.text);"
_REMOVE = "INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.pk, old.text);"
_TRIGGERS = {
    "articles_fts_insert": ("INSERT", _ADD),
    "articles_fts_delete": ("DELETE", _REMOVE),
    "articles_fts_update": ("UPDATE OF pk, text", _REMOVE + _ADD),
}


def _fk(
    name: str, table: str, ondelete: str = "CASCADE", *, nullable: bool = True, primary_key: bool = False
) -> sa.Column:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey(f"{table}.pk", ondelete=ondelete),
        nullable=nullable and not primary_key, primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer, sa.ForeignKey("statements.pk", ondelete="CASCADE"), primary_key=True,
                  autoincrement=False),
        sa.Column("said_on", sa.Date),
        sa.Column("due", sa.Date),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.Column("terms", sa.JSON, nullable=False),
        sa.Column("relation", sa.String),
        sa.Column("reported", sa.Date),
    )
    op.create_index("ix_claims_said_on", "claims", ["said_on"])
    op.create_table(
        "claim_sources",
        _fk("statement_pk", "statements", primary_key=True),
        _fk("claim_pk", "claims", nullable=False),
    )
    op.create_index("ix_claim_sources_claim_pk", "claim_sources", ["claim_pk"])
    op.create_table(
        "claim_terms",
        sa.Column("term", sa.Text, primary_key=True),
        _fk("claim_pk", "claims", primary_key=True),
    )
    op.create_index("ix_claim_terms_claim_pk", "claim_terms", ["claim_pk"])
    op.create_table(
        "followups",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        _fk("claim_pk", "claims", nullable=False),
        _fk("article_pk", "articles", nullable=False),
        _fk("statement_pk", "statements", ondelete="SET NULL"),
        sa.Column("relation", sa.String, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.UniqueConstraint("claim_pk", "article_pk"),
    )
    op.create_index("ix_followups_claim_pk", "followups", ["claim_pk"])
    op.create_index("ix_followups_article_pk", "followups", ["article_pk"])
    op.create_table(
        "article_stories",
        _fk("article_pk", "articles", primary_key=True),
        sa.Column("story_pk", sa.Integer, nullable=False),
    )
    op.create_index("ix_article_stories_story_pk", "article_stories", ["story_pk"])
    op.create_table(
        "term_counts",
        sa.Column("term", sa.Text, primary_key=True),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    if op.get_context().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(text, content='articles', content_rowid='pk',"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        for name, (event, action) in _TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON articles BEGIN {action} END")
        op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    else:
        op.execute("CREATE INDEX ix_articles_words ON articles USING gin (to_tsvector('english', text))")


def downgrade() -> None:
    raise NotImplementedError("restore a backup to go back before claims were followed")
