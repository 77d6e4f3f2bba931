"""English words, as the model's rule lemmatizer knows them.

Its index of lemmas (nouns, verbs, adjectives, adverbs) tells a company's own name from a word
any company may end with: "Kodak" stands for "Eastman Kodak Co", "Lumber" not for "Knox Lumber Co"
nor "Digital" for "Western Digital Corp". The index is read from the installed model's files, not
by loading the pipeline, so that the store can ask without the parser in memory; a model without
it knows no word as a name (every word is common), and short forms keep to their other rules.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.lookups import Lookups

from ..errors import ModelNotFound
from .loading import model_name

_KINDS = ("noun", "verb", "adj", "adv")
_PLURALS = (("s", ""), ("es", ""), ("ies", "y"))


@lru_cache(maxsize=1)
def _lemmas() -> frozenset[str] | None:
    """Every lemma of the model's index, or None when the model has none."""
    try:
        name = model_name()
    except ModelNotFound:
        return None
    root = Path(name) if Path(name).exists() else None
    if root is None and spacy.util.is_package(name):
        root = spacy.util.get_package_path(name)
    found = sorted(root.glob("**/lemmatizer/lookups/lookups.bin")) if root else []
    if not found:
        return None
    lookups = Lookups().from_disk(found[0].parent)
    if not lookups.has_table("lemma_index"):
        return None
    index = lookups.get_table("lemma_index")
    return frozenset(word for kind in _KINDS if kind in index for word in index[kind])


def common_word(word: str) -> bool:
    """Whether a lower-case word, or the singular of a plural, is an English word ("lakes",
    "chemical"); also True when the model knows no words."""
    lemmas = _lemmas()
    if lemmas is None:
        return True
    forms = {word}
    for plural, singular in _PLURALS:  # "lakes", "boxes", "companies"
        if word.endswith(plural):
            forms.add(word[: -len(plural)] + singular)
    return bool(forms & lemmas)
