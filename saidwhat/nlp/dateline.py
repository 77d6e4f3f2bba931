"""Datelines, in one place: the wire dateline before a story's first sentence ("KRALOV, Nov 28
(Northgate Wire) - ", "WASHINGTON (AP) — "), which must never join that sentence or its speaker,
and the opening lines where a dated dateline ("May 07, 2010" under the headline) may stand in for
a missing publication date."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .text import doc_text

DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'\- ]+(?:,[^\n]{0,60}?)?(?:\([^)\n]{1,40}\))?\s+[-—–]{1,2}\s+")
LOOK = 120
"""How far into the text a wire dateline may reach."""
DASHES = {"―", "—", "–"}
OPENING_SENTENCES = 2
"""How many opening sentences may hold a dated dateline."""


def dateline_end(doc: Doc) -> int | None:
    """The index of the first token after the document's wire dateline; None when it has none."""
    found = DATELINE.match(doc_text(doc)[:LOOK])
    if not found:
        return None
    return next((t.i for t in doc if t.idx >= found.end()), None)


def after_dateline(head: Token, start: int, end: int) -> int:
    """Where a phrase headed by ``head`` (tokens ``start`` to ``end``) begins once a dateline or a
    bullet before it is left out: "WASHINGTON — Sen. Grassley", "-Nate Cohn", and "BUENA PARK,
    Calif. — Hillary Clinton", where spaCy made the dateline the subject."""
    doc = head.doc
    for i in range(start, head.i):
        spaced = doc[i].is_punct and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_
        if "\n" in doc[i].text + doc[i].whitespace_ or (spaced and doc[i].text in (*DASHES, "-", "--")):
            start = i + 1
    if head.is_upper:
        start = next((i + 1 for i in range(head.i + 1, end) if doc[i].text in DASHES), start)
    return start


def opening_end(doc: Doc) -> int:
    """The character offset where the opening sentences, which may hold a dated dateline, end
    (0 for a document without sentence boundaries)."""
    sentences = list(doc.sents)[:OPENING_SENTENCES] if doc.has_annotation("SENT_START") else []
    return sentences[-1].end_char if sentences else 0
