"""Acronyms and the names they stand for, shared by the entity grouping of one article and the
actors of the whole store.

A wire story writes one organisation three ways: "U.S. Agriculture Department", "USDA" (the
initials of its official name, "U.S. Department of Agriculture"), and Reuters spells S&P out as
"S and P". So an acronym is read with its dots and "and"s taken out, and a name gives its initials
both in the order written and with a trailing institution word brought forward. A hyphen or slash
joins words that each give a letter: "RTZ" is "Rio Tinto-Zinc", "IADB" the "Inter-American
Development Bank".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...nlp.lexicon import common_word
from .words import COUNTRY_PREFIXES

CONNECTIVES = {"of", "and", "the", "for", "&", "de"}
"""Words left out of a name's initials."""
HEADS = {"department", "ministry", "bureau", "office"}
"""Institution words written last in "Agriculture Department" and first in its official name,
"Department of Agriculture" (not "Agency" or "Commission": "Bahrain Monetary Agency" is written in
that order only)."""
_JOINED = re.compile(r"(?<=\w)[-/](?=\w)")
"""A hyphen or slash inside a name, between the words it joins."""
LONGEST = 6
"""The most letters an acronym has; a longer word in capitals is a name shouted ("CHRYSLER")."""


def acronym(name: str) -> str | None:
    """The letters of a short form written in capitals, lower-case: "IBM" gives "ibm", "U.S."
    "us", "S and P" and "S&P" "sp"; None for any other name ("Fed", "Texaco")."""
    parts = [part.replace(".", "") for part in name.replace("&", " & ").split() if part.lower() not in CONNECTIVES]
    letters = "".join(parts)
    if not 2 <= len(letters) <= LONGEST or not letters.isalpha() or not letters.isupper():
        return None
    if len(parts) > 1 and any(len(part) > 1 for part in parts) and "&" not in name and " and " not in name:
        return None  # "US IBM" is two names
    return letters.lower()


def initialisms(words: Sequence[str]) -> set[str]:
    """The acronyms a name of these ``words`` is written as: "U.S. Agriculture Department" gives
    "usad" and "usda", "Freeport-McMoran Gold" "fmg"; none for fewer than two content words, or
    for a description written in lower case ("parent bank commission")."""
    content = [part for word in words for part in _JOINED.split(word) if part.lower() not in CONNECTIVES]
    if len(content) < 2 or not all(w[0].isupper() or w[0].isdigit() for w in content):
        return set()
    content = [w.lower() for w in content]
    found = {_letters(content)}
    prefix = 1 if content[0] in COUNTRY_PREFIXES else 0
    if content[-1] in HEADS and len(content) - prefix > 1:
        found.add(_letters([*content[:prefix], content[-1], *content[prefix:-1]]))
    return found


def _letters(words: Sequence[str]) -> str:
    """The first letter of each word; every letter of a dotted abbreviation ("u.s." gives "us")."""
    return "".join(w.replace(".", "") if "." in w.strip(".") else w[0] for w in words if w[0].isalnum())


CONTRACTED = 8
"""The fewest letters of a one-word name that an acronym may contract ("VW" for "Volkswagen")."""


def contraction(written: str, words: Sequence[str]) -> bool:
    """Whether an acronym written without dots contracts a name of one word, no English word, that
    begins with its first letter and holds the others in order: "VW" for "Volkswagen" (the letters
    of the parts of a compound), not "TX" for "Texaco", nor "F.A." (initials) for "Freeman-Owings"."""
    letters = acronym(written) if "." not in written else None
    if letters is None:
        return False
    if len(words) != 1 or len(words[0]) < CONTRACTED or not words[0].isalpha() or not 2 <= len(letters) <= 3:
        return False  # "Freeman-Owings" is two names
    word = words[0].lower()
    rest = iter(word[1:])
    return word[0] == letters[0] and all(letter in rest for letter in letters[1:]) and not common_word(word)
