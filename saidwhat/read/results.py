"""What reading yields, one item an article or record: the ``Article``, or the ``ReadError`` that
says why there is none; and the one way consumers sort the two apart."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..errors import ReadError, Skipped
from ..model import Article

ReadResult = Article | ReadError


def articles_only(
    results: Iterable[ReadResult],
    failed: Callable[[ReadError], object],
    skipped: Callable[[Skipped], object] | None = None,
) -> Iterator[Article]:
    """The articles among ``results``; each error goes to ``failed`` as it passes, and each skip
    to ``skipped`` (to ``failed`` too without it)."""
    for result in results:
        if isinstance(result, Skipped) and skipped is not None:
            skipped(result)
        elif isinstance(result, ReadError):
            failed(result)
        else:
            yield result
