"""Load and concurrency on loopback: how fast ``saidwhat serve`` answers its pages and API under
concurrent clients, and whether concurrent ingests, from the command line and the web, store
every article sent.

It builds a store from the first ``--stories`` Reuters stories (or reuses ``--db``), starts the
server on a free 127.0.0.1 port, and then

1. reads: each endpoint in turn, ``--clients`` threads for ``--seconds`` (at most
   ``--requests`` requests): the home page, the speakers page and API, claims, a text search
   in the API and on the search page, an article page and a speaker page;
2. reads while writing: the same clients cycle through the endpoints while two ``saidwhat
   ingest`` processes and ``--posts`` web POSTs to ``/api/articles`` store distinct stories into
   the same database (stories from the end of the corpus, each made new by a line naming the run).

It prints requests/s, p50 and p99 per endpoint and phase, the load average after each phase
(other work on the machine skews the figures), and the articles sent against those the store
gained. The server is stopped at the end, whatever happens.

    python bench/load.py --stories 3000
    python bench/load.py --db big.db --clients 8 --seconds 20
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters21578" / "reuters21578.jsonl.gz"
SAIDWHAT = [sys.executable, "-m", "saidwhat.cli"]
TIMEOUT_S = 60  # for one request, and for the server to start
RETRIES = 5  # times a web POST answered 503 is sent again, after the Retry-After it names


def stories(corpus: Path) -> list[dict[str, Any]]:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def write_jsonl(records: list[dict[str, Any]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def build(db: Path, records: list[dict[str, Any]], work: Path) -> None:
    print(f"building {db} from {len(records)} stories...", flush=True)
    subprocess.run([*SAIDWHAT, "ingest", str(write_jsonl(records, work / "build.jsonl")), "--db", str(db)], check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(db: Path, token: str) -> Iterator[str]:
    """``saidwhat serve`` on a free loopback port; its base URL, once it answers."""
    port = free_port()
    env = os.environ | {"SAIDWHAT_TOKEN": token}
    process = subprocess.Popen([*SAIDWHAT, "serve", "--db", str(db), "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            try:
                httpx.get(f"{base}/api/articles?limit=1").raise_for_status()
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()


def endpoints(base: str) -> dict[str, str]:
    """The paths read, with an article and a speaker taken from the store."""
    article = httpx.get(f"{base}/api/articles?limit=1").json()["items"][0]["id"]
    speaker = httpx.get(f"{base}/api/speakers?limit=1").json()["items"][0]["id"]
    return {
        "/": "/",
        "/speakers": "/speakers",
        "/api/speakers": "/api/speakers",
        "/claims": "/claims",
        "/api/statements?text=": "/api/statements?text=oil+prices",
        "/?text=": "/?text=oil+prices",
        "/articles/{id}": "/articles/" + quote(article, safe=""),
        "/speakers/{id}": "/speakers/" + quote(speaker, safe=""),
    }


class Timings:
    """Latencies and failures per endpoint, from any number of threads."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.failures: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()

    def get(self, client: httpx.Client, name: str, path: str) -> None:
        start = time.perf_counter()
        try:
            ok = client.get(path).status_code == 200
        except httpx.HTTPError:
            ok = False
        with self.lock:
            self.latencies[name].append(time.perf_counter() - start)
            self.failures[name] += not ok

    def report(self, title: str, seconds: dict[str, float]) -> None:
        print(f"\n{title} (load average {os.getloadavg()[0]:.1f} at the end)")
        print(f"{'endpoint':<24}{'requests':>9}{'failed':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
        for name, latencies in self.latencies.items():
            cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
            print(
                f"{name:<24}{len(latencies):>9}{self.failures[name]:>8}{len(latencies) / seconds[name]:>9.1f}"
                f"{cuts[49] * 1000:>9.0f}{cuts[98] * 1000:>9.0f}"
            )


def clients(base: str, count: int, work: Any) -> None:
    """Run ``work(client)`` on ``count`` threads, each with its own keep-alive connection."""

    def run() -> None:
        with httpx.Client(base_url=base, timeout=TIMEOUT_S) as client:
            work(client)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def read_one(base: str, name: str, path: str, count: int, seconds: float, cap: int, timings: Timings) -> float:
    """``count`` clients reading ``path`` for ``seconds`` or ``cap`` requests; the seconds taken."""
    budget, stop, start = itertools.count(), time.monotonic() + seconds, time.monotonic()

    def work(client: httpx.Client) -> None:
        while time.monotonic() < stop and next(budget) < cap:
            timings.get(client, name, path)

    clients(base, count, work)
    return time.monotonic() - start


def read_each(base: str, paths: dict[str, str], count: int, seconds: float, cap: int) -> None:
    """Each endpoint in turn, as fast as ``count`` clients go."""
    timings = Timings()
    spent = {name: read_one(base, name, path, count, seconds, cap, timings) for name, path in paths.items()}
    timings.report(f"reads, {count} concurrent clients, one endpoint at a time", spent)


def marked(records: list[dict[str, Any]], run: str) -> list[dict[str, Any]]:
    """The stories made new to the store: an id and a last line naming this run."""
    return [
        {**r, "id": f"load-{run}-{n}", "text": f"{r['text']}\n(load test {run}, story {n})"}
        for n, r in enumerate(records)
    ]


def post(base: str, token: str, records: list[dict[str, Any]], tally: dict[str, int]) -> None:
    """POST each story alone, sending again after a 503's Retry-After, at most ``RETRIES`` times."""
    fields = ("id", "text", "title", "source")
    with httpx.Client(base_url=base, timeout=TIMEOUT_S, headers={"Authorization": f"Bearer {token}"}) as client:
        for record in records:
            for _ in range(RETRIES + 1):
                answer = client.post("/api/articles", json={f: record[f] for f in fields if record.get(f)})
                if answer.status_code != 503:
                    break
                tally["503"] += 1
                time.sleep(float(answer.headers.get("Retry-After", 1)))
            if answer.status_code != 200:
                tally[f"status {answer.status_code}"] += 1
                continue
            for outcome, ids in answer.json().items():
                tally[outcome] += len(ids)


def stored(base: str) -> int:
    return httpx.get(f"{base}/api/articles?limit=1", timeout=TIMEOUT_S).json()["total"]


def read_while_writing(
    base: str, token: str, db: Path, paths: dict[str, str], count: int, records: list[dict[str, Any]], posts: int,
    work: Path,
) -> None:
    """Two CLI ingests and the web POSTs, with ``count`` clients reading every endpoint meanwhile."""
    half = (len(records) - posts) // 2
    batches = [records[:half], records[half : 2 * half]]
    before, done = stored(base), threading.Event()
    ingests = [
        subprocess.Popen(
            [*SAIDWHAT, "ingest", str(write_jsonl(batch, work / f"ingest-{n}.jsonl")), "--db", str(db)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n, batch in enumerate(batches)
    ]
    tally: dict[str, int] = defaultdict(int)
    poster = threading.Thread(target=post, args=(base, token, records[2 * half :], tally))
    poster.start()
    timings, start = Timings(), time.monotonic()

    def cycle(client: httpx.Client) -> None:
        for name, path in itertools.cycle(paths.items()):
            if done.is_set():
                return
            timings.get(client, name, path)

    readers = threading.Thread(target=clients, args=(base, count, cycle))
    readers.start()
    outputs = [process.communicate() for process in ingests]
    poster.join()
    done.set()
    readers.join()
    seconds = time.monotonic() - start
    timings.report(f"reads while ingesting, {count} concurrent clients cycling through the endpoints",
                   dict.fromkeys(timings.latencies, seconds))
    print(f"\ningests ({seconds:.0f} s)")
    for n, (out, err) in enumerate(outputs):
        summary = re.search(r"^\d+ new, \d+ duplicate, \d+ failed.*$", out + err, re.MULTILINE)
        print(f"  CLI {n + 1}: {len(batches[n])} sent: {summary.group(0) if summary else (out + err).strip()}")
    print(f"  web: {len(records) - 2 * half} sent one per POST: {dict(tally)}")
    print(f"  sent {len(records)} stories, the store gained {stored(base) - before}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=3000, help="stories to build the store from")
    parser.add_argument("--db", type=Path, help="an existing store to use instead of building one (it gains articles)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10, help="per endpoint, reading")
    parser.add_argument("--requests", type=int, default=2000, help="at most, per endpoint, reading")
    parser.add_argument("--ingest", type=int, default=60, help="stories for the two CLI ingests together")
    parser.add_argument("--posts", type=int, default=20, help="stories POSTed to the web API")
    args = parser.parse_args()
    corpus = stories(args.corpus)
    extra = marked(corpus[-(args.ingest + args.posts) :], secrets.token_hex(4))
    with tempfile.TemporaryDirectory(prefix="saidwhat-load-") as tmp:
        work = Path(tmp)
        db = args.db or work / "load.db"
        if args.db is None:
            build(db, corpus[: args.stories], work)
        token = secrets.token_urlsafe()
        with server(db, token) as base:
            paths = endpoints(base)
            print(f"store {db}: {stored(base)} articles")
            read_each(base, paths, args.clients, args.seconds, args.requests)
            read_while_writing(base, token, db, paths, args.clients, extra, args.posts, work)


if __name__ == "__main__":
    main()
