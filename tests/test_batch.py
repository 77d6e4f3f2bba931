"""The Dask batch: a real local cluster of two worker processes, shards, loading and resuming."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import Client
from typer.testing import CliRunner

from saidwhat.batch import connect, run_batch
from saidwhat.cli import app
from saidwhat.pipeline import Pipeline
from saidwhat.read import read_inputs
from saidwhat.store import Store

STORIES = [
    ("ferry", '"The ferry will run until midnight from July," harbour master Ivo Lask said on Monday.'),
    ("library", "Librarian Oskar Wend said the central library would reopen on Friday."),
    ("bridge", '"We expect the bridge to carry traffic by March," engineer Dana Mot told reporters.'),
    ("school", "The school board said on Tuesday that classes would start an hour later."),
    ("port", '"Grain ships can dock again," port director Sven Orlo said.'),
    ("council", "Mayor Lidia Rusk said the council had approved the new bus lane."),
]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with connect(2, None) as client:
        yield client


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    path = tmp_path / "stories.jsonl"
    lines = [json.dumps({"id": id, "text": text, "published": "2024-05-06"}) for id, text in STORIES]
    lines.append(json.dumps({"id": "copy", "text": STORIES[0][1]}))  # the ferry story again
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path)]


def test_batch_stores_what_the_pipeline_extracts(
    client: Client, inputs: list[str], tmp_path: Path, pipeline: Pipeline
) -> None:
    out = tmp_path / "shards"
    with Store.open(tmp_path / "news.db") as store:
        report = run_batch(inputs, out, store, client, partition_size=3)
        assert (report.partitions, report.reused, report.new, report.duplicate) == (3, 0, 6, 1)
        assert (report.failed, report.skipped) == ([], [])
        expected = [pipeline.extract(a) for a in read_inputs(inputs)]  # type: ignore[arg-type]
        assert [store.get(e.id) for e in expected[:6]] == expected[:6]
    shards = sorted(p.name for p in out.iterdir())
    assert [name[:11] for name in shards] == ["part-00000-", "part-00001-", "part-00002-"]
    assert pq.read_table(out / shards[2]).column("origin").to_pylist() == [f"{inputs[0]}:7"]


def _profiles(dask_worker) -> bool:
    return "profile" in dask_worker.periodic_callbacks


def test_local_workers_keep_no_sampling_profile(client: Client) -> None:
    # Its history grows a worker's memory for its first 17 minutes, and a local cluster has no
    # dashboard to show it.
    assert list(client.run(_profiles).values()) == [False, False]


def test_a_rerun_extracts_only_missing_shards(client: Client, inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "shards"
    with Store.open(tmp_path / "news.db") as store:
        run_batch(inputs, out, store, client, partition_size=3)
    kept, lost, _ = sorted(out.iterdir())
    kept_since = kept.stat().st_mtime_ns
    lost.unlink()
    with Store.open(tmp_path / "news.db") as store:
        report = run_batch(inputs, out, store, client, partition_size=3)
        assert store.counts()["articles"] == 6
    assert (report.partitions, report.reused, report.new, report.duplicate) == (3, 2, 0, 7)
    assert lost.exists() and kept.stat().st_mtime_ns == kept_since
    assert not list(out.glob(".*.tmp"))
    with Store.open(tmp_path / "news.db") as store:
        again = run_batch(inputs, out, store, client, partition_size=3)
    assert (again.partitions, again.reused, again.new, again.duplicate) == (3, 3, 0, 7)


def test_cli_batch_on_a_running_scheduler(client: Client, inputs: list[str], tmp_path: Path) -> None:
    db, out = tmp_path / "news.db", tmp_path / "shards"
    args = ["batch", *inputs, "--scheduler", client.scheduler.address, "--out", str(out), "--db", str(db)]
    result = CliRunner().invoke(app, [*args, "--partition-size", "4"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        f"2 partitions (0 reused); 6 new, 1 duplicate, 0 failed; the database now holds 6 articles ({db})\n"
    )


def test_cli_batch_needs_one_way_to_a_cluster(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", "a.txt", "--out", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (2, "saidwhat: give either --workers N or --scheduler tcp://HOST:PORT\n")
