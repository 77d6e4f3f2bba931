"""Entity grouping: one record per person or organisation, with roles and one type."""

import pytest
from spacy.tokens import Span

from saidwhat.extract.entities import extract_entities
from saidwhat.nlp import load


@pytest.fixture(scope="module")
def nlp():
    return load()


def entities(nlp, text):
    return [(e.name, e.type, e.roles, [text[s:t] for s, t in e.mentions]) for e in extract_entities(nlp(text)).records]


def test_title_surname_and_description_are_one_entity(nlp):
    text = (
        "Belarusian President Alexander Lukashenko met officials in Minsk on Monday. "
        "Lukashenko said the talks went well. The Belarusian leader did not take questions."
    )
    assert entities(nlp, text) == [
        (
            "Alexander Lukashenko", "PERSON", ["Belarusian President"],
            ["Alexander Lukashenko", "Lukashenko", "The Belarusian leader"],
        ),
        ("Minsk", "GPE", [], ["Minsk"]),
    ]


def test_appositive_role(nlp):
    text = "Maria Keller, the German finance minister, said the budget was balanced."
    (keller,) = entities(nlp, text)
    assert keller[:3] == ("Maria Keller", "PERSON", ["the German finance minister"])
    assert keller[3] == ["Maria Keller", "the German finance minister"]


def test_description_goes_to_the_entity_sharing_its_modifier(nlp):
    text = (
        "Marovian President Dariusz Kalnek spoke first. Forum leader Irena Sobota replied. "
        "The Marovian leader left early."
    )
    records = {e[0]: e for e in entities(nlp, text)}
    assert records["Dariusz Kalnek"][3] == ["Dariusz Kalnek", "The Marovian leader"]
    assert records["Irena Sobota"][3] == ["Irena Sobota"]


def test_one_type_per_name(nlp):
    doc = nlp("Kestrel Dynamics said on Monday it would expand. Kestrel Dynamics employs 4,000 people.")
    # Make the NER disagree with itself: PERSON in one sentence, ORG in the next.
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 9, 11, label="ORG")]
    assert [(e.text, e.label_) for e in doc.ents] == [("Kestrel Dynamics", "PERSON"), ("Kestrel Dynamics", "ORG")]
    records = extract_entities(doc).records
    kestrel = [e for e in records if e.name == "Kestrel Dynamics"]
    assert len(kestrel) == 1
    assert kestrel[0].type == "ORG"
    assert len(kestrel[0].mentions) == 2


def test_honorific_and_possessive_are_not_part_of_the_name(nlp):
    text = "Mr. Tom Hale's office said he was ill. Mr. Hale declined to comment."
    names = [e[0] for e in entities(nlp, text)]
    assert names[0] == "Tom Hale"
    assert len([n for n in names if "Hale" in n]) == 1


def test_surname_alone_is_a_mention_even_when_the_ner_misses_it(nlp):
    text = "Mayor Maria Lopez said the bridge would reopen by June 30. Lopez said the city will build more housing."
    (lopez,) = [e for e in entities(nlp, text) if e[1] == "PERSON"]
    assert lopez[0] == "Maria Lopez"
    assert lopez[3] == ["Maria Lopez", "Lopez"]
