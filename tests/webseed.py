"""The store the web tests share: four short hand-written articles, one of them hostile, run
through the real pipeline. Extracted once per session, written into each test's own database."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from saidwhat.model import Extraction
from saidwhat.pipeline import Pipeline
from saidwhat.read import read_inputs
from saidwhat.store import Store

ARTICLES = Path(__file__).parent / "fixtures" / "web" / "articles.jsonl"
TODAY = date(2025, 7, 1)
"""The claims' reference date: one claim is overdue by then, three are pending."""
HOSTILE_TITLE = '<script>alert("title")</script> Council <img src=x onerror=alert(2)>'


@cache
def extractions(pipeline: Pipeline) -> tuple[Extraction, ...]:
    articles = list(read_inputs([str(ARTICLES)]))
    return tuple(pipeline.pipe(articles))  # type: ignore[arg-type]


def seed(path: Path, pipeline: Pipeline) -> str:
    """A new SQLite store at ``path`` holding the four articles; its path as the app takes it."""
    with Store.open(path) as store:
        for extraction in extractions(pipeline):
            assert store.add(extraction) == "new"
    return str(path)
