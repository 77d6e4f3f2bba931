"""A statement's place in time and its stance: when it was said, whether it is hedged, negated or
forward-looking, and the last day of the time window a forward-looking statement points to."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..model import TimeExpression
from ..nlp import doc_text
from .time.values import DAY_VALUE, add_months, day_of, window

# Hedges by part of speech, so that "the plan" or "May" are not taken for "plans to" or "may".
HEDGES = {
    "MD": frozenset("could may might".split()),
    "VERB": frozenset("expect plan hope aim consider intend".split()),
    "ADV": frozenset("possibly perhaps probably likely reportedly allegedly potentially".split()),
    "ADJ": frozenset("possible likely unlikely potential".split()),
}
# Cues that hedge what they report: "it expects to", "she suggested".
HEDGING_CUES = frozenset("suggest speculate hint expect plan hope anticipate estimate".split())
FUTURE_WORDS = frozenset("will shall 'll wo".split())
FUTURE_CUES = frozenset("promise vow pledge threaten predict forecast plan expect intend".split())
NEGATING_CUES = frozenset("deny reject dismiss refute".split())
# A duration after "within" or "in", or one that says "next", runs from the day of the statement:
# "within two weeks", "in 90 days", "the next three months".
DURATION_LEADS = re.compile(r"\b(?:within|in)\s+$", re.IGNORECASE)
FORWARD = re.compile(r"the\s+(?:next|coming)\b", re.IGNORECASE)
DURATION = re.compile(r"^P(\d+)([YMWD])$")


def attributes(
    doc: Doc, cue: list[int], content: set[int], times: list[TimeExpression], published: date | None
) -> dict:
    """``said_on``, ``hedged``, ``negated``, ``future`` and ``due`` of one statement."""
    verb = _cue_verb(doc, cue)
    words = [doc[i] for i in sorted(content)]
    said_on = _said_on(doc, verb.i, content, times) or published
    inside = [t for t in times if _inside(doc, t, content)]
    windows = [w for t in inside if (w := window(t.value) or _ahead(doc_text(doc), t, said_on))]
    future = _future(verb, words) or any(said_on is not None and first > said_on for first, _ in windows)
    later = [last for _, last in windows if said_on is None or last >= said_on]
    return {
        "said_on": said_on,
        "hedged": _hedged(words) or verb.lemma_.lower() in HEDGING_CUES,
        "negated": _negated(verb, doc, content),
        "future": future,
        "due": max(later) if future and later else None,
    }


def _cue_verb(doc: Doc, cue: list[int]) -> Token:
    """The cue's head word: "say" in "did not say", else its first token."""
    heads = [doc[i] for i in cue if doc[i].head.i not in cue or doc[i].head.i == i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX", "NOUN")]
    return (verbs or heads or [doc[cue[0]]])[0]


def _future(verb: Token, words: list[Token]) -> bool:
    return (
        any(t.lower_ in FUTURE_WORDS for t in words)
        or verb.lemma_.lower() in FUTURE_CUES
        or _going_to(words)
        or any(t.tag_ == "MD" and t.lower_ == "would" for t in words)
    )


def _hedged(tokens: list[Token]) -> bool:
    return any(t.lemma_.lower() in HEDGES.get("MD" if t.tag_ == "MD" else t.pos_, ()) for t in tokens)


def _negated(verb: Token, doc: Doc, content: set[int]) -> bool:
    """Whether the report asserts a negation: a negated or denying cue ("did not say", "denied"),
    or a negated main verb of the content ("said it would not raise taxes"); two cancel out."""
    roots = [doc[i] for i in content if doc[i].head.i not in content or doc[i].head.i == i]
    count = (
        any(c.dep_ == "neg" for c in verb.children)
        + (verb.lemma_.lower() in NEGATING_CUES)
        + any(c.dep_ == "neg" for r in roots if r.pos_ in ("VERB", "AUX") for c in r.children)
    )
    return count % 2 == 1


def _going_to(tokens: list[Token]) -> bool:
    return any(
        a.lower_ == "going" and b.lower_ == "to" and b.head.i == c.i
        for a, b, c in zip(tokens, tokens[1:], tokens[2:])
    )


def _tokens(doc: Doc, time: TimeExpression) -> Span | None:
    """The tokens of a time expression, found once per document: every statement asks."""
    cache = doc.user_data.setdefault("saidwhat_time_tokens", {})
    key = (time.start, time.end)
    if key not in cache:
        cache[key] = doc.char_span(time.start, time.end, alignment_mode="expand")
    return cache[key]


def _inside(doc: Doc, time: TimeExpression, tokens: set[int]) -> bool:
    span = _tokens(doc, time)
    return span is not None and all(t.i in tokens for t in span)


def _said_on(doc: Doc, verb: int, content: set[int], times: list[TimeExpression]) -> date | None:
    """A full date modifying the cue itself: "On Friday, X said ..." or "X said on Friday ..."."""
    cue = doc[verb]
    for time in times:
        m = DAY_VALUE.match(time.value)
        span = _tokens(doc, time) if m is not None else None
        if m is None or span is None:
            continue
        in_clause = any(t.i not in content and (t.i == verb or cue.is_ancestor(t)) for t in span)
        if in_clause and any(t.head.i == verb or t.head.head.i == verb for t in span):
            try:
                return day_of(m)
            except ValueError:
                continue
    return None


def _ahead(text: str, time: TimeExpression, start: date | None) -> tuple[date, date] | None:
    """The window of a duration counted from the statement's day: "within two weeks"."""
    m = DURATION.match(time.value)
    if m is None or start is None:
        return None
    if not (FORWARD.match(time.text) or DURATION_LEADS.search(text, max(0, time.start - 8), time.start)):
        return None
    amount, unit = int(m[1]), m[2]
    if unit in "YM":
        year, month = add_months(start.year, start.month, amount * (12 if unit == "Y" else 1))
        end = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    else:
        end = start + timedelta(days=amount * (7 if unit == "W" else 1))
    return start, end

