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
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def attributes(
    doc: Doc, cue: list[int], content: set[int], times: list[TimeExpression], published: date | None
) -> dict:
    verb = doc[cue[0]]
    content_words = [doc[i] for i in sorted(content)]
    lower = {t.lower_ for t in content_words}
    said_on = _said_on(doc, verb.i, content, times) or published
    negated = any(c.dep_ == "neg" for c in verb.children) or verb.lemma_.lower() in NEGATING_CUES
    windows = [w for t in times if _inside(doc, t, content) and (w := window(t.value))]
    ahead = [w for w in windows if said_on is None or w[0] > said_on]
    future = (
        bool(lower & FUTURE_WORDS)
        or verb.lemma_.lower() in FUTURE_CUES
        or _going_to(content_words)
        or any(t.tag_ == "MD" and t.lower_ == "would" for t in content_words)
        or bool(ahead and said_on)
    )
    due = None
    if future:
        later = [last for _, last in windows if said_on is None or last >= said_on]
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


def window(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value names: 2025-H2 is 2025-07-01 to 2025-12-31."""
    try:
        return _window(value)
    except ValueError:
        return None


def last_day(value: str) -> date | None:
    span = window(value)
    return span[1] if span else None


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _window(value: str) -> tuple[date, date] | None:
    if m := DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        return _month(int(m[1]), int(m[2]))
    if m := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
        year, week = int(m[1]), int(m[2])
        return date.fromisocalendar(year, week, 6 if m[3] else 1), date.fromisocalendar(year, week, 7)
    if m := re.match(r"^(\d{4})-([HQ])(\d)$", value):
        months = 6 if m[2] == "H" else 3
        year, last = int(m[1]), int(m[3]) * months
        return _month(year, last - months + 1)[0], _month(year, last)[1]
    if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
        year = int(m[1])
        first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
        end_year = year + 1 if m[2] == "WI" else year
        return date(year, first_month, 1), _month(end_year, (first_month + 2 - 1) % 12 + 1)[1]
    if m := re.match(r"^(\d{4})$", value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.match(r"^(\d{3})$", value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    return None
