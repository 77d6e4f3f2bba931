"""The follow-up scorer (EVAL.md, Follow-ups) on hand-made gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.eval.followups import load_gold, score_followups
from saidwhat.model import Claim, FollowUp, Part

GOLD = [
    {"article_id": "a", "cue": [[10, 14]], "content": [[15, 60]], "due": None, "duplicates": ["a-copy"],
     "followups": [{"article_id": "b", "relation": "happened"}, {"article_id": "c", "relation": "delayed"}]},
    {"article_id": "d", "cue": [[0, 4]], "content": [[5, 40]], "due": None, "duplicates": [],
     "followups": [{"article_id": "e", "relation": "cancelled"}]},
]


def claim(article_id: str, cue: tuple[int, int], content: tuple[int, int], followups: dict[str, str]) -> Claim:
    return Claim(
        article_id=article_id, statement_id="s1", cue=Part(spans=[cue], text="x"),
        content=Part(spans=[content], text="x"), status="reported" if followups else "undated",
        followups=[FollowUp(article_id=a, relation=r, evidence="x") for a, r in followups.items()],  # type: ignore[arg-type]
    )


@pytest.fixture
def gold(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    return load_gold(path)


def test_recall_precision_and_relations(gold) -> None:
    predicted = [
        # matched by its cue; one right story with the right relation, one wrong relation, one
        # story the gold does not list, and a copy of the claim's story, which counts neither way
        claim("a", (12, 16), (30, 80), {"b": "happened", "c": "cancelled", "x": "updated", "a-copy": "repeated"}),
        # matched by its content alone (Dice 0.5 >= 0.3), nothing listed
        claim("d", (50, 54), (5, 22), {}),
    ]
    scores = score_followups(gold, predicted)
    assert (scores["matched"], scores["gold followups"], scores["found"], scores["listed"]) == (2, 3, 2, 3)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["relation"] == pytest.approx(1 / 2)
    assert scores["happened"] == pytest.approx(1.0)  # "cancelled" for "delayed" is right as not-happened


def test_an_unmatched_claim_loses_its_followups(gold) -> None:
    scores = score_followups(gold, [claim("d", (60, 64), (100, 140), {"e": "cancelled"})])
    assert (scores["matched"], scores["found"], scores["recall"]) == (0, 0, 0.0)


def test_a_bad_gold_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"article_id": "a"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:1: not a gold claim"):
        load_gold(path)
