"""The record every statement finder fills in, the shapes the finders pass each other, and the
token helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from spacy.tokens import Doc, Token

TokenRange = tuple[int, int]  # tokens [start, end) of a document
# How a cue's content hangs off it; the names are features of the cue model, so they never change.
ContentKind = Literal[
    "clause",  # "said that ...", "asked Putin to deploy ..."
    "object",  # "cited a poll"
    "beside",  # "“The economy is strong,” she said"
    "passive",  # "the plan was backed by X"
    "impression",  # "No one seems to have followed up"
    "noun-clause",  # "her remarks that ..."
    "noun-prep",  # "claims about the test"
    "noun-backing",  # "the support of women"
    "stance-clause",  # "is worried that ..."
    "stance-prep",  # "are skeptical of free trade"
]
NOUN_KINDS: frozenset[ContentKind] = frozenset({"noun-clause", "noun-prep", "noun-backing"})


@dataclass
class Candidate:
    """A statement in the making: its cue, speaker and content as token indices."""

    cue: list[int]
    speaker: TokenRange | None
    content: set[int]
    anchor: int = field(default=-1)  # the cue's head token, to merge finders' results

    @property
    def start(self) -> int:
        return min(self.content)

    @property
    def speaker_tokens(self) -> set[int]:
        """The speaker's tokens; none when no one is named."""
        return set(range(*self.speaker)) if self.speaker else set()


class Content(NamedTuple):
    """What a verb, noun or adjective cue reports: how it hangs off the cue, its tokens, who says
    it and whether the rules alone approve the cue."""

    kind: ContentKind
    tokens: set[int]
    speaker: TokenRange | None
    approved: bool


class Judged(NamedTuple):
    """A cue candidate with what the cue model sees of it and whether the rules alone approve it."""

    candidate: Candidate
    features: list[str]
    approved: bool


def subtree(token: Token) -> set[int]:
    """The indices of a token and everything that hangs off it."""
    return {t.i for t in token.subtree}


def words(doc: Doc, tokens: set[int]) -> int:
    """How many of the tokens are words; the punctuation of a document is found once."""
    marks = doc.user_data.get("saidwhat_marks")
    if marks is None:
        marks = doc.user_data["saidwhat_marks"] = frozenset(t.i for t in doc if t.is_punct or t.is_space)
    return len(tokens) - len(marks.intersection(tokens))
