"""Follow-ups scored by the whole later story: the word counts now also hold the total number of
words (BM25's average length) and a claim's words include the sentence that reports it, so the
claims and follow-ups of a store from 0005 are recomputed by the live code
(``saidwhat.store.followups.rebuild``), as 0005 did.

Revision ID: 0006
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from saidwhat.store.followups import rebuild  # the live code: see the docstring

    rebuild(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the tables are those of 0005."""
