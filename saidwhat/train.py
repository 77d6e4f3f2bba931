"""Training the cue model (``extract/cue_model.py``) on PolNeAR train: ``saidwhat train cues``.

Every verb that reads as a cue is an example. It is positive when some gold attribution has its cue
on that verb, a content the candidate's matches with Dice >= 0.5 and a source that agrees: the
linked triple score's own test, so the model learns where the rules would score. Logistic
regression by stochastic gradient descent with a fixed shuffle, so a rerun writes the same file.
The two thresholds are chosen on a held-out fifth of train (by linked triple F1 there), then the
weights are refitted on all of train. Dev is never read.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .eval.attribution import chars, dice, score_attribution
from .eval.polnear import GoldArticle, load_polnear
from .extract.cue_model import CueModel
from .extract.entities import extract_entities
from .extract.statements import _char_spans, cue_candidate, extract_statements, quotations
from .extract.times import extract_times

Example = tuple[list[str], bool]
KEEP_GRID = (0.3, 0.4, 0.5, 0.6)
DROP_GRID = (0.05, 0.15, 0.25)


@dataclass(frozen=True)
class Parsed:
    article: GoldArticle
    doc: Doc


def parse(nlp: Language, articles: list[GoldArticle]) -> list[Parsed]:
    docs = nlp.pipe((a.text for a in articles), batch_size=32)
    return [Parsed(a, d) for a, d in zip(articles, docs)]


def examples(parsed: Parsed) -> Iterator[Example]:
    """Each cue-like verb or noun of one article, with its features and whether the gold agrees."""
    doc, gold = parsed.doc, parsed.article.attributions
    in_quote = {i for tokens, _ in quotations(doc) for i in tokens}
    for token in doc:
        found = cue_candidate(token, in_quote)
        if found is None:
            continue
        cand, feats, _ = found
        anchor = set(range(token.idx, token.idx + len(token)))
        content = chars(_char_spans(doc, cand.content - set(cand.cue), trim=True))
        source = chars(_char_spans(doc, range(*cand.source), trim=True)) if cand.source else frozenset()
        yield feats, any(
            anchor & chars(g.cue)
            and dice(chars(g.content), content) >= 0.5
            and (bool(source & chars(g.source)) or not (source or g.source))
            for g in gold
        )


def fit(data: list[Example], epochs: int = 12, rate: float = 0.2, l2: float = 1e-5, min_count: int = 2) -> dict[str, float]:
    """Logistic regression weights; features seen fewer than ``min_count`` times are left out."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    data = [([f for f in feats if counts[f] >= min_count], label) for feats, label in data]
    weights: dict[str, float] = {}
    order = list(range(len(data)))
    random.Random(0).shuffle(order)
    for epoch in range(epochs):
        step = rate / (1 + epoch)
        for n in order:
            feats, label = data[n]
            z = max(-30.0, min(30.0, sum(weights.get(f, 0.0) for f in feats)))
            gradient = (1.0 if label else 0.0) - 1.0 / (1.0 + math.exp(-z))
            for f in feats:
                w = weights.get(f, 0.0)
                weights[f] = w + step * (gradient - l2 * w)
    return {f: round(w, 4) for f, w in weights.items() if abs(w) >= 1e-3}


def triple_f1(parsed: list[Parsed], model: CueModel) -> float:
    predictions = {}
    for p in parsed:
        entities = extract_entities(p.doc)
        times = extract_times(p.doc, p.article.published)
        predictions[p.article.id] = extract_statements(p.doc, entities, times, p.article.published, model=model)
    return score_attribution([p.article for p in parsed], predictions).triple.f1


def train_cues(nlp: Language, data_dir: Path, log=print) -> CueModel:
    """Fit on four fifths of train, choose thresholds on the last fifth, refit on all of it."""
    articles = sorted(load_polnear(data_dir, "train"), key=lambda a: a.id)
    parsed = parse(nlp, articles)
    held = [p for n, p in enumerate(parsed) if n % 5 == 4]
    kept = [p for n, p in enumerate(parsed) if n % 5 != 4]
    log(f"{len(articles)} train articles: fitting on {len(kept)}, choosing thresholds on {len(held)}")
    weights = fit([e for p in kept for e in examples(p)])
    scored = {
        (keep, drop): triple_f1(held, CueModel(weights, keep, drop)) for keep in KEEP_GRID for drop in DROP_GRID
    }
    keep, drop = max(scored, key=lambda k: (scored[k], k))
    log(f"held-out triple F1 {100 * scored[keep, drop]:.1f} at keep {keep}, drop {drop}")
    data = [e for p in parsed for e in examples(p)]
    log(f"{len(data)} examples, {sum(label for _, label in data)} positive")
    return CueModel(fit(data), keep, drop)

