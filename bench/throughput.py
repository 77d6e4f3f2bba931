"""Throughput of saidwhat's whole path against bare spaCy, as ../shared/EVAL.md defines it.

Both run on the same stories in the same process, alternating round by round: bare spaCy is
``nlp.pipe`` with the same model and batch size; saidwhat is read (JSON Lines) + extract + write
to a fresh SQLite database. Prints articles/s, words/s, the ratio saidwhat/bare and the peak
resident memory of the process.

    python bench/throughput.py --stories 1000 --rounds 2
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import tempfile
import time
from pathlib import Path

import spacy

from saidwhat.nlp import load, model_name
from saidwhat.pipeline import Pipeline
from saidwhat.read import ReadError, read_inputs
from saidwhat.store import Store

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters21578" / "reuters21578.jsonl.gz"


def stories(path: Path, n: int) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = (json.loads(line) for line in lines)
        return list(itertools.islice((r for r in records if r.get("text", "").strip()), n))


def bare(nlp, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def whole_path(pipeline: Pipeline, jsonl: Path, db: Path, batch_size: int) -> float:
    start = time.perf_counter()
    articles = (a for a in read_inputs([str(jsonl)]) if not isinstance(a, ReadError))
    with Store.open(db) as store:
        for extraction in pipeline.pipe(articles, batch_size=batch_size):
            store.add(extraction)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REUTERS)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    records = stories(args.data, args.stories)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    nlp_bare = spacy.load(model_name(args.model))
    pipeline = Pipeline(load(args.model))
    timings: dict[str, list[float]] = {"bare": [], "saidwhat": []}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "stories.jsonl"
        jsonl.write_text(
            "".join(json.dumps({"id": str(r["id"]), "text": r["text"], "published": r.get("published")}) + "\n" for r in records),
            encoding="utf-8",
        )
        for n in range(args.rounds):
            timings["bare"].append(bare(nlp_bare, texts, args.batch_size))
            timings["saidwhat"].append(whole_path(pipeline, jsonl, Path(tmp) / f"round{n}.db", args.batch_size))
    best = {k: min(v) for k, v in timings.items()}
    print(f"{len(texts)} stories, {words} words, model {model_name(args.model)}, batch size {args.batch_size}, "
          f"{args.rounds} alternating rounds (best of each)")
    for kind, seconds in best.items():
        print(f"{kind:9s} {len(texts) / seconds:8.1f} articles/s {words / seconds:10.0f} words/s ({seconds:.1f} s)")
    print(f"ratio saidwhat/bare: {best['bare'] / best['saidwhat']:.2f}")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
