"""Reading articles from files and stdin: ``.txt``, ``.html``/``.htm``, ``.jsonl`` and ``.json``
(news-please's records among them), ``.warc`` web archives and ``.rss``/``.atom`` feeds, each also
gzipped (gzip is recognised by its magic bytes, so ``.gz`` is optional).

An article that is not in English is not extracted: it becomes a ``Skipped`` (a kind of
``ReadError``) with the language found.

Bad input never stops a batch: each input or record that cannot be read becomes a ``ReadError``
in the output stream, with a one-line reason, and reading goes on. A name with any other
extension, and ``-`` (stdin), is read as whatever its content looks like (see ``sniff``): a
``.xml`` file, for one, is a feed by its root element.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from ..model import Article
from .feed import read_feed
from .html import read_html
from .jsonl import read_json, read_jsonl
from .language import Skipped, english_or_skipped
from .source import (
    MAX_CHARS,
    ReadError,
    describe,
    estimate_articles,
    failures,
    opened,
    read_page,
    sniff,
)
from .text import read_plain
from .warc import read_warc

__all__ = ["MAX_CHARS", "ReadError", "Skipped", "estimate_articles", "read_inputs"]


def read_inputs(
    inputs: Iterable[str], published: date | None = None
) -> Iterator[Article | ReadError]:
    """Articles from each input in turn, and a ``ReadError`` for each that fails.

    ``published`` (the ``--published`` flag) wins over any date the input carries; without it an
    article keeps its own date, or none.
    """
    for name in inputs:
        try:
            for item in _read_one(name, published):
                yield english_or_skipped(item) if isinstance(item, Article) else item
        except ReadError as error:
            yield error


def _read_one(name: str, published: date | None) -> Iterator[Article | ReadError]:
    source = describe(name)
    with failures(source.origin), opened(name) as stream:
        form = source.format or sniff(stream)
        if form == "jsonl":
            yield from read_jsonl(stream, source, published)
        elif form == "json":
            yield from read_json(stream, source, published)
        elif form == "warc":
            yield from read_warc(stream, source, published)
        elif form == "feed":
            yield from read_feed(stream, source, published)
        elif form == "html":
            page = read_page(stream, source.origin)
            yield read_html(page, id=source.stem, origin=source.origin, published=published)
        else:
            yield read_plain(stream, source, published)
