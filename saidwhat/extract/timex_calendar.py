"""Calendar arithmetic behind TIMEX3 values: anchoring partial dates to the publication date.

Tense decides direction: a bare "Friday" or "March" in a past-tense sentence is the latest one on
or before the anchor, in a future-tense one the next one, otherwise the nearest.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "future"] | None

QUARTER_MONTH = {1: 1, 2: 4, 3: 7, 4: 10}


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _pick(candidates: list[tuple[date, object]], anchor: date, tense: Tense) -> object:
    """The candidate on or before the anchor (past), on or after it (future), else the nearest."""
    if tense == "past":
        return max((c for c in candidates if c[0] <= anchor), key=lambda c: c[0])[1]
    if tense == "future":
        return min((c for c in candidates if c[0] >= anchor), key=lambda c: c[0])[1]
    return min(candidates, key=lambda c: (abs((c[0] - anchor).days), c[0] > anchor))[1]


def weekday_date(anchor: date, weekday: int, tense: Tense) -> date:
    """The weekday (0 = Monday) nearest the anchor in the tense's direction.

    Past includes the anchor day itself (news of the day); future means the next one after it.
    """
    back = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    ahead = anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if tense == "future":
        return ahead
    if tense == "past" or back == anchor:
        return back
    return back if (anchor - back) <= (ahead - anchor) else ahead


def month_year(anchor: date, month: int, tense: Tense) -> int:
    """The year of a bare month name: the anchor's own month counts for either tense."""
    candidates = [(date(anchor.year + k, month, 1), anchor.year + k) for k in (-1, 0, 1)]
    start = anchor.replace(day=1)
    return int(_pick(candidates, start, tense))  # type: ignore[arg-type]


def day_year(anchor: date, month: int, day: int, tense: Tense) -> date | None:
    """A day-and-month without a year, placed in the year the tense points to."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append((date(year, month, day), date(year, month, day)))
        except ValueError:
            continue
    if not candidates:
        return None
    return _pick(candidates, anchor, tense)  # type: ignore[return-value]


def quarter_year(anchor: date, quarter: int, tense: Tense) -> int:
    """The year of "the third quarter", by the quarter's first day and the tense."""
    candidates = [
        (date(anchor.year + k, QUARTER_MONTH[quarter], 1), anchor.year + k) for k in (-1, 0, 1)
    ]
    return int(_pick(candidates, anchor, tense))  # type: ignore[arg-type]


def shift(anchor: date, unit: str, amount: int) -> str:
    """The value of the anchor moved by whole units, at the unit's granularity."""
    if unit == "D":
        return day_value(anchor + timedelta(days=amount))
    if unit == "W":
        return week_value(anchor + timedelta(weeks=amount))
    if unit == "WE":
        return week_value(anchor + timedelta(weeks=amount)) + "-WE"
    if unit == "M":
        return month_value(*add_months(anchor.year, anchor.month, amount))
    if unit == "Q":
        year, month = add_months(anchor.year, QUARTER_MONTH[quarter_of(anchor)], 3 * amount)
        return quarter_value(year, quarter_of(date(year, month, 1)))
    if unit == "DE":
        return f"{anchor.year // 10 + amount:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + amount:02d}"
    return f"{anchor.year + amount:04d}"
