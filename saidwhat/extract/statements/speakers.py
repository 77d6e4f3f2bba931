"""Who speaks: the tokens of a cue's speaker, read off the parse around the cue, as PolNeAR marks
sources (with their appositives, without a dateline)."""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.dateline import after_dateline
from .candidate import TokenRange
from .cues import ASKING, EXPLETIVES, HEARING, NOUN_CUES, OBJECT_CONTENT, RAISING, SPEECH_VERBS


def noun_phrase(head: Token) -> TokenRange:
    """A source as written, with its appositives and relative clauses ("Scott Pruitt, the
    attorney general of Oklahoma,"), as PolNeAR annotates it; never past the cue's clause."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if head.head.i > head.i:
        end = min(end, head.head.i)
    start = after_dateline(head, start, end)
    while start < head.i and doc[start].is_punct and not doc[start].is_quote:
        start += 1
    for child in head.rights:  # ", explaining that ...": what the speaker did, not who they are
        participle = child.dep_ in ("acl", "advcl") and child.tag_ == "VBG"
        if participle and doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 1)
    return start, end


def speaker_span(verb: Token, depth: int = 0) -> TokenRange | None:
    """The speaker: the agent or subject of the verb, or of the verb it depends on ("adding")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return noun_phrase(objects[0])
    # the subject nearest the verb: "“That, unfortunately,” he said" has two for spaCy
    subjects = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and verb.lemma_ == "quote")]
    subjects = subjects or _inverted_subject(verb)
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in EXPLETIVES and child.dep_ == "nsubj" and verb.lemma_ in RAISING:
            return None
        return noun_phrase(child)
    taken = taken_subject(verb)
    if taken is not None:
        return noun_phrase(taken)
    clause = speaker_clause(verb)
    if clause is not None:
        return clause.left_edge.i, clause.right_edge.i + 1
    if any(c.dep_ == "nsubjpass" for c in verb.children) or depth >= 3 or verb.head.i == verb.i:
        return None
    if verb.tag_ == "VBN" and verb.dep_ == "advcl":  # "Asked about X, Y said": Y was asked
        return None
    if reports_on(verb):  # "X said he ... and questioned ...": X questioned
        return speaker_span(verb.head.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return _speaking_noun(verb.head, verb, depth)
    quoted = quoted_as(verb)
    if quoted is not None:  # "Xinhua quoted the minister as saying": the minister said it
        return noun_phrase(quoted)
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        head = verb.head.head if verb.head.pos_ == "ADP" else verb.head  # "quoted as saying"
        return speaker_span(head, depth + 1)
    return None


def taken_subject(verb: Token) -> Token | None:
    """The subject of a verb that has none, which the parser hung on the noun before it as an
    appositive or a conjunct after a comma: "According to the newspaper L'Écho du Lac, an internal
    audit found that ...", "According to the trade magazine Screen Ledger, Orbis chief executive
    Martin Greaves told staff ..."."""
    doc = verb.doc
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    for token in doc[max(0, verb.i - 12) : verb.i]:
        hung = token.dep_ in ("appos", "conj") and token.head.i < token.i and token.right_edge.i + 1 == verb.i
        nouns = token.pos_ in ("NOUN", "PROPN") and token.head.pos_ in ("NOUN", "PROPN")
        if hung and nouns and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ",":
            return token
    return None


def speaker_clause(verb: Token) -> Token | None:
    """ "Jeffrey Salkin, a rabbi helping to organize the boycott, said he ...", "Sanders, who sits at
    zero endorsements, said that ...": spaCy reads the speaker, set off by a comma, as a clause the
    verb reports, beside the one it does report."""
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_.startswith("nsubj") for c in verb.children) or not any(c.dep_ == "ccomp" for c in verb.rights):
        return None
    before = [c for c in verb.lefts if c.dep_ == "ccomp" and c.right_edge.i == verb.i - 2]
    named = [s for c in before for s in c.lefts if s.dep_ == "nsubj" and s.pos_ in ("PROPN", "NOUN")]
    return before[0] if named else None


def _inverted_subject(verb: Token) -> list[Token]:
    """ "“...,” added a South Carolina Democrat": spaCy reads a speaker after the verb as its object
    when the quoted clause comes first."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS or lemma in ASKING | OBJECT_CONTENT | HEARING or verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    if not (before.is_quote or before.text == ","):
        return []
    # "“The sea,” said Minister Josefa Mirren, “does not care ...”": the parser makes the speaker the
    # subject of the quote's second part, whether it hangs the cue on that part or that part on the cue
    second = [verb.head] if verb.dep_ == "parataxis" else [c for c in verb.rights if c.dep_ == "ccomp"]
    taken = [
        s for c in second for s in c.children
        if s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1 and _reopened(verb, s.right_edge.i, c.i)
    ]
    if taken:
        return taken
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return []
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1]
    participle = participle_after(verb)
    if objects or participle is None:
        return objects
    return [c for c in participle.lefts if c.dep_ == "nsubj"]


def _reopened(verb: Token, speaker_end: int, resumed: int) -> bool:
    """Whether a quote closes right before the cue and opens again between the speaker and where
    it resumes: "“The sea,” said X, “does not care ...”"."""
    doc = verb.doc
    closed = doc[verb.i - 1].is_quote or verb.i > 1 and doc[verb.i - 1].text == "," and doc[verb.i - 2].is_quote
    return closed and any(t.is_quote for t in doc[speaker_end + 1 : resumed])


def participle_after(verb: Token) -> Token | None:
    """ "“...,” said analyst Chris Weafer commenting on the move": spaCy reads the speaker after
    the verb as the subject of a participle it reports; the participle is no content."""
    if verb.lemma_.lower() not in SPEECH_VERBS or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    for clause in verb.rights:
        subjects = [c for c in clause.lefts if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1]
        if clause.dep_ == "ccomp" and clause.tag_ == "VBG" and any(c.pos_ == "PROPN" for c in subjects):
            return clause
    return None


def _speaking_noun(noun: Token, verb: Token, depth: int) -> TokenRange | None:
    """ "polls showing a tight race": the polls; "issued a statement saying ...": who issued it."""
    if issued(noun):
        issuer = speaker_span(noun.head, depth + 1)
        if issuer is not None:
            return issuer
    start, end = noun_phrase(noun)
    end = min(end, verb.left_edge.i)
    while end > start and noun.doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def issued(noun: Token) -> bool:
    """ "issued a statement", "released a report": a noun cue as the object of whoever put it out."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() in NOUN_CUES


def quoted_as(verb: Token) -> Token | None:
    """Whoever "X quoted ... as saying": the object of the "quoted" a reporting verb completes."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    quote = prep.head
    if quote.lemma_.lower() != "quote" or quote.pos_ != "VERB":
        return None
    return next((c for c in quote.children if c.dep_ == "dobj" and c.i < prep.i), None)


def written_in(noun: Token) -> bool:
    """ "resigned in a letter to the board stating ...": a noun cue written by the verb's subject,
    which PolNeAR marks as the source ("In a statement announcing ..."), but whoever wrote it speaks."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and noun.lemma_.lower() in NOUN_CUES
        and prep.lower_ == "in"
        and prep.head.pos_ in ("VERB", "AUX")
    )


def reports_on(verb: Token) -> bool:
    """A reporting verb conjoined, without a subject, to the root of a reported clause."""
    return (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ccomp"
        and verb.lemma_.lower() in SPEECH_VERBS
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    )
