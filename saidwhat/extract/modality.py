"""A statement's place in time and its stance: when it was said, whether it is hedged, negated or
forward-looking, and the last day of the time window a forward-looking statement points to."""

from __future__ import annotations

import calendar
import re
from datetime import date

from spacy.tokens import Doc

from ..model import TimeExpression

# Hedges by part of speech, so that "the plan" or "May" are not taken for "plans to" or "may".
HEDGES = {
    "MD": frozenset("could may might".split()),
    "VERB": frozenset("expect plan hope aim consider intend".split()),
    "ADV": frozenset("possibly perhaps probably likely reportedly allegedly potentially".split()),
    "ADJ": frozenset("possible likely unlikely potential".split()),
}
FUTURE_WORDS = frozenset("will shall 'll wo".split())
FUTURE_CUES = frozenset("promise vow pledge threaten predict forecast plan expect intend".split())
NEGATING_CUES = frozenset("deny reject dismiss refute".split())
SEASON_END = {"SP": (5, 31), "SU": (8, 31), "FA": (11, 30), "WI": (2, 28)}
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def attributes(
    doc: Doc, cue: list[int], content: set[int], times: list[TimeExpression], published: date | None
) -> dict:
    verb = doc[cue[0]]
    content_words = [doc[i] for i in sorted(content)]
    lower = {t.lower_ for t in content_words}
    said_on = _said_on(doc, verb.i, content, times) or published
    negated = any(c.dep_ == "neg" for c in verb.children) or verb.lemma_.lower() in NEGATING_CUES
    future = bool(lower & FUTURE_WORDS) or verb.lemma_.lower() in FUTURE_CUES or _going_to(content_words)
    future = future or any(t.tag_ == "MD" and t.lower_ == "would" for t in content_words)
    due = None
    if future:
        windows = [last_day(t.value) for t in times if _inside(doc, t, content)]
        later = [d for d in windows if d is not None and (said_on is None or d >= said_on)]
        due = max(later) if later else None
    return {
        "said_on": said_on,
        "hedged": _hedged(content_words) or verb.lemma_.lower() in ("suggest", "speculate", "hint"),
        "negated": negated,
        "future": future,
        "due": due,
    }


def _hedged(tokens: list) -> bool:
    return any(t.lemma_.lower() in HEDGES.get("MD" if t.tag_ == "MD" else t.pos_, ()) for t in tokens)


def _going_to(tokens: list) -> bool:
    return any(
        a.lower_ == "going" and b.lower_ == "to" and b.head.i == c.i
        for a, b, c in zip(tokens, tokens[1:], tokens[2:])
    )


def _inside(doc: Doc, time: TimeExpression, tokens: set[int]) -> bool:
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    return span is not None and all(t.i in tokens for t in span)


def _said_on(doc: Doc, verb: int, content: set[int], times: list[TimeExpression]) -> date | None:
    """A full date modifying the cue itself: "On Friday, X said ..." or "X said on Friday ..."."""
    clause = {t.i for t in doc[verb].subtree} - content
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        m = DAY.match(time.value)
        if span is None or m is None or not any(t.i in clause for t in span):
            continue
        if any(t.head.i == verb or t.head.head.i == verb for t in span):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def last_day(value: str) -> date | None:
    """The last day of the window a TIMEX3 date value names: 2025-H2 ends on 2025-12-31."""
    try:
        return _last_day(value)
    except ValueError:
        return None


def _last_day(value: str) -> date | None:
    if m := DAY.match(value):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, calendar.monthrange(year, month)[1])
    if m := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
        return date.fromisocalendar(int(m[1]), int(m[2]), 7)
    if m := re.match(r"^(\d{4})-([HQ])(\d)$", value):
        months = 6 if m[2] == "H" else 3
        return _last_day(f"{m[1]}-{int(m[3]) * months:02d}")
    if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
        year = int(m[1]) + (1 if m[2] == "WI" else 0)
        month, day = SEASON_END[m[2]]
        if m[2] == "WI" and calendar.isleap(year):
            day = 29
        return date(year, month, day)
    if m := re.match(r"^(\d{4})$", value):
        return date(int(m[1]), 12, 31)
    if m := re.match(r"^(\d{3})$", value):
        return date(int(m[1]) * 10 + 9, 12, 31)
    return None

