"""Word search in statement content: an FTS5 table on SQLite, a GIN tsvector index on PostgreSQL.

Both are built over the statements already stored. SQLite's table keeps no copy of the text
(``content='statements'``); triggers on ``statements`` update it in the writer's transaction, so
a rolled-back article leaves no entry and a deleted statement takes its entry with it.

Revision ID: 0002
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_ADD = "INSERT INTO statements_fts(rowid, content_text) VALUES (new.pk, new.content_text);"
_REMOVE = (
    "INSERT INTO statements_fts(statements_fts, rowid, content_text)"
    " VALUES ('delete', old.pk, old.content_text);"
)
_TRIGGERS = {
    "statements_fts_insert": ("INSERT", _ADD),
    "statements_fts_delete": ("DELETE", _REMOVE),
    "statements_fts_update": ("UPDATE OF pk, content_text", _REMOVE + _ADD),
}


def upgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        op.execute(
            "CREATE INDEX ix_statements_content_words ON statements USING gin (to_tsvector('english',"
            r" regexp_replace(normalize(content_text, NFKD), '[\u0300-\u036f]', '', 'g')))"
        )
        return
    op.execute(
        "CREATE VIRTUAL TABLE statements_fts USING fts5(content_text, content='statements',"
        " content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')"
    )
    for name, (event, action) in _TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON statements BEGIN {action} END")
    op.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        op.drop_index("ix_statements_content_words", "statements")
        return
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE statements_fts")
