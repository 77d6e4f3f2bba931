"""Cues that are phrases, not verbs: "according to X", "In a new poll, ...", "reportedly", a speaker label or a
name before a colon ("PENCE: ...", "pollster Daron Shaw: “...”") and a dash signature after a
quote ("“...” ― Pamela Padilla")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...nlp import doc_text
from ...nlp.dateline import DASHES
from .candidate import Candidate, Judged, TokenRange, subtree
from .cues import SPEECH_VERBS
from .speakers import noun_phrase, quoted_as, taken_subject

SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
LABEL_WORDS = {
    "correction", "update", "editor", "note", "notes", "watch", "video", "photos", "related", "breaking",
    "analysis", "opinion", "exclusive", "photo", "credit", "caption", "read", "see", "tags",
    "topics", "share", "advertisement", "subscribe", "warning", "contact", "email", "disclosure", "disclaimer",
    "summary", "source", "graphic", "listen", "download", "release", "path", "roundup", "recap",
    "preview", "bestseller",
}
POLLS = {"poll", "survey"}
SPEAKING_NOUNS = {"poll", "survey", "study", "report", "source", "sources", "official", "officials"}
# The tags of a verb that makes a clause of what a label introduces: one with a tense, or a bare
# verb ("WALLACE: Let us start", "do not").
CLAUSE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "VB"})


def according_to(token: Token) -> Candidate | None:
    """ "according to X": X says what the clause it modifies says."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in (*to.children, *token.children) if c.dep_ == "pobj"]
    if not objects:
        return None
    phrase = subtree(token) | subtree(to) | {token.i, to.i}
    head = token.head if token.head.i != token.i else token
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and token.i > head.i:
        head = head.head  # "He returned and said little, according to an attendee": both conjuncts
    if head.dep_ == "advcl" and head.head.i < head.i < token.i and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "Clinton drew support among women while Sanders led among men, according to exit polls"
    speaker = noun_phrase(objects[0])
    subject = taken_subject(head)
    if subject is not None and objects[0].is_ancestor(subject):
        phrase -= subtree(subject)
        speaker = (speaker[0], min(speaker[1], subject.left_edge.i - 1))
    content = clause_around(head, phrase)
    return Candidate(cue=[token.i, to.i], speaker=speaker, content=content, anchor=token.i)


def relayed(token: Token, judged: dict[int, Judged]) -> Candidate | None:
    """ "“...,” Xinhua quoted the minister as saying": the minister said what Xinhua quotes,
    where the "saying" has no clause of its own."""
    quoted = quoted_as(token)
    if quoted is None or token.i in judged:
        return None
    source = judged.get(token.head.head.i)
    if source is None or source.candidate.speaker is None:
        return None
    content = source.candidate.content - subtree(quoted) - {token.i, token.head.i}
    return Candidate(cue=[token.i], speaker=noun_phrase(quoted), content=content, anchor=token.i)


def reportedly(token: Token) -> Candidate | None:
    """ "Cuccinelli reportedly tossed his credentials": someone unnamed says what the clause says."""
    if token.lower_ != "reportedly" or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    return Candidate(cue=[token.i], speaker=None, content=clause_around(token.head, {token.i}), anchor=token.i)


def in_poll(token: Token) -> Candidate | None:
    """ "In a new Post-ABC poll, Clinton leads by 12 points": the poll says what the clause says."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    polls = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in POLLS]
    if not polls:
        return None
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    while head.dep_ in ("xcomp", "acomp") and head.head.i != head.i:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or token.i != head.left_edge.i:  # not "leads in the polls"
        return None
    content = clause_around(head, subtree(token))
    return Candidate(cue=[token.i], speaker=noun_phrase(polls[0]), content=content, anchor=token.i)


def clause_around(head: Token, phrase: set[int]) -> set[int]:
    """The clause a cue phrase modifies, without the phrase and its commas; the whole sentence when
    the phrase hangs off no verb."""
    doc = head.doc
    if head.pos_ in ("VERB", "AUX") and head.i not in phrase:
        clause = set(range(head.left_edge.i, head.right_edge.i + 1))
    else:
        clause = set(range(head.sent.start, head.sent.end))
    return {i for i in clause - phrase if not (doc[i].is_punct and doc[i].head.i in phrase)}


def colon_statement(token: Token) -> Candidate | None:
    """A statement opened by a colon after a speaker label or a name."""
    if token.text != ":" or token.i == token.sent.start:
        return None
    return _speaker_label(token) or _named_colon(token)


def _speaker_label(token: Token) -> Candidate | None:
    """A speaker label or headline: "PENCE: Well, look ...", "Pat Caddell: Voters worried"."""
    sent = token.sent
    if token.i - sent.start > 5:
        return None
    start = sent.start
    while start < token.i and token.doc[start].is_punct:  # '"WALLACE: ...' in a transcript
        start += 1
    label = token.doc[start : token.i]
    if not label or not all(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in label):
        return None
    if len(label) == 1 and label[0].pos_ not in ("PROPN", "NOUN"):  # "Also: See our coverage"
        return None
    if _no_speaker(label):
        return None
    # "Stealth Over Health: ..." or "Correction: ..." open a headline or a note, not a quote;
    # one capitalised word is a name or a speaking noun ("Sanders: ...", "Poll: ...").
    if label.root.lower_ in LABEL_WORDS or (label.root.pos_ != "PROPN" and len(label) > 1):
        if label.root.lemma_.lower() not in SPEAKING_NOUNS or label.root.lower_ == "source":
            return None  # "Source: Al Jazeera" credits a picture; "Sources: ..." still speak
    named = all(t.pos_ == "PROPN" for t in label) or len(label) == 1
    speaker = label.text.isupper() or named or any(t.ent_type_ in SPEAKER_TYPES for t in label)
    if not speaker and label.root.lemma_.lower() not in SPEAKING_NOUNS:
        return None
    end = token.i + 1
    while end < len(token.doc) and "\n" not in token.doc[end - 1].whitespace_ and "\n" not in token.doc[end].text:
        end += 1
    content = set(range(token.i + 1, end))
    if content and _listed(token.doc[token.i + 1 : end], label) or not any(token.doc[i].is_alpha for i in content):
        return None  # (or a price: "VIP: 60,000₩")
    # an interview's "A:" answers a "Q:": a statement whose speaker the label does not name
    said_by = None if label.text == "A" else (label.start, label.end)
    return Candidate(cue=[token.i], speaker=said_by, content=content, anchor=token.i)


def _no_speaker(label: Span) -> bool:
    """Labels that name no one: a class or tier ("6A:", "R:", "Path B:"; a lone "A:" answers a
    "Q:"), a letter's salutation ("DEAR ABBY:", whose letter is its writer's), a dateline ("NEW
    DELHI:")."""
    text = label.text
    if any(ch.isdigit() for ch in text) or len(text) == 1 and text != "A" or label[0].lower_ == "dear":
        return True
    if len(label) > 1 and len(label[-1].text) == 1 and label[-1].is_upper:
        return True
    return text.isupper() and len(text) > 3 and all(t.ent_type_ == "GPE" for t in label)


def _listed(content: Span, label: Span) -> bool:
    """Whether what a label introduces is an entry of a list, not a statement: it opens with a link
    or a gerund ("Download: http://...", "Jon Tarvell: Dealing in cocaine, possession of ..."), or
    it has no verb with a tense and is no headline ("Elizabeth Burton: Possession of
    methamphetamine, held in jail in lieu of bond", "Connectivity: Wireless via Bluetooth"). A
    headline may well have no verb to parse: one in title case ("Wealthy Voters Abandon ..."), or
    one a speaking noun opens ("Poll: Clinton and Trump in dead heat")."""
    first = content[0]
    if first.like_url or first.tag_ == "VBG":
        return True
    words = [t for t in content if t.is_alpha]
    headline = sum(t.is_title or t.is_upper for t in words) * 2 > len(words)
    reported = label.root.lemma_.lower() in SPEAKING_NOUNS
    return not (headline or reported) and not any(t.tag_ in CLAUSE_VERB_TAGS for t in content)


def _named_colon(colon: Token) -> Candidate | None:
    """ "... doesn't surprise pollster Daron Shaw: “Historically, ...”": a name and a colon open a
    quote inside a sentence."""
    doc = colon.doc
    name = doc[colon.i - 1]
    opens = colon.i + 1 < len(doc) and doc[colon.i + 1].is_quote
    if not opens or name.ent_type_ not in ("PERSON", "ORG") or _hearer(name):
        return None
    start, _ = noun_phrase(name)
    while any(doc[i].is_punct for i in range(start, name.i)):
        start += 1
    end = colon.i + 2
    while end < len(doc) and not doc[end].is_quote and "\n" not in doc[end].text:
        end += 1
    content = set(range(colon.i + 1, end + 1))  # to the first closing mark; the quote then joins
    return Candidate(cue=[colon.i], speaker=(start, colon.i), content=content, anchor=colon.i)


def _hearer(name: Token) -> bool:
    """Whether a name is who hears what a verb of speech reports ("told Reuters: “...”", "said to
    the BBC: “...”"): the verb's statement has it, with its own speaker."""
    while name.dep_ in ("compound", "flat", "appos") and name.head.i != name.i:
        name = name.head
    verb = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "to" else name.head
    told = name.dep_ in ("dobj", "dative") or name.dep_ == "pobj" and verb is not name.head
    return told and verb.lemma_.lower() in SPEECH_VERBS


def signature(doc: Doc, end: int) -> tuple[int, TokenRange] | None:
    """A quote signed with a dash after it: "“...” ― Pamela Padilla": the dash and the name."""
    text = doc_text(doc)
    dash = end
    while dash < len(text) and text[dash] in " \t\xa0":
        dash += 1
    if dash >= len(text) or text[dash] not in DASHES:
        return None
    cue = doc.char_span(dash, dash + 1, alignment_mode="expand")
    if cue is None:
        return None
    stop = cue.end
    while stop < len(doc) and doc[stop].pos_ == "PROPN" and "\n" not in doc[stop - 1].whitespace_:
        stop += 1
    return (cue.start, (cue.end, stop)) if stop > cue.end else None
