"""TIMEX3 extents, types and values for the expressions news needs, anchored to 2024-12-03."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from saidwhat import nlp as nlp_loader
from saidwhat.extract.times import extract_times

PUBLISHED = date(2024, 12, 3)  # a Tuesday, ISO week 49
SPECS = Path(__file__).resolve().parents[2] / "shared" / "data" / "datetime-specs"


@pytest.fixture(scope="module")
def nlp():
    return nlp_loader.load()


def found(nlp, text: str, published: date | None = PUBLISHED) -> list[tuple]:
    return [(t.text, t.type, t.value, t.mod) for t in extract_times(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister resigned on Friday.", [("Friday", "DATE", "2024-11-29", None)]),
        ("The minister will resign on Friday.", [("Friday", "DATE", "2024-12-06", None)]),
        ("Sales slowed in late November.", [("late November", "DATE", "2024-11", "END")]),
        ("Output will rise in the second half of 2025.",
         [("the second half of 2025", "DATE", "2025-H2", None)]),
        ("He spoke yesterday, speaks today and leaves tomorrow.",
         [("yesterday", "DATE", "2024-12-02", None), ("today", "DATE", "2024-12-03", None),
          ("tomorrow", "DATE", "2024-12-04", None)]),
        ("Prices fell last week.", [("last week", "DATE", "2024-W48", None)]),
        ("The law takes effect next month.", [("next month", "DATE", "2025-01", None)]),
        ("Growth slowed this year.", [("this year", "DATE", "2024", None)]),
        ("She left the party two years ago.", [("two years ago", "DATE", "2022", None)]),
        ("The talks began in March.", [("March", "DATE", "2024-03", None)]),
        ("The talks will resume in March.", [("March", "DATE", "2025-03", None)]),
        ("It opened on March 3, 2024, closed 3 March 2024 and reopened 2024-03-03.",
         [("March 3, 2024", "DATE", "2024-03-03", None), ("3 March 2024", "DATE", "2024-03-03", None),
          ("2024-03-03", "DATE", "2024-03-03", None)]),
        ("The plant was built in 2019 and first planned in the 1990s.",
         [("2019", "DATE", "2019", None), ("the 1990s", "DATE", "199", None)]),
        ("Deliveries start in the third quarter of 2025.",
         [("the third quarter of 2025", "DATE", "2025-Q3", None)]),
        ("Launches are planned for spring 2025, summer 2025, autumn 2025 and winter 2025.",
         [("spring 2025", "DATE", "2025-SP", None), ("summer 2025", "DATE", "2025-SU", None),
          ("autumn 2025", "DATE", "2025-FA", None), ("winter 2025", "DATE", "2025-WI", None)]),
        ("Protests continued last weekend.", [("last weekend", "DATE", "2024-W48-WE", None)]),
        ("The strike lasted three days, the project two years and the flight five hours.",
         [("three days", "DURATION", "P3D", None), ("two years", "DURATION", "P2Y", None),
          ("five hours", "DURATION", "PT5H", None)]),
        ("The reform took a decade.", [("a decade", "DURATION", "P10Y", None)]),
        ("Prices rose over the past week.", [("the past week", "DURATION", "P1W", None)]),
        ("Inspectors visit every week.", [("every week", "SET", "P1W", None)]),
        ("The daily briefing was cancelled.", [("daily", "SET", "P1D", None)]),
        ("The German daily reported the deal.", []),
        ("A 70-year-old man died.", []),
        ("Prices have risen recently.", [("recently", "DATE", "PAST_REF", None)]),
        ("Inflation is now falling.", [("now", "DATE", "PRESENT_REF", None)]),
        ("Rates are currently high.", [("currently", "DATE", "PRESENT_REF", None)]),
        ("Rates may fall in the future.", [("the future", "DATE", "FUTURE_REF", None)]),
        ("The vote is at 3 p.m.", [("3 p.m.", "TIME", "2024-12-03T15:00", None)]),
        ("He spoke this morning.", [("this morning", "TIME", "2024-12-03TMO", None)]),
        ("Talks lasted about three hours.", [("about three hours", "DURATION", "PT3H", "APPROX")]),
        ("Turnout peaked around noon.", [("around noon", "TIME", "2024-12-03T12:00", "APPROX")]),
        ("Output fell in early 2024 and mid-2023.",
         [("early 2024", "DATE", "2024", "START"), ("mid-2023", "DATE", "2023", "MID")]),
        ("The firm grew 4,000 jobs in May and may grow more.", [("May", "DATE", "2024-05", None)]),
    ],
)
def test_must_haves(nlp, text, expected):
    assert found(nlp, text) == expected


def test_offsets_index_the_text(nlp):
    text = "Markets closed early on Friday.\n\nTrading resumes on Monday at 9 a.m."
    for t in extract_times(nlp(text), PUBLISHED):
        assert text[t.start : t.end] == t.text


def test_without_publication_date_values_stay_underspecified(nlp):
    assert found(nlp, "The ministry said on November 20 it would act on Friday.", None) == [
        ("November 20", "DATE", "XXXX-11-20", None),
        ("Friday", "DATE", "XXXX-WXX-5", None),
    ]


def test_clock_time_takes_the_day_named_in_its_sentence(nlp):
    assert found(nlp, "The plane landed on Tuesday at 18:00 UTC.") == [
        ("Tuesday", "DATE", "2024-12-03", None),
        ("18:00 UTC", "TIME", "2024-12-03T18:00Z", None),
    ]


# Cases of the recognizers' spec that read like news, with the value it expects.
NEWS_CASES = {
    "Eli Lilly sold IVAC on Dec. 31 , 1994": "1994-12-31",
    "I'll go back 04th Jan 2019.": "2019-01-04",
    "I'll go back today": "2016-11-07",
    "I'll go back tomorrow": "2016-11-08",
    "I'll go back yesterday": "2016-11-06",
    "I want to loan $10000 over 3 years": "P3Y",
    "Book a room for two days?": "P2D",
    "Please schedule a meeting with everyone next week": "2020-W25",
    "Where were you on this past Wednesday?": "2019-01-30",
    "2/29/2020": "2020-02-29",
}


def _spec_cases() -> list:
    path = SPECS / "DateTimeModel.en.json"
    if not path.exists():
        return []
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    return [pytest.param(c, id=c["Input"]) for c in cases if c["Input"] in NEWS_CASES]


@pytest.mark.skipif(not (SPECS / "DateTimeModel.en.json").exists(), reason="spec data absent")
@pytest.mark.parametrize("case", _spec_cases())
def test_datetime_spec_cases(nlp, case):
    result = case["Results"][0]
    assert result["Resolution"]["values"][0]["timex"] == NEWS_CASES[case["Input"]]
    reference = date.fromisoformat(case["Context"]["ReferenceDateTime"][:10])
    overlapping = [
        t.value for t in extract_times(nlp(case["Input"]), reference)
        if t.start < result["End"] and result["Start"] < t.end
    ]
    assert overlapping == [NEWS_CASES[case["Input"]]]
