"""A claim's matter: the entities its own words name, which a later story must name too to follow
it up. The column is added; the stored entities are linked to actors anew (``saidwhat.store.
curation.rebuild``: a part no longer goes by its whole's first word, a product no longer names
its maker); then the claims and follow-ups of the stored articles are found anew
(``saidwhat.store.followups.rebuild``). Both are the live code, for a store from 0004 as for one
from 0006: the live code writes the tables of this revision, so no earlier one runs it.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from saidwhat.store.curation import rebuild as relink  # the live code: see the docstring
    from saidwhat.store.followups import rebuild

    op.add_column("claims", sa.Column("matter", sa.JSON(), nullable=False, server_default="[]"))
    relink(op.get_bind())
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_column("claims", "matter")
