"""Time expressions: TIMEX3 type and value, normalised against the publication date."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..model import TimeExpression


def extract_times(doc: Doc, published: date | None) -> list[TimeExpression]:
    # Placeholder until the normaliser lands: extents from the NER, no values.
    return [
        TimeExpression(start=e.start_char, end=e.end_char, text=e.text, type=e.label_, value="XXXX")
        for e in doc.ents
        if e.label_ in ("DATE", "TIME")
    ]
