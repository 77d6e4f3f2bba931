"""The ``actors`` commands: list and show actors, and curate them (merge, split, rename, load, rebuild)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DEFAULT_DB, SPEAKER_COLUMNS, Db, ListFormat, _open_store, _print_rows, _stop, err, out

actors_app = typer.Typer(
    help="Actors: one identity per person or organisation across the store; list, show and curate them.",
    no_args_is_help=True,
)


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
    from ..store.curation import read_authority

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
