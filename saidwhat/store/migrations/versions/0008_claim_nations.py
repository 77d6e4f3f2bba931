"""A claim's nations: the countries its words name by a nationality ("Soviet tankers"), which a
later story must name too to follow it up. The column is added; the stored entities are linked
to actors anew (``saidwhat.store.curation.rebuild``) and the claims and follow-ups of the stored
articles found anew (``saidwhat.store.followups.rebuild``). Both are the live code, which writes
the tables of this revision: an earlier revision runs neither.

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from saidwhat.store.curation import rebuild as relink  # the live code: see the docstring
    from saidwhat.store.followups import rebuild

    op.add_column("claims", sa.Column("nations", sa.JSON(), nullable=False, server_default="[]"))
    relink(op.get_bind())
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_column("claims", "nations")
