"""Countries a claim names by a nationality ("three Soviet tankers", "Japanese banks"), which the
entity recogniser leaves out (it finds a nationality, not a place), and whether a story names them.

"Soviet tankers will reinforce Kuwait's fleet" is about the Soviet Union as much as Kuwait: a
later story on U.S. tankers in the Gulf that names neither "Soviet" nor the Soviet Union is about
another matter. A story names a country by its name, its nationality or another usual spelling
("Japan", "Japanese", "Nippon"). The countries and their nationalities are countryinfo's, with the
few forms of the news that it lacks (it lists today's countries only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from countryinfo import CountryInfo

Span = tuple[int, int]

_MORE_FORMS = {
    "Soviet Union": ("Soviet", "Soviets", "USSR", "U.S.S.R."),
    "Argentina": ("Argentine",),
    "Saudi Arabia": ("Saudi",),
    "United States": ("U.S.", "America"),
    "United Kingdom": ("U.K.", "Britain"),
    "Germany": ("West Germany", "West German"),
}
"""Forms the data lacks: a country of the time, or a short form the news uses."""


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[set[str], set[str]]]:
    """Each country's name → (its nationalities, every form that names it), the most populous
    first: "French" is France's before French Guiana's."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for info in sorted(CountryInfo.all().values(), key=lambda i: -(i.get("population") or 0)):
        name = info.get("name")
        if not name:
            continue
        nationalities = {d.strip() for d in (info.get("demonym") or "").split(",") if d.strip()}
        spellings = {s for s in info.get("altSpellings") or [] if len(s) > 3 and s.isascii()}
        found[name] = (nationalities, {name, *nationalities, *spellings})
    for name, forms in _MORE_FORMS.items():
        nationalities, every = found.setdefault(name, (set(), {name}))
        nationalities.update(f for f in forms if f[-1].islower())  # "Soviet", not "USSR"
        every.update(forms)
    return found


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """Any of ``forms`` as a whole word, longest first ("Saudi Arabian" before "Saudi")."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w-])")


@lru_cache(maxsize=1)
def _nationality() -> tuple[re.Pattern[str], dict[str, str]]:
    country_of: dict[str, str] = {}
    for name, (nationalities, _) in _countries().items():
        for nationality in nationalities:
            country_of.setdefault(nationality, name)
    return _pattern(country_of), country_of


@lru_cache(maxsize=512)
def _naming(country: str) -> re.Pattern[str]:
    return _pattern(_countries()[country][1])


def nations(text: str, spans: list[Span], names: list[Span]) -> list[str]:
    """The countries that ``spans`` of ``text`` name by a nationality, but inside one of the
    ``names`` of an entity ("Japanese Aero Engines Corp" is a company, not Japan)."""
    pattern, country_of = _nationality()
    found = set()
    for start, end in spans:
        for match in pattern.finditer(text, start, end):
            if not any(a <= match.start() and match.end() <= b for a, b in names):
                found.add(country_of[match.group()])
    return sorted(found)


def names_country(country: str, text: str) -> bool:
    """Whether ``text`` names ``country`` by any of its forms (a country unknown here: by its name)."""
    if country not in _countries():
        return re.search(rf"\b{re.escape(country)}\b", text) is not None
    return _naming(country).search(text) is not None


@lru_cache(maxsize=1)
def _country_of_form() -> dict[str, str]:
    found: dict[str, str] = {}
    for name, (_, forms) in _countries().items():
        for form in forms:
            found.setdefault(form.lower(), name)
    return found


def country_named(form: str) -> str | None:
    """The country a name or nationality stands for ("Japan", "Japanese", "U.S."), or None."""
    return _country_of_form().get(form.lower())


_PREFIXES = {"United States": "U.S.", "Soviet Union": "Soviet"}


def possessive(country: str) -> str:
    """The country as it is put before a body's name: "U.S." for the United States, else its
    name in the possessive ("Japan's", "Philippines'"): a nationality names people ("New
    Zealander")."""
    return _PREFIXES.get(country) or country + ("'" if country.endswith("s") else "'s")


def nationality(country: str) -> str | None:
    """The country's nationality as countryinfo gives it first ("Swiss"), if it gives one."""
    info = CountryInfo.all().get(country.lower())
    demonyms = (info.get("demonym") if info else None) or ""
    return demonyms.split(",")[0].strip() or None
