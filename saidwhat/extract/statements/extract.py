"""The statements of one parsed article: the cue candidates the rules and the cue model keep and
the phrase cues, merged by their head token, then the quotations attached, then the records."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ...model import Statement, TimeExpression
from ..entities import EntityIndex
from .candidate import Candidate, words
from .candidates import cue_candidates, judge
from .cue_model import CueModel, shipped
from .cues import COGNITIVE
from .phrases import according_to, colon_statement, in_poll, reportedly
from .quotations import attach_quotes, quotations
from .records import statement_records


def extract_statements(
    doc: Doc,
    entities: EntityIndex,
    times: list[TimeExpression],
    published: date | None,
    model: CueModel | None = None,
) -> list[Statement]:
    """The statements of one parsed article; ``model`` replaces the shipped cue model."""
    quotes = quotations(doc)
    in_quote = {i for q, _ in quotes for i in q}
    model = model or shipped()
    judged = cue_candidates(doc, in_quote)
    found: dict[int, Candidate] = {}
    for token in doc:
        cand = (
            (judge(judged[token.i], model) if token.i in judged else None)
            or according_to(token)
            or in_poll(token)
            or reportedly(token)
            or colon_statement(token)
        )
        if cand is not None and cand.content:
            found.setdefault(cand.anchor, cand)
    candidates = [c for c in found.values() if not _turn_of_speech(doc, c, in_quote)]
    attach_quotes(doc, quotes, in_quote, candidates)
    candidates = [c for c in candidates if words(doc, c.content)]
    candidates.sort(key=lambda c: (c.start, c.anchor))
    return statement_records(doc, candidates, in_quote, entities, times, published)


def _turn_of_speech(doc: Doc, cand: Candidate, in_quote: set[int]) -> bool:
    """ "I think", "you know", "we want" inside a quote: a stance verb that attributes nothing."""
    verb = doc[cand.anchor] if cand.anchor >= 0 else None
    if verb is None or verb.lemma_.lower() not in COGNITIVE:
        return False
    first_or_second = cand.speaker is not None and doc[cand.speaker[0]].lower_ in ("i", "we", "you")
    return verb.i in in_quote or first_or_second or cand.speaker is None
