"""Values that depend on the text around an expression, not only on the publication date.

"The same day", "that time" and "the same period last year" point back to a time named earlier;
a clock time takes the day named beside it; a bare weekday named again is the same day, and
follows the narrative when the text has moved to an explicit date away from the publication week;
and "from 2009 to 2011" spans its two dates with a duration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from spacy.tokens import Span, Token

from .calendar import FUTURE_WEIGHT, Tense
from .lexicon import WEEKDAYS
from .periods import period_of, year_back
from .values import DAY_VALUE, add_months, back_a_year, day_of, day_value, month_value

# A narrative anchor is a date this far from the publication date or farther.
NARRATIVE_DISTANCE = timedelta(days=7)
RANGE = re.compile(r"(?:\b(?P<from>from)|\b(?P<between>between))[^\S\n]+$", re.IGNORECASE)
RANGE_LINK = {"from": re.compile(r"[^\S\n]+(?:to|until|till|through)[^\S\n]+$", re.IGNORECASE),
              "between": re.compile(r"[^\S\n]+and[^\S\n]+$", re.IGNORECASE)}
QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
UNIT_VALUE = {"year": re.compile(r"(\d{4})(?:-(?!W)|$)"), "quarter": re.compile(r"(\d{4}-Q[1-4])$"),
              "month": re.compile(r"(\d{4}-\d{2})(?:-|T|$)")}
RANGE_END = re.compile(r"[^\S\n]+(?:to|until|till|through)[^\S\n]+$", re.IGNORECASE)
ADJACENT = re.compile(r"[^\S\n]*\)?[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?$")
OPENING_PARENTHESIS = re.compile(r"[^\S\n]*\([^\S\n]*")


@dataclass
class Found:
    """A chosen expression on its way to a ``TimeExpression``; its value may still change."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None
    match: re.Match[str]
    rule: str


class Context(Protocol):
    dct: date | None

    def sentence(self, char: int) -> Span: ...

    def token(self, char: int) -> Token: ...

    def tense(self, start: int, end: int) -> Tense: ...


def resolve(found: list[Found], ctx: Context) -> None:
    """Re-anchor, in text order, the values that point elsewhere in the text."""
    for i, item in enumerate(found):
        earlier = found[:i]
        if item.type == "TIME" and "day" in item.match.re.groupindex and not (
                item.match.group("day") or item.match.group("mon")):
            item.value = _clock_day(found, i, ctx) + item.value[10:]
        elif item.rule in ("the_day", "part_of_the_day"):
            item.value = _day_before(earlier, ctx, floor=0) + item.value[10:]
        elif item.rule == "relative" and (stepped := _narrative_shift(item, earlier)):
            item.value = stepped
        elif item.rule == "that_unit":
            item.value = _last_of_unit(earlier, item.match.group("unit").lower()) or item.value
        elif item.rule == "that_time":
            item.value = next((f.value for f in reversed(earlier) if _specific(f)), item.value)
        elif item.rule == "same_period":
            shifted = (back_a_year(f.value) for f in reversed(earlier) if _specific(f))
            item.value = next((v for v in shifted if v), item.value)
        elif item.rule in ("period", "year_ago") and (reported := _reported(earlier, ctx)):
            item.value = period_of(reported, item.match)
        elif _a_year_back(item) and (reported := _reported(earlier, ctx)):
            item.value = back_a_year(reported) or item.value
        elif item.rule == "weekday" and not any(item.match.group(g) for g in ("rel", "pl", "wk")):
            item.value = _narrative_weekday(item, earlier, ctx) or item.value
    for first, last in zip(found, found[1:]):
        _in_order(first, last, ctx)


def _in_order(first: Found, last: Found, ctx: Context) -> None:
    """Two months without a year that open and close a span ("growth in bank loans in November
    through January", said in April) follow each other: of the two ways to make them, the one
    nearer the anchor, looking back first (November before, not after, the January just gone)."""
    bare = all(f.rule == "month" and not (f.match.group("y") or f.match.group("sy")) and MONTH_VALUE.fullmatch(f.value)
               for f in (first, last))
    anchor = ctx.dct
    if not bare or anchor is None or first.value <= last.value:
        return
    if not RANGE_END.match(first.match.string, first.end, last.start):
        return
    back = (month_value(*add_months(*_year_month(first.value), -12)), last.value)
    ahead = (first.value, month_value(*add_months(*_year_month(last.value), 12)))
    first.value, last.value = min((back, ahead), key=lambda span: _span_distance(span, anchor))


def _year_month(value: str) -> tuple[int, int]:
    return int(value[:4]), int(value[5:7])


def _span_distance(span: tuple[str, str], anchor: date) -> float:
    """How far a span of months lies from the anchor, a later one counted farther."""
    start, end = (date(*_year_month(v), 1) for v in span)
    if start <= anchor.replace(day=1) <= end:
        return 0.0
    return (anchor - end).days if end < anchor else FUTURE_WEIGHT * (start - anchor).days


def _specific(item: Found) -> bool:
    """A date or time with a known year (a fiscal year included) or decade; not a century ("by
    early in the next century ... that time is coming")."""
    value = item.value.removeprefix("FY")
    return item.type in ("DATE", "TIME") and len(value) >= 3 and value[:3].isdigit()


def _narrative_shift(item: Found, earlier: list[Found]) -> str | None:
    """ "The following year", "the previous month": a step from the year or month last named
    (after "in 1995", "the following year" is 1996), not from the publication date."""
    rel = " ".join(item.match.group("rel").lower().split())
    unit = item.match.group("what").lower()
    if rel not in ("the following", "the previous") or unit not in ("year", "month"):
        return None
    last = _last_of_unit(earlier, unit)
    if last is None:
        return None
    step = 1 if rel == "the following" else -1
    if unit == "year":
        return f"{int(last) + step:04d}"
    return month_value(*add_months(int(last[:4]), int(last[5:7]), step))


def _last_of_unit(earlier: list[Found], unit: str) -> str | None:
    """The year, quarter or month last named, a day's own year or month included: after "on
    May 2, 1995", "that year" is 1995."""
    shape = UNIT_VALUE[unit]
    for item in reversed(earlier):
        named = shape.match(item.value) if item.type in ("DATE", "TIME") else None
        if named:
            return named.group(1)
    return None


def _reported(earlier: list[Found], ctx: Context) -> str | None:
    """The quarter a results story reports on: the first one named as such, in its lead (not
    "the 1988 quarter" nor a year-ago one, nor one of years past: "stopped paying a dividend in
    the third quarter of 1984")."""
    recent = ctx.dct.year - 1 if ctx.dct else 0
    for item in earlier:
        if item.rule == "quarter" and QUARTER_VALUE.fullmatch(item.value) and int(item.value[:4]) >= recent and not (
                item.match.groupdict().get("py") or year_back(item.match)):
            return item.value
    return None


def _a_year_back(item: Found) -> bool:
    """ "A year ago" or "a year earlier": in a results story, the same quarter a year before."""
    m = item.match
    return item.rule == "duration" and bool(m.group("ago")) and "from" not in m.group("ago") and (
        m.group("unit").lower() == "year" and m.group("num").lower() in ("a", "one"))


def _dct_day(ctx: Context) -> str:
    return ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"


def _day_before(earlier: list[Found], ctx: Context, floor: int) -> str:
    """The last day named before, from ``floor`` on; else the publication date."""
    for item in reversed(earlier):
        if item.start < floor:
            break
        if item.type == "DATE" and DAY_VALUE.fullmatch(item.value):
            return item.value
    return _dct_day(ctx)


def _clock_day(found: list[Found], i: int, ctx: Context) -> str:
    """A clock time's day: named earlier in its sentence, or right after it ("16:15, June 1",
    "10:35 a.m. (0735 GMT) Friday")."""
    item, text = found[i], found[i].match.string
    floor = ctx.sentence(item.start).start_char
    before = _day_before(found[:i], ctx, floor)
    j = i + 1  # "10:35 a.m. (0735 GMT) Friday": past the same time told in another zone
    while j < len(found) and found[j].type == "TIME" and OPENING_PARENTHESIS.fullmatch(
            text, found[j - 1].end, found[j].start):
        j += 1
    if before != _dct_day(ctx) or j == len(found):
        return before
    after = found[j]
    between = text[found[j - 1].end: after.start]
    if after.type == "DATE" and DAY_VALUE.fullmatch(after.value) and ADJACENT.match(between):
        return after.value
    return before


def _narrative_weekday(item: Found, earlier: list[Found], ctx: Context) -> str | None:
    """A weekday named again is the day it named before. Otherwise, after an explicit date in
    this sentence or the one before (or a weekday so placed), when that date lies a week or more
    before the publication date: narrative time moves forward, so it is the first such weekday on
    or after the date (unless a past-tense clause would land after publication). A later date is a
    deadline or a schedule, a date on a noun dates only that event, and a weekday that ends a span
    ("from Sept. 14 to Thursday") reaches the present: none of them is the story's time."""
    weekday = WEEKDAYS[item.match.group("wd").lower()]
    named = [(f.value, day) for f in earlier if f.rule == "weekday" and (day := DAY_VALUE.fullmatch(f.value))
             and WEEKDAYS[f.match.group("wd").lower()] == weekday]
    if named and not _other_side(day_of(named[-1][1]), item, ctx):
        return named[-1][0]  # a story that names a weekday again means the same day
    sentence = ctx.sentence(item.start)
    floor = sentence.doc[sentence.start - 1].sent.start_char if sentence.start else 0
    for previous in reversed(earlier):
        if previous.start < floor or "\n\n" in item.match.string[previous.end: item.start]:
            return None
        day = DAY_VALUE.fullmatch(previous.value)
        if previous.rule in ("date", "holiday", "weekday") and day and not _modifies_noun(previous, ctx):
            if RANGE_END.match(item.match.string, previous.end, item.start):
                return None
            anchor = day_of(day)
            if ctx.dct and (abs(anchor - ctx.dct) < NARRATIVE_DISTANCE or anchor > ctx.dct):
                return None
            found = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
            if ctx.dct and found > ctx.dct and ctx.tense(item.start, item.end) == "past":
                return None
            return day_value(found)
    return None


def _other_side(day: date, item: Found, ctx: Context) -> bool:
    """Whether the tense of a weekday's own clause puts it on the other side of the publication
    date from ``day``: "reported on Friday" is not the Friday of a meeting still to come."""
    if ctx.dct is None or day == ctx.dct:
        return False
    tense = ctx.tense(item.start, item.end)
    return tense == "past" and day > ctx.dct or tense == "future" and day < ctx.dct


def _modifies_noun(item: Found, ctx: Context) -> bool:
    """Whether a date only qualifies a noun ("the Oct. 23 slaying", "Wednesday's ruling"): it
    names when that event happened, not the time the narrative has reached."""
    token = ctx.token(item.start)
    return token.dep_ in ("nmod", "compound", "poss", "amod") and token.head.i > token.i and token.head.pos_ == "NOUN"


def ranges(found: list[Found]) -> list[Found]:
    """Durations spanning "from A to B" and "between A and B", where A and B are dates of the
    same precision (years, months or days); the value is the distance between them."""
    spans = []
    for a, b in zip(found, found[1:]):
        text = a.match.string
        opener = RANGE.search(text, max(0, a.start - 12), a.start)
        if not opener or a.type != "DATE" or b.type != "DATE" or a.mod or b.mod:
            continue
        link = RANGE_LINK["from" if opener["from"] else "between"]
        length = _distance(a.value, b.value)
        if length and link.match(text[a.end: b.start]):
            spans.append(Found(opener.start(), b.end, "DURATION", length, None, a.match, "range"))
    return spans


def _distance(first: str, last: str) -> str | None:
    """P2Y from 2009 to 2011, P3M from 2024-01 to 2024-04, P4D between two days; else None (a
    decade such as "196", from "the 1960s", among them)."""
    if len(first) != len(last) or not (first + last).replace("-", "").isdigit():
        return None
    parts = [tuple(map(int, v.split("-"))) for v in (first, last)]
    if len(first) == 4:
        years = parts[1][0] - parts[0][0]
        return f"P{years}Y" if years > 0 else None
    if len(first) == 7:
        months = (parts[1][0] - parts[0][0]) * 12 + parts[1][1] - parts[0][1]
        return f"P{months}M" if months > 0 else None
    if len(first) != 10:
        return None
    days = (date(*parts[1]) - date(*parts[0])).days
    return f"P{days}D" if days > 0 else None
