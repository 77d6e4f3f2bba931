"""Who can act: a cue that things do as well as people ("threaten", "encourage") reports only when
its subject can speak or decide: "the union threatened to strike" is a statement, "forest fires
threatening settlements" and "excellent weather has encouraged growth" are not."""

from __future__ import annotations

from spacy.tokens import Token

from ..entities.words import ORG_DESCRIPTIONS, PERSON_TITLES, PRONOUNS, ROLE_NOUNS
from .phrases import SPEAKING_NOUNS

CAUSING = frozenset({"threaten", "encourage"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# People and bodies by what they do or are: "traders", "producers", "analysts", "authorities".
AGENT_ENDINGS = ("ers", "ors", "ists", "ians")
AGENTS = frozenset(
    """
    people official authority country nation state member government union source delegate
    minister leader worker farmer resident citizen voter shareholder creditor
    """.split()
) | ROLE_NOUNS | PERSON_TITLES | ORG_DESCRIPTIONS | SPEAKING_NOUNS


def can_act(subject: Token) -> bool:
    """Whether a cue's subject is someone: a name, a personal pronoun ("it" for a company), a
    person's or a body's noun, or a plural of those who do something ("sugar traders"); a relative
    pronoun as what it stands for ("the EC, which has threatened to retaliate"), "one of" as whom
    it counts ("one of the largest coal customers threatened to stop taking deliveries")."""
    if subject.ent_type_ in NAMED or subject.pos_ == "PROPN" or subject.lower_ in PRONOUNS:
        return True
    if subject.lower_ in ("i", "we", "you", "who"):
        return True
    if subject.lower_ in ("which", "that") and subject.head.dep_ == "relcl":
        return can_act(subject.head.head)
    counted = [o for p in subject.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if subject.lower_ in ("one", "some", "many", "most", "all", "none") and counted:
        return can_act(counted[0])
    lemma = subject.lemma_.lower()
    return lemma in AGENTS or subject.tag_ == "NNS" and subject.lower_.endswith(AGENT_ENDINGS)
