"""Acronyms as wire stories write them, and the initials of the names they stand for."""

import pytest

from saidwhat.extract.entities.acronyms import acronym, initialisms


@pytest.mark.parametrize(("written", "letters"), [
    ("IBM", "ibm"), ("U.S.", "us"), ("S and P", "sp"), ("S&P", "sp"), ("AT and T", "att"),
    ("Fed", None), ("CHRYSLER", None), ("US IBM", None), ("S and p", None), ("A", None),
])
def test_an_acronym_is_a_short_form_in_capitals_without_its_dots_and_ands(written: str, letters: str | None) -> None:
    assert acronym(written) == letters


@pytest.mark.parametrize(("words", "expected"), [
    ("National Association of Realtors", {"nar"}),
    ("U.S. Agriculture Department", {"usad", "usda"}),  # USDA: U.S. Department of Agriculture
    ("Finance Ministry", {"fm", "mf"}),
    ("Bahrain Monetary Agency", {"bma"}),  # an agency is not written first
    ("Standard and Poor", {"sp"}),
    ("Inter-American Development Bank", {"iadb"}),  # a hyphen or slash joins words with a letter each
    ("Marlow/Hesketh Partners", {"mhp"}),
    ("non-Aligned Movement", set()),
    ("parent bank commission", set()),  # a description has no initials
    ("Reuters", set()),
])
def test_a_name_has_its_initials_as_written_and_as_its_official_form(words: str, expected: set[str]) -> None:
    assert initialisms(words.split()) == expected


def test_a_name_in_capitals_has_the_core_of_the_same_name_written_in_lower_case() -> None:
    from saidwhat.actors.names import core

    expected = ["moody", "investors", "service"]
    assert core("MOODY'S INVESTORS SERVICE INC") == core("Moody's Investors Service Inc") == expected
