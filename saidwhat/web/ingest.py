"""Running the pipeline for the web: uploaded and pasted inputs in, a new/duplicate/failed tally out."""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article
from ..read import ReadError, read_inputs
from ..store import Store

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

Item = Article | ReadError


@dataclass
class IngestReport:
    """Ids of the stored articles (new ones, and the stored copies of duplicates) and one line per
    input or article that failed."""

    new: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class Ingester:
    """Extracts and stores, one request at a time: the spaCy pipeline is loaded on first use
    (it takes a few seconds) and is not shared between threads."""

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

    def __call__(self, items: Iterable[Item]) -> IngestReport:
        from ..pipeline import ExtractError

        report = IngestReport()

        def articles() -> Iterator[Article]:
            for item in items:
                if isinstance(item, ReadError):
                    report.failed.append(str(item))
                else:
                    yield item

        with self._lock:
            for result in self._loaded().pipe(articles()):
                if isinstance(result, ExtractError):
                    report.failed.append(str(result))
                    continue
                try:
                    outcome = self.store.add(result)
                except Exception:  # the database's words may name paths: they go to the log only
                    log.exception("storing %s failed", result.id)
                    report.failed.append(f"{result.origin or result.id}: could not be stored")
                    continue
                getattr(report, outcome).append(self.store.find(result) or result.id)
        return report


def read_uploads(uploads: list[tuple[str, bytes]], published: date | None) -> list[Item]:
    """Articles from uploaded files, each read like a file of that name on the command line.

    Every upload is written under a fresh temporary folder and its origins are relabelled with
    the client's file name, so that no server path reaches a message.
    """
    items: list[Item] = []
    with tempfile.TemporaryDirectory(prefix="saidwhat-upload-") as folder:
        for n, (name, data) in enumerate(uploads):
            label = safe_file_name(name)
            path = Path(folder) / str(n) / label
            path.parent.mkdir()
            path.write_bytes(data)
            items.extend(_relabel(item, str(path), label) for item in read_inputs([str(path)], published))
    return items


def safe_file_name(name: str) -> str:
    """The last part of a client's file name, in characters harmless on any file system."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in base).lstrip(".")
    return cleaned[:100] or "upload"


def _relabel(item: Item, path: str, label: str) -> Item:
    if isinstance(item, ReadError):
        return ReadError(item.origin.replace(path, label, 1), item.reason)
    return item.model_copy(update={"origin": (item.origin or path).replace(path, label, 1)})


PASTED = "pasted"


def read_pasted(content: str, published: date | None, id: str | None = None, title: str | None = None) -> list[Item]:
    """Articles from pasted text, HTML or JSON Lines (recognised by content). A single text or
    page takes the given id and title; without an id it is named after its text's hash."""
    items = read_uploads([(PASTED, content.encode("utf-8"))], published)
    return [
        item.model_copy(update={"id": id or f"{PASTED}-{item.content_hash[:12]}", "title": title or item.title})
        if isinstance(item, Article) and item.origin == PASTED
        else item
        for item in items
    ]
