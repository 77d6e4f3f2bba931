"""Periods a report speaks of: "the quarter", "the year-ago period", "for the year", "that year".

A results story names the quarter it reports on once, in its lead, and then calls it "the quarter"
or "the latest period", and its year-ago twin "a year earlier" or "the year-ago quarter". These
normalisers give a provisional value from the publication date; ``anaphora`` re-anchors them to
the quarter the story reports.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from . import calendar as cal

Timex = tuple[str, str]


class Context(Protocol):
    dct: date | None

    def word_before(self, start: int) -> str: ...

    def tense(self, start: int, end: int) -> cal.Tense: ...


FRACTION = re.compile(r"\s*,?\s*of\b", re.IGNORECASE)
YEAR_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\b", re.IGNORECASE)
YEAR_CLAUSE = re.compile(r"\s+(?:of|before|after|earlier|later|ago|when|that|in\s+which|he|she|they)\b",
                         re.IGNORECASE)
# Words before "the year" when it is the period reported on: "for the year", "in the year".
PERIOD_CUES = frozenset("for in of during throughout through".split())
# What may open a period of a report: "the" or "this year's"; then "1988" or "year-ago".
PERIOD_DET = r"(?:the|(?P<poss>this|last|next)\s+year['’]s)"
PERIOD_YEAR = r"(?:(?P<py>\d{4})|(?P<ya>year[\s-](?:ago|earlier)))"


def period_ref(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "The quarter", "the latest period", "the year-ago quarter", "year-earlier (profit)": the
    reporting period the article is about, or the same period a year before. Here the quarter
    before publication; ``anaphora`` re-anchors it to the quarter last named. In a clause about
    the future with no year-ago, it is the quarter under way ("banks will declare their loans
    non-performing at the end of the quarter")."""
    groups = m.groupdict()
    if groups.get("unit") == "period" and m.group(0).lower().split()[1] == "period" and not groups.get("ago"):
        return None  # a bare "the period" may be any span of time
    if groups.get("unit") == "quarter" and FRACTION.match(m.string, m.end()):
        return None  # "the quarter of the vote counted"
    if ctx.dct is None:
        return "DATE", "XXXX-QX"
    ahead = groups.get("unit") == "quarter" and not year_back(m) and ctx.tense(m.start(), m.end()) == "future"
    return "DATE", period_of(cal.shift(ctx.dct, "Q", 0 if ahead else -1), m)


def period_of(reported: str, m: re.Match[str]) -> str:
    """The period a reference names, given the quarter reported on ("2025-Q3"): the same
    quarter, its year-ago twin, or the quarter in a named year ("the 1988 period")."""
    year = int(m.groupdict().get("py") or reported[:4]) - year_back(m)
    return f"{year:04d}{reported[4:]}"


def year_back(m: re.Match[str]) -> bool:
    """Whether a period expression names the period a year before the one under discussion."""
    groups = m.groupdict()
    return bool(groups.get("ya") or groups.get("ago") or (groups.get("poss") or "").lower() == "last")


def the_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "For the year", "the full year", "the fiscal year": the year a report covers, this one;
    "the year ended June 30" is the twelve months to that day."""
    if YEAR_ENDED.match(m.string, m.end()):
        return "DURATION", "P1Y"
    if ctx.word_before(m.start()) not in PERIOD_CUES or YEAR_CLAUSE.match(m.string, m.end()):
        return None  # "the year of the tiger", "the year before", "the year he left"
    return "DATE", f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"


def that_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "That year", "that quarter": the one last named (``anaphora`` re-anchors it)."""
    return "DATE", "PAST_REF"


