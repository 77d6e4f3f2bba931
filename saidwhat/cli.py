"""The ``saidwhat`` command: extract, ingest, query and evaluate."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from .errors import ExtractError, SaidwhatError, Skipped
from .model import Article, Extraction
from .read import articles_only, read_inputs

if TYPE_CHECKING:
    from .eval.polnear import GoldArticle
    from .model import Statement, TimeExpression
    from .pipeline import Pipeline
    from .store import Store


err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _stop(message: Exception | str, status: int = 2) -> NoReturn:
    """End the command with a one-line message: the one way a command gives up."""
    err.print(f"saidwhat: {message}", markup=False)
    raise typer.Exit(status)


class _Commands(TyperGroup):
    """saidwhat's commands: a ``SaidwhatError`` that stops one is reported in one line."""

    def invoke(self, ctx: Any) -> Any:  # a Context of typer's own copy of click
        try:
            return super().invoke(ctx)
        except SaidwhatError as error:
            _stop(error, error.exit_status)


app = typer.Typer(
    cls=_Commands,
    help="Who said what, when, and according to whom: statements, speakers and dates from news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score extraction against annotated corpora (see EVAL.md).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(help="Retrain saidwhat's learned parts from annotated corpora.", no_args_is_help=True)
app.add_typer(train_app, name="train")
actors_app = typer.Typer(
    help="Actors: one identity per person or organisation across the store; list, show and curate them.",
    no_args_is_help=True,
)
app.add_typer(actors_app, name="actors")

DEFAULT_DB = "saidwhat.db"
Inputs = Annotated[
    list[str],
    typer.Argument(help="Files (.txt, .html, .jsonl, .json, .warc, .rss, .atom; .gz accepted) or - for stdin."),
]
Model = Annotated[str | None, typer.Option("--model", envvar="SAIDWHAT_MODEL", help="spaCy pipeline to use.")]
Db = Annotated[str, typer.Option("--db", envvar="SAIDWHAT_DB", help="SQLite path or database URL.")]


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


Published = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD, overriding the input's.")
]


class ExtractFormat(StrEnum):
    json = "json"
    text = "text"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@contextmanager
def _unreadable_corpus(*kinds: type[Exception]) -> Iterator[None]:
    """Stop the command when the scorers or the trainer cannot read their corpus (they raise
    Python's own errors, not a ``SaidwhatError``)."""
    try:
        yield
    except kinds as error:
        _stop(error)


def _pipeline(model: str | None) -> Pipeline:
    from .pipeline import Pipeline

    return Pipeline(model=model)


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
    from .render import text_report

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


def _safe_name(article_id: str) -> str:
    """An article id usable as a file name (ids from JSONL may hold slashes)."""
    return "".join(c if c.isalnum() or c in "-_.~" else "_" for c in article_id) or "article"


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = DEFAULT_DB,
    published: Published = None,
    model: Model = None,
) -> None:
    """Extract from the inputs and store everything; the same story twice is stored once."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .read import estimate_articles

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
    from .batch import connect, run_batch

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


def _open_store(db: str, create: bool = False) -> Store:
    """The store; only writing commands create a missing database."""
    from .store import Store

    return Store.open(db, create=create)


def _print_rows(rows: list, format: ListFormat, columns: list[str]) -> None:
    from .render import rows_table, rows_to_csv, rows_to_json

    if format is ListFormat.json:
        sys.stdout.write(rows_to_json(rows) + "\n")
    elif format is ListFormat.csv:
        rows_to_csv(rows, sys.stdout)
    else:
        out.print(rows_table(rows, columns))


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


SPEAKER_COLUMNS = ["id", "name", "type", "statements", "articles", "first", "last"]


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


@actors_app.command("list")
def actors_list(
    search: Annotated[str | None, typer.Argument(help="Part of a name or alias, or an actor's id.")] = None,
    everyone: Annotated[bool, typer.Option("--all", help="Also actors that are only mentioned.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    db: Db = DEFAULT_DB,
) -> None:
    """Actors by number of statements, searched by name or alias."""
    with _open_store(db) as store:
        rows = store.speakers(limit=limit, search=search, speaking=not everyone)
    _print_rows(rows, format, SPEAKER_COLUMNS)


@actors_app.command("show")
def actors_show(actor_id: Annotated[str, typer.Argument(help="The actor's id.")], db: Db = DEFAULT_DB) -> None:
    """One actor: its names as written, its roles, and what it said."""
    with _open_store(db) as store:
        detail = store.actor(actor_id)
        said = store.said_by(actor_id)
    if detail is None:
        _stop(f"no actor {actor_id!r} in {db}", 1)
    a = detail.actor
    out.print(f"{a.id}  {a.name}  ({a.type}{', ' + a.wikidata if a.wikidata else ''})", markup=False)
    out.print(f"{a.statements} statements in {a.articles} articles, {a.first} to {a.last}", markup=False)
    out.print("aliases: " + "; ".join(f"{name} ({n})" for name, n in detail.aliases), markup=False)
    out.print("roles: " + ("; ".join(f"{role} ({n})" for role, n in detail.roles) or "none"), markup=False)
    _print_rows(said, ListFormat.table, ["said_on", "kind", "cue", "content", "article_id"])


@actors_app.command("merge")
def actors_merge(
    into: Annotated[str, typer.Argument(help="The actor that stays.")],
    others: Annotated[list[str], typer.Argument(help="The actors folded into it.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Fold actors into one; kept through every rebuild."""
    with _open_store(db) as store:
        store.merge_actors(into, others)
    err.print(f"merged {', '.join(others)} into {into}", markup=False)


@actors_app.command("split")
def actors_split(
    actor_id: Annotated[str, typer.Argument(help="The actor to split.")],
    alias: Annotated[str, typer.Argument(help="The name whose mentions become an actor of their own.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Move the mentions written under one alias to an actor of their own; kept through rebuilds."""
    with _open_store(db) as store:
        new = store.split_actor(actor_id, alias)
    out.print(new, markup=False)


@actors_app.command("rename")
def actors_rename(
    actor_id: Annotated[str, typer.Argument(help="The actor's id.")],
    name: Annotated[str, typer.Argument(help="Its name from now on.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Name an actor; no later article changes the name."""
    with _open_store(db) as store:
        store.rename_actor(actor_id, name)


@actors_app.command("load")
def actors_load(
    authority: Annotated[
        Path, typer.Argument(help="A CSV with columns id, name, type, aliases (;-separated), wikidata.")
    ],
    db: Db = DEFAULT_DB,
) -> None:
    """Seed and pin actors from an authority file: its ids, names and Wikidata QIDs win."""
    from .store.curation import read_authority

    rows = read_authority(authority)
    with _open_store(db) as store:
        store.seed_actors(rows)
    err.print(f"{len(rows)} authority rows loaded into {db}", markup=False)


@actors_app.command("rebuild")
def actors_rebuild(db: Db = DEFAULT_DB) -> None:
    """Re-link every stored entity to actors and replay every curator's decision."""
    with _open_store(db) as store:
        n = store.rebuild_actors()
    err.print(f"{n} actors in {db}", markup=False)


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
    from .render import text_report

    with _open_store(db) as store:
        extraction = store.get(article_id)
    if extraction is None:
        _stop(f"no article {article_id!r} in {db}", 1)
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(extraction.to_json_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(text_report(extraction) + "\n")


@app.command()
def claims(
    due_before: Annotated[str | None, typer.Option(help="Due before YYYY-MM-DD.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only claims whose due date has passed.")] = False,
    today: Annotated[str | None, typer.Option(help="Judge status as of YYYY-MM-DD (default: today).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    db: Db = DEFAULT_DB,
) -> None:
    """Forward-looking statements by due date, each pending or due (its date has passed)."""
    with _open_store(db) as store:
        rows = store.claims(
            today=_day(today), overdue=overdue, due_before=_day(due_before), speaker=speaker, limit=limit
        )
    _print_rows(rows, format, ["due", "status", "speaker", "content", "said_on", "article_id"])


@eval_app.command("attribution")
def eval_attribution(
    data_dir: Annotated[Path, typer.Argument(help="The PolNeAR folder (holding train/, dev/, metadata.tsv).")],
    split: Annotated[str, typer.Argument(help="train, dev or test.")],
    predictions: Annotated[
        Path | None,
        typer.Option(help="Score <id>.json files written by `saidwhat extract --out` instead of running the pipeline."),
    ] = None,
    model: Model = None,
    by_phenomenon: Annotated[
        bool,
        typer.Option(
            "--by-phenomenon", help="Also the share of gold attributions right, by kind of content, cue and source."
        ),
    ] = False,
) -> None:
    """Linked (content, triple) and exact span scores on a PolNeAR split."""
    from .eval.attribution import evaluate, format_attribution_report
    from .eval.phenomena import by_phenomenon as phenomena
    from .eval.phenomena import format_phenomena
    from .eval.polnear import load_polnear
    from .model import Extraction as Ex

    if predictions is not None:
        def extract_fn(gold: GoldArticle) -> list[Statement]:
            path = predictions / f"{_safe_name(gold.id)}.json"
            return Ex.model_validate_json(path.read_text(encoding="utf-8")).statements if path.exists() else []
    else:
        pipeline = _pipeline(model)

        def extract_fn(gold: GoldArticle) -> list[Statement]:
            return pipeline.extract(gold.article()).statements

    with _unreadable_corpus(FileNotFoundError):
        scores = evaluate(data_dir, split, extract_fn)
    out.print(format_attribution_report(scores), markup=False)
    if by_phenomenon:
        rows = phenomena(load_polnear(data_dir, split), scores, _pipeline(model).nlp)
        out.print("\n" + format_phenomena(rows), markup=False)


@train_app.command("cues")
def train_cues(
    data_dir: Annotated[Path, typer.Argument(help="The PolNeAR folder (holding train/, metadata.tsv).")],
    out: Annotated[Path | None, typer.Option(help="Where to write the weights; default: the shipped model.")] = None,
    model: Model = None,
) -> None:
    """Fit the cue model on PolNeAR train (thresholds by cross-validation on it); dev is never read."""
    from .extract.statements.cue_model import WEIGHTS
    from .train import train_cues as fit_cues

    pipeline = _pipeline(model)
    with _unreadable_corpus(FileNotFoundError):
        cues = fit_cues(pipeline.nlp, data_dir, log=lambda line: err.print(line, markup=False))
    target = out or WEIGHTS
    cues.save(target)
    err.print(f"{len(cues.weights)} weights written to {target}", markup=False)


@eval_app.command("time")
def eval_time(
    data_dir: Annotated[Path, typer.Argument(help="MEANTIME (its XML folder) or a folder of TimeML .tml files.")],
    whole_text: Annotated[
        bool,
        typer.Option(
            help="Also score predictions on the creation time and past the annotated sentences"
            " (MEANTIME annotates only the first few)."
        ),
    ] = False,
    model: Model = None,
) -> None:
    """Extent, value and type scores of time expressions (TempEval-3 rules)."""
    from .eval.time import format_time_report, load_gold, score_times

    pipeline = _pipeline(model)

    def predict(text: str, dct: date | None) -> list[TimeExpression]:
        return pipeline.extract(Article(id="eval", text=text, published=dct)).times

    with _unreadable_corpus(FileNotFoundError, ValueError):
        gold = load_gold(data_dir)
    out.print(format_time_report(score_times(gold, predict, annotated_only=not whole_text)), markup=False)


@eval_app.command("speakers")
def eval_speakers(
    data_dir: Annotated[Path, typer.Argument(help="MEANTIME (its XML folder, one subfolder a topic).")],
    model: Model = None,
) -> None:
    """Speaker accuracy and identity across articles, by topic (EVAL.md, Speakers).

    Identity is scored by entity name and by actor (articles linked in path order, as ingest would).
    """
    from .actors import link_extractions
    from .eval.speakers import by_name, format_speakers_report, load_speakers, score_speakers

    with _unreadable_corpus(FileNotFoundError, ValueError):
        gold = load_speakers(data_dir)
    pipeline = _pipeline(model)
    extractions = [pipeline.extract(doc.article()) for doc in gold.docs]
    scores = score_speakers(gold, extractions, {"by name": by_name, "by actor": link_extractions})
    out.print(format_speakers_report(scores), markup=False)


@eval_app.command("claims")
def eval_claims(
    data_dir: Annotated[Path, typer.Argument(help="MEANTIME (its XML folder).")],
    due: Annotated[
        Path | None,
        typer.Option(help="Also score due dates against a hand-annotated TSV (see tests/fixtures/reuters_due.tsv)."),
    ] = None,
    reuters: Annotated[Path, typer.Option(help="The Reuters-21578 folder the --due file points into.")] = Path(
        "../shared/data/reuters21578"
    ),
    model: Model = None,
) -> None:
    """`future`, `hedged` and `negated` P/R/F1 of reported events on MEANTIME; optionally due accuracy."""
    from .eval.claims import format_claims_report, load_claims, score_claims

    pipeline = _pipeline(model)
    with _unreadable_corpus(FileNotFoundError, ValueError):
        docs = load_claims(data_dir)
    out.print(format_claims_report(score_claims(docs, pipeline.extract)), markup=False)
    if due is not None:
        from .eval.claims import format_due_report, score_due

        with _unreadable_corpus(FileNotFoundError, ValueError):
            out.print("\n" + format_due_report(score_due(due, reuters, pipeline.extract)), markup=False)


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    model: Model = None,
    max_connections: Annotated[
        int, typer.Option(min=1, help="Open connections beyond which requests are answered 503.")
    ] = 100,
) -> None:
    """Browse, search and export in a web browser, with a JSON API (schema at /openapi.json).

    Ingesting needs the token in the SAIDWHAT_TOKEN environment variable; without it the server
    is read-only. A connection idle, or slow to send a request, for 5 seconds is closed.
    """
    import os

    from .web import create_app
    from .web.server import serve as run

    web = create_app(db, token=os.environ.get("SAIDWHAT_TOKEN") or None, model=model)
    run(web, host, port, max_connections)


if __name__ == "__main__":
    app()
