"""Article in, records out: one spaCy pass, then each extractor in turn.

Data flows one way: entities first (sources resolve to them), then time expressions (statements
take their dates from them), then statements. An article that breaks an extractor becomes an
``ExtractError`` in the output stream; the rest of the batch carries on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_loader
from .errors import ExtractError
from .extract.entities import extract_entities
from .extract.statements import extract_statements
from .extract.time import extract_times
from .model import Article, Extraction

BATCH_CHARS = 40_000
"""The most text one spaCy batch holds (one longer article goes alone). The parser's working
memory grows with a batch's text, about 3 KB a character with ``en_core_web_sm``, so this, and
not the longest run of long articles in a corpus, sets a run's peak memory."""


class Pipeline:
    def __init__(self, nlp: Language | None = None, model: str | None = None):
        self.nlp = nlp if nlp is not None else nlp_loader.load(model)

    def extract(self, article: Article) -> Extraction:
        """Extract from one article; raises ``ExtractError`` if it cannot be processed."""
        result = next(self.pipe([article]))
        if isinstance(result, ExtractError):
            raise result
        return result

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction | ExtractError]:
        """Extract from many articles, batching the spaCy pass; yields in input order."""
        for batch in batches(articles, batch_size):
            try:
                results: list[Extraction | ExtractError] = list(self._run(batch, batch_size))
            except Exception:  # find the article at fault, keep the others
                results = [self._one(article) for article in batch]
            yield from results

    def _one(self, article: Article) -> Extraction | ExtractError:
        try:
            return next(self._run([article], 1))
        except Exception as error:
            return ExtractError(article, f"extraction failed ({type(error).__name__}: {error})")

    def _run(self, batch: list[Article], batch_size: int) -> Iterator[Extraction]:
        docs = self.nlp.pipe((a.text for a in batch), batch_size=batch_size)
        for doc, article in zip(docs, batch):
            yield self._records(doc, article)

    @staticmethod
    def _records(doc: Doc, article: Article) -> Extraction:
        entities = extract_entities(doc)
        times = extract_times(doc, article.published)
        statements = extract_statements(doc, entities, times, article.published)
        return Extraction(**article.model_dump(), entities=entities.records, statements=statements, times=times)


def batches(articles: Iterable[Article], size: int, chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Consecutive articles, at most ``size`` of them and ``chars`` characters of text a batch."""
    batch: list[Article] = []
    held = 0
    for article in articles:
        if batch and (len(batch) == size or held + len(article.text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(article)
        held += len(article.text)
    if batch:
        yield batch
