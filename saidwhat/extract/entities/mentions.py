"""One NER span read as a mention: its clean name and what it says about the entity's type.

spaCy's spans carry titles, honorifics, wrapped lines, wire markup ("<TEX>") and possessive
endings, and often cut a company's name at its "and" or its suffix. A mention is the name
without those, widened where spaCy cut it, with a stripped title kept as a role and the evidence
for a person or an organisation counted (titles, honorifics, given names, outlets, company
suffixes), so that grouping can vote over the whole article. A name that is no name (a unit, a
bare common noun, lower-case words) is junk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...nlp import doc_text
from .roles import appositive_role, is_honorific, premodifier_role
from .words import (
    CORPORATE_WORDS,
    DOCUMENT_WORDS,
    FEMALE_NAMES,
    GENERATIONS,
    GENERIC_NAMES,
    HONORIFIC_GENDER,
    LEGAL_FORMS,
    MALE_NAMES,
    ORG_SUFFIXES,
    OUTLET_WORDS,
    OUTLETS,
    PERSON_TITLES,
    PORTFOLIOS,
    POSITION_ABBREVIATIONS,
    PRONOUN_GENDER,
    REGNAL_TITLES,
    SPEAKING_TITLES,
    SUBJECT_DEPS,
    TITLE_GENDER,
    UNITS,
)

EDGE_MARKS = "<>«»\"'`“”‘’*|-–—,;:()[]{} "


@dataclass
class Mention:
    """One name as written, cleaned, with what it says about the entity's type and gender."""

    span: Span
    label: str
    name: str
    roles: list[str] = field(default_factory=list)
    person: int = 0  # pieces of evidence for a person
    org: int = 0  # pieces of evidence for an organisation
    gender: str | None = None
    honorific: bool = False
    guessed: bool = False  # the gender read off a pronoun, not a name, title or honorific


def name_words(name: str) -> list[str]:
    """A name's words for matching short forms: lower case, without a possessive ending."""
    return [w.removesuffix("'s") for w in name_key(name).split()]


def without_generation(words: Sequence[str]) -> tuple[str, ...]:
    """A person's name's words without a last "Jr." or "III": "Patrick W. Carlineo Jr." is surnamed
    Carlineo."""
    generation = len(words) > 1 and words[-1].lower().rstrip(".") in GENERATIONS
    return tuple(words[:-1] if generation else words)


def name_key(name: str) -> str:
    """A name compared whatever its case, spacing or apostrophe."""
    return " ".join(name.lower().replace("’", "'").split())


def _portfolio(tokens: list[Token]) -> int:
    """How many words open the name with the portfolio of the title before it ("Secretary of" +
    "Trade and Industry Jose Concepcion"), when a person's name follows them."""
    start = tokens[0].i if tokens else 0
    if start < 2 or tokens[0].doc[start - 1].lower_ != "of":
        return 0
    title = tokens[0].doc[start - 2].lower_
    if title not in PERSON_TITLES and not title.endswith("secretary"):
        return 0
    count = next((k for k, t in enumerate(tokens) if t.lower_ not in PORTFOLIOS | {"and", "&"}), len(tokens))
    rest = tokens[count:]
    named = len(rest) in (2, 3) and all(t.text[:1].isupper() for t in rest) and rest[-1].lower_ not in ORG_SUFFIXES
    return count if count and named else 0


def _regnal(token: Token) -> bool:
    """A monarch's or a pope's title, which stays in a one-word name: "Prince Andrew"."""
    return token.lower_ in REGNAL_TITLES and token.text[:1].isupper()


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in PERSON_TITLES or token.text in POSITION_ABBREVIATIONS


def is_junk(name: str) -> bool:
    """Not a name: a unit, a single letter, punctuation, lower-case words, a bare common noun."""
    low = name_key(name)
    letters = sum(ch.isalpha() for ch in name)
    if letters < 2 or not any(ch.isupper() for ch in name):
        return True
    words = low.split()
    if all(w.rstrip(".") in CORPORATE_WORDS for w in words) or words[-1] in DOCUMENT_WORDS:
        return True  # "LLC" alone, "the Plaza Accord"
    return low in UNITS or low in GENERIC_NAMES or low.rstrip(".") in PERSON_TITLES


def mention_of(ent: Span) -> Mention | None:
    """The name of one NER span, cleaned, with its roles and its type evidence."""
    doc = ent.doc
    tokens = list(_widened(ent))
    mention = Mention(span=ent, label=ent.label_, name="")
    prev = doc[tokens[0].i - 1] if tokens[0].i else None
    if prev is not None and prev.text[:1].isupper() and is_honorific(prev):
        prev_word = prev.lower_.rstrip(".")
        mention.gender, mention.honorific, mention.person = HONORIFIC_GENDER[prev_word], True, 1
    while tokens and (_opening(tokens[0]) or is_honorific(tokens[0]) or _lower_case_lead(tokens)):
        if is_honorific(tokens[0]):
            mention.gender, mention.honorific = HONORIFIC_GENDER[tokens[0].lower_.rstrip(".")], True
            mention.person = 1
        tokens = tokens[1:]
    tokens = _unbracketed(tokens)
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].is_space or _dangling(tokens)):
        tokens = tokens[:-1]
    possessive = [k for k, t in enumerate(tokens[:-1]) if t.tag_ == "POS"]
    if possessive and possessive[-1] == len(tokens) - 2 and tokens[-1].lower_ not in ORG_SUFFIXES:
        tokens = tokens[-1:]  # "Midland Montagu's Maude": the person, not the bank
    titled = [k for k, t in enumerate(tokens[:-1]) if _is_title(t)]
    if titled and _titled_person(ent.label_, tokens[: titled[-1] + 1], tokens[titled[-1] + 1 :]):
        mention.person += 1
        stripped = doc[tokens[0].i : tokens[titled[-1]].i + 1].text
        regnal = len(tokens) == titled[-1] + 2 and _regnal(tokens[titled[-1]])
        tokens = tokens[titled[-1] + (0 if regnal else 1) :]  # "Treasurer Paul Keating": the title is a role
    else:
        stripped = ""
    if portfolio := _portfolio(tokens):  # "Secretary of Defence Caspar Weinberger"
        mention.person += 1
        stripped = stripped or doc[tokens[0].i - 2 : tokens[portfolio].i].text
        tokens = tokens[portfolio:]
    if len(tokens) == 1 and tokens[0].i and _regnal(doc[tokens[0].i - 1]):  # "Prince" outside the NER span
        tokens = [doc[tokens[0].i - 1], *tokens]
        stripped = stripped or tokens[0].text
    if not tokens:
        return None
    mention.span = Span(doc, tokens[0].i, tokens[-1].i + 1, label=ent.label_)
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    mention.name = " ".join(text.split()).rsplit(">", 1)[-1].split("<")[0].strip(EDGE_MARKS)  # "<TEX> ..."
    role = premodifier_role(mention.span) or stripped
    if role:
        mention.roles.append(role)
    _weigh(mention, role)
    return mention if mention.name else None


def _unbracketed(tokens: list[Token]) -> list[Token]:
    """A name without the bracket the NER ran it into, which it did not close: "the International
    Coffee Organization (ICO" is the organisation, and the acronym is a mention of its own."""
    opened = [k for k, t in enumerate(tokens) if t.text == "("]
    if opened and opened[-1] > 0 and not any(t.text == ")" for t in tokens[opened[-1]:]):
        return tokens[: opened[-1]]
    return tokens


def joined_names(doc: Doc) -> list[Span]:
    """The NER spans, with a name split at a spaced apostrophe joined again (in tokenised text
    "Michael O' Leary" comes out as "Michael O'" and "Leary"), and a company's name split after its
    "and" ("Highveld Steel and" and "Vanadium Corp")."""
    spans: list[Span] = []
    for ent in doc.ents:
        last = spans[-1] if spans else None
        if last is not None and last.end == ent.start and last.end - last.start >= 2 and (
                _split_name(last) or _split_at_and(last, ent)):
            spans[-1] = Span(doc, last.start, ent.end, label=last.label_)
        else:
            spans.append(ent)
    return spans


def _dangling(tokens: list[Token]) -> bool:
    """A name cut after its "and", "of" or another preposition, the rest not recognised ("Goldman,
    Sachs and Co and" before another bank, "MacBook Pro for"): the words before it are the name."""
    return len(tokens) > 1 and (tokens[-1].lower_ in ("and", "&") or tokens[-1].tag_ == "IN" and tokens[-1].is_lower)


def _split_at_and(span: Span, following: Span) -> bool:
    """An organisation's name ending in "and", the next one going on to its legal form."""
    ends = span[-1].lower_ in ("and", "&") and span.label_ == following.label_ == "ORG"
    last = next((t for t in reversed(following) if not t.is_space), following[-1])  # a blanked ticker after it
    return ends and last.lower_.rstrip(".") in ORG_SUFFIXES


def _split_name(span: Span) -> bool:
    """A name ending in "O'" or "D'": a one-letter capital and an apostrophe."""
    letter, mark = span[-2], span[-1]
    return mark.text in ("'", "’") and len(letter.text) == 1 and letter.text.isupper()


def _titled_person(label: str, titled: list[Token], rest: list[Token]) -> bool:
    """Whether the words after a title inside an NER span are a person's name: always for a
    PERSON span; in another, after a given name ("Federal Reserve Chairman Paul Volcker") or a
    title no organisation is named with ("Spokeswoman Sandy Angers", not "King World Productions").
    Never a part of the name itself: "Martin Luther King Jr."."""
    title = titled[-1]
    if any(_given_name(t.lower_) for t in titled) or all(t.lower_.rstrip(".") in GENERATIONS for t in rest):
        return False
    if label == "PERSON" or _given_name(rest[0].lower_):
        return True
    shaped = len(rest) in (2, 3) and all(t.text[:1].isupper() for t in rest)
    return shaped and title.lower_.rstrip(".") in SPEAKING_TITLES and rest[-1].lower_.rstrip(".") not in ORG_SUFFIXES


def _opening(token: Token) -> bool:
    """What comes before a name in an NER span: marks, "the", wire markup ("<TEX>")."""
    return token.is_punct or token.is_space or token.lower_ == "the" or "<" in token.text or ">" in token.text


# Lower-case words that begin names: "Ludwig van Beethoven", "al-Qabas", "de Hora".
NAME_PARTICLES = frozenset("al el de del della di da dos das du la le van von der den ter ten bin ibn".split())


def _lower_case_lead(tokens: list[Token]) -> bool:
    """A lower-case word the recogniser ran into a name: "a New York Stock Exchange", "his Free
    Democratic Party", "the trade bill Reagan branded" ("bill Reagan"). Not a name's particle, nor
    one whose name goes on with a preposition or a hyphen ("university of Costa Rica", "non-OPEC
    Mexico"), which the whole span is."""
    first, after = tokens[0], tokens[1] if len(tokens) > 1 else None
    return (
        after is not None and first.is_lower and first.is_alpha and first.lower_ not in NAME_PARTICLES
        and after.pos_ not in ("ADP", "CCONJ", "PUNCT") and after.text not in ("-", "'")
        and first.whitespace_ != ""
    )


def _given_name(word: str) -> bool:
    return word in MALE_NAMES or word in FEMALE_NAMES


def _widened(ent: Span) -> Span:
    """ "Standard and Poor's Corp", "S and P", "Chrysler LLC": spaCy often labels only what
    follows the "and", or the company and its suffix apart; "H.F. Ahmanson and Co" it may take for
    a person and leave the legal form out."""
    doc = ent.doc
    end = ent.end + (ent.end < len(doc) and doc[ent.end].lower_ in ("and", "&"))
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_.rstrip(".") in LEGAL_FORMS:
        end += 1
    if end > ent.end and doc[end - 1].lower_ not in ("and", "&"):
        return doc[ent.start : end]
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and before.ent_type_ == "ORG" and all(t.lower_.rstrip(".") in CORPORATE_WORDS for t in ent):
        start = before.i  # "Chrysler" "LLC", two spans for spaCy: one name
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return doc[start : ent.end]
    words = [t for t in doc[max(0, ent.start - 4) : ent.start] if not t.is_space][-2:]
    if ent.label_ != "ORG" or len(words) < 2 or words[1].lower_ not in ("and", "&"):
        return ent
    first = words[0]
    if first.ent_iob_ != "O" or first.pos_ != "PROPN" or not first.text[:1].isupper():
        return ent
    return doc[first.i : ent.end]


def _weigh(mention: Mention, role: str) -> None:
    """Type and gender evidence: a person's title or given name, an outlet or a company suffix."""
    words = mention.name.split()
    low = [w.lower().rstrip(".") for w in words]
    role_head = role.split()[-1] if role else ""
    if role_head.lower().endswith(("-elect", "-designate")):  # "chairman-elect" is a chairman to be
        role_head = role_head.rsplit("-", 1)[0]
    if role_head.lower().rstrip(".") in PERSON_TITLES or role_head in POSITION_ABBREVIATIONS:
        mention.person += 1
        mention.gender = mention.gender or TITLE_GENDER.get(role_head.lower().rstrip("."))
    elif role_head.islower() and role_head in ORG_SUFFIXES:  # "the German daily", not "Fort Pitt Capital Group"
        mention.org += 1
    if name_key(mention.name) in OUTLETS:
        mention.org += 2
    elif low and low[-1] in ORG_SUFFIXES and len(low) > 1:
        # outweighs a given name ("Stanley Works", "James Capel and Co"), but against a given name
        # an outlet word alone ties and the NER decides: "Jim Press" may well be a person
        mention.org += 1 if len(low) == 2 and _given_name(low[0]) and low[-1] in OUTLET_WORDS else 2
    if len(words) in (2, 3) and _given_name(low[0]) and not words[0].isupper() and all(w[:1].isupper() for w in words):
        mention.person += 1
        mention.gender = mention.gender or ("m" if low[0] in MALE_NAMES else "f")
    after = mention.span.doc[mention.span.end] if mention.span.end < len(mention.span.doc) else None
    if after is not None and after.lower_ in OUTLET_WORDS and mention.span.root.head.i == after.i:
        mention.org += 1  # "FAZ newspaper", "Xinhua news agency"
    if mention.label == "ORG" and len(words) in (2, 3) and not mention.org:
        mention.gender = _taken_up(mention.span) or mention.gender
        mention.person += mention.gender is not None
    elif mention.label == "PERSON" and mention.gender is None:
        mention.gender = _referred_to(mention.span)
        mention.guessed = mention.gender is not None
    if any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose") for c in mention.span.root.rights):
        mention.person += 1  # "Sumner Redstone, who leads ...": companies take "which"
    mention.person += _aged(mention.span)
    appos = appositive_role(mention.span)
    if appos is not None:
        head = appos[0].split()[-1].lower()
        mention.person += head in PERSON_TITLES
        mention.org += head in ORG_SUFFIXES


def _aged(span: Span) -> bool:
    """An age in apposition: "Carrow, 61, denied ...", whatever the NER made of the name."""
    doc, end = span.doc, span.end
    words = [t.text for t in doc[end : end + 3]]
    return len(words) == 3 and words[0] == "," and words[2] == "," and words[1].isdigit() and 1 < int(words[1]) < 110


def _referred_to(span: Span) -> str | None:
    """The gender of the "he" or "she" that is the next subject after a name that is one, in its
    sentence, with no other person between ("Omar asked for compassion, saying she did not
    think ...": Omar is a woman, and no later "he" is her)."""
    if span.root.dep_ not in SUBJECT_DEPS:
        return None
    for token in span.doc[span.end : span.sent.end]:
        if token.ent_type_ == "PERSON":
            return None
        if token.lower_ in ("he", "she") and token.dep_ in SUBJECT_DEPS:
            return PRONOUN_GENDER[token.lower_]
    return None


def _taken_up(span: Span) -> str | None:
    """The gender of "he" or "she" opening the sentence after one where the name speaks ("...,"
    said Perrin Long of Lipper Analytical. He questioned ...": a person, whatever the NER says)."""
    root, doc = span.root, span.doc
    if not (root.dep_ in SUBJECT_DEPS or root.dep_ == "dobj") or root.head.lemma_ not in ("say", "tell", "add"):
        return None
    after = next((t for t in doc[span.sent.end : span.sent.end + 3] if not t.is_space), None)
    return PRONOUN_GENDER.get(after.lower_) if after is not None and after.dep_ == "nsubj" else None
