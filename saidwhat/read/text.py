"""Plain-text articles: the file's text is the article's text, character for character."""

from __future__ import annotations

from datetime import date
from typing import BinaryIO

from ..model import Article
from .inputs import Input, read_text


def read_plain(stream: BinaryIO, given: Input, published: date | None) -> Article:
    """One article named after the file; ``\\r\\n`` and a byte-order mark are kept as they are."""
    text = read_text(stream, given.origin)
    return Article(id=given.stem, text=text, published=published, origin=given.origin)
