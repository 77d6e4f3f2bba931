"""The attribute ruler and lemmatizer as table look-ups annotate exactly as spaCy's own components."""

from __future__ import annotations

import pytest
import spacy

from saidwhat.nlp import model_name
from saidwhat.nlp.components import use_attribute_table, use_lemma_table
from saidwhat.nlp.tables import AttributeTable, LemmaTable

# Words that the English ruler's exception patterns single out: contractions, "gonna", "y'all",
# object pronouns, "there is", demonstratives as pronouns, auxiliaries, double spaces and lines.
TEXTS = [
    "The minister said on Tuesday that the talks ain't over and they're gonna resume in May.",
    "\"Y'all know it,\" she told them.  There is no deal, and that was clear to me and to you.",
    "He didn't say whether the central bank had raised rates;\n\nofficials declined to comment.",
    "Shares of Kralov Mining fell 4.5% after the company's chief executive resigned unexpectedly.",
    "Those who have seen the documents say they show nothin' new, according to the daily Ostra.",
    "",
]


def annotations(docs) -> list[list[tuple]]:
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in docs]


@pytest.fixture(scope="module")
def stock() -> spacy.Language:
    return spacy.load(model_name())


@pytest.fixture(scope="module")
def tabled() -> spacy.Language:
    nlp = spacy.load(model_name())
    assert use_attribute_table(nlp) and use_lemma_table(nlp)
    return nlp


def test_tables_replace_the_components_under_their_names(stock, tabled):
    assert tabled.pipe_names == stock.pipe_names
    assert isinstance(tabled.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(tabled.get_pipe("lemmatizer"), LemmaTable)


def test_tables_annotate_as_spacy_does(stock, tabled):
    # twice over, so the second pass reads the lemmas the first one remembered
    for _ in range(2):
        assert annotations(tabled.pipe(TEXTS)) == annotations(stock.pipe(TEXTS))


def test_the_ruler_exceptions_take_effect(tabled):
    doc = tabled("They ain't gonna stop, y'all.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["ai"], lemmas["gon"], lemmas["na"], lemmas["y'"]) == ("be", "go", "to", "you")


def test_a_full_lemma_table_starts_afresh_and_stays_right(stock, tabled, monkeypatch):
    table = tabled.get_pipe("lemmatizer")
    monkeypatch.setattr(LemmaTable, "LIMIT", 3)
    expected = list(stock.pipe(TEXTS))
    assert annotations(tabled.pipe(TEXTS)) == annotations(expected)
    seen = {(t.orth, t.pos, t.morph.key) for doc in expected for t in doc}
    assert 0 < len(table.lemmas) < len(seen)


def test_a_ruler_pattern_beyond_the_table_keeps_the_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "good"})
    assert not use_attribute_table(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_a_pipeline_without_them_is_left_alone():
    nlp = spacy.blank("en")
    assert not use_attribute_table(nlp) and not use_lemma_table(nlp)
    assert nlp.pipe_names == []


def test_a_ruler_of_one_attribute_runs_as_a_table():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "nope"}]], {"LEMMA": "no"})
    ruler.add([[{"LOWER": {"IN": ["wee", "smol"]}}]], {"NORM": "small"})
    assert use_attribute_table(nlp)
    doc = nlp("Nope, a wee and smol town")
    assert [t.lemma_ for t in doc] == ["no", "", "", "", "", "", ""]
    assert [t.norm_ for t in doc] == ["nope", ",", "a", "small", "and", "small", "town"]
