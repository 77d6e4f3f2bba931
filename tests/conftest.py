"""Shared fixtures: one spaCy pipeline per session (loading it costs about a second), the
consistency check every extraction must pass whatever the extractor finds, an empty store on
each database backend, and the read-only corpora in ``../shared/data``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from needs import SHARED_DATA, missing

from saidwhat.model import Extraction, Part, Span
from saidwhat.pipeline import Pipeline
from saidwhat.store import Store

pytest_plugins = ["pgserver"]  # the PostgreSQL server the storage tests run on as well

@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``, the corpora beside the checkout."""
    if not SHARED_DATA.is_dir():
        missing(f"the shared corpora at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


def _check_span(text: str, span: Span, what: str) -> None:
    start, end = span
    assert 0 <= start < end <= len(text), f"{what} span {span} outside 0..{len(text)} or empty"


def _check_part(text: str, part: Part, what: str) -> None:
    assert part.spans, f"{what} has no spans"
    for span in part.spans:
        _check_span(text, span, what)
    for (_, end), (start, _) in zip(part.spans, part.spans[1:]):
        assert end <= start, f"{what} spans {part.spans} unsorted or overlapping"
    assert part.text == " ".join(text[s:e] for s, e in part.spans), f"{what} text differs"


def assert_consistent(extraction: Extraction) -> None:
    """Every offset lies in the text and points at the text it claims; every id reference holds."""
    text = extraction.text
    entity_ids = [e.id for e in extraction.entities]
    assert len(set(entity_ids)) == len(entity_ids), f"duplicate entity ids {entity_ids}"
    for entity in extraction.entities:
        for mention in entity.mentions:
            _check_span(text, mention, f"entity {entity.id} mention")
    statement_ids = [s.id for s in extraction.statements]
    assert len(set(statement_ids)) == len(statement_ids), f"duplicate statement ids {statement_ids}"
    for s in extraction.statements:
        _check_part(text, s.cue, f"{s.id} cue")
        _check_part(text, s.content, f"{s.id} content")
        if s.source is not None:
            _check_part(text, s.source, f"{s.id} source")
            assert s.source.entity is None or s.source.entity in entity_ids, s.source.entity
        assert s.via is None or (s.via in statement_ids and s.via != s.id), s.via
    for t in extraction.times:
        _check_span(text, (t.start, t.end), f"time {t.text!r}")
        assert text[t.start : t.end] == t.text


@pytest.fixture(scope="session")
def consistent() -> Callable[[Extraction], None]:
    """``assert_consistent``, as a fixture so that test modules need not import conftest."""
    return assert_consistent


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on each backend; PostgreSQL's tests skip where its server is missing."""
    where = tmp_path / "said.db" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with Store.open(where) as opened:
        yield opened
