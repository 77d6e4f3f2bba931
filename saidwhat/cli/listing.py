"""Commands that read the store: ``statements``, ``speakers``, ``export`` and ``show``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from .common import (
    DEFAULT_DB,
    SPEAKER_COLUMNS,
    Db,
    ExtractFormat,
    ListFormat,
    _day,
    _open_store,
    _print_rows,
    _stop,
    app,
)


@app.command()
def statements(
    speaker: Annotated[
        str | None, typer.Option(help="An actor's id, or part of a speaker's name or alias.")
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(help="Words that must all occur in the content, as whole words with English stemming."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="Said on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Said on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    db: Db = DEFAULT_DB,
) -> None:
    """List stored statements, filtered by speaker, words and date."""
    with _open_store(db) as store:
        rows = store.statements(speaker=speaker, text=text, since=_day(since), until=_day(until), limit=limit)
    _print_rows(rows, format, ["said_on", "speaker", "kind", "cue", "content", "article_id"])


@app.command()
def speakers(
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    db: Db = DEFAULT_DB,
) -> None:
    """Who is quoted most: the actors that speak, with statements, articles, first and last seen."""
    with _open_store(db) as store:
        rows = store.speakers(limit=limit)
    _print_rows(rows, format, SPEAKER_COLUMNS)


@app.command()
def export(
    out_file: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """Every stored article as JSON Lines in the extract contract, each entity with its actor."""
    with _open_store(db) as store, (out_file.open("w", encoding="utf-8") if out_file else _stdout()) as sink:
        for record in store.export():
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")


@contextmanager
def _stdout() -> Iterator[Any]:
    yield sys.stdout


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="The article's id.")],
    format: Annotated[ExtractFormat, typer.Option("--format")] = ExtractFormat.text,
    db: Db = DEFAULT_DB,
) -> None:
    """One stored article with everything extracted from it."""
    from ..render import text_report

    with _open_store(db) as store:
        extraction = store.get(article_id)
    if extraction is None:
        _stop(f"no article {article_id!r} in {db}", 1)
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(extraction.to_json_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(text_report(extraction) + "\n")
