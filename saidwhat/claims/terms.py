"""The words claims and stories are compared by: English stems of content words, numbers as written.

Stems, so that "cut", "cuts" and "cutting" meet; stop words and the verbs of reporting are left
out, as they say nothing of the matter. The same function serves the index and the scoring, so a
word indexed is always a word scored.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS

Span = tuple[int, int]

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|\d+(?:[.,]\d+)*")
_REPORTING = {"said", "say", "says", "saying", "told", "tell", "added", "according", "reuters", "spokesman"}
_IGNORED = STOP_WORDS | _REPORTING
_STEMMER = snowballstemmer.stemmer("english")

# A sentence ends at . ! or ? (a closing quote may follow) before a capital, digit or quote; a wire
# story's paragraph (an indented line or a blank one) is a sentence of its own, and so is each item
# of a digest, which the wire runs together with "..." ("told reporters...Honduras will tender").
_BOUNDARY = re.compile(r"""(?<=[.!?])["')]?\s+(?=["'(A-Z0-9])|\n\s*\n|\n(?=[ \t]{2,})|(?<=\w\.\.\.)(?=[A-Z])""")


@lru_cache(maxsize=65536)
def _term(written: str) -> str | None:
    """The term a word as written stands for, None if it is left out; cached, as a corpus repeats
    its words and every article is read several times (its text, leads, sentences)."""
    word = written.lower().removesuffix("'s")
    if word in _IGNORED or len(word) < 2 and not word.isdigit():
        return None
    return word.replace(",", "") if word[0].isdigit() else _STEMMER.stemWord(word)


def terms(text: str) -> list[str]:
    """The stems of the content words of ``text`` and its numbers, in order, repeats kept."""
    return [term for written in WORD.findall(text) if (term := _term(written)) is not None]


@lru_cache(maxsize=2048)
def counted_terms(text: str) -> Counter[str]:
    """How often each of the terms of ``text`` occurs; kept for the stories met most recently, as
    one story is compared with many claims (do not change the result)."""
    return Counter(terms(text))


def sentences(text: str) -> list[Span]:
    """The sentences of ``text`` as (start, end) offsets, surrounding space trimmed."""
    spans, start = [], 0
    for boundary in [*_BOUNDARY.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if boundary:
            start = boundary.end()
    return spans
