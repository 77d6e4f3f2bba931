"""The statement finders on hand-built parses: each rule tested on the tree it is written for,
whatever a statistical parser would make of the sentence."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from saidwhat.extract import modality
from saidwhat.extract.statements.candidates import cue_candidate
from saidwhat.extract.statements.content import noun_content, verb_content
from saidwhat.extract.statements.phrases import according_to
from saidwhat.extract.statements.speakers import noun_phrase
from saidwhat.nlp.dateline import dateline_end

VOCAB = spacy.blank("en").vocab  # the lexical attributes (lower case, punctuation) of English
CLINGING = {",", ".", ";", ":", "!", "?", ")"}  # marks written without a space before them


def parse(*rows: str) -> Doc:
    """A document from rows of "word TAG POS dep head lemma", heads as token indices; a space
    follows every word but the last and those before a clinging mark."""
    cells = [row.split() for row in rows]
    words = [c[0] for c in cells]
    spaces = [i + 1 < len(cells) and words[i + 1] not in CLINGING for i in range(len(cells))]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        tags=[c[1] for c in cells],
        pos=[c[2] for c in cells],
        deps=[c[3] for c in cells],
        heads=[int(c[4]) for c in cells],
        lemmas=[c[5] for c in cells],
    )


def text_of(doc: Doc, tokens: set[int] | tuple[int, int]) -> str:
    indices = range(*tokens) if isinstance(tokens, tuple) else sorted(tokens)
    return " ".join(doc[i].text for i in indices)


@pytest.fixture
def said_that() -> Doc:
    return parse(
        "The DT DET det 1 the",
        "minister NN NOUN nsubj 2 minister",
        "said VBD VERB ROOT 2 say",
        "that IN SCONJ mark 6 that",
        "talks NNS NOUN nsubj 6 talk",
        "would MD AUX aux 6 would",
        "resume VB VERB ccomp 2 resume",
        ". . PUNCT punct 2 .",
    )


def test_a_reporting_verb_reports_its_clause(said_that: Doc):
    found = verb_content(said_that[2])
    assert found is not None
    assert found.kind == "clause"
    assert text_of(said_that, found.tokens) == "that talks would resume"
    assert found.speaker is not None and text_of(said_that, found.speaker) == "The minister"
    assert found.approved


def test_a_cue_candidate_is_the_verb_with_its_content(said_that: Doc):
    judged = cue_candidate(said_that[2], in_quote=set())
    assert judged is not None and judged.approved
    assert text_of(said_that, set(judged.candidate.cue)) == "said"
    assert judged.candidate.anchor == 2
    assert judged.features, "the cue model needs features to judge it"


def test_a_verb_that_reports_nothing_is_left_to_the_model():
    doc = parse(
        "The DT DET det 1 the",
        "minister NN NOUN nsubj 2 minister",
        "ate VBD VERB ROOT 2 eat",
        "lunch NN NOUN dobj 2 lunch",
        ". . PUNCT punct 2 .",
    )
    judged = cue_candidate(doc[2], in_quote=set())
    assert judged is not None and not judged.approved
    assert text_of(doc, judged.candidate.content) == "lunch"


def test_a_noun_cue_reports_its_that_clause():
    doc = parse(
        "Her PRP$ PRON poss 1 her",
        "claim NN NOUN nsubj 7 claim",
        "that IN SCONJ mark 5 that",
        "the DT DET det 4 the",
        "bridge NN NOUN nsubj 5 bridge",
        "is VBZ AUX acl 1 be",
        "safe JJ ADJ acomp 5 safe",
        "drew VBD VERB ROOT 7 draw",
        "criticism NN NOUN dobj 7 criticism",
        ". . PUNCT punct 7 .",
    )
    found = noun_content(doc[1])
    assert found is not None and found.kind == "noun-clause"
    assert text_of(doc, found.tokens) == "that the bridge is safe"
    assert found.speaker is not None and text_of(doc, found.speaker) == "Her"


def test_according_to_attributes_the_clause_it_closes():
    doc = parse(
        "Prices NNS NOUN nsubj 1 price",
        "rose VBD VERB ROOT 1 rise",
        ", , PUNCT punct 1 ,",
        "according VBG VERB prep 1 accord",
        "to IN ADP prep 3 to",
        "the DT DET det 6 the",
        "ministry NN NOUN pobj 4 ministry",
        ". . PUNCT punct 1 .",
    )
    assert according_to(doc[0]) is None
    found = according_to(doc[3])
    assert found is not None
    assert text_of(doc, set(found.cue)) == "according to"
    assert found.speaker is not None and text_of(doc, found.speaker) == "the ministry"
    # the clause with its marks; building the record trims them
    assert text_of(doc, found.content) == "Prices rose , ."


def test_a_dateline_is_not_part_of_the_speaker():
    doc = parse(
        "WASHINGTON NNP PROPN compound 3 WASHINGTON",
        "— : PUNCT punct 3 —",
        "Senator NNP PROPN compound 3 Senator",
        "Ruiz NNP PROPN nsubj 4 Ruiz",
        "said VBD VERB ROOT 4 say",
        "taxes NNS NOUN nsubj 6 tax",
        "rose VBD VERB ccomp 4 rise",
        ". . PUNCT punct 4 .",
    )
    assert text_of(doc, noun_phrase(doc[3])) == "Senator Ruiz"


def test_a_wire_dateline_ends_before_the_first_word_of_the_story():
    words = ["KRALOV", ",", "Nov", "28", "(", "Northgate", "Wire", ")", "-", "Officials", "said", "so", "."]
    spaces = [False, True, True, True, False, True, False, True, True, True, True, False, False]
    doc = Doc(VOCAB, words=words, spaces=spaces)
    assert doc.text == "KRALOV, Nov 28 (Northgate Wire) - Officials said so."
    assert dateline_end(doc) == 9
    assert dateline_end(Doc(VOCAB, words=["Officials", "said", "so", "."], spaces=[True, True, False, False])) is None


def test_a_modal_in_a_broken_off_comparison_reports_no_future(said_that: Doc):
    """"higher ratings than their performance alone would merit", with "merit" hung on the main
    verb as if it were a reported clause, is the standard of a comparison, not a future."""
    compared = parse(
        "units NNS NOUN nsubj 1 unit",
        "benefit VBP VERB ROOT 1 benefit",
        "by IN ADP prep 1 by",
        "receiving VBG VERB pcomp 2 receive",
        "higher JJR ADJ amod 5 high",
        "ratings NNS NOUN dobj 3 rating",
        "than IN ADP prep 5 than",
        "their PRP$ PRON poss 8 their",
        "performance NN NOUN pobj 6 performance",
        "alone RB ADV advmod 8 alone",
        "would MD AUX aux 11 would",
        "merit VB VERB ccomp 1 merit",
        ". . PUNCT punct 1 .",
    )
    assert modality._reports_future(compared[1]) is False
    assert modality._reports_future(said_that[2]) is True  # "said that talks would resume"
