"""The application factory: one store per application, the pages, the API, and the guards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

from ..store import Store
from . import api, pages
from .guards import MAX_BODY_BYTES, SecurityHeaders
from .ingest import Ingester

if TYPE_CHECKING:
    from ..pipeline import Pipeline

def create_app(
    db: str, token: str | None = None, *, pipeline: Pipeline | None = None, model: str | None = None
) -> FastAPI:
    """The web application over the store at ``db`` (a SQLite path or a database URL).

    Writes need ``token``; without one the server is read-only. ``pipeline`` (or the spaCy
    ``model`` to load on the first ingest) extracts ingested articles.
    """
    store = Store.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="saidwhat",
        version=version("saidwhat"),
        description="Who said what, when: statements, speakers and claims extracted from news.",
        docs_url=None,  # the interactive docs load scripts from elsewhere; this server works offline
        redoc_url=None,
        lifespan=lifespan,
        max_body_size=MAX_BODY_BYTES,
        form_limits={"max_part_size": MAX_BODY_BYTES},  # a pasted article may pass the 1 MB default
    )
    app.state.store = store
    app.state.token = token or None
    app.state.ingester = Ingester(store, pipeline, model)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Exception, _server_error)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _is_api(request):
        return await http_exception_handler(request, exc)
    return pages.error_page(request, exc.status_code, [str(exc.detail)], exc.headers)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if _is_api(request):
        return await request_validation_exception_handler(request, exc)
    problems = [f"{'.'.join(map(str, e['loc'][1:])) or 'request'}: {e['msg']}" for e in exc.errors()]
    return pages.error_page(request, 422, problems)


async def _server_error(request: Request, exc: Exception) -> Response:
    """The client learns only that something failed; the server logs the traceback."""
    if _is_api(request):
        return JSONResponse({"detail": "internal server error"}, status_code=500)
    return HTMLResponse("<!doctype html><title>Error</title><p>Internal server error.</p>", status_code=500)
