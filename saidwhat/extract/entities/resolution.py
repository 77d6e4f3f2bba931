"""The entity index: which entity a source, a pronoun or a description refers to.

Kept apart from building the entities because statements read it long after: a source resolves
at its head (a name, a name in apposition, an organisation before what it puts out); pronouns
and definite descriptions ("the company", "the minister") by salience, the subject of this or
the previous sentence, then the speaker before, then other mentions nearby, with type, animacy
and known gender agreeing.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Set
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...model import Entity
from ...nlp import doc_text
from .mentions import name_key, name_words
from .words import (
    AFFILIATES,
    AUTHORED,
    CORPORATE_WORDS,
    FOCUSED_PRONOUNS,
    GENERAL_ORG_DESCRIPTIONS,
    ORG_DESCRIPTIONS,
    OUTLET_DESCRIPTIONS,
    OUTLET_WORDS,
    OUTLETS,
    PERSON_TITLES,
    PRONOUN_GENDER,
    PRONOUNS,
    ROLE_ABBREVIATIONS,
    SUBJECT_DEPS,
)

# Descriptions of a business, and the kinds of organisation that are none.
BUSINESS_DESCRIPTIONS = GENERAL_ORG_DESCRIPTIONS - {"group", "union", "party"}
NOT_A_BUSINESS = {
    "association", "union", "party", "ministry", "agency", "department", "commission", "council", "committee",
    "authority", "federation", "institute", "university", "office", "government", "regulator",
}
# Descriptions any organisation (or any place, for "the government") may answer to.
ANY_ORGANISATION = GENERAL_ORG_DESCRIPTIONS | OUTLET_DESCRIPTIONS | {"government"}

PLURAL_PRONOUNS = {"they", "them", "their"}
SALIENCE_WINDOW = 3  # sentences back in which a pronoun looks for its antecedent by salience
MentionRange = tuple[int, int, str]  # tokens [start, end) and the entity id


@dataclass
class EntityIndex:
    """The article's entities and, per token, which entity a mention there belongs to."""

    records: list[Entity]
    token_entity: dict[int, str]
    genders: dict[str, str]
    mentions: list[MentionRange] = field(default_factory=list)  # in text order
    subjects: set[int] = field(default_factory=set)  # starts of mentions that are a clause's subject
    possessives: set[int] = field(default_factory=set)  # starts of possessive mentions
    addressees: set[int] = field(default_factory=set)  # starts of mentions a statement is made to
    sentence_starts: list[int] = field(default_factory=lambda: [0])

    def at(self, tokens: Span) -> str | None:
        """The entity named at the head of ``tokens``: "economists contacted by Reuters" names none."""
        head = _head(tokens)
        if head.i in self.token_entity:
            return self.token_entity[head.i]
        lemma = head.lemma_.lower()
        named = (
            c.i
            for c in head.children
            if c.i in self.token_entity
            and (
                c.dep_ == "appos"
                or c.dep_ in ("compound", "poss") and lemma in AUTHORED
                or c.dep_ == "compound" and lemma in AFFILIATES  # not "Texas Air's subsidiary"
            )
        )
        found = next((self.token_entity[i] for i in named), None)  # "a spokesman, Tom Hale,", "a Gazette poll"
        return found if found is not None or lemma not in AUTHORED else self._whose(head)

    def _whose(self, head: Token) -> str | None:
        """ "Development Corp of America, whose board approved ...": the name the clause is about."""
        if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in head.children):
            return None
        clause = next((t for t in head.ancestors if t.dep_ == "relcl"), None)
        return self.token_entity.get(clause.head.i) if clause is not None else None

    def resolve(self, tokens: Span, in_quote: Set[int] = frozenset(), recent: str | None = None) -> str | None:
        """The entity a source mention refers to: a name, a role description or a pronoun at its
        head, the name ending a title run ("chairman of X LLC Jim Press"), or a name the NER missed
        here but found elsewhere; ``recent`` is the speaker of the statement before, ``in_quote``
        the quoted tokens. In a headline (the first sentence) a bare description is definite."""
        found = self.at(tokens) or self._titled_name(tokens)
        if found is not None:
            return found
        head = _head(tokens)
        word = head.lower_
        if word in PRONOUNS and head.tag_ in ("PRP", "PRP$"):
            return self.antecedent(head, PRONOUNS[word], PRONOUN_GENDER.get(word), in_quote, recent)
        definite = _definite(head) or (self._sentence(head.i) == 0 and not _determined(head))
        if word in ORG_DESCRIPTIONS and definite:
            nationality = next((c for c in head.children if c.ent_type_ == "NORP" and c.dep_ == "amod"), None)
            if word == "government" and nationality is not None:
                return self._country(nationality.text)
            introduced = self._introduced(head)
            if introduced is not None:
                return self.at(head.doc[introduced.i : introduced.i + 1])
            described = self._described(word, _other_nationalities(nationality))
            if word in OUTLET_DESCRIPTIONS:  # "the magazine" is the one called a magazine, if any
                called = self._called(word, head.doc)
                found = self._salient(head, called, in_quote, recent, near=True)
                if found is not None:
                    return found
            found = self._salient(head, described, in_quote, recent, near=True)
            return found or self._only(described, general=word in ANY_ORGANISATION)
        if (word in PERSON_TITLES or word in ROLE_ABBREVIATIONS) and definite and head.tag_ in ("NN", "NNP"):
            return self._role_holder(head, in_quote, recent)
        return self._named(tokens) if head.pos_ == "PROPN" else None

    def _named(self, tokens: Span) -> str | None:
        """The entity whose name, or a short form of it written elsewhere ("S and P" for Standard
        and Poor's Corp), a source spells out where the NER missed it this time; else the one company
        whose name it starts."""
        key, text = name_key(tokens.text), doc_text(tokens.doc)
        found = next((
            e.id for e in self.records
            if e.type in ("PERSON", "ORG") and key in {name_key(e.name), *(name_key(text[a:b]) for a, b in e.mentions)}
        ), None)
        if found is not None:
            return found
        # "Federal added ..." after "Federal Paperboard Co Inc said ...": the start of one company's name
        # ("Regency Cruises Inc said", its legal form aside, beside "Regency Cruises")
        words = name_words(tokens.text)
        while len(words) > 1 and words[-1].rstrip(".") in CORPORATE_WORDS:
            words = words[:-1]
        starting = {e.id for e in self.records if e.type == "ORG" and name_words(e.name)[: len(words)] == words}
        singular = all(t.is_title and t.tag_ == "NNP" for t in tokens)  # not "Bankers said" beside Bankers Trust
        return starting.pop() if len(starting) == 1 and singular else None

    def _titled_name(self, tokens: Span) -> str | None:
        """ "the vice president and chairman of Chrysler LLC Jim Press": spaCy runs the company and
        the name together under the title; the person named last, right after the company, speaks."""
        words = [t for t in tokens if not t.is_punct]
        head = _head(tokens)
        if not words or head.lower_ not in PERSON_TITLES:
            return None
        person = self.token_entity.get(words[-1].i)
        start = next((s for s, e, eid in self.mentions if eid == person and e == words[-1].i + 1), None)
        if person is None or start is None or self._type(person) != "PERSON":
            return None
        between = {self.token_entity[i] for i in range(head.i + 1, start) if i in self.token_entity}
        return person if any(self._type(eid) == "ORG" for eid in between) else None

    def _introduced(self, head: Token) -> Token | None:
        """The noun that brought in what "the group" names, if a recent sentence did so without a
        name: "A shareholder group led by investor Robert Toussie told the Securities and Exchange
        Commission ... The group said" speaks for that group, not for a company named nearby."""
        reach = self._sentence(head.i)  # each "the group" before carries the search further back
        for token in reversed(head.doc[: head.i]):
            if self._sentence(token.i) < reach - SALIENCE_WINDOW:
                return None
            if token.lemma_.lower() != head.lemma_.lower() or token.pos_ != "NOUN":
                continue
            if token.i in self.token_entity:
                return None
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
                return token
            if not _definite(token):
                return None
            reach = self._sentence(token.i)
        return None

    def _country(self, nationality: str) -> str | None:
        """The one place of the article whose name the nationality is formed on: "the Brazilian
        government" is Brazil's, and "the British government" none of a story naming the Netherlands."""
        def formed_on(name: str) -> bool:
            shared = len(os.path.commonprefix([name.lower(), nationality.lower()]))
            return shared >= max(4, len(name) - 2)

        places = {e.id for e in self.records if e.type == "GPE" and formed_on(e.name)}
        return places.pop() if len(places) == 1 else None

    def _only(self, fits: Callable[[str], bool], general: bool) -> str | None:
        """The one organisation named with the noun, named only later ("..., the port authority
        said." in a lead, "The Valmora Port Authority said" further down); not for "the company",
        which any organisation may be."""
        named = {e.id for e in self.records if fits(e.id)}
        return named.pop() if len(named) == 1 and not general else None

    def _type(self, eid: str) -> str:
        return next(e.type for e in self.records if e.id == eid)

    def _role_holder(self, head: Token, in_quote: Set[int], recent: str | None) -> str | None:
        """ "the minister", "Indonesia's transport minister": the person given that role in the
        article, the most salient before it or else the only one (a headline comes first)."""
        word = head.lower_
        spelled = (word, *ROLE_ABBREVIATIONS.get(word, ()))  # "the CEO": "the chief executive officer"
        holders = {
            e.id for e in self.records if e.type == "PERSON" and any(r.lower().endswith(spelled) for r in e.roles)
        }
        found = self._salient(head, holders.__contains__, in_quote, recent)
        return found or (next(iter(holders)) if len(holders) == 1 else None)

    def antecedent(
        self,
        pronoun: Token,
        wanted: str | None,
        gender: str | None,
        in_quote: Set[int] = frozenset(),
        recent: str | None = None,
    ) -> str | None:
        """The most salient compatible entity before ``pronoun`` (type, animacy and known gender
        agreeing): the subject of its own or the previous sentence, then the speaker of the
        statement before, then other subjects, objects and possessives nearby, nearest first;
        failing those, the nearest compatible mention.

        "it" looks for an organisation first and settles for a place only when there is none:
        companies and ministries speak far more often than countries do.
        """
        if pronoun.lower_ in PLURAL_PRONOUNS and self._unnamed_plural_before(pronoun):
            return None
        types = {e.id: e.type for e in self.records}
        allowed = {"PERSON": ("PERSON",), "ORG": ("ORG", "GPE"), None: ("PERSON", "ORG", "GPE")}[wanted]
        for accepted in ((allowed[0],), allowed) if wanted == "ORG" else (allowed,):

            def fits(eid: str, accepted: tuple[str, ...] = accepted) -> bool:
                known = self.genders.get(eid)
                return types[eid] in accepted and not (gender and known and known != gender)

            found = self._salient(
                pronoun, fits, in_quote, recent, pronoun.lower_ in FOCUSED_PRONOUNS, modifiers=wanted != "PERSON"
            )
            if found is not None:
                return found
        return None

    def _unnamed_plural_before(self, pronoun: Token) -> bool:
        """Whether the sentence before is about people or things it names no one for ("Analysts
        expect sales to triple. They say ..."): "they" are those, not a company further back."""
        here = self._sentence(pronoun.i)
        if here == 0:
            return False
        root = pronoun.doc[self.sentence_starts[here - 1]].sent.root
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        return subject is not None and subject.tag_ == "NNS" and subject.i not in self.token_entity

    def _described(self, noun: str, others: frozenset[str] = frozenset()) -> Callable[[str], bool]:
        """Which entities "the <noun>" may stand for: any organisation for "the company", an outlet
        for "the newspaper", one named with the noun for "the bank" or "the department"; with a
        nationality, none given another ("the American company" is not "the Italian company, X")."""
        records = {e.id: e for e in self.records}

        def fits(eid: str) -> bool:
            entity = records[eid]
            name = entity.name.lower()
            if any(w.lower() in others for r in entity.roles for w in r.split()[:-1]):
                return False
            if noun == "government":
                return entity.type == "GPE" or noun in name
            if entity.type != "ORG":
                return False
            if noun in OUTLET_DESCRIPTIONS:
                said = f"{name} {' '.join(entity.roles).lower()}".split()
                return name in OUTLETS or any(w in OUTLET_WORDS for w in said)
            if noun in BUSINESS_DESCRIPTIONS and {r.lower().split()[-1] for r in entity.roles} & NOT_A_BUSINESS:
                return False  # "the airline" is not "the pilots' association, VPA"
            return noun in GENERAL_ORG_DESCRIPTIONS or noun == _name_head(name)

        return fits

    def _called(self, noun: str, doc: Doc) -> Callable[[str], bool]:
        """Which organisations are called by this noun right before a mention ("the trade magazine
        Screen Ledger" for "the magazine"; a role in apposition may be misparsed: "<San Miguel
        Corp>, a Hong Kong newspaper said")."""
        organisations = {e.id for e in self.records if e.type == "ORG"}
        called = {eid for start, _, eid in self.mentions if start and doc[start - 1].lower_ == noun}
        return (called & organisations).__contains__

    def _salient(
        self,
        pronoun: Token,
        fits: Callable[[str], bool],
        in_quote: Set[int],
        recent: str | None,
        focused: bool = False,
        near: bool = False,
        modifiers: bool = True,
    ) -> str | None:
        """The best ranked mention that ``fits``; with ``focused``, only a subject or the speaker
        before, and nothing beyond the window; with ``near``, any mention earlier in the same
        sentence ranks with the subject of the one before ("Louis Gallois, the Airbus chief
        executive, said the company ...": a description names what the sentence just named); without
        ``modifiers``, no name that only qualifies a noun ("a Reagan administration official ... he
        said": not Reagan)."""
        here = self._sentence(pronoun.i)
        before = self.mentions[: bisect_left(self.mentions, (pronoun.i, pronoun.i, ""))]
        best: tuple[int, int, int, str] | None = None
        doc = pronoun.doc
        if not modifiers:
            before = [(start, end, eid) for start, end, eid in before if not _qualifies(doc, end)]
        for start, _, eid in reversed(before):
            distance = here - self._sentence(start)
            if distance > SALIENCE_WINDOW:
                break
            if not fits(eid) or start in self.addressees:
                continue
            if (start in in_quote and pronoun.i not in in_quote) or doc[start].is_quote:
                tier = 6  # a name inside a quotation, or in quote marks ("New GM"), is not the narrative's focus
            elif start in self.subjects:
                tier = distance if distance <= 1 else 3
            else:
                tier = 1 if near and distance == 0 else 5 if start in self.possessives else 4
            rank = (tier, distance, -start, eid)
            best = rank if best is None or rank < best else best
        if recent is not None and fits(recent):
            best = best if best is not None and best[0] <= 1 else (2, 0, 0, recent)
        if focused:
            return best[3] if best is not None and best[0] <= 3 else None
        if best is not None:
            return best[3]
        return next((eid for start, _, eid in reversed(before) if fits(eid) and start not in self.addressees), None)

    def _sentence(self, i: int) -> int:
        return bisect_right(self.sentence_starts, i) - 1


def _qualifies(doc: Doc, end: int) -> bool:
    """Whether the name ending before ``end`` only qualifies the noun after it ("Reagan" in "a Reagan
    administration official")."""
    root = doc[end - 1]
    return root.dep_ == "compound" and root.head.i >= end and root.head.pos_ in ("NOUN", "PROPN")


def _other_nationalities(nationality: Token | None) -> frozenset[str]:
    """The nationalities the article names other than a description's own ("Italian" beside "the
    American company")."""
    if nationality is None:
        return frozenset()
    named = {e.text.lower() for e in nationality.doc.ents if e.label_ == "NORP"}
    return frozenset(named - {nationality.lower_})


def _name_head(name: str) -> str:
    """The noun a name is built on: "bank" in "Bank of England" and "Chase Manhattan Bank",
    "commission" in "Securities and Exchange Commission" (which "the exchange" is not)."""
    words = name.split(" of ")[0].split()
    return words[-1] if words else ""


def _definite(head: Token) -> bool:
    """ "the minister", "Indonesia's minister", not "a minister"."""
    return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in head.children)


def _determined(head: Token) -> bool:
    """Whether a noun has any determiner: a headline drops "the" ("CEO of GM outlines plan"), so
    there a bare description is definite, but not "a spokesman"."""
    return any(c.dep_ in ("det", "poss") for c in head.children)


def _head(tokens: Span) -> Token:
    """The head of a source: its root, or the subject of a clause spaCy made of it."""
    root = tokens.root
    inside = range(tokens.start, tokens.end)
    if root.pos_ in ("VERB", "AUX"):
        return next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i in inside), root)
    if root.i and root.doc[root.i - 1].text == "<":  # "K Mart Corp <KM>": spaCy heads it with the ticker
        return next((c for c in root.lefts if c.dep_ in ("nmod", "compound") and c.i in inside), root)
    return root
