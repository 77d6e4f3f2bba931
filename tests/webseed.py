"""The stores the web tests share: four short hand-written articles, one of them hostile, and for
the claims' follow-ups three more, run through the real pipeline. Extracted once per session,
written into each test's own database."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from saidwhat.model import Extraction
from saidwhat.pipeline import Pipeline
from saidwhat.read import read_inputs
from saidwhat.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "web"
ARTICLES = FIXTURES / "articles.jsonl"
FOLLOWUPS = FIXTURES / "followups.jsonl"
"""A minister's claim told by two stories of one thread, a second claim of hers that no story
reports on, and a story months later that the first came true."""
TODAY = date(2025, 7, 1)
"""The claims' reference date: in the four articles none is overdue, one reported (its berth
opened late, says the next story), three pending and two undated; with the follow-ups one more
of each of overdue and reported."""
HOSTILE_TITLE = '<script>alert("title")</script> Council <img src=x onerror=alert(2)>'


@cache
def extractions(pipeline: Pipeline, path: Path = ARTICLES) -> tuple[Extraction, ...]:
    articles = list(read_inputs([str(path)]))
    return tuple(pipeline.pipe(articles))  # type: ignore[arg-type]


def seed(path: Path, pipeline: Pipeline, *more: Path) -> str:
    """A new SQLite store at ``path`` holding the four articles, then those of ``more``, in order;
    its path as the app takes it."""
    with Store.open(path) as store:
        for inputs in (ARTICLES, *more):
            for extraction in extractions(pipeline, inputs):
                assert store.add(extraction) == "new"
    return str(path)
