"""JSON Lines (and JSON) records: one article each, from ``text`` as is or from ``html``.

Records as news-please writes them are read too: ``maintext`` is the text, ``date_publish`` the
date, the URL the id when there is no ``id``, and a ``language`` other than ``en`` skips the record.

A broken line or record is reported with its line number and the rest are still read; a line
longer than ``MAX_LINE_BYTES`` too, without ever being held whole. A ``.json`` file is parsed
whole, so one over ``MAX_LINE_BYTES`` is refused unread: long lists belong in JSON Lines.

A NUL character (JSON's ``\\u0000``) in any string of a record makes it an error of its own, as
a NUL byte makes a file binary: PostgreSQL cannot store it, and no article text holds one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from ..errors import ReadError
from ..model import Article
from .html import read_html
from .inputs import MAX_PAGE_BYTES, Input, check_length, decode, read_whole
from .language import not_english
from .results import ReadResult

_OPTIONAL = ("title", "url", "source", "author")
MAX_LINE_BYTES = 2 * MAX_PAGE_BYTES
"""The longest line read: a record of the largest page, with room for JSON's escapes."""
_SKIP = 1 << 16


def read_jsonl(stream: BinaryIO, given: Input, published: date | None) -> Iterator[ReadResult]:
    """One article per non-blank line; ``origin`` is ``path:line``."""
    empty = True
    for lineno, line in enumerate(iter(lambda: stream.readline(MAX_LINE_BYTES + 1), b""), 1):
        origin = f"{given.origin}:{lineno}"
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            empty = False
            yield ReadError(origin, f"line too long (over {MAX_LINE_BYTES:,} bytes)")
            _skip_line(stream)
        elif line.strip():
            empty = False
            yield _attempt(_from_line, line, origin, published)
    if empty:
        raise ReadError(given.origin, "empty input")


def _skip_line(stream: BinaryIO) -> None:
    """Read past the rest of a line, a piece at a time."""
    while (piece := stream.readline(_SKIP)) and not piece.endswith(b"\n"):
        pass


def read_json(stream: BinaryIO, given: Input, published: date | None) -> Iterator[ReadResult]:
    """A single record, or a list of them (``origin`` is then ``path[index]``)."""
    too_large = f"JSON file too large (over {MAX_LINE_BYTES:,} bytes; write long lists as JSON Lines)"
    loaded = _parse(read_whole(stream, MAX_LINE_BYTES, given.origin, too_large), given.origin)
    records = loaded if isinstance(loaded, list) else [loaded]
    for index, record in enumerate(records):
        origin = f"{given.origin}[{index}]" if isinstance(loaded, list) else given.origin
        yield _attempt(from_record, record, origin, published)


def read_record(record: Any, origin: str, published: date | None = None) -> ReadResult:
    """The article in one record, or the ``ReadError`` that says why there is none."""
    return _attempt(from_record, record, origin, published)


def from_record(record: Any, origin: str, published: date | None) -> Article:
    """An article from one record; ``published``, when given, wins over the record's own date."""
    if not isinstance(record, dict):
        raise ReadError(origin, "record is not a JSON object")
    if "maintext" in record and "text" not in record and "html" not in record:
        record = _from_news_please(record, origin)
    article_id = _id(record, origin)
    meta = {key: _string(record, key, origin) for key in _OPTIONAL}
    published = published or published_date(record.get("published"), origin)
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise ReadError(origin, "record has neither text nor html")
    if text is None:
        if not isinstance(html, str):
            raise ReadError(origin, "html is not a string")
        return read_html(_unicode(html, "html", origin), id=article_id, origin=origin, published=published, **meta)
    if not isinstance(text, str):
        raise ReadError(origin, "text is not a string")
    if not text.strip():
        raise ReadError(origin, "empty text")
    return Article(
        id=article_id,
        text=check_length(_unicode(text, "text", origin), origin),
        published=published,
        origin=origin,
        **meta,
    )


def _from_news_please(record: dict[str, Any], origin: str) -> dict[str, Any]:
    """The record in this reader's own field names; news-please's other fields are not used."""
    language = record.get("language")
    if isinstance(language, str) and language and language != "en":
        raise not_english(language, origin)
    return {
        "id": record.get("id") or record.get("url"),
        "text": record["maintext"],
        "published": record.get("date_publish"),
        **{key: record.get(key) for key in _OPTIONAL},
    }


def _attempt(build: Callable[[Any, str, date | None], Article], *args: Any) -> ReadResult:
    """The article, or the reason there is none, so that one bad record stops nothing."""
    try:
        return build(*args)
    except ReadError as error:
        return error


def _from_line(line: bytes, origin: str, published: date | None) -> Article:
    return from_record(_parse(line, origin), origin, published)


def _parse(data: bytes, origin: str) -> Any:
    try:
        return json.loads(decode(data, origin).removeprefix("\ufeff").strip())
    except json.JSONDecodeError as error:
        where = f"column {error.colno}"
        if error.lineno > 1:
            where = f"line {error.lineno}, {where}"
        raise ReadError(origin, f"invalid JSON ({error.msg} at {where})") from None


def _id(record: dict[str, Any], origin: str) -> str:
    """The record's id; a number is taken as its digits."""
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ReadError(origin, "record has no id")
    return _unicode(value, "id", origin)


def _string(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise ReadError(origin, f"{key} is not a string")
    return _unicode(value, key, origin) if value else None


def _unicode(value: str, key: str, origin: str) -> str:
    """JSON may escape a lone surrogate (``\\ud800``), which no later stage can encode, or a NUL
    (``\\u0000``), which PostgreSQL cannot store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ReadError(origin, f"{key} is not valid Unicode (lone surrogate at character {error.start})") from None
    nul = value.find("\0")
    if nul >= 0:
        raise ReadError(origin, f"{key} holds a NUL character (\\u0000 at character {nul})")
    return value


def published_date(value: Any, origin: str) -> date | None:
    """A ``YYYY-MM-DD`` date, or the date of an ISO timestamp (``T`` or a space before the time)."""
    if value is None or value == "":
        return None
    try:
        return datetime.fromisoformat(value).date() if len(value) > 10 else date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ReadError(origin, f"published is not an ISO date: {value!r}") from None
