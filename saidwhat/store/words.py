"""The store's words: how many articles hold each, their rarity, and the full-text index.

The counts (``term_counts``) grow by one article at a time, in the writer's transaction, so that
the rarity of a word is always that of the store as it stood when an article was added. Two
entries are not words: ``""`` counts the articles and ``"#"`` the words of them all, for BM25's
average length (a term never holds "#").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from ..claims.matching import idf
from .schema import articles, term_counts
from .search import article_words

RAREST = 12
"""How many of its rarest words a claim is found by."""
_ARTICLES = ""
_WORDS = "#"


def count_words(conn: Connection, words: Counter[str]) -> None:
    """Add one article (the count of each of its words) to the store's counts, in a fixed order so
    that writers never deadlock."""
    added = {w: 1 for w in words} | {_ARTICLES: 1, _WORDS: sum(words.values())}
    upsert = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(term_counts)
    conn.execute(
        upsert.on_conflict_do_update(
            index_elements=[term_counts.c.term], set_={"articles": term_counts.c.articles + upsert.excluded.articles}
        ),
        [{"term": w, "articles": added[w]} for w in sorted(added)],
    )


def _stored_counts(conn: Connection, terms: Iterable[str]) -> dict[str, int]:
    """The stored count of each of these ``term_counts`` entries that has one."""
    query = select(term_counts.c.term, term_counts.c.articles).where(term_counts.c.term.in_(set(terms)))
    return dict(conn.execute(query).all())


def average_length(conn: Connection) -> float:
    """The mean number of words of the stored articles."""
    counts = _stored_counts(conn, [_ARTICLES, _WORDS])
    return counts.get(_WORDS, 0) / max(counts.get(_ARTICLES, 1), 1)


def weights(conn: Connection, words: Iterable[str]) -> dict[str, float]:
    """Each word's inverse document frequency in the store as it stands."""
    words = set(words)
    counts = _stored_counts(conn, words | {_ARTICLES})
    corpus = counts.get(_ARTICLES, 1)
    return {w: idf(counts.get(w, 1), corpus) for w in words}


COMMON = 0.02
"""A word in more than this share of the stored articles (and more than ``COMMON_FLOOR`` of them)
is too common to find a claim by."""
COMMON_FLOOR = 50


def distinctive(conn: Connection, words: set[str]) -> set[str]:
    """The words that are not common in the store (see ``COMMON``)."""
    counts = _stored_counts(conn, words | {_ARTICLES})
    limit = max(COMMON * counts.get(_ARTICLES, 0), COMMON_FLOOR)
    return {w for w in words if counts.get(w, 0) <= limit}


def rarest(weights: dict[str, float], count: int = RAREST) -> list[str]:
    """The ``count`` words of highest weight (ties in alphabetical order)."""
    return sorted(weights, key=lambda w: (-weights[w], w))[:count]


def search_articles(conn: Connection, words: set[str]) -> Any:
    """Articles holding any of ``words`` (stems), best BM25 first, from the full-text index."""
    wanted = sorted(words)
    if conn.dialect.name == "postgresql":
        query = func.to_tsquery("english", " | ".join(f"{w}:*" for w in wanted))
        vector = article_words(articles.c.text)
        return (
            select(articles.c.pk, articles.c.text)
            .where(vector.op("@@")(query))
            .order_by(func.ts_rank_cd(vector, query).desc(), articles.c.pk)
        )
    match = " OR ".join(f'"{w}"*' for w in wanted)
    return (
        select(articles.c.pk, articles.c.text)
        .select_from(articles.join(text("articles_fts"), text("articles_fts.rowid = articles.pk")))
        .where(text("articles_fts MATCH :match").bindparams(match=match))
        .order_by(text("bm25(articles_fts)"), articles.c.pk)
    )
