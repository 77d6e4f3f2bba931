"""Every verb, noun and adjective read as a cue, with its content, its speaker and the cue model's
features, and the judgement of the rules and the model on it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...nlp.lexicon import common_word
from .agents import CAUSING, SHOWING, can_act, can_show
from .candidate import NOUN_KINDS, Candidate, Judged, words
from .content import adjective_content, noun_content, verb_content, without_aside
from .cue_model import CueModel, features, nesting
from .cue_tokens import cue_tokens, with_carrier, with_modifiers
from .cues import SPEECH_VERBS


def judge(found: Judged, model: CueModel | None) -> Candidate | None:
    """What the rules approve (a listed verb with its clause, a listed noun with its that-clause)
    stands unless the cue model rules it out here; anything else stands when the model is
    confident that it attributes."""
    if model is None:
        return found.candidate if found.approved else None
    threshold = model.drop if found.approved else model.keep
    return found.candidate if model.probability(found.features) >= threshold else None


def cue_candidates(doc: Doc, in_quote: set[int]) -> dict[int, Judged]:
    """Every verb, noun and adjective read as a cue, by token, as ``cue_candidate`` gives it, its
    features completed with where it sits: inside what another candidate reports ("said the party
    wants ...") a verb attributes less often than on its own."""
    found = {token.i: f for token in doc if (f := cue_candidate(token, in_quote)) is not None}
    outer: dict[int, list[bool]] = {}
    for j, judged in found.items():
        for i in found.keys() & judged.candidate.content:
            if i != j:
                outer.setdefault(i, []).append(judged.approved)
    for i, judged in found.items():
        judged.features.extend(nesting(outer.get(i, []), judged.features))
    return {i: judged for i, judged in found.items() if not _said_by_a_thing(doc[i], judged)}


def _said_by_a_thing(token: Token, found: Judged) -> bool:
    """A word that only the cue model reads as a cue, whose subject is a thing that neither speaks
    nor records what was said: "The new headphone chip delivers faster connections", "Dangling
    ropes require a pull". A listed verb stands ("The plane promises increased fuel efficiency"),
    and the candidate is dropped only after it has told the others around it where they nest."""
    speaker = found.candidate.speaker
    if found.approved or speaker is None or token.lemma_ in SPEECH_VERBS:
        return False
    return not can_show(token.doc[speaker[0] : speaker[1]].root)


def cue_candidate(token: Token, in_quote: set[int]) -> Judged | None:
    """Any verb, noun or adjective read as a cue, with the cue model's features and whether the rules alone
    approve it; None when nothing reads as its content."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
        if _in_a_name(token) or _compared(token):
            return None
        found = verb_content(token)
    elif token.pos_ == "NOUN":
        found = noun_content(token)
    elif token.pos_ == "ADJ" and token.dep_ == "acomp":
        found = adjective_content(token)
    else:
        return None
    if found is None:
        return None
    kind, speaker = found.kind, found.speaker
    doc = token.doc
    # the cue's own commas, not one inside its content ("A, and B")
    marks = {c.i for c in token.children if c.dep_ == "punct" and not {c.i - 1, c.i + 1} <= found.tokens}
    content = without_aside(doc, found.tokens - marks)
    if not content:
        return None
    subject = doc[speaker[0] : speaker[1]].root if speaker else None
    caused = token.lemma_ in CAUSING or token.dep_ == "xcomp" and token.head.lemma_ in CAUSING
    if subject is not None and caused and not can_act(subject):
        return None  # "Forest fires threatening settlements", "Excellent weather has encouraged growth"
    if subject is not None and token.lemma_ in SHOWING and not can_show(subject):
        return None  # "a cut of two pence in the pound suggests"
    feats = features(token, kind, subject, token.i in in_quote, words(doc, content))
    cue = cue_tokens(token) if kind not in NOUN_KINDS else [token.i]
    if token.dep_ == "acomp" and token.head.i < token.i:  # "is worried", "are skeptical of"
        cue = sorted({*range(cue_tokens(token.head)[0], token.i), *cue})  # from the verb it completes
    if kind in ("object", "noun-prep", "stance-prep"):  # "referred to", "claims about", but "is listed as"
        after = min((i for i in content if i > token.i), default=-1)  # past a passive's subject
        preps = [c.i for c in token.rights if c.dep_ == "prep" and c.i + 1 == after and c.lower_ != "as"]
        cue = sorted({*cue, *preps})
    if kind not in NOUN_KINDS:
        cue = with_modifiers(token, with_carrier(token, cue, content), content, in_quote)
    return Judged(Candidate(cue=cue, speaker=speaker, content=content, anchor=token.i), feats, found.approved)


def _compared(token: Token) -> bool:
    """A participle after "than" measures against what was expected, it reports no one: "better
    than expected results", "sales rose more than forecast"."""
    return token.tag_ == "VBN" and token.i > 0 and token.doc[token.i - 1].lower_ == "than"


def _in_a_name(token: Token) -> bool:
    """A word of another language between the capitalised words of a name, taken for a verb:
    "BBC AG Brown Boveri und Cie" ("asssessed", a misspelt English verb, still reports)."""
    doc = token.doc
    if not 0 < token.i < len(doc) - 1 or not token.is_lower:
        return False
    named = doc[token.i - 1].text[:1].isupper() and doc[token.i + 1].text[:1].isupper()
    return named and not common_word(token.lemma_.lower())
