"""Plans, forecasts and decisions that are statements even where the cue model, trained on
political news, reads a private thought.

"The company expects to cut 4,300 jobs", "Chrysler said it plans to fire 3,000 workers": an
organisation has no private mind, so its plans and expectations are what it announced, and "which
declared bankruptcy" is its act of speech. "He expected sales to exceed 250" is a forecast and "he
decided to leave" a decision, whoever makes them. PolNeAR rarely marks any of these (a person's
"he wants" inside "said" paraphrases what was said), so only these narrow readings are kept, outside
quotes (where "we want" is a turn of speech); the rest of the thinking verbs stay with the model.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..entities.words import ORG_DESCRIPTIONS, ORG_SUFFIXES
from .candidate import Judged

ORGANISATION_PLANS = frozenset("plan intend expect want aim anticipate".split())
REQUESTS = frozenset("ask urge call".split())  # of an organisation: "which asked people over 65 to ..."
FORECASTS = frozenset("expect envision envisage anticipate foresee decide".split())  # of anyone
DECLARATIONS = frozenset({"declare"})  # of an organisation, with its object: "declared bankruptcy"
THIRD_PERSON = {"he", "she", "it"}


def stated_intention(doc: Doc, judged: Judged, in_quote: set[int]) -> bool:
    """An organisation's plan (with a clause) or declaration (with an object), or a forecast or
    decision (with a clause) of a named or third-person speaker, outside quotes."""
    cand = judged.candidate
    verb = doc[cand.anchor]
    lemma = verb.lemma_.lower()
    if cand.speaker is None or verb.pos_ != "VERB" or verb.i in in_quote:
        return False
    subject = doc[cand.speaker[0] : cand.speaker[1]].root
    if "kind=object" in judged.features:
        return lemma in DECLARATIONS and _organisation(subject)
    if "kind=clause" not in judged.features:
        return False
    if lemma in FORECASTS and (subject.lower_ in THIRD_PERSON or subject.ent_type_ in ("PERSON", "ORG")):
        return True
    if lemma in REQUESTS:
        return _asks_someone(verb) and _organisation(subject)
    return lemma in ORGANISATION_PLANS and _organisation(subject)


def _asks_someone(verb: Token) -> bool:
    """A request of someone to do something: "asked shareholders to approve", "called on Japan to
    open its markets"; not "is asking for" what follows."""
    asked = any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)
    return asked and any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)


def _organisation(subject: Token) -> bool:
    """ "it", a company's name ("AirTran Airways", whatever the NER says), "the company", "the
    ministry", or "which" after one of those."""
    relative = subject.lower_ in ("which", "that") and subject.head.dep_ == "relcl"
    if relative:  # "an insurer, which declared bankruptcy": the noun, definite or not
        subject = subject.head.head
    if subject.lower_ == "it" or subject.ent_type_ == "ORG":
        return True
    if subject.pos_ == "PROPN" and subject.lower_ in ORG_SUFFIXES:
        return True
    definite = relative or any(c.lower_ == "the" for c in subject.children)
    return subject.lemma_.lower() in ORG_DESCRIPTIONS and definite
