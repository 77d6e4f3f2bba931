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


@pytest.mark.parametrize(("text", "name"), [
    ("Jonas Brenn, leader of his Free Democratic Party, said the talks would go on.", "Free Democratic Party"),
    ("The trade bill Reagan branded as protectionist was blocked, aides said.", "Reagan"),
    ("The consortium bank Saudi International Bank said it would lend more.", "Saudi International Bank"),
    ("Ludwig van Eeghen said prices would rise.", "Ludwig van Eeghen"),  # a particle stays
    ("Students at the university of Costa Rica protested.", "university of Costa Rica"),  # not the country
])
def test_a_lower_case_word_run_into_a_name_is_not_part_of_it(nlp, text, name):
    assert name in [e[0] for e in entities(nlp, text)]


def test_surname_alone_is_a_mention_even_when_the_ner_misses_it(nlp):
    text = "Mayor Maria Lopez said the bridge would reopen by June 30. Lopez said the city will build more housing."
    (lopez,) = [e for e in entities(nlp, text) if e[1] == "PERSON"]
    assert lopez[0] == "Maria Lopez"
    assert lopez[3] == ["Maria Lopez", "Lopez"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Halvard said on Monday its profit rose. Halvard Corp had warned in January. The National "
         "Association of Realtors (NAR) said sales fell. NAR said prices rose. Kessler Aircraft "
         "Systems won the order, Kessler said.",
         {"Halvard Corp": ["Halvard", "Halvard Corp"],
          "National Association of Realtors": ["National Association of Realtors", "NAR", "NAR"],
          "Kessler Aircraft Systems": ["Kessler Aircraft Systems"]}),  # a part of Kessler, not Kessler
        # a company named for its founder is his surname alone; a longer name's last word is not
        ("R.T. Halloway Co Inc said sales rose. Halloway said it will open stores. Ada Brennick Corp "
         "said it will cut jobs. Brennick said 300 jobs go. Western Digital Corp said profit fell. "
         "Digital said nothing.",
         {"R.T. Halloway Co Inc": ["R.T. Halloway Co Inc", "Halloway"],
          "Ada Brennick Corp": ["Ada Brennick Corp", "Brennick"],
          "Western Digital Corp": ["Western Digital Corp"]}),
        # a last word that is a name of its own, no English word, stands for the company
        ("Orlav Vesnik Co said it will cut 3,000 jobs. Vesnik said the cuts will save money. "
         "Knox Timber Co said prices rose. Timber said it will hire.",
         {"Orlav Vesnik Co": ["Orlav Vesnik Co", "Vesnik"], "Knox Timber Co": ["Knox Timber Co"]}),
        # a contraction of a one-word name that is no English word joins it
        ("Brannwerk AG expects sales to fall, a board member said.\n    He said BW was uncertain about its plans.",
         {"Brannwerk AG": ["Brannwerk AG", "BW"]}),
        # ... but not after "and", where it may be a name of its own
        ("Shares of Tarrow and Braskel NV rose 3 pct, the company said. Braskel said it agreed to the bid.",
         {"Tarrow and Braskel NV": ["Tarrow and Braskel NV"]}),
    ],
)
def test_an_organisation_short_form_joins_its_full_name_but_a_division_stays_apart(nlp, text, expected):
    names = {e[0]: e[3] for e in entities(nlp, text) if e[1] == "ORG"}
    assert {name: names.get(name) for name in expected} == expected


def test_a_company_and_its_suffix_read_apart_are_one_name(nlp):
    doc = nlp("Automobile maker Brannock LLC has said that it will close 80 dealerships.")
    doc.ents = [Span(doc, 2, 3, label="ORG"), Span(doc, 3, 4, label="ORG")]  # as spaCy reads some names
    orgs = [e for e in extract_entities(doc).records if e.type == "ORG"]
    assert [e.name for e in orgs] == ["Brannock LLC"]


def test_a_role_in_a_headline_is_its_holder(nlp):
    doc = nlp(
        "Marovia's transport minister tells airlines to wait\n\n"
        "Jusef Tamrin, minister of transport for Marovia, has recommended that airlines wait."
    )
    index = extract_entities(doc)
    (tamrin,) = [e for e in index.records if e.type == "PERSON"]
    assert tamrin.name == "Jusef Tamrin"
    assert index.resolve(doc[0:4]) == tamrin.id  # "Marovia's transport minister"


def test_a_name_taken_up_by_he_is_a_person_whatever_the_ner_says(nlp):
    doc = nlp('"A sale is unlikely," said Dorrit Vance of Hallam Research. He expects a merger instead.')
    name = next(i for i, t in enumerate(doc) if t.text == "Dorrit")
    doc.ents = [Span(doc, name, name + 2, label="ORG")]  # as spaCy reads many wire names
    (vance,) = extract_entities(doc).records
    assert (vance.name, vance.type) == ("Dorrit Vance", "PERSON")


def test_an_acronym_of_the_official_name_joins_the_name_written_the_other_way_round(nlp):
    text = "The U.S. Fisheries Department said catches fell. USDF said quotas would be cut."
    names = {e[0]: e[3] for e in entities(nlp, text) if e[1] == "ORG"}
    assert names == {"U.S. Fisheries Department": ["U.S. Fisheries Department", "USDF"]}


def test_a_name_run_into_the_bracket_of_its_acronym_ends_before_it(nlp):
    text = "The International Jute Organisation (IJO) said its council will meet in May. IJO members disagreed."
    doc = nlp(text)
    start = next(i for i, t in enumerate(doc) if t.text == "International")
    doc.ents = [Span(doc, start, start + 5, label="ORG")]  # "International Jute Organisation (IJO", as spaCy reads it
    (jute,) = extract_entities(doc).records
    assert jute.name == "International Jute Organisation"


def test_a_company_is_its_name_before_its_trade_and_legal_form_not_its_unit(nlp):
    text = (
        "Varna Southern Petroleum Ltd said it will drill. Varna Southern said the well is deep. "
        "Kelso Corp and Kelso Steel Co said talks went on. Kelso said a deal was near."
    )
    doc = nlp(text)
    starts = [text.index(n) for n in ("Varna Southern Petroleum Ltd", "Varna Southern said", "Kelso Corp")]
    starts += [text.index(n) for n in ("Kelso Steel Co", "Kelso said")]
    lengths = [28, 14, 10, 14, 5]
    doc.ents = [doc.char_span(a, a + n, label="ORG") for a, n in zip(starts, lengths)]
    found = {e.name: [text[s:t] for s, t in e.mentions] for e in extract_entities(doc).records}
    assert found == {
        "Varna Southern Petroleum Ltd": ["Varna Southern Petroleum Ltd", "Varna Southern"],
        "Kelso Corp": ["Kelso Corp", "Kelso"],
        "Kelso Steel Co": ["Kelso Steel Co"],
    }
