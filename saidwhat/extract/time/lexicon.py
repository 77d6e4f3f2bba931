"""Words of time: month, weekday, unit and number names, and regex pieces built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]
    )
    for name in names
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# TIMEX3 duration unit and how many of it one named unit is.
UNITS = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1),
    "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1), "quarter": ("Q", 1),
    "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100), "centurie": ("Y", 100),
}
CLOCK_UNITS = frozenset({"second", "minute", "hour"})
NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBERS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a single": 1, "a couple of": 2,
     "a dozen": 12, "dozen": 12}
)
# A year as it is spoken in broadcast transcripts: "nineteen ninety-six", "two thousand".
ONES = "one|two|three|four|five|six|seven|eight|nine"
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SPOKEN_YEAR = (
    rf"(?:eighteen|nineteen)[\s-](?:hundred|(?:{TENS})(?:[\s-](?:{ONES}))?|{TEENS}|oh[\s-](?:{ONES}))"
    rf"|two[\s-]thousand(?:[\s-](?:and[\s-])?(?:{TEENS}|{ONES}))?"
)
# A day of the month spelled out, as wire copy has it ("expire April One").
SPOKEN_DAY = rf"(?:twenty|thirty)[\s-](?:{ONES})|{TEENS}|{ONES}|twenty|thirty"


def spoken_year(words: str) -> int:
    """The year a ``SPOKEN_YEAR`` match names: "nineteen oh five" is 1905."""
    parts = [w for w in words.lower().replace("-", " ").split() if w not in ("and", "oh")]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBERS[w] for w in parts[2:])
    tail = parts[1:]
    return NUMBERS[parts[0]] * 100 + (0 if tail == ["hundred"] else sum(NUMBERS[w] for w in tail))


# Words after which a bare four-digit number (or '24) is a year.
YEAR_CUES = frozenset(
    "in since by until till from to through between and of before after during early late mid "
    "the 's fiscal or for circa around than year season class".split()
)
VAGUE_NUMBERS = ("several", "many", "a few", "few", "some", "numerous", "a number of")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4, "last": 4}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
FREQUENCIES = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
               "monthly": "P1M", "quarterly": "P3M", "annual": "P1Y", "annually": "P1Y",
               "yearly": "P1Y", "biannual": "P6M", "twice-yearly": "P6M"}
FUZZY = {
    "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "recent": "PAST_REF", "recent times": "PAST_REF",
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "the time being": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "very soon": "FUTURE_REF", "as soon as possible": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the short term": "FUTURE_REF", "the coming years": "FUTURE_REF",
}
# "Coming months", "the weeks ahead", "future quarters", "past years": an unmeasured stretch on
# one side of now.
for _unit in ("days", "weeks", "months", "quarters", "years"):
    FUZZY.update({f"coming {_unit}": "FUTURE_REF", f"the coming {_unit}": "FUTURE_REF",
                  f"the {_unit} ahead": "FUTURE_REF", f"future {_unit}": "FUTURE_REF",
                  f"past {_unit}": "PAST_REF"})

# Fixed-date holidays (month, day); movable ones are computed in ``calendar.holiday``.
HOLIDAYS = {
    "new year's day": (1, 1), "new year's": (1, 1), "valentine's day": (2, 14),
    "independence day": (7, 4), "halloween": (10, 31), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31),
}
MOVABLE_HOLIDAYS = ("easter sunday", "easter monday", "easter", "good friday", "thanksgiving",
                    "thanksgiving day", "labor day", "memorial day", "election day", "black friday",
                    "cyber monday")
# Hours east of UTC; "ET" and "IST" are left out as ambiguous.
ZONE_OFFSETS = {
    "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "bst": 1, "msk": 3, "hkt": 8,
    "sgt": 8, "jst": 9, "aest": 10, "aedt": 11,
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest words first so that "sept" wins over "sep"."""
    escaped = (w.replace(" ", r"\s+") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


def number(word: str) -> float | None:
    """A spelled or written count ("twenty-five", "2.5", "a couple of"); None if vague."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word.endswith(" 1/2"):  # "5 1/2"
        whole = number(word[:-4])
        return None if whole is None else whole + 0.5
    if word in NUMBERS:
        return NUMBERS[word]
    try:
        return float(word.replace(",", ""))
    except ValueError:
        pass
    parts = word.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None

# The word before a position: search the text up to it.
WORD_BEFORE = re.compile(r"([\w']+)\W*$")
