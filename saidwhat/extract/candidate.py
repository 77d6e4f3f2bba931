"""The record every statement finder fills in, and the token helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

DASHES = {"―", "—", "–"}


@dataclass
class Candidate:
    cue: list[int]
    source: tuple[int, int] | None
    content: set[int]
    anchor: int = field(default=-1)  # the cue's head token, to merge finders' results

    @property
    def start(self) -> int:
        return min(self.content)


def subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def noun_phrase(head: Token) -> tuple[int, int]:
    """A source as written, with its appositives and relative clauses ("Scott Pruitt, the
    attorney general of Oklahoma,"), as PolNeAR annotates it; never past the cue's clause."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if head.head.i > head.i:
        end = min(end, head.head.i)
    for i in range(start, head.i):  # "WASHINGTON — Sen. Grassley", "-Nate Cohn": a dateline or a bullet
        spaced = doc[i].is_punct and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_
        if "\n" in doc[i].text + doc[i].whitespace_ or (spaced and doc[i].text in (*DASHES, "-", "--")):
            start = i + 1
    if head.is_upper:  # "BUENA PARK, Calif. — Hillary Clinton": spaCy made the dateline the subject
        start = next((i + 1 for i in range(head.i + 1, end) if doc[i].text in DASHES), start)
    while start < head.i and doc[start].is_punct and not doc[start].is_quote:
        start += 1
    for child in head.rights:  # ", explaining that ...": what the speaker did, not who they are
        participle = child.dep_ in ("acl", "advcl") and child.tag_ == "VBG"
        if participle and doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 1)
    return start, end
