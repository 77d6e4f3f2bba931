import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError

from saidwhat.model import Entity, Extraction, Source, Span, Statement, TimeExpression, part
from saidwhat.render import rows_table, rows_to_csv, rows_to_json
from saidwhat.store import SpeakerRow, StatementRow, Store, StoreError


def at(text: str, fragment: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``fragment`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return (start, start + len(fragment))


def statement(
    text: str,
    id: str,
    source: str | None,
    cue: str,
    content: list[str],
    entity: str | None = None,
    **fields: object,
) -> Statement:
    return Statement(
        id=id,
        kind=fields.pop("kind", "indirect"),
        source=None if source is None else Source(
            spans=[at(text, source)], text=source, entity=entity
        ),
        cue=part(text, [at(text, cue)]),
        content=part(text, [at(text, c) for c in content]),
        **fields,
    )


HARBOUR = (
    "The harbour expansion will go ahead, Mayor Ana Silva said on Monday. "
    "\u201cWe expect the first ships,\u201d she added, \u201cby the end of June.\u201d "
    "Critics were unconvinced. \u201cIt is a vanity project,\u201d read a banner at the quay."
)


def harbour() -> Extraction:
    """Every field of the contract filled in, for the round trip."""
    t = HARBOUR
    return Extraction(
        id="harbour-1",
        text=t,
        title="Harbour plan approved",
        published=date(2024, 3, 5),
        url="https://news.example.org/harbour",
        source="Coastal Courier",
        author="Lena Marsh",
        origin="feeds/courier.jsonl",
        entities=[
            Entity(id="e1", name="Ana Silva", type="PERSON", roles=["Mayor"],
                   mentions=[at(t, "Ana Silva"), at(t, "she")]),
            Entity(id="e2", name="Critics", type="NORP"),
        ],
        statements=[
            statement(t, "s1", "Ana Silva", "said", ["The harbour expansion will go ahead"],
                      entity="e1", said_on=date(2024, 3, 4)),
            statement(t, "s2", "she", "added", ["We expect the first ships", "by the end of June"],
                      entity="e1", kind="mixed", future=True, hedged=True,
                      due=date(2024, 6, 30)),
            statement(t, "s3", None, "read", ["It is a vanity project"], kind="direct",
                      via="s1"),
        ],
        times=[
            TimeExpression(start=at(t, "Monday")[0], end=at(t, "Monday")[1], text="Monday",
                           type="DATE", value="2024-03-04"),
            TimeExpression(start=at(t, "the end of June")[0], end=at(t, "the end of June")[1],
                           text="the end of June", type="DATE", value="2024-06", mod="END"),
        ],
    )


BUDGET = (
    "Finance Minister Tom Okafor said the budget would not rise. "
    "A union spokesman warned that strikes were possible."
)


def budget() -> Extraction:
    t = BUDGET
    return Extraction(
        id="budget-7",
        text=t,
        title="Budget frozen",
        published=date(2024, 2, 10),
        entities=[
            Entity(id="e1", name="Tom Okafor", type="PERSON", roles=["Finance Minister"],
                   mentions=[at(t, "Tom Okafor")]),
            Entity(id="e2", name="Dockworkers Union", type="ORG"),
        ],
        statements=[
            statement(t, "s1", "Tom Okafor", "said", ["the budget would not rise"],
                      entity="e1", negated=True),
            statement(t, "s2", "A union spokesman", "warned", ["strikes were possible"],
                      hedged=True),
        ],
    )


QUAY = (
    "Ana Silva told reporters the harbour would be busy. "
    "A spokesman said 100% of berths were booked. "
    "Port director Bea Lund called it \u201ca record\u201d."
)


def quay() -> Extraction:
    t = QUAY
    return Extraction(
        id="harbour-2",
        text=t,
        url="https://news.example.org/harbour-2",
        entities=[
            Entity(id="e1", name="Ana Silva", type="PERSON", mentions=[at(t, "Ana Silva")]),
            Entity(id="e2", name="Bea Lund", type="PERSON", roles=["Port director"],
                   mentions=[at(t, "Bea Lund")]),
        ],
        statements=[
            statement(t, "s1", "Ana Silva", "told", ["the harbour would be busy"], entity="e1",
                      said_on=date(2024, 4, 1)),
            statement(t, "s2", "A spokesman", "said", ["100% of berths were booked"]),
            statement(t, "s3", "Bea Lund", "called", ["a record"], entity="e2", kind="direct"),
        ],
    )


@pytest.fixture
def filled(store: Store) -> Store:
    for extraction in (harbour(), budget(), quay()):
        assert store.add(extraction) == "new"
    return store


def ids(rows: list[StatementRow]) -> list[tuple[str, str]]:
    return [(r.article_id, r.statement_id) for r in rows]


# Actors: Ana Silva (in two articles), Tom Okafor, Dockworkers Union, Bea Lund; "Critics" is
# NORP, which no actor stands for.
COUNTS = {"articles": 3, "statements": 8, "entities": 6, "times": 2, "actors": 4}


def test_round_trip_survives_reopening(tmp_path: Path):
    path = tmp_path / "said.db"
    with Store.open(path) as store:
        assert store.add(harbour()) == "new"
        assert store.add(budget()) == "new"
    with Store.open(f"sqlite:///{path}") as store:
        assert store.get("harbour-1") == harbour()
        assert store.get("budget-7") == budget()
        assert store.get("harbour-9") is None


def test_open_needs_an_existing_directory(tmp_path: Path):
    path = tmp_path / "missing" / "said.db"
    expected = f"^cannot create database {re.escape(str(path))}: no directory"
    with pytest.raises(StoreError, match=expected):
        Store.open(path)


def test_open_refuses_what_is_not_a_database(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("Meeting notes, not a database. " * 200)
    expected = f"^cannot open database {re.escape(str(path))}: file is not a database$"
    with pytest.raises(StoreError, match=expected):
        Store.open(path)


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path: Path):
    with Store.open(tmp_path / "said.db") as store, store.engine.connect() as conn:
        assert conn.execute(sql("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(sql("PRAGMA journal_mode")).scalar_one() == "wal"


def test_same_url_is_a_duplicate(filled: Store):
    rewritten = budget().model_copy(update={
        "id": "harbour-1-updated", "url": "https://news.example.org/harbour",
    })
    assert filled.add(rewritten) == "duplicate"
    assert filled.counts() == COUNTS
    assert filled.get("harbour-1-updated") is None


def test_same_text_in_other_whitespace_is_a_duplicate(filled: Store):
    respaced = budget().model_copy(update={
        "id": "budget-7-copy", "text": BUDGET.replace(". ", ".\n\n  ") + "\n",
    })
    assert respaced.content_hash == budget().content_hash
    assert filled.add(respaced) == "duplicate"
    assert filled.add(budget()) == "duplicate"
    assert filled.counts() == COUNTS


def test_an_id_clash_keeps_both_under_a_suffix(filled: Store):
    other = Extraction(id="harbour-1", text="A different story entirely.")
    assert filled.add(other) == "new"
    assert filled.get("harbour-1") == harbour()
    assert filled.get("harbour-1~2") == other.model_copy(update={"id": "harbour-1~2"})


def broken_ids() -> Extraction:
    e = quay()
    return e.model_copy(update={"id": "broken", "url": None, "text": e.text + " Broken.",
                                "statements": [e.statements[0], e.statements[0]]})


def unknown_entity() -> Extraction:
    e = budget()
    wrong = e.statements[0].model_copy(update={
        "source": e.statements[0].source.model_copy(update={"entity": "e9"}),
    })
    return e.model_copy(update={"id": "broken", "text": e.text + " Broken.",
                                "statements": [e.statements[1], wrong]})


@pytest.mark.parametrize(("make", "error"), [
    (broken_ids, IntegrityError),
    (unknown_entity, ValueError),
])
def test_a_failed_add_leaves_nothing_behind(filled: Store, make, error):
    with pytest.raises(error):
        filled.add(make())
    assert filled.counts() == COUNTS
    assert filled.get("broken") is None
    assert filled.get("harbour-1") == harbour()
    with filled.engine.connect() as conn:
        assert conn.execute(sql("SELECT count(*) FROM mentions")).scalar_one() == 5


def test_statements_are_ordered_by_date_then_article(filled: Store):
    assert ids(filled.statements()) == [
        ("budget-7", "s1"), ("budget-7", "s2"),     # published 2024-02-10
        ("harbour-1", "s1"),                        # said 2024-03-04
        ("harbour-1", "s2"), ("harbour-1", "s3"),   # published 2024-03-05
        ("harbour-2", "s1"),                        # said 2024-04-01
        ("harbour-2", "s2"), ("harbour-2", "s3"),   # no date at all
    ]
    assert ids(filled.statements(limit=2)) == [("budget-7", "s1"), ("budget-7", "s2")]


def test_a_row_names_the_resolved_speaker(filled: Store):
    assert filled.statements(speaker="silva", since=date(2024, 3, 5), until=date(2024, 3, 5)) == [
        StatementRow(
            article_id="harbour-1",
            article_title="Harbour plan approved",
            published=date(2024, 3, 5),
            statement_id="s2",
            kind="mixed",
            speaker="Ana Silva",
            actor="a1",
            source_text="she",
            cue="added",
            content="We expect the first ships by the end of June",
            said_on=None,
            hedged=True,
            negated=False,
            future=True,
            due=date(2024, 6, 30),
        )
    ]
    assert filled.statements(text="vanity")[0].speaker is None


@pytest.mark.parametrize(("speaker", "expected"), [
    ("SILVA", [("harbour-1", "s1"), ("harbour-1", "s2"), ("harbour-2", "s1")]),
    ("spokesman", [("budget-7", "s2"), ("harbour-2", "s2")]),
    ("okafor", [("budget-7", "s1")]),
    ("x' OR 1=1 --", []),
    ("%", []),
    ("_", []),
    ("\x00", []),  # SQLite's LIKE would end the pattern at the NUL and match almost everything
    ("silva\x00", []),
])
def test_speaker_filter(filled: Store, speaker: str, expected: list[tuple[str, str]]):
    assert ids(filled.statements(speaker=speaker)) == expected


@pytest.mark.parametrize(("words", "expected"), [
    ("HARBOUR", [("harbour-1", "s1"), ("harbour-2", "s1")]),
    ("busy harbour", [("harbour-2", "s1")]),
    ("harbour ships", []),
    ("100%", [("harbour-2", "s2")]),
    ("10_%", []),
    ("' OR ''='", []),
])
def test_text_filter_needs_every_word(filled: Store, words: str, expected: list[tuple[str, str]]):
    assert ids(filled.statements(text=words)) == expected


@pytest.mark.parametrize(("since", "until", "expected"), [
    (date(2024, 3, 5), None,
     [("harbour-1", "s2"), ("harbour-1", "s3"), ("harbour-2", "s1")]),
    (None, date(2024, 3, 4), [("budget-7", "s1"), ("budget-7", "s2"), ("harbour-1", "s1")]),
    (date(2024, 3, 1), date(2024, 3, 31),
     [("harbour-1", "s1"), ("harbour-1", "s2"), ("harbour-1", "s3")]),
])
def test_date_filters_fall_back_to_published(filled: Store, since, until, expected):
    assert ids(filled.statements(since=since, until=until)) == expected


def test_filters_combine(filled: Store):
    assert ids(filled.statements(speaker="silva", text="harbour", since=date(2024, 3, 10))) == [
        ("harbour-2", "s1")
    ]


# Ids in the order the actors were first seen; first and last seen are publication dates, so
# Ana Silva's undated second article and Bea Lund's only one add none.
SPEAKERS = [
    SpeakerRow("a1", "Ana Silva", "PERSON", 3, 2, date(2024, 3, 5), date(2024, 3, 5)),
    SpeakerRow("a4", "Bea Lund", "PERSON", 1, 1, None, None),
    SpeakerRow("a2", "Tom Okafor", "PERSON", 1, 1, date(2024, 2, 10), date(2024, 2, 10)),
]


def test_speakers_by_statement_count_then_name(filled: Store):
    assert filled.speakers() == SPEAKERS
    assert filled.speakers(limit=1) == SPEAKERS[:1]
    assert filled.speakers(speaking=False) == SPEAKERS + [
        SpeakerRow("a3", "Dockworkers Union", "ORG", 0, 1, date(2024, 2, 10), date(2024, 2, 10)),
    ]
    assert filled.count_speakers() == 3
    assert filled.counts() == COUNTS


def test_empty_store(store: Store):
    assert store.statements() == []
    assert store.speakers() == []
    assert store.counts() == {
        "articles": 0, "statements": 0, "entities": 0, "times": 0, "actors": 0,
    }


def test_csv():
    out = io.StringIO()
    rows_to_csv(SPEAKERS[:2], out)
    assert out.getvalue() == (
        "id,name,type,statements,articles,first,last,wikidata\n"
        "a1,Ana Silva,PERSON,3,2,2024-03-05,2024-03-05,\n"
        "a4,Bea Lund,PERSON,1,1,,,\n"
    )


def test_csv_of_chosen_columns(filled: Store):
    out = io.StringIO()
    rows = filled.statements(text="first ships")
    rows_to_csv(rows, out, columns=["speaker", "content", "future"])
    assert out.getvalue() == (
        "speaker,content,future\n"
        "Ana Silva,We expect the first ships by the end of June,true\n"
    )
    out = io.StringIO()
    rows_to_csv([], out, columns=["speaker"])
    assert out.getvalue() == "speaker\n"
    rows_to_csv([], out)
    assert out.getvalue() == "speaker\n"


def test_csv_quotes_commas_and_quotes():
    row = StatementRow("a", None, None, "s1", "direct", None, None, None, "said",
                       'Yes, "now"', date(2024, 1, 2), False, True, False, None)
    out = io.StringIO()
    rows_to_csv([row], out, columns=["content", "said_on", "negated", "due"])
    assert out.getvalue() == 'content,said_on,negated,due\n"Yes, ""now""",2024-01-02,true,\n'


def test_json():
    assert rows_to_json(SPEAKERS[1:2]) == (
        '[\n  {\n    "id": "a4",\n    "name": "Bea Lund",\n    "type": "PERSON",\n    "statements": 1,\n'
        '    "articles": 1,\n    "first": null,\n    "last": null,\n    "wikidata": null\n  }\n]'
    )
    assert rows_to_json([]) == "[]"


def test_json_keeps_dates_iso_and_text_unescaped():
    row = StatementRow("a", "Café", date(2024, 5, 6), "s1", "direct", "Zoë", "a7", "she", "said",
                       "ok", None, False, False, True, date(2024, 5, 31))
    rendered = rows_to_json([row])
    assert '"article_title": "Café"' in rendered
    assert json.loads(rendered) == [{
        "article_id": "a", "article_title": "Café", "published": "2024-05-06",
        "statement_id": "s1", "kind": "direct", "speaker": "Zoë", "actor": "a7", "source_text": "she",
        "cue": "said", "content": "ok", "said_on": None, "hedged": False, "negated": False,
        "future": True, "due": "2024-05-31",
    }]


def test_table():
    table = rows_table(SPEAKERS, ["name", "statements", "last"])
    assert [c.header for c in table.columns] == ["name", "statements", "last"]
    assert [list(c.cells) for c in table.columns] == [
        ["Ana Silva", "Bea Lund", "Tom Okafor"],
        ["3", "1", "1"],
        ["2024-03-05", "", "2024-02-10"],
    ]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"kind": "direct"}, [("harbour-1", "s3"), ("harbour-2", "s3")]),
    ({"future": True}, [("harbour-1", "s2")]),
    ({"future": False, "limit": 2, "offset": 1}, [("budget-7", "s2"), ("harbour-1", "s1")]),
    ({"due_before": date(2024, 7, 1)}, [("harbour-1", "s2")]),
    ({"due_before": date(2024, 6, 30)}, []),
    ({"due_after": date(2024, 6, 29)}, [("harbour-1", "s2")]),
])
def test_statement_filters_for_kind_future_due_and_paging(filled: Store, filters, expected):
    assert ids(filled.statements(**filters)) == expected


def test_claims_are_forward_looking_with_a_status(filled: Store):
    (claim,) = filled.claims(today=date(2024, 6, 30))
    assert (claim.article_id, claim.statement_id, claim.due, claim.status) == (
        "harbour-1", "s2", date(2024, 6, 30), "pending"
    )
    assert [c.status for c in filled.claims(today=date(2024, 7, 1))] == ["overdue"]
    assert filled.claims(today=date(2024, 6, 30), status="overdue") == []
    assert len(filled.claims(today=date(2024, 7, 1), status="overdue")) == 1
    assert filled.claims(today=date(2024, 7, 1), speaker="okafor") == []


def test_articles_newest_first_each_with_its_statement_count(filled: Store):
    filled.add(Extraction(id="tide-table", text="High water at six.", published=date(2024, 3, 5)))
    filled.add(Extraction(id="undated-note", text="No statements here."))
    listed = [(row.id, row.published, row.statements) for row in filled.articles()]
    assert listed == [
        ("harbour-1", date(2024, 3, 5), 3),
        ("tide-table", date(2024, 3, 5), 0),
        ("budget-7", date(2024, 2, 10), 2),
        ("harbour-2", None, 3),
        ("undated-note", None, 0),
    ]
    assert [row.id for row in filled.articles(2, 1)] == ["tide-table", "budget-7"]
