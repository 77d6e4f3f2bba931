"""saidwhat's errors, under one base class, so that the command line reports any of them alike:
one line, ``saidwhat: <message>``, and the error's exit status.

The errors of one input or one article (``ReadError``, ``ExtractError``) are seldom raised that
far: they travel in a batch's output stream instead, so that one bad input stops nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Article


class SaidwhatError(Exception):
    """Any error saidwhat reports; ``str()`` is the one-line message."""

    exit_status = 2
    """The command's exit status when this error stops it: 2, the command cannot do its work."""


class ModelNotFound(SaidwhatError, RuntimeError):
    """No spaCy pipeline can be loaded: none is installed, or the one asked for fails to load."""


class Unsupported(SaidwhatError, ValueError):
    """A pattern uses an operator or attribute the table does not handle."""


class StoreError(SaidwhatError):
    """The database cannot be opened (a missing directory, a bad URL or driver, not a database),
    or cannot be written now."""


class StoreBusy(StoreError):
    """A write waited for other writers as long as it may, and was not made; nothing of it is
    stored, and sending it again is safe (a story already stored is recognised)."""


class ReadError(SaidwhatError):
    """An input, or one record of it, that yields no article; reading goes on with the rest."""

    exit_status = 1
    """As for a batch with an input that failed."""

    def __init__(self, origin: str, reason: str):
        super().__init__(origin, reason)
        self.origin = origin
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class Skipped(ReadError):
    """An article read correctly but left out on purpose (a language the extractors cannot read).

    A ``ReadError`` so that a consumer that does not know it still reports it and goes on.
    """


class ExtractError(SaidwhatError):
    """Extraction failed on one article; ``str()`` is the one-line report."""

    exit_status = 1
    """As for a batch with an article that failed."""

    def __init__(self, article: Article, reason: str):
        super().__init__(f"{article.origin or article.id}: {reason}")
        self.article = article
