"""Calendar arithmetic behind TIMEX3 values: anchoring partial dates to the publication date
(``values`` writes the values themselves).

Tense decides direction: a bare "Friday" or "March" in a past-tense sentence is the latest one on
or before the anchor, in a future-tense one the next one, otherwise the nearest.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, TypeVar

from .values import add_months, day_value, month_value, quarter_value, season_window, week_value

Tense = Literal["past", "future"] | None
T = TypeVar("T")

QUARTER_MONTH = {1: 1, 2: 4, 3: 7, 4: 10}
# News writes the year of a date only when it is not the current one: without a tense, a month
# up to this many months from the publication month is in the publication year.
CURRENT_YEAR_MONTHS = 7
# Without a tense, a later candidate counts this many times farther than an earlier one.
FUTURE_WEIGHT = 1.5
# A future day this far ahead yields to one at most ``JUST_GONE`` back.
JUST_GONE, FAR_AHEAD = timedelta(days=7), timedelta(days=300)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _pick(candidates: list[tuple[date, T]], anchor: date, tense: Tense) -> T:
    """The candidate on or before the anchor (past), on or after it (future), else the nearest."""
    if tense == "past":
        return max((c for c in candidates if c[0] <= anchor), key=lambda c: c[0])[1]
    if tense == "future":
        return min((c for c in candidates if c[0] >= anchor), key=lambda c: c[0])[1]
    return min(candidates, key=lambda c: (_distance(c[0], anchor), c[0] > anchor))[1]


def _distance(day: date, anchor: date) -> float:
    """How far a candidate lies from the anchor, a later one counted farther: news reports what
    has happened more often than what is to come."""
    days = (day - anchor).days
    return days * FUTURE_WEIGHT if days > 0 else -days


def weekday_date(anchor: date, weekday: int, tense: Tense) -> date:
    """The weekday (0 = Monday) nearest the anchor in the tense's direction.

    Either direction includes the anchor day itself: news style names the day of publication
    by its weekday ("the minister will speak on Tuesday" in Tuesday's paper).
    """
    back = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    ahead = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if tense == "future":
        return ahead
    if tense == "past" or back == anchor:
        return back
    return back if (anchor - back) <= (ahead - anchor) else ahead


def month_year(anchor: date, month: int, tense: Tense) -> int:
    """The year of a bare month name: the anchor's own month counts for either tense; without a
    tense, the anchor's year unless the month lies well over half a year away in it. The month just
    ended stays in the past in a future clause too: "is expected to show an improvement in
    February", said in March, tells of February's figures, not of next year's."""
    candidates = [(date(anchor.year + k, month, 1), anchor.year + k) for k in (-1, 0, 1)]
    start = anchor.replace(day=1)
    if tense is None and abs(month - anchor.month) <= CURRENT_YEAR_MONTHS:
        return anchor.year
    year, last = add_months(anchor.year, anchor.month, -1)
    if tense == "future" and month == last:
        return year
    return _pick(candidates, start, tense)


def day_year(anchor: date, month: int, day: int, tense: Tense) -> date | None:
    """A day-and-month without a year, placed in the year the tense points to; but a day a few
    days gone is not pushed a year ahead ("must return the boy by Jan. 14" in a Jan. 15 paper):
    a date almost a year away would carry its year."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append((date(year, month, day), date(year, month, day)))
        except ValueError:
            continue
    if not candidates:
        return None
    found = _pick(candidates, anchor, tense)
    just_gone = [c for c, _ in candidates if timedelta(0) < anchor - c <= JUST_GONE]
    return just_gone[0] if tense == "future" and just_gone and found - anchor > FAR_AHEAD else found


def quarter_year(anchor: date, quarter: int, tense: Tense) -> int:
    """The year of "the third quarter": without a tense, the one nearest the anchor's quarter,
    this year or last ("the fourth quarter" in January is the one just ended); in the past, the
    latest one begun by the anchor. Results come out after a quarter ends, so future content keeps
    the current quarter and the one just ended; other quarters it names lie ahead."""
    if tense is None:
        return min((anchor.year - 1, anchor.year), key=lambda y: _quarter_gap(anchor, quarter, y))
    starts = [(date(anchor.year + k, QUARTER_MONTH[quarter], 1), anchor.year + k) for k in (-1, 0)]
    year = _pick(starts, anchor, "past")
    if tense == "past":
        return year
    current = (anchor.year * 4 + quarter_of(anchor) - 1) - (year * 4 + quarter - 1)
    return year if current <= 1 else year + 1


def _quarter_gap(anchor: date, quarter: int, year: int) -> int:
    """How many quarters lie between the anchor's quarter and a quarter of a year (0: the same)."""
    return abs((anchor.year * 4 + quarter_of(anchor)) - (year * 4 + quarter))


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


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    r = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * r) // 451
    month, day = divmod(h + r - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (0 = Monday); n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def thanksgiving(year: int) -> date:
    """The US holiday: the fourth Thursday of November."""
    return nth_weekday(year, 11, 3, 4)


MOVABLE = {
    "easter": easter, "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "thanksgiving": thanksgiving, "thanksgiving day": thanksgiving,
    "black friday": lambda y: thanksgiving(y) + timedelta(days=1),  # the US shopping days after it
    "cyber monday": lambda y: thanksgiving(y) + timedelta(days=4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),  # the US one
}


def holiday(name: str, year: int, fixed: dict[str, tuple[int, int]]) -> date:
    """The day of a named holiday in a year."""
    if name in fixed:
        return date(year, *fixed[name])
    return MOVABLE[name](year)


def holiday_date(anchor: date, name: str, fixed: dict[str, tuple[int, int]], tense: Tense) -> date:
    """A holiday named without a year: the occurrence the tense points to from the anchor."""
    candidates = [(holiday(name, anchor.year + k, fixed),) * 2 for k in (-1, 0, 1)]
    return _pick(candidates, anchor, tense)


def week_of_month(year: int, month: int, n: int) -> str:
    """The n-th full week (Monday to Sunday) inside a month; n = -1 is the last one."""
    monday = nth_weekday(year, month, 0, 1) if n > 0 else nth_weekday(year, month, 6, -1) - timedelta(days=6)
    return week_value(monday + timedelta(weeks=max(n - 1, 0)))


def season_year(anchor: date, code: str, shift: int, tense: Tense) -> int:
    """The year of a season named without one: "last" is the latest that has ended, "next" the
    first not yet begun; otherwise the one under way, else the tense's direction."""
    windows = [(year, *season_window(year, code)) for year in range(anchor.year - 2, anchor.year + 2)]
    if shift < 0:
        return max(year for year, _, end in windows if end < anchor)
    if shift > 0:
        return min(year for year, start, _ in windows if start > anchor)
    current = [year for year, start, end in windows if start <= anchor <= end]
    if current:
        return current[0]
    return _pick([(start, year) for year, start, _ in windows], anchor, tense)
