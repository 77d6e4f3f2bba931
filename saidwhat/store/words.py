"""The store's words: how many articles hold each, their rarity, and the full-text index.

The counts (``term_counts``) grow by one article at a time, in the writer's transaction, so that
the rarity of a word is always that of the store as it stood when an article was added. Two
entries are not words: ``""`` counts the articles and ``"#"`` the words of them all, for BM25's
average length (a term never holds "#").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Row, Select, bindparam, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from ..claims.matching import idf
from .schema import articles, term_counts
from .search import article_words

RAREST = 12
"""How many of its rarest words a claim is found by."""
_ARTICLES = ""
_WORDS = "#"


def count_words(conn: Connection, words: Counter[str]) -> Rarity:
    """Add one article (the count of each of its words) to the store's counts, in a fixed order so
    that writers never deadlock; the counts as they now stand come back with the same statement."""
    added = {w: 1 for w in words} | {_ARTICLES: 1, _WORDS: sum(words.values())}
    counted = conn.execute(_count_upsert(conn.dialect.name), [{"term": w, "articles": added[w]} for w in sorted(added)])
    return Rarity(conn, dict(counted.all()))


@lru_cache(maxsize=2)
def _count_upsert(dialect: str) -> Any:
    """The statement that adds to the counts, for one kind of database, built once."""
    upsert = (postgresql if dialect == "postgresql" else sqlite).insert(term_counts)
    return upsert.on_conflict_do_update(
        index_elements=[term_counts.c.term], set_={"articles": term_counts.c.articles + upsert.excluded.articles}
    ).returning(term_counts.c.term, term_counts.c.articles)


# Statements run for every article are built once: building one costs more than running it.
_COUNTS = select(term_counts.c.term, term_counts.c.articles).where(
    term_counts.c.term.in_(bindparam("terms", expanding=True))
)
_FIRST_STORED = select(func.min(articles.c.pk)).where(
    articles.c.published.between(bindparam("first"), bindparam("last"))
)


def _stored_counts(conn: Connection, terms: Iterable[str]) -> dict[str, int]:
    """The stored count of each of these ``term_counts`` entries, 0 for one never seen."""
    wanted = set(terms)
    return dict.fromkeys(wanted, 0) | dict(conn.execute(_COUNTS, {"terms": sorted(wanted)}).all())


COMMON = 0.02
"""A word in more than this share of the stored articles (and more than ``COMMON_FLOOR`` of them)
is too common to find a claim by."""
COMMON_FLOOR = 50
VERY_RARE = 0.001
"""A word in at most this share of the stored articles (or in two of them) names the matter on
its own, as a company's or a person's name does: one such word shared finds a claim."""
TOPICAL = 0.005
"""A word of a headline in at most this share of the stored articles, written in lower case in its
story, names its topic."""


class Rarity:
    """How many stored articles hold each word: those of an article as it is stored come back from
    counting them (nothing else writes the counts in its transaction), another word is read when
    first asked for."""

    def __init__(self, conn: Connection, counts: dict[str, int]) -> None:
        self._conn = conn
        self._counts = counts

    def _count(self, words: set[str]) -> dict[str, int]:
        """Each word's count, in alphabetical order: a claim's words are summed in this order, and
        a sum of floats in the order of a set (which changes with every process) could differ in
        its last digit between an ingest and a rebuild, and tip a tie or a threshold."""
        missing = words - self._counts.keys()
        if missing:
            self._counts |= _stored_counts(self._conn, missing)
        return {w: self._counts[w] for w in sorted(words)}

    @property
    def average_length(self) -> float:
        """The mean number of words of the stored articles."""
        return self._counts[_WORDS] / max(self._counts[_ARTICLES], 1)

    def weights(self, words: Iterable[str]) -> dict[str, float]:
        """Each word's inverse document frequency in the store as it stands."""
        corpus = max(self._counts[_ARTICLES], 1)
        return {w: idf(n or 1, corpus) for w, n in self._count(set(words)).items()}

    def distinctive(self, words: Iterable[str]) -> set[str]:
        """The words that are not common in the store (see ``COMMON``)."""
        return self._at_most(words, max(COMMON * self._counts[_ARTICLES], COMMON_FLOOR))

    def very_rare(self, words: Iterable[str]) -> set[str]:
        """The words that are very rare in the store (see ``VERY_RARE``)."""
        return self._at_most(words, max(VERY_RARE * self._counts[_ARTICLES], 2))

    def topical(self, words: Iterable[str]) -> set[str]:
        """The words rare enough (``TOPICAL``) to name a headline's topic."""
        return self._at_most(words, max(TOPICAL * self._counts[_ARTICLES], 2))

    def _at_most(self, words: Iterable[str], limit: float) -> set[str]:
        return {w for w, n in self._count(set(words)).items() if n <= limit}


def rarest(weights: dict[str, float], count: int = RAREST) -> list[str]:
    """The ``count`` words of highest weight (ties in alphabetical order)."""
    return sorted(weights, key=lambda w: (-weights[w], w))[:count]


def stored_between(conn: Connection, first: date, last: date) -> int | None:
    """The lowest key of the articles published from ``first`` to ``last``: with an upper key, it
    bounds a search to the stories of a time window (see ``search_articles``)."""
    return conn.execute(_FIRST_STORED, {"first": first, "last": last}).scalar()


PREFIX = 6
"""A stem this long is searched as a prefix, as the index's own stemmer may cut it further
("increas" is indexed "increa"); a shorter one is searched whole, since as a prefix it would
match many unrelated words ("par" in "parliament") and cost the most."""


def _searched(stem: str, written: str, prefix: str) -> str:
    """``stem`` as the index's query language writes it (``written``), a prefix if long enough."""
    return written + prefix if len(stem) >= PREFIX else written


def search_articles(
    conn: Connection, words: set[str], keys: tuple[int, int], published: tuple[date, date], limit: int
) -> Sequence[Row[Any]]:
    """The first ``limit`` articles (key, text, title, date) holding any of ``words`` (stems), best
    BM25 first, from the full-text index, published from ``published[0]`` to ``published[1]``, with
    keys from ``keys[0]`` up to, not including, ``keys[1]``: SQLite's index reads only those rows,
    so that a search within a time window costs what the window holds, not what the store does."""
    postgresql = conn.dialect.name == "postgresql"
    prefix, written = (":*", "{}") if postgresql else ("*", '"{}"')
    match = (" | " if postgresql else " OR ").join(_searched(w, written.format(w), prefix) for w in sorted(words))
    low, high = keys
    first, last = published
    found = {"match": match, "low": low, "high": high, "first": first, "last": last, "limit": limit}
    return conn.execute(_search(postgresql), found).all()


@lru_cache(maxsize=2)
def _search(postgresql: bool) -> Select[Any]:
    """The search statement of ``search_articles`` for one kind of database, built once."""
    columns = articles.c.pk, articles.c.text, articles.c.title, articles.c.published
    if postgresql:
        query = func.to_tsquery("english", bindparam("match"))
        vector = article_words(articles.c.text)
        matching = select(*columns).where(
            vector.op("@@")(query), articles.c.pk >= bindparam("low"), articles.c.pk < bindparam("high")
        ).order_by(func.ts_rank_cd(vector, query).desc(), articles.c.pk)
    else:
        matching = (
            select(*columns)
            .select_from(articles.join(text("articles_fts"), text("articles_fts.rowid = articles.pk")))
            .where(text("articles_fts MATCH :match AND articles_fts.rowid >= :low AND articles_fts.rowid < :high"))
            .order_by(text("bm25(articles_fts)"), articles.c.pk)
        )
    return matching.where(articles.c.published.between(bindparam("first"), bindparam("last"))).limit(
        bindparam("limit")
    )
