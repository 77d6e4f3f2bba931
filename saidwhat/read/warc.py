"""Web archives (WARC, as Common Crawl's CC-NEWS ships them): each HTML page fetched with status
200 is an article, read by the same path as an HTML file.

Requests, metadata, redirects and non-HTML responses hold no article and are passed over
silently; a page with no article text is a ``ReadError`` of its own record (``path:N``, the
record's number in the file), and the rest of the archive is still read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..errors import ReadError
from .html import read_html
from .inputs import MAX_PAGE_BYTES, Input
from .results import ReadResult


def read_warc(stream: BinaryIO, given: Input, published: date | None) -> Iterator[ReadResult]:
    """One article per HTML response; ``published`` wins over the page's date, which wins over
    the date of the crawl (``WARC-Date``)."""
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.format != "warc" or record.rec_type is None:  # warcio guesses ARC for junk
                raise ReadError(given.origin, f"not a valid WARC file (record {number} has no WARC header)")
            if _is_page(record):
                yield _article(record, f"{given.origin}:{number}", published)
    except ArchiveLoadFailed as error:
        raise ReadError(given.origin, f"not a valid WARC file ({error.msg})") from None


def _is_page(record: ArcWarcRecord) -> bool:
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return False
    return "html" in (http.get_header("Content-Type") or "").lower()


def _article(record: ArcWarcRecord, origin: str, published: date | None) -> ReadResult:
    page = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(page) > MAX_PAGE_BYTES:
        return ReadError(origin, f"page too large (over {MAX_PAGE_BYTES:,} bytes)")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        article = read_html(page, id=_id(record, url, origin), origin=origin, published=published, url=url)
    except ReadError as error:
        return error
    if article.published is None:
        article = article.model_copy(update={"published": _crawled(record)})
    return article


def _id(record: ArcWarcRecord, url: str | None, origin: str) -> str:
    """The record's UUID (``<urn:uuid:...>`` unwrapped), else the page's URL."""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    found = record_id.removeprefix("urn:uuid:") or url
    if not found:
        raise ReadError(origin, "record has neither WARC-Record-ID nor WARC-Target-URI")
    return found


def _crawled(record: ArcWarcRecord) -> date | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
