"""What following claims costs an ingest: storing a corpus with and without follow-up linking.

The extractions are read from a ``saidwhat export`` file (so spaCy's time, the same either way,
is left out) and stored one article per transaction into a fresh SQLite database, as ``saidwhat
ingest`` stores them: once as saidwhat does (actors, claims, follow-ups, story threads), once
with the claims step switched off. Prints milliseconds per article for each, the resident memory
after every ``--every`` articles (it should stay flat as the store grows), and, given the rate of
extraction measured by ``bench/throughput.py`` (``--extract-rate``, articles/s), the ingest rates
both ways.

    saidwhat export --db STORE --out corpus.jsonl
    python bench/followups.py corpus.jsonl --extract-rate 27
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from saidwhat.model import Extraction
from saidwhat.store import Store


def extractions(path: Path, limit: int | None) -> Iterator[Extraction]:
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                return
            record = json.loads(line)
            for entity in record["entities"]:
                entity.pop("actor", None)
                entity.pop("actor_name", None)
            yield Extraction(**record)


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def store_all(corpus: list[Extraction], folder: Path, name: str, every: int) -> float:
    """Seconds to store the corpus into a fresh database; prints memory along the way."""
    with Store.open(folder / f"{name}.db") as store:
        start = time.perf_counter()
        for n, extraction in enumerate(corpus, 1):
            store.add(extraction)
            if n % every == 0:
                print(f"  {name}: {n} articles, {time.perf_counter() - start:.0f} s, resident {resident_mb():.0f} MB")
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path, help="a `saidwhat export` file")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--every", type=int, default=2000, help="print memory every N articles")
    parser.add_argument("--extract-rate", type=float, default=None, help="articles/s of extraction alone")
    args = parser.parse_args()
    corpus = list(extractions(args.export, args.limit))
    print(f"{len(corpus)} articles")
    with tempfile.TemporaryDirectory() as folder:
        with mock.patch("saidwhat.store.records.follow", lambda conn, article_pk, extraction: None):
            without = store_all(corpus, Path(folder), "without", args.every)
        with_followups = store_all(corpus, Path(folder), "with", args.every)
    for label, seconds in (("without follow-ups", without), ("with follow-ups", with_followups)):
        line = f"{label}: {1000 * seconds / len(corpus):.2f} ms/article to store"
        if args.extract_rate:
            line += f", ingest {1 / (1 / args.extract_rate + seconds / len(corpus)):.1f} articles/s"
        print(line)
    print(f"peak resident memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
