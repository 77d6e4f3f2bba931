"""Running the pipeline for the web: uploaded and pasted inputs in, a new/duplicate/failed tally out."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from fastapi import HTTPException, status

from ..errors import ExtractError, StoreBusy
from ..model import Article
from ..read import ReadResult, articles_only, read_bytes
from ..store import Store

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

RETRY_AFTER_S = 5
"""What a busy store's 503 tells the client to wait before sending the request again."""


@dataclass
class IngestReport:
    """Ids of the stored articles (new ones, and the stored copies of duplicates) and one line per
    input or article that failed."""

    new: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class Ingester:
    """Extracts and stores, one request at a time: the spaCy pipeline is loaded on first use
    (it takes a few seconds) and is not shared between threads. A store that other writers keep
    busy beyond its patience makes the request a 503 with ``Retry-After``."""

    def __init__(self, store: Store, pipeline: Pipeline | None = None, model: str | None = None):
        self.store = store
        self._pipeline = pipeline
        self._model = model
        self._lock = threading.Lock()

    def _loaded(self) -> Pipeline:
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(model=self._model)
        return self._pipeline

    def __call__(self, items: Iterable[ReadResult]) -> IngestReport:
        report = IngestReport()
        articles = articles_only(items, lambda error: report.failed.append(str(error)))
        with self._lock:
            for result in self._loaded().pipe(articles):
                if isinstance(result, ExtractError):
                    report.failed.append(str(result))
                    continue
                try:
                    outcome = self.store.add(result)
                except StoreBusy as error:  # the whole request again later, not a partial success
                    raise HTTPException(
                        status.HTTP_503_SERVICE_UNAVAILABLE,
                        f"{error} (articles of this request already stored are duplicates then)",
                        headers={"Retry-After": str(RETRY_AFTER_S)},
                    ) from error
                except Exception:  # the database's words may name paths: they go to the log only
                    log.exception("storing %s failed", result.id)
                    report.failed.append(f"{result.origin or result.id}: could not be stored")
                    continue
                getattr(report, outcome).append(self.store.find(result) or result.id)
        return report


def read_uploads(uploads: list[tuple[str, bytes]], published: date | None) -> list[ReadResult]:
    """Articles from uploaded files, each read like a file of that name on the command line and
    named in messages by its client's file name, made safe."""
    return [item for name, data in uploads for item in read_bytes(data, safe_file_name(name), published)]


def safe_file_name(name: str) -> str:
    """The last part of a client's file name, in characters harmless in a message or a file name
    (it names the upload's articles: their origin, and the default id)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in base).lstrip(".")
    return cleaned[:100] or "upload"


PASTED = "pasted"


def read_pasted(
    content: str, published: date | None, id: str | None = None, title: str | None = None
) -> list[ReadResult]:
    """Articles from pasted text, HTML or JSON Lines (recognised by content). A single text or
    page takes the given id and title; without an id it is named after its text's hash."""
    items = read_uploads([(PASTED, content.encode("utf-8"))], published)
    return [
        item.model_copy(update={"id": id or f"{PASTED}-{item.content_hash[:12]}", "title": title or item.title})
        if isinstance(item, Article) and item.origin == PASTED
        else item
        for item in items
    ]
