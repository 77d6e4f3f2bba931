"""A claim's timeline as the geometry of a small SVG chart, drawn by the claim page's template.

The chart is computed here and written inline by the template, so the page needs no script and no
download: the stories that said the claim sit on a date axis, the due date and today are vertical
rules, and each follow-up is a dot coloured by its relation; dots of one day are stacked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..store import ClaimDetail

WIDTH = 720
MARGIN = 24
"""Room at either end of the axis for the rules' labels and the outermost dots."""
STEP = 14
"""Vertical distance between dots stacked on one day, upwards from the axis."""
MONTHS = (1, 2, 3, 6, 12, 24, 60, 120)
"""Tick intervals in months, the first that gives at most ``MAX_TICKS`` ticks is taken."""
MAX_TICKS = 8


@dataclass(frozen=True)
class Dot:
    """A story on the axis: ``kind`` is ``said`` or a follow-up's relation; ``label`` its tooltip;
    it links to the article, at the statement if there is one."""

    x: float
    y: float
    kind: str
    label: str
    article_id: str
    statement_id: str | None


@dataclass(frozen=True)
class Rule:
    """A vertical line across the axis: the due date or today."""

    x: float
    kind: str
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    axis: float
    ticks: list[Tick]
    rules: list[Rule]
    dots: list[Dot]


def chart(detail: ClaimDetail, today: date) -> Chart | None:
    """The claim's timeline; None when not one of its stories has a date."""
    said = [(row.said_on or row.published, row) for row in detail.said_in]
    said_days = [(day, row) for day, row in said if day is not None]
    followed = [(f.published, f) for f in detail.followups if f.published is not None]
    days = [day for day, _ in said_days] + [day for day, _ in followed]
    if not days:
        return None
    due = detail.claim.due
    lo, hi = _span([*days, *([due] if due else [])])
    axis = 24.0 + STEP * max(Counter(days).values())

    def x(day: date) -> float:
        return round(MARGIN + (day - lo).days / (hi - lo).days * (WIDTH - 2 * MARGIN), 1)

    seen: Counter[date] = Counter()

    def y(day: date) -> float:
        seen[day] += 1
        return axis - STEP * (seen[day] - 1)

    dots = [
        Dot(x(day), y(day), "said", f"said {day}: {row.article_title or row.article_id}",
            row.article_id, row.statement_id)
        for day, row in said_days
    ] + [
        Dot(x(day), y(day), f.relation, f"{f.relation} {day}: {f.article_title or f.article_id}",
            f.article_id, f.statement_id)
        for day, f in followed
    ]
    rules = [Rule(x(due), "due", f"due {due}")] if due else []
    if lo <= today <= hi:
        rules.append(Rule(x(today), "today", f"today {today}"))
    ticks = [Tick(x(day), label) for day, label in _ticks(lo, hi)]
    return Chart(WIDTH, int(axis) + 30, axis, ticks, rules, dots)


def _span(days: list[date]) -> tuple[date, date]:
    """The axis's first and last day: every day given, a little room on either side, never empty."""
    first, last = min(days).toordinal(), max(days).toordinal()
    pad = max(15, (last - first) // 25)
    return date.fromordinal(max(1, first - pad)), date.fromordinal(min(date.max.toordinal(), last + pad))


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """First days of months between ``lo`` and ``hi``, at the finest interval that keeps them few."""
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = next((m for m in MONTHS if months // m < MAX_TICKS), MONTHS[-1] * (months // MAX_TICKS // MONTHS[-1] + 1))
    index = lo.year * 12 + lo.month  # the month after lo's, counted from year 0
    index += -index % step
    found = []
    while index // 12 <= hi.year and (day := date(index // 12, index % 12 + 1, 1)) <= hi:
        found.append((day, day.strftime("%b %Y") if step < 12 else str(day.year)))
        index += step
    return found
