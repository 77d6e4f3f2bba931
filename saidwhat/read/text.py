"""Plain-text articles: the file's text is the article's text, character for character."""

from __future__ import annotations

from datetime import date
from typing import BinaryIO

from ..model import Article
from .source import Input, read_text


def read_plain(stream: BinaryIO, source: Input, published: date | None) -> Article:
    """One article named after the file; ``\\r\\n`` and a byte-order mark are kept as they are."""
    text = read_text(stream, source.origin)
    return Article(id=source.stem, text=text, published=published, origin=source.origin)
