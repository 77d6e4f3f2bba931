"""What curators decide about actors, because no linking rule is perfect: merge two, split an
alias off, rename one, or seed and pin actors from an authority file.

Every decision is kept (``actor_decisions``) and replayed by ``rebuild``, which re-links the whole
store with the current rules: authority rows first, then every article in the order it was
stored, then merges, splits and renames in the order they were made.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..actors import clean, keys, name_key
from ..errors import ReadError, SaidwhatError
from ..model import Entity, Extraction
from .actors import Dormant, link_stored, merge_actors, recount, rename, stored_key
from .schema import actor_aliases, actor_decisions, actor_keys, actor_roles, actors, articles, entities, mentions


class CurationError(SaidwhatError):
    """A curation that names no such actor or alias."""


@dataclass(frozen=True)
class AuthorityRow:
    """One row of an authority file: an actor with its own id, name, type, aliases and QID."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


def read_authority(path: Path) -> list[AuthorityRow]:
    """A CSV with columns id, name, type, aliases (separated by ``;``) and wikidata."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ReadError(str(path), str(error)) from error
    found = []
    for n, row in enumerate(rows, 2):
        if not (row.get("id") or "").strip() or not (row.get("name") or "").strip():
            raise ReadError(f"{path}:{n}", "an authority row needs an id and a name")
        found.append(
            AuthorityRow(
                id=row["id"].strip(),
                name=clean(row["name"]),
                type=(row.get("type") or "PERSON").strip().upper(),
                aliases=tuple(clean(a) for a in (row.get("aliases") or "").split(";") if a.strip()),
                wikidata=(row.get("wikidata") or "").strip() or None,
            )
        )
    return found


def _pk(conn: Connection, actor_id: str) -> int:
    pk = conn.execute(select(actors.c.pk).where(actors.c.id == actor_id)).scalar()
    if pk is None:
        raise CurationError(f"no actor {actor_id!r}")
    return pk


def _decided(conn: Connection, action: str, detail: dict[str, Any]) -> None:
    conn.execute(insert(actor_decisions).values(action=action, detail=detail, made_at=datetime.now(UTC)))


def _rekey(conn: Connection, pk: int) -> None:
    """File an actor under the keys of the aliases it has now."""
    conn.execute(delete(actor_keys).where(actor_keys.c.actor_pk == pk))
    rows = conn.execute(select(actor_aliases.c.alias, actor_aliases.c.type).where(actor_aliases.c.actor_pk == pk)).all()
    found = {stored_key(kind, key) for alias, type_ in rows for kind, key in keys(alias, type_)}
    if found:
        conn.execute(insert(actor_keys), [{"key": key, "actor_pk": pk} for key in sorted(found)])


def merge(conn: Connection, into: str, others: Iterable[str]) -> None:
    """Fold actors ``others`` into ``into``. The decision is kept as the names the others were
    written under, since a rebuild may give them other ids."""
    kept = _pk(conn, into)
    for other in others:
        if other == into:
            continue
        gone = _pk(conn, other)
        names = conn.execute(select(actor_aliases.c.alias).where(actor_aliases.c.actor_pk == gone)).scalars().all()
        merge_actors(conn, kept, gone)
        _decided(conn, "merge", {"into": into, "other": other, "names": sorted(set(names))})
    recount(conn, [kept])
    rename(conn, [kept])


def _merge_names(conn: Connection, into: str, names: list[str]) -> None:
    """Replay a merge: fold into ``into`` every unpinned actor now written under one of ``names``."""
    kept = _pk(conn, into)
    keyed = select(actor_keys.c.actor_pk).where(actor_keys.c.key.in_([stored_key("name", name_key(n)) for n in names]))
    found = (
        conn.execute(select(actors.c.pk).where(actors.c.pk.in_(keyed), actors.c.pk != kept, actors.c.pinned.is_(False)))
        .scalars()
        .all()
    )
    for gone in found:
        merge_actors(conn, kept, gone)
    recount(conn, [kept])
    rename(conn, [kept])


def split(conn: Connection, actor_id: str, alias: str, new_id: str | None = None, record: bool = True) -> str:
    """Move the mentions named ``alias`` out of an actor into an actor of their own, pinned so that
    no rule folds them back; its id (reused when a rebuild replays the split)."""
    pk = _pk(conn, actor_id)
    key = name_key(alias)
    moving = [
        e
        for e, name in conn.execute(select(entities.c.pk, entities.c.name).where(entities.c.actor_pk == pk))
        if name_key(name) == key
    ]
    if not moving:
        raise CurationError(f"actor {actor_id!r} has no mention named {alias!r}")
    type_ = conn.execute(select(actors.c.type).where(actors.c.pk == pk)).scalar_one()
    new_pk = conn.execute(select(actors.c.pk).where(actors.c.id == new_id)).scalar() if new_id else None
    if new_pk is None:
        new_pk = conn.execute(
            insert(actors)
            .values(
                id=new_id or f"split-{pk}-{key}",
                name=clean(alias),
                type=type_,
                pinned=True,
                renamed=False,
                statements=0,
                articles=0,
            )
            .returning(actors.c.pk)
        ).scalar_one()
        if new_id is None:
            conn.execute(update(actors).where(actors.c.pk == new_pk).values(id=f"a{new_pk}"))
    conn.execute(update(actors).where(actors.c.pk == new_pk).values(pinned=True))
    conn.execute(update(entities).where(entities.c.pk.in_(moving)).values(actor_pk=new_pk))
    aliases = conn.execute(
        select(actor_aliases.c.pk, actor_aliases.c.alias).where(actor_aliases.c.actor_pk == pk)
    ).all()
    moved = [a_pk for a_pk, name in aliases if name_key(name) == key]
    conn.execute(update(actor_aliases).where(actor_aliases.c.pk.in_(moved)).values(actor_pk=new_pk))
    for changed in (pk, new_pk):
        _rekey(conn, changed)
    recount(conn, [pk, new_pk])
    rename(conn, [pk, new_pk])
    made = conn.execute(select(actors.c.id).where(actors.c.pk == new_pk)).scalar_one()
    if record:
        _decided(conn, "split", {"actor": actor_id, "alias": alias, "new": made})
    return made


def rename_actor(conn: Connection, actor_id: str, name: str, record: bool = True) -> None:
    """Give an actor a name of the curator's choosing, which no later vote changes."""
    pk = _pk(conn, actor_id)
    conn.execute(update(actors).where(actors.c.pk == pk).values(name=clean(name), renamed=True))
    if record:
        _decided(conn, "rename", {"actor": actor_id, "name": name})


def seed(conn: Connection, row: AuthorityRow, record: bool = True) -> None:
    """Create or update the actor of an authority row, pinned under the row's id and name, and fold
    into it every actor already known by one of its names."""
    values = {"name": row.name, "type": row.type, "wikidata": row.wikidata, "pinned": True, "renamed": True}
    pk = conn.execute(select(actors.c.pk).where(actors.c.id == row.id)).scalar()
    if pk is None:
        pk = conn.execute(
            insert(actors).values(id=row.id, statements=0, articles=0, **values).returning(actors.c.pk)
        ).scalar_one()
    else:
        conn.execute(update(actors).where(actors.c.pk == pk).values(**values))
    names = dict.fromkeys((row.name, *row.aliases))
    known = {
        a
        for a, t in conn.execute(
            select(actor_aliases.c.alias, actor_aliases.c.type).where(actor_aliases.c.actor_pk == pk)
        )
    }
    new = [{"actor_pk": pk, "alias": a, "type": row.type, "count": 0} for a in names if a not in known]
    if new:
        conn.execute(insert(actor_aliases), new)
    _rekey(conn, pk)
    same = select(actor_keys.c.actor_pk).where(actor_keys.c.key.in_([stored_key("name", name_key(a)) for a in names]))
    for other in (
        conn.execute(select(actors.c.id).where(actors.c.pk.in_(same), actors.c.pk != pk, actors.c.pinned.is_(False)))
        .scalars()
        .all()
    ):
        merge_actors(conn, pk, _pk(conn, other))
    recount(conn, [pk])
    if record:
        _decided(conn, "seed", row.__dict__ | {"aliases": list(row.aliases)})


def rebuild(conn: Connection) -> int:
    """Re-link every stored entity with the current rules and replay every decision; the number
    of actors afterwards. Actors keep their ids when one of their names comes up again."""
    dormant = Dormant({})
    for pk, alias, type_ in conn.execute(
        select(actor_aliases.c.actor_pk, actor_aliases.c.alias, actor_aliases.c.type)
        .join(actors, actors.c.pk == actor_aliases.c.actor_pk)
        .where(actors.c.pinned.is_(False))
        .order_by(actor_aliases.c["count"].desc(), actor_aliases.c.actor_pk)
    ):
        dormant.by_alias.setdefault((name_key(alias), type_), pk)
    conn.execute(update(entities).values(actor_pk=None))
    for table in (actor_keys, actor_aliases, actor_roles):
        conn.execute(delete(table))
    conn.execute(update(actors).values(statements=0, articles=0, first=None, last=None))
    decisions = conn.execute(
        select(actor_decisions.c.action, actor_decisions.c.detail).order_by(actor_decisions.c.pk)
    ).all()
    for action, detail in decisions:
        if action == "seed":
            seed(conn, AuthorityRow(**detail | {"aliases": tuple(detail["aliases"])}), record=False)
    for extraction, pks in _stored_entities(conn):
        link_stored(conn, extraction, pks, dormant)
    for action, detail in decisions:
        _replay(conn, action, detail)
    used = select(entities.c.actor_pk).where(entities.c.actor_pk.is_not(None))
    conn.execute(delete(actors).where(actors.c.pinned.is_(False), actors.c.pk.not_in(used)))
    recount(conn)
    return conn.execute(select(func.count()).select_from(actors)).scalar_one()


def _replay(conn: Connection, action: str, detail: dict[str, Any]) -> None:
    """Apply a past decision again, unless the actors it names are gone."""
    try:
        if action == "merge":
            _merge_names(conn, detail["into"], detail["names"])
        elif action == "split":
            split(conn, detail["actor"], detail["alias"], detail["new"], record=False)
        elif action == "rename":
            rename_actor(conn, detail["actor"], detail["name"], record=False)
    except CurationError:
        pass  # the rules of this rebuild already decided otherwise


def _stored_entities(conn: Connection, page: int = 500) -> Iterator[tuple[Extraction, dict[str, int]]]:
    """Every stored article as far as linking needs it (headline, text, date, entities with their mentions;
    no statements, since the totals are recounted after), with its entities' row keys, in the
    order the articles were stored: four queries a page of articles."""
    after = 0
    while True:
        found = conn.execute(
            select(articles.c.pk, articles.c.id, articles.c.title, articles.c.text, articles.c.published)
            .where(articles.c.pk > after)
            .order_by(articles.c.pk)
            .limit(page)
        ).all()
        if not found:
            return
        in_page = entities.c.article_pk.in_([row.pk for row in found])
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for entity_pk, start, end in conn.execute(
            select(mentions.c.entity_pk, mentions.c.start, mentions.c.end)
            .join(entities, mentions.c.entity_pk == entities.c.pk)
            .where(in_page)
            .order_by(mentions.c.entity_pk, mentions.c.seq)
        ):
            spans[entity_pk].append((start, end))
        by_article: dict[int, list[Any]] = defaultdict(list)
        for row in conn.execute(select(entities).where(in_page).order_by(entities.c.article_pk, entities.c.seq)):
            by_article[row.article_pk].append(row)
        for article in found:
            rows = by_article[article.pk]
            extraction = Extraction(
                id=article.id,
                title=article.title,
                text=article.text,
                published=article.published,
                entities=[
                    Entity(id=r.local_id, name=r.name, type=r.type, roles=r.roles, mentions=spans[r.pk]) for r in rows
                ],
            )
            yield extraction, {r.local_id: r.pk for r in rows}
        after = found[-1].pk
