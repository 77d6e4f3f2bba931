"""Quotations and who said them: each quotation goes to the statement that already holds part of
it, to the nearest reporting verb around it, to a dash signature or, failing those, to the
quoting statement just before it (a floating quote)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...nlp import doc_text
from .candidate import Candidate, subtree, words
from .cue_tokens import cue_tokens, put_it
from .cues import HEARING, SPEECH_VERBS
from .phrases import signature
from .quotes import find_quotes
from .speakers import speaker_span

MIN_QUOTE_WORDS = 4
MAX_FLOAT_GAP = 80  # tokens between a statement and a quote that still continues it
Quotation = tuple[set[int], int]  # a quotation's tokens, with the character offset where it ends


def quotations(doc: Doc) -> list[Quotation]:
    """Each quotation's tokens, with the character offset where it ends."""
    return [(_tokens_in(doc, s, e), e) for s, e in find_quotes(doc_text(doc))]


def _tokens_in(doc: Doc, start: int, end: int) -> set[int]:
    """The tokens a character range touches, widened to whole tokens."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def attach_quotes(doc: Doc, quotes: list[Quotation], in_quote: set[int], candidates: list[Candidate]) -> None:
    """Give each quotation to a candidate, or make it one (extraction and training alike)."""
    for quote, end in quotes:
        _attach_quote(doc, quote, end, candidates, in_quote)


def _attach_quote(doc: Doc, quote: set[int], end: int, candidates: list[Candidate], in_quote: set[int]) -> None:
    """Give a quotation to the statement that already holds part of it, or attribute it."""
    if not quote:
        return
    holders = []
    for c in candidates:
        shared = c.content & quote
        if shared and not words(doc, shared):  # an opening mark spaCy left in the sentence before
            c.content -= quote
        elif shared and not set(c.cue) & quote:
            holders.append(c)
    if holders:
        for c in holders:
            c.content |= quote - set(c.cue) - c.speaker_tokens
        return
    short = words(doc, quote) < MIN_QUOTE_WORDS
    signed = None if short else signature(doc, end)
    if signed is not None:
        candidates.append(Candidate(cue=[signed[0]], speaker=signed[1], content=set(quote), anchor=signed[0]))
        return
    cue = _said_after(doc, quote) if short else _nearest_cue(doc, quote)
    if cue is None and short:
        return
    if cue is not None:
        same = [c for c in candidates if c.anchor == cue.i]
        if same:  # "“One,” said X, “two.”": both halves belong to one statement
            same[0].content = (same[0].content - _hearer(cue)) | quote
        else:
            candidates.append(
                Candidate(cue=cue_tokens(cue), speaker=speaker_span(cue), content=set(quote), anchor=cue.i)
            )
        return
    # A floating quote continues the statement just before it, as newswire quotes run on, unless
    # another speaker's cue comes between ("“...,” she said as she took the stage. “...”" does not).
    before = [c for c in candidates if c.content and max(c.content) < min(quote) and c.speaker is not None]
    if before:
        prev = _quoting_speaker(doc, max(before, key=lambda c: max(c.content)), before, in_quote)
        # "said the crews were brave. “...”" runs on; PolNeAR gives the quote after "praised the
        # crews" or "announced his candidacy" a cue of its own, which the rules could not find
        cue = doc[prev.anchor]
        by_object = any(c.dep_ == "dobj" and c.i in prev.content for c in cue.children)
        if cue.pos_ == "VERB" and (by_object or cue.lemma_.lower() not in SPEECH_VERBS):
            return
        if not prev.content & in_quote:  # "said the plan was dead. “...”": PolNeAR starts anew
            return
        gap = range(max(prev.content) + 1, min(quote))
        others = [
            c for c in candidates if c is not prev and any(i in gap for i in c.cue) and doc[c.cue[0]].sent != cue.sent
        ]
        if len(gap) < MAX_FLOAT_GAP and not others:
            prev.content |= quote


def _quoting_speaker(doc: Doc, last: Candidate, before: list[Candidate], in_quote: set[int]) -> Candidate:
    """The statement a floating quote may continue: the last one, unless that one quotes nothing and
    a quoting statement shares its sentence ("“...,” Trump said, referring to Kerry. “...”", "“...”
    said Ann Cole, who has accused the board of lying. “...”": the aside does not take the quote)."""
    if last.content & in_quote:
        return last
    sentence = doc[last.anchor].sent
    quoting = [
        c
        for c in before
        if c.content & in_quote and doc[c.anchor].sent == sentence and doc[c.anchor].lemma_.lower() in SPEECH_VERBS
    ]
    return max(quoting, key=lambda c: max(c.content)) if quoting else last


def _said_after(doc: Doc, quote: set[int]) -> Token | None:
    """ "“Absolutely,” he said.", "“Quiet!” demanded Trump.": a short quote that opens its sentence,
    closed by its own comma and followed at once by who said it; any other short quote is a title
    or a phrase the writer borrows ("told “Fox and Friends,” that ...")."""
    first, last = min(quote), max(quote)
    inside = doc[last - 1] if doc[last].is_quote else doc[last]
    if inside.text not in (",", "?", "!") or first != doc[first].sent.start or last + 1 >= len(doc):
        return None
    after = doc[last + 1]
    verbs = [after] if after.pos_ in ("VERB", "AUX") else [t for t in after.ancestors if t.pos_ in ("VERB", "AUX")][:1]
    if not verbs or verbs[0].lemma_.lower() not in SPEECH_VERBS:
        return None
    verb, speaker = verbs[0], speaker_span(verbs[0])
    said_first = verb.i == last + 1 and speaker is not None and speaker[0] == verb.i + 1
    return verb if said_first or speaker == (last + 1, verb.i) else None


def _hearer(verb: Token) -> set[int]:
    """The object that stops being content once a quotation is found for the verb: whoever was told
    ("“...,” Burton told state delegates") or the "it" of "as Cole put it"."""
    if verb.lemma_.lower() not in HEARING and not put_it(verb):
        return set()
    return {i for c in verb.children if c.dep_ == "dobj" for i in subtree(c)}


def _nearest_cue(doc: Doc, quote: set[int]) -> Token | None:
    """A reporting verb with a subject, outside the quote, in its sentence or a short neighbour."""
    # from its first word: spaCy often leaves an opening mark at the end of the sentence before
    first = doc[min((i for i in quote if not doc[i].is_punct), default=min(quote))]
    last = doc[max(quote)]
    window = list(range(first.sent.start, last.sent.end))
    before = doc[first.sent.start - 1].sent if first.sent.start > 0 else None
    if before is not None and before[-1].text == ":":
        window = list(range(before.start, before.end)) + window
    if last.sent.end < len(doc):
        after = doc[last.sent.end].sent
        if len(after) <= 8 and "\n" not in doc[after.start - 1].whitespace_ + doc[after.start - 1].text:
            window += list(range(after.start, after.end))  # "“...” \n Trump agreed." is another paragraph
    options = [
        doc[i]
        for i in window
        if i not in quote
        and (doc[i].lemma_.lower() in SPEECH_VERBS or put_it(doc[i]))
        and doc[i].pos_ in ("VERB", "AUX")
        and speaker_span(doc[i]) is not None
    ]
    if not options:
        return None
    return min(options, key=lambda t: min(abs(t.i - min(quote)), abs(t.i - max(quote))))
