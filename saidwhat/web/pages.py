"""Server-rendered pages: search, article, speakers, claims (each with its timeline) and ingest. Plain HTML forms and
links, no script; every value from an article is escaped by the templates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Annotated, Any, get_args
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.templating import Jinja2Templates

from ..model import ClaimStatus, Relation
from ..render import speaker_name
from ..store import Store
from .guards import MAX_BODY_BYTES, check_token
from .highlight import highlight
from .ingest import Ingester, read_pasted, read_uploads
from .params import MAX_OFFSET, PAGE_SIZE, FormClaimFilters, FormStatementFilters, Window, page_link
from .timeline import chart

router = APIRouter(include_in_schema=False)

_HTTP_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def http_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), the only kind of article URL shown as a link."""
    return url if url and _HTTP_URL.fullmatch(url) else None


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def speaker_href(actor_id: str) -> str:
    return "/speakers/" + quote(actor_id, safe="")


_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(http_url=http_url, article_href=article_href, speaker_href=speaker_href)
templates = Jinja2Templates(env=_env)

Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]

SECTIONS: list[tuple[ClaimStatus, str]] = [
    ("overdue", "Overdue"), ("pending", "Pending"), ("reported", "Reported"), ("undated", "Undated")
]
RELATIONS: tuple[Relation, ...] = get_args(Relation)


def _store(request: Request) -> Store:
    return request.app.state.store


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def error_page(
    request: Request, status_code: int, problems: list[str], headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    response = render(request, "error.html", status_code, status=status_code, problems=problems)
    response.headers.update(headers or {})
    return response


def _pager(request: Request, offset: int, shown: int, total: int) -> dict[str, Any]:
    window = Window(offset, PAGE_SIZE, total)
    return {
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
        "previous": page_link(request, window.previous_offset),
        "next": page_link(request, window.next_offset),
    }


def _exports(request: Request, endpoint: str) -> dict[str, str]:
    """Links to every row of this listing from the API, as CSV and as JSON Lines."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if v and k not in ("offset", "limit", "format")]
    return {f: f"{endpoint}?{urlencode([*kept, ('format', f)])}" for f in ("csv", "jsonl")}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, filters: Annotated[FormStatementFilters, Query()], offset: Offset = 0) -> HTMLResponse:
    """The search form; with any filter set, the matching statements, else the latest articles."""
    store = _store(request)
    query = filters.query()
    context: dict[str, Any] = {"filters": filters, "counts": store.counts()}
    if query:
        statements = store.statements(**query, limit=PAGE_SIZE, offset=offset)
        total = store.count_statements(**query)
        context |= {"statements": statements, "exports": _exports(request, "/api/statements")}
        shown = len(statements)
    else:
        articles = store.articles(PAGE_SIZE, offset)
        total = context["counts"]["articles"]
        context |= {"articles": articles, "speakers": store.speakers(limit=10)}
        shown = len(articles)
    return render(request, "home.html", **context, pager=_pager(request, offset, shown, total))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    """The text with every statement highlighted, the statements beside it, and the other
    articles of its story."""
    store = _store(request)
    extraction = store.get(article_id)
    if extraction is None:
        raise HTTPException(404, f"no article {article_id!r}")
    actors = store.actor_ids(article_id)
    statements = [
        {
            "s": s,
            "speaker": speaker_name(extraction, s),
            "actor": actors.get(s.source.entity or "") if s.source else None,
        }
        for s in extraction.statements
    ]
    return render(
        request, "article.html", article=extraction, text=highlight(extraction), statements=statements,
        story=store.story(article_id),
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, offset: Offset = 0) -> HTMLResponse:
    """Speakers by number of statements, a page at a time; the exports hold every one."""
    store = _store(request)
    rows = store.speakers(PAGE_SIZE, offset)
    pager = _pager(request, offset, len(rows), store.count_speakers())
    return render(request, "speakers.html", speakers=rows, pager=pager, exports=_exports(request, "/api/speakers"))


@router.get("/speakers/{actor_id:path}", response_class=HTMLResponse, response_model=None)
def speaker(request: Request, actor_id: str) -> HTMLResponse | RedirectResponse:
    """What one actor said over time, grouped by the day it was said, with its names and roles.

    A name in place of the id (a link from before actors had ids) redirects to the one actor
    written so, if there is exactly one.
    """
    store = _store(request)
    detail = store.actor(actor_id)
    if detail is None:
        named = [a for a in store.speakers(limit=2, search=actor_id, speaking=False) if a.name == actor_id]
        if len(named) == 1:
            return RedirectResponse(speaker_href(named[0].id), status_code=301)
        raise HTTPException(404, f"no actor {actor_id!r}")
    rows = store.said_by(actor_id)
    days = [(day, list(group)) for day, group in groupby(rows, key=lambda row: row.said_on or row.published)]
    return render(
        request, "speaker.html", actor=detail.actor, aliases=detail.aliases, roles=detail.roles,
        days=days, count=len(rows),
    )


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, filters: Annotated[FormClaimFilters, Query()], offset: Offset = 0) -> HTMLResponse:
    """Claims by due date, in a section for each status: overdue first, undated last."""
    store = _store(request)
    today, query = filters.today or date.today(), filters.query()
    rows = store.claims(today, filters.wanted, **query, limit=PAGE_SIZE, offset=offset)
    sections = [(status, heading, [r for r in rows if r.status == status]) for status, heading in SECTIONS]
    total = store.count_claims(today, filters.wanted, **query)
    return render(
        request, "claims.html", filters=filters, today=today, sections=sections, statuses=get_args(ClaimStatus),
        pager=_pager(request, offset, len(rows), total), exports=_exports(request, "/api/claims"),
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: str, today: Annotated[date | None, Query()] = None) -> HTMLResponse:
    """One claim: who said it in which stories, and its timeline of follow-ups."""
    day = today or date.today()
    detail = _store(request).claim(claim_id, day)
    if detail is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    return render(request, "claim.html", detail=detail, today=day, chart=chart(detail, day), relations=RELATIONS)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", writable=request.app.state.token is not None, max_mb=MAX_BODY_BYTES // 2**20)


@router.post("/ingest", response_class=HTMLResponse)
def ingest(
    request: Request,
    token: Annotated[str, Form()] = "",
    content: Annotated[str, Form()] = "",
    id: Annotated[str, Form(max_length=200)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    published: Annotated[date | None, Form()] = None,
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006 (FastAPI copies defaults)
) -> HTMLResponse:
    """Extract and store pasted text, HTML or JSON Lines and uploaded files; needs the token."""
    check_token(request.app.state.token, token)
    items = read_pasted(content, published, id or None, title or None) if content.strip() else []
    uploads = [(f.filename or "upload", f.file.read()) for f in files if f.filename]
    items += read_uploads(uploads, published)
    if not items:
        raise HTTPException(400, "nothing to ingest: paste an article or choose files")
    ingester: Ingester = request.app.state.ingester
    return render(request, "ingested.html", report=ingester(items))
