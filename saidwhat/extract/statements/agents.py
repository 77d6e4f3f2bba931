"""Who can act: a cue that things do as well as people ("threaten", "encourage") reports only when
its subject can speak or decide: "the union threatened to strike" is a statement, "forest fires
threatening settlements" and "excellent weather has encouraged growth" are not."""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.lexicon import common_word
from ..entities.words import ORG_DESCRIPTIONS, PERSON_TITLES, PRONOUNS, ROLE_NOUNS
from .phrases import SPEAKING_NOUNS

CAUSING = frozenset({"threaten", "encourage"})
SHOWING = frozenset({"suggest", "indicate"})
"""Cues that a record reports as a person does ("emails suggest", "a review of records indicates")
but that anything can do: "a cut of two pence in the pound suggests that ..." is a reading of the
cut, reported by no one."""
RECORDS = frozenset(
    """
    analysis comment criticism data datum document email estimate figure filing forecast letter memo
    minute percent poll presentation proposal record remark report research result review statement
    statistic story study survey test testing
    message text graphic chart claim video footage photo image transcript book article scan
    experiment observation simulation model rumor rumour plan communique
    """.split()
)
"""What holds what someone said or found ("twelve percent indicated" of a poll's respondents)."""
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# People and bodies by what they do or are: "traders", "producers", "analysts", "authorities".
AGENT_ENDINGS = ("ers", "ors", "ists", "ians")
AGENTS = frozenset(
    """
    people official authority country nation state member government union source delegate
    minister leader worker farmer resident citizen voter shareholder creditor aide expert critic
    leadership trustee side team duo trio band media site website management network outlet giant
    panel staff family couple club league crowd audience public body institution subcommittee bidder
    buyer seller suitor acquirer one someone anyone everyone nobody somebody anybody everybody retiree
    employee detainee refugee attendee franchisee licensee
    """.split()
) | ROLE_NOUNS | PERSON_TITLES | ORG_DESCRIPTIONS | SPEAKING_NOUNS


def can_act(subject: Token) -> bool:
    """Whether a cue's subject is someone: a name (one the tagger took for a noun too: "WeWork
    agreed"), a personal pronoun ("it" for a company), a person's or a body's noun, or a plural of
    those who do something ("sugar traders"); a relative pronoun as what it stands for ("the EC,
    which has threatened to retaliate"), "one of" as whom it counts ("one of the largest coal
    customers threatened to stop taking deliveries")."""
    if subject.ent_type_ in NAMED or subject.pos_ == "PROPN" or subject.lower_ in PRONOUNS:
        return True
    if not subject.is_lower and not common_word(subject.lemma_.lower()):
        return True
    if subject.lower_ in ("i", "we", "you", "who"):
        return True
    if subject.lower_ in ("which", "that") and subject.head.dep_ == "relcl":
        return can_act(subject.head.head)
    counted = [o for p in subject.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if subject.lower_ in ("one", "some", "many", "most", "all", "none") and counted:
        return can_act(counted[0])
    if subject.lemma_.lower() in AGENTS or subject.lower_ in AGENTS:  # "media", read as "medium"
        return True
    return subject.tag_ == "NNS" and subject.lower_.endswith(AGENT_ENDINGS)


COUNTING = frozenset({"some", "many", "most", "others", "several", "few", "both", "all", "two", "three"})
"""A subject that counts people unnamed: "Some have suggested", "most have indicated"."""


def can_show(subject: Token) -> bool:
    """Whether a cue of ``SHOWING`` reports: its subject is someone, unnamed people counted, a name
    the tagger took for a plural ("Dixons indicated"), a record of what was said or found, or
    someone's ("Garett's work"), or it joins someone ("Early retiree and self-made millionaire Grant
    Sabatier") or counts them ("a number of recent surveys")."""
    if can_act(subject) or subject.lower_ in COUNTING or subject.lemma_.lower() in RECORDS:
        return True
    if subject.is_title and subject.tag_ == "NNS" and not common_word(subject.lemma_.lower()):
        return True
    return any(
        c.dep_ in ("conj", "appos", "poss") and can_act(c)
        or c.lower_ == "of" and any(o.dep_ == "pobj" and can_show(o) for o in c.children)
        for c in subject.children
    )
