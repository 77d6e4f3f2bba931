"""A learned judge of cues: does this verb, noun or adjective, with this subject and complement,
attribute?

The lexicon in ``cues`` covers the common reporting verbs; PolNeAR's annotators also count "attacked
Machado", "condemned the launch" or "refuses to release his returns" as attributions, and do not
count many a "plans to" or "talked". A logistic model over a few parse features, trained on
PolNeAR train (``saidwhat train cues``), scores every verb, noun and adjective that has a
content-like complement, seen with the candidates around it (``nesting``): what the rules approve is dropped
when the model is confident it does not attribute there, and anything else is kept when the model
is confident it does. The weights are a small JSON file shipped with the package; scoring is a
dictionary look-up per feature.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from .candidate import ContentKind
from .cues import COGNITIVE, NOT_BESIDE_QUOTES, OBJECT_CONTENT, SPEECH_VERBS

WEIGHTS = Path(__file__).with_name("cue_weights.json")
PERSONS = {"i": "1", "we": "1", "me": "1", "us": "1", "you": "2"}


def features(verb: Token, kind: ContentKind, subject: Token | None, quoted: bool, words: int) -> list[str]:
    """What the model sees of one candidate: the cue word (a verb or a noun), how its content
    hangs off it and how long that is, its subject."""
    lemma = verb.lemma_.lower()
    size = "1" if words < 2 else "short" if words < 5 else "long"
    listed = "listed" if lemma in SPEECH_VERBS else "cognitive" if lemma in COGNITIVE else "unlisted"
    feats = [
        "bias",
        f"kind={kind}",
        f"{listed}|kind={kind}",
        f"lemma={lemma}",
        f"lemma={lemma}|kind={kind}",
        f"tag={verb.tag_}",
        f"lemma={lemma}|tag={verb.tag_}",
        f"dep={verb.dep_}",
        f"{listed}|dep={verb.dep_}",
        f"quoted={quoted}",
        f"kind={kind}|words={size}",
        f"{listed}|words={size}",
    ]
    if lemma in OBJECT_CONTENT:
        feats.append("object-content")
    if lemma in NOT_BESIDE_QUOTES:
        feats.append("not-beside-quotes")
    if subject is None:
        feats += ["subject=none", f"{listed}|subject=none"]
    else:
        who = PERSONS.get(subject.lower_) or subject.ent_type_ or subject.pos_
        feats += [
            f"subject={who}",
            f"{listed}|subject={who}",
            f"subject-lemma={subject.lemma_.lower()}",
            f"quoted={quoted}|subject={who}",
        ]
    for child in verb.children:
        if child.lower_ == "according":
            continue  # "According to FAZ, documents revealed ...": a chain, both statements stand
        if child.dep_ in ("neg", "dobj", "prep", "prt", "aux", "auxpass", "advmod"):
            feats.append(f"{child.dep_}={child.lower_ if child.dep_ != 'dobj' else child.lemma_.lower()}")
            feats.append(f"lemma={lemma}|{child.dep_}={child.lower_}")
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl"):
        feats.append(f"head={verb.head.lemma_.lower()}|dep={verb.dep_}")
    return feats


def nesting(outer: list[bool], feats: list[str]) -> list[str]:
    """Whether a candidate sits inside the content of others, and whether the rules approve one
    of those (``outer``: one flag per enclosing candidate); alone and with the candidate's word and
    kind of content (``feats``), since inside a report "wants" fares otherwise than "said"."""
    inside = f"inside={'approved' if any(outer) else 'other' if outer else 'none'}"
    return [inside, *(f"{inside}|{f}" for f in feats if f.startswith(("lemma=", "kind=")) and "|" not in f)]


class CueModel:
    """Logistic scores from feature weights; unknown features weigh nothing."""

    def __init__(self, weights: dict[str, float], keep: float, drop: float) -> None:
        self.weights = weights
        self.keep = keep  # a candidate the rules do not approve attributes above this probability
        self.drop = drop  # one they approve does not attribute below it

    def probability(self, feats: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        data = {"keep": self.keep, "drop": self.drop, "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> CueModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["keep"], data["drop"])


@lru_cache(maxsize=1)
def shipped() -> CueModel | None:
    """The model trained on PolNeAR train that ships with saidwhat; None if it is absent."""
    return CueModel.read(WEIGHTS) if WEIGHTS.exists() else None
