"""A claim's matter: the entities its own words name, which a later story must name too to follow
it up. The column is added, then the claims and follow-ups of the stored articles are found anew
by the live code (``saidwhat.store.followups.rebuild``), for a store from 0004 as for one from
0006: the live code writes the tables of this revision, so no earlier one runs it.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from saidwhat.store.followups import rebuild  # the live code: see the docstring

    op.add_column("claims", sa.Column("matter", sa.JSON(), nullable=False, server_default="[]"))
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_column("claims", "matter")
