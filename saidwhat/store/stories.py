"""Story threads: each article joined to the story of an earlier-stored article that tells the
same news within days.

Two articles tell the same news when their leads (title and first lines) share most of their
weight of words (cosine of IDF-weighted words at least ``SAME_STORY``) and they name a common
actor. Candidates come from the full-text index, best BM25 first, published within
``STORY_DAYS``; an article with none is a story of its own. As with follow-ups, only what was
stored before the article is read, so a replay in stored order gives the same threads.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import timedelta
from functools import lru_cache

from sqlalchemy import Connection, bindparam, insert, select

from ..claims.terms import terms
from ..model import Extraction
from .schema import article_stories, entities
from .words import Rarity, search_articles, stored_between

STORY_DAYS = timedelta(days=3)
SAME_STORY = 0.45
LEAD = 400
"""Characters of the text that, with the title, make an article's lead."""
CANDIDATES = 10

# built once, as building a statement costs more than running it
_NAMED = select(entities.c.article_pk, entities.c.actor_pk).where(
    entities.c.article_pk.in_(bindparam("pks", expanding=True)), entities.c.actor_pk.is_not(None)
)
_STORY_OF = select(article_stories.c.story_pk).where(article_stories.c.article_pk == bindparam("pk"))
_FILE = insert(article_stories)


def lead_words(title: str | None, body: str) -> Counter[str]:
    return _lead_words(title or "", body[:LEAD])


@lru_cache(maxsize=4096)
def _lead_words(title: str, start: str) -> Counter[str]:
    """Kept for the leads met most recently, as each is compared with the articles of the next
    days (do not change the result)."""
    return Counter(terms(f"{title}\n{start}"))


def cosine(a: Counter[str], b: Counter[str], weight: dict[str, float]) -> float:
    def norm(words: Counter[str]) -> float:
        return math.sqrt(sum((n * weight[w]) ** 2 for w, n in words.items()))

    dot = sum(a[w] * b[w] * weight[w] ** 2 for w in sorted(a.keys() & b.keys()))  # an order a rebuild repeats
    return dot / (norm(a) * norm(b)) if dot else 0.0


def _within(words: Counter[str], kept: Counter[str]) -> Counter[str]:
    return Counter({w: n for w, n in words.items() if w in kept})


def thread(conn: Connection, article_pk: int, extraction: Extraction, rarity: Rarity) -> None:
    """File the article under its story (see the module)."""
    story = _story(conn, article_pk, extraction, rarity)
    conn.execute(_FILE, {"article_pk": article_pk, "story_pk": story})


def _story(conn: Connection, article_pk: int, extraction: Extraction, rarity: Rarity) -> int:
    lead = lead_words(extraction.title, extraction.text)
    published = extraction.published
    if published is None or not lead:
        return article_pk
    weight = rarity.weights(lead)
    rarest = sorted((w for w in lead if w.isalpha()), key=lambda w: (-weight[w], w))[:6]
    first, last = published - STORY_DAYS, published + STORY_DAYS
    low = stored_between(conn, first, last)
    if low is None or low >= article_pk:
        return article_pk
    found = search_articles(conn, set(rarest), (low, article_pk), (first, last), CANDIDATES)
    if not found:
        return article_pk
    leads = {row.pk: lead_words(row.title, row.text) for row in found}
    # counting only the words this lead holds too can only raise a cosine: most leads fail even
    # so, before the weights of their other words are read
    leads = {pk: other for pk, other in leads.items() if cosine(lead, _within(other, lead), weight) >= SAME_STORY}
    weight |= rarity.weights({w for other in leads.values() for w in other} - weight.keys())
    similar = {pk: cosine_ for pk, other in leads.items() if (cosine_ := cosine(lead, other, weight)) >= SAME_STORY}
    if not similar:  # the usual case: the words first, then the actors of the few that pass
        return article_pk
    named = named_actors(conn, [article_pk, *similar])
    best, story = SAME_STORY, article_pk
    for pk, similarity in similar.items():
        if similarity >= best and named.get(article_pk, set()) & named.get(pk, set()):
            best, story = similarity, _story_of(conn, pk)
    return story


def named_actors(conn: Connection, article_pks: list[int]) -> dict[int, set[int]]:
    """The actors each of these articles names."""
    named: dict[int, set[int]] = {}
    for article_pk, actor_pk in conn.execute(_NAMED, {"pks": article_pks}):
        named.setdefault(article_pk, set()).add(actor_pk)
    return named


def _story_of(conn: Connection, article_pk: int) -> int:
    story = conn.execute(_STORY_OF, {"pk": article_pk}).scalar()
    return story if story is not None else article_pk
