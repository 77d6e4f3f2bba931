"""How well a later story speaks of a claim: BM25 of the story, and of its best sentence.

The claim's words (its content and the sentence that reports it) are the query, weighted by their
inverse document frequency in the store as it stood when the pair met. The whole story is scored
by BM25 (k1 = 1.2, b = 0.75) and divided by the query's total weight, so that 1.0 is what a story
of average length scores when it holds every word of the claim once: a follow-up rarely repeats
the claim in one sentence, but its story as a whole speaks of the same matter. The sentence of
the story scoring best for the same query is the evidence shown to the reader.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .terms import Span, sentences, terms

K1 = 1.2
B = 0.75


def idf(containing: int, corpus: int) -> float:
    """BM25's inverse document frequency of a word found in ``containing`` of ``corpus`` articles."""
    return math.log(1 + (corpus - containing + 0.5) / (containing + 0.5))


def story_score(query: Mapping[str, float], counts: Mapping[str, int], length: int, average: float) -> float:
    """BM25 of a story (its word ``counts``, ``length`` words) for ``query``, over the query's weight."""
    reachable = sum(query.values())
    if not reachable:
        return 0.0
    return _bm25(query, counts, K1 * (1 - B + B * length / max(average, 1.0))) / reachable


def _bm25(query: Mapping[str, float], counts: Mapping[str, int], norm: float) -> float:
    """BM25's sum over the query's words found in ``counts``, ``norm`` standing for k1 times the
    length normalisation."""
    return sum(weight * counts[w] * (K1 + 1) / (counts[w] + norm) for w, weight in query.items() if counts.get(w))


@dataclass(frozen=True)
class Evidence:
    """The sentence of a later story that best matches a claim, and how well (0 to 1)."""

    score: float
    span: Span
    matched: frozenset[str]


def best_sentence(query: Mapping[str, float], text: str) -> Evidence | None:
    """The sentence of ``text`` scoring highest for ``query`` (word → weight), if any matches."""
    reachable = sum(query.values())
    best: Evidence | None = None
    if not reachable:
        return None
    for span, words in _sentence_terms(text):
        counts = Counter(word for word in words if word in query)
        score = _bm25(query, counts, K1) / reachable  # sentences vary little: no length normalisation
        if counts and (best is None or score > best.score):
            best = Evidence(min(score, 1.0), span, frozenset(counts))
    return best


@lru_cache(maxsize=256)
def _sentence_terms(text: str) -> list[tuple[Span, list[str]]]:
    """Each sentence of ``text`` with its terms; kept for the stories met most recently, as one
    story is searched for the evidence of several claims (do not change the result)."""
    return [(span, terms(text[span[0]:span[1]])) for span in sentences(text)]
