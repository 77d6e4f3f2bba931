"""Training the cue model (``extract/statements/cue_model.py``) on PolNeAR train: ``saidwhat train cues``.

Every verb that reads as a cue is an example. It is positive when some gold attribution has its cue
on that verb, a content the candidate's matches with Dice >= 0.5 and a source that agrees: the
linked triple score's own test, so the model learns where the rules would score. The candidate's
content is the one its statement would have, with the quotes that attach to it ("“...,” she said.
“...”"), or a "said" beside a quote running on would be learnt as a miss. L2-regularised logistic
regression, fitted on the whole batch at once, so a rerun writes the same file. The two
thresholds are chosen by five-fold cross-validation on train (linked triple F1 over the five
held-out fifths together: one fifth alone is too noisy to choose between close thresholds; within
a tenth of a point of the best, the most precise pair wins, since a reader trusts a shorter list of
right attributions more), then the weights are refitted on all of train. Dev is never read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from .eval.attribution import Counts, chars, dice, score_attribution
from .eval.polnear import GoldArticle, load_polnear
from .extract.entities import extract_entities
from .extract.statements import attach_quotes, char_spans, cue_candidates, extract_statements, quotations
from .extract.statements.cue_model import CueModel
from .extract.time import extract_times

Example = tuple[list[str], bool]
KEEP_GRID = (0.3, 0.35, 0.4)
DROP_GRID = (0.25, 0.35, 0.45)
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
    """Each cue-like verb, noun or adjective of one article, with its features and whether the gold agrees."""
    doc, gold = parsed.doc, parsed.article.attributions
    quotes = quotations(doc)
    in_quote = {i for tokens, _ in quotes for i in tokens}
    found = cue_candidates(doc, in_quote)
    attach_quotes(doc, quotes, in_quote, [judged.candidate for judged in found.values()])
    for i, judged in found.items():
        token, cand = doc[i], judged.candidate
        anchor = set(range(token.idx, token.idx + len(token)))
        content = chars(char_spans(doc, cand.content - set(cand.cue), trim=True))
        source = chars(char_spans(doc, range(*cand.speaker), trim=True)) if cand.speaker else frozenset()
        yield judged.features, any(
            anchor & chars(g.cue)
            and dice(chars(g.content), content) >= 0.5
            and (bool(source & chars(g.source)) or not (source or g.source))
            for g in gold
        )


def fit(
    data: list[Example], l2: float = 3e-5, steps: int = 300, rate: float = 0.1, min_count: int = 2
) -> dict[str, float]:
    """L2-regularised logistic regression weights, by full-batch Adam: the same optimum whatever
    the order of the examples (stochastic descent's shuffle alone moved held-out F1 by half a
    point). Features seen fewer than ``min_count`` times are left out; ``l2`` is the penalty
    cross-validated on train."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    column = {f: j for j, f in enumerate(names)}
    pairs = [(r, column[f]) for r, (feats, _) in enumerate(data) for f in set(feats) if f in column]
    rows, cols = np.array(pairs, dtype=np.int64).T
    labels = np.array([1.0 if label else 0.0 for _, label in data])
    weights, mean, square = np.zeros(len(names)), np.zeros(len(names)), np.zeros(len(names))
    for step in range(1, steps + 1):
        z = np.clip(np.bincount(rows, weights=weights[cols], minlength=len(data)), -30.0, 30.0)
        error = 1.0 / (1.0 + np.exp(-z)) - labels
        gradient = np.bincount(cols, weights=error[rows], minlength=len(names)) / len(data) + l2 * weights
        mean = 0.9 * mean + 0.1 * gradient
        square = 0.999 * square + 0.001 * gradient**2
        weights -= rate * (mean / (1 - 0.9**step)) / (np.sqrt(square / (1 - 0.999**step)) + 1e-8)
    return {f: round(float(w), 4) for f, w in zip(names, weights) if abs(w) >= 1e-3}


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


def train_cues(nlp: Language, data_dir: Path, log: Callable[[str], None] = print) -> CueModel:
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
