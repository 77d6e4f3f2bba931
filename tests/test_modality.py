"""When a statement was made, its stance, and the window a forward-looking one points to."""

from datetime import date

import pytest

from saidwhat.extract import modality
from saidwhat.extract.time.values import window
from saidwhat.model import Article, TimeExpression


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
        "the plant should close in 2026",  # what a thing should do is a forecast
        "the plant apparently will close in 2026",
        "the plant seems likely to close in 2026",
        "he believes the plant will close in 2026",
        "there is a slim chance the plant will close in 2026",
        "there is a possibility that the plant will close in 2026",
    ],
)
def test_hedges(pipeline, content):
    text = f"The minister said {content}."
    assert attributes(pipeline, text, cue="said") == (PUBLISHED, True, False, True, END_2026)


@pytest.mark.parametrize(
    "content",
    [
        "the plant will close in 2026",
        "the company plans to close the plant in 2026",  # a plan is a commitment, not a doubt
        "the company intends to close the plant in 2026",
        "the company aims to close the plant in 2026",
        "the owners should close the plant in 2026",  # what someone should do is advice
        "workers will be offered the chance to move in 2026",  # a chance given is no doubt
    ],
)
def test_plain_future_is_not_hedged(pipeline, content):
    text = f"The minister said {content}."
    assert attributes(pipeline, text, cue="said") == (PUBLISHED, False, False, True, END_2026)


@pytest.mark.parametrize(
    ("text", "cue", "negated"),
    [
        ("The company declined to comment on the talks.", "declined", True),  # a refusal to tell
        ("Pinola declined comment on the bid.", "declined", True),
        ("The union refused to sign the agreement.", "refused", True),
        ("He said the pact set no exchange rate targets.", "said", True),  # "no" thing
        ("He said there were no talks with the union.", "said", True),
        ("He said no date has been set for the meeting.", "said", True),  # no one, nothing
        ("She said Russia failed to fulfil its agreed cuts.", "said", True),  # an act that did not come about
        ("He said the bank declined to follow market rates down.", "said", False),  # not the report's own
        ("He did not deny that the talks failed.", "did not deny", False),  # two negations cancel out
    ],
)
def test_negations(pipeline, text, cue, negated):
    statements = pipeline.extract(Article(id="t", text=text, published=PUBLISHED)).statements
    assert [s.negated for s in statements if s.cue.text == cue] == [negated]


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


@pytest.mark.parametrize(
    "text",
    [
        "The Fed's policy has been unchanged up to today, a Fed official said on Monday.",
        "The May crush ended today, the growers' association said on Monday.",
        "Norfield Oil said it cut the price of heavy fuel oil by 50 cents a barrel, effective today.",
        "The Fed couldn't have waited until March to ease, an economist said on Monday.",
        "The minister said on Monday that the port reopened on Tuesday.",
        "Mr Halloran said the governor had intended to hold today's news conference.",
        'Reviewers called it "an incredible feat when it decides to work."',  # a name given
        "The minister said the country could no longer rely on a handful of city clinics.",  # a state now
        "The first step for a saver is to take stock of their debts, the adviser said.",  # a definition
        '"It may sound shallow, but I write fast," the author said.',  # an appearance now
        "The program is considered by many analysts to be the most ambitious in Africa.",  # a judgement now
        "“He wanted to work with Nellie Wall, but then I showed up,” the actress said on Monday.",  # her own past
        "“I was unable to stand without feeling like I was going to pass out,” the patient wrote.",  # her own past
        "“I would like to emphasise that her account is credible,” the prosecutor said.",  # a remark made
        '"It should be noted that artists do not need approval to perform," the statement said.',
        "According to court papers, the widow's unsigned will left the house to a charity.",  # a testament
        "“It’s a shame to see a comrade die this way,” the doctor said.",  # a judgement now
        '"The political will is not there on the part of buyers to make pacts work," the envoy said.',  # where
    ],
)
def test_past_facts_located_by_a_date_are_not_forward_looking(pipeline, text):
    statements = pipeline.extract(Article(id="t", text=text, published=date(1987, 3, 3))).statements
    assert [(s.future, s.due) for s in statements] == [(False, None)]


@pytest.mark.parametrize(
    "content",
    [
        "the plant is to close next year",
        "the company plans to close the plant next year",
        "it expects sales to exceed 250 next year",
        "the bank was going to close the branch next year",
        "the plant should close next year",
        "the bank was likely to close the branch next year",  # a prospect told in the past
        "the bank would no longer open the branch next year",
        "the plan is to close the plant next year",  # a plan, not a definition
        "there is to be a vote on the plant next year",
    ],
)
def test_reported_future(pipeline, content):
    text = f"The minister said {content}."
    assert attributes(pipeline, text, cue="said")[3:] == (True, date(2025, 12, 31))


@pytest.mark.parametrize(("content", "future"), [
    ("they expect three Soviet tankers initially to reinforce the fleet", True),  # parsed as an adverbial
    ("it set the special payout to allow holders to share in the gain", False),  # of purpose
])
def test_an_expected_object_with_an_infinitive(pipeline, content, future):
    assert attributes(pipeline, f"Shipping sources said {content}.", cue="said")[3] is future


@pytest.mark.parametrize(("content", "future"), [
    ("the board decided it would sell the unit", True),
    ("he had indicated he would veto the bill", False),  # a plan reported as of a past moment
    ("last year the court had ruled that the clause should also apply to air traffic", False),
    ("the court ruled the firm must pay damages", False),  # a duty, not an event ahead
    ("the budget office has not determined what amount would be excessive", False),  # a question
    ("he has always said if there came a day when he could not serve, he would resign", True),  # a condition
])
def test_a_future_reported_in_a_past_clause(pipeline, content, future):
    assert attributes(pipeline, f"Officials said {content}.", cue="said")[3] is future


@pytest.mark.parametrize(("content", "future"), [
    ("the Community is likely to award a rebate at today's tender", True),  # likely to
    ("it is proposing a share issue of two new shares for each held", True),  # a proposal pending
    ("its subsidiary has agreed in principle to sell its training business", True),  # an agreement to act
    ("its subsidiary had agreed to sell the business but withdrew", False),  # over before
    ("the plant is to close next year", True),  # "is to"
    ("it is difficult to draw firm conclusions from the study", False),  # the infinitive is the subject
    ("it is important to remember the victims", False),
    ("it is ready to sign the deal", True),
    ("it does not know exactly when the plant would reopen", False),  # an indirect question
    ("it could not comment on the inquiry", False),  # a refusal to tell, not a plan
    ("it would not disclose the terms", False),
    ("it will not give up the fight", True),  # a negated plan
])
def test_what_is_likely_proposed_or_agreed_lies_ahead(pipeline, content, future):
    assert attributes(pipeline, f"The company said {content}.", cue="said")[3] is future


def test_announced_cuts_are_pending(pipeline):
    text = "Carvell Motors announced 2,000 job cuts."
    assert attributes(pipeline, text)[3] is True


def test_an_act_dated_before_the_statement_is_not_pending(pipeline):
    text = "Carvell Motors, whose board approved the acquisition last November for 90 mln dlrs, said nothing."
    assert attributes(pipeline, text, published=date(1987, 3, 16), cue="approved")[3] is False


def test_announced_results_are_not(pipeline):
    text = "Carvell Motors announced record profits."
    assert attributes(pipeline, text)[3] is False


def test_a_promised_statement_tomorrow_is_forward_looking(pipeline):
    """Trivial, but a commitment with a date all the same: the statement is due tomorrow."""
    text = "A spokesman declined further comment but said a statement would be available tomorrow."
    assert attributes(pipeline, text, cue="said")[3:] == (True, date(2024, 12, 4))


@pytest.mark.parametrize(
    "text, published, due",
    [
        ("The Treasury said on Thursday it will use temporary authority in next Thursday's bill auction.",
         date(1987, 2, 26), date(1987, 3, 5)),
        ("The company said it will report second-quarter results on August 6.", date(2026, 6, 19),
         date(2026, 8, 6)),
        ("The chairman said the plant would be completed by the summer of 1990.", date(1987, 3, 3),
         date(1990, 8, 31)),
        ("The minister said a deal would be reached before Christmas.", date(2025, 10, 24), date(2025, 12, 25)),
        ("The minister said talks would resume in late November.", date(2025, 10, 24), date(2025, 11, 30)),
        ("The ministry said it will cut output by the end of the year.", date(1987, 3, 3), date(1987, 12, 31)),
        # "early", "mid" and "late" name a third of their window
        ("The company said the plant would open by mid-1987.", date(1987, 3, 3), date(1987, 8, 31)),
        ("The bank said the merger would be completed early next year.", date(1987, 3, 3), date(1988, 4, 30)),
        ("The union said talks would resume in early March.", date(1987, 3, 3), date(1987, 3, 10)),
        ("The union said the contract would be signed within two weeks.", date(1987, 3, 3), date(1987, 3, 17)),
        ("The governor said rates would rise in the coming months.", date(1987, 3, 3), None),
        ("The senator said the vote would come after today's hearings.", date(1987, 3, 3), None),
        # expecting or aiming at something within a window that has not ended
        ("The firm said it expects a recovery in exports in 1987.", date(1987, 3, 3), date(1987, 12, 31)),
        ("The ministry said it was aiming for growth of three pct this year.", date(1987, 3, 3),
         date(1987, 12, 31)),
        ("The agency said progress on the accord was expected this year.", date(1987, 3, 3), date(1987, 12, 31)),
        # the week of a day; a date describing a thing, or the only one still ahead
        ("The carmaker said it will idle two plants during the week of March 23.", date(1987, 3, 3),
         date(1987, 3, 29)),
        ("The exchange said it plans to list a June 1987 wheat contract on April 10.", date(1987, 3, 3),
         date(1987, 4, 10)),
        ("The bank said that this year lending by its branches will be at a level similar to last year.",
         date(1987, 3, 3), date(1987, 12, 31)),
        # "in the fiscal year" is that year, not a year from the day it was said
        ("Officials said growth will fall short of three pct in the fiscal year ending March 31.",
         date(1987, 3, 17), date(1987, 3, 31)),
        # a time in a relative clause told in the past locates that clause, not the event ahead
        ("Analysts said the economy, which has been enjoying its best run in more than a decade, may now "
         "shrug off the crisis.", date(1987, 4, 13), None),
        ("Analysts said the firm, which was founded in 1950, will open a plant in May.", date(1987, 4, 13),
         date(1987, 5, 31)),
        # ... nor does one in a sentence in the perfect, a web page's curly apostrophe read as one
        ("“You’ve beaten good teams this year. Good things are going to happen,” the coach said.",
         date(2019, 11, 19), None),
        # the time of the main event, not of a thing it is about
        ("Traders said Norvale is to negotiate tomorrow with trade houses for sugar contracts to cover the "
         "next five years.", date(1987, 4, 9), date(1987, 4, 10)),
        ("The firm said it expects a ruling next week on its plan to cut costs by 1989.", date(1987, 4, 9),
         date(1987, 4, 19)),
        # a day that only names a past event in the subject
        ("Analysts said Monday's market collapse could hurt Republican hopes of keeping the White House in 1988.",
         date(1987, 10, 19), date(1988, 12, 31)),
        # the day a term starts, named beside the cue; not the model years of the cars
        ("Halvard Motors said effective March 16 it will offer a 750 dlr rebate on 1986 and 1987 Corsan "
         "sedans.", date(1987, 3, 13), date(1987, 3, 16)),
        # a time of a past telling is not the told future's; a past forecast's time is the forecast's
        ("Brinkley said the banks earlier this week notified Varco that they would not buy more "
         "receivables.", date(1987, 4, 11), None),
        ("Brinkley said the banks earlier this week notified Varco that they would stop buying receivables "
         "in June.", date(1987, 4, 11), date(1987, 6, 30)),
        ("The central bank said it forecast a shortage of around 450 mln stg in the money market today.",
         date(1987, 3, 19), date(1987, 3, 19)),
    ],
)
def test_due_dates(pipeline, text, published, due):
    assert attributes(pipeline, text, published=published, cue="said")[3:] == (True, due)


def test_said_on_is_never_after_publication(pipeline):
    """A weekday read forward ("Thursday night's fight" in a Tuesday article) never dates the cue."""
    doc = pipeline.nlp("The promoter said on Thursday that a rematch would follow.")
    said, thursday = next(t for t in doc if t.text == "said"), next(t for t in doc if t.text == "Thursday")
    content = {t.i for t in doc if t.i > thursday.i + 1 and not t.is_punct}
    ahead = TimeExpression(start=thursday.idx, end=thursday.idx + 8, text="Thursday", type="DATE", value="1987-03-05")
    behind = ahead.model_copy(update={"value": "1987-02-26"})
    tuesday = date(1987, 3, 3)
    assert modality.attributes(doc, [said.i], content, [ahead], tuesday)["said_on"] == tuesday
    assert modality.attributes(doc, [said.i], content, [behind], tuesday)["said_on"] == date(1987, 2, 26)


def test_the_day_a_term_starts_is_not_the_day_it_was_said(pipeline):
    text = "Halvard Motors said effective March 16 it will offer a rebate."
    assert attributes(pipeline, text, published=date(1987, 3, 13), cue="said") == (
        date(1987, 3, 13), False, False, True, date(1987, 3, 16))
    text = "Halvard Motors said on March 9 it raised its prices by two pct."
    assert attributes(pipeline, text, published=date(1987, 3, 13), cue="said")[0] == date(1987, 3, 9)
    text = "The company said after April 3 the exercise price of its warrants will return to two dlrs."
    assert attributes(pipeline, text, published=date(1987, 3, 20), cue="said")[0] == date(1987, 3, 20)


def test_a_headline_is_a_sentence_of_its_own(pipeline):
    text = (
        "Putin says new missiles to be deployed in 2025\n"
        "The Kremlin said on Tuesday that the tests of the missile had gone well.\n"
        "Officials gave no details of where the launchers would be placed.\n"
        "The announcement came after a week of talks in the capital."
    )
    statements = pipeline.extract(Article(id="t", text=text, published=date(2024, 12, 3))).statements
    headline = next(s for s in statements if s.cue.text == "says")
    assert (headline.content.text, headline.future, headline.due) == (
        "new missiles to be deployed in 2025", True, date(2025, 12, 31))


def test_a_wrapped_line_is_not_a_sentence(pipeline):
    text = (
        "The central bank said on Tuesday that it would keep its discount\n"
        "rate unchanged at 3.5 pct until the end of the year, citing the\n"
        "recent strength of the currency and the slowdown in prices.\n"
        "    Economists said the decision had been widely expected by the\n"
        "markets after the figures published last week.\n"
    )
    statements = pipeline.extract(Article(id="t", text=text, published=date(1987, 3, 3))).statements
    first = next(s for s in statements if s.cue.text == "said" and "discount" in s.content.text)
    assert first.content.text == "that it would keep its discount\nrate unchanged at 3.5 pct until the end of the year"
    assert (first.future, first.due) == (True, date(1987, 12, 31))


def test_a_bond_due_in_a_year_is_no_due_date_of_its_issue(pipeline):
    text = "Norvale Shipping said it will offer 200 mln dlrs of notes due 2031 in January."
    assert attributes(pipeline, text, cue="said")[3:] == (True, date(2025, 1, 31))
    assert attributes(pipeline, "Norvale Shipping said the payment will be due in January.")[3:] == (
        True, date(2025, 1, 31)
    )


def test_a_past_fact_parsed_as_two_clauses_is_told_by_its_tensed_verb(pipeline):
    """The parser reads "ships bound for Norvale in the past to unload arms" as a clause of its own;
    the content is told by "were known to have sailed", a past fact."""
    text = ("Diplomats said cargo ships bound for Norvale in the past to unload arms for road delivery were "
            "known to have sailed under escort.")
    assert attributes(pipeline, text, published=date(1987, 4, 13), cue="said")[3:] == (False, None)


@pytest.mark.parametrize(("text", "future"), [
    ("The budget office is said to be against any expansion of the program.", False),
    ("The bank is said to be planning a bond issue.", True),
    ("The company was told to close the plant by May.", True),
])
def test_a_state_reported_in_the_passive_is_no_act_ahead(pipeline, text, future):
    statements = pipeline.extract(Article(id="t", text=text, published=date(1987, 2, 26))).statements
    assert [s.future for s in statements] == [future]


def test_planning_a_thing_is_forward_looking_and_having_planned_it_is_not(pipeline):
    text = "Halden Bank said Norvale Shipping is planning a 300 mln crown bond due 2031."
    assert attributes(pipeline, text)[3:] == (True, None)  # the bond's maturity is no due date
    assert attributes(pipeline, "Halden Bank said Norvale Shipping planned a bond last year.")[3] is False


@pytest.mark.parametrize(("text", "future"), [
    ("Smith declined to name the Japanese company.", False),
    ("The company declined to give further details.", False),
    ("Norvale officials declined to project revenues for the new service.", False),
    ("Asked if Chase Manhattan would consider an acquisition in Italy, Smith said nothing.", False),
    ("The minister asked whether the bank would cut rates.", False),
    ("Asked to comment on the agreement, Smith said only that it was good news.", False),  # asked, not asking
    ("Analysts do not know whether the service will make money.", False),
    ("Vaughan began to wonder whether the cells might be involved.", False),
    ("Analysts do not know just how much disruption the streaming wars will cause.", False),
    ("The spokesman did not say the firm would not comment on the inquiry.", False),  # a refusal to tell
    ("The minister did not say whether the plant would close.", False),
    ("The chairman declined to say if the group would bid again.", False),
    ("The ministry has yet to decide whether the maize will come in by tender.", True),  # a decision ahead
    # no one has decided: an open question, not a claim
    ("Hale said neither he nor the Farm Ministry had decided whether payments should be guaranteed.", False),
    ("Senator Hale asked, “What is the plan if the rockets are not ready by 2024?”", False),
    ("The authorities continue to pour fuel on the fire.", False),  # a state going on
    ("Both actors were said to have run into contractual issues in 2018.", False),  # a perfect infinitive
    ("Iran refused to begin negotiations.", False),  # a refusal to act, told in the past, is over
    ("The minister asked the bank to cut rates.", True),  # a request
])
def test_a_refusal_to_tell_a_question_or_a_state_is_not_forward_looking(pipeline, text, future):
    statements = pipeline.extract(Article(id="t", text=text, published=date(2019, 11, 19))).statements
    cued = [s for s in statements if s.cue.text.lower().startswith(
        ("declined", "asked", "refused", "do not know", "continue", "were said", "did not say", "has yet", "began",
         "had decided", "has decided"))]
    assert [s.future for s in cued] == [future]


@pytest.mark.parametrize(("text", "cue", "future"), [
    ("Norvale Aerospace also chose to receive bids from two smaller suppliers.", "also chose", False),
    ("I also saw people trying to recruit affiliates.", "also saw", False),
    ("The Halden Times said Norvale plans to close the plant.", "said", True),
    ("Officials told residents to leave by Friday.", "told", True),
    ("Regulators allowed Halden to bid for the launch contracts again.", "allowed", True),
    ("Norvale hopes to raise its exports to Japan.", "hopes", True),  # the model's lemma is "hop"
    ("The minister said he hopes the swap will pave the way for talks.", "said", True),  # a clause ahead
    ("Coaches say setbacks cause you to grow as a person.", "say", False),  # an infinitive is no modal
    ("The study found that sales would fall next year.", "found", True),  # a modal of its own
    # what tests showed possible then ("could", the past of "can"), unless a time lies ahead
    ("Breathing tests showed that his lungs could not hold as much air as normal.", "showed", False),
    ("Earlier studies indicated private investment could sustain two pct growth.", "indicated", False),
    ("A poll showed that the party could win the election in December.", "showed", True),
    ("Halden, who likes to sail and play chess, backed the bid.", "likes", False),  # a habit
    ("Norvale would like to buy the Tarno plant.", "would like", True),  # a wish
    ("Tarno News tried to find out about the bid.", "tried", False),  # an attempt over
    ("The union sought to win a 35-hour week for its members.", "sought", False),  # an attempt over
    ("The owners refused to begin negotiations.", "refused", False),  # a refusal over
    ("The owners refuse to begin negotiations until May.", "refuse", True),  # a refusal that stands
    ("The premier has refused to drop the sales tax.", "has refused", True),  # one that still stands
    ("We are so excited to have you as our new president.", "are so excited", False),  # a feeling
    ("Analysts were expecting the company to earn 2.52 dlrs a share.", "were expecting", False),  # results
    ("Analysts are expecting the company to earn 2.52 dlrs a share.", "are expecting", True),
    ("Analysts said they were expecting a rate cut next month.", "said", True),  # reported: still ahead
    ("We would be happy to sign the deal.", "would be happy", True),  # an offer
    ("Norvale had planned to close the plant in May.", "had planned", False),  # a plan dated before
    # a commitment or request in the past perfect still lies ahead of when it was made; an
    # expectation or an intention in the past perfect is what the story sets against the outcome
    ("Brask had agreed to play the lead in the film.", "had agreed", True),
    ("Police had earlier threatened to use live fire if attacked again.", "had earlier threatened", True),
    ("The ministry had asked car makers to exercise prudence in exports.", "had asked", True),
    ("Economists had forecast a rise in the money supply.", "had forecast", False),
    ("Economists had expected the money supply to rise.", "had expected", False),
    ("Congress had not intended to hurt the industry.", "had not intended", False),
    ("Brask said he remembers going to get pizza that night.", "said", False),  # a trip, no "is going to"
    ("“The President's not going to give in,” Brask said.", "said", True),  # "'s" read as a possessive
    ("The company said Norvale is trying to sell the unit.", "said", True),  # one going on
])
def test_an_infinitive_or_a_thing_seen_is_ahead_only_after_a_cue_of_intent_or_telling(pipeline, text, cue, future):
    """An infinitive after a cue of choosing, or what one saw, is no act ahead; after a cue of
    intent, telling or allowing it is (the cue's own tense aside: "chose to receive bids")."""
    statements = pipeline.extract(Article(id="t", text=text, published=date(2019, 11, 18))).statements
    assert [s.future for s in statements if s.cue.text == cue] == [future]


@pytest.mark.parametrize(("text", "future", "due"), [
    ("Brokers Wendell and Co see Norvale earning 1.40 crowns a share in 2020.", True, date(2020, 12, 31)),
    ("Analyst Mira Sand sees 2020 earnings at 2.10 crowns a share.", True, date(2020, 12, 31)),
    ("Some analysts see crude stocks falling by as much as six million barrels.", True, None),
    ("Analyst Mira Sand sees an improvement in the current quarter.", True, date(2019, 12, 31)),
    ("Tarno meat packers see Japan as a promising market.", False, None),  # a view
    ("Analyst Mira Sand saw prices falling on Friday.", False, None),  # what was seen
])
def test_a_present_see_with_a_figure_a_change_or_a_time_ahead_is_a_forecast(pipeline, text, future, due):
    """ "Analysts see GM earning 5.65 dlrs this year": the wire's way of giving a forecast."""
    statements = pipeline.extract(Article(id="t", text=text, published=date(2019, 11, 18))).statements
    assert [(s.future, s.due) for s in statements] == [(future, due)]


def test_a_schedule_after_with_looks_ahead_of_a_past_clause(pipeline):
    text = (
        "Norvale Airlines Corp's new\nTarno Airlines International Ltd unit said it ordered six\n"
        "new Jetstream 31 airplanes and took options on six more from\nHalden Aerospace Inc, with "
        "delivery starting May 1.\n"
    )
    assert attributes(pipeline, text, published=date(1987, 3, 24), cue="said")[3:] == (True, date(1987, 5, 1))


def test_first_hand_is_no_figure_to_forecast(pipeline):
    text = 'Brask said Norvale employs about 450 apprentices, and he sees "first hand their love of their trade."'
    statements = pipeline.extract(Article(id="t", text=text, published=date(2019, 11, 18))).statements
    assert [s.future for s in statements if s.cue.text == "sees"] == [False]


def test_a_decision_told_in_the_past_dates_its_act_either_side_of_today(pipeline):
    """"decided to reopen the investigation in May", in a November story: that May is past, and
    an act dated well before the statement is no longer pending ("voted to close the plant in
    March" still looks ahead)."""
    decided = pipeline.extract(Article(
        id="t", text="Swedish prosecutors decided to reopen the investigation in May.", published=date(2019, 11, 19)))
    assert [t.value for t in decided.times] == ["2019-05"]
    assert [(s.future, s.due) for s in decided.statements] == [(False, None)]
    voted = pipeline.extract(Article(
        id="t", text="The board voted to close the plant in March.", published=date(2019, 11, 19)))
    assert [(s.future, s.due) for s in voted.statements] == [(True, date(2020, 3, 31))]


@pytest.mark.parametrize(("text", "future"), [
    ("The health agency recommends that everyone get a flu vaccine.", True),
    ("Harwick Motors recommended that shareholders tender their shares.", True),
    ("The growers asked that the crop be exempt from the new tariffs.", True),
    ("Analysts suggest that sales are falling.", False),  # a state reported, not an act asked for
    ("The report recommends that the two agencies are merged.", False),
])
def test_an_act_asked_for_in_a_clause_of_its_own_is_forward_looking(pipeline, text, future):
    assert attributes(pipeline, text)[3] is future


@pytest.mark.parametrize(("text", "future"), [
    ("“How are you going to stop the tide,” Hale said.", False),
    ("“Will the plant close?” the union asked.", False),
    ("“When will they learn,” she said.", False),
    ("“We will close the plant,” Hale said.", True),
    ("“They will build two rockets a year,” “What do you think?” Hale said.", True),  # asked after
    ("Hale said what the union will do next is up to its members.", False),
])
def test_a_question_in_the_speakers_words_is_not_forward_looking(pipeline, text, future):
    assert attributes(pipeline, text)[3] is future


@pytest.mark.parametrize("text", [
    "No spokesman for either company was available to say why the merger would be delayed.",
    "Officials were not immediately available to say when the talks would resume.",
])
def test_no_one_available_to_say_says_nothing_ahead(pipeline, text):
    statements = pipeline.extract(Article(id="t", text=text, published=date(1987, 4, 1))).statements
    assert statements and not any(s.future for s in statements)


@pytest.mark.parametrize("text, future", [
    ("Arden said the acquisition brings its ownership in Lumen to over 94 pct and it intends to acquire "
     "the remaining interests by June.", True),
    ("Arden said profits fell last year and the company will cut 200 jobs.", True),
    ("Arden said profits fell last year and the company cut 200 jobs.", False),
    ("A dealer said, \"It's tight, but overall I would say it's fairly priced.\"", False),
    ("Arden said it has acquired Pine Island Clinic and will merge the clinic into its Dover unit.", True),
    ("Arden said it has acquired Pine Island Clinic and merged the clinic into its Dover unit.", False),
    # "will" hung from "be" by the parser; a future perfect; a clause the parser hung on the cue
    ("Arden said the buyback offer will be co-managed by Merrill Lynch and Salomon Brothers.", True),
    ("Arden said the market value will have risen to five billion dlrs by 1992.", True),
    ("Arden said, \"But I think if there's any sign of a dip, it will be bought\nback up again pretty "
     "quickly.\"", True),
    # a belief in what will be, or may happen
    ("Arden said it believes the merged company may see short-term pressure on margins.", True),
    ("Arden said it thinks the market may be overvalued.", False),
    ("Arden said it has bought 129,000 shares of Lumen and may try to influence the company.", True),
    ("The central bank said it is confident that the good cooperation with the Fed will continue.", True),
    ("The central bank said it is confident that the cooperation with the Fed worked well.", False),
])
def test_a_joined_clause_may_look_ahead(pipeline, text, future):
    assert attributes(pipeline, text, cue="said")[3] is future


def test_a_deadline_beside_the_cue_is_no_day_of_speaking(pipeline):
    text = "Turning to 1986 results, Seipp said by year end there had been strong growth in business."
    assert attributes(pipeline, text, published=date(1987, 3, 30))[0] == date(1987, 3, 30)


def test_someone_else_available_may_say_something_ahead(pipeline):
    text = ("Adjusted import figures were not available but the department said they will be "
            "included in next month's data.")
    statements = pipeline.extract(Article(id="t", text=text, published=date(1987, 3, 30))).statements
    assert [s.future for s in statements] == [True]


@pytest.mark.parametrize(("text", "future"), [
    # a quotation of two sentences looks ahead by its second
    ('"It is more than a rumour," Greta Halvorsen, an analyst at Nordbank, said. "It shows that something big '
     'will happen."', True),
    ('"It is more than a rumour," Greta Halvorsen, an analyst at Nordbank, said. "It shows how weak the market '
     'was."', False),
])
def test_a_quotation_looks_ahead_by_any_of_its_sentences(pipeline, text, future):
    assert attributes(pipeline, text)[3] is future


@pytest.mark.parametrize(("text", "future", "due"), [
    # a figure reported is a result reached, whatever quarter it names
    ("Halden Systems reported a third quarter loss of two mln dlrs on sales of 20.8 mln dlrs.", False, None),
    # a period ends on the day named after it, not at the calendar quarter's end
    ("Halden Systems said it expects a charge in its third quarter ending July 31.", True, date(1987, 7, 31)),
    ("Norvale said exports in the year to October 31 will rise 6.8 pct.", True, date(1987, 10, 31)),
    # the beginning of the year, said in June, is behind: it dates no claim
    ("The minister said low prices, such as those seen around the beginning of the year, would lead to waste.",
     True, None),
    ("The minister said prices will rise late this year.", True, date(1987, 12, 31)),
])
def test_a_result_reported_or_a_period_that_ends_on_a_named_day(pipeline, text, future, due):
    assert attributes(pipeline, text, published=date(1987, 6, 2))[3:] == (future, due)


def test_a_plan_told_before_the_story_keeps_its_own_date(pipeline):
    """Said before the story, the main event's own date is due even when the story has passed it,
    not a later date of its purpose."""
    text = ("Dome Petroleum Ltd previously said it hoped to submit the debt plan by mid-February in order "
            "to win agreement in principle from creditors prior to June 30.")
    assert attributes(pipeline, text, published=date(1987, 3, 4))[3:] == (True, date(1987, 2, 19))


@pytest.mark.parametrize(("text", "due"), [
    # a past clause beside a forward one is dated for itself, not for the claim
    ("The May crush ended today just over 17 cents, so no processors will want to lock in a ratio at that "
     "level, the trader said.", None),
    # but a condition in the past tense is a hypothesis ahead, and a postponement names a day ahead
    ("The official said if Congress approved the plan later in the year, sign-up would have to be extended.",
     date(1987, 12, 31)),
    ("The spokesman said the Uruguayans agreed to supply part of the shipment, but they postponed delivery "
     "to July 1-20.", date(1987, 7, 1)),
])
def test_a_past_clause_beside_a_forward_one_dates_nothing(pipeline, text, due):
    assert attributes(pipeline, text, published=date(1987, 2, 26), cue="said")[3:] == (True, due)


@pytest.mark.parametrize(("text", "future"), [
    # a thing asked or wished for by name is yet to come
    ("Residents are calling for a meeting with the council.", True),
    ("The union has requested larger wage rises.", True),
    ("The senator urged restraint.", True),
    ("Activists hope for government funding.", True),
    ("She would love a second studio.", True),
    # but not what a thing calls for, a request denied or over, a question or the hearer alone
    ("The recipe called for three cups of sugar.", False),
    ("The fund never recommends grants to new programmes.", False),
    ("The mayor had requested a delay.", False),
    ("The reporters asked questions about the budget.", False),
    ("The governor urged voters.", False),
])
def test_a_thing_asked_for_by_name(pipeline, text, future):
    assert attributes(pipeline, text)[3] is future


@pytest.mark.parametrize(("text", "future"), [
    # words quoted inside the quotation were said then
    ("“I was back at work by morning. I just told myself: ‘I’m going to sing the song if it kills me!’” "
     "the singer said.", False),
    ("“I then heard the minister ask, ‘So he’s going to sign the order?’” the aide testified.", False),
    # "would" in a story told in the past is what used to happen
    ("“He would paint in the most surprising places,” she said. “Once he painted a whole barn.”", False),
    ("“All it took was one bad winter and the farm would lose every penny,” she said.", False),
    ("“That would be a disaster for exports,” he said.", True),
    # "couldn't" in the speaker's own words is what could not be done
    ("“I felt strange. I couldn’t get my mind into any other mode,” she said.", False),
    ("The company said it could not meet the deadline.", True),
    # a passive after "going to" still looks ahead
    ("“The Smiths’ house is going to be sold,” he said.", True),
    # a question led into by a fragment asks
    ("“After two more years of this,” she asks, “what kind of shops are going to be left?”", False),
])
def test_what_the_speaker_recalls_or_asks_is_not_ahead(pipeline, text, future):
    assert attributes(pipeline, text)[3] is future


@pytest.mark.parametrize(("text", "future", "due"), [
    # a thing sought or proposed by name; a sought one told in the past is over
    ("Halden Telecom said it is seeking a stake in the proposed rival network.", True, None),
    ("The commission proposed new rules for auditors.", True, None),
    ("Halden Telecom sought a stake in the rival network.", False, None),
    # a clause joined under the main one that intends, or reports a future
    ("Norvale said it had sold its stake in the chemical maker yielding a profit of 18.9 mln dlrs and "
     "expected to finalise the sale of its fertiliser unit in the first half of 1987.", True, date(1987, 6, 30)),
    ("Halden said it had started developing a hormone but decided to put its efforts into other products.",
     False, None),
    # a prospect named: likely, or a chance that something will be
    ("He added that any such move was unlikely this year.", True, date(1987, 12, 31)),
    ("He said that it is unlikely the new chairman is as familiar with the problem.", False, None),
    ("Bankers said slow progress has increased the likelihood that banks will declare the loans "
     "non-performing.", True, None),
    ("He said there is a good chance that oil prices could be maintained.", True, None),
    # told or asked to act, put off to a day: that day is ahead, whenever the telling was
    ("Officials said the prime minister has told his party to come up with a draft package in early April.",
     True, date(1987, 4, 10)),
    ("The company said it extended its tender offer to March 31.", True, date(1987, 3, 31)),
    ("He said the committee meeting formerly postponed to April had been put off indefinitely.", False, None),
    # but in the speaker's own words, a past need or thought joined to the main clause is past
    ("“I could only manage two stairs at a time and then needed to sit and rest,” she said.", False, None),
    ("“I opposed the hold as soon as I learned about it and thought we could turn it around,” he said.",
     False, None),
    # an object that a clause with "will" describes
    ("The retailer said it is commencing a four-year capital program that will include 20 new stores.",
     True, None),
    # "the quarter" in a clause about the future is the one under way
    ("He said the bank will report its results at the end of the quarter.", True, date(1987, 3, 31)),
    # a future reported in the past perfect, with a time still ahead
    ("Previously, the company had said first quarter results would likely be lower than a year ago, "
     "a spokesman said.", True, date(1987, 3, 31)),
    ("Previously, the company had said 1986 results would likely be lower, a spokesman said.", False, None),
    # a clause the parser joined to the cue inside the content, warning of a future
    ("Prime Minister Margaret Channon said the U.K. Was growing more impatient with Japanese trade barriers "
     "and warned that it would soon have new powers against countries not offering reciprocal access to "
     "their markets.", True, None),
])
def test_what_lies_ahead_in_wire_copy(pipeline, text, future, due):
    cue = "said" if " said " in text else None  # the report, not a statement nested in it
    assert attributes(pipeline, text, published=date(1987, 3, 26), cue=cue)[3:] == (future, due)
