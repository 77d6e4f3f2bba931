"""Linking an article's entities to corpus-level actors, one article at a time.

The same rules serve the store (``store/actors.py``, whose index is three tables) and anything
that links in memory (``MemoryIndex``: the speaker evaluation). Each entity is linked by look-ups
on the keys of ``names.py``, never by a scan of the actors:

1. any of its written forms is an alias of an actor: that actor;
2. a one-word name (a surname, "Moody", "Treasury", "IBM") stands for the one longer name it
   can only mean: that actor; if it could mean several, roles shared with one of them decide,
   else it stays an actor of its own;
3. a longer name adopts the one-word actors that can now only mean it ("Putin" stored before
   "Vladimir Putin" was ever seen), keeping the oldest one's id, unless a curator pinned them;
4. else a new actor.

An actor's name is its longest, most frequent alias unless a curator renamed it; its type is the
type most of its mentions were given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Protocol

from ..claims.nations import country_named
from ..extract.entities.acronyms import acronym, contraction, initialisms
from ..extract.entities.words import ORG_SUFFIXES
from ..model import Extraction
from ..nlp.lexicon import common_word
from .bodies import abroad, body_names, national_body, story_country
from .names import (
    NICKNAMES,
    KeyKind,
    bare,
    clean,
    company,
    core,
    keys,
    name_key,
    probes,
    short_keys,
    words,
    written_core,
)

LINKED_TYPES = {"PERSON", "ORG", "GPE"}
_NOT_NAMES = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i"}


@dataclass(frozen=True)
class Mentioned:
    """What the linker needs of one entity: its name, type, roles and every form written."""

    name: str
    type: str
    roles: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()


class ActorIndex(Protocol):
    """Where actors and their aliases are kept and looked up."""

    def find(self, kind: KeyKind, key: str) -> list[str]:
        """Actors with an alias stored under this key, oldest first."""

    def create(self, name: str, type_: str) -> str:
        """A new actor (or one revived under its former id), returning its id."""

    def add_alias(self, actor: str, alias: str, type_: str, roles: Iterable[str]) -> None:
        """Count one more mention of ``actor`` written ``alias`` and typed ``type_``."""

    def merge(self, into: str, other: str) -> None:
        """Move everything of ``other`` into ``into`` and forget ``other``."""

    def pinned(self, actor: str) -> bool:
        """Whether a curator fixed this actor, so that rules never fold it into another."""

    def roles(self, actor: str) -> set[str]:
        """The role words (lower-case) the actor was given."""

    def written(self, actor: str) -> set[str]:
        """The names (aliases) the actor was written as."""

    def name(self, actor: str) -> str:
        """The actor's name as shown."""

    def type(self, actor: str) -> str:
        """The type most of the actor's mentions were given."""


def _name(written: str) -> str:
    """A name as an actor's alias: whitespace-normalised, without a leading "the"."""
    parts = clean(written).split()
    if len(parts) > 1 and parts[0].lower() == "the":
        parts = parts[1:]
    return " ".join(parts)


def written_forms(extraction: Extraction, name: str, entity_mentions: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    """The mentions that are short forms of the name, as written: "Putin" in an article naming
    "Vladimir Putin", "Moody's" for "Moody's Investors Service", an acronym; not "he", nor a
    description, however capitalised ("the West German Finance Minister", "U.S. officials"),
    which would tie whoever holds a post to whoever held it before."""
    full = {bare(w) for w in words(name)}
    letters = initialisms(written_core(name))
    found = []
    for start, end in entity_mentions:
        form = _name(extraction.text[start:end])
        parts = [bare(w) for w in words(form)]
        if not parts or form.lower() in _NOT_NAMES or not form.split()[-1][0].isupper():
            continue
        if set(parts) <= full or acronym(form) in letters or contraction(form, written_core(name)):
            found.append(form)
    return tuple(dict.fromkeys(found))


def mentioned(extraction: Extraction) -> dict[str, Mentioned]:
    """The linkable entities of an article, by local id; a government body named without its
    country goes by the name with it, and a ministry's or bank's by none of its bare forms
    (``bodies``)."""
    bodies = any(e.type == "ORG" and national_body(e.name) for e in extraction.entities)
    home = story_country(extraction) if bodies else None  # most stories name no bare body
    found = {}
    for e in extraction.entities:
        if e.type in LINKED_TYPES and any(ch.isupper() for ch in e.name):
            body = body_names(extraction, e, home) if e.type == "ORG" else ()
            forms = written_forms(extraction, e.name, e.mentions)
            if body:
                forms = body[1:] if abroad(e.name) else (*body[1:], *forms)
            found[e.id] = _mentioned(body[0] if body else _name(e.name), e.type, tuple(e.roles), forms)
    return found


def _mentioned(name: str, type_: str, roles: tuple[str, ...], forms: tuple[str, ...]) -> Mentioned:
    """An entity as linked: one an institution's nickname names goes by its full name, the nickname
    kept as a form written ("Fed" is the Federal Reserve, see ``names.NICKNAMES``)."""
    full = NICKNAMES.get(name.lower())
    if full is None:
        return Mentioned(name, type_, roles, forms)
    return Mentioned(full, type_, roles, tuple(dict.fromkeys((name, *forms))))


def link(index: ActorIndex, entity: Mentioned) -> str:
    """The actor of one entity, created if need be; its aliases and roles counted."""
    actor = _known(index, entity)
    if actor is None:  # a place by its own names and its acronym only (see ``names.probes``)
        actor = _short_form(index, entity) or _adopt_short_forms(index, entity)
    if actor is None:
        actor = index.create(entity.name, entity.type)
    for form in dict.fromkeys((entity.name, *entity.forms)):
        index.add_alias(actor, form, entity.type, entity.roles)
    return actor


def _known(index: ActorIndex, entity: Mentioned) -> str | None:
    """An actor that already has the entity's name, or one of its forms that is a full name or an
    acronym of three letters or more ("EADS" beside "European Aeronautic Defence & Space NV" and,
    in another story, beside "... Defense & Space Company"), not a surname alone."""
    for form in (entity.name, *entity.forms):
        if len(words(form)) > 1 or form == entity.name or len(acronym(form) or "") >= 3:
            found = index.find("name", name_key(form))
            if found:
                return found[0]
    return None


def _short_form(index: ActorIndex, entity: Mentioned) -> str | None:
    """The one longer-named actor a short name can only mean, by the most telling kind of key
    first (the keys of one kind together: "Bob Dole" may be a Robert or a Bert Dole)."""
    for kind, group in groupby(probes(entity.name, entity.type), key=lambda probe: probe[0]):
        found = list(dict.fromkeys(
            a for _, key in group for a in index.find(kind, key)
            if a not in index.find("name", name_key(entity.name)) and _places(index.type(a), entity.type)
            and not _described_otherwise(index.name(a), entity.roles)
            and not (company(entity.name) and index.type(a) == "PERSON" and len(words(index.name(a))) > 1)
            and not (kind == "own" and _named_otherwise(index, key))
            # "Anna Britt Holm" is not the "Anna Holm" whose full name is "Anna Lise Holm"
            and (kind != "name" or name_key(index.name(a)) == key)
        ))
        chosen = _one(index, found, entity)
        if chosen is None and kind == "first" and entity.type == "ORG" and not _plural_noun(entity.name):
            chosen = _parent(index, found)
        if chosen is not None:
            return chosen
        if found:  # ambiguous: a weaker key must not pick one of them either
            return None
    return None


def _described_otherwise(name: str, roles: tuple[str, ...]) -> bool:
    """Whether the article calls the entity a kind of organisation that the longer name is not:
    "The pilots' association, VPA" is not the Valmora Port Authority of another story."""
    kinds = {role.lower().split()[-1] for role in roles if role.split()} & ORG_SUFFIXES
    named = {bare(w).lower() for w in words(name)}
    return bool(kinds) and not kinds & named and bool(named & ORG_SUFFIXES)


def _named_otherwise(index: ActorIndex, key: str) -> bool:
    """Whether a place goes by this word, or other names begin with it: then it is no company's
    own name where one ends in it ("Equiticorp Hongkong Ltd" beside "Hongkong Land Co Ltd")."""
    return bool(index.find("first", key)) or any(index.type(a) == "GPE" for a in index.find("name", key))


def _places(one: str, other: str) -> bool:
    """Whether both are places or neither is: "US" the country is not "US" the union."""
    return (one == "GPE") == (other == "GPE")


def _one(index: ActorIndex, found: list[str], entity: Mentioned) -> str | None:
    if len(found) == 1:
        return found[0]
    roles = {w for role in entity.roles for w in role.lower().split()}
    sharing = [a for a in found if roles & index.roles(a)]
    return sharing[0] if len(sharing) == 1 else None


def _parent(index: ActorIndex, found: list[str]) -> str | None:
    """Of the organisations a bare name begins, the company whose name the others extend or add
    a region to: "Ford" is Ford Motor Co beside Ford Motor Credit Co, Ford Motor Co of Canada Ltd
    and Ford Europe; "Union" beside Union Carbide Corp and Union Pacific Corp, or "Halvor" beside
    Halvor Land Co and Halvor Bank, stays apart."""
    companies = sorted(
        (core(index.name(a)), a) for a in found
        if index.type(a) == "ORG" and company(index.name(a)) and not {"of", "and", "&"} & set(words(index.name(a)))
    )
    if not companies:
        return None
    parent, actor = companies[0]
    others = (core(index.name(a)) for a in found if a != actor)
    return actor if all(other[: len(parent)] == parent or _region(other[1:]) for other in others) else None


def _plural_noun(name: str) -> bool:
    """Whether a one-word name is an English noun in the plural: "Bankers said" is no short form
    of Bankers Trust Co, though the recogniser may take it for a name."""
    word = name.lower()
    return word.endswith("s") and common_word(word[:-1])


_REGIONS = {"europe", "asia", "africa", "america", "pacific"}


def _region(rest: list[str]) -> bool:
    """Whether these words name a country or a continent, as in "Ford Canada" or "Ford Europe"."""
    name = " ".join(rest)
    return name in _REGIONS or country_named(name) is not None


def _adopt_short_forms(index: ActorIndex, entity: Mentioned) -> str | None:
    """The one-word actors of the same type that a longer name can only mean, folded into the
    oldest of them ("Baker", a person, is not taken over by "Baker Hughes Inc")."""
    found: list[str] = []
    for kind, key in short_keys(entity.name, entity.type):
        if kind == "own" and _named_otherwise(index, key):
            continue
        sharing = index.find(kind, key)
        if any(not _parts(index, a, entity) for a in sharing):
            continue  # another longer name shares the key: the short form stays apart
        found += [
            a
            for a in index.find("core", key)
            # "IBM" or "S and P" stands for a name; "Fed" does not
            if (acronym(index.name(a)) == key if kind == "initials" else _one_word(index, a))
            if a not in found and not index.pinned(a) and index.type(a) == entity.type
            and not (sharing and not _parts(index, a, entity))  # "Hyundai", once "Hyundai Corp", stays
        ]
    if not found:
        return None
    for other in found[1:]:
        index.merge(found[0], other)
    return found[0]


def _parts(index: ActorIndex, actor: str, entity: Mentioned) -> bool:
    """Whether every longer name an actor goes by is a part of the organisation ``entity`` names
    ("Toyota Motor Credit Corp", "Toyota Motor Sales" of Toyota Motor Corp): such an actor leaves
    the short form ("Toyota") to the whole; "House Agriculture" does not leave "House" to the
    "House of Commons"."""
    own = core(entity.name)
    if entity.type != "ORG" or len(own) < 2:  # before the store is asked for the actor's names
        return False
    longer = [alias for alias in index.written(actor) if len(words(alias)) > 1]
    return all(core(alias)[: len(own)] == own for alias in longer)


def _one_word(index: ActorIndex, actor: str) -> bool:
    return len(words(index.name(actor))) == 1


def link_article(index: ActorIndex, extraction: Extraction) -> dict[str, str]:
    """Actor id of each linkable entity of one article, by local id."""
    return {local: link(index, entity) for local, entity in mentioned(extraction).items()}


@dataclass
class _Actor:
    id: str
    aliases: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)


class MemoryIndex:
    """An ``ActorIndex`` in memory: for evaluation, and a model of what the store keeps."""

    def __init__(self) -> None:
        self.actors: dict[str, _Actor] = {}
        self.keyed: dict[tuple[str, str], list[str]] = {}
        self.absorbed: dict[str, str] = {}

    def find(self, kind: KeyKind, key: str) -> list[str]:
        return list(self.keyed.get((kind, key), []))

    def create(self, name: str, type_: str) -> str:
        actor = f"a{len(self.actors) + len(self.absorbed) + 1}"
        self.actors[actor] = _Actor(actor)
        return actor

    def add_alias(self, actor: str, alias: str, type_: str, roles: Iterable[str]) -> None:
        record = self.actors[actor]
        record.aliases[alias] += 1
        record.types[type_] += 1
        record.roles.update(w for role in roles for w in role.lower().split())
        for key in keys(alias, type_):
            listed = self.keyed.setdefault(key, [])
            if actor not in listed:
                listed.append(actor)

    def merge(self, into: str, other: str) -> None:
        gone = self.actors.pop(other)
        kept = self.actors[into]
        kept.aliases.update(gone.aliases)
        kept.types.update(gone.types)
        kept.roles |= gone.roles
        for listed in self.keyed.values():
            if other in listed:
                listed.remove(other)
                if into not in listed:
                    listed.append(into)
        self.absorbed[other] = into

    def pinned(self, actor: str) -> bool:
        return False

    def roles(self, actor: str) -> set[str]:
        return self.actors[actor].roles

    def written(self, actor: str) -> set[str]:
        return set(self.actors[self.resolve(actor)].aliases)

    def resolve(self, actor: str) -> str:
        """Where an actor id now lives, after any merges."""
        while actor in self.absorbed:
            actor = self.absorbed[actor]
        return actor

    def name(self, actor: str) -> str:
        record = self.actors[self.resolve(actor)]
        return canonical_name(record.aliases, vote(record.types, record.aliases))

    def type(self, actor: str) -> str:
        record = self.actors[self.resolve(actor)]
        return vote(record.types, record.aliases)


_TYPE_PRIORITY = {"PERSON": 3, "ORG": 2, "GPE": 1}


def vote(types: Counter[str], aliases: Counter[str]) -> str:
    """The type given most often; a tie goes to an organisation when one of the names is a
    company's full name ("Badger Meter Inc" beside a "Badger" taken for a person), else to a
    person, then an organisation."""
    firm = any(company(alias) for alias in aliases)
    return max(types, key=lambda t: (types[t], firm and t == "ORG", _TYPE_PRIORITY.get(t, 0)))


# A person named by the surname alone far more often than in full still goes by the full name,
# if it was written at least this share as often, and more than once.
FULL_NAME_SHARE = 1 / 40


def canonical_name(aliases: Counter[str], type_: str) -> str:
    """A person's one full name if the most frequent is the surname alone (``FULL_NAME_SHARE``); else,
    of the names written at least a tenth as often as the most frequent one, the one of most
    words ("Vladimir Putin" over "Putin"; not a stray "U.S. Group" over a thousand "U.S."), the
    most frequent of those, then the longest, then the first in sort order ("Petra Alm" before
    "P. Alm"). For an organisation, a name that only adds to the most frequent one is not a fuller
    form of it unless it is a company's full name: "Numac Oil and Gas Ltd" names "Numac", "Apple
    Watch Series" does not name "Apple"."""
    common = max(aliases.values()) / 10
    top = min(aliases, key=lambda a: (-aliases[a], a))
    head = words(top)
    if type_ == "PERSON" and len(head) == 1:  # "Reagan" 486 times, "Ronald Reagan" 23: the full name
        floor = max(FULL_NAME_SHARE * aliases[top], 2)
        full = [a for a in aliases if len(words(a)) > 1 and words(a)[-1] == head[0] and aliases[a] >= floor]
        if len(full) == 1:  # of two, the surname stands for two people ("Danforth": Douglas and John)
            return full[0]
    candidates = [
        a for a in aliases
        if aliases[a] >= common and (type_ != "ORG" or a == top or words(a)[: len(head)] != head or company(a))
    ]
    return min(candidates, key=lambda a: (-len(words(a)), -aliases[a], -len(a), a))


def link_extractions(extractions: Iterable[Extraction]) -> dict[tuple[str, str], str]:
    """Actor id of each linkable entity, by (article id, entity id), linking the articles in the
    given order as ingest would."""
    index = MemoryIndex()
    linked = {(x.id, local): actor for x in extractions for local, actor in link_article(index, x).items()}
    return {pair: index.resolve(actor) for pair, actor in linked.items()}
