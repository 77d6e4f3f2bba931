"""How well a later story speaks of a claim: BM25 of its best sentence for the claim's words.

The claim's content words are the query. Each sentence of the later story is a document, scored
by BM25 (k1 = 1.2; no length normalisation, as sentences vary little) with the inverse document
frequencies of the corpus as it stood when the pair met, and divided by the best score the query
could reach, so that 1.0 means every word of the claim is in the sentence. The best sentence is
the evidence shown to the reader.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from .terms import Span, sentences, terms

K1 = 1.2


def idf(containing: int, corpus: int) -> float:
    """BM25's inverse document frequency of a word found in ``containing`` of ``corpus`` articles."""
    return math.log(1 + (corpus - containing + 0.5) / (containing + 0.5))


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
    for span in sentences(text):
        counts = Counter(word for word in terms(text[span[0]:span[1]]) if word in query)
        score = sum(query[w] * n * (K1 + 1) / (n + K1) for w, n in counts.items()) / reachable
        if counts and (best is None or score > best.score):
            best = Evidence(min(score, 1.0), span, frozenset(counts))
    return best
