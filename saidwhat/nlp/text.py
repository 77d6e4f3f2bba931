"""The text of a parsed document, computed once."""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document: spaCy rebuilds it from every token on each call,
    and the extractors slice it hundreds of times per article."""
    text = doc.user_data.get("saidwhat_text")
    if text is None:
        text = doc.user_data["saidwhat_text"] = doc.text
    return text
