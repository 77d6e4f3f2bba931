"""Mentions grouped into entities, whatever their order in the text.

The NER labels each mention on its own; here the same name, a nickname ("Josh Apte" for "Joshua
Apte"), a surname or first name, a short company name or an acronym joins the one full name it
fits, the group's type is voted over its mentions and its name is its longest full form. Mentions
the NER missed are added to the groups: a surname alone ("Lopez said") and a definite description
built on a role ("the Belarusian leader").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ...nlp.lexicon import common_word
from .acronyms import acronym, contraction, initialisms
from .mentions import NAME_PARTICLES, Mention, name_key, name_words, without_generation
from .nicknames import given_forms, has_nicknames
from .words import (
    BUSINESS_WORDS,
    CORPORATE_WORDS,
    COUNTRY_PREFIXES,
    LEGAL_FORMS,
    ORG_SUFFIXES,
    OUTLET_WORDS,
    PERSON_TITLES,
    ROLE_NOUNS,
)

KEPT_TYPES = {"PERSON", "ORG", "GPE"}
SHORT_FORM_LABELS = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT"}  # labels a short form may carry
# Ties between the labels of one group go to ORG: a real person's full name is rarely read as an
# organisation, while company and product names often come out PERSON.
LABEL_PRIORITY = {"ORG": 3, "PERSON": 2, "GPE": 1}


@dataclass
class Group:
    """One entity in the making: its mentions by name and the token ranges found besides."""

    mentions: list[Mention] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)  # token ranges of nominal mentions

    @property
    def names(self) -> list[Span]:
        return [m.span for m in self.mentions]

    @property
    def label(self) -> str:
        """Evidence in the article first (titles, outlets, suffixes), then spaCy's majority."""
        votes = Counter(m.label for m in self.mentions)
        voted = max(votes, key=lambda lab: (votes[lab], LABEL_PRIORITY.get(lab, 0)))
        person = sum(m.person for m in self.mentions)
        org = sum(m.org for m in self.mentions)
        if person != org and voted in KEPT_TYPES:  # "German" in "German magazine" stays NORP
            return "PERSON" if person > org else "ORG"
        if person > org and voted != "NORP":  # "Mayor Élodie Marchetti", read as a work of art
            return "PERSON"
        return voted

    @property
    def name(self) -> str:
        # the longest, a legal form's stop that may close a sentence aside ("Co Inc" over "Co Inc.")
        names = (m.name for m in self.mentions)
        return max(names, key=lambda n: (len(n.split()), _legal_key(n) == name_key(n), len(n)))

    @property
    def words(self) -> list[str]:
        return name_words(self.name)

    @property
    def roles(self) -> list[str]:
        return [r for m in self.mentions for r in m.roles]

    @property
    def gender(self) -> str | None:
        """An honorific's gender first, then a given name's or a title's; a pronoun's only when
        nothing else says and the pronouns agree."""
        known = [(not m.honorific, m.gender) for m in self.mentions if m.gender and not m.guessed]
        if known:
            return min(known)[1]
        guessed = {m.gender for m in self.mentions if m.gender}
        return guessed.pop() if len(guessed) == 1 else None


def grouped(mentions: list[Mention]) -> list[Group]:
    """Mentions grouped by name, then each short form joined to the one full form it fits
    ("Putin" to "Vladimir Putin", "Sorg" to "Sorg Inc", "Agriculture Department" to "U.S.
    Agriculture Department"), whichever comes first in the text."""
    by_key: dict[str, Group] = {}
    for mention in mentions:
        by_key.setdefault(_legal_key(mention.name), Group()).mentions.append(mention)
    groups = _middles_joined(_nicknames_joined(list(by_key.values())))
    labels = {id(g): g.label for g in groups}
    words = {id(g): g.words for g in groups}
    fulls = sorted((g for g in groups if len(words[id(g)]) > 1), key=lambda g: -len(words[id(g)]))
    into: dict[int, Group] = {}
    for group in sorted(groups, key=lambda g: -len(words[id(g)])):  # longer first: chains end at the longest
        target = _full_form(group, labels, words, fulls)
        while target is not None and id(target) in into:
            target = into[id(target)]
        if target is not None:
            target.mentions.extend(group.mentions)
            into[id(group)] = target
    return [g for g in groups if id(g) not in into]


def _nicknames_joined(groups: list[Group]) -> list[Group]:
    """ "Josh Apte" joins "Joshua Apte", the one two-word name of a person in the article with the
    same surname and a given name the nickname stands for (``nicknames.given_forms``)."""
    people = [(g, [w.lower() for w in g.words]) for g in groups if g.label == "PERSON" and len(g.words) == 2]
    joined: set[int] = set()
    for group, (first, last) in people:
        forms = given_forms(first) - {first}
        fits = [other for other, words in people if words[1] == last and words[0] in forms and id(other) not in joined]
        if len(fits) == 1:
            fits[0].mentions.extend(group.mentions)
            joined.add(id(group))
    return [g for g in groups if id(g) not in joined]


def _middles_joined(groups: list[Group]) -> list[Group]:
    """ "John M. Ford" and "John Milo Ford" are one person: the same given name and surname, and
    middle names that agree wherever both are written, an initial standing for a name. People with
    a given name and surname in common whose middle names disagree stay apart."""
    people: dict[tuple[str, str], list[Group]] = {}
    for group in groups:
        words = [w.lower() for w in group.words]
        if group.label == "PERSON" and len(words) > 2:
            people.setdefault((words[0], words[-1]), []).append(group)
    joined: set[int] = set()
    for named in people.values():
        middles = [[w.lower().rstrip(".") for w in g.words[1:-1]] for g in named]
        if len(named) > 1 and all(_agree(a, b) for a in middles for b in middles):
            keep = max(named, key=lambda g: (len(g.name), len(g.mentions)))
            for group in named:
                if group is not keep:
                    keep.mentions.extend(group.mentions)
                    joined.add(id(group))
    return [g for g in groups if id(g) not in joined]


def _agree(middle: list[str], other: list[str]) -> bool:
    """Middle names written alike, or one an initial of the other: "m" and "milo"."""
    return len(middle) == len(other) and all(
        a == b or (len(a) == 1 or len(b) == 1) and a[0] == b[0] for a, b in zip(middle, other)
    )


def _full_form(
    short: Group, labels: dict[int, str], all_words: dict[int, list[str]], fulls: list[Group]
) -> Group | None:
    """The one longer name ``short`` stands for: a person's surname or first name, or the start or
    end of an organisation's name; None when none fits, or several equally often mentioned."""
    words, label = all_words[id(short)], labels[id(short)]
    fits: dict[str, list[Group]] = {"PERSON": [], "ORG": []}
    for full in fulls:
        longer, full_label = all_words[id(full)], labels[id(full)]
        if len(longer) <= len(words):
            break  # the rest are no longer
        if full is short:
            continue
        if full_label == "PERSON" and len(words) == 1 and label in SHORT_FORM_LABELS:
            # a place joins only a certain person: "Indonesia" stays apart from "Garuda Indonesia"
            place = label == "GPE" and not any(m.person for m in full.mentions)
            if words[0] in (longer[0], _surname(longer)) and not place:
                fits["PERSON"].append(full)
        elif full_label == "PERSON" and label in SHORT_FORM_LABELS and _particled_surname(words, longer):
            fits["PERSON"].append(full)  # "Van Der Beek" for "James Van Der Beek"
        elif full_label == "ORG" and label in ("ORG", "PERSON", "PRODUCT"):
            if _org_short_form(words, longer, short, full):
                fits["ORG"].append(full)
    # a company's own name before its legal form goes to that company, not to its unit named for a
    # trade: "LTV" is LTV Corp beside LTV Steel Co
    fits["ORG"] = [f for f in fits["ORG"] if _legal_form_after(words, all_words[id(f)])] or fits["ORG"]
    # a name read as a person's goes to a person first: "Jobs" to "Steve Jobs", not "U.S. Jobs"; one
    # read as a company's that is in a company's name is no person's: "Ford" beside "Ford Motor Co."
    # and "William Clay Ford Jr.", "Heinz" beside "H.J. Heinz Co" and "Henry Heinz II"
    if label != "PERSON" and any(labels[id(f)] == "ORG" and _within(words, all_words[id(f)]) for f in fulls):
        fits["PERSON"] = []
    for kind in ("PERSON", "ORG") if label == "PERSON" else ("ORG", "PERSON"):
        if fits[kind]:  # of several, the one mentioned most, if one is: "Steve" is the article's Steve Jobs
            counts = sorted((len(f.mentions), n) for n, f in enumerate(fits[kind]))
            unique = len(counts) == 1 or counts[-1][0] > counts[-2][0]
            return fits[kind][counts[-1][1]] if unique else None
    return None


def _legal_key(name: str) -> str:
    """A name's key, a legal form at its end with or without its stop ("Pesch and Co" and, closing a
    sentence, "Pesch and Co.")."""
    key = name_key(name)
    return key[:-1] if key.endswith(".") and key.rsplit(" ", 1)[-1][:-1] in CORPORATE_WORDS else key


def _particled_surname(words: list[str], longer: list[str]) -> bool:
    """A surname of several words that opens with a particle and ends the longer name: "Van Der
    Beek", "de la Cruz"."""
    return len(words) > 1 and words[0] in NAME_PARTICLES and longer[-len(words) :] == words


def _within(words: list[str], longer: list[str]) -> bool:
    """Whether ``words`` run in ``longer``."""
    return any(longer[i : i + len(words)] == words for i in range(len(longer) - len(words) + 1))


def _org_short_form(words: list[str], longer: list[str], short: Group, full: Group) -> bool:
    """ "Sorg" for "Sorg Inc", "Canada Southern" for "Canada Southern Petroleum Ltd" (the words of a
    company's trade before its legal form), "Treasury" for "U.S. Treasury", "Post" for "Calder City
    Post" (a newspaper by its last word), "NAR" for "National Association of Realtors"; not "Boeing"
    for "Boeing Commercial Airplanes", nor "Kessler" for "Kessler Aircraft Systems", parts of it."""
    extra = len(longer) - len(words)
    if longer[: len(words)] == words:
        rest = [w.rstrip(".") for w in longer[len(words) :]]
        return _legal_form_after(words, longer) or rest[-1] in LEGAL_FORMS and all(
            w in CORPORATE_WORDS or w in BUSINESS_WORDS for w in rest)
    if longer[extra:] == words and (  # "Treasury" for "U.S. Treasury", "the Post" for "Calder City Post"
            " ".join(longer[:extra]) in COUNTRY_PREFIXES or words == longer[-1:] and words[0] in OUTLET_WORDS):
        return True
    return _founders_name(words, longer) or _own_name(words, longer) or _acronym(short.name, full.name)


def _legal_form_after(words: list[str], longer: list[str]) -> bool:
    """Whether ``longer`` is ``words`` and a legal form only ("Sorg Inc")."""
    return longer[: len(words)] == words and all(w.rstrip(".") in CORPORATE_WORDS for w in longer[len(words) :])


def _own_name(words: list[str], longer: list[str]) -> bool:
    """ "Kodak" for "Eastman Kodak Co": the last word of a company's name before its legal form, when
    it is no English word (``lexicon``) and so a name of its own, and no "and" joins two names before
    it; "Carbide" for "Union Carbide Corp" is a word any company may use."""
    core = list(longer)
    while len(core) > 1 and core[-1].rstrip(".") in CORPORATE_WORDS:
        core.pop()
    joined = {"and", "&"} & set(core)  # "Heineken" for "... Gloeilampenfabrieken and Heineken NV"
    return len(words) == 1 and 1 < len(core) < len(longer) and core[-1] == words[0] and not joined and not common_word(
        words[0])


INITIALS = re.compile(r"(?:[a-z]\.)+")
LEADING_LEGAL_FORMS = frozenset({"nv", "ab", "banque"})


def _founders_name(words: list[str], longer: list[str]) -> bool:
    """ "Penney" for "J.C. Penney Co", "Lilly" for "Eli Lilly and Co", "Hall" for "Frank B. Hall and
    Co", "Volvo" for "AB Volvo": the
    last word of a company's name after its founder's initials or given name, or a legal form put
    first. Not "House" for "White House", "Digital" for "Western Digital Corp", "Chemical" for
    "Mobil Chemical Co": other words before it make it a part of a longer name."""
    core = list(longer)
    while len(core) > 1 and core[-1].rstrip(".") in CORPORATE_WORDS:
        core.pop()
    if len(words) != 1 or len(core) < 2 or core[-1] != words[0]:
        return False
    before = core[:-1]
    first = before[0]
    given = has_nicknames(first) or len(given_forms(first)) > 1
    initials = all(INITIALS.fullmatch(w) for w in before[1:])  # "Frank B. Hall and Co"
    return all(INITIALS.fullmatch(w) for w in before) or len(before) == 1 and (
        first.replace(".", "") in LEADING_LEGAL_FORMS or given) or given and initials and len(core) < len(longer)


def _acronym(short: str, name: str) -> bool:
    """ "NAR" for "National Association of Realtors", "USDA" for "U.S. Agriculture Department"."""
    capitalised = [w for w in name.split() if w[:1].isupper()]
    letters = initialisms(capitalised)  # "AIG" for "American International Group", and ...
    while capitalised and capitalised[-1].lower().rstrip(".") in CORPORATE_WORDS and initialisms(capitalised[:-1]):
        capitalised.pop()  # ... "S and P" for "Standard and Poor's Corp", "AB" for "Anheuser-Busch Cos Inc"
    found = acronym(short)
    own = [w for w in capitalised if w.lower().rstrip(".") not in CORPORATE_WORDS]  # "VW" for "Volkswagen AG"
    return found in letters | initialisms(capitalised) or contraction(short, own)


def _surname(words: list[str]) -> str:
    """The last of a person's name's words that is no generation: "Carlineo" in "Patrick Carlineo Jr."."""
    return without_generation(words)[-1] if len(words) > 2 else words[-1]


def surname_mentions(doc: Doc, people: list[Group], taken: set[int]) -> None:
    """ "Lopez said ..." before or after "Maria Lopez": the NER often misses a surname alone."""
    surnames: dict[str, Group] = {}
    for group in people:
        last = _surname(group.name.split())
        if len(group.name.split()) > 1 and len(last) > 2:
            surnames.setdefault(last, group)
    for token in doc:
        named = surnames.get(token.text)
        if named is None or token.i in taken or token.pos_ != "PROPN":
            continue
        named.extra.append((token.i, token.i + 1))
        taken.add(token.i)


def _may_be(noun: str, label: str) -> bool:
    """Whether a description's head noun may name an entity of this type: "the Marovian leader" is
    no newspaper, though "the Marovian daily Glos Poranny" shares its modifier."""
    if noun in PERSON_TITLES:
        return label == "PERSON"
    return label != "PERSON" or noun not in ORG_SUFFIXES


def nominal_mentions(doc: Doc, groups: list[Group], taken: set[int]) -> None:
    """Attach "the Belarusian leader" to the entity whose role shares a modifier or the head."""
    role_words: list[tuple[Group, set[str], str]] = []
    for group in groups:
        for role in group.roles:
            words = role.lower().split()
            if words:
                role_words.append((group, set(words[:-1]) - {"the", "a"}, words[-1]))
    if not role_words:
        return
    nationalities = {e.text.lower() for e in doc.ents if e.label_ == "NORP"}
    for token in doc:
        if token.i in taken or token.lower_ not in ROLE_NOUNS or token.tag_ not in ("NN", "NNP"):
            continue
        det = [c for c in token.children if c.dep_ == "det"]
        if not det or det[0].lower_ != "the":
            continue
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        # A shared modifier ("Marovian") says more than a shared head noun ("leader"); on a tie
        # the entity mentioned last before the description wins.
        best: tuple[int, int, Group] | None = None
        for group, known_modifiers, head in role_words:
            mentioned = [s.start for s in group.names if s.start < token.i]
            if not mentioned or not _may_be(token.lower_, group.label):
                continue
            told, known = modifiers & nationalities, known_modifiers & nationalities
            if told and known and not told & known:
                continue  # "the American auto company" is not "the Italian company" named before
            score = 2 * len(modifiers & known_modifiers) + (token.lower_ == head)
            if score and (best is None or (score, max(mentioned)) > best[:2]):
                best = (score, max(mentioned), group)
        if best is not None:
            best[2].extra.append((det[0].i, token.i + 1))
            taken.update(range(det[0].i, token.i + 1))
