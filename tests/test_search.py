"""Word search in stored statements, alike on SQLite (FTS5) and PostgreSQL (tsvector): stems,
case and accents do not matter, every word must occur, and no input is query syntax."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError

from saidwhat.model import Entity, Extraction, Source, Span, Statement, part
from saidwhat.store import Store
from saidwhat.store.search import fts5_query

DEFENCE = (
    "Defence Minister Zoë Kral said the army had deployed missiles near the border at Tarnów. "
    "\u201cNobody should read this as a threat,\u201d she told the Café Europa forum on Friday."
)


def span(text: str, fragment: str) -> list[Span]:
    start = text.index(fragment)
    return [(start, start + len(fragment))]


def said(text: str, id: str, source: str, cue: str, content: str, **fields: object) -> Statement:
    return Statement(
        id=id, kind=fields.pop("kind", "indirect"),
        source=Source(spans=span(text, source), text=source, entity=fields.pop("entity", None)),
        cue=part(text, span(text, cue)), content=part(text, span(text, content)), **fields,
    )


def defence() -> Extraction:
    t = DEFENCE
    return Extraction(
        id="defence-4", text=t, published=date(2024, 9, 13),
        entities=[Entity(id="e1", name="Zoë Kral", type="PERSON", roles=["Defence Minister"],
                         mentions=[span(t, "Zoë Kral")[0], span(t, "she")[0]])],
        statements=[
            said(t, "s1", "Zoë Kral", "said", "the army had deployed missiles near the border at Tarnów",
                 entity="e1"),
            said(t, "s2", "she", "told", "Nobody should read this as a threat", entity="e1", kind="direct"),
        ],
    )


@pytest.fixture
def armed(store: Store) -> Store:
    assert store.add(defence()) == "new"
    return store


def found(store: Store, words: str) -> list[str]:
    return [f"{r.article_id}/{r.statement_id}" for r in store.statements(text=words)]


@pytest.mark.parametrize(("words", "expected"), [
    ("deploy", ["defence-4/s1"]),
    ("DEPLOYING Missile", ["defence-4/s1"]),
    ("missiles border army", ["defence-4/s1"]),
    ("threats READ", ["defence-4/s2"]),
    ("Tarnow", ["defence-4/s1"]),
    ("tarnów", ["defence-4/s1"]),
    ("deploy threat", []),
    ("deploy tanks", []),
    ("  ", ["defence-4/s1", "defence-4/s2"]),
])
def test_words_match_stemmed_in_any_case_and_accent(armed: Store, words: str, expected: list[str]):
    assert found(armed, words) == expected


@pytest.mark.parametrize(("words", "expected"), [
    ("NEAR", ["defence-4/s1"]),
    ("NEAR(army border)", ["defence-4/s1"]),
    ("AND", []),
    ("OR", []),
    ('"', []),
    ("*", []),
    ("-", []),
    ("%", []),
    (":*", []),
    ('"deployed', ["defence-4/s1"]),
    ('border"', ["defence-4/s1"]),
    ("deploy*", ["defence-4/s1"]),
    ("-missiles", ["defence-4/s1"]),
    ("^army {border}", ["defence-4/s1"]),
    ("x' OR 1=1 --", []),
])
def test_query_syntax_in_the_words_is_only_words(armed: Store, words: str, expected: list[str]):
    assert found(armed, words) == expected


def test_fts5_query_quotes_each_word_and_drops_punctuation():
    assert fts5_query('NEAR("army" -border*) AND Tarno\u0301w') == '"NEAR" "army" "border" "AND" "Tarnów"'
    assert fts5_query('" * - : ^') == ""


def assert_index_matches_statements(store: Store) -> None:
    """SQLite's FTS5 table holds an entry for each stored statement and no other; PostgreSQL's
    index is on the table itself and cannot drift."""
    if store.engine.dialect.name != "sqlite":
        return
    with store.engine.begin() as conn:
        conn.execute(sql("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)"))
        entries = conn.execute(sql("SELECT count(*) FROM statements_fts_docsize")).scalar_one()
        assert entries == conn.execute(sql("SELECT count(*) FROM statements")).scalar_one()


LIGHTHOUSE = "The harbour board said the lighthouse keeper had resigned. It said the lamp was dark."
TIMETABLE = "The ferry company said the winter timetable would start in November."


def test_a_failed_add_leaves_nothing_to_find(armed: Store):
    t = LIGHTHOUSE
    keeper = said(t, "s1", "The harbour board", "said", "the lighthouse keeper had resigned")
    broken = Extraction(id="lighthouse-1", text=t, statements=[keeper, keeper])  # s1 twice
    with pytest.raises(IntegrityError):
        armed.add(broken)
    # The next statement may take the failed one's key; the search must not find it by old words.
    t = TIMETABLE
    ferry = Extraction(id="ferry-8", text=t, statements=[
        said(t, "s1", "The ferry company", "said", "the winter timetable would start in November"),
    ])
    assert armed.add(ferry) == "new"
    assert found(armed, "lighthouse") == []
    assert found(armed, "timetables") == ["ferry-8/s1"]
    assert_index_matches_statements(armed)


def test_a_deleted_then_reingested_article_is_found_once(armed: Store):
    with armed.engine.begin() as conn:
        conn.execute(sql("DELETE FROM articles WHERE id = :id"), {"id": "defence-4"})
    assert found(armed, "deploy") == []
    assert_index_matches_statements(armed)
    assert armed.add(defence()) == "new"
    assert found(armed, "deploy") == ["defence-4/s1"]
    assert_index_matches_statements(armed)
