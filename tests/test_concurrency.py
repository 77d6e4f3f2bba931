"""Writers at once on one store: three ``saidwhat ingest`` processes and web ingests together store
every article exactly once, on SQLite and on PostgreSQL; two writers racing with the same story
store it once; and a write kept waiting beyond its patience is ``StoreBusy``, which the command
counts as a failed article and the web answers with 503 and ``Retry-After``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from saidwhat.cli import app as cli
from saidwhat.errors import StoreBusy
from saidwhat.model import Extraction
from saidwhat.pipeline import Pipeline
from saidwhat.store import Store
from saidwhat.store.contention import Patience
from saidwhat.store.migrate import WRITE_FIRST
from saidwhat.store.records import save
from saidwhat.web import create_app

TOKEN = "concurrency token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
QUICK = Patience(wait_s=0.05, attempts=2, pause_s=0.01)
"""Patience small enough for a test to outlast it by holding the write lock."""

NAMES = ["Ivo Lask", "Lidia Rusk", "Dana Mot", "Oskar Wend", "Ada Brisk", "Mirek Halm", "Tove Strand"]
TOWNS = ["Tarno", "Valmora", "Ostrel", "Kallen", "Morva"]


def story(desk: str, n: int) -> dict[str, str]:
    """A short story of its own, told by ``desk``: no two (desk, n) share a text."""
    return {
        "id": f"{desk}-{n}",
        "published": "2024-05-06",
        "text": f'"The {TOWNS[n % 5]} ferry will carry {100 + n} cars a day from July," harbour master '
        f"{NAMES[n % 7]} said on Monday. The {desk} desk said work on pier {n} would start next week.",
    }


def _backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A SQLite path or a fresh PostgreSQL database's URL."""
    return _backend(request, tmp_path)


@contextmanager
def holding_the_write_lock(store: Store) -> Iterator[None]:
    """Another writer's transaction, open until the block ends, that every insert must wait for."""
    with store.engine.execution_options(**WRITE_FIRST).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE"))
        yield


# -- the race for one story ----------------------------------------------------------------------


def _until_waiting(store: Store, racer: Future[Any]) -> None:
    """Return once the racer waits for this test's open transaction (or has finished).

    PostgreSQL shows a backend waiting for a lock; SQLite shows nothing, so the racer gets a
    moment to reach the lock (were it slower, the test would pass without a race, never fail).
    """
    if store.engine.dialect.name != "postgresql":
        time.sleep(0.5)
        return
    waiting = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
    deadline = time.monotonic() + 30
    with store.engine.connect() as conn:
        while not racer.done() and time.monotonic() < deadline:
            if conn.execute(waiting).scalar_one():
                return
            conn.rollback()
            time.sleep(0.01)


def test_two_writers_racing_with_one_story_store_it_once(where: str) -> None:
    ferry = Extraction(**story("race", 1))
    with Store.open(where) as store, ThreadPoolExecutor(1) as pool:
        with store.engine.begin() as conn:
            assert save(conn, ferry) == "new"
            racer = pool.submit(store.add, ferry)
            _until_waiting(store, racer)
        assert racer.result(timeout=60) == "duplicate"
        assert store.counts()["articles"] == 1


# -- a writer kept waiting -------------------------------------------------------------------------


def test_a_write_kept_waiting_beyond_its_patience_is_store_busy(where: str) -> None:
    ferry = Extraction(**story("busy", 1))
    with Store.open(where, patience=QUICK) as store:
        with holding_the_write_lock(store), pytest.raises(StoreBusy, match="^database busy: "):
            store.add(ferry)
        assert store.add(ferry) == "new"


def test_a_busy_database_is_503_with_retry_after_and_a_retry_stores(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("saidwhat.store.database.PATIENCE", QUICK)
    record = story("web", 1)
    with TestClient(create_app(str(tmp_path / "web.db"), token=TOKEN, pipeline=pipeline)) as client:
        with holding_the_write_lock(client.app.state.store):  # type: ignore[attr-defined]
            refused = client.post("/api/articles", json=record, headers=AUTH)
            form = client.post("/ingest", data={"token": TOKEN, "content": record["text"], "id": "form"})
        assert refused.status_code == 503 and refused.headers["retry-after"].isdigit()
        assert refused.json()["detail"].startswith("database busy")
        assert form.status_code == 503 and form.headers["retry-after"].isdigit()
        assert client.post("/api/articles", json=record, headers=AUTH).json() == {
            "new": ["web-1"], "duplicate": [], "failed": []
        }


def test_ingest_counts_a_busy_database_as_failed_articles_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("saidwhat.store.database.PATIENCE", QUICK)
    stories, db = tmp_path / "stories.jsonl", tmp_path / "news.db"
    stories.write_text("".join(json.dumps(story("cli", n)) + "\n" for n in range(2)), encoding="utf-8")
    with Store.open(db) as store, holding_the_write_lock(store):
        result = CliRunner().invoke(cli, ["ingest", str(stories), "--db", str(db)], catch_exceptions=False)
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert [line.split(" database busy: ")[0] for line in lines[:2]] == [
        f"error: {stories}:{n}: not stored:" for n in (1, 2)
    ]
    assert lines[2].startswith("0 new, 0 duplicate, 2 failed; ")


# -- three processes and the web at once ---------------------------------------------------------


@contextmanager
def serving(where: str, pipeline: Pipeline) -> Iterator[str]:
    """The base URL of the web application over ``where``, served by uvicorn in a thread."""
    web = create_app(where, token=TOKEN, pipeline=pipeline)
    server = uvicorn.Server(uvicorn.Config(web, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _post(base: str, records: list[dict[str, str]]) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"{base}/api/articles", data=json.dumps(records).encode(), headers=AUTH, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _ingest(jsonl: Path, where: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "saidwhat.cli", "ingest", str(jsonl), "--db", where]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _articles(where: str) -> int:
    with Store.open(where, create=False) as store:
        return store.counts()["articles"]


SHARED = [story("shared", n) for n in range(4)]
"""Stories every writer sends: each must be stored once, and be a duplicate everywhere else."""


def test_three_ingests_and_web_posts_at_once_store_every_article_once(
    where: str, tmp_path: Path, pipeline: Pipeline
) -> None:
    files = []
    for k in range(3):
        own = [story(f"desk{k}", n) for n in range(30)]
        records = own[: 10 * k] + SHARED + own[10 * k :]  # the shared stories early, midway and late
        files.append(tmp_path / f"desk{k}.jsonl")
        files[-1].write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    posts = [[story("web", n)] + SHARED[n : n + 1] for n in range(20)]
    with serving(where, pipeline) as base:
        processes = [_ingest(path, where) for path in files]
        deadline = time.monotonic() + 120
        while _articles(where) == 0 and time.monotonic() < deadline:  # the processes are writing
            time.sleep(0.05)
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda records: _post(base, records), posts))
        reports = [process.communicate(timeout=300)[1] for process in processes]

    assert [process.returncode for process in processes] == [0, 0, 0], reports
    tallies = [re.match(r"(\d+) new, (\d+) duplicate, 0 failed; ", report) for report in reports]
    assert all(tallies), reports
    assert [status for status, _ in answers] == [200] * 20, answers
    assert all(report["failed"] == [] for _, report in answers)
    new = sum(int(t[1]) for t in tallies if t) + sum(len(report["new"]) for _, report in answers)
    duplicate = sum(int(t[2]) for t in tallies if t) + sum(len(report["duplicate"]) for _, report in answers)
    expected = {r["id"] for path in files for r in map(json.loads, path.read_text().splitlines())}
    expected |= {r["id"] for records in posts for r in records}
    assert (new, duplicate) == (114, 12) and len(expected) == 114  # 126 sent: each shared story 4 times
    with Store.open(where) as store:
        assert {row.id for row in store.articles()} == expected
        assert store.counts()["articles"] == 114
