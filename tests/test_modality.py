"""When a statement was made, its stance, and the window a forward-looking one points to."""

from datetime import date

import pytest

from saidwhat.extract.time.values import window
from saidwhat.model import Article


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-H2", (date(2025, 7, 1), date(2025, 12, 31))),
        ("2025-Q1", (date(2025, 1, 1), date(2025, 3, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024-WI", (date(2024, 12, 1), date(2025, 2, 28))),
        ("2024-W48-WE", (date(2024, 11, 30), date(2024, 12, 1))),
        ("2024-W48", (date(2024, 11, 25), date(2024, 12, 1))),
        ("2025", (date(2025, 1, 1), date(2025, 12, 31))),
        ("199", (date(1990, 1, 1), date(1999, 12, 31))),
        ("2025-03-04", (date(2025, 3, 4), date(2025, 3, 4))),
        ("2025-03-04T15:00", (date(2025, 3, 4), date(2025, 3, 4))),
        ("PRESENT_REF", None),
        ("XXXX-11", None),
        ("2025-13", None),
    ],
)
def test_window(value, expected):
    assert window(value) == expected


def attributes(pipeline, text, published=date(2024, 12, 3), cue=None):
    """The attributes of the text's one statement (or of its one statement with this cue)."""
    statements = pipeline.extract(Article(id="t", text=text, published=published)).statements
    (s,) = [s for s in statements if cue is None or s.cue.text == cue]
    return s.said_on, s.hedged, s.negated, s.future, s.due


def test_hedged_future_with_due_date(pipeline):
    text = "Putin confirmed deployment could occur in the second half of 2025."
    assert attributes(pipeline, text) == (date(2024, 12, 3), True, False, True, date(2025, 12, 31))


def test_negated_cue(pipeline):
    text = "The ministry denied that any rules had been broken."
    assert attributes(pipeline, text) == (date(2024, 12, 3), False, True, False, None)


def test_denying_a_negation_cancels_out(pipeline):
    text = "The ministry denied that it would not pay."
    assert attributes(pipeline, text)[2] is False


def test_said_on_a_weekday_before_publication(pipeline):
    text = "Mayor Ellen Park said on Friday that the bridge would reopen next year."
    assert attributes(pipeline, text) == (date(2024, 11, 29), False, False, True, date(2025, 12, 31))


def test_plain_past_report(pipeline):
    text = "The agency said that exports fell in March."
    assert attributes(pipeline, text) == (date(2024, 12, 3), False, False, False, None)


def test_without_publication_date(pipeline):
    text = "The agency said that exports fell in March."
    assert attributes(pipeline, text, published=None)[0] is None


PUBLISHED = date(2024, 12, 3)
END_2026 = date(2026, 12, 31)


@pytest.mark.parametrize(
    "content",
    [
        "the plant could close in 2026",
        "the plant may close in 2026",
        "a closure is possible in 2026",
        "the plant is likely to close in 2026",
        "the plant is expected to close in 2026",
        "the company plans to close the plant in 2026",
    ],
)
def test_hedges(pipeline, content):
    text = f"The minister said {content}."
    assert attributes(pipeline, text, cue="said") == (PUBLISHED, True, False, True, END_2026)


def test_plain_future_is_not_hedged(pipeline):
    text = "The minister said the plant will close in 2026."
    assert attributes(pipeline, text) == (PUBLISHED, False, False, True, END_2026)


def test_said_on_a_leading_weekday(pipeline):
    text = "On Friday, the minister said the plant would close next week."
    assert attributes(pipeline, text) == (date(2024, 11, 29), False, False, True, date(2024, 12, 15))


def test_negated_content(pipeline):
    text = "The ministry said it would not raise taxes next year."
    assert attributes(pipeline, text) == (PUBLISHED, False, True, True, date(2025, 12, 31))


def test_negated_cue_with_auxiliary(pipeline):
    text = "The ministry did not say when the plant would reopen."
    assert attributes(pipeline, text) == (PUBLISHED, False, True, True, None)


def test_due_counts_a_duration_from_the_day_it_was_said(pipeline):
    text = "The CEO said on November 20 that the merger would close within two weeks."
    assert attributes(pipeline, text) == (date(2024, 11, 20), False, False, True, date(2024, 12, 4))


def test_going_to_is_future(pipeline):
    text = "The union said it is going to strike in January."
    assert attributes(pipeline, text) == (PUBLISHED, False, False, True, date(2025, 1, 31))


def test_past_window_is_not_due(pipeline):
    text = "The minister said the plant closed in 2023."
    assert attributes(pipeline, text) == (PUBLISHED, False, False, False, None)
