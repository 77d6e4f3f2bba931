"""TIMEX3 values written and read: the formats of days, months, weeks and quarters, the rewrite
of a value a year back, and the days a value spans.

It is the bottom of the time package: the grammar and the calendar write values with it, and the
statement attributes (``modality``) and the scorer read them with it.
"""

from __future__ import annotations

import re
from calendar import monthrange  # the standard library's, not the sibling ``calendar``
from datetime import date, timedelta

# A day value, "2024-12-03": ``fullmatch`` takes only that, ``match`` also a time on the day
# ("2024-12-03T15:00"), as a statement's time or a gold creation time may be.
DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def day_of(day: re.Match[str]) -> date:
    """The date a ``DAY_VALUE`` match names; ValueError when there is no such day (2024-02-30)."""
    return date(int(day[1]), int(day[2]), int(day[3]))


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def back_a_year(value: str) -> str | None:
    """The same period one year earlier: 2025-Q3 gives 2024-Q3, FY2007 gives FY2006."""
    head = value[2:] if value.startswith("FY") else value
    if not head[:4].isdigit() or value.endswith("_REF"):
        return None
    return value[: len(value) - len(head)] + f"{int(head[:4]) - 1:04d}" + head[4:]


def season_window(year: int, code: str) -> tuple[date, date]:
    """First and last day of a season by months (meteorological): 2024-WI runs to February 2025."""
    first = SEASON_START[code]
    end_year, end_month = add_months(year, first, 2)
    following = date(*add_months(end_year, end_month, 1), 1)
    return date(year, first, 1), following - timedelta(days=1)


def window(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value names: 2025-H2 is 2025-07-01 to 2025-12-31."""
    try:
        return _window(value)
    except ValueError:
        return None


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _window(value: str) -> tuple[date, date] | None:
    if m := DAY_VALUE.match(value):
        day = day_of(m)
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
        return season_window(int(m[1]), m[2])
    if m := re.match(r"^(\d{4})$", value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.match(r"^(\d{3})$", value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := re.match(r"^(\d{2})$", value):  # a century: 20 is the 2000s
        return date(max(int(m[1]) * 100, 1), 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    return None
