"""Hostile and damaged archives: gzip bombs and cut or junk-laden WARCs each end in one named error,
within bounded memory, and the good inputs of the same run are still read and stored."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from test_read_archives import PAGE, THREE_PAGES, warc_file

from saidwhat.model import Article
from saidwhat.pipeline import Pipeline
from saidwhat.read import read_bytes, read_inputs, read_record
from saidwhat.store import Store
from saidwhat.web.ingest import Ingester

MiB = 1 << 20
GOOD_STORY = {"id": "good", "text": "The Tarno ferry will run until midnight, harbour master Ivo Lask said on Monday."}
BOMB = "decompressed size exceeds 100 times the compressed size (a gzip bomb?)"


def gzip_bomb(path: Path, zeros: int, head: bytes = b"") -> Path:
    """``head`` then ``zeros`` zero bytes, gzipped a mebibyte a member (gzip streams may be
    concatenated), so that neither building nor writing it holds more than one."""
    member = gzip.compress(bytes(MiB), 9)
    with path.open("wb") as out:
        out.write(gzip.compress(head))
        for _ in range(zeros // MiB):
            out.write(member)
    return path


def warc_bomb(path: Path, zeros: int) -> Path:
    """A gzipped WARC: one good page, then a page that claims, and holds, ``zeros`` zero bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000b0b0>\r\n"
        b"WARC-Target-URI: https://gazette.example/bomb\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n" % (len(http) + zeros)
    )
    first = warc_file(path.with_suffix(".first"), THREE_PAGES[:1], gzipped=False).read_bytes()
    return gzip_bomb(path, zeros, first + head + http)


def test_jsonl_gz_bomb_is_refused_and_the_next_input_read(tmp_path: Path) -> None:
    bomb = gzip_bomb(tmp_path / "bomb.jsonl.gz", 256 * MiB)
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(GOOD_STORY) + "\n", encoding="utf-8")
    error, article = read_inputs([str(bomb), str(good)])
    assert str(error) == f"{bomb}: {BOMB}"
    assert isinstance(article, Article) and article.id == "good"


def test_warc_gz_bomb_is_refused_after_the_pages_before_it(tmp_path: Path) -> None:
    bomb = warc_bomb(tmp_path / "bomb.warc.gz", 256 * MiB)
    article, error = read_inputs([str(bomb)])
    assert isinstance(article, Article) and article.url == "https://gazette.example/0"
    assert str(error) == f"{bomb}:3: {BOMB}"


@pytest.mark.parametrize(
    ("name", "origin"),
    [
        ("upload.jsonl.gz", "upload.jsonl.gz"),
        ("upload.json.gz", "upload.json.gz"),
        ("upload.txt.gz", "upload.txt.gz"),
        ("upload.html.gz", "upload.html.gz"),
        ("upload.rss.gz", "upload.rss.gz"),
        ("upload.warc.gz", "upload.warc.gz:1"),
        ("upload.gz", "upload.gz"),
    ],
)
def test_an_uploaded_bomb_is_refused_without_holding_it(tmp_path: Path, name: str, origin: str) -> None:
    data = gzip_bomb(tmp_path / "bomb.gz", 256 * MiB).read_bytes()
    tracemalloc.start()
    try:
        [error] = read_bytes(data, name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(error) == f"{origin}: {BOMB}"
    assert peak < 64 * MiB


def _damaged_warcs(folder: Path) -> dict[str, Path]:
    """A WARC of three pages cut 30 bytes short (gzipped), cut inside its third record, and with
    junk after its second."""
    packed = warc_file(folder / "whole.warc.gz", THREE_PAGES, gzipped=True).read_bytes()
    plain = warc_file(folder / "whole.warc", THREE_PAGES, gzipped=False).read_bytes()
    third = [match.start() for match in re.finditer(rb"WARC/1\.0\r\n", plain)][2]
    damaged = {
        "cut30.warc.gz": packed[:-30],
        "cut.warc": plain[: plain.index(b"<p>The central", third)],
        "junk.warc": plain[: third - 4] + b"junk junk\r\n" + plain[third - 4 :],
    }
    for name, data in damaged.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in damaged}


def _peak_ingest(arguments: list[str], cwd: Path) -> tuple[int, str, int]:
    """Exit status, standard error and peak resident memory (bytes) of ``saidwhat ingest``."""
    measure = (
        "import resource, subprocess, sys; "
        "done = subprocess.run(sys.argv[1:], stderr=subprocess.PIPE, text=True, timeout=120); "
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
        "print(done.stderr, end='')"
    )
    command = [sys.executable, "-c", measure, sys.executable, "-m", "saidwhat.cli", "ingest", *arguments]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180, check=True)
    status, peak_kib = done.stdout.split("\n", 1)[0].split()
    return int(status), done.stdout.split("\n", 1)[1], int(peak_kib) * 1024


def test_ingest_names_every_bomb_and_damage_stores_the_rest_in_bounded_memory(tmp_path: Path) -> None:
    gzip_bomb(tmp_path / "bomb.jsonl.gz", 1024 * MiB)
    gzip_bomb(tmp_path / "zeros.warc.gz", 1024 * MiB)
    warc_bomb(tmp_path / "bomb.warc.gz", 1024 * MiB)
    (tmp_path / "good.jsonl").write_text(json.dumps(GOOD_STORY) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE.replace("Tarno", "Brisk"), encoding="utf-8")
    damaged = _damaged_warcs(tmp_path)
    inputs = ["bomb.jsonl.gz", "zeros.warc.gz", "bomb.warc.gz", *damaged, "good.jsonl", "page.html"]
    status, stderr, peak = _peak_ingest([*inputs, "--db", "news.db"], tmp_path)
    assert status == 1
    assert [line for line in stderr.splitlines() if line.startswith("error: ")] == [
        f"error: bomb.jsonl.gz: {BOMB}",
        f"error: zeros.warc.gz:1: {BOMB}",
        f"error: bomb.warc.gz:3: {BOMB}",
        "error: cut30.warc.gz:4: truncated gzip stream",
        "error: cut.warc:3: truncated record (225 of its 388 bytes missing)",
        "error: junk.warc:2: junk after the record (is its Content-Length wrong?)",
    ]
    with Store.open(tmp_path / "news.db", create=False) as store:
        stored = {article.id for article in store.articles()}
    record = "00000000-0000-4000-8000-{:012d}".format
    assert stored == {"good", "page", record(0), record(1), record(2)}  # record 2 from junk.warc, cut30.warc.gz
    assert peak < 600 * MiB


def test_a_nul_escape_is_named_before_the_store_on_either_backend(store: Store, pipeline: Pipeline) -> None:
    # PostgreSQL refuses NUL in text; the record must fail by name, not at store time.
    records = [GOOD_STORY, {"id": "nul", "text": "The Tarno ferry\u0000 will run until midnight."}]
    report = Ingester(store, pipeline)(read_record(record, f"request[{n}]") for n, record in enumerate(records))
    assert report.new == ["good"]
    assert report.failed == ["request[1]: text holds a NUL character (\\u0000 at character 15)"]
    assert store.counts()["articles"] == 1
