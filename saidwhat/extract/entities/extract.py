"""From a parsed article to its entity index: mentions read, grouped, filtered and indexed.

The order of the stages lives here because it matters: roles in apposition and every named token
are claimed before surnames and descriptions are looked for, so those never take a token a name
holds; junk and types other than people, organisations and places are dropped only after
grouping, so a short form still finds its full name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Entity
from ...nlp.dateline import dateline_end
from .grouping import KEPT_TYPES, Group, grouped, nominal_mentions, surname_mentions
from .mentions import is_junk, joined_names, mention_of
from .resolution import EntityIndex, MentionRange
from .roles import appositive_role
from .words import ADDRESSED_VIA, ADDRESSING_VERBS, SUBJECT_DEPS

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"}
VERBAL = {"VERB", "AUX"}


def extract_entities(doc: Doc) -> EntityIndex:
    """The article's people, organisations and places, each once, with every mention of it."""
    opening = dateline_end(doc) or 0
    mentions = [
        m
        for ent in joined_names(doc)
        if ent.label_ in ENTITY_LABELS and ent.start >= opening  # "LESMONT, France, March 3 - " names no one
        for m in [mention_of(ent)]
        if m is not None
    ]
    groups = grouped(mentions)
    taken: set[int] = set()
    for group in groups:
        for span in group.names:
            # "In a filing with the SEC, the group said": a parse that sets the speaker beside
            # whom the filing went to
            appos = None if _addressed(span.root) else appositive_role(span)
            if appos:
                group.mentions[0].roles.append(appos[0])
                group.extra.append((appos[1].start, appos[1].end))
            taken.update(range(span.start, span.end))
    for group in groups:
        for start, end in group.extra:
            taken.update(range(start, end))
    kept = [g for g in groups if g.label in KEPT_TYPES and not is_junk(g.name)]
    surname_mentions(doc, [g for g in kept if g.label == "PERSON"], taken)
    nominal_mentions(doc, kept, taken)
    return _index(doc, kept)


def _mention_roles(doc: Doc, start: int, end: int) -> tuple[bool, bool]:
    """Whether a mention is the subject of its clause (or in apposition to it, or the agent of a
    passive), and whether it is possessive."""
    root = doc[start:end].root
    if root.dep_ == "appos":
        if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in root.head.children):
            return False, False  # "its bank, Irving Bank Corp, agreed": the topic is whose bank it is
        root = root.head
    agent = root.dep_ == "pobj" and root.head.dep_ == "agent" and _finite(root.head.head)
    subject = (root.dep_ in SUBJECT_DEPS and _finite(root.head)) or agent
    possessive = root.dep_ == "poss" or (end < len(doc) and doc[end].tag_ == "POS") or doc[end - 1].tag_ == "POS"
    return subject, possessive


def _addressed(root: Token) -> bool:
    """Whether a mention is who a statement is made to ("told the Securities and Exchange
    Commission it sold", "in a filing with the ..."): the next "it" or "the group" is not it."""
    head = root.head
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() in ADDRESSING_VERBS:
        return True
    if root.dep_ == "compound":  # "in its SEC filing"
        return head.lemma_.lower() in ADDRESSED_VIA["with"]
    via = ADDRESSED_VIA.get(head.lower_, set())
    before = root.doc[head.i - 1] if head.i else head  # the parser may hang "with" on the verb
    governor = head.head  # or on a noun after it: "to comment on the pricing to Reuters"
    while governor.lemma_.lower() not in via and governor.dep_ in ("pobj", "prep") and governor.head is not governor:
        governor = governor.head
    return root.dep_ == "pobj" and (governor.lemma_.lower() in via or before.lemma_.lower() in via)


def _finite(verb: Token) -> bool:
    """A verb that heads a clause of its own: not "the Commission covering ..." (a participle)."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _index(doc: Doc, groups: list[Group]) -> EntityIndex:
    groups.sort(key=lambda g: min(s.start for s in g.names))
    records: list[Entity] = []
    token_entity: dict[int, str] = {}
    genders: dict[str, str] = {}
    mentions: list[MentionRange] = []
    for n, group in enumerate(groups, 1):
        eid = f"e{n}"
        ranges = sorted({(s.start, s.end) for s in group.names} | set(group.extra))
        for start, end in ranges:
            for i in range(start, end):
                token_entity.setdefault(i, eid)
            mentions.append((start, end, eid))
        roles = list(dict.fromkeys(group.roles))
        spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in ranges]
        records.append(Entity(id=eid, name=group.name, type=group.label, roles=roles, mentions=spans))
        gender = group.gender
        if gender and group.label == "PERSON":
            genders[eid] = gender
    mentions.sort()
    index = EntityIndex(records=records, token_entity=token_entity, genders=genders, mentions=mentions)
    for start, end, _ in mentions:
        subject, possessive = _mention_roles(doc, start, end)
        if subject:
            index.subjects.add(start)
        if possessive:
            index.possessives.add(start)
        if _addressed(doc[start:end].root):
            index.addressees.add(start)
    if doc.has_annotation("SENT_START"):
        # a piece without a verb ("Space Vizzion Concept." cut off by "the ID.", a subheading) is
        # no sentence of its own, so it puts no distance between a name and what refers to it
        index.sentence_starts = [s.start for s in doc.sents if s.start == 0 or any(t.pos_ in VERBAL for t in s)]
    return index
