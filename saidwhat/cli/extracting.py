"""Commands that run the pipeline over inputs: ``extract``, ``ingest`` and ``batch``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ExtractError, Skipped
from ..model import Extraction
from ..read import articles_only, read_inputs
from .common import DEFAULT_DB, Db, ExtractFormat, Model, _day, _open_store, _pipeline, _safe_name, _stop, app, err

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .jsonl, .json, .warc, .rss, .atom; .gz accepted), folders of them, or - for stdin."
    ),
]
Published = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD, overriding the input's.")
]


def _extract_all(
    inputs: list[str], published: date | None, model: str | None, failed: list[str], skipped: list[str]
) -> Iterator[Extraction]:
    """Extractions for every readable article; each failure and skip is reported once and remembered."""

    def skip(item: Skipped) -> None:
        err.print(f"skipped: {item}", markup=False)
        skipped.append(str(item))

    articles = articles_only(read_inputs(inputs, published), lambda error: _fail(error, failed), skip)
    for result in _pipeline(model).pipe(articles):
        if isinstance(result, ExtractError):
            _fail(result, failed)
        else:
            yield result


def _fail(error: Exception | str, failed: list[str]) -> None:
    err.print(f"error: {error}", markup=False)
    failed.append(str(error))


@app.command()
def extract(
    inputs: Inputs,
    format: Annotated[
        ExtractFormat, typer.Option("--format", help="json (the contract) or a readable text report.")
    ] = ExtractFormat.json,
    published: Published = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Write DIR/<id>.json per article.")] = None,
    model: Model = None,
) -> None:
    """Extract entities, statements and time expressions; print them or write one file per article."""
    from ..render import text_report

    failed: list[str] = []
    written: set[Path] = set()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for n, extraction in enumerate(_extract_all(inputs, _day(published), model, failed, skipped=[])):
        if format is ExtractFormat.text:
            rendered = text_report(extraction) + "\n"
        else:
            rendered = json.dumps(extraction.to_json_dict(), ensure_ascii=False) + "\n"
        if out_dir is None:
            sys.stdout.write(("\n" if n and format is ExtractFormat.text else "") + rendered)
        else:
            suffix = ".txt" if format is ExtractFormat.text else ".json"
            target = out_dir / f"{_safe_name(extraction.id)}{suffix}"
            if target in written:
                where = extraction.origin or extraction.id
                _fail(f"{where}: {target} was already written in this run (duplicate id)", failed)
                continue
            written.add(target)
            tmp = target.with_suffix(suffix + ".tmp")
            tmp.write_text(rendered, encoding="utf-8")
            tmp.replace(target)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = DEFAULT_DB,
    published: Published = None,
    model: Model = None,
) -> None:
    """Extract from the inputs and store everything; the same story twice is stored once."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..read import estimate_articles

    failed: list[str] = []
    skipped: list[str] = []
    tally = {"new": 0, "duplicate": 0}
    store = _open_store(db, create=True)
    columns = (
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
    )
    with store, Progress(*columns, console=err, disable=not err.is_terminal, transient=True) as progress:
        task = progress.add_task("ingest", total=estimate_articles(inputs), rate="")
        started = datetime.now()
        for extraction in _extract_all(inputs, _day(published), model, failed, skipped):
            try:
                tally[store.add(extraction)] += 1
            except Exception as error:  # a database error for one article must not stop the batch
                _fail(f"{extraction.origin or extraction.id}: not stored: {error}", failed)
            done = progress.tasks[0].completed + 1
            elapsed = (datetime.now() - started).total_seconds() or 1e-9
            progress.update(task, completed=done, rate=f"{done / elapsed:.1f} articles/s")
        counts = store.counts()
    err.print(
        f"{tally['new']} new, {tally['duplicate']} duplicate, "
        + (f"{len(skipped)} skipped (not English), " if skipped else "")
        + f"{len(failed)} failed; "
        f"the database now holds {counts['articles']} articles, {counts['statements']} statements, "
        f"{counts['actors']} actors ({db})",
        markup=False,
    )
    if failed:
        raise typer.Exit(1)


@app.command()
def batch(
    inputs: Inputs,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder of the Parquet shards, one a partition; kept for resuming.")
    ],
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Start a local Dask cluster of N worker processes.")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Use a running Dask scheduler, tcp://HOST:PORT.")
    ] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Articles a partition.")] = 200,
    db: Db = DEFAULT_DB,
    published: Published = None,
    model: Model = None,
) -> None:
    """Extract on Dask workers into Parquet shards, then store them; a rerun reuses finished shards."""
    if (workers is None) == (scheduler is None):
        _stop("give either --workers N or --scheduler tcp://HOST:PORT")
    from ..batch import connect, run_batch

    with _open_store(db, create=True) as store, connect(workers, scheduler) as client:
        report = run_batch(
            inputs, out_dir, store, client, published=_day(published), model=model, partition_size=partition_size
        )
        counts = store.counts()
    for line in report.skipped:
        err.print(f"skipped: {line}", markup=False)
    for line in report.failed:
        err.print(f"error: {line}", markup=False)
    err.print(
        f"{report.partitions} partitions ({report.reused} reused); {report.new} new, {report.duplicate} duplicate, "
        + (f"{len(report.skipped)} skipped (not English), " if report.skipped else "")
        + f"{len(report.failed)} failed; the database now holds {counts['articles']} articles ({db})",
        markup=False,
    )
    if report.failed:
        raise typer.Exit(1)
