"""Article in, records out: one spaCy pass, then each extractor in turn.

Data flows one way: entities first (sources resolve to them), then time expressions (statements
take their dates from them), then statements.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from . import nlp as nlp_loader
from .extract.entities import extract_entities
from .extract.statements import extract_statements
from .extract.times import extract_times
from .model import Article, Extraction


class Pipeline:
    def __init__(self, nlp: Language | None = None, model: str | None = None):
        self.nlp = nlp if nlp is not None else nlp_loader.load(model)

    def extract(self, article: Article) -> Extraction:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract from many articles, batching the spaCy pass; yields in input order."""
        pairs = self.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size)
        for doc, article in pairs:
            entities = extract_entities(doc)
            times = extract_times(doc, article.published)
            statements = extract_statements(doc, entities, times, article.published)
            yield Extraction(
                **article.model_dump(),
                entities=entities.records,
                statements=statements,
                times=times,
            )
