"""Wire copy read as prose: wrapped lines joined, bracketed names opened, tickers blanked, offsets kept."""

import textwrap

from saidwhat.model import Article
from saidwhat.nlp.prose import as_prose

STORY = textwrap.fill(
    "Norwell Instruments Inc said it signed a letter of intent to buy the medical imaging unit of "
    "<Harlow Data Corp> for about 40 mln dlrs and expects to complete the purchase by the end of June. "
    "<Harlow Data Corp> said it will use the proceeds to repay bank debt. Brandt Co <BRD> said it "
    "would not bid for the unit, which the Ways and Means Committee had studied last year.",
    width=64,
)


def test_prose_keeps_the_length_and_offsets():
    prose = as_prose(STORY)
    assert len(prose) == len(STORY)
    changed = {a for a, b in zip(STORY, prose) if a != b}
    assert changed <= set("\n<>BRD") and "\n" in changed  # line breaks, brackets, the ticker BRD


def test_a_wrapped_line_break_is_a_space_and_a_written_one_stays():
    headline = "HARBOUR BOARD ADJOURNS VOTE"
    text = f"{headline}\n{STORY}\n    Shr 16 cts vs 22 cts\n    Net 1,226,597 vs 1,327,016"
    prose = as_prose(text)
    assert "40 mln dlrs and" in prose and "of  Harlow Data Corp  for" in prose
    assert prose.startswith(f"{headline}\nNorwell")  # a headline: the next word would have fitted
    assert "22 cts\n    Net" in prose  # an indented line: a paragraph or a table row


def test_a_line_ending_in_an_abbreviation_goes_on_in_lower_case():
    assert as_prose("Harlow said it expects to add 400 jobs at the U.K.\noperations.") == (
        "Harlow said it expects to add 400 jobs at the U.K. operations."
    )
    assert as_prose("It ships in June.\niPhone sales rose.") == "It ships in June.\niPhone sales rose."
    assert as_prose("\"We will build it.''\nsaid Park.") == "\"We will build it.''\nsaid Park."


def test_a_full_line_ending_in_an_acronym_is_wrapped_and_a_short_one_is_not():
    """Reuters wraps at about 70 characters: "Franco-U.S." at the end of a full line, with the next
    word too long to have fitted, goes on ("CFM-56 engine"); a short line ending "U.S." ends there."""
    lines = [
        "    Halden Aero said it would fit the new engine to its airliners in 1990.",
        "    Halden Aero said this week it would switch to the Franco-U.S.",
        "CFM-56 engine because of doubts whether the other would be ready.",
        "    It said it would sell the old design to the U.S.",
        "The sale will close in May, the company said in a statement.",
    ]
    prose = as_prose("\n".join(lines))
    assert "Franco-U.S. CFM-56 engine" in prose
    assert "to the U.S.\nThe sale" in prose


def test_a_line_starting_with_a_legal_form_goes_on_a_name():
    text = "Standard Oil Co and BP North America\nInc said they plan a venture."  # the dateline taken off
    assert as_prose(text) == "Standard Oil Co and BP North America Inc said they plan a venture."


def test_a_wire_line_ending_inside_a_name_the_next_takes_to_its_legal_form_is_wrapped():
    first = "Blinder International"  # the dateline taken off, the first line is short
    text = f"{first}\n{STORY}".replace("Norwell Instruments Inc", "Enterprises Inc", 1)
    assert as_prose(text).startswith("Blinder International Enterprises Inc said it signed")
    headline = "HARBOUR BOARD ADJOURNS VOTE"  # a headline in capitals stays apart
    assert as_prose(f"{headline}\n{STORY}").startswith(f"{headline}\nNorwell Instruments Inc said")
    unwrapped = "Blinder International\nEnterprises Inc said it would lend four million crowns to a unit."
    assert as_prose(unwrapped) == unwrapped  # not wire copy: too few lines to tell


def test_a_short_first_wire_line_goes_on_into_a_number():
    first = "The World Bank said it will provide"  # the dateline taken off, the first line is short
    text = f"{first}\n{STORY}".replace("Norwell Instruments Inc said", "37.1 mln dlrs to Tanzania, and", 1)
    assert as_prose(text).startswith(f"{first} 37.1 mln dlrs")
    table = f"Figures for the year\n{STORY}\nNet profit 12.5 vs 10.2\n13.4 vs 11.0"
    assert "10.2\n13.4" in as_prose(table)  # a line ending in a number is a table's row
    assert as_prose("The bank said it will provide\n37 mln dlrs.") == "The bank said it will provide\n37 mln dlrs."


def test_a_short_first_wire_line_ending_in_a_lower_case_word_runs_on():
    body = STORY.replace("Norwell Instruments Inc said", "MidCon Corp subsidiary said", 1)
    assert as_prose(f"Occidental Petroleum Corp said its\n{body}").startswith(
        "Occidental Petroleum Corp said its MidCon Corp subsidiary said")
    headline = "Fed holds rates steady"  # the next line opens a sentence
    assert as_prose(f"{headline}\n{STORY.replace('Norwell', 'The Norwell', 1)}").startswith(f"{headline}\nThe")
    notice = "Two-for-one stock split\nPay May 12\nRecord April 24\nNet 1,226,597 vs 1,327,016"
    assert as_prose(f"{notice}\n{STORY}").startswith(notice)  # a table row is no line run on


def test_a_line_ending_on_a_word_that_needs_the_next_is_wrapped():
    assert as_prose("Holiday Corp said it would redeem on\nMarch 11 all its bonds.") == (
        "Holiday Corp said it would redeem on March 11 all its bonds."
    )
    assert as_prose("SALES OF NEW HOMES\nThe department said") == "SALES OF NEW HOMES\nThe department said"


def test_a_name_in_brackets_is_plain_and_a_ticker_is_blank():
    assert as_prose("unit of <Hughes Capital Corp> said") == "unit of  Hughes Capital Corp  said"
    assert as_prose("Bristol-Myers Co <BMY.N> said") == "Bristol-Myers Co " + " " * len("<BMY.N>") + " said"
    assert as_prose("if x < 5 and y > 3") == "if x < 5 and y > 3"
    wrapped = "Carvel said <Tarno\nFilms International> agreed"
    assert as_prose(wrapped) == "Carvel said  Tarno Films International  agreed"


def test_guillemets_read_as_curly_quotes(pipeline):
    """The tagger reads a closing "»" as a name: it was the speaker of the quote it closes."""
    text = "«This is a promise written on water,» said councillor Rémi Duval."
    assert as_prose(text) == "“This is a promise written on water,” said councillor Rémi Duval."
    (said,) = pipeline.extract(Article(id="g", text=text, published="2025-09-03")).statements
    assert said.source is not None and "Rémi Duval" in said.source.text
    assert said.content.text == "«This is a promise written on water,»"  # as written


def test_an_apostrophe_inside_a_word_reads_straight_and_a_closing_quote_stays(pipeline):
    """The model tags "it’s" as "it" and a verb "’s" of no known lemma; "’ll" is no "will" to it."""
    text = "‘It’s over,’ she said. “We’ll close the plant,” the manager said."
    assert as_prose(text) == "‘It's over,’ she said. “We'll close the plant,” the manager said."
    doc = pipeline.nlp(text)
    assert [t.lemma_ for t in doc if t.lower_ in ("'s", "'ll")] == ["be", "will"]
    closing = pipeline.extract(Article(id="a", text=text, published="2025-09-03")).statements[-1]
    assert closing.content.text == "“We’ll close the plant,”"  # as written


def test_wire_copy_gives_whole_statements_and_named_speakers(pipeline):
    assert "\n" in STORY
    extraction = pipeline.extract(Article(id="w", text=STORY, published="1987-04-02"))
    names = {e.id: e.name for e in extraction.entities}
    said = {s.source.text: s for s in extraction.statements if s.source}
    signed = next(s for s in extraction.statements if "letter of intent" in s.content.text)
    assert signed.content.text.count("\n") == 2  # runs over two line breaks, as written
    for statement in extraction.statements:  # texts as written, offsets into the article
        assert statement.content.text == " ".join(STORY[a:b] for a, b in statement.content.spans)
    speakers = {names.get(s.source.entity) for s in said.values()}
    assert {"Harlow Data Corp", "Brandt Co"} <= speakers
    assert not any(">" in (name or "") or "<" in (name or "") for name in speakers)
    assert "Ways and Means Committee" in names.values()
