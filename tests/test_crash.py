"""Crash safety: an ingest killed with SIGKILL part way leaves whole articles only, and running
it again stores the rest, each story once."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from saidwhat.pipeline import Pipeline
from saidwhat.read import read_inputs
from saidwhat.store import Store

TOWNS = ["Tarno", "Valmora", "Ostrel", "Brisk", "Kallen", "Morva"]
SPEAKERS = [
    "harbour master Ivo Lask", "Mayor Lidia Rusk", "engineer Dana Mot", "librarian Oskar Wend", "councillor Ada Brisk"
]


def _stories(n: int) -> list[dict]:
    return [
        {
            "id": f"story-{i}",
            "published": "2024-05-06",
            "text": f'"The {TOWNS[i % 6]} ferry will carry {100 + i} cars a day from July," '
            f"{SPEAKERS[i % 5]} said on Monday. The council said work on pier {i} would start next week.",
        }
        for i in range(n)
    ]


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    with Store.open(db, create=False) as store:
        return store.counts()["articles"]


def _ingest(jsonl: Path, db: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "saidwhat.cli", "ingest", str(jsonl), "--db", str(db)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


STORIES = 100
"""More than spaCy's batch of 32, so that the kill, once the first article is in, lands midway
however fast the last of a batch is stored."""


def test_sigkill_midway_then_rerun_loses_and_doubles_nothing(tmp_path: Path, pipeline: Pipeline) -> None:
    jsonl, db = tmp_path / "stories.jsonl", tmp_path / "news.db"
    jsonl.write_text("".join(json.dumps(s) + "\n" for s in _stories(STORIES)), encoding="utf-8")
    first = _ingest(jsonl, db)
    deadline = time.monotonic() + 60
    while _count(db) == 0 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    first.send_signal(signal.SIGKILL)
    first.wait()
    survived = _count(db)
    assert first.returncode == -signal.SIGKILL and 0 < survived < STORIES

    second = _ingest(jsonl, db)
    _, stderr = second.communicate(timeout=120)
    assert second.returncode == 0
    assert stderr.startswith(f"{STORIES - survived} new, {survived} duplicate, 0 failed; ")
    expected = [pipeline.extract(a) for a in read_inputs([str(jsonl)])]  # type: ignore[arg-type]
    with Store.open(db) as store:
        assert store.counts()["articles"] == STORIES
        assert [store.get(e.id) for e in expected] == expected
