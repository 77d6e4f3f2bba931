"""Query parameters shared by the API and the pages, so both filter and page alike.

HTML forms send an empty string for every blank field, which on a page means the filter is not
set; the API keeps to its schema and refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, field_validator, model_validator
from starlette.requests import Request

from ..model import ClaimStatus, StatementKind

PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
MAX_OFFSET = 1_000_000_000
"""Far beyond any store, and small enough for every database's integer type."""

Format = Literal["json", "csv", "jsonl"]


class StatementFilters(BaseModel):
    """Filters on statements; see ``saidwhat.store.StatementQuery``."""

    speaker: str | None = Field(None, max_length=200, description="Part of the speaker's name.")
    text: str | None = Field(
        None,
        max_length=500,
        description="Words that must all occur in the content, as whole words with English stemming.",
    )
    since: date | None = Field(None, description="Said on or after this date.")
    until: date | None = Field(None, description="Said on or before this date.")
    kind: StatementKind | None = None
    future: bool | None = Field(None, description="Forward-looking statements only (true) or none of them (false).")
    due_before: date | None = Field(None, description="Due strictly before this date.")
    due_after: date | None = Field(None, description="Due strictly after this date.")

    @field_validator("speaker", "text")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        """A NUL is refused: no client means one, and the store would only ever find nothing."""
        if value is not None and "\x00" in value:
            raise ValueError("must not contain a NUL character")
        return value

    def query(self) -> dict[str, Any]:
        """The filters that are set, as keyword arguments of the store's queries."""
        return {name: value for name, value in self.model_dump().items() if value is not None}


class ClaimFilters(StatementFilters):
    """The statement filters, the date that decides which claims are overdue, and a status."""

    today: date | None = Field(None, description="The date against which claims are due (default: today).")
    status: ClaimStatus | None = Field(
        None,
        description="Only claims of this status: reported (a later story reports on it), else undated, "
        "overdue (due before today) or pending.",
    )
    overdue: bool = Field(False, description="Only overdue claims: the same as status=overdue.")

    @model_validator(mode="after")
    def _one_status(self) -> ClaimFilters:
        if self.overdue and self.status not in (None, "overdue"):
            raise ValueError(f"overdue=true contradicts status={self.status}")
        return self

    @property
    def wanted(self) -> ClaimStatus | None:
        """The one status asked for, by either parameter."""
        return "overdue" if self.overdue else self.status

    def query(self) -> dict[str, Any]:
        """The statement filters that are set; the date and status go to the store apart."""
        return {k: v for k, v in super().query().items() if k not in ("today", "status", "overdue")}


class _BlankIsUnset(BaseModel):
    """A blank form field is an unset filter."""

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return None if value == "" else value


class FormStatementFilters(_BlankIsUnset, StatementFilters):
    """The filters as the search form sends them."""


class FormClaimFilters(_BlankIsUnset, ClaimFilters):
    """The filters as the claims form sends them."""


class Paging(BaseModel):
    """Which rows of a listing, and in which format."""

    limit: int | None = Field(
        None, ge=1, le=MAX_PAGE_SIZE,
        description=f"Rows per page (default {PAGE_SIZE}); exports list every row unless it is given.",
    )
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    format: Format = Field("json", description="json (one page), or csv or jsonl (an export).")

    @property
    def size(self) -> int | None:
        """Rows to fetch: a page for JSON, all of them for an export unless a limit is given."""
        return self.limit if self.limit is not None or self.format != "json" else PAGE_SIZE


@dataclass(frozen=True)
class Window:
    """One page of a listing: where it starts, how long it is, and how many rows there are in all."""

    offset: int
    size: int
    total: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.size if self.offset + self.size < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.size) if self.offset > 0 else None


def single_valued(request: Request) -> None:
    """Refuse a query parameter given more than once: each takes one value, of which the server
    would otherwise keep the last without a word."""
    repeated = sorted({key for key in request.query_params if len(request.query_params.getlist(key)) > 1})
    if repeated:
        raise RequestValidationError([
            {"type": "repeated", "loc": ("query", key), "msg": "given more than once",
             "input": request.query_params.getlist(key)}
            for key in repeated
        ])


def page_link(request: Request, offset: int | None) -> str | None:
    """This listing's URL at another offset; relative, so that no Host header ends up in it."""
    if offset is None:
        return None
    url = request.url.include_query_params(offset=offset)
    return f"{url.path}?{url.query}"
