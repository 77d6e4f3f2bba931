"""The ``serve`` command: the web UI and JSON API over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DEFAULT_DB, Db, Model, app


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    model: Model = None,
    max_connections: Annotated[
        int, typer.Option(min=1, help="Open connections beyond which requests are answered 503.")
    ] = 100,
) -> None:
    """Browse, search and export in a web browser, with a JSON API (schema at /openapi.json).

    Ingesting needs the token in the SAIDWHAT_TOKEN environment variable; without it the server
    is read-only. A connection idle, or slow to send a request, for 5 seconds is closed.
    """
    import os

    from ..web import create_app
    from ..web.server import serve as run

    web = create_app(db, token=os.environ.get("SAIDWHAT_TOKEN") or None, model=model)
    run(web, host, port, max_connections)
