"""Where extractions are kept: SQLite by default, any SQLAlchemy URL (PostgreSQL) alike.

``database`` holds the ``Store``; ``schema`` and ``migrate`` the tables and their revisions;
``records`` writes and reads whole extractions; ``queries`` (with ``search``) the listings;
``actors`` and ``followups`` the corpus-wide identities and claims, ``claims`` reads the latter.
"""

from ..errors import StoreError
from .claims import ClaimDetail, ClaimRow, FollowUpRow
from .database import Store
from .queries import ArticleRow, SpeakerRow, StatementQuery, StatementRow

__all__ = [
    "ArticleRow", "ClaimDetail", "ClaimRow", "FollowUpRow", "SpeakerRow", "StatementQuery", "StatementRow",
    "Store", "StoreError",
]
