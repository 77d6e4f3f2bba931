"""Web archives (WARC, as Common Crawl's CC-NEWS ships them): each HTML page fetched with status
200 is an article, read by the same path as an HTML file.

Requests, metadata, redirects and non-HTML responses hold no article and are passed over
silently; a page with no article text is a ``ReadError`` of its own record (``path:N``, the
record's number in the file), and the rest of the archive is still read. So is a record followed
by junk (its ``Content-Length`` is likely wrong: its page is not taken). A record cut short, a
broken gzip stream or a gzip bomb ends the archive with a ``ReadError`` of the record it breaks in,
after every complete record before it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..errors import ReadError
from .html import read_html
from .inputs import MAX_PAGE_BYTES, Input, StreamError
from .results import ReadResult

_BLOCK = 1 << 20
"""warcio's read size: it joins a long line block by block, which costs the square of the blocks."""


def read_warc(stream: io.BufferedReader[Any], given: Input, published: date | None) -> Iterator[ReadResult]:
    """One article per HTML response; ``published`` wins over the page's date, which wins over
    the date of the crawl (``WARC-Date``)."""
    blocks = _Blocks(stream)
    records = _Records(blocks, block_size=_BLOCK)
    number = 1  # the record being read
    try:
        for record in records.each():
            _check_headers(record, given.origin, number)
            origin = f"{given.origin}:{number}"
            item = _contents(record, origin, published)
            broken = records.finish()
            if records.junk_after():
                item = ReadError(origin, "junk after the record (is its Content-Length wrong?)")
            if item is not None:
                yield item
            number += 1
            if broken is not None:
                raise broken
    except ArchiveLoadFailed as error:
        reason = " ".join(error.msg.split())
        raise ReadError(given.origin, f"not a valid WARC file (record {number}: {reason})") from None
    except StreamError as error:
        raise ReadError(f"{given.origin}:{number}", error.reason) from None
    if number == 1:
        raise ReadError(given.origin, "empty input")
    if blocks.count > records.offset:  # warcio ends quietly on a record whose headers are cut
        raise ReadError(f"{given.origin}:{number}", "truncated record (its headers are cut)")


class _Blocks:
    """The stream as warcio reads it, a block at a time: one decompression step each (``read1``),
    so that a break in a gzip stream loses none of the bytes before it; ``count`` bytes so far."""

    def __init__(self, stream: io.BufferedReader[Any]):
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read1(size)
        self.count += len(data)
        return data


class _Records(ArchiveIterator):
    """warcio's records, read past by ``finish``; its warning about junk after a record, which
    names no file, becomes a question the reader asks (``junk_after``) and answers itself."""

    INC_RECORD = ""
    err_count: int
    offset: int

    def each(self) -> Iterator[ArcWarcRecord]:
        """The records in turn; a response without a target URI, on which warcio's parser fails,
        is an ``ArchiveLoadFailed`` like any other record it cannot load."""
        while True:
            try:
                record = next(self, None)
            except AttributeError:
                raise ArchiveLoadFailed("record has no WARC-Target-URI") from None
            if record is None:
                return
            yield record

    def finish(self) -> StreamError | None:
        """Read on to the next record. A stream that breaks there breaks in the next record: its
        error is returned, to be raised after this record's article."""
        try:
            self.read_to_end()
        except StreamError as error:
            return error
        return None

    def junk_after(self) -> bool:
        """Whether junk followed the record just finished."""
        found, self.err_count = self.err_count > 0, 0
        return found


def _check_headers(record: ArcWarcRecord, path: str, number: int) -> None:
    if record.format != "warc" or record.rec_type is None:  # warcio guesses ARC for junk
        raise ReadError(path, f"not a valid WARC file (record {number} has no WARC header)")
    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        raise ReadError(path, f"not a valid WARC file (record {number} has no valid Content-Length)")


def _contents(record: ArcWarcRecord, origin: str, published: date | None) -> ReadResult | None:
    """The record's article, ``None`` for a record that holds none, or the error that says why
    not; raises a ``ReadError`` for a record cut short."""
    page = _page(record, origin) if _is_page(record) else None
    rest = record.raw_stream
    while rest.read(_BLOCK):
        pass
    if rest.limit:
        raise ReadError(origin, f"truncated record ({rest.limit:,} of its {record.length:,} bytes missing)")
    return _article(record, page, origin, published) if isinstance(page, bytes) else page


def _is_page(record: ArcWarcRecord) -> bool:
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return False
    return "html" in (http.get_header("Content-Type") or "").lower()


def _page(record: ArcWarcRecord, origin: str) -> bytes | ReadError:
    page: bytes = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(page) > MAX_PAGE_BYTES:
        return ReadError(origin, f"page too large (over {MAX_PAGE_BYTES:,} bytes)")
    return page


def _article(record: ArcWarcRecord, page: bytes, origin: str, published: date | None) -> ReadResult:
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
