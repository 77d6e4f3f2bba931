"""The JSON API under ``/api``: articles and their stories, statements, speakers and claims, paged
or exported, and ingest (the one write, behind the token)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from starlette.responses import Response

from ..errors import ReadError
from ..model import Extraction
from ..read import MAX_CHARS, read_record
from ..read.jsonl import published_date
from ..render import MEDIA_TYPES, ExportFormat, export_text
from ..store import ArticleRow, ClaimDetail, ClaimRow, SpeakerRow, StatementRow, Store
from .guards import check_token
from .ingest import Ingester, IngestReport
from .params import PAGE_SIZE, ClaimFilters, Paging, StatementFilters, Window, page_link, single_valued

T = TypeVar("T")

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(single_valued)])
bearer = HTTPBearer(auto_error=False, description="The token the server was started with (SAIDWHAT_TOKEN).")

EXPORTS: dict[int | str, dict[str, Any]] = {
    200: {"content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES.values()}}
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body is not JSON text."},
    401: {"description": "Missing or wrong token."},
    403: {"description": "The server is read-only (started without SAIDWHAT_TOKEN)."},
    413: {"description": "Request body too large."},
    503: {"description": "The database is busy with other writers: send the request again after Retry-After seconds."},
}


class Page(BaseModel, Generic[T]):
    """One page of a listing; ``next`` is the URL of the following page, null on the last."""

    total: int
    limit: int
    offset: int
    next: str | None
    items: list[T]


def store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store)]
PagingDep = Annotated[Paging, Query()]


def export(rows: Sequence[Any], row_type: type, format: ExportFormat, name: str) -> Response:
    """``rows`` (dataclasses of ``row_type``) as the download ``name.csv`` or ``name.jsonl``."""
    return Response(
        export_text(rows, row_type, format),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}.{format}"'},
    )


def listing(
    request: Request,
    paging: Paging,
    total: int,
    fetch: Callable[[int | None, int], Sequence[Any]],
    row_type: type,
    name: str,
) -> Any:
    """A page of rows as JSON, or every row (or the page asked for) as an export."""
    rows = fetch(paging.size, paging.offset)
    if paging.format != "json":
        return export(rows, row_type, paging.format, name)
    window = Window(paging.offset, paging.limit or PAGE_SIZE, total)
    next_page = page_link(request, window.next_offset)
    return Page[row_type](  # type: ignore[valid-type]
        total=total, limit=window.size, offset=paging.offset, next=next_page, items=list(rows)
    )


@router.get("/articles", response_model=Page[ArticleRow], responses=EXPORTS)
def list_articles(request: Request, store: StoreDep, paging: PagingDep) -> Any:
    """Stored articles, newest first, with how many statements each holds."""
    return listing(
        request, paging, store.counts()["articles"],
        lambda limit, offset: store.articles(limit, offset), ArticleRow, "articles",
    )


@router.get(
    "/articles/{article_id:path}/story",
    response_model=list[ArticleRow],
    responses={404: {"description": "No such article."}},
)
def get_story(article_id: str, store: StoreDep) -> Any:
    """The other articles of this article's story (the same news within days), oldest first.

    Declared before ``get_article``, whose path would take ``ID/story`` as an id.
    """
    if store.get(article_id) is None:
        raise HTTPException(404, "no such article")
    return store.story(article_id)


@router.get(
    "/articles/{article_id:path}",
    response_model=Extraction,
    response_model_exclude={"origin"},
    responses={404: {"description": "No such article."}},
)
def get_article(article_id: str, store: StoreDep) -> Any:
    """One article with everything extracted from it: the JSON of ``saidwhat extract``."""
    extraction = store.get(article_id)
    if extraction is None:
        raise HTTPException(404, "no such article")
    return extraction


@router.get("/statements", response_model=Page[StatementRow], responses=EXPORTS)
def list_statements(
    request: Request, store: StoreDep, filters: Annotated[StatementFilters, Query()], paging: PagingDep
) -> Any:
    """Statements matching every filter given, oldest first."""
    query = filters.query()
    return listing(
        request, paging, store.count_statements(**query),
        lambda limit, offset: store.statements(**query, limit=limit, offset=offset), StatementRow, "statements",
    )


@router.get("/claims", response_model=Page[ClaimRow], responses=EXPORTS)
def list_claims(request: Request, store: StoreDep, filters: Annotated[ClaimFilters, Query()], paging: PagingDep) -> Any:
    """Claims by due date (undated last), each with its status as of ``today`` and what became of it."""
    today, wanted, query = filters.today or date.today(), filters.wanted, filters.query()
    return listing(
        request, paging, store.count_claims(today, wanted, **query),
        lambda limit, offset: store.claims(today, wanted, **query, limit=limit, offset=offset), ClaimRow, "claims",
    )


@router.get("/claims/{claim_id}", response_model=ClaimDetail, responses={404: {"description": "No such claim."}})
def get_claim(
    store: StoreDep,
    claim_id: str,
    today: Annotated[date | None, Query(description="The date against which it is due (default: today).")] = None,
) -> Any:
    """One claim by id (``c12``): every story that said it and its follow-ups, oldest first."""
    detail = store.claim(claim_id, today)
    if detail is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    return detail


@router.get("/speakers", response_model=Page[SpeakerRow], responses=EXPORTS)
def list_speakers(request: Request, store: StoreDep, paging: PagingDep) -> Any:
    """Named speakers by number of statements, with article counts and first and last dates."""
    return listing(
        request, paging, store.count_speakers(),
        lambda limit, offset: store.speakers(limit, offset), SpeakerRow, "speakers",
    )


class ActorOut(BaseModel):
    """One actor with the names it is written under, its roles and its statements."""

    actor: SpeakerRow
    aliases: list[tuple[str, int]]
    roles: list[tuple[str, int]]
    statements: list[StatementRow]


@router.get("/speakers/{actor_id:path}", response_model=ActorOut, responses={404: {"description": "No such actor."}})
def get_speaker(store: StoreDep, actor_id: str) -> Any:
    """One actor by id: its aliases and roles with counts, and every statement attributed to it."""
    detail = store.actor(actor_id)
    if detail is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return ActorOut(actor=detail.actor, aliases=detail.aliases, roles=detail.roles, statements=store.said_by(actor_id))


def _published(value: Any) -> date | None:
    """The date of a record's ``published`` as the JSON Lines reader takes it: a date or a timestamp."""
    try:
        return published_date(value, "published")
    except ReadError as error:
        raise ValueError(error.reason) from None


class ArticleIn(BaseModel):
    """An article to ingest, as one record of a JSON Lines input: ``text``, or ``html`` to extract it from."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    text: str | None = Field(None, max_length=MAX_CHARS)
    html: str | None = None
    title: str | None = Field(None, max_length=1000)
    published: Annotated[date | None, BeforeValidator(_published)] = Field(
        None, description="A date, or an ISO timestamp whose date is taken."
    )
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    author: str | None = Field(None, max_length=200)


def writer(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Refuse a write without the token; as a dependency it runs before the body is validated."""
    check_token(request.app.state.token, credentials.credentials if credentials else None)


@router.post("/articles", response_model=IngestReport, responses=WRITE_ERRORS, dependencies=[Depends(writer)])
def ingest_articles(request: Request, records: Annotated[ArticleIn | list[ArticleIn], Body()]) -> Any:
    """Extract and store articles (one record or a list); needs ``Authorization: Bearer TOKEN``."""
    batch = records if isinstance(records, list) else [records]
    ingester: Ingester = request.app.state.ingester
    as_json = (record.model_dump(mode="json", exclude_none=True) for record in batch)
    return ingester(read_record(record, f"request[{n}]") for n, record in enumerate(as_json))
