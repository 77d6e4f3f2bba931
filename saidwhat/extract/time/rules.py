"""The TIMEX3 grammar: one compiled regex per kind of expression, each with its normaliser.

A normaliser gets the match and a ``Context`` (publication date, tense and token facts from spaCy)
and returns ``(type, value)``, or None to reject the match (an age, "May" the modal verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from . import calendar as cal
from .lexicon import (
    CLOCK_UNITS,
    FREQUENCIES,
    FUZZY,
    HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBERS,
    ONES,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SPOKEN_DAY,
    SPOKEN_YEAR,
    TENS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    WORD_BEFORE,
    YEAR_CUES,
    ZONE_OFFSETS,
    alternation,
    number,
    spoken_year,
)
from .periods import FRACTION, PERIOD_DET, PERIOD_YEAR, period_ref, that_unit, the_year, year_back
from .values import day_value, month_value, quarter_value

Timex = tuple[str, str]


class Context(Protocol):
    dct: date | None

    def tense(self, start: int, end: int) -> cal.Tense: ...

    def tag(self, start: int) -> str: ...

    def is_year(self, start: int, end: int) -> bool: ...

    def word_before(self, start: int) -> str: ...

    def kind_of_thing(self, char: int) -> bool: ...


Normaliser = Callable[[re.Match[str], Context], Timex | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser  # None rejects the match


MONTH = alternation(MONTHS)
MONTH_FULL = alternation(m for m in MONTHS if len(m) > 3 or m == "may")
WEEKDAY = alternation(w for w in WEEKDAYS if len(w) > 4)
SEASON = alternation(SEASONS)
UNIT = rf"(?P<unit>{alternation(UNITS)})s?"
SPELLED = alternation(k for k in NUMBERS if k not in ("a", "an"))
NUM = (
    rf"(?P<num>(?<!/)\d+(?:\.\d+)?|(?:{TENS})\s+(?:{ONES})\b"
    rf"|(?:{SPELLED})(?:-(?:{SPELLED}))?|an?|{alternation(VAGUE_NUMBERS)})"
)
REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "this past": -1, "this": 0, "current": 0,
             "same": 0, "the": 0, "next": 1, "coming": 1, "following": 1, "this coming": 1}
UNIT_CODE = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
             "decade": "DE", "century": "CE", "fiscal year": "FY",
             "financial year": "FY"}
FALL_CUES = frozenset("in during by until since early late mid this last next".split())
ZONES = alternation([*ZONE_OFFSETS, "et", "ist"])
HOLIDAY = alternation(n.replace("'", "['’]") for n in [*HOLIDAYS, *MOVABLE_HOLIDAYS])
# Plain cues after which a bare plural unit is a vague duration: "for years", "in minutes".
VAGUE_CUES = frozenset("for in over within after took take spent lasted last just only mere".split())
VAGUE_CODE = {10: "DE", 100: "CE"}
# The unit a fraction of a unit is written in, and how many of it make the unit.
SMALLER = {"year": ("M", 12), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60)}
NEWSPAPER = re.compile(r"[^\S\n]+(?:newspaper|paper|tabloid|Mail|Telegraph|News|Star)\b")
POSSESSIVES = frozenset("his her their my your our its".split())
RELATIVE_YEAR = re.compile(r"\s+(?:of\s+)?(?P<rel>next|last|this)\s+year\b(?!['’])", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"\b(?:{MONTH_FULL.title()})[^\S\n]+$")
DAY_WORD = r"today|yesterday|tomorrow|tonight"


def _capitalised(m: re.Match[str], group: str) -> bool:
    return m.group(group)[0].isupper()


def _day(ctx: Context, offset: int = 0) -> str:
    return day_value(ctx.dct + timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"


def _day_word(word: str, ctx: Context) -> str:
    return _day(ctx, {"yesterday": -1, "tomorrow": 1}.get(word.lower(), 0))


def _weekday(m: re.Match[str], ctx: Context, rel: str | None) -> str:
    weekday = WEEKDAYS[m.group("wd").lower()]
    if ctx.dct is None:
        return f"XXXX-WXX-{weekday + 1}"
    tense = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(
        rel or "", ctx.tense(m.start(), m.end())
    )
    found = cal.weekday_date(ctx.dct, weekday, tense)  # type: ignore[arg-type]
    if rel in ("last", "next") and found == ctx.dct:  # "next Tuesday" said on a Tuesday
        found += timedelta(days=7 if rel == "next" else -7)
    return day_value(found)


def _full_date(m: re.Match[str], ctx: Context) -> Timex | None:
    month_text = m.group("mon")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
    spoken = m.groupdict().get("sd")
    if spoken and ("." in m.string[m.end("mon"): m.start("sd")] or not _spoken_day(m, ctx)):
        return None  # "in April. One of ..."
    day = int(number(spoken) or 0) if spoken else int(m.group("d"))
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if not month_text.isdigit() and not month_text[0].isupper():
        return None
    year_text = m.group("y")
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 and int(year_text) < 50 else
                                 1900 if len(year_text) == 2 else 0)
        try:
            return "DATE", day_value(date(year, month, day))
        except ValueError:
            return None
    ending = _ENDING.search(m.string, max(0, m.start() - 40), m.start())
    if ending:  # "fiscal 1987/88 ending March 31" (a fiscal year of one name may end in the next:
        first, second = ending.group("y"), ending.group("y2")  # Japan's fiscal 1986 ends in 1987)
        year = int(first[: 4 - len(second)] + second)
        year += 100 if year < int(first) else 0  # "1999/00"
        try:
            return "DATE", day_value(date(year, month, day))
        except ValueError:
            return None
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    this = ctx.word_before(m.start()) == "this"  # "repaid this June 9": the coming one
    found = cal.day_year(ctx.dct, month, day, "future" if this else ctx.tense(m.start(), m.end()))
    return ("DATE", day_value(found)) if found else None


_ENDING = re.compile(  # two years written as one ("1987/88"), and the day the second ends on
    r"\b(?P<y>(?:1[6-9]|20)\d\d)[/-](?P<y2>\d\d|(?:1[6-9]|20)\d\d)[^\S\n]+(?:year[^\S\n]+)?"
    r"(?:ending|ended|to|through)[^\S\n]+(?:on[^\S\n]+)?$",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"\s*(?:of|more|other|others)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d]\w*|\d")


def _spoken_day(m: re.Match[str], ctx: Context) -> bool:
    """Whether a month's spoken number is its day: capitalised ("April One"), or, as wire copy
    writes days under ten ("holders of record April six", "its May six meeting"), one that counts
    nothing after it: not "in March two new companies", "in May three of them", "in May one
    analyst"."""
    spoken, end = m.group("sd"), m.end("sd")
    if spoken[0].isupper():
        return True
    if m.group("y") or _COUNTED.match(m.string, end):
        return bool(m.group("y"))
    for word in _WORD.finditer(m.string, end, end + 40):  # the noun it would count, after adjectives
        tag = ctx.tag(word.start())
        if not tag.startswith("JJ"):
            return not (tag in ("NNS", "NNPS", "CD") or spoken.lower() == "one" and tag.startswith("NN"))
    return True


def _named_year(m: re.Match[str]) -> int | None:
    """The year written after a month or a season, in digits or spoken ("nineteen ninety-four")."""
    if m.group("y"):
        return int(m.group("y"))
    return spoken_year(m.group("sy")) if m.groupdict().get("sy") else None


def _month(m: re.Match[str], ctx: Context) -> Timex | None:
    if not _capitalised(m, "mon") or ctx.tag(m.start("mon")) in ("MD", "VB", "VBP"):
        return None
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    if year := _named_year(m):
        return "DATE", month_value(year, month)
    of_year = RELATIVE_YEAR.match(m.string, m.end())  # "June last year": the year only places June
    if of_year and ctx.dct:
        return "DATE", month_value(ctx.dct.year + REL_SHIFT[of_year["rel"].lower()], month)
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", month_value(cal.month_year(ctx.dct, month, ctx.tense(m.start(), m.end())), month)


def _year(m: re.Match[str], ctx: Context) -> Timex | None:
    if m.group("fy"):
        return "DATE", f"FY{m.group('y')}"
    if m.group("yy"):
        before = ctx.word_before(m.start())
        if before not in YEAR_CUES and before not in MONTHS and before not in SEASONS:
            return None  # a version or a model: "iLife '11"
        yy = int(m.group("yy"))
        return "DATE", f"{(2000 if yy < 30 else 1900) + yy}"
    return ("DATE", m.group("y")) if ctx.is_year(m.start("y"), m.end("y")) else None


def _decade(m: re.Match[str], ctx: Context) -> Timex | None:
    before = ctx.word_before(m.start())
    if before in ("early", "mid", "late"):  # "the late 1970s", but "in her late 20s"
        before = ctx.word_before(m.string.rfind(before, 0, m.start()))
    if before in POSSESSIVES:
        return None
    if m.group("c"):
        return "DATE", m.group("c") + m.group("d")
    digit = m.group("d2")
    return "DATE", ("20" if digit in "01" else "19") + digit


def _quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    ordinal = (m.group("ord") or "").lower()
    quarter = int(m.group("q")) if m.group("q") else ORDINALS[ordinal]
    year = _year_ref(m, ctx)
    if year is None:
        if ctx.dct is None:
            return "DATE", f"XXXX-Q{quarter}"
        if ordinal == "last":
            return "DATE", cal.shift(ctx.dct, "Q", -1)
        year = cal.quarter_year(ctx.dct, quarter, ctx.tense(m.start(), m.end()))
        year -= year_back(m)
    return "DATE", quarter_value(year, quarter)


def _spoken_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """A year spoken in a transcript; alone, only where a plain year would be one ("in nineteen
    ninety-one"), not a count ("two thousand troops")."""
    if not m.group("yr") and not ctx.is_year(m.start(), m.end()):
        return None
    return "DATE", f"{spoken_year(m.group('sy')):04d}"


def _century(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "The 20th century" is the 1900s: TIMEX3 writes it 19."""
    n = int(m.group("n"))
    return ("DATE", f"{n - 1:02d}") if 1 <= n <= 30 else None


def _year_ref(m: re.Match[str], ctx: Context) -> int | None:
    """The year named after "of" in "the third quarter of 2025" or "... of last year"."""
    groups = m.groupdict()
    year = m.group("y") or groups.get("y2") or groups.get("py")
    if year:
        return int(year)
    if groups.get("poss") and ctx.dct:  # "next year's first quarter"
        return ctx.dct.year + REL_SHIFT[groups["poss"].lower()]
    rel = m.group("rel")
    if rel and ctx.dct:
        return ctx.dct.year + REL_SHIFT[rel.lower().split()[-1]]
    return None


def _half(m: re.Match[str], ctx: Context) -> Timex | None:
    half = 1 if m.group("h").lower() in ("first", "1st") else 2
    year = _year_ref(m, ctx) or (ctx.dct.year if ctx.dct else None)
    return "DATE", f"{year:04d}-H{half}" if year else f"XXXX-H{half}"


def _season(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m.group("s").lower()
    rel = " ".join((m.group("rel") or "").lower().split())
    year = _named_year(m)
    if word == "fall" and not (rel or year) and ctx.word_before(m.start()) not in FALL_CUES:
        return None
    code = SEASONS[word]
    if year:
        return "DATE", f"{year:04d}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    shift = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1}.get(rel, 0)
    return "DATE", f"{cal.season_year(ctx.dct, code, shift, ctx.tense(m.start(), m.end())):04d}-{code}"


def _relative(m: re.Match[str], ctx: Context) -> Timex | None:
    rel = " ".join(m.group("rel").lower().split()).removeprefix("the ")
    what = m.group("what").lower()
    if what in MONTHS:
        if not m.group("what")[0].isupper():
            return None
        month = MONTHS[what]
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        tense = {-1: "past", 1: "future"}.get(REL_SHIFT[rel], ctx.tense(m.start(), m.end()))
        year = ctx.dct.year if rel == "this" else cal.month_year(ctx.dct, month, tense)  # type: ignore[arg-type]
        if month == ctx.dct.month and REL_SHIFT[rel]:
            year += REL_SHIFT[rel]
        return "DATE", month_value(year, month)
    code = UNIT_CODE[" ".join(what.split())]
    if code == "Y" and MONTH_BEFORE.search(m.string, max(0, m.start() - 15), m.start()):
        return None  # "June last year": the month carries the year; "June of last year" names two
    if code == "FY":
        return "DATE", f"FY{ctx.dct.year + REL_SHIFT[rel]}" if ctx.dct else "FYXXXX"
    if ctx.dct is None:
        return "DATE", {"Y": "XXXX", "M": "XXXX-XX"}.get(code, f"XXXX-{code}")
    if code == "WE" and rel == "the" and ctx.dct.weekday() < 5 and ctx.tense(m.start(), m.end()) == "past":
        return "DATE", cal.shift(ctx.dct, code, -1)  # "met over the weekend" in Monday's paper
    return "DATE", cal.shift(ctx.dct, code, REL_SHIFT[rel])


AHEAD = re.compile(r"the\s+(?:next|coming)\s", re.IGNORECASE)
PART_OF = re.compile(r"\b(?:beginning|start|middle|end|close)\s+of\s+$|\b(?:early|mid|late)\s+in\s+$", re.IGNORECASE)


def _decade_ahead(m: re.Match[str], scale: int) -> bool:
    """Whether "the next century" or "the next decade" is the coming one, a date: a century always
    ("by early in the next century": the 2000s), a decade when a part of it is meant ("by the end
    of the next decade"); "over the next decade" is ten years, as the corpora value "the past
    decade"."""
    if scale < 10 or m.group("num") or not AHEAD.match(m.group(0)):
        return False
    return scale == 100 or bool(PART_OF.search(m.string, max(0, m.start() - 20), m.start()))


def _duration(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = m.group("unit").lower()
    raw = m.group("num").lower()
    count = number(raw) if raw else 1
    after = m.string[m.end(): m.end() + 5].lower()
    if "-" in m.group("sep") and after.startswith("-old") or after.startswith(" old"):
        return None  # an age
    if raw in ("a", "an") and unit == "second":
        return None  # "a second time"
    if unit == "quarter" and not m.group("fill") and FRACTION.match(m.string, m.end()):
        return None  # a fraction: "a quarter of its dealers"
    code, scale = UNITS[unit]
    if ctx.dct is not None and _decade_ahead(m, scale):
        return "DATE", str(ctx.dct.year // scale + 1)
    if m.group("ago"):
        if count is None or ctx.dct is None:
            return "DATE", "PAST_REF" if "from" not in m.group("ago") else "FUTURE_REF"
        sign = 1 if "from" in m.group("ago") else -1
        if unit in CLOCK_UNITS:
            return "DATE", _day(ctx)
        if code == "W" and count == int(count):  # "two weeks ago" is that day two weeks back
            return "DATE", _day(ctx, sign * 7 * int(count * scale))
        if scale == 10:
            return "DATE", cal.shift(ctx.dct, "Y", sign * int(count) * 10)
        return "DATE", cal.shift(ctx.dct, code, sign * int(count * scale))
    if raw in ("a", "an") and re.search(r"(?:\d|times|once|twice)\s*$", m.string[: m.start()]):
        return "SET", f"P1{code}"
    if m.groupdict().get("half2") and count is not None:  # "a minute and a half": PT1M30S
        return "DURATION", _period(unit, count, True, mixed=True)
    return "DURATION", _period(unit, count, bool(m.group("half")), mixed="/" in (m.group("half") or ""))


def _period(unit: str, count: float | None, half: bool = False, mixed: bool = False) -> str:
    """The value of ``count`` units, and a half: PT3M, P2.5Y ("two and a half years"); without a
    count, PTXM or PXDE. ``mixed`` writes the half in the next smaller unit, as the corpora value
    "2 1/2 years" (P2Y6M) and "a minute and a half" (PT1M30S)."""
    code, scale = UNITS[unit]
    lead = "PT" if unit in CLOCK_UNITS else "P"
    if count is None:  # "several decades" counts decades, not years
        return lead + "X" + VAGUE_CODE.get(scale, code)
    amount = count * scale + (0.5 if half else 0)
    whole, part = int(amount), amount - int(amount)
    if mixed and part and unit in SMALLER and (part * SMALLER[unit][1]).is_integer():
        smaller, per = SMALLER[unit]
        return f"{lead}{whole}{code}{'T' if unit == 'day' else ''}{int(part * per)}{smaller}"
    return lead + _amount(amount) + code


def _amount(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _time_of_day(m: re.Match[str], ctx: Context) -> Timex | None:
    word = (m.group("word") or "").lower()
    hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}.get(word, (0, 0))
    if not word:
        hour = int(m.group("h") or m.group("h2") or m.group("h3"))
        minute = int(m.group("m") or m.group("m2") or m.group("m3") or 0)
        ampm = (m.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 23:
            return None
    day = m.group("day")
    on = _full_date(m, ctx) if m.group("mon") else None  # "5 p.m. EST Nov. 9"
    if on:
        anchor = on[1]
    elif day and day.lower() in WEEKDAYS:
        anchor = _weekday(m, ctx, None)
    else:
        anchor = _day_word(day, ctx) if day else _day(ctx)
    return "TIME", f"{anchor}T{hour:02d}:{minute:02d}" + _zone(m)


def _zone(m: re.Match[str]) -> str:
    """``Z`` for a clock time given in UTC; any other zone leaves the local time as it stands,
    as TimeML corpora value "5 p.m. EST" (17:00, not 22:00 UTC)."""
    zone = (m.group("tz") or "").lower()
    if zone not in ZONE_OFFSETS:
        return ""
    minutes = ZONE_OFFSETS[zone] * 60
    if m.group("off"):
        sign = -1 if m.group("off").lstrip()[0] in "-−" else 1
        minutes += sign * (int(m.group("off").lstrip("+-− \t")) * 60 + int(m.group("offm") or 0))
    return "Z" if minutes == 0 else ""


def _part_of_day(m: re.Match[str], ctx: Context) -> Timex | None:
    day = m.group("day").lower()
    part = PARTS_OF_DAY[m.group("part").lower()]
    if day in WEEKDAYS:
        anchor = _weekday(m, ctx, None)
    else:
        anchor = _day(ctx, -1 if day in ("last", "yesterday") else 1 if day == "tomorrow" else 0)
    return "TIME", anchor + part


def _day_words(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m.group("word").lower()
    return ("TIME", _day(ctx) + "TNI") if word == "tonight" else ("DATE", _day_word(word, ctx))


def _weekday_rule(m: re.Match[str], ctx: Context) -> Timex | None:
    if not _capitalised(m, "wd"):
        return None
    if m.group("pl"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}"
    if m.group("wk") and ctx.dct:  # "Tuesday of last week"
        monday = ctx.dct - timedelta(days=ctx.dct.weekday() - 7 * REL_SHIFT[m.group("wk").lower()])
        return "DATE", day_value(monday + timedelta(days=WEEKDAYS[m.group("wd").lower()]))
    rel = " ".join(m.group("rel").lower().split()) if m.group("rel") else None
    return "DATE", _weekday(m, ctx, rel)


def _set(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m.group("freq")
    if word:
        low = word.lower()
        if low == "daily" and _a_newspaper(m, ctx):
            return None
        return "SET", FREQUENCIES[low]
    what = m.group("what").lower()
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}"
    if what in MONTHS:
        return "SET", f"XXXX-{MONTHS[what]:02d}"
    if what in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XX{PARTS_OF_DAY[what]}"
    count = {"other": 2}.get((m.group("every") or "").lower()) or number(m.group("every") or "1")
    return "SET", _period(what, count or 1)


def _a_newspaper(m: re.Match[str], ctx: Context) -> bool:
    """ "Daily" naming a newspaper: a noun ("the German daily said", "the German daily
    Handelsblatt") or part of a title ("the Daily Mirror"), not a frequency ("daily volume",
    "a daily report", "published daily")."""
    word = m.group(0)
    if ctx.tag(m.start()) in ("NN", "NNP") or NEWSPAPER.match(m.string, m.end()):
        return True
    if word[0].isupper() and ctx.word_before(m.start()) not in ("", "and"):
        return True  # capitalised mid-sentence: a title
    following = re.compile(r"[^\S\n]*\w").match(m.string, m.end())
    after = ctx.tag(following.end() - 1) if following else ""
    if after in ("NN", "NNS", "CD") or after.startswith("JJ"):
        return False
    return ctx.word_before(m.start()) in ("the", "a", "an") or ctx.tag(max(m.start() - 2, 0))[:2] in ("JJ", "NN")


def _fuzzy(m: re.Match[str], ctx: Context) -> Timex | None:
    """A vague reference to the past, present or future ("recently", "now", "soon"); but "as
    soon as" joins two events (a signal, not a time)."""
    text = " ".join(m.group(0).lower().split())
    if text == "soon" and ctx.word_before(m.start()) == "as":
        return None
    return "DATE", FUZZY.get(text, "PAST_REF")


def _year_end(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "By year-end", "since year end": the last day of this year, or of the last one when the
    clause looks back; not a kind of thing ("year-end net", "the year-end bonus"), nor a fiscal
    year's end ("by the banks' fiscal year-end on October 31")."""
    if ctx.word_before(m.start()) in ("fiscal", "financial"):
        return None
    following = _WORD.search(m.string, m.end(), m.end() + 20)
    if following and following.start() == m.end() + 1 and ctx.tag(following.start()).startswith("NN"):
        return None
    if ctx.dct is None:
        return "DATE", "XXXX-12-31"
    back = ctx.word_before(m.start()) == "since" or ctx.tense(m.start(), m.end()) == "past"
    return "DATE", f"{ctx.dct.year - back:04d}-12-31"


def _the_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "The same day" is the day last named; ``extract_times`` re-anchors it, here the DCT."""
    return "DATE", _day(ctx)


def _holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    if not _capitalised(m, "name") or ctx.kind_of_thing(m.end("name") - 1):
        return None
    name = " ".join(m.group("name").lower().replace("’", "'").split())
    if m.group("y"):
        return "DATE", day_value(cal.holiday(name, int(m.group("y")), HOLIDAYS))
    if ctx.dct is None:
        fixed = HOLIDAYS.get(name)
        return "DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
    tense = {"last": "past", "next": "future"}.get((m.group("rel") or "").lower(), ctx.tense(m.start(), m.end()))
    return "DATE", day_value(cal.holiday_date(ctx.dct, name, HOLIDAYS, tense))  # type: ignore[arg-type]


def _week_of_month(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "The last week of March": the month's first (or last) full Monday-to-Sunday week."""
    if not _capitalised(m, "mon"):
        return None
    month = MONTHS[m.group("mon").lower()]
    n = -1 if m.group("ord").lower() in ("last", "final") else ORDINALS[m.group("ord").lower()]
    if m.group("y"):
        year = int(m.group("y"))
    elif ctx.dct:
        year = cal.month_year(ctx.dct, month, ctx.tense(m.start(), m.end()))
    else:
        return "DATE", "XXXX-WXX"
    return "DATE", cal.week_of_month(year, month, n)


def _same_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "The same period last year": a year before the period last named (``extract_times``
    re-anchors it); alone, the year before the publication year."""
    return "DATE", f"{ctx.dct.year - 1:04d}" if ctx.dct else "XXXX"


def _weekends(m: re.Match[str], ctx: Context) -> Timex | None:
    return "SET", "XXXX-WXX-WE"


def _part_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "In the morning": a part of the day last named (``extract_times`` re-anchors it); not a
    name ("its ownership in Morning", the Morning Star mine, capitalised after a lower-case word)."""
    if ctx.word_before(m.start()) not in ("in", "during", "early", "late", "by"):
        return None
    before = WORD_BEFORE.search(m.string, max(0, m.start() - 20), m.start())
    if m.group("part")[0].isupper() and before and before.group(1)[0].islower():
        return None
    return "TIME", _day(ctx) + PARTS_OF_DAY[m.group("part").lower()]


def _that_time(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "By that time": the time last named (``extract_times`` re-anchors it)."""
    return "DATE", "PAST_REF"


def _vague(m: re.Match[str], ctx: Context) -> Timex | None:
    """A bare plural unit after a cue ("for years", "in minutes", "decades-long") is a duration
    of unspecified length: PXY, PTXM."""
    unit = m.group("unit").lower()
    if not (m.group("recent") or m.group("long") or unit in ("decade", "centurie")
            or ctx.word_before(m.start()) in VAGUE_CUES):
        return None
    return "DURATION", _period(unit, None)


def _rule(name: str, pattern: str, normalise: Normaliser) -> Rule:
    """Compile a rule; its whitespace never crosses a line break (a headline ends at one; where
    lines are merely wrapped, ``expressions`` joins them first)."""
    pattern = pattern.replace(r"[\s-]", r"(?:\s|-)").replace(r"\s", r"[^\S\n]")
    return Rule(name, re.compile(pattern, re.IGNORECASE), normalise)


# The year that may follow a day, a holiday or a week of a month: "March 4, 2025".
YEAR_AFTER = r"(?:\s*,?\s*(?P<y>\d{4})\b)?"
DAY_SUFFIX = (rf"(?:\s+(?:on\s+)?(?P<day>{DAY_WORD}|(?P<wd>{WEEKDAY}))"
              rf"|\s*,?\s+(?:on\s+)?(?P<mon>{MONTH})\.?\s+(?P<d>\d{{1,2}})\b{YEAR_AFTER})?")
RULES = (
    _rule("date", rf"\b(?:(?:{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\.?\s+(?:(?P<d>\d{{1,2}})"
                  rf"(?:st|nd|rd|th)?|(?P<sd>{SPOKEN_DAY}))\b{YEAR_AFTER}", _full_date),
    _rule("date", rf"\b(?:(?:{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                  rf"(?:of\s+)?(?P<mon>{MONTH})\b\.?{YEAR_AFTER}", _full_date),
    _rule("date", r"\b(?P<y>\d{4})-(?P<mon>\d{2})-(?P<d>\d{2})\b", _full_date),
    _rule("date", r"\b(?P<mon>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b", _full_date),
    _rule("month", rf"\b(?P<mon>{MONTH_FULL})\b(?:(?:\s*,?\s*|\s+of\s+)(?P<y>\d{{4}})\b"
                   rf"|\s+(?:of\s+)?(?P<sy>{SPOKEN_YEAR})\b)?", _month),
    _rule("spoken_year", rf"\b(?P<yr>the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})\b(?![\s-]+(?:percent|years?)\b)",
          _spoken_year),
    _rule("year", r"(?:\b(?P<fy>FY\s?|fiscal\s+(?:year\s+)?)?\b(?P<y>(?:1[6-9]|20)\d\d)\b"
                  r"(?![-–/]\d|,\d|\.\d|\s*%)|['’](?P<yy>\d\d)\b(?!['’]?s))", _year),
    _rule("decade", r"\b(?:the\s+)?(?:(?P<c>1[6-9]|20)(?P<d>\d)0|(?<![\w-])['’]?(?P<d2>\d)0)['’]?s\b",
          _decade),
    _rule("quarter", rf"\b(?:{PERIOD_DET}\s+(?!\w+-quarter\b))?(?:{PERIOD_YEAR}\s+)?"
                     r"(?:(?:fiscal|financial)[\s-]+)?"
                     r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
                     r"(?:[\s-]+(?:fiscal|financial|calendar))?[\s-]+quarter\b(?:\s+(?:of\s+)?"
                     r"(?:(?:fiscal\s+)?(?P<y>\d{4})"
                     r"|(?P<rel>this|last|next)\s+(?:fiscal\s+)?year))?"
                     r"|\bQ(?P<q>[1-4])(?:\s*,?\s*(?:fiscal\s+)?(?P<y2>\d{4}))?\b", _quarter),
    _rule("period", rf"\b{PERIOD_DET}\s+(?:(?:latest|comparable|corresponding)\s+)?(?:{PERIOD_YEAR}\s+)?"
                    r"(?P<unit>quarter|period)\b(?!-)(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?",
          period_ref),
    _rule("year_ago", r"\b(?P<ya>year-(?:ago|earlier))\b(?=\s+[a-z])", period_ref),
    _rule("half", r"\b(?:the\s+)?(?P<h>first|second|last|1st|2nd)\s+half\s+(?:of\s+)?(?:(?P<y>\d{4})"
                  r"|(?P<rel>this|last|next)\s+year|the\s+year)\b", _half),
    _rule("season", rf"\b(?:the\s+(?=(?:{SEASON})\s+of\s+(?:\d|{SPOKEN_YEAR}))"
                    rf"|(?P<rel>last|this\s+past|this|next|past|coming)\s+)?(?P<s>{SEASON})\b"
                    rf"(?:\s+(?:of\s+)?(?P<y>\d{{4}})\b|\s+of\s+(?P<sy>{SPOKEN_YEAR})\b)?", _season),
    _rule("relative", rf"\b(?:(?:earlier|later)\s+(?=this\b)|(?:earlier|later)\s+in\s+)?"
                      rf"(?P<rel>last|this|next|past|coming|previous|current|this\s+past|"
                      rf"the\s+(?:previous|following|same|current|last)|(?:(?<=of )|(?<=er in ))the"
                      rf"|the(?=\s+weekend))\s+"
                      rf"(?P<what>{alternation(UNIT_CODE)}|(?:{MONTH_FULL})\b(?!\s+\d{{1,2}}\b))\b",
          _relative),
    _rule("duration", rf"\b(?:(?P<the>the)\s+(?:(?:past|last|next|coming|previous|following|first|final|"
                      rf"remaining|latest)\s+)?)?{NUM}(?P<half>\s+and\s+a\s+half|\s+1/2)?(?P<sep>[\s-]+)"
                      rf"(?P<fill>(?:more|straight|consecutive|full|long|trading|business|calendar|"
                      rf"successive)[\s-]+)?{UNIT}\b(?P<half2>\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?"
                      rf"(?P<ago>\s+ago|\s+earlier|\s+from\s+now)?",
          _duration),
    _rule("duration", rf"\bthe\s+(?:past|last|next|coming|previous|first|final)\s+(?P<num>)"
                      rf"(?P<sep>)(?P<fill>){UNIT}(?P<half>)(?P<ago>)\b(?:\s+or\s+so\b)?(?!\s+of\b)", _duration),
    _rule("time", rf"(?:\b(?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?\s*"
                  rf"(?P<ampm>[ap]\.\s?m\.|[ap]m\b)|\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b"
                  rf"|\b(?P<word>noon|midday|midnight)\b"
                  rf"|\b(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?=\s*(?:{ZONES}|hours|hrs)\b))"
                  rf"(?:\s*(?P<paren>\()?\s*(?P<tz>{ZONES})\b(?:\s*(?P<off>[+\-−]\s*\d{{1,2}})"
                  rf"(?::?(?P<offm>[0-5]\d))?\b)?(?(paren)\s*\)))?{DAY_SUFFIX}", _time_of_day),
    _rule("part_of_day", rf"\b(?P<day>this|last|{DAY_WORD}|(?P<wd>{WEEKDAY}))\s+"
                         r"(?P<part>morning|afternoon|evening|night)\b", _part_of_day),
    _rule("day_word", rf"\b(?:(?:earlier|later)\s+)?(?P<word>{DAY_WORD})\b", _day_words),
    _rule("weekday", rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?"
                     rf"(?P<wd>{WEEKDAY})(?P<pl>s)?\b(?:\s+of\s+(?P<wk>last|next|this)\s+week\b)?",
          _weekday_rule),
    _rule("set", rf"\b(?:every|each|per)\s+(?:(?P<every>other|\d+|{SPELLED})\s+)?"
                 rf"(?P<what>second|minute|hour|day|week|month|year|morning|evening|night"
                 rf"|{WEEKDAY}|{MONTH_FULL})s?\b"
                 rf"|\b(?P<freq>{alternation(FREQUENCIES)})\b", _set),
    _rule("holiday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>{HOLIDAY})\b{YEAR_AFTER}", _holiday),
    _rule("week_of_month", rf"\bthe\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
                           rf"(?P<mon>{MONTH_FULL})\b{YEAR_AFTER}", _week_of_month),
    _rule("same_period", r"\bthe\s+same\s+(?:period|month|quarter|week|day|time|season|half)\s+"
                         r"(?:of\s+)?(?:(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+"
                         r"(?:ago|earlier|before|previously))\b", _same_period),
    _rule("part_of_the_day", r"\b(?:the\s+)?(?P<part>morning|afternoon|evening)\b", _part_alone),
    _rule("weekends", r"\b(?<=on |at )weekends\b", _weekends),
    _rule("that_time", r"\bthat\s+time\b", _that_time),
    _rule("that_unit", r"\b(?:(?:earlier|later)\s+)?that\s+(?P<unit>year|quarter|month)\b", that_unit),
    _rule("the_year", r"\bthe\s+(?:(?:full|latest|current)\s+)?(?:fiscal\s+)?year\b(?![-'’])", the_year),
    _rule("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", _century),
    _rule("vague", rf"\b(?:(?P<recent>recent)\s+|the\s+(?=years\b))?"
                   rf"{UNIT.replace('s?', 's')}(?P<long>-long\b)?", _vague),
    _rule("duration", rf"\b(?P<num>\d+|{SPELLED})(?P<sep>)(?P<fill>)(?P<half>)(?P<ago>)(?=\s+"
                      rf"(?:and|to|or)\s+(?:\d+|{SPELLED})[\s-]+{UNIT}\b(?![\s-]old))", _duration),
    _rule("fuzzy", r"\brecent\s+(?:[A-Z][\w.]*\s+)?history\b"
                   rf"|\b(?:{alternation(FUZZY)})\b(?!-)", _fuzzy),
    _rule("year_end", r"\b(?:the\s+)?year[\s-]end\b(?![-'’])", _year_end),
    _rule("the_day", r"\b(?:the\s+same|that)\s+day\b|(?:(?<=end )|(?<=for )|(?<=ending )"
                     r"|(?<=ended )|(?<=finish )|(?<=start of )|(?<=late in )|(?<=early in )"
                     r"|(?<=later in )|(?<=earlier in ))the\s+day\b", _the_day),
)
