"""Score follow-ups against a hand-labelled set of claims (EVAL.md, Follow-ups).

A gold claim is matched to the exported claim of its article whose cue intersects the gold cue,
else whose content has a character Dice of at least 0.3 with the gold content. Recall counts the
gold follow-up stories listed among the matched claim's follow-ups, over all gold follow-ups;
precision the listed stories that are gold follow-ups, over the stories listed for matched
claims (a story the gold calls a copy of the claim's own story counts neither way). Relation
accuracy is over the follow-ups found, exactly and as ``happened`` versus any other relation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from ..model import Claim, Span
from .attribution import chars, dice


@dataclass(frozen=True)
class GoldClaim:
    article_id: str
    cue: list[Span]
    content: list[Span]
    followups: dict[str, str]  # article id → relation
    duplicates: frozenset[str]


def load_gold(path: Path) -> list[GoldClaim]:
    """The claims of a JSON Lines file as ``tests/fixtures/reuters_followups.md`` describes it."""
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            gold.append(GoldClaim(
                record["article_id"], [tuple(s) for s in record["cue"]], [tuple(s) for s in record["content"]],
                {f["article_id"]: f["relation"] for f in record["followups"]}, frozenset(record.get("duplicates", [])),
            ))
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a gold claim ({error})") from None
    return gold


def match(gold: GoldClaim, predicted: list[Claim]) -> Claim | None:
    """The predicted claim of the same article that stands for ``gold``, as the module says."""
    cue = chars(gold.cue)
    for claim in predicted:
        if cue & chars(claim.cue.spans):
            return claim
    content = chars(gold.content)
    scored = [(dice(content, chars(c.content.spans)), i) for i, c in enumerate(predicted)]
    best, index = max(scored, default=(Fraction(0), -1))
    return predicted[index] if best >= Fraction(3, 10) else None


def score_followups(gold: list[GoldClaim], records: Iterable[Claim]) -> dict[str, float | int]:
    by_article: dict[str, list[Claim]] = {}
    for record in records:
        by_article.setdefault(record.article_id, []).append(record)
    wanted = listed = found = exact = happened = matched = 0
    for claim in gold:
        wanted += len(claim.followups)
        predicted = match(claim, by_article.get(claim.article_id, []))
        if predicted is None:
            continue
        matched += 1
        for followup in predicted.followups:
            if followup.article_id in claim.duplicates:
                continue
            listed += 1
            relation = claim.followups.get(followup.article_id)
            if relation is None:
                continue
            found += 1
            exact += followup.relation == relation
            happened += (followup.relation == "happened") == (relation == "happened")
    return {
        "claims": len(gold), "matched": matched, "gold followups": wanted, "listed": listed, "found": found,
        "recall": found / wanted if wanted else 0.0, "precision": found / listed if listed else 0.0,
        "relation": exact / found if found else 0.0, "happened": happened / found if found else 0.0,
    }


def format_followups_report(scores: dict[str, float | int]) -> str:
    def pct(key: str) -> str:
        return f"{100 * scores[key]:.1f}"

    return "\n".join([
        f"claims matched: {scores['matched']} of {scores['claims']}",
        f"follow-ups: {scores['found']} of {scores['gold followups']} gold found, {scores['listed']} listed",
        f"recall {pct('recall')}  precision {pct('precision')}",
        f"relation accuracy {pct('relation')} exact, {pct('happened')} happened-or-not",
    ])
