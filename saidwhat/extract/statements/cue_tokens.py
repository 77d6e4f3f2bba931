"""Which tokens make up a verb cue, as PolNeAR marks them: the verb with its auxiliaries, particle
and noun phrase ("has also said", "said in a statement"), the verb that carries it ("tried to
show") and the adverbs after it ("said Friday")."""

from __future__ import annotations

from spacy.tokens import Token

from .cues import NOUN_CUES
from .speakers import issued

# Verbs that carry a reporting verb without reporting themselves: "tried to show", "began asking".
CARRIERS = {
    "try", "attempt", "fail", "continue", "have", "go", "need", "struggle", "tend", "begin", "start", "keep", "avoid",
    "stop", "spend",
}


def cue_tokens(verb: Token) -> list[int]:
    """The verb with its auxiliaries and adverbs ("has also said"), its particle and a noun cue
    phrase ("said in a statement", "called for")."""
    cue = [verb.i, verb.i + 1] if put_it(verb) else [verb.i]
    helpers = {c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")}
    while cue[0] - 1 in helpers:
        cue.insert(0, cue[0] - 1)
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ == "for" and child.i == verb.i + 1):
            cue.append(child.i)
        elif child.dep_ == "prep" and child.lower_ == "in" and child.i > verb.i:
            nouns = [c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in NOUN_CUES]
            if nouns:
                cue.extend(range(child.i, nouns[0].i + 1))
    return sorted(cue)


def with_carrier(verb: Token, cue: list[int], content: set[int]) -> list[int]:
    """The cue from the verb that carries the reporting one ("tried to show", "began asking",
    "issued a statement saying"), as PolNeAR marks it."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in CARRIERS:
        carrier = head
    elif verb.dep_ == "acl" and verb.tag_ == "VBG" and issued(head):
        carrier = head.head
    else:
        return cue
    start = cue_tokens(carrier)[0]
    if carrier.i > verb.i or content & set(range(start, verb.i)):
        return cue
    return sorted({*cue, *range(start, verb.i)})


def with_modifiers(verb: Token, cue: list[int], content: set[int], in_quote: set[int]) -> list[int]:
    """The cue with the adverbs and dates right after it ("said Friday", "wrote recently",
    "said dryly"), as PolNeAR marks them; never into the content or a quote."""
    last = max(cue)
    for child in verb.rights:
        if child.i <= last:
            continue
        if child.left_edge.i != last + 1 or child.dep_ not in ("npadvmod", "advmod"):
            break
        if any(t.i in content or t.i in in_quote for t in child.subtree):
            break
        last = child.right_edge.i
    if content & (set(range(min(cue), last + 1)) - set(cue)):  # "cited documents in a report": not past them
        return [i for i in cue if i <= verb.i or set(range(verb.i, i)) <= set(cue)]
    return sorted({*cue, *range(min(cue), last + 1)})


def put_it(verb: Token) -> bool:
    """ "as Senator Cole put it, “...”": a reporting verb with its "it"."""
    doc = verb.doc
    return (
        verb.lemma_.lower() == "put"
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].lower_ == "it"
        and doc[verb.i + 1].dep_ == "dobj"
    )
