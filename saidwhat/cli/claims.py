"""The ``claims`` commands: list claims by status, show one with its timeline, rebuild them."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from typing import Annotated, cast, get_args

import typer

from ..model import ClaimStatus
from .common import DEFAULT_DB, Db, ListFormat, _day, _open_store, _print_rows, _stop, err, out

claims_app = typer.Typer(
    help="Claims: what was announced, promised or predicted, and what later stories said of it.",
)

Status = StrEnum("Status", {name: name for name in get_args(ClaimStatus)})  # type: ignore[misc]


class ClaimFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


Today = Annotated[str | None, typer.Option(help="Judge status as of YYYY-MM-DD (default: today).")]


@claims_app.callback(invoke_without_command=True)
def claims(
    ctx: typer.Context,
    status: Annotated[Status | None, typer.Option(help="Only claims with this status.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue claims (--status overdue).")] = False,
    due_before: Annotated[str | None, typer.Option(help="Due before YYYY-MM-DD.")] = None,
    speaker: Annotated[str | None, typer.Option(help="An actor's id, or part of a speaker's name.")] = None,
    text: Annotated[str | None, typer.Option(help="Words that must all occur in the content.")] = None,
    today: Today = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    format: Annotated[
        ClaimFormat,
        typer.Option("--format", help="jsonl: every claim's every source with its follow-ups (EVAL.md), unfiltered."),
    ] = ClaimFormat.table,
    db: Db = DEFAULT_DB,
) -> None:
    """Claims by due date, each pending, overdue, reported (a later story says what became of it)
    or undated; a claim repeated by several stories is listed once."""
    if ctx.invoked_subcommand is not None:
        return
    wanted = cast(ClaimStatus | None, "overdue" if overdue else (status.value if status else None))
    with _open_store(db) as store:
        if format is ClaimFormat.jsonl:
            for record in store.claim_records(_day(today)):
                sys.stdout.write(record.model_dump_json() + "\n")
            return
        rows = store.claims(
            today=_day(today), status=wanted, due_before=_day(due_before), speaker=speaker, text=text, limit=limit
        )
    columns = ["claim", "due", "status", "relation", "speaker", "content", "article_id"]
    _print_rows(rows, ListFormat(format.value), columns)


@claims_app.command("show")
def claims_show(
    claim_id: Annotated[str, typer.Argument(help="The claim's id, as listed (c12).")],
    today: Today = None,
    db: Db = DEFAULT_DB,
) -> None:
    """One claim: who said it, where, and its timeline of follow-ups."""
    with _open_store(db) as store:
        detail = store.claim(claim_id, _day(today))
    if detail is None:
        _stop(f"no claim {claim_id!r} in {db}", 1)
    c = detail.claim
    out.print(f"[bold]{c.claim}[/bold] · {c.speaker or 'unattributed'} · {c.status}"
              + (f" ({c.relation} {c.reported})" if c.relation else ""), markup=True)
    out.print(f"{c.cue}: {c.content}", markup=False)
    out.print(f"said {c.said_on or c.published or '?'}; due {c.due or 'undated'}", markup=False)
    out.print("\nTimeline:", markup=False)
    events: list[tuple[date | None, str]] = [
        (s.said_on or s.published, f"said in {s.article_id} ({s.statement_id})") for s in detail.said_in
    ]
    if c.due:
        events.append((c.due, "due"))
    events += [(f.published, f"{f.relation}: {f.article_id} — {f.evidence}") for f in detail.followups]
    for day, what in sorted(events, key=lambda e: (e[0] or date.max, e[1])):
        out.print(f"  {day or '?'}  {what}", markup=False)


@claims_app.command("rebuild")
def claims_rebuild(db: Db = DEFAULT_DB) -> None:
    """Gather the claims and find their follow-ups afresh over the whole store (after curating actors)."""
    with _open_store(db) as store:
        found = store.rebuild_claims()
    err.print(f"{found} claims", markup=False)
