"""Wire copy read as prose.

Wire copy is wrapped at about 70 characters, and a name broken over two lines ("Continental\\nAirlines",
"the Ways and\\nMeans Committee") is two names, or none, to spaCy's entity recogniser; its parser
ends a sentence there ("Amgen Inc said it signed a\\nletter of intent" said only "it signed a"). And
Reuters marks a company's name or ticker with angle brackets ("<Hughes Capital Corp> said",
"Bristol-Myers Co <BMY> said"), which spaCy reads as punctuation and a speaker ">". So spaCy reads
the text as prose (``as_prose``): each line break a wrapper made is a space, a bracketed name is
plain, wrapped or not, a ticker is blank, guillemets are curly quotes (the tagger reads a closing
"»" as a name, the speaker of the quote it closes), and an apostrophe inside a word is a straight
one (the model tags "it’s" as "it" and a verb "’s" of unknown lemma, and "we’ll" has no "will").
The text keeps its length, so every offset into the article holds, and the records' texts are
sliced from the text as written (``written_text``). A line break that was written (a headline, a
table row, a line ending a sentence) stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .text import doc_text

LINE_END = set(".!?:;\"”’»)")
"""A line ending in one of these ends its sentence, whether wrapped there or not."""
_BREAK = re.compile(r"(?<=\S)\n(?=(\S+))")  # a single line break, the next line not indented
_WRITTEN = "saidwhat_written"
_CLOSING = "\"”’»"
_OPENING = "\"“«„'‘"
# A company's legal form never starts a sentence: "BP North America\nInc said" is one name, though
# a text's first line, its dateline taken off, is too short to tell by the width.
_LEGAL_FORMS = frozenset("Inc Corp Co Ltd LLC Plc PLC AG SA NV N.V BV GmbH SpA LP L.P Cos Bhd".split())
# Nor does a wire line end inside a company's name that the next line takes on to its legal form:
# "Blinder International\nEnterprises Inc said", the first line again short of its dateline.
_LEGAL_FORM = "|".join(re.escape(form) for form in sorted(_LEGAL_FORMS))
_NAME_GOES_ON = re.compile(rf"(?:[A-Z][\w&'.-]*[ \t]+){{1,4}}(?:{_LEGAL_FORM})\b")
_CAPITALISED_END = re.compile(r"(?<![\w'-])[A-Z][\w&'.-]*[a-z][\w&'.-]*$")  # "International", not "VOTE"
WIRE_WIDTH = 90
"""Hard-wrapped wire copy is wrapped at or under this width; other text may be a headline and a line."""
# Nor does a line end on a word that needs the next: "Baker International Corp and\nHughes Tool Co".
_LAST_WORD = re.compile(r"(?<![\w'-])(and|or|of|the|a|an|to|for|in|on|at|by|with|from)$")
# A line ending in an acronym's stop may end mid-sentence: "switch to the Franco-U.S.\nCFM-56-S3 engine".
_ACRONYM_END = re.compile(r"(?<![\w.])(?:[\w-]*-)?(?:[A-Z]\.){2,}$")
_TICKER = re.compile(r"<[A-Z0-9.]{1,12}>")
_BRACKETED = re.compile(r"<(?=[A-Z0-9])(?:[^<>\n]|\n(?!\s*\n)){1,80}>")
_GUILLEMETS = str.maketrans("«»", "“”")
_CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")  # "we’ll", "Tom’s"; not a closing quote


def wrap_width(text: str) -> int:
    """A low estimate of the width the text is wrapped at: the length its longest quarter of lines
    reach. Hard-wrapped wire copy gives about 70, text with a line a sentence or paragraph far more;
    under four lines tell nothing (-1)."""
    lengths = sorted(len(line.rstrip()) for line in text.split("\n") if line.strip())
    return lengths[(3 * len(lengths)) // 4] if len(lengths) >= 4 else -1


def as_prose(text: str) -> str:
    """``text`` as spaCy should read it (see the module), in the same length."""
    blanks = [*_wrapped_breaks(text)]
    for ticker in _TICKER.finditer(text):
        blanks.extend(range(*ticker.span()))
    for name in _BRACKETED.finditer(text):  # and a line break inside it: "<Viva\nFilms International>"
        ends = (name.start(), name.end() - 1)
        blanks.extend(i for i in range(name.start(), name.end()) if i in ends or text[i] == "\n")
    text = _CURLY_APOSTROPHE.sub("'", text.translate(_GUILLEMETS))
    if not blanks:
        return text
    chars = list(text)
    for i in blanks:
        chars[i] = " "
    return "".join(chars)


def _wrapped_breaks(text: str) -> list[int]:
    """Where a wrapper broke the lines: the next line goes on in lower case (even after a stop: the
    line ended in an abbreviation), or the line does not end a sentence and ends on a word that needs
    the next ("and", "of"), or the next line's first word is a company's legal form or would not
    have fitted on it, or in wire copy the line ends in a capitalised word that the next line's
    words take on to a legal form ("Blinder International\nEnterprises Inc") or in a lower-case word
    before a number ("The World Bank said it will provide\n37.1 mln dlrs"), or it is the story's
    first line, short of its dateline, and runs on (``_lead_goes_on``); a line ending in an acronym
    ("U.S.") may have been broken so too, and spaCy tells whether its stop ends the sentence. A
    line ending a quotation is left alone."""
    width = wrap_width(text)
    breaks = []
    for match in _BREAK.finditer(text):
        end, word = match.start(), match.group(1)
        if text[end - 1] in _CLOSING or text[end - 2:end] == "''" or word[0] in _OPENING:
            continue  # '' closes a quote in tokenised text (MEANTIME)
        if word[0].islower() and word.islower() and text[end - 1] not in "!?":  # "the U.K.\noperations"
            breaks.append(end)
            continue
        if text[end - 1] in LINE_END and not _ACRONYM_END.search(text, max(0, end - 20), end):
            continue
        line = end - (text.rfind("\n", 0, end) + 1)
        wire = 0 < width <= WIRE_WIDTH
        if (
            word.rstrip(".,;:>").removesuffix("'s") in _LEGAL_FORMS
            or _LAST_WORD.search(text, max(0, end - 5), end)
            or wire and word[0].isdigit() and text[end - 1].islower()  # "said it will provide\n37.1 mln dlrs"
            or wire and line == end and _lead_goes_on(text, end, word, width)
            or 0 <= width < line + 1 + len(word)
            or wire and _CAPITALISED_END.search(text, max(0, end - 30), end)
            and _NAME_GOES_ON.match(text, match.end())
        ):
            breaks.append(end)
    return breaks


def _lead_goes_on(text: str, end: int, word: str, width: int) -> bool:
    """Whether a wire story's first line, short because its dateline was taken off, runs on into
    the next: it ends in a word, not in capitals ("Occidental Petroleum Corp said its\nMidCon Corp
    subsidiary will redeem", "Former Prime Minister Robert\nMuldoon"), and the next line, a full
    one, opens with no word that starts a sentence ("The", "It") and is no table row ("Two-for-one
    stock split\nPay May 12"). A headline in title case before a name would run on too; wire text
    rarely carries one (Reuters gives it apart), and one in capitals stays apart."""
    stop = text.find("\n", end + 1)
    following = text[end + 1 : stop if stop >= 0 else None]
    return (
        text[end - 1].islower() and text[:end].rsplit(None, 1)[-1].isalpha()
        and word[0].isupper() and word.lower() not in STOP_WORDS
        and len(following.rstrip()) >= 3 * width // 4 and " vs " not in following
    )


def written_text(doc: Doc) -> str:
    """The text of ``doc`` as written, before ``as_prose`` (``doc_text``, cached, when the same)."""
    return doc.user_data.get(_WRITTEN) or doc_text(doc)


class ProseTokenizer:
    """A spaCy tokenizer that reads ``as_prose(text)``: a pipeline's own tokenizer, wrapped."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        prose = as_prose(text)
        doc = self.tokenizer(prose)
        if prose != text:
            doc.user_data[_WRITTEN] = text
        return doc
