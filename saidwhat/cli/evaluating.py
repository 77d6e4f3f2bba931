"""The ``eval`` commands, which score extraction against annotated corpora, and ``train cues``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..model import Article
from .common import DEFAULT_DB, Model, _open_store, _pipeline, _safe_name, _stop, err, out

if TYPE_CHECKING:
    from ..eval.polnear import GoldArticle
    from ..model import Statement, TimeExpression

eval_app = typer.Typer(help="Score extraction against annotated corpora (see EVAL.md).", no_args_is_help=True)
train_app = typer.Typer(help="Retrain saidwhat's learned parts from annotated corpora.", no_args_is_help=True)


@contextmanager
def _unreadable_corpus(*kinds: type[Exception]) -> Iterator[None]:
    """Stop the command when the scorers or the trainer cannot read their corpus (they raise
    Python's own errors, not a ``SaidwhatError``)."""
    try:
        yield
    except kinds as error:
        _stop(error)


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
    from ..eval.attribution import evaluate, format_attribution_report
    from ..eval.phenomena import by_phenomenon as phenomena
    from ..eval.phenomena import format_phenomena
    from ..eval.polnear import load_polnear
    from ..model import Extraction as Ex

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
    from ..eval.time import format_time_report, load_gold, score_times

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
    from ..actors import link_extractions
    from ..eval.speakers import by_name, format_speakers_report, load_speakers, score_speakers

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
    reuters: Annotated[Path, typer.Option(help="The Reuters-21578 folder that --due and --flags read.")] = Path(
        "../shared/data/reuters21578"
    ),
    flags: Annotated[
        list[Path] | None,
        typer.Option(help="Also score flags on statements labelled by hand (tests/fixtures/*_flags.tsv); repeatable."),
    ] = None,
    pages: Annotated[Path, typer.Option(help="The folder of web pages a --flags file points into.")] = Path(
        "../shared/data/article-extraction/html"
    ),
    model: Model = None,
) -> None:
    """`future`, `hedged` and `negated` P/R/F1 of reported events on MEANTIME; optionally due accuracy
    on Reuters, and all four on statements of Reuters stories or web pages labelled by hand."""
    from ..eval.claims import format_claims_report, load_claims, score_claims

    pipeline = _pipeline(model)
    with _unreadable_corpus(FileNotFoundError, ValueError):
        docs = load_claims(data_dir)
    out.print(format_claims_report(score_claims(docs, pipeline.extract)), markup=False)
    if due is not None:
        from ..eval.claims import format_due_report, score_due

        with _unreadable_corpus(FileNotFoundError, ValueError):
            out.print("\n" + format_due_report(score_due(due, reuters, pipeline.extract)), markup=False)
    for labelled in flags or []:
        from ..eval.claims import format_flags_report, score_flags

        with _unreadable_corpus(FileNotFoundError, ValueError):
            scores = score_flags(labelled, reuters, pages, pipeline.extract)
        out.print(f"\n{labelled.name}: " + format_flags_report(scores), markup=False)


@train_app.command("cues")
def train_cues(
    data_dir: Annotated[Path, typer.Argument(help="The PolNeAR folder (holding train/, metadata.tsv).")],
    out: Annotated[Path | None, typer.Option(help="Where to write the weights; default: the shipped model.")] = None,
    model: Model = None,
) -> None:
    """Fit the cue model on PolNeAR train (thresholds by cross-validation on it); dev is never read."""
    from ..extract.statements.cue_model import WEIGHTS
    from ..train import train_cues as fit_cues

    pipeline = _pipeline(model)
    with _unreadable_corpus(FileNotFoundError):
        cues = fit_cues(pipeline.nlp, data_dir, log=lambda line: err.print(line, markup=False))
    target = out or WEIGHTS
    cues.save(target)
    err.print(f"{len(cues.weights)} weights written to {target}", markup=False)


@eval_app.command("followups")
def eval_followups(
    gold_file: Annotated[Path, typer.Argument(help="Hand-labelled claims (tests/fixtures/reuters_followups.jsonl).")],
    db: Annotated[str, typer.Option("--db", envvar="SAIDWHAT_DB", help="The store holding the corpus.")] = DEFAULT_DB,
) -> None:
    """Recall and precision of follow-up stories, and relation accuracy (EVAL.md, Follow-ups)."""
    from ..eval.followups import format_followups_report, load_gold, score_followups

    with _unreadable_corpus(FileNotFoundError, ValueError):
        gold = load_gold(gold_file)
    with _open_store(db) as store:
        scores = score_followups(gold, store.claim_records())
    out.print(format_followups_report(scores), markup=False)
