"""The pipeline keeps going when one article breaks an extractor, and batches its spaCy pass."""

import itertools

import pytest

from saidwhat import pipeline as pipeline_module
from saidwhat.errors import ExtractError
from saidwhat.model import Article
from saidwhat.pipeline import batches


def test_one_broken_article_does_not_stop_the_batch(pipeline, monkeypatch):
    real = pipeline_module.extract_times

    def flaky(doc, published):
        if "poison" in doc.text:
            raise RuntimeError("boom")
        return real(doc, published)

    monkeypatch.setattr(pipeline_module, "extract_times", flaky)
    articles = [
        Article(id="a", text="Anna Berg said that it rained.", origin="feed.jsonl:1"),
        Article(id="b", text="The poison pill, he said.", origin="feed.jsonl:2"),
        Article(id="c", text="Carl Olsen said that it snowed."),
    ]
    results = list(pipeline.pipe(articles, batch_size=8))
    assert [type(r).__name__ for r in results] == ["Extraction", "ExtractError", "Extraction"]
    assert str(results[1]) == "feed.jsonl:2: extraction failed (RuntimeError: boom)"
    assert [r.id for r in (results[0], results[2])] == ["a", "c"]
    with pytest.raises(ExtractError):
        pipeline.extract(articles[1])


def test_results_come_in_input_order_across_batches(pipeline):
    articles = [Article(id=str(n), text=f"Speaker {n} said that the count was {n}.") for n in range(7)]
    assert [r.id for r in pipeline.pipe(articles, batch_size=3)] == [str(n) for n in range(7)]


def test_batches_hold_a_bounded_amount_of_text():
    sizes = [10, 10, 10, 35, 5, 50, 1, 1, 1, 1]
    articles = [Article(id=str(n), text="x" * size) for n, size in enumerate(sizes)]
    cut = [[len(a.text) for a in batch] for batch in batches(articles, size=3, chars=40)]
    # at most three articles and 40 characters; an article longer than that goes alone
    assert cut == [[10, 10, 10], [35, 5], [50], [1, 1, 1], [1]]


def test_batches_read_their_input_lazily():
    endless = (Article(id=str(n), text="A short story.") for n in itertools.count())
    first = next(batches(endless, size=4))
    assert [a.id for a in first] == ["0", "1", "2", "3"]
