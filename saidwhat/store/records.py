"""Writing an Extraction into the tables and reading it back unchanged."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, RowMapping, Table, bindparam, insert, select

from ..model import Entity, Extraction, Part, Source, Span, Statement, TimeExpression
from .actors import link_stored
from .followups import follow
from .queries import stored_id
from .schema import articles, entities, mentions, statements, times

ARTICLE_FIELDS = ("title", "published", "url", "source", "author", "origin", "text")
# Statement fields stored as they are; source, cue and content are split into columns.
STATEMENT_FIELDS = ("via", "said_on", "hedged", "negated", "future", "due")
# Built once: SQLAlchemy then reuses their compiled form for every article written.
_ID_TAKEN = select(articles.c.pk).where(articles.c.id == bindparam("id"))
_INSERT_ARTICLE = insert(articles)
_INSERT_ENTITIES = insert(entities).returning(entities.c.pk, sort_by_parameter_order=True)
_INSERTS = {table: insert(table) for table in (mentions, statements, times)}


def unique_id(conn: Connection, article_id: str) -> str:
    """The id itself if free, else the first free ``id~2``, ``id~3``...

    Two different stories may share an external id (two feeds both numbering from 1); both are
    kept, and the later one is stored, and must be fetched, under its suffixed id.
    """
    candidate, n = article_id, 1
    while conn.execute(_ID_TAKEN, {"id": candidate}).first():
        n += 1
        candidate = f"{article_id}~{n}"
    return candidate


def save(conn: Connection, extraction: Extraction) -> Literal["new", "duplicate"]:
    """Insert the article and its records on ``conn``; the caller owns the transaction."""
    if stored_id(conn, extraction) is not None:  # the first copy stored wins
        return "duplicate"
    inserted = conn.execute(
        _INSERT_ARTICLE,
        {
            "id": unique_id(conn, extraction.id),
            "content_hash": extraction.content_hash,
            "ingested_at": datetime.now(UTC),
            **{f: getattr(extraction, f) for f in ARTICLE_FIELDS},
        },
    ).inserted_primary_key
    assert inserted is not None  # an INSERT always reports its key
    article_pk = inserted[0]
    entity_pks = _save_entities(conn, article_pk, extraction.entities)
    _insert(conn, statements, [
        _statement_row(s, entity_pks) | {"article_pk": article_pk, "seq": i}
        for i, s in enumerate(extraction.statements)
    ])
    _insert(conn, times, [
        t.model_dump() | {"article_pk": article_pk, "seq": i}
        for i, t in enumerate(extraction.times)
    ])
    link_stored(conn, extraction, entity_pks)
    follow(conn, article_pk, extraction)
    return "new"


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(_INSERTS[table], rows)


def _save_entities(conn: Connection, article_pk: int, records: list[Entity]) -> dict[str, int]:
    """Insert entities and their mentions; map each local id to its row key."""
    if not records:
        return {}
    rows = [
        {"article_pk": article_pk, "seq": i, "local_id": e.id, "name": e.name,
         "type": e.type, "roles": e.roles}
        for i, e in enumerate(records)
    ]
    pks = conn.execute(_INSERT_ENTITIES, rows).scalars().all()
    _insert(conn, mentions, [
        {"entity_pk": pk, "seq": i, "start": start, "end": end}
        for pk, e in zip(pks, records)
        for i, (start, end) in enumerate(e.mentions)
    ])
    return {e.id: pk for e, pk in zip(records, pks)}


def _statement_row(s: Statement, entity_pks: dict[str, int]) -> dict[str, Any]:
    source = s.source
    if source and source.entity and source.entity not in entity_pks:
        raise ValueError(f"statement {s.id} names unknown entity {source.entity}")
    return {
        "local_id": s.id,
        "kind": s.kind,
        "source_text": source.text if source else None,
        "source_spans": source.spans if source else None,
        "source_entity_pk": entity_pks[source.entity] if source and source.entity else None,
        "cue_text": s.cue.text,
        "cue_spans": s.cue.spans,
        "content_text": s.content.text,
        "content_spans": s.content.spans,
        **s.model_dump(include=set(STATEMENT_FIELDS)),
    }


def load(conn: Connection, article_id: str) -> Extraction | None:
    """Rebuild the Extraction stored under ``article_id`` (a suffixed id for a clash)."""
    article = conn.execute(
        select(articles.c.pk, articles.c.id, *(articles.c[f] for f in ARTICLE_FIELDS))
        .where(articles.c.id == article_id)
    ).mappings().first()
    if article is None:
        return None
    pk = article["pk"]
    entity_rows = conn.execute(
        select(entities).where(entities.c.article_pk == pk).order_by(entities.c.seq)
    ).mappings().all()
    spans: dict[int, list[Span]] = {row["pk"]: [] for row in entity_rows}
    for row in conn.execute(
        select(mentions.c.entity_pk, mentions.c.start, mentions.c.end)
        .join(entities).where(entities.c.article_pk == pk).order_by(mentions.c.seq)
    ):
        spans[row.entity_pk].append((row.start, row.end))
    local_ids = {row["pk"]: row["local_id"] for row in entity_rows}
    return Extraction(
        **{k: v for k, v in article.items() if k != "pk"},
        entities=[
            Entity(id=row["local_id"], name=row["name"], type=row["type"], roles=row["roles"],
                   mentions=spans[row["pk"]])
            for row in entity_rows
        ],
        statements=[
            _statement(row, local_ids)
            for row in conn.execute(
                select(statements).where(statements.c.article_pk == pk).order_by(statements.c.seq)
            ).mappings()
        ],
        times=[
            TimeExpression(**{f: row[f] for f in TimeExpression.model_fields})
            for row in conn.execute(
                select(times).where(times.c.article_pk == pk).order_by(times.c.seq)
            ).mappings()
        ],
    )


def _statement(row: RowMapping, local_ids: dict[int, str]) -> Statement:
    source = None
    if row["source_text"] is not None:
        entity_pk = row["source_entity_pk"]
        source = Source(
            text=row["source_text"],
            spans=row["source_spans"],
            entity=local_ids[entity_pk] if entity_pk is not None else None,
        )
    return Statement(
        id=row["local_id"],
        kind=row["kind"],
        source=source,
        cue=Part(text=row["cue_text"], spans=row["cue_spans"]),
        content=Part(text=row["content_text"], spans=row["content_spans"]),
        **{k: row[k] for k in STATEMENT_FIELDS},
    )
