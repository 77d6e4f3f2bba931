"""RSS and Atom feeds: one article per entry, from its full content when the feed carries it,
else from its summary, both HTML read by the same path as an HTML page.

An entry whose text is too thin to be an article (a one-line teaser) is a ``ReadError`` of its
own (``path:N``, the entry's number), and the other entries are still read.

A feed is parsed whole, so it is read whole up to ``MAX_FEED_BYTES`` and refused beyond: cut
short, it would lose its last entries without a word.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from html import escape
from typing import Any, BinaryIO

import feedparser

from ..errors import ReadError
from .html import read_html
from .inputs import MAX_CHARS, Input, read_whole
from .results import ReadResult

MAX_FEED_BYTES = 50 * MAX_CHARS
"""The largest feed read: the parsed entries take about four times its size in memory."""


def read_feed(stream: BinaryIO, given: Input, published: date | None) -> Iterator[ReadResult]:
    """The entries in feed order; ``published`` wins over each entry's own date."""
    too_large = f"feed too large (over {MAX_FEED_BYTES:,} bytes)"
    parsed = feedparser.parse(read_whole(stream, MAX_FEED_BYTES, given.origin, too_large))
    if not parsed.entries:
        reason = "not a feed" if parsed.bozo else "feed has no entries"
        raise ReadError(given.origin, reason)
    for number, entry in enumerate(parsed.entries, 1):
        yield _article(entry, f"{given.origin}:{number}", published)


def _article(entry: Any, origin: str, published: date | None) -> ReadResult:
    fragment = entry.content[0].value if entry.get("content") else entry.get("summary", "")
    entry_id = entry.get("id") or entry.get("link")
    if not entry_id:
        return ReadError(origin, "entry has neither id nor link")
    title = entry.get("title")
    # A whole page around the fragment, so that the extractor sees the entry as the main text.
    page = f"<html><head><title>{escape(title or '')}</title></head><body><article>{fragment}</article></body></html>"
    try:
        return read_html(
            page,
            id=entry_id,
            origin=origin,
            published=published or _date(entry),
            title=title,
            url=entry.get("link"),
            author=entry.get("author"),
        )
    except ReadError as error:
        return error


def _date(entry: Any) -> date | None:
    moment: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(moment.tm_year, moment.tm_mon, moment.tm_mday) if moment else None
