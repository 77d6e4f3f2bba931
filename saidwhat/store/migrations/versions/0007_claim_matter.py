"""A claim's matter: the entities its own words name, which a later story must name too to follow
it up. The column is added. The entities are linked anew (a part no longer goes by its whole's
first word, a product no longer names its maker) and the claims found anew by 0008, which runs
the live code on the tables it writes.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("matter", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    op.drop_column("claims", "matter")
