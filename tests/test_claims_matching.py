"""The parts follow-ups are made of: words, story scores and relations, on invented sentences."""

from __future__ import annotations

import pytest

from saidwhat.claims.matching import best_sentence, story_score
from saidwhat.claims.relations import relation
from saidwhat.claims.terms import sentences, terms


def test_terms_are_stems_of_content_words_and_numbers_without_reporting_verbs() -> None:
    assert terms("The minister said fees were cutting by 1,500 crowns, she told reporters.") == [
        "minist", "fee", "cut", "1500", "crown", "report",
    ]


def test_a_wire_paragraph_is_a_sentence_of_its_own() -> None:
    text = "Fees fall in April\n    The board voted. It met on Monday."
    assert [text[a:b] for a, b in sentences(text)] == ["Fees fall in April", "The board voted.", "It met on Monday."]


def test_each_item_of_a_digest_is_a_sentence_of_its_own() -> None:
    text = "Tarno shipped 7,500 tonnes of rye in the week...Norvale will tender May 3 for wheat, an agent said..."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Tarno shipped 7,500 tonnes of rye in the week...", "Norvale will tender May 3 for wheat, an agent said...",
    ]


QUERY = {"harbour": 3.0, "fee": 2.0, "norval": 4.0}


def test_a_story_of_average_length_holding_every_word_once_scores_one() -> None:
    assert story_score(QUERY, {"harbour": 1, "fee": 1, "norval": 1, "port": 7}, 10, 10.0) == pytest.approx(1.0)


def test_a_longer_story_with_the_same_words_scores_less_and_missing_words_cost_their_weight() -> None:
    words = {"harbour": 1, "fee": 1, "norval": 1}
    assert story_score(QUERY, words, 40, 10.0) < story_score(QUERY, words, 10, 10.0)
    assert story_score(QUERY, {"harbour": 1, "fee": 1}, 10, 10.0) == pytest.approx(5 / 9)
    assert story_score({}, words, 10, 10.0) == 0.0


def test_the_evidence_is_the_sentence_holding_most_of_the_claim() -> None:
    text = "Ports were busy. Norvale lowered harbour fees on Tuesday. Fees elsewhere rose."
    evidence = best_sentence(QUERY, text)
    assert evidence is not None and text[slice(*evidence.span)] == "Norvale lowered harbour fees on Tuesday."
    assert evidence.matched == {"norval", "harbour", "fee"}
    assert best_sentence(QUERY, "Nothing about it here.") is None


@pytest.mark.parametrize(("sentence", "future", "headline", "expected"), [
    ("The ministry cut harbour fees by 15 percent on Tuesday.", False, "", "happened"),
    ("The bond was priced at par, the lead manager said.", False, "", "happened"),
    ("The board has postponed the vote until June.", False, "", "delayed"),
    ("Shareholders heard the bidders' terms.", False, "Board again adjourns vote", "delayed"),
    ("The government scrapped its plan to cut fees.", False, "", "cancelled"),
    ("The ministry will cut the fees as planned.", False, "", "repeated"),
    ("Fees come down in April, the minister said.", True, "", "repeated"),
    ("The bank revised its forecast of growth to two percent.", False, "", "updated"),
    ("Analysts discussed the fee cut at length.", False, "", "updated"),
    ("A cut in fees remained the talk of the port.", False, "", "updated"),
    ("The price of the harbour bond due 1995 has been set at par.", True, "", "happened"),
    ("A meeting on the fees has been set for tomorrow.", True, "", "repeated"),
    ("No decision on the fees has been made yet, the minister will decide.", False, "", "repeated"),
    ("Last week, port ministers agreed to cut the fees unless shippers protested.", True, "", "happened"),
    ("The port eased fees last month by cutting its levy, and may go further next year.", False, "", "happened"),
    ("Last week the ministry said it will cut the fees.", True, "", "repeated"),
    ("Traders said Norvale will retender on Monday for 12,000 tonnes.", True, "", "delayed"),
    ("It bought 6,000 tonnes, traders said.", False, "Norvale retenders for olein", "delayed"),
    ("The port board has not approved the fee cut.", False, "", "updated"),  # a done verb denied
])
def test_relation(sentence: str, future: bool, headline: str, expected: str) -> None:
    assert relation(sentence, future, headline) == expected
