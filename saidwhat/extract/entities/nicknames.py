"""Given names and their nicknames, from the ``nicknames`` package's hand-curated table: "Jim" is
a James, "Josh" a Joshua. Read within an article ("Josh Apte" and "Joshua Apte" are one person)
and across the store (actor keys)."""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=4096)
def given_forms(first: str) -> frozenset[str]:
    """A given name (lower-case) and the longer names it is a short form of ("jim": james; "bill":
    william, willis). The table also links names that share no sound, by a chain of nicknames or by
    language ("bill": robert, "ian": john); a short form keeps two letters of its name, in order,
    or is not taken for it: Bill Gates is not Robert Gates, nor Ian Roach John Roach."""
    namer = _nicknamer()
    longer = {
        name for name in namer.canonicals_of(first)
        if len(name) > len(first) and first in namer.nicknames_of(name) and _letters_kept(first, name) >= 2
    }
    return frozenset({first, *longer})


def has_nicknames(name: str) -> bool:
    """Whether the table knows nicknames of this given name (lower-case)."""
    return bool(_nicknamer().nicknames_of(name))


def _letters_kept(short: str, name: str) -> int:
    """How many letters of ``name`` the ``short`` form keeps in order (their longest common
    subsequence): "bob" keeps "ob" of "robert", "bill" only "b"."""
    kept = [0] * (len(name) + 1)
    for letter in short:
        diagonal = 0
        for j, other in enumerate(name, 1):
            diagonal, kept[j] = kept[j], diagonal + 1 if letter == other else max(kept[j], kept[j - 1])
    return kept[-1]
