"""``saidwhat claims``: forward-looking statements from ingested articles, by due date, with status
(follow-ups have tests of their own, in ``test_followups.py``).

Three short hand-written articles go into a temporary database through the CLI; each has one
statement whose time window is not in doubt, plus statements that are past (not claims) or
forward-looking without a date (listed last).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from saidwhat.cli import app

ARTICLES = [
    {"id": "port", "published": "2025-03-04", "title": "Port repairs",
     "text": "Harbour master Piet Olsen said the port could reopen in the second half of 2025."},
    {"id": "clinic", "published": "2025-04-10", "title": "New clinic",
     "text": "Health minister Anna Berg said on Tuesday that the new clinic will open next month. "
             "Berg said the old hospital had treated 900 patients."},
    {"id": "bridge", "published": "2025-03-20", "title": "Bridge works",
     "text": "Mayor Maria Lopez said the bridge would reopen by June 30. "
             "Lopez said the city will build more housing."},
]
CLINIC = ("clinic", "Anna Berg", "that the new clinic will open next month", "2025-05-31")
BRIDGE = ("bridge", "Maria Lopez", "the bridge would reopen by June 30", "2025-06-30")
PORT = ("port", "Piet Olsen", "the port could reopen in the second half of 2025", "2025-12-31")
HOUSING = ("bridge", "Maria Lopez", "the city will build more housing", None)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("claims")
    source = folder / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    result = invoke("ingest", source, "--db", folder / "news.db")
    assert result.exit_code == 0, result.stderr
    return folder / "news.db"


def claims(db: Path, *options: str) -> list[tuple]:
    result = invoke("claims", "--db", db, "--format", "json", "--today", "2025-06-15", *options)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    return [(r["article_id"], r["speaker"], r["content"], r["due"], r["status"]) for r in rows]


def test_sorted_by_due_date_with_status_as_of_today(db: Path) -> None:
    assert claims(db) == [
        (*CLINIC, "overdue"), (*BRIDGE, "pending"), (*PORT, "pending"), (*HOUSING, "undated"),
    ]


def test_before_any_due_date_every_claim_is_pending(db: Path) -> None:
    assert [c[-1] for c in claims(db, "--today", "2025-05-01")] == ["pending"] * 3 + ["undated"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (("--overdue",), [(*CLINIC, "overdue")]),
        (("--status", "overdue"), [(*CLINIC, "overdue")]),
        (("--status", "undated"), [(*HOUSING, "undated")]),
        (("--status", "reported"), []),
        (("--due-before", "2025-07-01"), [(*CLINIC, "overdue"), (*BRIDGE, "pending")]),
        (("--speaker", "berg"), [(*CLINIC, "overdue")]),
        (("--speaker", "Olsen", "--overdue"), []),
        (("--limit", "2"), [(*CLINIC, "overdue"), (*BRIDGE, "pending")]),
    ],
)
def test_filters(db: Path, options: tuple[str, ...], expected: list[tuple]) -> None:
    assert claims(db, *options) == expected


def test_one_row_in_full(db: Path) -> None:
    result = invoke("claims", "--db", db, "--format", "json", "--today", "2025-06-15", "--speaker", "Olsen")
    assert json.loads(result.stdout) == [{
        "article_id": "port", "article_title": "Port repairs", "published": "2025-03-04",
        "statement_id": "s1", "kind": "indirect", "speaker": "Piet Olsen", "actor": "a1",
        "source_text": "Harbour master Piet Olsen", "cue": "said",
        "content": "the port could reopen in the second half of 2025", "said_on": "2025-03-04",
        "hedged": True, "negated": False, "future": True, "due": "2025-12-31",
        "claim": "c1", "status": "pending", "sources": 1, "relation": None, "reported": None,
    }]


def test_table_shows_due_date_and_status(db: Path) -> None:
    result = invoke("claims", "--db", db, "--today", "2025-06-15", "--speaker", "Berg")
    header = next(line for line in result.stdout.splitlines() if "status" in line)
    row = next(line for line in result.stdout.splitlines() if "2025-05-31" in line)
    assert header.split()[1:6:2] == ["claim", "due", "status"]
    assert row.split()[1:6:2] == ["c2", "2025-05-31", "overdue"]


def test_csv_columns(db: Path) -> None:
    result = invoke("claims", "--db", db, "--format", "csv", "--today", "2025-06-15", "--overdue")
    assert result.stdout.splitlines()[0].split(",")[-5:] == ["claim", "status", "sources", "relation", "reported"]
    assert result.stdout.splitlines()[1].startswith("clinic,New clinic,2025-04-10,s1,indirect,Anna Berg,")


def test_a_speaker_written_over_two_lines_is_listed_on_one(tmp_path: Path) -> None:
    source = tmp_path / "ferry.jsonl"
    text = "The ferry line will resume sailings to Tarno on May 2, the\nspokesman said on Friday."
    source.write_text(json.dumps({"id": "ferry", "published": "2025-04-11", "text": text}) + "\n", encoding="utf-8")
    assert invoke("ingest", source, "--db", tmp_path / "f.db").exit_code == 0
    assert [r[1] for r in claims(tmp_path / "f.db")] == ["the spokesman"]
    listed = invoke("claims", "--db", tmp_path / "f.db", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["speaker"] for line in listed] == ["the spokesman"]


def test_advice_to_the_reader_is_no_claim(tmp_path: Path) -> None:
    source = tmp_path / "advice.jsonl"
    text = "You're hoping the price will drop on Black Friday. Planner Ruth Amsel said rates will fall next year."
    source.write_text(json.dumps({"id": "advice", "published": "2025-04-11", "text": text}) + "\n", encoding="utf-8")
    assert invoke("ingest", source, "--db", tmp_path / "a.db").exit_code == 0
    statements = json.loads(invoke("statements", "--db", tmp_path / "a.db", "--format", "json").stdout)
    assert "You" in [s["speaker"] for s in statements]  # a statement still, as the source is written
    assert [r[1] for r in claims(tmp_path / "a.db")] == ["Ruth Amsel"]
