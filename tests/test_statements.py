"""Statement extraction on hand-written news sentences, with exact expected spans."""

from datetime import date

import pytest

from saidwhat.extract.statements import Candidate, attach_quotes, cue_candidate, cue_candidates, quotations
from saidwhat.extract.statements.candidates import _in_a_name
from saidwhat.model import Article

PUBLISHED = date(2024, 12, 3)  # a Tuesday


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=PUBLISHED))


def summary(extraction):
    """Each statement as (kind, source text, cue text, content text, source entity name)."""
    names = {e.id: e.name for e in extraction.entities}
    return [
        (
            s.kind,
            s.source.text if s.source else None,
            s.cue.text,
            s.content.text,
            names.get(s.source.entity) if s.source and s.source.entity else None,
        )
        for s in extraction.statements
    ]


CASES = [
    pytest.param(
        'Finance Minister Olga Brandt said: "The budget is balanced."',
        [("direct", "Finance Minister Olga Brandt", "said", '"The budget is balanced."', "Olga Brandt")],
        id="colon-introduced straight quote",
    ),
    pytest.param(
        "“We will not back down,” Maria Keller told reporters. “Not now, not ever.”",
        [("direct", "Maria Keller", "told", "“We will not back down,” “Not now, not ever.”", "Maria Keller")],
        id="curly quotes, floating quote continues the statement",
    ),
    pytest.param(
        "«Nous sommes prêts», said Jean Dupont.",
        [("direct", "Jean Dupont", "said", "«Nous sommes prêts»", "Jean Dupont")],
        id="guillemets, inverted cue",
    ),
    pytest.param(
        '"The economy," she said, "is strong."',
        [("direct", "she", "said", '"The economy," "is strong."', None)],
        id="discontinuous content around the cue",
    ),
    pytest.param(
        "The New York Post reported that the mayor had resigned.",
        [("indirect", "The New York Post", "reported", "that the mayor had resigned", "New York Post")],
        id="publication as source",
    ),
    pytest.param(
        "The senator asked Putin to withdraw his troops.",
        [("indirect", "The senator", "asked", "Putin to withdraw his troops", None)],
        id="request with an infinitive",
    ),
    pytest.param(
        'Senator Ana Ruiz said the plan was "dead on arrival" and a "waste of money".',
        [("mixed", "Senator Ana Ruiz", "said", 'the plan was "dead on arrival" and a "waste of money"', "Ana Ruiz")],
        id="mixed quote",
    ),
    pytest.param(
        '"The first paragraph of the quote runs here.\n\n"And the second paragraph closes it," said Paul Green.',
        [(
            "direct", "Paul Green", "said",
            '"The first paragraph of the quote runs here.\n\n"And the second paragraph closes it,"',
            "Paul Green",
        )],
        id="quote spanning two paragraphs",
    ),
    pytest.param(
        "Prime Minister Tom Hale denied that the deal had been signed.",
        [("indirect", "Prime Minister Tom Hale", "denied", "that the deal had been signed", "Tom Hale")],
        id="denial",
    ),
    pytest.param(
        "According to the regional newspaper L'Écho du Lac, an internal audit found that the operator overspent.",
        [(
            "indirect", "the regional newspaper L'Écho du Lac", "According to",
            "an internal audit found that the operator overspent", "L'Écho du Lac",
        ), ("indirect", "an internal audit", "found", "that the operator overspent", None)],
        id="the subject after the source is the content's, not an appositive",
    ),
    pytest.param(
        '"This is a promise written on water," said councillor Remy Duval, who asked the mayor to publish '
        "the accounts.",
        [
            (
                "direct", "councillor Remy Duval, who asked the mayor to publish the accounts", "said",
                '"This is a promise written on water,"', "Remy Duval",
            ),
            ("indirect", "who", "asked", "the mayor to publish the accounts", "Remy Duval"),
        ],
        id="a request in the speaker's relative clause",
    ),
    pytest.param(
        "Cases have doubled, according to the national health institute, which asked people over 65 to get "
        "vaccinated.",
        [
            (
                "indirect", "the national health institute, which asked people over 65 to get vaccinated",
                "according to", "Cases have doubled", None,
            ),
            ("indirect", "which", "asked", "people over 65 to get vaccinated", None),
        ],
        id="an organisation's request",
    ),
    pytest.param(
        '"The sea," said Environment Minister Josefa Mirren, who chaired the meeting, "does not care about '
        'our borders."',
        [(
            "direct", "Environment Minister Josefa Mirren, who chaired the meeting", "said",
            '"The sea," "does not care about our borders."', "Josefa Mirren",
        )],
        id="the speaker the parser makes the subject of the quote's second part",
    ),
    pytest.param(
        "According to the trade magazine Screen Ledger, chief executive Martin Greaves told staff that the unit "
        "needs a bigger home.",
        [
            (
                "indirect", "the trade magazine Screen Ledger", "According to",
                "chief executive Martin Greaves told staff that the unit needs a bigger home", "Screen Ledger",
            ),
            (
                "indirect", "chief executive Martin Greaves", "told", "that the unit needs a bigger home",
                "Martin Greaves",
            ),
        ],
        id="a speaker the parser hangs on the source before it as a conjunct",
    ),
    pytest.param(
        "The offer would heighten the risk for Garvey Corp, S and P said.",
        [("indirect", "S and P", "said", "The offer would heighten the risk for Garvey Corp", "S and P")],
        id="a speaker the parser hangs on the content's last noun",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_statement(pipeline, text, expected):
    assert summary(extract(pipeline, text)) == expected


def test_discontinuous_content_spans(pipeline):
    text = '"The economy," she said, "is strong."'
    (statement,) = extract(pipeline, text).statements
    assert statement.content.spans == [(0, 14), (25, 37)]
    assert statement.cue.spans == [(19, 23)]
    assert statement.source.spans == [(15, 18)]


def test_according_to_chain(pipeline):
    text = "According to the German daily FAZ, documents revealed that the ministry had ignored the warnings."
    outer, inner = extract(pipeline, text).statements
    assert (outer.source.text, outer.cue.text) == ("the German daily FAZ", "According to")
    assert outer.content.text == "documents revealed that the ministry had ignored the warnings"
    assert (inner.source.text, inner.cue.text, inner.content.text) == (
        "documents", "revealed", "that the ministry had ignored the warnings"
    )
    assert inner.via == outer.id and outer.via is None


def test_pronoun_and_role_sources_resolve(pipeline):
    text = (
        "Belarusian President Alexander Lukashenko said on Friday that the missiles would arrive soon. "
        'Lukashenko added that the West should "accept reality". '
        "The Belarusian leader also asked Moscow to send more troops. "
        '"We are ready," he said.'
    )
    extraction = extract(pipeline, text)
    (lukashenko,) = [e for e in extraction.entities if e.type == "PERSON"]
    assert lukashenko.name == "Alexander Lukashenko"
    assert lukashenko.roles == ["Belarusian President"]
    sources = [(s.source.text, s.source.entity) for s in extraction.statements]
    assert sources == [
        ("Belarusian President Alexander Lukashenko", lukashenko.id),
        ("Lukashenko", lukashenko.id),
        ("The Belarusian leader", lukashenko.id),
        ("he", lukashenko.id),
    ]


def test_pronoun_takes_nearest_person(pipeline):
    text = "Anna Berg met Carl Olsen on Monday. He said that the talks had gone well."
    extraction = extract(pipeline, text)
    names = {e.id: e.name for e in extraction.entities}
    (statement,) = extraction.statements
    assert names[statement.source.entity] == "Carl Olsen"


def test_unnamed_source_kept_as_written(pipeline):
    text = "A senior official said that the talks had collapsed."
    (statement,) = extract(pipeline, text).statements
    assert statement.source.text == "A senior official"
    assert statement.source.entity is None


def test_headline_speaker_label(pipeline):
    text = "Kalnek: Elections will be held on time\n\nThe president spoke in Kralov."
    (statement,) = extract(pipeline, text).statements
    assert (statement.source.text, statement.cue.text, statement.content.text) == (
        "Kalnek", ":", "Elections will be held on time"
    )


@pytest.mark.parametrize(
    "text, source, content",
    [
        ('"WALLACE: Let us start with the budget vote tonight.\n\n', "WALLACE",
         "Let us start with the budget vote tonight"),
        ("Poll: Voters abandon the ruling party\n\nThe survey was taken last week.", "Poll",
         "Voters abandon the ruling party"),
        ("Sanders: Young voters must turn out\n\nHe spoke in Ohio.", "Sanders", "Young voters must turn out"),
        # a headline a speaking noun opens may have no verb with a tense
        ("Poll: Halden and Brask in dead heat heading into debate\n\nThe survey was taken last week.", "Poll",
         "Halden and Brask in dead heat heading into debate"),
    ],
)
def test_colon_labels_in_transcripts_and_one_word_headlines(pipeline, text, source, content):
    statement = extract(pipeline, text).statements[0]
    assert (statement.source.text, statement.cue.text, statement.content.text.rstrip('"')) == (source, ":", content)


@pytest.mark.parametrize("label", ["Correction", "Update", "Photo", "Also", "Meanwhile", "Disclosure"])
def test_a_note_label_is_not_a_speaker(pipeline, label):
    assert extract(pipeline, f"{label}: The vote takes place on Monday\n\nIt was delayed.").statements == []


@pytest.mark.parametrize("text", [
    "Download: http://example.org/clip-615\n\nThe clip is two minutes long.",
    "Jon Tarvell: Dealing in cocaine, possession of a controlled substance\n\nHe was held.",
    # a police log: no verb with a tense, and no headline
    "Mara J. Holt: Possession of methamphetamine, held in jail in lieu of $70,000 bond\n\nShe was held.",
])
def test_a_label_before_no_clause_is_no_speaker(pipeline, text):
    """A link or an entry in a list of charges is no statement."""
    assert [s.cue.text for s in extract(pipeline, text).statements] == []


def test_an_answer_after_a_is_a_statement_whose_speaker_the_label_does_not_name(pipeline):
    text = "Q: What is next for the company?\nA: We are moving subscriptions to the next level this year."
    (statement,) = extract(pipeline, text).statements
    assert (statement.source, statement.cue.text) == (None, ":")
    assert statement.content.text == "We are moving subscriptions to the next level this year"


def test_the_cue_model_adds_verbs_outside_the_lexicon(pipeline):
    (statement,) = extract(pipeline, "Senator Ruth Ambler attacked the governor's budget on Tuesday.").statements
    assert (statement.source.text, statement.cue.text) == ("Senator Ruth Ambler", "attacked")
    assert statement.content.text.startswith("the governor's budget")


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Senator Lee has acknowledged the reality of climate change, which makes him an outlier among Republicans.",
         "has acknowledged", "the reality of climate change"),
        ("A video released on Monday shows that Mr. Okafor had his hands in the air, contradicting the police account.",
         "shows", "that Mr. Okafor had his hands in the air"),
        # a relative clause inside the content is part of it
        ("The minister said the plan, which was drafted in May, would pass.",
         "said", "the plan, which was drafted in May, would pass"),
    ],
)
def test_a_closing_aside_is_not_content(pipeline, text, cue, content):
    (statement,) = extract(pipeline, text).statements
    assert (statement.cue.text, statement.content.text) == (cue, content)


def test_dateline_is_not_a_speaker(pipeline):
    text = "KRALOV, Nov 28 (Northgate Wire) - President Dariusz Kalnek said that the vote would go ahead."
    (statement,) = extract(pipeline, text).statements
    assert statement.source.text == "President Dariusz Kalnek"


def test_dash_signed_quote(pipeline):
    text = "“I am worried about my family and my job.” ― Jose Luis\n"
    (statement,) = extract(pipeline, text).statements
    assert statement.source.text == "Jose Luis"
    assert statement.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        'He said "unbalanced',
        '"',
        "“ ” « » „",
        '"We never close this quote, he said.\n\n\n"Nor this one',
        "",
        "   \n\n  ",
    ],
)
def test_stray_marks_never_crash(pipeline, text):
    extraction = extract(pipeline, text)
    for s in extraction.statements:
        for part in (s.cue, s.content, *([s.source] if s.source else [])):
            assert " ".join(text[a:b] for a, b in part.spans) == part.text


PHENOMENA = [
    pytest.param(
        "Lukashenko was quoted as saying that the talks had failed.",
        ("indirect", "Lukashenko", "saying", "that the talks had failed", "Lukashenko"),
        id="was quoted as saying",
    ),
    pytest.param(
        "It was announced that the plant would close.",
        ("indirect", None, "was announced", "that the plant would close", None),
        id="passive without an agent has no source",
    ),
    pytest.param(
        "A senior official, who spoke on condition of anonymity, said the talks had stalled.",
        ("indirect", "A senior official, who spoke on condition of anonymity", "said", "the talks had stalled", None),
        id="anonymous source with a relative clause",
    ),
    pytest.param(
        "The ministry said in a statement that the report was false.",
        ("indirect", "The ministry", "said in a statement", "that the report was false", None),
        id="noun cue in a statement",
    ),
    pytest.param(
        "Airline president Tim Halden, meanwhile, told reporters at a press conference that the airline will "
        "recommence its expansion in the early 2020s.",
        ("indirect", "Airline president Tim Halden", "told",
         "that the airline will recommence its expansion in the early 2020s", "Tim Halden"),
        id="the clause the parser hangs on the occasion is the verb's",
    ),
    pytest.param(
        "In a statement, the ministry said the report was false.",
        ("indirect", "the ministry", "said", "the report was false", None),
        id="a noun cue before the verb is not the cue's, as PolNeAR marks it",
    ),
    pytest.param(
        "The minister's remarks that the war was over drew criticism.",
        ("indirect", "The minister's", "remarks", "that the war was over", None),
        id="noun cue with a possessive source",
    ),
    pytest.param(
        "Putin says Russia is ready to talk\n\nMOSCOW - The Kremlin repeated the offer.",
        ("indirect", "Putin", "says", "Russia is ready to talk", "Putin"),
        id="headline",
    ),
    pytest.param(
        "The deal is close, people familiar with the matter said.",
        ("indirect", "people familiar with the matter", "said", "The deal is close", None),
        id="cue after the content",
    ),
    pytest.param(
        "Mayor Ellen Park has also said that the bridge is safe.",
        ("indirect", "Mayor Ellen Park", "has also said", "that the bridge is safe", "Ellen Park"),
        id="auxiliaries and adverbs belong to the cue",
    ),
    pytest.param(
        "Senator Ana Ruiz accused the mayor of hiding the report.",
        ("indirect", "Senator Ana Ruiz", "accused", "the mayor of hiding the report", "Ana Ruiz"),
        id="accusation",
    ),
    pytest.param(
        "Senator Ana Ruiz defended the bill on Tuesday.",
        ("indirect", "Senator Ana Ruiz", "defended", "the bill", "Ana Ruiz"),
        id="object content stops before an adjunct",
    ),
    pytest.param(
        "The reform will cut costs, as its supporters point out.",
        ("indirect", "its supporters", "point out", "The reform will cut costs", None),
        id="as-clause cue after the content",
    ),
    pytest.param(
        "As reported by the Tribune, the council approved the plan.",
        ("indirect", "the Tribune", "reported", "the council approved the plan", "Tribune"),
        id="as reported by a publication",
    ),
    pytest.param(
        "The governor referred to the audit.",
        ("indirect", "The governor", "referred to", "the audit", None),
        id="the preposition of a prepositional verb belongs to the cue",
    ),
    pytest.param(
        "Her claims about the audit were false.",
        ("indirect", "Her", "claims about", "the audit", None),
        id="noun cue with its preposition",
    ),
    pytest.param(
        "Kalnek: Elections will be held on time\n\nThe vote is in May.",
        ("indirect", "Kalnek", ":", "Elections will be held on time", None),
        id="speaker label",
    ),
]


@pytest.mark.parametrize("text, expected", PHENOMENA)
def test_phenomenon(pipeline, text, expected):
    assert summary(extract(pipeline, text))[0] == expected


@pytest.mark.parametrize("text", [
    "Correction: An earlier version of this article misspelled the mayor's name.",
    "Net profit 12.5 mln vs 10.1 mln\nNOTES: Group is 60 pct owned by Halden Oil and 40 pct by Norvale.",
    "Q: Favorite athlete?\nQ: What will you do next year?",  # an interviewer's questions
    "Ticket prices.\n\nR: 50,000 won\n\nS: 40,000 won",  # tiers
    "Results.\n\n6A: Wichita North's Miguel Bernal took home first in diving.",  # a class
    "Advice.\n\nDEAR ABBY: My husband just bought plane tickets to India.",  # a letter's salutation
    "Markets.\n\nGraphic: Global assets in 2019",
    "Ticket prices.\n\nVIP: 60,000₩\n\nStandard: $45",  # a price
    "Playoffs.\n\nPath B: Bosnia, Slovakia, Ireland\n\nPath C: Scotland, Norway",  # a class
    "The boat capsized near the coast.\n\nSOURCE: Harbour News Agency",  # a picture's credit
    "Scores.\n\nHigh School Roundup: Viera defeats Rockledge to stay unbeaten",
])
def test_correction_note_is_not_a_statement(pipeline, text):
    assert extract(pipeline, text).statements == []


def test_an_adjective_that_judges_an_act_is_no_cue_unless_the_act_is_speech(pipeline):
    text = "Democrats were right to take a narrow approach. Analysts were quick to point out that rates will rise."
    assert [s.cue.text for s in extract(pipeline, text).statements] == ["were quick", "to point out"]


def test_who_hears_a_quote_after_a_colon_does_not_say_it(pipeline):
    text = ('A senior official told Reuters: "It all depends on France." '
            'The idea does not surprise pollster Daron Shaw: "Historically, voters punish the party in power."')
    assert [s.source.text for s in extract(pipeline, text).statements] == ["A senior official", "pollster Daron Shaw"]


def test_a_participle_after_than_is_no_cue(pipeline):
    """ "better than expected results" measures; it reports no one's expectation."""
    text = "Earnings were no disappointment, as most of the companies reported in-line or better than expected results."
    assert [s.cue.text for s in extract(pipeline, text).statements if "expected" in s.cue.text] == []


def test_that_said_opening_a_sentence_is_no_statement(pipeline):
    """ "That said," is a concession, as "still" would be; "That, Ruiz said, ..." is a statement."""
    text = (
        "Saving early is hard. That said, early retirement comes in many shapes and what it looks like "
        "will decide what you need. That, Mayor Ana Ruiz said, will change next year."
    )
    assert [(s.source.text if s.source else None, s.content.text) for s in extract(pipeline, text).statements] == [
        ("Mayor Ana Ruiz", "That will change next year")
    ]


@pytest.mark.parametrize("text", [
    "Net excludes gains on insurance recovery of 54,000 crowns vs 91,000 crowns in quarter.",
    "Current year net excludes tax credits of 54,000 crowns in quarter and 945,000 crowns in year.",
    "The 2019 figures exclude the recently acquired Tarno Air Lines.",
    "Republicans failed to appear at a drafting session called by the committee chairman.",
    "The Steelers spent Monday trying to distance themselves from Thursday night's fight that led to suspensions.",
])
def test_a_verb_of_holding_or_dealing_is_no_cue(pipeline, text):
    """A results table's notes say what a figure holds; nobody says anything in them."""
    assert extract(pipeline, text).statements == []


@pytest.mark.parametrize(("text", "cues"), [
    ("A Halden dealer, who asked not to be named, said prices would rise.", ["said"]),
    ("An official who declined to be identified said the bank will lend.", ["said"]),
    ("The banker asked that his name not be used. He said rates would fall.", ["said"]),
    ("The Senate concluded its third public hearing on Tuesday.", []),
    ("Norvale later concluded a round of informal talks with its creditor banks.", []),
    ("The panel concluded that the ban is not justified.", ["concluded"]),
    ("Growers asked the agency to require palm oils to be identified as saturated fats.", ["asked"]),
])
def test_a_wish_to_stay_unnamed_or_a_thing_concluded_is_no_statement(pipeline, text, cues):
    """Sources ask not to be named in a relative clause that PolNeAR leaves inside the source, and
    "concluded an agreement" finishes a thing: neither reports anything."""
    assert [s.cue.text for s in extract(pipeline, text).statements] == cues


def test_it_prefers_an_organisation_to_a_place(pipeline):
    text = "Lumenra Systems, based in Hartwell, was hacked. It said that no passwords were taken."
    extraction = extract(pipeline, text)
    names = {e.id: e.name for e in extraction.entities}
    (statement,) = extraction.statements
    assert names[statement.source.entity] == "Lumenra Systems"


def test_an_infinitive_is_content_not_a_cue(pipeline):
    text = "The prosecution plans to call 24 witnesses."
    assert summary(extract(pipeline, text)) == [
        ("indirect", "The prosecution", "plans", "to call 24 witnesses", None)
    ]


def test_quotes_on_both_sides_of_one_cue_are_one_statement(pipeline):
    text = "''We are exposed,'' said Luis Rubio, who heads a research centre. ''Nothing matters more than trade.''"
    (statement,) = extract(pipeline, text).statements
    assert statement.source.text.startswith("Luis Rubio")
    assert statement.content.text == "''We are exposed,'' ''Nothing matters more than trade.''"
    assert statement.kind == "direct"


def test_stance_verbs_count_in_the_third_person_only(pipeline):
    quoted = extract(pipeline, '"I think we can win," Ana Ruiz said.')
    assert [s.cue.text for s in quoted.statements] == ["said"]
    reported = extract(pipeline, "Most voters believe that the economy is getting worse.")
    assert summary(reported) == [
        ("indirect", "Most voters", "believe", "that the economy is getting worse", None)
    ]


def test_a_floating_quote_continues_only_a_quoting_speech_statement(pipeline):
    """PolNeAR gives a quote after "praised the crews" or after a paraphrase a cue of its own."""
    quoted = extract(pipeline, "“The crews were brave,” Mayor Ellen Park said. “They saved the whole street.”")
    assert [s.content.text for s in quoted.statements] == ["“The crews were brave,” “They saved the whole street.”"]
    said = extract(pipeline, "Mayor Ellen Park said the crews were brave. “They saved the whole street.”")
    assert [s.content.text for s in said.statements] == ["the crews were brave"]
    praised = extract(pipeline, "Mayor Ellen Park praised the crews. “They saved the whole street.”")
    assert [(s.cue.text, s.content.text) for s in praised.statements] == [("praised", "the crews")]


def test_seem_and_appear_read_as_the_writers_impression(pipeline):
    """PolNeAR marks "X does not appear ready to ..." with no source and X inside the content."""
    doc = pipeline.nlp("Sanders does not appear ready to ease off.")
    judged = cue_candidate(doc[3], set())
    cand = judged.candidate
    assert (cand.speaker, judged.approved, [doc[i].text for i in cand.cue]) == (None, False, ["does", "not", "appear"])
    assert " ".join(doc[i].text for i in sorted(cand.content)) == "Sanders ready to ease off"
    assert cue_candidate(pipeline.nlp("Trump appeared at a rally in Ohio.")[1], set()) is None


def candidate(pipeline, text, word):
    """The cue candidate on ``word`` as (source, cue, content) texts, whatever the model says."""
    doc = pipeline.nlp(text)
    cand = cue_candidate(next(t for t in doc if t.text == word), set()).candidate
    source = doc[cand.speaker[0] : cand.speaker[1]].text if cand.speaker else None
    return source, " ".join(doc[i].text for i in cand.cue), " ".join(doc[i].text for i in sorted(cand.content))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Clinton has the support of older voters.", ("older voters", "support", "Clinton")),
        ("The governor threw her support behind Cruz.", ("The governor", "support", "Cruz")),
        ("Her support among young voters is slipping.", ("young voters", "support", "Her")),
    ],
)
def test_support_is_given_by_the_source_to_the_content(pipeline, text, expected):
    """PolNeAR reads "X has the support of Y" as Y's attribution about X, not X's."""
    assert candidate(pipeline, text, "support") == expected


def test_a_poll_leading_its_clause_is_the_source(pipeline):
    poll = extract(pipeline, "In a new Gazette poll, Mayor Park leads her rival by 12 points.")
    expected = [("indirect", "a new Gazette poll", "In", "Mayor Park leads her rival by 12 points", "Gazette")]
    assert summary(poll) == expected
    assert extract(pipeline, "Mayor Park leads in the polls.").statements == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("“We will appeal,” Ms. Ortiz said Friday.", "said Friday"),
        ("“It is a good day,” the judge said dryly.", "said dryly"),
        ("The minister said on Tuesday that the talks had failed.", "said"),
        ("In an interview, the minister said that the talks had failed.", "said"),
    ],
)
def test_adverbs_and_dates_after_the_verb_belong_to_the_cue(pipeline, text, cue):
    assert [s.cue.text for s in extract(pipeline, text).statements] == [cue]


def test_the_preposition_as_stays_out_of_the_cue(pipeline):
    assert candidate(pipeline, "He was listed as a sponsor of the bill.", "listed")[1] == "was listed"


def test_a_reporting_verb_conjoined_inside_the_clause_reports_on(pipeline):
    """spaCy hangs "and questioned" inside "he makes ..."; it is Brownell's second statement."""
    text = "Chris Brownell said he makes $41,000 a year and questioned how the plan would help him."
    assert summary(extract(pipeline, text)) == [
        ("indirect", "Chris Brownell", "said", "he makes $41,000 a year", "Chris Brownell"),
        ("indirect", "Chris Brownell", "questioned", "how the plan would help him", "Chris Brownell"),
    ]


def test_a_name_and_a_colon_open_a_quote_inside_a_sentence(pipeline):
    text = (
        "The surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates gain"
        " the most. It always happens.” Shaw runs the poll."
    )
    colon = [s for s in extract(pipeline, text).statements if s.cue.text == ":"]
    assert [(s.source.text, s.content.text) for s in colon] == [
        ("Republican pollster Daron Shaw", "“Lesser-known candidates gain the most. It always happens.”")
    ]


@pytest.mark.parametrize(
    "text, source",
    [
        ("The mayor, pointing to the budget, said the pool would close.", "The mayor"),
        ("WASHINGTON — Sen. Ana Ruiz said on Monday that the audit was flawed.", "Sen. Ana Ruiz"),
        ("Senator Ana Ruiz's claims about the audit were false.", "Senator Ana Ruiz's"),
    ],
)
def test_a_source_is_marked_as_polnear_marks_it(pipeline, text, source):
    """The possessive's "'s" belongs to it; a dateline and a participle's aside do not."""
    assert [s.source.text for s in extract(pipeline, text).statements] == [source]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Asked about the audit, Senator Ruiz said it was flawed.", "Asked", (None, "Asked about", "the audit")),
        ("The host asked the senator about the audit.", "asked", ("The host", "asked", "the senator about the audit")),
        ("Recent polls showing a tight race worried the campaign.", "showing",
         ("Recent polls", "showing", "a tight race")),
        (
            "Senator Ruiz issued a statement saying that the audit was flawed.",
            "saying",
            ("Senator Ruiz", "issued a statement saying", "that the audit was flawed"),
        ),
    ],
)
def test_who_speaks_when_the_cue_has_no_subject(pipeline, text, word, expected):
    """The one asked is not the asker; polls show; a statement speaks for whoever issued it."""
    assert candidate(pipeline, text, word) == expected


def test_a_polls_answer_is_content(pipeline):
    text = "Asked if the mayor should resign, 72 percent of voters said yes."
    assert candidate(pipeline, text, "said") == ("72 percent of voters", "said", "yes")
    agreed = "Most members of the council think the budget is too tight, and half of them said so in public."
    assert candidate(pipeline, agreed, "said")[2] == "so"


def test_no_reply_to_a_request_for_comment_is_no_statement(pipeline):
    doc = pipeline.nlp("Hope Hicks, a spokeswoman, did not respond to a request for comment.")
    assert cue_candidate(next(t for t in doc if t.text == "respond"), set()) is None
    assert candidate(pipeline, "The senator responded to the report.", "responded")[2] == "the report"


DATELINE = (
    "Voters wary.\n\nLAKE CITY, Fla. - Rallying hundreds of workers, Senator Ana Ruiz tried here last week"
    " to empathize with them and promised to cut fares."
)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The mayor told reporters that the bridge would reopen.", "told",
         ("The mayor", "told", "that the bridge would reopen")),
        ("The mayor told the crews to leave the site.", "told", ("The mayor", "told", "to leave the site")),
        ("The mayor asked the council whether it was safe.", "asked", ("The mayor", "asked", "whether it was safe")),
        ("The mayor urged residents to leave the valley.", "urged",
         ("The mayor", "urged", "residents to leave the valley")),
        ("The senator tried to show that the plan works.", "show",
         ("The senator", "tried to show", "that the plan works")),
        ("She has lately started asking why it failed.", "asking",
         ("She", "has lately started asking", "why it failed")),
        ("The ministry failed to mention that talks collapsed.", "mention",
         ("The ministry", "failed to mention", "that talks collapsed")),
        (DATELINE, "promised", ("Senator Ana Ruiz", "promised", "to cut fares")),
    ],
)
def test_hearers_carrying_verbs_and_datelines_as_polnear_marks_them(pipeline, text, word, expected):
    """PolNeAR leaves out whoever was told or asked, but "urged residents to leave" is one content;
    the cue runs from the verb that carries the reporting one."""
    assert candidate(pipeline, text, word) == expected


def test_of_two_subjects_the_parser_gives_said_the_nearer_speaks(pipeline):
    text = "''That, unfortunately,'' he said, ''is part of the reality of today's life on a global basis.''"
    assert [(s.source.text, s.cue.text) for s in extract(pipeline, text).statements] == [("he", "said")]


def test_a_candidate_knows_when_it_sits_inside_another_ones_content(pipeline):
    """ "wants" inside what the mayor said is a different case for the cue model than on its own."""
    doc = pipeline.nlp("The mayor said the council wants a new bridge.")
    found = cue_candidates(doc, set())
    inside = {doc[i].text: [f for f in judged.features if f.startswith("inside=")] for i, judged in found.items()}
    assert inside["said"] == ["inside=none", "inside=none|kind=clause", "inside=none|lemma=say"]
    assert inside["wants"] == ["inside=approved", "inside=approved|kind=object", "inside=approved|lemma=want"]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The Mexican government is worried that tourism will fall.", "worried",
         ("The Mexican government", "is worried", "that tourism will fall")),
        ("These voters are deeply skeptical of free trade.", "skeptical",
         ("These voters", "are deeply skeptical of", "free trade")),
        ("The White House was eager to calm the markets.", "eager",
         ("The White House", "was eager", "to calm the markets")),
        # spaCy tags this one a verb: its source and cue still start from "is"
        ("The senator is convinced that the plan will fail.", "convinced",
         ("The senator", "is convinced", "that the plan will fail")),
    ],
)
def test_an_adjectives_stance_is_a_candidate(pipeline, text, word, expected):
    """ "is worried that", "are skeptical of": PolNeAR marks a stance held by the subject; the cue
    runs from the verb the adjective completes."""
    assert candidate(pipeline, text, word) == expected


def test_an_adjective_with_nothing_to_hold_is_no_candidate(pipeline):
    doc = pipeline.nlp("The bridge is taller than the tower and the road is wet.")
    assert [t.text for t in doc if cue_candidate(t, set()) is not None] == []


def test_according_to_closing_a_content_is_its_own_statement(pipeline):
    """ "..., according to the clerk" is the clerk's statement, not part of what the senator said."""
    text = "The senator said turnout fell sharply in the county, according to the clerk's office."
    found = {s.cue.text: (s.source.text, s.content.text) for s in extract(pipeline, text).statements}
    assert found["said"] == ("The senator", "turnout fell sharply in the county")


def test_a_quote_runs_on_past_a_cue_in_the_speakers_own_sentence(pipeline):
    """ "“...,” she said when asked about X. “...”": "asked" is no new speaker, so the next quote
    still continues what she said."""
    text = (
        "“The budget is balanced,” Senator Ann Cole said when asked about the deficit. "
        "“We cut spending in every department.”"
    )
    found = {s.cue.text: s.content.text for s in extract(pipeline, text).statements}
    assert found["said"] == "“The budget is balanced,” “We cut spending in every department.”"


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The new bridge is expected to open in March.", "expected",
         (None, "is expected", "The new bridge to open in March")),
        ("The senator was accused of lying about the budget.", "accused",
         (None, "was accused of", "The senator lying about the budget")),
        # the one asked is not what is asked about
        ("Respondents were asked to pick a winner.", "asked", (None, "were asked", "to pick a winner")),
    ],
)
def test_a_passives_subject_belongs_to_its_content(pipeline, text, word, expected):
    """PolNeAR marks "X is expected to ..." with X inside the content and no source."""
    assert candidate(pipeline, text, word) == expected


def test_a_second_that_clause_hung_on_the_verb_is_content_too(pipeline):
    """ "told reporters that A, and that B": spaCy makes B a conjunct of "told"; both were said,
    as one span with the comma and "and" inside."""
    text = (
        "The senator told reporters on Tuesday that the budget was balanced, "
        "and that no new taxes would be needed next year."
    )
    (statement,) = extract(pipeline, text).statements
    assert statement.content.text == "that the budget was balanced, and that no new taxes would be needed next year"
    assert len(statement.content.spans) == 1


def test_a_short_quote_closed_by_its_comma_before_its_speaker_is_a_statement(pipeline):
    """ "“Absolutely,” he said.": one word, yet said by someone; a short quote that is a title or
    a borrowed phrase stays no statement of its own."""
    found = extract(pipeline, "“Absolutely,” Mayor Ellen Park said.").statements
    assert [(s.source.text, s.cue.text, s.content.text) for s in found] == [
        ("Mayor Ellen Park", "said", "“Absolutely,”")
    ]
    split = extract(pipeline, "“To a point,” said Omar Haddad. “The rest is up to the council.”").statements
    assert [s.content.text for s in split] == ["“To a point,” “The rest is up to the council.”"]
    title = "Senator Ann Cole told “Morning Report,” that the budget was balanced."
    assert [s.content.text for s in extract(pipeline, title).statements] == ["that the budget was balanced"]


def test_reportedly_attributes_its_clause_to_no_one_named(pipeline):
    (statement,) = extract(pipeline, "The company reportedly cut 300 jobs in March.").statements
    expected = (None, "reportedly", "The company cut 300 jobs in March")
    assert (statement.source, statement.cue.text, statement.content.text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“The audit was a farce,” Senator Ann Cole said, referring to the state review. “Nobody read the files.”",
        "“The audit was a farce,” said Ann Cole, who has accused the board of hiding losses. “Nobody read the files.”",
    ],
)
def test_an_aside_after_the_cue_does_not_take_the_next_quote(pipeline, text):
    """ "“...,” X said, referring to Y. “...”": the floating quote still continues what X said."""
    found = {s.cue.text: s.content.text for s in extract(pipeline, text).statements}
    assert found["said"] == "“The audit was a farce,” “Nobody read the files.”"


def test_a_speaker_after_the_verb_that_spacy_reads_as_its_object(pipeline):
    """ "“...,” added a South Carolina Democrat": the object of "added" after a quote is who spoke."""
    text = "“Look, the mayor needed to win the first two wards,” added another Ohio Democrat. “She has done that.”"
    (statement,) = extract(pipeline, text).statements
    assert (statement.source.text, statement.cue.text) == ("another Ohio Democrat", "added")
    assert statement.content.text == "“Look, the mayor needed to win the first two wards,” “She has done that.”"


def test_a_quote_whose_opening_mark_spacy_leaves_behind_still_floats(pipeline):
    """spaCy often ends the sentence before a quote after its opening mark; the aside "referring to"
    in that sentence is no cue for the quote."""
    text = (
        "''The timing of these deals was perfect,'' Mr. Okafor said, referring to the two harbour hotels. "
        "''I assume they saw the market returning, which it has done.''"
    )
    found = {s.cue.text: s.content.text for s in extract(pipeline, text).statements}
    assert found["said"] == (
        "''The timing of these deals was perfect,'' ''I assume they saw the market returning, which it has done.''"
    )
    assert found["referring to"] == "the two harbour hotels"


def test_a_short_sentence_in_the_next_paragraph_is_no_cue_for_a_quote(pipeline):
    """ "“...,” he said. “...”" then a new paragraph "Ruiz seemed to agree.": the second quote still
    continues what he said."""
    text = (
        "“Our nurses are honest people, working people,” the minister said. “They deserve our full respect.”\n\n"
        "Ruiz almost seemed to agree."
    )
    found = {s.cue.text: s.content.text for s in extract(pipeline, text).statements}
    assert found["said"] == "“Our nurses are honest people, working people,” “They deserve our full respect.”"


def test_an_opening_mark_left_in_the_sentence_before_does_not_hand_over_the_quote(pipeline):
    """spaCy often ends a sentence after the next quote's opening mark; the clause that ends there
    neither takes the quotation nor keeps the mark."""
    text = (
        "The club's heavy investment in its greens, Ms. Tanzer said, "
        "''is a perfect example of adapting'' to the new economics of golf. "
        "''They're spending a fortune on making the place family-friendly,'' she said. ''It's a home run.''"
    )
    found = [(s.source.text, s.content.text) for s in extract(pipeline, text).statements]
    assert found == [
        ("Ms. Tanzer",
         "The club's heavy investment in its greens ''is a perfect example of adapting'' to the new economics of golf"),
        ("she", "''They're spending a fortune on making the place family-friendly,'' ''It's a home run.''"),
    ]


def test_a_candidate_left_with_nothing_but_a_stray_mark_is_emptied_not_fatal(pipeline):
    """Training attaches quotes to every candidate, rejected ones too: one whose content was only
    the opening mark of a quotation ends up empty, and the quotes after it are still placed."""
    doc = pipeline.nlp("The mayor spoke. ''We will rebuild the bridge,'' he said. ''It will take two years.''")
    quotes = quotations(doc)
    in_quote = {i for tokens, _ in quotes for i in tokens}
    stray = Candidate(cue=[2], speaker=(0, 2), content={min(quotes[0][0])}, anchor=2)
    attach_quotes(doc, quotes, in_quote, [stray])
    assert stray.content == set()


def test_a_speaker_that_spacy_reads_as_a_reported_clause(pipeline):
    """ "X, who sits at zero endorsements, said that ...": spaCy makes the speaker a clause of "said";
    it is the source, not part of what was said."""
    text = (
        "Mendes, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about which "
        "of the two candidates is prepared to take on the establishment."
    )
    (statement,) = extract(pipeline, text).statements
    assert statement.source.text == "Mendes, meanwhile, who sits at zero such endorsements"
    assert statement.content.text.startswith("that fact speaks volumes")


@pytest.mark.parametrize(
    "text, content",
    [
        ("The senator returned on Wednesday for a short meeting and said little, according to an attendee.",
         "The senator returned on Wednesday for a short meeting and said little"),
        ("Ms. Park drew deep support among women, while Mr. Ruiz was ahead among younger voters, "
         "according to exit polls.",
         "Ms. Park drew deep support among women, while Mr. Ruiz was ahead among younger voters"),
    ],
)
def test_according_to_at_the_end_reports_the_whole_sentence(pipeline, text, content):
    """spaCy hangs a closing "according to X" on the last conjunct or the "while" clause; X reports
    the sentence."""
    found = {s.cue.text: s.content.text for s in extract(pipeline, text).statements}
    assert found["according to"] == content


def test_a_poll_shows_someone_with_a_lead(pipeline):
    text = "A new Gazette poll shows Mayor Park with an eight-point lead over Ruiz in the race."
    assert candidate(pipeline, text, "shows") == (
        "A new Gazette poll", "shows", "Mayor Park with an eight - point lead over Ruiz in the race"
    )


def test_whoever_was_told_leaves_the_content_once_the_quote_is_found(pipeline):
    text = "“Look at what happened in the county,” Ruiz told supporters in Albany."
    (statement,) = extract(pipeline, text).statements
    assert (statement.cue.text, statement.content.text) == ("told", "“Look at what happened in the county,”")


def test_an_if_clause_after_asked_is_the_question(pipeline):
    """spaCy reads "asked X if ..." as a condition; the "if" clause is what was asked."""
    assert candidate(pipeline, "Mr. Rubin asked the students if they were always so serious.", "asked") == (
        "Mr. Rubin", "asked", "if they were always so serious"
    )


@pytest.mark.parametrize(
    "text",
    [
        "As Senator Ann Cole put it, “This budget will not pass the house this year.”",
        "“This budget will not pass the house this year,” as Senator Ann Cole put it.",
    ],
)
def test_as_someone_put_it(pipeline, text):
    (statement,) = extract(pipeline, text).statements
    assert (statement.source.text, statement.cue.text) == ("Senator Ann Cole", "put it")
    assert statement.content.text.startswith("“This budget will not pass the house this year")


@pytest.mark.parametrize(
    "text, cue, source, content, speaker",
    [
        pytest.param(
            "Chrysler has said that it plans to close 789 of its dealers by June.",
            "plans", "it", "to close 789 of its dealers by June", "Chrysler", id="an organisation's plan",
        ),
        pytest.param(
            "Noel Forgeard stated that he expected sales of the jet to exceed 250.",
            "expected", "he", "sales of the jet to exceed 250", "Noel Forgeard", id="a person's forecast",
        ),
        pytest.param(
            "Japan saw the collapse of a mid-size insurer, Yamato Life Insurance Company, which declared bankruptcy.",
            "declared", "which", "bankruptcy", "Yamato Life Insurance Company", id="an organisation's declaration",
        ),
    ],
)
def test_plans_forecasts_and_declarations_are_statements(pipeline, text, cue, source, content, speaker):
    """Statements the PolNeAR-trained cue model drops: what an organisation plans or declares, what anyone forecasts."""
    found = [s for s in summary(extract(pipeline, text)) if s[2] == cue]
    assert found == [("indirect", source, cue, content, speaker)]


def test_a_persons_wish_inside_what_they_said_is_no_statement_of_its_own(pipeline):
    statements = extract(pipeline, "Senator Ruth Calloway said she wants to run again next year.").statements
    assert [s.cue.text for s in statements] == ["said"]


def test_a_cue_with_its_noun_after_the_object_keeps_the_object_as_content(pipeline):
    """ "cited X in a report": the cue must not swallow X, or the statement has no content left."""
    text = "German magazine Der Spiegel cited confidential documents from engine maker Europrop in a report."
    assert summary(extract(pipeline, text)) == [
        ("indirect", "German magazine Der Spiegel", "cited", "confidential documents from engine maker Europrop",
         "Der Spiegel")
    ]


def test_a_clause_hung_on_a_memo_is_what_was_announced(pipeline):
    text = (
        "Steve Jobs, the chief executive of Apple, announced Monday in an internal memo that he would take "
        "medical leave."
    )
    ((_, source, cue, content, speaker),) = summary(extract(pipeline, text))
    assert (source, cue) == ("Steve Jobs, the chief executive of Apple", "announced Monday in an internal memo")
    assert (content, speaker) == ("that he would take medical leave", "Steve Jobs")


@pytest.mark.parametrize(
    "text, content",
    [
        ("“We do not need to buy planes from Europe,” Detik.com quoted Jusman Djamal as saying.",
         "“We do not need to buy planes from Europe,”"),
        ("Detik.com quoted Jusman Djamal as saying the country did not need planes from Europe.",
         "the country did not need planes from Europe"),
    ],
)
def test_whoever_is_quoted_as_saying_says_it(pipeline, text, content):
    found = summary(extract(pipeline, text))
    assert found[0][1:3] == ("Detik.com", "quoted")
    saying = [s[1:] for s in found if s[2] == "saying"]
    assert saying == [("Jusman Djamal", "saying", content, "Jusman Djamal")]


def test_a_relative_clause_that_speaks_has_its_noun_for_speaker(pipeline):
    """ "a blog post that said ...": the post says it, not "that"."""
    text = "The company published a blog post that said customers will get free music."
    [statement] = [s for s in extract(pipeline, text).statements if s.cue.text == "said"]
    assert statement.source.text == "a blog post"


def test_an_expectation_in_an_aside_keeps_what_is_expected(pipeline):
    """ "WeWork, which is expected to lay off thousands": the comma opens the clause the statement
    is, not an aside to trim from it."""
    text = "WeWork, which is expected to lay off thousands of employees, confirmed the talks."
    [statement] = [s for s in extract(pipeline, text).statements if s.cue.text == "is expected"]
    assert statement.content.text == "WeWork to lay off thousands of employees"


def test_a_foreign_word_inside_a_name_is_no_cue_but_a_misspelt_verb_is(pipeline):
    # spaCy takes "und" for a verb only in some names ("BBC AG Brown Boveri und Cie"): the rule is
    # checked on the words themselves
    doc = pipeline.nlp("Karl Ebner, chairman of Holzwerk Brandt und Cie, said the report asssessed the impact.")
    word = {t.text: t for t in doc}
    assert _in_a_name(word["und"])
    assert not _in_a_name(word["asssessed"]) and not _in_a_name(word["said"])
    misspelt = extract(pipeline, "The ministry's report asssessed the impact of the proposed acreage program.")
    assert [s.cue.text for s in misspelt.statements] == ["asssessed"]


@pytest.mark.parametrize(("text", "cues"), [
    ("Forest fires in the north are threatening settlements, officials said.", ["said"]),
    ("Excellent weather, with alternating periods of sunshine and rain, has encouraged growth.", []),
    ("Severe drought threatens to reduce the country's tea crop.", []),
    ("The dockers' union threatened to strike.", ["threatened"]),
    ("Sugar traders threaten to boycott the tender.", ["threaten"]),
    ("The EC, which has threatened to retaliate, met on Monday.", ["has threatened"]),
    ("A cut of two pence suggests that another cut can be offered next year.", []),
    ("A rise in the index indicated that rates would fall.", []),
    ("Harwick's chairman suggested that the plant could close.", ["suggested"]),
    ("The ministry's report indicated that imports would rise.", ["indicated"]),
    ("Emails from the agency suggest that the plan would fail.", ["suggest"]),
    ("Early retiree and author Dana Holm suggests saving 30 times your expenses.", ["suggests"]),
    ("Those facts suggest that the receptors came from the immune system.", []),
    ("Some have suggested that the bank should cut rates.", ["have suggested"]),
    ("A number of recent surveys suggest that the party has overtaken Labour.", ["suggest"]),
    ("Some legal experts suggested that the case could reach Congress.", ["suggested"]),
])
def test_a_cue_that_things_do_too_reports_only_what_someone_does(pipeline, text, cues):
    assert [s.cue.text for s in extract(pipeline, text).statements] == cues


@pytest.mark.parametrize(("text", "cues"), [
    # a word only the cue model reads as a cue, done by a thing, reports nothing
    ("The new headphone chip delivers faster wireless connections to your devices.", []),
    ("The buzz on national news focused on a new anti-drug campaign.", []),
    ("The unprecedented resolution allowed the researchers to gather key insights.", []),
    # done by someone, or by a record, it stands; so does a listed verb, whoever says it
    ("WeWork agreed to a rescue by its largest shareholder last month.", ["agreed to"]),
    ("The duo decided to set up a similar facility in India.", ["decided"]),
    ("The communique also welcomed the firm action of the president.", ["also welcomed"]),
    ("A House Banking subcommittee approved a bill authorizing contributions.", ["approved"]),
    ("The plane promises increased fuel efficiency.", ["promises"]),
])
def test_what_a_thing_does_is_no_statement(pipeline, text, cues):
    assert [s.cue.text for s in extract(pipeline, text).statements] == cues
