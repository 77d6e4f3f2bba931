"""Follow-ups scored by the whole later story: the word counts now also hold the total number of
words (BM25's average length) and a claim's words include the sentence that reports it. The claims
and follow-ups of a store from 0005 are recomputed by 0007, after the last change to their tables:
the live code that recomputes them writes the tables of the head revision.

Revision ID: 0006
"""

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to do here: 0007 recomputes (see the module)."""


def downgrade() -> None:
    """Nothing to undo: the tables are those of 0005."""
