"""Titles and roles written around a name: before it ("Belarusian President Alexander
Lukashenko", "Secretary of State George Shultz") or in apposition ("Alexander Lukashenko, the
Belarusian president").

Apart from the name cleaning because they read the parse around a name rather than the name: the
same role is a mention's type evidence, an entity's role and, later, the anchor a description
such as "the Belarusian leader" is matched to.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .words import HONORIFIC_GENDER, ORG_DESCRIPTIONS, PERSON_TITLES, POSITION_ABBREVIATIONS, TITLE_WORDS


def is_honorific(token: Token) -> bool:
    """ "Mr.", "Mrs.", "Ms.", "Dr.": a courtesy before a name, never a role."""
    return token.lower_.rstrip(".") in HONORIFIC_GENDER


def premodifier_role(span: Span) -> str | None:
    """Title words written right before a name: "Belarusian President" in "Belarusian President
    Alexander Lukashenko", "Secretary of State" in "Secretary of State George Shultz" (spaCy
    leaves them outside the PERSON span)."""
    doc = span.doc
    lefts = [c.left_edge.i for c in span.root.lefts if c.i < span.start and c.dep_ in ("compound", "amod", "nmod")]
    if not lefts:
        return None
    words = [t for t in doc[min(lefts) : span.start]]
    breaks = [k for k, t in enumerate(words) if (t.is_punct and t.tag_ != "HYPH") or t.is_space or t.is_quote]
    if breaks:
        words = words[breaks[-1] + 1 :]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    while words and is_honorific(words[-1]):  # "Mr." is no role
        words = words[:-1]
    if not any(t.lower_.rstrip(".") in TITLE_WORDS or t.text in POSITION_ABBREVIATIONS for t in words):
        return None
    return " ".join(doc[words[0].i : words[-1].i + 1].text.split())


def appositive_role(span: Span) -> tuple[str, Span] | None:
    """A role given in apposition: "Alexander Lukashenko, the Belarusian president, said", "the
    Prime Minister of Singapore, Mr. Lee Hsien Loong"."""
    root = span.root
    title = _title_before(span) if root.dep_ == "appos" else None
    if title is not None:
        words = span.doc[title.left_edge.i : title.i + 1]
        return " ".join(words.text.split()), words
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in TITLE_WORDS and child.i > span.end:
            left = child.left_edge.i
            words = span.doc[left : child.i + 1]
            return " ".join(words.text.split()), words
    return None


def _title_before(span: Span) -> Token | None:
    """The title a name stands in apposition to, written before it: "the Prime Minister of
    Singapore, Mr. Lee" (spaCy may hang the name on another noun: the title is found from the
    word before the comma)."""
    doc, root = span.doc, span.root
    if root.head.i < span.start and root.head.lower_ in PERSON_TITLES:  # not "the Export-Import Bank, Ortner,"
        return root.head
    if root.head.i < span.start and span.label_ in ("ORG", "PERSON") and _kind(root.head):
        return root.head  # "The pilots' association, VPA,": what kind of organisation it is
    start = span.start
    while start > 0 and is_honorific(doc[start - 1]):  # ", Mr. Lee Hsien Loong"
        start -= 1
    if start < 2 or doc[start - 1].text != ",":
        return None
    token = doc[start - 2]
    for _ in range(3):
        if token.lower_ in PERSON_TITLES and token.pos_ in ("NOUN", "PROPN"):
            return token
        if token.dep_ not in ("pobj", "prep", "compound"):
            return None
        token = token.head
    return None


def _kind(noun: Token) -> bool:
    """A common noun for a kind of organisation, not one of its relations nor a description that
    names others: "the pilots' association", not "its bank" (whose bank it is, not what the bank
    is) nor "the Beatles' record company" (a mention of the Beatles too)."""
    described = noun.doc[noun.left_edge.i : noun.i]
    return (
        noun.pos_ == "NOUN" and noun.lower_ in ORG_DESCRIPTIONS
        and not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
        and not any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in described)
    )
