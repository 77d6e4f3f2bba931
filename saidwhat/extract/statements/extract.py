"""The statements of one parsed article: the cue candidates the rules and the cue model keep and
the phrase cues, merged by their head token, then the quotations attached, then the records."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ...model import Statement, TimeExpression
from ..entities import EntityIndex
from .candidate import Candidate, Judged, words
from .candidates import cue_candidates, judge
from .cue_model import CueModel, shipped
from .cues import COGNITIVE
from .intentions import stated_intention
from .phrases import according_to, colon_statement, in_poll, relayed, reportedly
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
            _kept(doc, judged.get(token.i), model, in_quote)
            or according_to(token)
            or in_poll(token)
            or reportedly(token)
            or colon_statement(token)
            or relayed(token, judged)
        )
        if cand is not None and cand.content:
            found.setdefault(cand.anchor, cand)
    candidates = [c for c in found.values() if not _turn_of_speech(doc, c, in_quote)]
    attach_quotes(doc, quotes, in_quote, candidates)
    candidates = [c for c in candidates if words(doc, c.content)]
    candidates.sort(key=lambda c: (c.start, c.anchor))
    return statement_records(doc, candidates, in_quote, entities, times, published)


def _kept(doc: Doc, found: Judged | None, model: CueModel | None, in_quote: set[int]) -> Candidate | None:
    """A cue candidate the cue model keeps, or one it would drop that states a plan, a forecast or
    a declaration (``intentions``)."""
    if found is None:
        return None
    return judge(found, model) or (found.candidate if stated_intention(doc, found, in_quote) else None)


def _turn_of_speech(doc: Doc, cand: Candidate, in_quote: set[int]) -> bool:
    """ "I think", "you know", "we want" inside a quote: a stance verb that attributes nothing."""
    verb = doc[cand.anchor] if cand.anchor >= 0 else None
    if verb is None or verb.lemma_.lower() not in COGNITIVE:
        return False
    first_or_second = cand.speaker is not None and doc[cand.speaker[0]].lower_ in ("i", "we", "you")
    return verb.i in in_quote or first_or_second or cand.speaker is None
