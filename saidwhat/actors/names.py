"""The forms a name takes, reduced to look-up keys.

Actors are found by key, never by scanning: every alias an actor has is stored under a few keys
(the whole name; for a person the surname, the name without middle names and with its given name
in full and as a nickname; for an organisation its core without "Inc" or "Corp", also written the
other way round for a department, its first word, its last after a country's name ("U.S.
Treasury") or when it is a name of its own ("Eastman Kodak Co"), and its initials), and a new name is
looked up by the keys its own form allows. Keys are lower-case and whitespace-normalised, so
"George\\nShultz" and "George Shultz" meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from ..extract.entities.acronyms import acronym, initialisms
from ..extract.entities.grouping import INITIALS
from ..extract.entities.mentions import without_generation
from ..extract.entities.nicknames import given_forms, has_nicknames
from ..extract.entities.words import BUSINESS_WORDS, COUNTRY_PREFIXES
from ..nlp.lexicon import common_word

# Heads of a government body's name that also come last: "Department of Energy", "Energy Department".
DEPARTMENTS = frozenset({"department", "ministry", "bureau", "office"})

KeyKind = Literal["name", "surname", "given", "nick", "core", "first", "last", "own", "initials"]

# Words that say what kind of company it is, not which one.
CORPORATE = {
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "cos",
    "cie",
    "ltd",
    "limited",
    "plc",
    "llc",
    "lp",
    "sa",
    "ag",
    "nv",
    "bv",
    "spa",
    "se",
    "group",
    "holdings",
    "holding",
}
# Words too common to stand for one organisation when written alone.
GENERIC = {
    "the",
    "of",
    "and",
    "for",
    "de",
    "national",
    "american",
    "international",
    "united",
    "general",
    "first",
    "new",
    "federal",
    "bank",
    "commission",
    "association",
    "department",
    "ministry",
    "council",
    "committee",
    "agency",
    "office",
    "board",
    "union",
    "government",
    "court",
    "party",
    "state",
    "states",
    "u.s.",
    "us",
    "world",
    "european",
    "trust",
    "service",
    "services",
}
# Words that make a name one of a part of the organisation its first word names.
PARTS = {"office", "committee", "subcommittee", "department", "board", "council", "commission", "division", "unit"}
# Names the news gives an institution or a country that share no word or initial with the name it
# goes by: a clipping ("the Fed"), a nickname ("the Big Board"), the initials of an official name
# ("USSR"); and a body the news names for the whole ("the Federal Reserve Board", whose words
# would make it a part, see ``PARTS``). Without them, one institution is two actors.
NICKNAMES = {
    "fed": "Federal Reserve",
    "federal reserve board": "Federal Reserve",
    "fed board": "Federal Reserve",
    "amex": "American Stock Exchange",
    "big board": "New York Stock Exchange",
    "ussr": "Soviet Union",
    "u.s.s.r.": "Soviet Union",
}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)


def clean(name: str) -> str:
    """The name as shown: whitespace runs (line breaks included) become one space."""
    return " ".join(name.translate(_APOSTROPHES).split())


@lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """Lower-case words, stripped of surrounding punctuation other than a word's inner dots, each
    in one spelling (``spelling``)."""
    return tuple(spelling(word.lower(), i > 0) for i, word in enumerate(written_words(name)))


# Words of a company's trade that its name has in the plural or not: "Ford Motors Co." is Ford
# Motor Company, "Wyle Laboratory" Wyle Laboratories.
_SINGULAR = {
    "motors": "motor", "industries": "industry", "airlines": "airline", "laboratories": "laboratory",
    "products": "product", "systems": "system", "communications": "communication",
    "technologies": "technology", "chemicals": "chemical", "pharmaceuticals": "pharmaceutical",
}


def spelling(word: str, after_first: bool = True) -> str:
    """One spelling of a lower-case word that news write two ways in names: British and American
    (the International Coffee Organisation is the International Coffee Organization, and the
    Organisation for Economic Co-operation the one for Economic Cooperation), and a trade in the
    plural or not (``_SINGULAR``) ``after_first`` word of a name: "Chemical Bank" is no
    "Chemicals Inc"; a legal form with its stop or without."""
    word = _SINGULAR.get(word, word) if after_first else word
    if word.endswith(".") and word[:-1] in CORPORATE:  # "Apple Inc." is "Apple Inc"
        word = word[:-1]
    word = word.replace("isation", "ization")
    return "coop" + word.removeprefix("co-op") if word.startswith("co-op") else word


def written_words(name: str) -> tuple[str, ...]:
    """The words of ``words`` as written, capitals kept."""
    stripped = (word.strip(',;:()[]"') for word in clean(name).split())
    return tuple(word for word in stripped if word)


def name_key(name: str) -> str:
    return " ".join(words(name))


def bare(word: str) -> str:
    """A word without its possessive ending: "moody's" is "moody"."""
    return _POSSESSIVE.sub("", word)


def core(name: str) -> list[str]:
    """An organisation's distinctive words: no leading "the", no trailing "Inc", "Corp" or "Co"."""
    return [spelling(word.lower(), i > 0) for i, word in enumerate(written_core(name))]


def written_core(name: str) -> list[str]:
    """The words of ``core`` as written, capitals kept: only a proper name has initials."""
    found = [w.rstrip(".") if w.lower().rstrip(".") in CORPORATE else w for w in written_words(name)]
    while found and found[0].lower() == "the":
        found = found[1:]
    while len(found) > 1 and found[-1].lower().rstrip(".") in CORPORATE:
        found = found[:-1]
    return [word for word in map(bare, found) if word]


@lru_cache(maxsize=65536)
def keys(name: str, type_: str) -> tuple[tuple[KeyKind, str], ...]:
    """Every key an actor with this alias is stored under.

    A one-word name's core is the word itself ("moody" for "Moody's"), and an acronym's its
    letters ("us" for "U.S."), so that a longer name seen later finds the short-form actors it
    may take over. A place goes by its name, and by its initials ("United States", "U.S.") only.
    """
    found: list[tuple[KeyKind, str]] = [("name", name_key(name))]
    parts = words(name)
    letters = acronym(clean(name))
    if type_ not in ("PERSON", "ORG", "GPE") or not parts:
        return tuple(found)
    if letters and type_ != "PERSON":  # an acronym has no first word or initials of its own
        return (*found, ("core", letters))
    if type_ == "GPE":
        return tuple(found + [("initials", short) for short in sorted(initialisms(written_words(name)))])
    if len(parts) == 1:
        found += [("core", bare) for bare in [bare(parts[0])] if bare]
    elif type_ == "PERSON":
        person = without_generation(parts)
        if _distinctive(person[-1]):
            found.append(("surname", bare(person[-1])))
        found += [("given", given) for given in [_given_and_surname(parts)] if given and len(person) > 2]
        found += [("nick", key) for key in _nick_keys(person)]
    else:
        org = core(name)
        found += [("core", key) for key in _cores(org)]
        if len(org) > 1:
            if not PARTS & set(org[1:]):  # "NASA's Office of the Inspector General" is not NASA
                found.append(("first", org[0]))
            if " ".join(org[:-1]) in COUNTRY_PREFIXES:  # "U.S. Treasury", not "New York Fed"
                found.append(("last", org[-1]))
            elif _own_last_word(name, org):
                found.append(("own", org[-1]))
            found = [(k, v) for k, v in found if k not in ("first", "last", "own") or v not in GENERIC]
            found += [("initials", short) for short in sorted(initialisms(written_core(name)))]
    return tuple(found)


def _own_last_word(name: str, org: list[str]) -> bool:
    """Whether a company's name ends in a name of its own, which can stand for it alone: "Kodak"
    for "Eastman Kodak Co", "Saint-Gobain" for "Cie de Saint-Gobain SA"; not an English word
    ("Knox Lumber Co", "Union Carbide Corp"), nor the last word of a name that does not end as a
    company's does ("Pratt and Whitney", "Bank of Pensacola"), nor a name
    joined to another ("Babcock and Wilcox Co", "Owens-Illinois Inc and Inco Ltd")."""
    ends_legal = words(name)[-1].rstrip(".") in CORPORATE
    joined = any(word.rstrip(".") in CORPORATE or word in ("and", "&") for word in org[1:-1])
    return ends_legal and not joined and not common_word(org[-1])


def short_keys(name: str, type_: str) -> list[tuple[KeyKind, str]]:
    """The keys of a longer name under which a one-word form of it would be looked up."""
    return [(k, v) for k, v in keys(name, type_) if k in ("surname", "first", "last", "own", "initials")]


def probes(name: str, type_: str) -> list[tuple[KeyKind, str]]:
    """The keys under which a short form may find the one longer name it stands for, most
    telling first: an organisation's core, a surname alone, an acronym, a first or last word; a
    place's acronym only."""
    parts = words(name)
    letters = acronym(clean(name))
    if type_ not in ("PERSON", "ORG", "GPE") or not parts:
        return []
    if type_ == "GPE" or len(parts) > 1:
        found: list[tuple[KeyKind, str]] = [] if type_ == "GPE" else [("core", key) for key in _cores(core(name))]
        person = without_generation(parts) if type_ == "PERSON" else ()
        given = _given_and_surname(parts) if len(person) > 1 else None
        if given:  # "Owen Dempsey" finds "Owen John Dempsey", and the other way round
            found.append(("given", given) if len(person) == 2 else ("name", given))
        found += [("nick", key) for key in _nick_keys(person)]  # "Jim Wright" and "James Wright"
        return found + [("initials", letters)] if letters and type_ != "PERSON" else found
    word = bare(parts[0])
    if not _distinctive(parts[0]):
        return []
    found = [("core", word), ("surname", word)]
    if letters:
        found.append(("initials", letters))
    return found + [("first", word), ("last", word), ("own", word)]


def company(name: str) -> bool:
    """Whether a name is a company's full name: it ends in "Inc", "Ltd" or a word of business
    ("Numac Oil and Gas Ltd", "Apple Computer", "Automotive News"), or is a brand in the
    possessive ("Moody's Investors Service"); not "Amazon Credit" or "Apple Watch Series", which
    its maker's name begins."""
    written = words(name)
    if len(written) < 2:
        return False
    last = written[-1].rstrip(".")
    return last in CORPORATE or last in BUSINESS_WORDS or written[0] != bare(written[0]) and written[1] not in GENERIC


def _cores(org: list[str]) -> list[str]:
    """An organisation's core, and the same written the other way round if it is a department's:
    "u.s. department of agriculture" is also "u.s. agriculture department"."""
    found = [" ".join(org)]
    for i, word in enumerate(org[:-2]):
        if word in DEPARTMENTS and org[i + 1] == "of":
            rest = org[i + 2:]
            rest = rest[1:] if rest[0] == "the" and len(rest) > 1 else rest
            found.append(" ".join([*org[:i], *rest, word]))
            break
    return found


def _nick_keys(person: tuple[str, ...]) -> list[str]:
    """The keys under which a two-word name meets the same name with the given name written in
    full or as a nickname: "Jim Wright" and "James Wright" share "james wright". A nickname that
    may stand for several names ("Bill": William or Robert) finds an actor only if one of them is
    known, as any short form does."""
    if len(person) != 2 or not (_distinctive(person[0]) and _distinctive(person[1])):
        return []
    forms = given_forms(person[0])
    if len(forms) == 1 and not has_nicknames(person[0]):
        return []  # a given name with no nickname known: its name key is enough
    return [f"{form} {bare(person[1])}" for form in sorted(forms)]


def _given_and_surname(parts: tuple[str, ...]) -> str | None:
    """A person's first and last names (and generation), with any middle names or initials left
    out, so that "Owen Dempsey" and "Owen John Dempsey" meet, and "Martin Sosnoff" and "Martin T.
    Sosnoff"; two middle names or initials stay two people ("George Bush" beside "George H.W. Bush"
    and "George W. Bush" is neither), and a generation stays ("Patrick Carlineo Jr.")."""
    person = without_generation(parts)
    generation = parts[len(person):]
    if len(person) > 2 and INITIALS.fullmatch(person[0]):  # "L. William Seidman" goes by William
        person = person[1:]
    if not (_distinctive(person[0]) and _distinctive(person[-1])):
        return None
    return " ".join((person[0], bare(person[-1]), *generation))


def _distinctive(word: str) -> bool:
    """A word that can stand for one name: two letters or more, mostly letters, not generic."""
    stripped = bare(word)
    letters = sum(ch.isalpha() for ch in stripped)
    return letters >= 2 and letters >= len(stripped) - 1 and stripped not in GENERIC and word not in GENERIC
