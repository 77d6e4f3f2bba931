"""What every command shares: the app, its consoles, option types and the one way to give up."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from ..errors import SaidwhatError

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..store import Store


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

DEFAULT_DB = "saidwhat.db"
Model = Annotated[str | None, typer.Option("--model", envvar="SAIDWHAT_MODEL", help="spaCy pipeline to use.")]
Db = Annotated[str, typer.Option("--db", envvar="SAIDWHAT_DB", help="SQLite path or database URL.")]
SPEAKER_COLUMNS = ["id", "name", "type", "statements", "articles", "first", "last"]


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


class ExtractFormat(StrEnum):
    json = "json"
    text = "text"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _pipeline(model: str | None) -> Pipeline:
    from ..pipeline import Pipeline

    return Pipeline(model=model)


def _safe_name(article_id: str) -> str:
    """An article id usable as a file name (ids from JSONL may hold slashes)."""
    return "".join(c if c.isalnum() or c in "-_.~" else "_" for c in article_id) or "article"


def _open_store(db: str, create: bool = False) -> Store:
    """The store; only writing commands create a missing database."""
    from ..store import Store

    return Store.open(db, create=create)


def _print_rows(rows: list, format: ListFormat, columns: list[str]) -> None:
    from ..render import rows_table, rows_to_csv, rows_to_json

    if format is ListFormat.json:
        sys.stdout.write(rows_to_json(rows) + "\n")
    elif format is ListFormat.csv:
        rows_to_csv(rows, sys.stdout)
    else:
        out.print(rows_table(rows, columns))
