"""Clustering scores for identity: B-cubed, MUC, CEAF-e and their CoNLL mean.

Both sides label the same items (gold and predicted cluster of each); an item the system did not
find is given its own predicted label by the caller, so it scores as a singleton.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

Labels = Mapping[Any, Hashable]  # item -> cluster label


@dataclass(frozen=True)
class PRF:
    precision: float = 0.0
    recall: float = 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def clusters(labels: Labels) -> list[frozenset[Hashable]]:
    """The items grouped by label, in order of first appearance."""
    grouped: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, label in labels.items():
        grouped[label].add(item)
    return [frozenset(items) for items in grouped.values()]


def _same_items(gold: Labels, predicted: Labels) -> None:
    if gold.keys() != predicted.keys():
        raise ValueError("gold and predicted clusterings must label the same items")


def bcubed(gold: Labels, predicted: Labels) -> PRF:
    """Per item, the share of its predicted cluster that is in its gold cluster (precision) and
    the converse (recall), averaged over items."""
    _same_items(gold, predicted)
    if not gold:
        return PRF()
    gold_of = {item: cluster for cluster in clusters(gold) for item in cluster}
    predicted_of = {item: cluster for cluster in clusters(predicted) for item in cluster}
    precision = recall = 0.0
    for item in gold:
        common = len(gold_of[item] & predicted_of[item])
        precision += common / len(predicted_of[item])
        recall += common / len(gold_of[item])
    return PRF(precision / len(gold), recall / len(gold))


def _muc_recall(key: Labels, response: Labels) -> float:
    """Links of the key kept by the response: each key cluster needs |K| - 1 links and loses one
    for each extra response cluster it is spread over."""
    needed = kept = 0
    for cluster in clusters(key):
        needed += len(cluster) - 1
        kept += len(cluster) - len({response[item] for item in cluster})
    return kept / needed if needed else 0.0


def muc(gold: Labels, predicted: Labels) -> PRF:
    _same_items(gold, predicted)
    return PRF(_muc_recall(predicted, gold), _muc_recall(gold, predicted))


def ceaf_e(gold: Labels, predicted: Labels) -> PRF:
    """Entity-based CEAF: gold and predicted clusters aligned one-to-one to maximise the summed
    similarity 2|K & R| / (|K| + |R|); precision divides it by the number of predicted clusters,
    recall by the number of gold ones."""
    _same_items(gold, predicted)
    keys, responses = clusters(gold), clusters(predicted)
    if not keys:
        return PRF()
    total = sum(_best_assignment(weights) for weights in _components(keys, responses))
    return PRF(total / len(responses), total / len(keys))


def conll(gold: Labels, predicted: Labels) -> float:
    """The CoNLL-2012 score: the mean of MUC, B-cubed and CEAF-e F1."""
    return (muc(gold, predicted).f1 + bcubed(gold, predicted).f1 + ceaf_e(gold, predicted).f1) / 3


def _components(
    keys: list[frozenset[Hashable]], responses: list[frozenset[Hashable]]
) -> list[list[list[float]]]:
    """The similarity matrix split into its independent blocks (clusters linked by shared items),
    so that the assignment is solved on small matrices."""
    parent = list(range(len(keys) + len(responses)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    response_of = {item: j for j, cluster in enumerate(responses) for item in cluster}
    for i, cluster in enumerate(keys):
        for item in cluster:
            parent[root(len(keys) + response_of[item])] = root(i)
    blocks: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(keys)):
        blocks[root(i)][0].append(i)
    for j in range(len(responses)):
        blocks[root(len(keys) + j)][1].append(j)
    return [
        [[2 * len(keys[i] & responses[j]) / (len(keys[i]) + len(responses[j])) for j in cols] for i in rows]
        for rows, cols in blocks.values()
        if rows and cols
    ]


def _best_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (the Hungarian
    method with potentials, on costs = -weights)."""
    if len(weights) > len(weights[0]):
        weights = [list(column) for column in zip(*weights, strict=True)]
    rows, cols = len(weights), len(weights[0])
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    row_of, way = [0] * (cols + 1), [0] * (cols + 1)  # column 0 is a sentinel
    for row in range(1, rows + 1):
        row_of[0], free = row, 0
        slack, used = [float("inf")] * (cols + 1), [False] * (cols + 1)
        while row_of[free]:
            used[free] = True
            current, delta, nearest = row_of[free], float("inf"), 0
            for col in range(1, cols + 1):
                if not used[col]:
                    cost = -weights[current - 1][col - 1] - u[current] - v[col]
                    if cost < slack[col]:
                        slack[col], way[col] = cost, free
                    if slack[col] < delta:
                        delta, nearest = slack[col], col
            for col in range(cols + 1):
                if used[col]:
                    u[row_of[col]] += delta
                    v[col] -= delta
                else:
                    slack[col] -= delta
            free = nearest
        while free:
            previous = way[free]
            row_of[free] = row_of[previous]
            free = previous
    return sum(weights[row_of[col] - 1][col - 1] for col in range(1, cols + 1) if row_of[col])
