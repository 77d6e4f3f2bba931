"""The records every stage speaks: articles in, entities, statements and time expressions out.

Field names follow the JSON contract of ``saidwhat extract`` (``../shared/EVAL.md``); offsets are
Python ``str`` indices into ``Article.text``. Fields may be added here, never renamed or removed.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
StatementKind = Literal["direct", "indirect", "mixed"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Relation = Literal["happened", "repeated", "delayed", "cancelled", "updated"]
ClaimStatus = Literal["pending", "overdue", "reported", "undated"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(Record):
    """One news article as read from an input, before any NLP."""

    id: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    text: str
    source: str | None = None
    author: str | None = None
    origin: str | None = Field(default=None, description="the input file or stream it came from")

    @property
    def content_hash(self) -> str:
        """Hash of the whitespace-normalised text: the same story read twice has one hash."""
        return hashlib.sha256(" ".join(self.text.split()).encode("utf-8")).hexdigest()


class Entity(Record):
    """A person or organisation, one record per article however often it is mentioned."""

    id: str
    name: str
    type: str
    roles: list[str] = []
    mentions: list[Span] = []


class Part(Record):
    """A possibly discontinuous stretch of the text (a cue or a content)."""

    spans: list[Span]
    text: str


class Source(Part):
    """Who a statement is attributed to: the mention as written, and the entity it resolves to."""

    entity: str | None = None


class Statement(Record):
    id: str
    kind: StatementKind
    source: Source | None
    cue: Part
    content: Part
    via: str | None = None
    said_on: date | None = None
    hedged: bool = False
    negated: bool = False
    future: bool = False
    due: date | None = None


class TimeExpression(Record):
    """A TIMEX3 expression with its value normalised against the publication date."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None


class Extraction(Article):
    """An article with everything extracted from it: the JSON object ``saidwhat extract`` writes."""

    entities: list[Entity] = []
    statements: list[Statement] = []
    times: list[TimeExpression] = []

    def to_json_dict(self) -> dict:
        """The contract's JSON object (``origin`` is bookkeeping, not part of it)."""
        return self.model_dump(mode="json", exclude={"origin"})


def part(text: str, spans: list[Span]) -> Part:
    """A Part whose text is its spans joined, in text order, with single spaces."""
    spans = sorted(spans)
    return Part(spans=spans, text=" ".join(text[s:e] for s, e in spans))


class FollowUp(Record):
    """A later story about a claim: what it says became of it, and the sentence that says so."""

    article_id: str
    statement_id: str | None = None
    relation: Relation
    published: date | None = None
    evidence: str


class Claim(Record):
    """A forward-looking statement as ``saidwhat claims --format jsonl`` writes it (EVAL.md)."""

    article_id: str
    statement_id: str
    speaker: str | None = None
    actor: str | None = None
    cue: Part
    content: Part
    said_on: date | None = None
    due: date | None = None
    status: ClaimStatus
    followups: list[FollowUp] = []
