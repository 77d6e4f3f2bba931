"""Actors: one identity per person or organisation across the whole corpus."""

from .linker import ActorIndex, MemoryIndex, Mentioned, canonical_name, link, link_article, link_extractions
from .names import clean, keys, name_key

__all__ = [
    "ActorIndex",
    "MemoryIndex",
    "Mentioned",
    "canonical_name",
    "clean",
    "keys",
    "link",
    "link_article",
    "link_extractions",
    "name_key",
]
