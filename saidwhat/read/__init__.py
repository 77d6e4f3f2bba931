"""Reading articles from files and stdin: ``.txt``, ``.html``/``.htm``, ``.jsonl`` and ``.json``
(news-please's records among them), ``.warc`` web archives and ``.rss``/``.atom`` feeds, each also
gzipped (gzip is recognised by its magic bytes, so ``.gz`` is optional).

An article that is not in English is not extracted: it becomes a ``Skipped`` (a kind of
``ReadError``) with the language found.

Bad input never stops a batch: each input or record that cannot be read becomes a ``ReadError``
in the output stream, with a one-line reason, and reading goes on. A name with any other
extension, and ``-`` (stdin), is read as whatever its content looks like (see ``sniff``): a
``.xml`` file, for one, is a feed by its root element.

Inputs come as names on the command line (``read_inputs``; a folder is read file by file), or
as bytes or a binary stream with a file name to go by (``read_bytes``, ``read_stream``: uploads);
a single JSON record, as a line of JSON Lines holds, is read by ``read_record``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date
from functools import partial
from typing import BinaryIO

from ..errors import ReadError, Skipped
from ..model import Article
from .feed import read_feed
from .html import read_html
from .inputs import (
    MAX_CHARS,
    Input,
    borrowed,
    describe,
    estimate_articles,
    expand,
    failures,
    opened,
    read_page,
    sniff,
)
from .jsonl import read_json, read_jsonl, read_record
from .language import english_or_skipped
from .results import ReadResult, articles_only
from .text import read_plain
from .warc import read_warc

__all__ = [
    "MAX_CHARS",
    "ReadError",
    "ReadResult",
    "Skipped",
    "articles_only",
    "estimate_articles",
    "read_bytes",
    "read_inputs",
    "read_record",
    "read_stream",
]

Opener = Callable[[], AbstractContextManager[io.BufferedReader]]


def read_inputs(inputs: Iterable[str], published: date | None = None) -> Iterator[ReadResult]:
    """Articles from each input in turn, and a ``ReadError`` for each that fails.

    ``published`` (the ``--published`` flag) wins over any date the input carries; without it an
    article keeps its own date, or none. A folder stands for the readable files under it.
    """
    for name in expand(inputs):
        yield from _read(describe(name), partial(opened, name), published)


def read_stream(stream: BinaryIO, name: str, published: date | None = None) -> Iterator[ReadResult]:
    """Articles from a binary stream, read as a file called ``name`` would be (gzipped or not);
    messages name it ``name``. The stream is left open."""
    return _read(Input.named(name), partial(borrowed, stream, name), published)


def read_bytes(data: bytes, name: str, published: date | None = None) -> Iterator[ReadResult]:
    """Articles from the bytes of a file called ``name``, as ``read_stream`` reads them."""
    return read_stream(io.BytesIO(data), name, published)


def _read(given: Input, open_stream: Opener, published: date | None) -> Iterator[ReadResult]:
    """The input's articles, English or skipped, and its errors, ending with any that stops it."""
    try:
        for item in _read_one(given, open_stream, published):
            yield english_or_skipped(item) if isinstance(item, Article) else item
    except ReadError as error:
        yield error


def _read_one(given: Input, open_stream: Opener, published: date | None) -> Iterator[ReadResult]:
    with failures(given.origin), open_stream() as stream:
        form = given.format or sniff(stream)
        if form == "jsonl":
            yield from read_jsonl(stream, given, published)
        elif form == "json":
            yield from read_json(stream, given, published)
        elif form == "warc":
            yield from read_warc(stream, given, published)
        elif form == "feed":
            yield from read_feed(stream, given, published)
        elif form == "html":
            page = read_page(stream, given.origin)
            yield read_html(page, id=given.stem, origin=given.origin, published=published)
        else:
            yield read_plain(stream, given, published)
