"""Actors in the store: the linker's index kept in tables, totals kept as articles arrive.

Each article is linked in the transaction that inserts it. Its look-ups are read in one query up
front (every key any of its entities may ask for), so linking costs a handful of statements per
article whatever the size of the store; aliases, keys, roles and totals are written back in bulk.
On PostgreSQL an advisory lock makes concurrent writers link one article at a time, so that two
of them never create the same actor twice (SQLite's writers are serialised already).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Date, bindparam, case, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..actors import canonical_name, keys
from ..actors.linker import Mentioned, link, mentioned, vote
from ..actors.names import KeyKind, name_key, probes, short_keys
from ..model import Extraction
from .schema import actor_aliases, actor_keys, actor_roles, actors, articles, entities, statements

_LINK_LOCK = 0x5A1D_AC70  # the advisory lock every PostgreSQL writer takes to link


@dataclass
class Dormant:
    """Actors emptied by a rebuild, revived by the first new name that was one of their aliases
    with the same type, so that a rebuild gives the same people the same ids ("Wilson" the
    company does not take the id of Michael Wilson, once written "Wilson")."""

    by_alias: dict[tuple[str, str], int]
    revived: set[int] = field(default_factory=set)

    def revive(self, name: str, type_: str) -> int | None:
        pk = self.by_alias.get((name_key(name), type_))
        if pk is None or pk in self.revived:
            return None
        self.revived.add(pk)
        return pk


@dataclass
class _Actor:
    name: str
    type: str
    pinned: bool
    roles: set[str] | None = field(default_factory=set)  # None: stored, not yet read


def stored_key(kind: str, key: str) -> str:
    """A look-up key as stored: its kind and its value in one indexed column."""
    return f"{kind}:{key}"


class StoreIndex:
    """The linker's ``ActorIndex`` over the actor tables, for one article's transaction.

    Actors already stored go by their row key; actors created here go by ``n1``, ``n2``... until
    ``flush`` inserts them, all at once, with their aliases, keys and roles.
    """

    def __init__(self, conn: Connection, wanted: Iterable[tuple[KeyKind, str]], dormant: Dormant | None = None):
        self.conn = conn
        self.dormant = dormant
        self.keyed: dict[str, list[str]] = {}
        self.known: dict[str, _Actor] = {}
        self.created: list[str] = []
        self.moved: dict[str, str] = {}
        self.merged_into: set[str] = set()
        self.revived: set[str] = set()
        self.aliases: Counter[tuple[str, str, str]] = Counter()
        self.new_keys: set[tuple[str, str]] = set()
        self.new_roles: Counter[tuple[str, str]] = Counter()
        self._load({stored_key(kind, key) for kind, key in wanted})

    def _load(self, wanted: set[str]) -> None:
        for key in wanted:
            self.keyed.setdefault(key, [])
        if not wanted:
            return
        found = self.conn.execute(_FIND_KEYS, {"keys": sorted(wanted)}).all()
        for key, pk in found:
            self.keyed[key].append(str(pk))
        self._describe({pk for _, pk in found})

    def _describe(self, pks: set[int]) -> None:
        """Load name, type and pinned of stored actors not yet known (their roles when asked)."""
        wanted = sorted(pk for pk in pks if str(pk) not in self.known)
        if not wanted:
            return
        for pk, name, type_, pinned in self.conn.execute(_DESCRIBE, {"pks": wanted}):
            self.known[str(pk)] = _Actor(name, type_, pinned, None)

    def resolve(self, actor: str) -> str:
        """Where an actor linked earlier in this article now is, after any merge."""
        while actor in self.moved:
            actor = self.moved[actor]
        return actor

    def find(self, kind: KeyKind, key: str) -> list[str]:
        stored = stored_key(kind, key)
        if stored not in self.keyed:
            self._load({stored})
        return list(dict.fromkeys(self.resolve(a) for a in self.keyed[stored]))

    def create(self, name: str, type_: str) -> str:
        pk = self.dormant.revive(name, type_) if self.dormant else None
        if pk is not None:  # its stored name and type are from before the rebuild
            self.known[str(pk)] = _Actor(name, type_, False, None)
            self.revived.add(str(pk))
            return str(pk)
        actor = f"n{len(self.created) + 1}"
        self.created.append(actor)
        self.known[actor] = _Actor(name, type_, False)
        return actor

    def add_alias(self, actor: str, alias: str, type_: str, roles: Iterable[str]) -> None:
        actor = self.resolve(actor)
        self.aliases[(actor, alias, type_)] += 1
        for role in roles:
            self.new_roles[(actor, role)] += 1
        for kind, key in keys(alias, type_):
            stored = stored_key(kind, key)
            listed = self.keyed.setdefault(stored, [])
            if actor not in map(self.resolve, listed):
                listed.append(actor)
                self.new_keys.add((stored, actor))

    def merge(self, into: str, other: str) -> None:
        kept, gone = self.resolve(into), self.resolve(other)
        if kept.startswith("n") and not gone.startswith("n"):
            kept, gone = gone, kept  # keep the stored actor's id
        if not gone.startswith("n"):
            merge_actors(self.conn, int(kept), int(gone))
            self.merged_into.add(kept)
        self.moved[gone] = kept
        self.aliases = Counter({(self.resolve(a), al, t): n for (a, al, t), n in self.aliases.items()})
        self.new_roles = Counter({(self.resolve(a), r): n for (a, r), n in self.new_roles.items()})
        self.new_keys = {(k, self.resolve(a)) for k, a in self.new_keys}

    def pinned(self, actor: str) -> bool:
        return self.known[self.resolve(actor)].pinned

    def roles(self, actor: str) -> set[str]:
        actor = self.resolve(actor)
        folded = [a for a in self.known if self.resolve(a) == actor]  # itself and what merged into it
        pending = {w for (a, role), _n in self.new_roles.items() if a == actor for w in role.lower().split()}
        return pending.union(*map(self._stored_roles, folded))

    def written(self, actor: str) -> set[str]:
        actor = self.resolve(actor)
        folded = [int(a) for a in self.known if self.resolve(a) == actor and not a.startswith("n")]
        stored: list[str] = list(self.conn.execute(_ALIASES, {"pks": folded}).scalars()) if folded else []
        return {*stored, *(alias for (a, alias, _t) in self.aliases if a == actor)}

    def _stored_roles(self, actor: str) -> set[str]:
        known = self.known[actor]
        if known.roles is None:
            stored = self.conn.execute(_ROLES, {"pks": [int(actor)]}).scalars()
            known.roles = {w for role in stored for w in role.lower().split()}
        return known.roles

    def name(self, actor: str) -> str:
        return self.known[self.resolve(actor)].name

    def type(self, actor: str) -> str:
        return self.known[self.resolve(actor)].type

    def flush(self) -> dict[str, int]:
        """Insert the actors created here and write the aliases, keys and roles counted; the row
        key of every actor this index handed out."""
        rows: dict[str, int] = {a: int(a) for a in self.known if not a.startswith("n")}
        fresh = [a for a in self.created if self.resolve(a) == a]
        if fresh:
            pks = (
                self.conn.execute(
                    _INSERT_ACTORS,
                    [
                        {"id": f"new-{uuid.uuid4()}", "name": self.known[a].name, "type": self.known[a].type}
                        for a in fresh
                    ],
                )
                .scalars()
                .all()
            )
            rows |= dict(zip(fresh, pks))
            self.conn.execute(_NUMBER_ACTORS, [{"actor": pk, "new_id": f"a{pk}"} for pk in pks])
        for actor in self.moved:
            rows[actor] = rows[self.resolve(actor)]
        upsert_aliases, insert_keys, upsert_roles = _UPSERTS[self.conn.dialect.name]
        if self.aliases:
            aliases = [
                {"actor_pk": rows[a], "alias": alias, "type": t, "count": n}
                for (a, alias, t), n in sorted(self.aliases.items())
            ]
            self.conn.execute(upsert_aliases, aliases)
        if self.new_keys:
            found = sorted({(key, rows[a]) for key, a in self.new_keys})
            self.conn.execute(insert_keys, [{"key": k, "actor_pk": pk} for k, pk in found])
        if self.new_roles:
            roles = [{"actor_pk": rows[a], "role": r, "count": n} for (a, r), n in sorted(self.new_roles.items())]
            self.conn.execute(upsert_roles, roles)
        return rows

    def grown(self) -> set[str]:
        """Stored actors counted under an alias other than their name, or under another type, whose
        name or type the vote may change: a longer name, a shorter one now written ten times as
        often as a stray long form, or "Pratt" now taken for a person more often than for a firm."""
        stored = ((a, alias, t) for (a, alias, t), _n in self.aliases.items() if not a.startswith("n"))
        return {a for a, alias, t in stored if alias != self.known[a].name or t != self.known[a].type}


def _count_up(statement: Any, unique: list[str]) -> Any:
    """An upsert that adds the new row's count to an existing row's."""
    return statement.on_conflict_do_update(
        index_elements=unique, set_={"count": statement.table.c["count"] + statement.excluded["count"]}
    )


def _upserts(insert_: Any) -> tuple[Any, Any, Any]:
    return (
        _count_up(insert_(actor_aliases), ["actor_pk", "alias", "type"]),
        insert_(actor_keys).on_conflict_do_nothing(),
        _count_up(insert_(actor_roles), ["actor_pk", "role"]),
    )


# Built once per dialect, like every statement below: SQLAlchemy then reuses the compiled form.
_UPSERTS = {"sqlite": _upserts(sqlite.insert), "postgresql": _upserts(postgresql.insert)}
_FIND_KEYS = (
    select(actor_keys.c.key, actor_keys.c.actor_pk)
    .where(actor_keys.c.key.in_(bindparam("keys", expanding=True)))
    .order_by(actor_keys.c.actor_pk)
)
_DESCRIBE = select(actors.c.pk, actors.c.name, actors.c.type, actors.c.pinned).where(
    actors.c.pk.in_(bindparam("pks", expanding=True))
)
_ALIASES = select(actor_aliases.c.alias).where(actor_aliases.c.actor_pk.in_(bindparam("pks", expanding=True)))
_ROLES = select(actor_roles.c.role).where(
    actor_roles.c.actor_pk.in_(bindparam("pks", expanding=True))
)
_INSERT_ACTORS = (
    insert(actors)
    .values(pinned=False, renamed=False, statements=0, articles=0)
    .returning(actors.c.pk, sort_by_parameter_order=True)
)
_NUMBER_ACTORS = update(actors).where(actors.c.pk == bindparam("actor")).values(id=bindparam("new_id"))


def _wanted(entities_: Iterable[Mentioned]) -> set[tuple[KeyKind, str]]:
    """Every key the linker may look up for these entities."""
    found: set[tuple[KeyKind, str]] = set()
    for entity in entities_:
        for form in (entity.name, *entity.forms):
            found.update(keys(form, entity.type))
        found.update(probes(entity.name, entity.type))
        for kind, key in short_keys(entity.name, entity.type):
            found.update({(kind, key), ("core", key)})
    return found


def merge_actors(conn: Connection, kept: int, gone: int) -> None:
    """Move the entities, aliases, keys and roles of actor ``gone`` to ``kept``; drop ``gone``."""
    upsert_aliases, insert_keys, upsert_roles = _UPSERTS[conn.dialect.name]
    conn.execute(update(entities).where(entities.c.actor_pk == gone).values(actor_pk=kept))
    aliases = conn.execute(
        select(actor_aliases.c.alias, actor_aliases.c.type, actor_aliases.c["count"]).where(
            actor_aliases.c.actor_pk == gone
        )
    ).all()
    if aliases:
        conn.execute(
            upsert_aliases,
            [{"actor_pk": kept, "alias": a, "type": t, "count": n} for a, t, n in aliases],
        )
    roles = conn.execute(select(actor_roles.c.role, actor_roles.c["count"]).where(actor_roles.c.actor_pk == gone)).all()
    if roles:
        conn.execute(
            upsert_roles,
            [{"actor_pk": kept, "role": r, "count": n} for r, n in roles],
        )
    moved = conn.execute(select(actor_keys.c.key).where(actor_keys.c.actor_pk == gone)).scalars().all()
    if moved:
        conn.execute(insert_keys, [{"key": k, "actor_pk": kept} for k in moved])
    conn.execute(delete(actors).where(actors.c.pk == gone))


def link_stored(
    conn: Connection, extraction: Extraction, entity_pks: dict[str, int], dormant: Dormant | None = None
) -> None:
    """Link the entities of an article just stored and add it to its actors' totals."""
    found = mentioned(extraction)
    if not found:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_LINK_LOCK)))
    index = StoreIndex(conn, _wanted(found.values()), dormant)
    linked = {local: link(index, entity) for local, entity in found.items()}
    rows = index.flush()
    actor_of = {local: rows[index.resolve(a)] for local, a in linked.items()}
    conn.execute(_LINK_ENTITIES, [{"entity": entity_pks[local], "actor": pk} for local, pk in actor_of.items()])
    said: Counter[str] = Counter(s.source.entity for s in extraction.statements if s.source and s.source.entity)
    merged = {rows[a] for a in index.merged_into}
    totals: Counter[int] = Counter()
    for local, pk in actor_of.items():
        totals[pk] += said[local]
    added = [
        {"actor": pk, "said": n, "seen": extraction.published} for pk, n in sorted(totals.items()) if pk not in merged
    ]
    if added:
        conn.execute(_ADD_TO_TOTALS, added)
    recount(conn, merged)
    rename(conn, merged | {rows[a] for a in index.grown() | index.revived})


_LINK_ENTITIES = update(entities).where(entities.c.pk == bindparam("entity")).values(actor_pk=bindparam("actor"))
_SEEN = bindparam("seen", type_=Date)
_ADD_TO_TOTALS = (
    update(actors)
    .where(actors.c.pk == bindparam("actor"))
    .values(
        articles=actors.c.articles + 1,
        statements=actors.c.statements + bindparam("said"),
        first=case((or_(actors.c.first.is_(None), actors.c.first > _SEEN), _SEEN), else_=actors.c.first),
        last=case((or_(actors.c.last.is_(None), actors.c.last < _SEEN), _SEEN), else_=actors.c.last),
    )
)
"""One article's worth added to an actor's totals; an undated article leaves first and last as
they were (a comparison with NULL is never true)."""


def recount(conn: Connection, pks: Collection[int] | None = None) -> None:
    """Recompute the totals of these actors (of all, if None) from their entities."""
    if pks is not None and not pks:
        return
    own = entities.c.actor_pk == actors.c.pk
    mentioned_in = select(func.count(func.distinct(entities.c.article_pk))).where(own)
    said = (
        select(func.count())
        .select_from(statements.join(entities, statements.c.source_entity_pk == entities.c.pk))
        .where(own)
    )
    seen = (
        select(articles.c.published)
        .select_from(articles.join(entities, entities.c.article_pk == articles.c.pk))
        .where(own)
    )
    statement = update(actors).values(
        articles=mentioned_in.scalar_subquery(),
        statements=said.scalar_subquery(),
        first=seen.with_only_columns(func.min(articles.c.published)).scalar_subquery(),
        last=seen.with_only_columns(func.max(articles.c.published)).scalar_subquery(),
    )
    if pks is None:
        conn.execute(statement)
        return
    for pk in sorted(set(pks)):
        conn.execute(statement.where(actors.c.pk == pk))


def rename(conn: Connection, pks: Iterable[int]) -> None:
    """Give these actors the name and type their aliases vote for, unless a curator named them."""
    wanted = sorted(set(pks))
    if not wanted:
        return
    rows = conn.execute(
        select(actor_aliases.c.actor_pk, actor_aliases.c.alias, actor_aliases.c.type, actor_aliases.c["count"])
        .join(actors, actors.c.pk == actor_aliases.c.actor_pk)
        .where(actor_aliases.c.actor_pk.in_(wanted), actors.c.renamed.is_(False))
    ).all()
    names: dict[int, Counter[str]] = {}
    types: dict[int, Counter[str]] = {}
    for pk, alias, type_, count in rows:
        names.setdefault(pk, Counter())[alias] += max(count, 1)
        types.setdefault(pk, Counter())[type_] += max(count, 1)
    if not names:
        return
    conn.execute(
        update(actors)
        .where(actors.c.pk == bindparam("actor"))
        .values(name=bindparam("new_name"), type=bindparam("new_type")),
        [{"actor": pk, "new_name": canonical_name(names[pk], voted), "new_type": voted}
         for pk in sorted(names) for voted in [vote(types[pk], names[pk])]],
    )
