"""Reading articles from files and stdin: ``.txt``, ``.html``/``.htm``, ``.jsonl`` and ``.json``,
each also gzipped (gzip is recognised by its magic bytes, so ``.gz`` is optional).

Bad input never stops a batch: each input or record that cannot be read becomes a ``ReadError``
in the output stream, with a one-line reason, and reading goes on. A name with any other
extension, and ``-`` (stdin), is read as whatever its content looks like: JSON Lines if it starts
with ``{``, a JSON list if with ``[{``, HTML if with ``<``, plain text otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from ..model import Article
from .html import read_html
from .jsonl import read_json, read_jsonl
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

__all__ = ["MAX_CHARS", "ReadError", "estimate_articles", "read_inputs"]


def read_inputs(
    inputs: Iterable[str], published: date | None = None
) -> Iterator[Article | ReadError]:
    """Articles from each input in turn, and a ``ReadError`` for each that fails.

    ``published`` (the ``--published`` flag) wins over any date the input carries; without it an
    article keeps its own date, or none.
    """
    for name in inputs:
        try:
            yield from _read_one(name, published)
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
        elif form == "html":
            page = read_page(stream, source.origin)
            yield read_html(page, id=source.stem, origin=source.origin, published=published)
        else:
            yield read_plain(stream, source, published)
