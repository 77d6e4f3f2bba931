"""Training the cue model (``extract/cue_model.py``) on PolNeAR train: ``saidwhat train cues``.

Every verb that reads as a cue is an example. It is positive when some gold attribution has its cue
on that verb, a content the candidate's matches with Dice >= 0.5 and a source that agrees: the
linked triple score's own test, so the model learns where the rules would score. The candidate's
content is the one its statement would have, with the quotes that attach to it ("“...,” she said.
“...”"), or a "said" beside a quote running on would be learnt as a miss. Logistic regression by
stochastic gradient descent with a fixed shuffle, so a rerun writes the same file. The two
thresholds are chosen by five-fold cross-validation on train (linked triple F1 over the five
held-out fifths together: one fifth alone is too noisy to choose between close thresholds; within
a tenth of a point of the best, the most precise pair wins, since a reader trusts a shorter list of
right attributions more), then the weights are refitted on all of train. Dev is never read.
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

from .eval.attribution import Counts, chars, dice, score_attribution
from .eval.polnear import GoldArticle, load_polnear
from .extract.cue_model import CueModel
from .extract.entities import extract_entities
from .extract.statements import attach_quotes, char_spans, cue_candidates, extract_statements, quotations
from .extract.times import extract_times

Example = tuple[list[str], bool]
KEEP_GRID = (0.3, 0.4, 0.5)
DROP_GRID = (0.15, 0.25, 0.35)
FOLDS = 5
TIE = 0.001  # F1 this close to the best is a tie (the surface is flat), and the more precise pair wins


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
    quotes = quotations(doc)
    in_quote = {i for tokens, _ in quotes for i in tokens}
    found = [(doc[i], *f) for i, f in cue_candidates(doc, in_quote).items()]
    attach_quotes(doc, quotes, in_quote, [cand for _, cand, _, _ in found])
    for token, cand, feats, _ in found:
        anchor = set(range(token.idx, token.idx + len(token)))
        content = chars(char_spans(doc, cand.content - set(cand.cue), trim=True))
        source = chars(char_spans(doc, range(*cand.source), trim=True)) if cand.source else frozenset()
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


def grid_counts(held: list[Parsed], weights: dict[str, float]) -> dict[tuple[float, float], Counts]:
    """Linked triple counts on held-out articles for every pair of thresholds."""
    found = [(p, extract_entities(p.doc), extract_times(p.doc, p.article.published)) for p in held]
    gold = [p.article for p in held]
    counts = {}
    for keep in KEEP_GRID:
        for drop in DROP_GRID:
            model = CueModel(weights, keep, drop)
            predictions = {
                p.article.id: extract_statements(p.doc, entities, times, p.article.published, model=model)
                for p, entities, times in found
            }
            counts[keep, drop] = score_attribution(gold, predictions).triple
    return counts


def choose(totals: dict[tuple[float, float], Counts]) -> tuple[float, float]:
    """The thresholds with the best F1, or, among those within ``TIE`` of it, the most precise."""
    best = max(counts.f1 for counts in totals.values())
    close = [pair for pair, counts in totals.items() if counts.f1 >= best - TIE]
    return max(close, key=lambda pair: (totals[pair].precision, pair))


def train_cues(nlp: Language, data_dir: Path, log=print) -> CueModel:
    """Choose the thresholds by cross-validation on train, then fit on all of it."""
    articles = sorted(load_polnear(data_dir, "train"), key=lambda a: a.id)
    parsed = parse(nlp, articles)
    data = [list(examples(p)) for p in parsed]
    log(f"{len(articles)} train articles: choosing thresholds by {FOLDS}-fold cross-validation")
    totals: dict[tuple[float, float], Counts] = {}
    for fold in range(FOLDS):
        weights = fit([e for n, found in enumerate(data) if n % FOLDS != fold for e in found])
        held = [p for n, p in enumerate(parsed) if n % FOLDS == fold]
        for pair, counts in grid_counts(held, weights).items():
            totals[pair] = totals.get(pair, Counts()) + counts
    keep, drop = choose(totals)
    chosen = totals[keep, drop]
    log(
        f"cross-validated triple F1 {100 * chosen.f1:.2f} (precision {100 * chosen.precision:.1f}) "
        f"at keep {keep}, drop {drop}; best {100 * max(c.f1 for c in totals.values()):.2f}"
    )
    everything = [e for found in data for e in found]
    log(f"{len(everything)} examples, {sum(label for _, label in everything)} positive")
    return CueModel(fit(everything), keep, drop)
