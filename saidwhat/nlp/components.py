"""saidwhat's spaCy components, registered with spaCy here (importing this module registers them).

- ``saidwhat_paragraphs``: sentence starts at paragraph breaks and after a wire dateline, before
  the parser runs, so quotes and clauses never run across paragraphs.
- ``saidwhat_dateline_names``: the entities of the first sentence after a wire dateline, found
  again on that sentence alone, where the recogniser missed them for the dateline before.
- ``saidwhat_attribute_table`` and ``saidwhat_lemma_table``: the attribute ruler and the rule
  lemmatizer as table look-ups (``tables``), swapped in by ``use_attribute_table`` and
  ``use_lemma_table`` under the names of the components they replace.
"""

from __future__ import annotations

from typing import cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token

from .dateline import dateline_end
from .prose import LINE_END, wrap_width, written_text
from .tables import AttributeTable, LemmaTable, Unsupported


@Language.component("saidwhat_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence, and a dateline is not part of the first one: quotes
    and clauses never run across paragraphs, and "KRALOV" is never a speaker. A line that ends
    without punctuation ends a sentence too (a headline, a dateline) unless the text is wrapped
    there (``_unwrapped``, which reads the text as written: the tokenizer has joined the lines a
    wrapper broke, ``prose``)."""
    width, text = 0, written_text(doc)
    for token in doc[1:]:
        before = doc[token.i - 1]
        gap = before.text + before.whitespace_ if before.is_space else before.whitespace_
        if before.is_space and token.i > 1:
            before = doc[token.i - 2]
        if "\n" not in gap:
            continue
        if gap.count("\n") > 1 or before.text[-1] in LINE_END or token.text[0] in "\"“«„":
            token.is_sent_start = True
            continue
        width = width or wrap_width(text)
        if _unwrapped(text, before.idx + len(before.text), token, width):
            token.is_sent_start = True
    first = dateline_end(doc)
    if first:
        doc[first].is_sent_start = True
    return doc


@Language.factory("saidwhat_dateline_names")
def make_dateline_names(nlp: Language, name: str) -> DatelineNames:
    return DatelineNames(nlp)


class DatelineNames:
    """After a wire dateline the recogniser often misses the name that opens the story ("BRELLIN,
    Oct 24 (Meridian Press) - Skyline Air cancelled ...": four of the thirteen bundled samples),
    which it finds in the same sentence read alone. The entities found so are added where none
    was; the rest of the document is left as it was."""

    def __init__(self, nlp: Language) -> None:
        # the components the recogniser needs: its own layers and any embedding it listens to
        self._steps = [pipe for n, pipe in nlp.pipeline if n in ("tok2vec", "transformer", "ner")]
        self._vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        first = dateline_end(doc)
        if not first or not doc.has_annotation("SENT_START"):
            return doc
        sentence = doc[first : doc[first].sent.end]
        alone = Doc(self._vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence])
        for pipe in self._steps:
            alone = pipe(alone)
        taken = {t.i for e in doc.ents for t in e}
        found = [
            doc.char_span(sentence.start_char + e.start_char, sentence.start_char + e.end_char, label=e.label_)
            for e in alone.ents
        ]
        new = [e for e in found if e is not None and not any(t.i in taken for t in e)]
        if new:
            doc.set_ents(new, default="unmodified")
        return doc


def _unwrapped(text: str, line_end: int, next_word: Token, width: int) -> bool:
    """Whether a line break was written rather than wrapped: the next line's first word would have
    fitted on the line (so a wrapper would not have broken there); in a text too short to tell,
    whether the next line starts with a capital ("Putin says ... in 2025\nThe Kremlin ...") that
    does not go on a name ("Secretary of State Leonard\nMarsh said")."""
    if width < 0:
        before = next_word.doc[next_word.i - 1]
        before = next_word.doc[before.i - 1] if before.is_space else before
        return next_word.text[:1].isupper() and not (before.tag_ == "NNP" and next_word.tag_ == "NNP")
    line_start = text.rfind("\n", 0, line_end) + 1
    return line_end - line_start + 1 + len(next_word.text) <= width


@Language.factory("saidwhat_lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(name)


@Language.factory("saidwhat_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(name)


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute ruler for its table, in place and under the same name; False
    (and the ruler kept) when there is none or a pattern is beyond the table."""
    ruler = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        AttributeTable(name).load(ruler)
    except Unsupported:
        return False
    cast(AttributeTable, nlp.replace_pipe(name, "saidwhat_attribute_table")).load(ruler)
    return True


def use_lemma_table(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put a lemma table in front of the pipeline's rule lemmatizer, in place and under the same
    name; False (and the lemmatizer kept) when there is none or it is not rule-based."""
    lemmatizer = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    cast(LemmaTable, nlp.replace_pipe(name, "saidwhat_lemma_table")).load(lemmatizer)
    return True
