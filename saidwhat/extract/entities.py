"""People and organisations: one canonical record per entity per article.

spaCy's NER labels each mention on its own, so the same name can come out PERSON in one sentence
and ORG in the next. Here mentions are grouped first (same name, or a person's surname or first
name alone), the group's type is its majority label, and its name is its longest full form. Titles
written before or in apposition to a name become the entity's roles ("Belarusian President",
"the Belarusian president"), and a later definite description built on such a role ("the
Belarusian leader", "the president") is counted as a mention of the same entity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Entity
from ..nlp import doc_text

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"}
KEPT_TYPES = {"PERSON", "ORG", "GPE"}
# Ties between the labels of one group go to ORG: a real person's full name is rarely read as an
# organisation, while company and product names often come out PERSON.
LABEL_PRIORITY = {"ORG": 3, "PERSON": 2, "GPE": 1}

# Head nouns that describe a role a person or an organisation speaks in.
ROLE_NOUNS = {
    "president", "leader", "minister", "premier", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "governor", "senator", "representative", "congressman",
    "congresswoman", "mayor", "ambassador", "chief", "director", "chairman", "chairwoman",
    "chair", "ceo", "executive", "official", "commander", "general", "king", "queen", "prince",
    "candidate", "nominee", "diplomat", "envoy", "prosecutor", "judge", "lawmaker", "officer",
    "adviser", "advisor", "founder", "head", "manager", "economist", "analyst", "lawyer",
    "attorney", "sheriff", "coach", "pope", "bishop", "professor", "scientist", "author",
    "speaker", "strongman", "prime", "foreign", "deputy", "vice", "agency", "ministry",
    "government", "company", "firm", "group", "party", "bank", "court", "commission", "council",
    "campaign", "administration", "department", "regulator", "union", "committee", "police",
}
TITLE_WORDS = ROLE_NOUNS | {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt"}
PRONOUNS = {
    "he": "PERSON", "him": "PERSON", "his": "PERSON", "she": "PERSON", "her": "PERSON",
    "it": "ORG", "its": "ORG", "they": None, "them": None, "their": None,
}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}


@dataclass
class _Group:
    names: list[Span] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)  # token ranges of nominal mentions
    roles: list[str] = field(default_factory=list)
    gender: str | None = None

    @property
    def label(self) -> str:
        votes = Counter(s.label_ for s in self.names)
        return max(votes, key=lambda lab: (votes[lab], LABEL_PRIORITY.get(lab, 0)))

    @property
    def name(self) -> str:
        return max((_clean_name(s) for s in self.names), key=lambda n: (len(n.split()), len(n)))


@dataclass
class EntityIndex:
    """The article's entities and, per token, which entity a mention there belongs to."""

    records: list[Entity]
    token_entity: dict[int, str]
    genders: dict[str, str]

    def at(self, tokens: Span) -> str | None:
        """The entity whose mention covers the head of ``tokens`` (or any token of it)."""
        if tokens.root.i in self.token_entity:
            return self.token_entity[tokens.root.i]
        return next((self.token_entity[t.i] for t in tokens if t.i in self.token_entity), None)

    def resolve(self, tokens: Span) -> str | None:
        """The entity a source mention refers to: a name, a role description or a pronoun."""
        found = self.at(tokens)
        if found is not None or len(tokens) != 1:
            return found
        word = tokens[0].lower_
        if word not in PRONOUNS:
            return None
        return self.antecedent(tokens[0], PRONOUNS[word], PRONOUN_GENDER.get(word))

    def antecedent(self, pronoun: Token, wanted: str | None, gender: str | None) -> str | None:
        """The nearest preceding mention of a compatible entity (type and known gender).

        "it" looks for an organisation first and settles for a place only when there is none:
        companies and ministries speak far more often than countries do.
        """
        types = {e.id: e.type for e in self.records}
        allowed = {"PERSON": ("PERSON",), "ORG": ("ORG", "GPE"), None: ("PERSON", "ORG", "GPE")}[wanted]
        for accepted in ((allowed[0],), allowed) if wanted == "ORG" else (allowed,):
            for i in range(pronoun.i - 1, -1, -1):
                eid = self.token_entity.get(i)
                if eid is None or types[eid] not in accepted:
                    continue
                known = self.genders.get(eid)
                if gender and known and known != gender:
                    continue
                return eid
        return None


def _clean_name(span: Span) -> str:
    """The name without a leading article or honorific and without a possessive ending."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the",) or tokens[0].lower_.rstrip(".") in HONORIFIC_GENDER):
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return doc_text(span.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def _premodifier_role(span: Span) -> str | None:
    """Title words written right before a name: "Belarusian President" in "Belarusian President
    Alexander Lukashenko" (spaCy leaves them outside the PERSON span)."""
    doc = span.doc
    start = span.start
    i = start - 1
    while (
        i >= 0
        and i < doc[i].head.i < span.end
        and (doc[i].dep_ in ("compound", "amod", "nmod") or doc[i].tag_ in ("NNP", "JJ", "NN"))
        and not doc[i].is_punct
    ):
        i -= 1
    words = doc[i + 1 : start]
    if not any(t.lower_.rstrip(".") in TITLE_WORDS for t in words):
        return None
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return words.text if len(words) else None


def _appositive_role(span: Span) -> tuple[str, Span] | None:
    """A role given in apposition: "Alexander Lukashenko, the Belarusian president, said"."""
    for child in span.root.children:
        if child.dep_ == "appos" and child.lower_ in ROLE_NOUNS and child.i > span.end:
            left = child.left_edge.i
            words = span.doc[left : child.i + 1]
            return words.text, words
    return None


def _nominal_mentions(doc: Doc, groups: list[_Group], taken: set[int]) -> None:
    """Attach "the Belarusian leader" to the entity whose role shares a modifier or the head."""
    role_words: list[tuple[_Group, set[str], str]] = []
    for group in groups:
        for role in group.roles:
            words = role.lower().split()
            if words:
                role_words.append((group, set(words[:-1]) - {"the", "a"}, words[-1]))
    if not role_words:
        return
    for token in doc:
        if token.i in taken or token.lower_ not in ROLE_NOUNS or token.tag_ not in ("NN", "NNP"):
            continue
        det = [c for c in token.children if c.dep_ == "det"]
        if not det or det[0].lower_ != "the":
            continue
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        # A shared modifier ("Marovian") says more than a shared head noun ("leader"); on a tie
        # the entity mentioned last before the description wins.
        best: tuple[int, int, _Group] | None = None
        for group, known_modifiers, head in role_words:
            mentioned = [s.start for s in group.names if s.start < token.i]
            if not mentioned:
                continue
            score = 2 * len(modifiers & known_modifiers) + (token.lower_ == head)
            if score and (best is None or (score, max(mentioned)) > best[:2]):
                best = (score, max(mentioned), group)
        if best is not None:
            best[2].extra.append((det[0].i, token.i + 1))
            taken.update(range(det[0].i, token.i + 1))


def extract_entities(doc: Doc) -> EntityIndex:
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    persons_by_part: dict[str, _Group] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = _clean_name(ent)
        key = _key(name)
        if not any(ch.isalpha() for ch in key):
            continue
        group = by_key.get(key)
        if group is None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "PRODUCT") and len(key.split()) == 1:
            group = persons_by_part.get(key)
        if group is None:
            group = _Group()
            groups.append(group)
            by_key[key] = group
        group.names.append(ent)
        if ent.label_ == "PERSON":
            for part in key.split():
                persons_by_part.setdefault(part, group)
        role = _premodifier_role(ent)
        if role:
            group.roles.append(role)
        prev = doc[ent.start - 1].lower_ if ent.start else ""
        gender = HONORIFIC_GENDER.get(prev) or HONORIFIC_GENDER.get(ent[0].lower_)
        if gender:
            group.gender = gender
    taken: set[int] = set()
    for group in groups:
        for ent in group.names:
            appos = _appositive_role(ent)
            if appos:
                group.roles.append(appos[0])
                group.extra.append((appos[1].start, appos[1].end))
            taken.update(range(ent.start, ent.end))
    for group in groups:
        for start, end in group.extra:
            taken.update(range(start, end))
    kept = [g for g in groups if g.label in KEPT_TYPES]
    _surname_mentions(doc, [g for g in kept if g.label == "PERSON"], taken)
    _nominal_mentions(doc, kept, taken)
    return _index(doc, kept)


def _surname_mentions(doc: Doc, people: list[_Group], taken: set[int]) -> None:
    """ "Lopez said ..." after "Maria Lopez": the NER often misses a surname standing alone."""
    surnames: dict[str, _Group] = {}
    for group in people:
        last = group.name.split()[-1]
        if len(group.name.split()) > 1 and len(last) > 2:
            surnames.setdefault(last, group)
    for token in doc:
        named = surnames.get(token.text)
        if named is None or token.i in taken or token.pos_ != "PROPN":
            continue
        if token.i > min(s.start for s in named.names):
            named.extra.append((token.i, token.i + 1))
            taken.add(token.i)


def _index(doc: Doc, groups: list[_Group]) -> EntityIndex:
    groups.sort(key=lambda g: min(s.start for s in g.names))
    records: list[Entity] = []
    token_entity: dict[int, str] = {}
    genders: dict[str, str] = {}
    for n, group in enumerate(groups, 1):
        eid = f"e{n}"
        ranges = sorted({(s.start, s.end) for s in group.names} | set(group.extra))
        for start, end in ranges:
            for i in range(start, end):
                token_entity.setdefault(i, eid)
        roles = list(dict.fromkeys(r for r in group.roles))
        mentions = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in ranges]
        records.append(Entity(id=eid, name=group.name, type=group.label, roles=roles, mentions=mentions))
        if group.gender:
            genders[eid] = group.gender
    return EntityIndex(records=records, token_entity=token_entity, genders=genders)
