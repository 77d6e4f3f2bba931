"""Quote spans from marks as real news writes them, right and wrong."""

import pytest

from saidwhat.extract.statements.quotes import find_quotes


def quoted(text):
    return [text[s:e] for s, e in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we are ready" and left.', ['"we are ready"']),
        ("She said “we are ready” twice.", ["“we are ready”"]),
        ("Il a dit «nous sommes prêts» hier.", ["«nous sommes prêts»"]),
        ("Er sagte „wir sind bereit“ gestern.", ["„wir sind bereit“"]),
        ('"One," he said, "two."', ['"One,"', '"two."']),
        # Open at the end of a paragraph, reopened at the next: one quote over both paragraphs.
        ('"First part.\n\n"Second part," she said.', ['"First part.\n\n"Second part,"']),
        # Open at the end of a paragraph, not reopened: closed there, the rest is untouched.
        ('"Never closed, he said.\n\nNext paragraph with "a quote" in it.', ['"Never closed, he said.', '"a quote"']),
        # Closed with another style of mark, after the punctuation that ends a quotation.
        ('“We will build it," Park said. "It will be done.”', ['“We will build it,"', '"It will be done.”']),
        ("“It's unusual,“ she said. “Very.”", ["“It's unusual,“", "“Very.”"]),
        # A straight-quoted phrase inside a curly quotation does not close it.
        ('“He called it "a farce" today,” she said.', ['“He called it "a farce" today,”']),
        ("The 6\" pipe burst.", []),
        ("", []),
    ],
)
def test_find_quotes(text, expected):
    assert quoted(text) == expected


def test_apostrophes_are_not_quotes():
    assert quoted("It's the president's plan, isn't it?") == []


def test_doubled_apostrophes_are_quote_marks():
    text = "''First part.\n\n''Second part,'' she said. It's ''fine''."
    assert quoted(text) == ["''First part.\n\n''Second part,''", "''fine''"]


def test_a_closing_mark_left_out_before_the_cue():
    """A straight mark opening a quote while one is open: the first lacked its closing mark, after
    the comma before its cue."""
    text = '"We had chances to win twice over, Hale told reporters. "When you miss, you get punished."'
    assert quoted(text) == ['"We had chances to win twice over,', '"When you miss, you get punished."']
    assert quoted('"One, two," he said. "Three."') == ['"One, two,"', '"Three."']
