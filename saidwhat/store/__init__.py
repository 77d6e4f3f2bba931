"""Where extractions are kept: SQLite by default, any SQLAlchemy URL (PostgreSQL) alike.

``database`` holds the ``Store``; ``schema`` and ``migrate`` the tables and their revisions;
``records`` writes and reads whole extractions; ``queries`` (with ``search``) the listings.
"""

from ..errors import StoreError
from .database import Store
from .queries import ArticleRow, ClaimRow, SpeakerRow, StatementQuery, StatementRow

__all__ = ["ArticleRow", "ClaimRow", "SpeakerRow", "StatementQuery", "StatementRow", "Store", "StoreError"]
