"""Extraction across a Dask cluster: the client reads the inputs and cuts them into partitions,
workers extract (one Pipeline per worker process, loaded on its first partition), and each
partition's results come back as one Parquet shard, written atomically to the output folder.
The shards are then loaded into the database in partition order, so dedup keeps the same copy
whatever order the workers finished in.

A shard is named after its partition's number and a digest of the articles in it and the model,
so a rerun over the same inputs finds the finished shards and extracts only the rest. Shards are
written by the client, not the workers, so that a remote cluster needs no shared file system.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import islice
from pathlib import Path

import dask
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, Future, LocalCluster, as_completed

from .errors import ExtractError
from .model import Article, Extraction
from .pipeline import Pipeline
from .read import ReadResult, articles_only, read_inputs
from .store import Store

PARTITION_SIZE = 200
"""Articles a partition: enough to keep spaCy's batches full, few enough to spread the work."""
IN_FLIGHT = 2
"""Partitions queued a worker, so a worker never waits while the client holds the rest unread."""
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""A local cluster has no dashboard to show Dask's sampling profiler, whose history of 1,000
one-second cycles grows each worker for its first 17 minutes (by about 230 MB on Reuters)."""

SHARD_SCHEMA = pa.schema([
    ("origin", pa.string()),
    ("extraction", pa.string()),  # the Extraction as JSON, or null when extraction failed
    ("error", pa.string()),
])


@dataclass
class BatchReport:
    """What a run did; ``failed`` and ``skipped`` hold the one-line messages."""

    partitions: int = 0
    reused: int = 0
    new: int = 0
    duplicate: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@contextmanager
def connect(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A client of a running scheduler, or of a local cluster of ``workers`` processes."""
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with dask.config.set(LOCAL_WORKER_CONFIG), LocalCluster(
        n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster, Client(cluster) as client:
        yield client


@cache
def worker_pipeline(model: str | None) -> Pipeline:
    """The worker process's pipeline, loaded by its first partition and kept."""
    return Pipeline(model=model)


def extract_shard(articles: list[Article], model: str | None) -> bytes:
    """Run on a worker: the partition's results as the bytes of a Parquet file."""
    rows: dict[str, list[str | None]] = {"origin": [], "extraction": [], "error": []}
    for article, result in zip(articles, worker_pipeline(model).pipe(articles)):
        rows["origin"].append(article.origin or article.id)
        rows["extraction"].append(None if isinstance(result, ExtractError) else result.model_dump_json())
        rows["error"].append(str(result) if isinstance(result, ExtractError) else None)
    sink = io.BytesIO()
    pq.write_table(pa.table(rows, schema=SHARD_SCHEMA), sink)
    return sink.getvalue()


def shard_name(number: int, articles: list[Article], model: str | None) -> str:
    digest = hashlib.sha256(f"{model or ''}\n".encode())
    for article in articles:
        digest.update(f"{article.id}\t{article.content_hash}\n".encode())
    return f"part-{number:05d}-{digest.hexdigest()[:16]}.parquet"


def _partitions(items: Iterable[ReadResult], size: int, report: BatchReport) -> Iterator[list[Article]]:
    """Articles in lists of ``size``; read errors and skips go to the report as they pass."""
    stream = articles_only(
        items, lambda error: report.failed.append(str(error)), lambda skip: report.skipped.append(str(skip))
    )
    while chunk := list(islice(stream, size)):
        yield chunk


def _write_atomically(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


def run_batch(
    inputs: list[str],
    out: Path,
    store: Store,
    client: Client,
    *,
    published: date | None = None,
    model: str | None = None,
    partition_size: int = PARTITION_SIZE,
) -> BatchReport:
    """Extract every partition not already in ``out`` and load all shards into ``store``.

    Loading goes on while workers extract: each shard is loaded as soon as it and every shard
    before it are written.
    """
    out.mkdir(parents=True, exist_ok=True)
    report = BatchReport()
    loader = _Loader(store, report)
    pending: dict[Future, int] = {}
    queue = as_completed(loop=client.loop)
    limit = IN_FLIGHT * max(1, len(client.nthreads()))
    for number, articles in enumerate(_partitions(read_inputs(inputs, published), partition_size, report)):
        target = out / shard_name(number, articles, model)
        loader.shards.append(target)
        if target.exists():
            report.reused += 1
            loader.written(number)
            continue
        future = client.submit(extract_shard, articles, model, pure=False)
        pending[future] = number
        queue.add(future)
        while len(pending) >= limit:
            _finish(next(queue), pending, loader)
    for future in queue:
        _finish(future, pending, loader)
    report.partitions = len(loader.shards)
    return report


def _finish(future: Future, pending: dict[Future, int], loader: _Loader) -> None:
    number = pending.pop(future)
    _write_atomically(loader.shards[number], future.result())
    loader.written(number)


class _Loader:
    """Loads shards into the store strictly in partition order, as they become available."""

    def __init__(self, store: Store, report: BatchReport):
        self.store, self.report = store, report
        self.shards: list[Path] = []
        self._ready: set[int] = set()
        self._next = 0

    def written(self, number: int) -> None:
        self._ready.add(number)
        while self._next in self._ready:
            self._ready.remove(self._next)
            _load(self.shards[self._next], self.store, self.report)
            self._next += 1


def _load(shard: Path, store: Store, report: BatchReport) -> None:
    for row in pq.read_table(shard).to_pylist():
        if row["error"] is not None:
            report.failed.append(row["error"])
            continue
        extraction = Extraction.model_validate_json(row["extraction"])
        try:
            outcome = store.add(extraction)
        except Exception as error:  # one article the database refuses must not stop the load
            report.failed.append(f"{row['origin']}: not stored: {error}")
            continue
        if outcome == "new":
            report.new += 1
        else:
            report.duplicate += 1
