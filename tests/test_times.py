"""TIMEX3 extents, types and values for the expressions news needs, anchored to 2024-12-03."""

from __future__ import annotations

import json
from datetime import date

import pytest
from needs import SHARED_DATA

from saidwhat import nlp as nlp_loader
from saidwhat.extract.time import extract_times

PUBLISHED = date(2024, 12, 3)  # a Tuesday, ISO week 49
SPECS = SHARED_DATA / "datetime-specs" / "DateTimeModel.en.json"


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


# The issue's scope, one bullet at a time (publication date Tuesday 2024-12-03).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weeks, weekends, quarters, halves, seasons
        ("Shares fell this week and rose earlier in the week.",
         [("this week", "DATE", "2024-W49", None), ("earlier in the week", "DATE", "2024-W49", None)]),
        ("Protests are planned for this weekend.", [("this weekend", "DATE", "2024-W49-WE", None)]),
        ("Museums are free on weekends.", [("weekends", "SET", "XXXX-WXX-WE", None)]),
        ("Car sales rebounded in the last week of March.",
         [("the last week of March", "DATE", "2024-W13", None)]),
        ("They met on Tuesday of last week.", [("Tuesday of last week", "DATE", "2024-11-26", None)]),
        ("Profits will rise next quarter.", [("next quarter", "DATE", "2025-Q1", None)]),
        ("The economy shrank for two consecutive quarters.",
         [("two consecutive quarters", "DURATION", "P2Q", None)]),
        ("Output will grow in the first half of next year.",
         [("the first half of next year", "DATE", "2025-H1", None)]),
        ("Turnover fell in the second half of last year.",
         [("the second half of last year", "DATE", "2023-H2", None)]),
        ("The new terminal will open this spring.", [("this spring", "DATE", "2025-SP", None)]),
        ("The old terminal reopened this spring.", [("this spring", "DATE", "2024-SP", None)]),
        ("Sales rose last summer.", [("last summer", "DATE", "2024-SU", None)]),
        ("Spending will fall in the next fiscal year.", [("next fiscal year", "DATE", "FY2025", None)]),
        # modifiers
        ("Earnings fell late in the day.", [("late in the day", "DATE", "2024-12-03", "END")]),
        ("The talks will end at the end of the month.",
         [("the end of the month", "DATE", "2024-12", "END")]),
        ("Prices will rise in late 2025.", [("late 2025", "DATE", "2025", "END")]),
        ("The vote is set for mid-March.", [("mid-March", "DATE", "2025-03", "MID")]),
        # next Tuesday, later / earlier
        ("The minister will visit next Tuesday.", [("next Tuesday", "DATE", "2024-12-10", None)]),
        ("The minister speaks on Tuesday.", [("Tuesday", "DATE", "2024-12-03", None)]),
        ("The runway will close later this year.", [("later this year", "DATE", "2024", None)]),
        ("The plant will open later in the year.", [("later in the year", "DATE", "2024", None)]),
        ("Contracts end after October of next year.",
         [("October", "DATE", "2025-10", None), ("next year", "DATE", "2025", None)]),
        ("The company was founded in June of 1992.", [("June of 1992", "DATE", "1992-06", None)]),
        # vague durations, as TimeML writes them
        ("The firm has struggled for years.", [("years", "DURATION", "PXY", None)]),
        ("The shares collapsed within minutes.", [("minutes", "DURATION", "PTXM", None)]),
        ("The decades-long dispute ended.", [("decades-long", "DURATION", "PXDE", None)]),
        ("The drought lasted several decades.", [("several decades", "DURATION", "PXDE", None)]),
        ("Sales have fallen in recent years.", [("recent years", "DURATION", "PXY", None)]),
        ("The process would take between 60 and 90 days.",
         [("60", "DURATION", "P60D", None), ("90 days", "DURATION", "P90D", None)]),
        # holidays
        ("Shops will be busy at Christmas.", [("Christmas", "DATE", "2024-12-25", None)]),
        ("Shops were busy at Christmas.", [("Christmas", "DATE", "2023-12-25", None)]),
        ("Easter 2025 falls in April.",
         [("Easter 2025", "DATE", "2025-04-20", None), ("April", "DATE", "2025-04", None)]),
        ("The market closes on New Year's Eve.", [("New Year's Eve", "DATE", "2024-12-31", None)]),
        ("The parade was held on Thanksgiving.", [("Thanksgiving", "DATE", "2024-11-28", None)]),
        ("Stores open early on Black Friday and Cyber Monday.",
         [("Black Friday", "DATE", "2024-11-29", None), ("Cyber Monday", "DATE", "2024-12-02", None)]),
        # time zones: the clock time as written, marked Z only when it is UTC
        ("The vote opens at 9 a.m. EST.", [("9 a.m. EST", "TIME", "2024-12-03T09:00", None)]),
        ("The plane landed at 6:40 p.m. (GMT+8).",
         [("6:40 p.m. (GMT+8)", "TIME", "2024-12-03T18:40", None)]),
        ("The plane landed at 23:30 GMT on Monday.",
         [("23:30 GMT on Monday", "TIME", "2024-12-02T23:30Z", None)]),
        ("Polls close at 8 p.m. ET.", [("8 p.m. ET", "TIME", "2024-12-03T20:00", None)]),
        # ranges: the two dates and the span between them
        ("The rebate applies from 2009 to 2011.",
         [("2009", "DATE", "2009", None), ("2011", "DATE", "2011", None),
          ("from 2009 to 2011", "DURATION", "P2Y", None)]),
        ("Prices will be frozen between March and June.",
         [("March", "DATE", "2025-03", None), ("June", "DATE", "2025-06", None),
          ("between March and June", "DURATION", "P3M", None)]),
        ("Crime fell from the 1960s to the 1990s.",  # decades: no span, and no crash
         [("the 1960s", "DATE", "196", None), ("the 1990s", "DATE", "199", None)]),
        # references back to a time named earlier
        ("Sales rose 4% in November compared with the same period last year.",
         [("November", "DATE", "2024-11", None), ("the same period last year", "DATE", "2023-11", None)]),
        ("The buyer will pay by June 10. If he has not paid by that time, the deal lapses.",
         [("June 10", "DATE", "2025-06-10", None), ("that time", "DATE", "2025-06-10", None)]),
        ("Apple unveiled iLife '11 and new laptops.", []),
        # a model year before a make and model is no date; a year of a company's earnings is
        ("Kessler unveiled the 2026 Audi Q9 Sportback in Leeds.", []),
        ("Analysts cut their 2025 Kessler Motors earnings forecasts.", [("2025", "DATE", "2025", None)]),
        # nor is one before "model", but for "model year"; an aircraft's model number is no decade
        ("Dealers cut prices on 2025 model cars.", []),
        ("The car was restyled for the 2027 model year.", [("2027", "DATE", "2027", None)]),
        ("Regulators ordered checks of all 400 DC-10s in service.", []),
        # the year's end: this one's, or the last one's when looked back on; not a kind of thing
        ("The bank expects to complete the sale by year-end.", [("year-end", "DATE", "2024-12-31", None)]),
        ("The index has risen 10% since year-end.", [("year-end", "DATE", "2023-12-31", None)]),
        ("Year-end bonuses were cut.", []),
        ("Payments will resume by the fiscal year-end on October 31.", [("October 31", "DATE", "2025-10-31", None)]),
        # the day a year ends on is that year's, or the later one's of two written as one
        ("Profit will rise in fiscal 2025/26 ending March 31.", [("March 31", "DATE", "2026-03-31", None)]),
        ("Sales fell in the 1999/00 year to June 30.", [("June 30", "DATE", "2000-06-30", None)]),
        # a part of the day capitalised after a lower-case word is a name
        ("Vanderbilt raised its stake in Morning to 94 pct.", []),
        # "this" and a month with its day: the day, not the month
        ("The bonds will be repaid this June 9 at par.", [("June 9", "DATE", "2025-06-09", None)]),
    ],
)
def test_scope(nlp, text, expected):
    assert found(nlp, text) == expected


def test_bare_weekday_follows_a_narrative_date(nlp):
    text = "On March 3, 2024, the council met. On Friday, it approved the budget."
    assert found(nlp, text) == [
        ("March 3, 2024", "DATE", "2024-03-03", None), ("Friday", "DATE", "2024-03-08", None),
    ]


def test_bare_weekday_keeps_the_publication_week_when_the_date_is_near_it(nlp):
    text = "The council met on November 30. On Friday, it approved the budget."
    assert found(nlp, text) == [
        ("November 30", "DATE", "2024-11-30", None), ("Friday", "DATE", "2024-11-29", None),
    ]


def test_a_paragraph_break_ends_the_narrative(nlp):
    text = "On March 3, 2024, the council met.\n\nOn Friday, it approved the budget."
    assert found(nlp, text)[1] == ("Friday", "DATE", "2024-11-29", None)


def test_dateline_stands_in_for_a_missing_publication_date(nlp):
    text = "Car sales fall\nFebruary 03 , 2009\nSales fell in January and rose last month ."
    assert found(nlp, text, None) == [
        ("February 03 , 2009", "DATE", "2009-02-03", None), ("January", "DATE", "2009-01", None),
        ("last month", "DATE", "2009-01", None),
    ]


def test_clock_time_takes_the_date_written_right_after_it(nlp):
    assert found(nlp, "The council met at 16:15 GMT, June 1st.") == [
        ("16:15 GMT", "TIME", "2024-06-01T16:15Z", None), ("June 1st", "DATE", "2024-06-01", None),
    ]


def test_clock_time_takes_the_day_after_the_same_time_in_another_zone(nlp):
    found_times = found(nlp, "The blast in Tarno occurred at 10:35 a.m. (0735 GMT) Friday, officials said.")
    assert [value for _, _, value, _ in found_times[:2]] == ["2024-11-29T10:35", "2024-11-29T07:35Z"]


@pytest.mark.parametrize(("text", "expression", "value"), [
    # an infinitive under a past clause tells of that past...
    ("Problems made it hard for Norvale to meet demand well into the summer.", "summer", "2024-SU"),
    # ...unless the clause asks for it or plans it
    ("The minister asked the airline to resume flights in August.", "August", "2025-08"),
    # a participle after a preposition is in its clause's tense
    ("Two flights would leave Tarno on Mondays, with the third departing from August 6.", "August 6", "2025-08-06"),
    # a decision told in the past dates its act on either side of today (the nearer month)...
    ("Prosecutors decided to reopen the investigation in June.", "June", "2024-06"),
    # ...and a term in a clause that looks ahead is still ahead
    ("The owners refuse to begin negotiations until June.", "June", "2025-06"),
])
def test_a_clause_inside_another_takes_its_direction_from_it(nlp, text, expression, value):
    assert [v for t, _, v, _ in found(nlp, text) if t == expression] == [value]


def test_a_participle_after_another_preposition_keeps_its_own_direction(nlp):
    text = "Economists said incomes should rise in February after being flat in January."
    assert [v for t, _, v, _ in found(nlp, text, date(1987, 3, 5)) if t == "January"] == ["1987-01"]


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


# Cases of the Recognizers-Text datetime spec, each with the value it expects. Kept: cases with one
# expected expression whose value is a plain TIMEX3 value (not a range tuple), and whose
# expression a news report would print: calendar dates, days and weeks relative to today,
# "earlier/later this ...", the end of a period, durations and frequencies, the present.
# Left out: chat phrasing without a news counterpart ("one a day", "w/c Feb 4", "=2019"), and
# cases where the spec's convention departs from TimeML's: unanchored dates written XXXX, vague
# counts resolved to 3 ("a few minutes" as PT3M), "next Friday" as the Friday of next week.
NEWS_CASES = {
    "Eli Lilly sold IVAC on Dec. 31 , 1994": "1994-12-31",
    "I'll go back 04th Jan 2019.": "2019-01-04",
    "2/29/2020": "2020-02-29",
    "I'll go back today": "2016-11-07",
    "I'll go back tomorrow": "2016-11-08",
    "I'll go back yesterday": "2016-11-06",
    "I'll go back now": "PRESENT_REF",
    "Where were you on this past Wednesday?": "2019-01-30",
    "Please schedule a meeting with everyone next week": "2020-W25",
    "please schedule something for the following week": "2018-W32",
    "We could have scheduled a time to meet earlier this month.": "2018-05",
    "We could have scheduled a time to meet earlier in the week.": "2018-W22",
    "I will finish the work later this week": "2018-W48",
    "Please find us a time to meet later this year": "2018",
    "Please find us a time to meet later in the year": "2018",
    "I'll go back by end of this month": "2016-11",
    "I'll go back end of this year": "2016",
    "I want to loan $10000 over 3 years": "P3Y",
    "Book a room for two days?": "P2D",
    "I'll leave for 3 minutes": "PT3M",
    "I'll leave for an hour": "PT1H",
    "this appointment shouldn't last two hours at all": "PT2H",
    "I suppose one and a half hours are sufficient to finish the task.": "PT1.5H",
    "I'll leave every day": "P1D",
    "I'll leave weekly": "P1W",
    "Let's meet once a week": "P1W",
    "Let's have a quarterly meeting.": "P3M",
    "I'll leave annually": "P1Y",
    "it's almost time for the annual review": "P1Y",
    "I'll leave every monday": "XXXX-WXX-1",
}


def _spec_cases() -> list:
    """The chosen cases, read while pytest collects; none where the corpora are missing (the test
    below then reports the absence through ``shared_data``)."""
    if not SPECS.exists():
        return []
    cases = json.loads(SPECS.read_text(encoding="utf-8-sig"))
    return [pytest.param(c, id=c["Input"]) for c in cases if c["Input"] in NEWS_CASES]


def test_every_chosen_case_is_in_the_spec(shared_data):
    assert {c.values[0]["Input"] for c in _spec_cases()} == set(NEWS_CASES)
    assert all(len(c.values[0]["Results"]) == 1 for c in _spec_cases())


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


# Regressions of issue 22: each an invented article sentence in the shape of the failing one.
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Wire copy wrapped mid-sentence: the expression runs over the line break.
        ("Finance Minister Anna Berg\nsaid she will use emergency powers under the Treasury\nAct to "
         "raise an additional 500 mln dlrs in next\nThursday's bond auction.\n    The ministry said "
         "the powers would let\nthe government keep to its borrowing plan.",
         date(1987, 2, 26), [("next\nThursday", "DATE", "1987-03-05", None)]),
        ("Hansa Air has ordered six jets from the\nBremen plant and said the first delivery of\nthe new "
         "model is scheduled for the summer of\n1990.\n    Hansa Air currently flies four\nolder jets.",
         date(1987, 2, 26), [("the summer of\n1990", "DATE", "1990-SU", None),
                             ("currently", "DATE", "PRESENT_REF", None)]),
        # A condition takes its tense from the clause it conditions.
        ("The minister said the state could step in if more strikes were called before Christmas.",
         date(2025, 10, 24), [("Christmas", "DATE", "2025-12-25", None)]),
        # A date on a noun dates that noun's event, whatever the verb's tense.
        ("The union did not rule out more walkouts in late November.",
         date(2025, 10, 24), [("late November", "DATE", "2025-11", "END")]),
        ("Asked whether a rate move in September was possible, the governor declined to say.",
         date(2025, 6, 19), [("September", "DATE", "2025-09", None)]),
        # ... but an event named inside a future clause lies ahead with it.
        ("Commander Ruth Okafor will lead the crew for a mission in December, the agency said.",
         date(1998, 3, 4), [("December", "DATE", "1998-12", None)]),
        ("The agency sent the crew on a mission in December.",
         date(1998, 3, 4), [("December", "DATE", "1997-12", None)]),
        # The end a past verb set for a span may lie ahead.
        ("The group extended to Nov. 20 its offer for the chain's shares.",
         date(1989, 11, 2), [("Nov. 20", "DATE", "1989-11-20", None)]),
        # Quarter results come out after the quarter: the one just ended, and the day is a day.
        ("The studio is expected to report second-quarter results on August 6.",
         date(2026, 7, 22), [("second-quarter", "DATE", "2026-Q2", None),
                             ("August 6", "DATE", "2026-08-06", None)]),
        ("The German daily Morgenblatt reported the merger on Monday.",
         date(2026, 7, 22), [("Monday", "DATE", "2026-07-20", None)]),
        ("Officials told the German daily that talks would resume.", date(2026, 7, 22), []),
        # A holiday that only says what kind of thing a noun is dates nothing; one that dates a
        # time or an event around it does.
        ("The deal will bring back poems, Christmas cards and letters.", date(2019, 11, 15), []),
        ("Retailers expect strong Christmas sales.", date(2019, 11, 15),
         [("Christmas", "DATE", "2019-12-25", None)]),
    ],
)
def test_issue_22_regressions(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "as soon as" joins two events; "as soon as possible" is a time of its own
        ("Foreigners may leave as soon as the threats end.", date(1990, 8, 15), []),
        ("The agency will sell the unit as soon as possible.", date(1989, 11, 1),
         [("as soon as possible", "FUTURE_REF")]),
        # a Monday paper's past weekend is the one just gone; a coming one lies ahead
        ("Rebels shelled the port over the weekend.", date(2024, 12, 2), [("the weekend", "2024-W48-WE")]),
        ("Talks will resume over the weekend.", date(2024, 12, 2), [("the weekend", "2024-W49-WE")]),
        # a weekday that ends a span from a past date reaches the present, not the narrative
        ("The fund bought 200,000 shares from Sept. 14 to Thursday.", date(1989, 10, 30),
         [("Sept. 14", "1989-09-14"), ("Thursday", "1989-10-26"), ("from Sept. 14 to Thursday", "P42D")]),
        # two months that open and close a span follow each other, nearer the anchor looking back
        ("Melzer noted the growth in bank loans in November through January.", date(1987, 4, 3),
         [("November", "1986-11"), ("January", "1987-01")]),
        ("Loans will grow in November through January.", date(1987, 9, 3),
         [("November", "1987-11"), ("January", "1988-01")]),
        # a weekday named again is the same day; a date on a noun does not move the narrative
        ("Kopp was charged Thursday with murder. He was last seen Nov. 3 near the clinic. Until "
         "Thursday, police had not called him a suspect.", date(1999, 5, 7),
         [("Thursday", "1999-05-06"), ("Nov. 3", "1998-11-03"), ("Thursday", "1999-05-06")]),
        ("Police have hunted him since shortly after the Oct. 23 killing. On Tuesday they named him.",
         date(1999, 5, 6), [("Oct. 23", "1998-10-23"), ("Tuesday", "1999-05-04")]),
        # ... unless its own tense puts it on the other side of the publication date
        ("Forecasters warn the smog will reach severe levels on Wednesday. The embassy reported "
         "Wednesday that its index reached 408.", date(2019, 11, 8),
         [("Wednesday", "2019-11-13"), ("Wednesday", "2019-11-06")]),
        # "since" looks back, whatever the verb
        ("Inspectors had been allowed to carry out their work since Jan. 13.", date(1998, 3, 6),
         [("Jan. 13", "1998-01-13")]),
        # a clock time takes the day written after it, and keeps its local hour
        ("The bank extended its offer until 5 p.m. EST Nov. 9.", date(1989, 11, 2),
         [("5 p.m. EST Nov. 9", "1989-11-09T17:00")]),
        ("The quake struck two weeks ago.", date(1998, 3, 22), [("two weeks ago", "1998-03-08")]),
        ("The boy was rescued on Thanksgiving Day and flown to Miami last Thanksgiving.",
         date(2000, 1, 7), [("Thanksgiving Day", "1999-11-25"), ("last Thanksgiving", "1999-11-25")]),
        # years as a broadcast speaks them
        ("In nineteen ninety-one the lender collapsed.", date(1998, 1, 8), [("nineteen ninety-one", "1991")]),
        ("January nineteen ninety-seven. A bomb hits a clinic.", date(1998, 2, 27),
         [("January nineteen ninety-seven", "1997-01")]),
        ("The pledge to halve unemployment by the year two thousand was dropped.", date(1998, 3, 5),
         [("the year two thousand", "2000")]),
        ("Some two thousand troops crossed the border.", date(1998, 3, 5), []),
        # a quarter without a tense or a year: the one nearest the publication date
        ("The carrier announced a drop in profits for the fourth quarter.", date(1998, 1, 26),
         [("the fourth quarter", "1997-Q4")]),
        # a date put off to lies ahead
        ("Officials postponed until Tuesday morning any action on the case.", date(2000, 3, 30),
         [("Tuesday morning", "2000-04-04TMO")]),
        # a month that premodifies a noun dates that noun only
        ("The bank is trying to sell itself under a June agreement with holders.", date(1989, 10, 27),
         [("June", "1989-06")]),
        # a results story reports a recent quarter, not one of years past
        ("Halden stopped paying a dividend in the third quarter of 1984. Halden reported "
         "third-quarter net of $68 million, up from $66 million a year ago.", date(1989, 10, 27),
         [("the third quarter of 1984", "1984-Q3"), ("third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")]),
        # fractions of a unit
        ("Refugees lived in the camps for 2 1/2 years.", date(1998, 2, 27), [("2 1/2 years", "P2Y6M")]),
        ("A minute and a half later, the jet vanished.", date(1998, 1, 14),
         [("A minute and a half", "PT1M30S")]),
        ("Shares fell in the last twenty four hours.", date(1998, 1, 8),
         [("the last twenty four hours", "PT24H")]),
        ("The project was delayed by two and a half years.", date(2008, 5, 24),
         [("two and a half years", "P2.5Y")]),
        # an infinitive under a past perfect leaves the direction open: the nearest Friday
        ("The offer had been due to expire Friday evening.", date(1989, 10, 30),
         [("Friday evening", "1989-10-27TEV")]),
        # wire copy spells the day; "this" with a day is the coming one
        ("The offer will expire April One unless extended.", date(1987, 3, 5), [("April One", "1987-04-01")]),
        ("Sales slipped in April. One buyer left.", date(1987, 5, 5), [("April", "1987-04")]),
        # ... and in lower case, a day under ten, unless the number counts what follows it
        ("The dividend is payable to holders of record April six.", date(1987, 3, 31),
         [("April six", "1987-04-06")]),
        ("Holders will vote on the merger at its May six meeting.", date(1987, 3, 31), [("May six", "1987-05-06")]),
        ("In March two companies closed their plants.", date(1987, 5, 5), [("March", "1987-03")]),
        ("In March three of the mills shut.", date(1987, 5, 5), [("March", "1987-03")]),
        # the next century is a date; the next decade, when a part of it is meant
        ("By early in the next century, synthetic fuels will matter.", date(1987, 3, 31),
         [("early in the next century", "20")]),
        ("The plant will close by the end of the next decade.", date(1987, 3, 31),
         [("the end of the next decade", "199")]),
        ("Prices will rise over the next decade.", date(1987, 3, 31), [("the next decade", "P10Y")]),
        ("Fuels will matter in the next century. I think that time is coming.", date(1987, 3, 31),
         [("the next century", "20"), ("that time", "PAST_REF")]),
        ("The rest will be redeemed at par this August 18.", date(1987, 3, 5), [("August 18", "1987-08-18")]),
        # the month just ended is not a year ahead in a future clause: its figures are still to come
        ("The inflation rate is expected to show an improvement in February.", date(1987, 3, 2),
         [("February", "1987-02")]),
        ("The plant will open in January.", date(1987, 3, 2), [("January", "1988-01")]),
        # a deadline a day gone is not a year ahead
        ("The agency ruled that the boy must be returned to Cuba by Jan. 14.", date(2000, 1, 15),
         [("Jan. 14", "2000-01-14")]),
        # a present progressive is a plan for its own day, not for one hung on it far past a comma
        ("The minister is meeting his Belgian counterpart on Wednesday.", date(1987, 4, 9),
         [("Wednesday", "1987-04-15")]),
        ("Economists doubt the Fed is firming policy, despite higher borrowings in the statement period "
         "and very heavy borrowings Wednesday.", date(1987, 4, 9), [("Wednesday", "1987-04-08")]),
        # the audience a speaker told is dated by the telling; an event on another noun is not
        ("The ambassador told a meeting of industrialists on Thursday that imports would rise.",
         date(1987, 4, 13), [("Thursday", "1987-04-09")]),
        ("The minister told the October trade meeting that tariffs would fall.", date(1987, 3, 18),
         [("October", "1986-10")]),
        ("Norvania told U.S., European and Japanese oil companies of a 15-20 percent cutback in its oil "
         "supply in September.", date(1990, 8, 16),
         [("September", "1990-09")]),
        # a weekday's event in the possessive is one the story looks back on, unless awaited or foreseen
        ("The fight was stopped in Thursday night's bout, the promoter said.", date(1987, 4, 13),
         [("Thursday night", "1987-04-09TNI")]),
        ("The notes carry a premium over Thursday's closing price.", date(1989, 10, 30),
         [("Thursday", "1989-10-26")]),
        ("Relatives said they would look for ways to get around Wednesday's ruling.", date(2000, 1, 7),
         [("Wednesday", "2000-01-05")]),
        ("Stocks rose ahead of Thursday's vote.", date(1989, 10, 30), [("Thursday", "1989-11-02")]),
        ("Dealers will bid in Thursday's auction.", date(1989, 10, 30), [("Thursday", "1989-11-02")]),
        ("Saturday's hog slaughter is estimated at 300,000 head.", date(1987, 3, 20), [("Saturday", "1987-03-21")]),
        ("He warned of a bitter confrontation during the summer's labor talks.", date(1987, 4, 13),
         [("summer", "1987-SU")]),
        # without a tense a day-month leans to the past: news reports what has happened
        ("The index ended within 70 points of its record high set on Aug. 6.", date(1998, 2, 6),
         [("Aug. 6", "1997-08-06")]),
    ],
)
def test_values_anchor_to_the_story(nlp, text, published, expected):
    assert [(t[0], t[2]) for t in found(nlp, text, published)] == expected


def test_daily_as_a_frequency_stays_a_set(nlp):
    assert found(nlp, "The canal agency said in its daily report that prices are fixed daily.") == [
        ("daily", "SET", "P1D", None), ("daily", "SET", "P1D", None),
    ]


def test_a_headline_break_still_ends_an_expression(nlp):
    text = "Markets to stay shut until Friday\nMarch 18 , 2008\nThe exchange will reopen on Friday ."
    assert [t[0] for t in found(nlp, text, date(2008, 3, 18))] == ["Friday", "March 18 , 2008", "Friday"]


def test_a_results_story_anchors_its_periods_to_the_quarter_it_reports(nlp):
    text = ("Corvan Inc. said third-quarter net income rose 12% to $5 million from $4.5 million a year "
            "earlier. Sales in the quarter climbed 8%. In the year-ago quarter, Corvan took a charge. "
            "For the nine months, net rose 4%.")
    assert found(nlp, text, date(1989, 10, 26)) == [
        ("third-quarter", "DATE", "1989-Q3", None), ("a year earlier", "DATE", "1988-Q3", None),
        ("the quarter", "DATE", "1989-Q3", None), ("the year-ago quarter", "DATE", "1988-Q3", None),
        ("the nine months", "DURATION", "P9M", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "last year" only places the month; with "of" it is an expression of its own
        ("In June last year, the rebels split.", [("June", "DATE", "2023-06", None)]),
        ("Dealers will hear after October of next year.",
         [("October", "DATE", "2025-10", None), ("next year", "DATE", "2025", None)]),
        # the article goes with a modified decade as with a bare one
        ("The group held power in the late 1970s.", [("the late 1970s", "DATE", "197", "END")]),
        ("It was the worst crash of the 20th century.", [("the 20th century", "DATE", "19", None)]),
        ("The cost will be spread over three years.", [("three years", "DURATION", "P3Y", None)]),
        ("The plant has been idle for over three years.",
         [("over three years", "DURATION", "P3Y", "MORE_THAN")]),
        ("Rescuers arrived just over an hour after the crash.",
         [("over an hour", "DURATION", "PT1H", "MORE_THAN")]),
        ("The ceasefire ended the eight-year war.", [("eight-year", "DURATION", "P8Y", None)]),
        ("For the year, sales rose. Net fell in the year ended June 30.",
         [("the year", "DATE", "2024", None), ("the year", "DURATION", "P1Y", None),
          ("June 30", "DATE", "2024-06-30", None)]),
        ("Exports fell in 1988. That year, imports rose.",
         [("1988", "DATE", "1988", None), ("That year", "DATE", "1988", None)]),
        ("She left in June 1998 and returned later that year.",
         [("June 1998", "DATE", "1998-06", None), ("later that year", "DATE", "1998", None)]),
        ("Investors worried about the future.", [("the future", "DATE", "FUTURE_REF", None)]),
        ("The plant will close over the next year or so.",
         [("the next year or so", "DURATION", "P1Y", None)]),
        ("The election is due this September.", [("this September", "DATE", "2024-09", None)]),
        ("He was promoted on May 2, 1995, and the following year he retired.",
         [("May 2, 1995", "DATE", "1995-05-02", None), ("the following year", "DATE", "1996", None)]),
        ("The board declared a dividend, payable Jan. 15 to holders of record Dec. 20.",
         [("Jan. 15", "DATE", "2025-01-15", None), ("Dec. 20", "DATE", "2024-12-20", None)]),
    ],
)
def test_timeml_extents_and_anaphora(nlp, text, expected):
    assert found(nlp, text) == expected
