"""A government body named without its country ("the Finance Ministry said", "the Central Bank")
is the body of the country the story puts before it ("Japan's Finance Ministry", "the Brazilian
Finance Ministry") or, for a ministry or a central bank, of the one country the story is about.
Without this, every country's finance ministry would be one actor. A department, a treasury or an
office keeps its bare name unless its country is written before it: the wire names the U.S.
departments so ("the Commerce Department said") in stories about any country.
"""

from __future__ import annotations

import re
from collections import Counter

from ..claims.nations import country_named, nationality, possessive
from ..extract.entities.words import PORTFOLIOS
from ..model import Entity, Extraction
from .names import words

BODY_WORDS = PORTFOLIOS | {"ministry", "department", "office", "bank", "central", "reserve", "national", "of", "and"}
# Bodies that the story's country names when nothing is written before them.
ABROAD = {"ministry", "bank"}
HEADS = ABROAD | {"department", "office", "treasury"}
DOMINANT = 2 / 3
"""The share of a story's mentions of countries that one country must have to be its country."""
_BEFORE = re.compile(r"([A-Z][\w.]*(?:[^\S\n][A-Z][\w.]*)?)(?:['’]s)?[^\S\n]+$")


def national_body(name: str) -> bool:
    """A ministry, department, central bank or treasury named without its country."""
    named = words(name)
    return bool(named) and set(named) <= BODY_WORDS | {"treasury"} and bool(HEADS & set(named)) and (
        len(named) > 1 or named[0] == "treasury")


def story_country(extraction: Extraction) -> str | None:
    """The country most of the story's places and nationalities name, if it has ``DOMINANT`` of them;
    else the one country its headline names ("JAPAN MARCH BOND COUPON SEEN UNCHANGED", "FRENCH
    INTERVENTION RATE CUT LIKELY") if none is named more, as a wire story on one country quotes
    others' officials too."""
    counts: Counter[str] = Counter()
    for entity in extraction.entities:
        country = country_named(entity.name) if entity.type in ("GPE", "NORP") else None
        if country is not None:
            counts[country] += len(entity.mentions)
    top = counts.most_common(2)
    if top and top[0][1] >= DOMINANT * sum(counts.values()):
        return top[0][0]
    headline = _headline_countries(extraction.title or "")
    if len(headline) != 1:
        return None
    (country,) = headline
    # and the story names it most ("U.S. BANKS TO GET APPROVAL ..." is a story from Tokyo)
    leading = [c for c, n in top if n == top[0][1]] if top else [country]
    return country if country in leading else None


def _headline_countries(title: str) -> set[str]:
    """The countries a headline names by a word or two ("WEST GERMAN", "U.S.", "JAPAN")."""
    tokens = title.replace(",", " ").replace(":", " ").split()
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        pair = country_named(" ".join(tokens[i : i + 2])) if i + 1 < len(tokens) else None
        one = pair or country_named(tokens[i].removesuffix("'S").removesuffix("'s"))
        found.update([one] if one else [])
        i += 2 if pair else 1
    return found


def abroad(name: str) -> bool:
    """A ministry or a bank: a body every country has under the same name, whose bare name must
    not become an alias of one country's."""
    return bool(ABROAD & set(words(name)))


def body_names(extraction: Extraction, entity: Entity, home: str | None) -> tuple[str, ...]:
    """The body's name with its country before it ("Switzerland's National Bank"), then with its
    nationality, as the news also writes it ("Swiss National Bank"); none when it is no bare
    national body or its country is not known."""
    if not national_body(entity.name):
        return ()
    country = None
    for start, _ in entity.mentions:
        before = _BEFORE.search(extraction.text, max(0, start - 30), start)
        country = country_named(before.group(1)) if before else None
        if country is not None:
            break
    if country is None and abroad(entity.name):
        country = home
    if country is None:
        return ()
    people = nationality(country)
    return (f"{possessive(country)} {entity.name}", *([f"{people} {entity.name}"] if people else []))
