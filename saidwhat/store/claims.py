"""Reading claims: listed with their status, one shown with its timeline, all written as records.

A claim's status is read against ``today``: ``reported`` once a later story reports on it (its
latest relation shown), else ``undated`` without a due date, ``overdue`` once that date has
passed, ``pending`` before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, case, func, literal, select

from ..model import Claim, ClaimStatus, FollowUp, Part, Relation
from .queries import StatementQuery, StatementRow, filtered, one_line, when
from .schema import articles, claim_sources, claims, followups, statements


@dataclass(frozen=True)
class ClaimRow(StatementRow):
    """A claim, shown by its first source: its status, how many stories said it, what became of it."""

    claim: str
    status: ClaimStatus
    sources: int
    relation: Relation | None
    reported: date | None


@dataclass(frozen=True)
class FollowUpRow:
    """A later story about a claim, with the sentence that says what became of it."""

    article_id: str
    article_title: str | None
    published: date | None
    statement_id: str | None
    relation: Relation
    score: float
    evidence: str


@dataclass(frozen=True)
class ClaimDetail:
    """One claim: its first source, every story that said it, and its follow-ups oldest first."""

    claim: ClaimRow
    said_in: list[StatementRow]
    followups: list[FollowUpRow]


def claim_id(pk: int) -> str:
    return f"c{pk}"


def _claim_pk(claim: str) -> int | None:
    digits = claim.removeprefix("c")
    return int(digits) if claim.startswith("c") and digits.isdigit() and len(digits) < 12 else None


def status(today: date) -> ColumnElement[str]:
    return case(
        (claims.c.relation.is_not(None), literal("reported")),
        (claims.c.due.is_(None), literal("undated")),
        (claims.c.due < today, literal("overdue")),
        else_=literal("pending"),
    )


def _sources() -> ColumnElement[int]:
    return (
        select(func.count()).where(claim_sources.c.claim_pk == claims.c.pk).scalar_subquery()
    )


def _listed(conn: Connection, q: StatementQuery, today: date, wanted: ClaimStatus | None) -> Select:
    query = filtered(replace(q, future=None), conn.dialect.name).join(
        claims, claims.c.pk == statements.c.pk
    ).add_columns(
        claims.c.pk.label("claim"), status(today).label("status"), _sources().label("sources"),
        claims.c.relation, claims.c.reported,
    )
    return query.where(status(today) == wanted) if wanted else query


def select_claims(
    conn: Connection, q: StatementQuery, today: date, wanted: ClaimStatus | None = None
) -> list[ClaimRow]:
    """Claims by due date (undated last), each shown by its first source; ``wanted`` keeps one status."""
    query = _listed(conn, q, today, wanted).order_by(
        claims.c.due.nulls_last(), when, articles.c.id, statements.c.seq
    )
    return [_row(row) for row in conn.execute(query).mappings()]


def count_claims(conn: Connection, q: StatementQuery, today: date, wanted: ClaimStatus | None = None) -> int:
    query = _listed(conn, replace(q, limit=None, offset=0), today, wanted).subquery()
    return int(conn.execute(select(func.count()).select_from(query)).scalar_one())


def _row(row: Any) -> ClaimRow:
    return ClaimRow(**{**row, "claim": claim_id(row["claim"])})


def select_claim(conn: Connection, claim: str, today: date) -> ClaimDetail | None:
    """One claim with every story that said it and what later stories reported; None if no such claim."""
    pk = _claim_pk(claim)
    if pk is None:
        return None
    first = conn.execute(_listed(conn, StatementQuery(), today, None).where(claims.c.pk == pk)).mappings().first()
    if first is None:
        return None
    said = select(claim_sources.c.statement_pk).where(claim_sources.c.claim_pk == pk)
    said_in = conn.execute(
        filtered(StatementQuery(), conn.dialect.name).where(statements.c.pk.in_(said))
        .order_by(when.nulls_last(), articles.c.id, statements.c.seq)
    ).mappings()
    return ClaimDetail(_row(first), [StatementRow(**row) for row in said_in], _followups(conn, [pk])[pk])


def _followups(conn: Connection, claim_pks: list[int]) -> dict[int, list[FollowUpRow]]:
    """The follow-ups of these claims, oldest first, each with its evidence sentence."""
    found: dict[int, list[FollowUpRow]] = {pk: [] for pk in claim_pks}
    rows = conn.execute(
        select(
            followups.c.claim_pk, articles.c.id, articles.c.title, articles.c.published, statements.c.local_id,
            followups.c.relation, followups.c.score,
            func.substr(articles.c.text, followups.c.start + 1, followups.c.end - followups.c.start),
        )
        .join(articles, articles.c.pk == followups.c.article_pk)
        .outerjoin(statements, statements.c.pk == followups.c.statement_pk)
        .where(followups.c.claim_pk.in_(claim_pks))
        .order_by(articles.c.published.nulls_last(), articles.c.id)
    )
    for claim_pk, *fields in rows:
        article_id, title, published, statement_id, relation, score, evidence = fields
        found[claim_pk].append(FollowUpRow(
            article_id, title, published, statement_id, relation, score, " ".join(evidence.split())
        ))
    return found


def claim_records(conn: Connection, today: date, batch: int = 500) -> Iterator[Claim]:
    """Every forward-looking statement that is a claim's source, as EVAL.md's claims records, in
    the order they were stored; copies of one claim carry its status and follow-ups alike."""
    query = (
        select(
            claim_sources.c.claim_pk, articles.c.id.label("article_id"), statements.c.local_id,
            statements.c.cue_text, statements.c.cue_spans, statements.c.content_text, statements.c.content_spans,
            statements.c.said_on, claims.c.due, status(today).label("status"),
        )
        .join(statements, statements.c.pk == claim_sources.c.statement_pk)
        .join(articles, articles.c.pk == statements.c.article_pk)
        .join(claims, claims.c.pk == claim_sources.c.claim_pk)
        .order_by(statements.c.pk)
    )
    last = 0
    while True:
        rows = conn.execute(query.where(statements.c.pk > last).add_columns(statements.c.pk).limit(batch)).all()
        if not rows:
            return
        last = rows[-1].pk
        said = _speakers(conn, [row.pk for row in rows])
        follow = _followups(conn, sorted({row.claim_pk for row in rows}))
        for row in rows:
            speaker, actor = said.get(row.pk, (None, None))
            yield Claim(
                article_id=row.article_id, statement_id=row.local_id, speaker=speaker, actor=actor,
                cue=Part(spans=row.cue_spans, text=row.cue_text),
                content=Part(spans=row.content_spans, text=row.content_text),
                said_on=row.said_on, due=row.due, status=row.status,
                followups=[
                    FollowUp(article_id=f.article_id, statement_id=f.statement_id, relation=f.relation,
                             published=f.published, evidence=f.evidence)
                    for f in follow[row.claim_pk]
                ],
            )


def _speakers(conn: Connection, statement_pks: list[int]) -> dict[int, tuple[str | None, str | None]]:
    """The speaker and actor id of each of these statements, as the statement listings show them."""
    rows = conn.execute(
        filtered(StatementQuery(), conn.dialect.name)
        .add_columns(statements.c.pk.label("pk"))
        .where(statements.c.pk.in_(statement_pks))
    ).mappings()
    return {row["pk"]: (one_line(row["speaker"]), row["actor"]) for row in rows}
