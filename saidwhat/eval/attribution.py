"""Score extracted statements against PolNeAR attributions, exactly as EVAL.md specifies.

Two views: *linked* scores match whole statements one-to-one by content overlap and then ask
whether source and cue agree (the triple score is the headline); *exact* span scores compare the
trimmed spans of each role on their own, comparable with span taggers in the literature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from ..model import Span, Statement
from .polnear import GoldArticle, GoldAttribution, load_polnear

ROLES = ("source", "cue", "content")
TRIM = frozenset("\"'“”‘’.,;:!?()[]—–-")


@dataclass(frozen=True)
class Counts:
    """How many gold and predicted items there were and how many of them matched.

    Precision, recall and F1 of an empty denominator are 0.
    """

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.gold + self.predicted
        return 2 * self.matched / total if total else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold, self.predicted + other.predicted, self.matched + other.matched
        )


@dataclass(frozen=True)
class Link:
    """A matched (gold, predicted) pair, by index into the article's lists, for error analysis."""

    gold: int
    predicted: int
    dice: Fraction
    source_agrees: bool
    cue_agrees: bool


@dataclass(frozen=True)
class ArticleScores:
    """One article's scores, kept apart so that errors can be traced to their article."""

    gold: int
    predicted: int
    links: tuple[Link, ...]
    exact: dict[str, Counts]

    @property
    def content(self) -> Counts:
        return Counts(self.gold, self.predicted, len(self.links))

    @property
    def triple(self) -> Counts:
        agreeing = sum(link.source_agrees and link.cue_agrees for link in self.links)
        return Counts(self.gold, self.predicted, agreeing)


@dataclass(frozen=True)
class AttributionScores:
    """Scores over a whole split, summed from the per-article scores."""

    per_article: dict[str, ArticleScores] = field(default_factory=dict)

    @property
    def content(self) -> Counts:
        """Linked content P/R/F1: matched statements over predicted and over gold."""
        return sum((a.content for a in self.per_article.values()), Counts())

    @property
    def triple(self) -> Counts:
        """The headline: matched statements whose source and cue also agree."""
        return sum((a.triple for a in self.per_article.values()), Counts())

    @property
    def exact(self) -> dict[str, Counts]:
        """Exact span counts per role over all articles."""
        return {
            role: sum((a.exact[role] for a in self.per_article.values()), Counts())
            for role in ROLES
        }

    @property
    def source_agreement(self) -> float:
        return self._agreement("source_agrees")

    @property
    def cue_agreement(self) -> float:
        return self._agreement("cue_agrees")

    def _agreement(self, attribute: str) -> float:
        """Share of matched pairs on which one role agrees (0 when nothing matched)."""
        links = [link for a in self.per_article.values() for link in a.links]
        return sum(getattr(link, attribute) for link in links) / len(links) if links else 0.0


def chars(spans: Iterable[Span]) -> frozenset[int]:
    """The character offsets covered by some spans."""
    return frozenset(i for start, end in spans for i in range(start, end))


def dice(a: frozenset[int], b: frozenset[int]) -> Fraction:
    """Dice coefficient as an exact fraction, so that the 0.5 threshold is not a rounding matter."""
    return Fraction(2 * len(a & b), len(a) + len(b)) if a or b else Fraction(0)


def trim(text: str, span: Span) -> Span | None:
    """A span without leading and trailing whitespace and punctuation; None if nothing is left."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM):
        end -= 1
    return (start, end) if start < end else None


def link(gold: Sequence[GoldAttribution], predicted: Sequence[Statement]) -> tuple[Link, ...]:
    """Greedy one-to-one matching by decreasing content Dice, keeping pairs with Dice >= 0.5.

    Ties are broken by gold order, then prediction order (both as listed), so results are
    deterministic.
    """
    gold_sets = [[chars(getattr(g, role)) for role in ROLES] for g in gold]
    pred_sets = [[chars(_spans(p, role)) for role in ROLES] for p in predicted]
    candidates = sorted(
        (-score, i, j)
        for i, (_, _, g_content) in enumerate(gold_sets)
        for j, (_, _, p_content) in enumerate(pred_sets)
        if (score := dice(g_content, p_content)) >= Fraction(1, 2)
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    links = []
    for negative, i, j in candidates:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        (g_source, g_cue, _), (p_source, p_cue, _) = gold_sets[i], pred_sets[j]
        source_agrees = (not g_source and not p_source) or bool(g_source & p_source)
        links.append(Link(i, j, -negative, source_agrees, bool(g_cue & p_cue)))
    return tuple(sorted(links, key=lambda link: link.gold))


def exact_items(text: str, spans_per_item: Iterable[Iterable[Span]]) -> set[Span]:
    """The trimmed contiguous spans of one role in one article, as a set (duplicates count once)."""
    return {t for spans in spans_per_item for span in spans if (t := trim(text, span)) is not None}


def score_article(article: GoldArticle, predicted: Sequence[Statement]) -> ArticleScores:
    exact = {}
    for role in ROLES:
        gold_items = exact_items(article.text, (getattr(g, role) for g in article.attributions))
        pred_items = exact_items(article.text, (_spans(p, role) for p in predicted))
        exact[role] = Counts(len(gold_items), len(pred_items), len(gold_items & pred_items))
    links = link(article.attributions, predicted)
    return ArticleScores(len(article.attributions), len(predicted), links, exact)


def score_attribution(
    gold: list[GoldArticle], predictions: dict[str, list[Statement]]
) -> AttributionScores:
    """Score predicted statements per article id; an article without predictions predicted none."""
    unknown = set(predictions) - {article.id for article in gold}
    if unknown:
        raise ValueError(f"predictions for articles not in the gold: {sorted(unknown)[:5]}")
    return AttributionScores(
        {article.id: score_article(article, predictions.get(article.id, [])) for article in gold}
    )


def evaluate(
    data_dir: Path, split: str, extract_fn: Callable[[GoldArticle], list[Statement]]
) -> AttributionScores:
    """Run an extractor over a PolNeAR split and score it."""
    gold = load_polnear(data_dir, split)
    return score_attribution(gold, {article.id: extract_fn(article) for article in gold})


def format_attribution_report(scores: AttributionScores) -> str:
    """A plain-text table of every score, percentages with one decimal."""
    rows = [("linked content", scores.content), ("linked triple", scores.triple)]
    rows += [(f"exact {role}", counts) for role, counts in scores.exact.items()]
    lines = [f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>8}{'pred':>8}{'match':>8}"]
    for name, c in rows:
        percents = "".join(f"{100 * v:7.1f}" for v in (c.precision, c.recall, c.f1))
        lines.append(f"{name:16}{percents}{c.gold:8d}{c.predicted:8d}{c.matched:8d}")
    lines.append(
        f"on matched pairs: source agrees {100 * scores.source_agreement:.1f}%, "
        f"cue agrees {100 * scores.cue_agreement:.1f}%"
    )
    return "\n".join(lines)


def _spans(statement: Statement, role: str) -> list[Span]:
    part = getattr(statement, role)
    return list(part.spans) if part is not None else []
