"""What a later sentence says became of a claim: happened, repeated, delayed, cancelled, updated.

Read from the sentence's words in an order of precedence: a word of calling off or of putting off
decides first (a sentence that says a plan "will be postponed" reports a delay, not a repetition);
then a revision; then a future the sentence still looks to; then a completed event.
"""

from __future__ import annotations

import re

from ..model import Relation

_CANCELLED = re.compile(
    r"\b(cancel\w*|call(ed|s|ing)? off|scrap\w*|abandon\w*|shelv\w*|reject\w*|veto\w*|"
    r"rul(e|ed|es|ing) out|withdr[ae]w\w*|terminat\w*|block(ed|s|ing)?|den(y|ied|ies|ying)|"
    r"dropp(ed|ing) (its|the|their|his|her|a|an) \w+|not (go|going) ahead|no longer|turned down|"
    r"suspend\w*|halt(ed|s)?|collapsed|broke down|failed to)\b",
    re.IGNORECASE,
)
_DELAYED = re.compile(
    r"\b(postpon\w*|delay\w*|put(s|ting)? off|defer\w*|push(ed|es|ing)? back|reschedul\w*|"
    r"later than (planned|expected|scheduled)|behind schedule|extend(ed|s)? the deadline|slipp?(ed)?)\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"\b(revis\w*|(rais|lower|cut|trimm|increas|reduc)(ed|es|ing) (its|their|the|his|her) "
    r"(forecast|estimate|target|projection)\w*|now (expects?|sees|plans?)|adjust\w*|amend\w*)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(will|would|shall|'ll|plans? to|planning to|intends? to|expects? to|expected to|"
    r"(is|are) (to|due to|scheduled to|set to|likely to|going to)|to be (held|signed|made|completed)|"
    r"next (week|month|year)|later this|tomorrow)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(\w{3,}ed|\w+en|cut|set|met|held|made|paid|sold|bought|began|signed|won|took effect|"
    r"went into effect|has been|have been|had been|was|were)\b",
    re.IGNORECASE,
)


def relation(sentence: str, future: bool) -> Relation:
    """The relation a later ``sentence`` has to a claim; ``future`` if saidwhat found it
    forward-looking, which a forward-looking wording in the sentence also makes it."""
    if _CANCELLED.search(sentence):
        return "cancelled"
    if _DELAYED.search(sentence):
        return "delayed"
    if _UPDATED.search(sentence):
        return "updated"
    if future or _FUTURE.search(sentence):
        return "repeated"
    if _DONE.search(sentence):
        return "happened"
    return "updated"
