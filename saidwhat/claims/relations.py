"""What a later story says became of a claim: happened, repeated, delayed, cancelled, updated.

Read from the evidence sentence (and, for a delay, from the story's headline, where "Harbour board
again adjourns vote" is plainer than the sentences of detail below it) in an order of precedence:
a word of calling off or of putting off decides first (a sentence that says a plan "will be
postponed" reports a delay, not a repetition); then a revision; then a thing told as done in the
perfect ("has been set"), or at a past time before any future the sentence looks to ("Last week,
ministers agreed to impose tariffs unless ..."), not denied; then a future the sentence still
looks to; then a verb of a completed event, not denied ("has not approved the plan"). Anything
else is other news on the matter, ``updated``: a past tense alone is not enough to say that the
thing announced took place.
"""

from __future__ import annotations

import re

from ..model import Relation

_CANCELLED = re.compile(
    r"\b(cancel\w*|call(ed|s|ing)? off|scrap\w*|abandon\w*|shelv\w*|reject\w*|veto\w*|"
    r"rul(e|ed|es|ing) out|withdr[ae]w\w*|terminat\w*|block(ed|s|ing)?|den(y|ied|ies|ying)|"
    r"dropp(ed|ing) (its|the|their|his|her|a|an) \w+|not (go|going) ahead|no longer|turned down|"
    r"not required|suspend\w*|halt(ed|s)?|collapsed|broke down|failed to|fail to)\b",
    re.IGNORECASE,
)
_DELAYED = re.compile(
    r"\b(postpon\w*|delay\w*|put(s|ting)? off|defer\w*|push(ed|es|ing)? back|reschedul\w*|adjourn\w*|"
    r"later than (planned|expected|scheduled)|behind schedule|extend(ed|s)? the deadline|slipp?(ed)?|"
    r"re-?tender\w*)\b",  # a tender held again: the purchase was put off
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
    r"next (week|month|year)|later this|tomorrow|considering|may|might|could)\b",
    re.IGNORECASE,
)
# Verbs that report an event as done: a deal signed, a bond priced, a meeting held, a purchase made.
_DONE = re.compile(
    r"\b(priced|signed|approved|agreed|bought|sold|completed|opened|met|held|launched|issued|began|"
    r"started|cut (its|their|the|his|her|\d|((?!in |of |on |for )\w+ )?"
    r"(rates?|prices?|fees?|taxes|costs?|duties|tariffs|output))|raised|lowered|reduced|increased|"
    r"took effect|went into effect|came into (force|effect)|closed|paid|awarded|accepted|"
    r"granted|acquired|won|passed|elected|chose|chosen|named|imposed|introduced|merged|finished|"
    r"(was|were|has been|have been|had been) (set|cut|raised|lowered|made|given|taken|released|sold|"
    r"approved|signed|held|completed|paid|granted|accepted)|(has|have|had) (cut|raised|lowered|set)|"
    r"by (cutting|raising|lowering|reducing) (its|their|the|his|her) \w+)\b",
    re.IGNORECASE,
)
_PAST_TIME = re.compile(
    r"\b(last (week|month|year|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|"
    r"earlier (this|last) (week|month|year)|(a|one|two|three|four|several|few) (days?|weeks?|months?) ago)\b",
    re.IGNORECASE,
)
# Some of them told in the perfect: the thing is done, whatever the sentence goes on to look forward
# to ("the price of the bond due 1995 has been set at par"), unless it is denied ("no action has
# been taken yet").
_DONE_PERFECT = re.compile(
    r"\b(has|have|had) (been (approved|signed|completed|priced|paid|granted|accepted|made|taken|sold|released)|"
    r"(been )?(cut|lowered)|(been )?(set|fixed) (at|to|as))\b",  # not "set for tomorrow", nor "raised fears"
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(no|not|never|yet)\b|n't\b", re.IGNORECASE)


def relation(sentence: str, future: bool, headline: str = "") -> Relation:
    """The relation a later ``sentence`` (in a story under ``headline``) has to a claim; ``future``
    if saidwhat found the sentence forward-looking, which a forward-looking wording also makes it."""
    if _CANCELLED.search(sentence):
        return "cancelled"
    if _DELAYED.search(headline) or _DELAYED.search(sentence):
        return "delayed"
    if _UPDATED.search(sentence):
        return "updated"
    if (_DONE_PERFECT.search(sentence) or _done_at_past_time(sentence)) and not _DENIED.search(sentence):
        return "happened"
    if future or _FUTURE.search(sentence):
        return "repeated"
    if _DONE.search(sentence) and not _DENIED.search(sentence):  # not "has not approved the plan"
        return "happened"
    return "updated"


def may_tell_late(text: str) -> bool:
    """Whether a story (its headline and text) says anywhere that a thing was called off or put
    off: only then can it tell so of a claim long past its due date (``store.followups.SETTLED``)."""
    return bool(_CANCELLED.search(text) or _DELAYED.search(text))


def _done_at_past_time(sentence: str) -> bool:
    """Whether the sentence tells of an event done at a past time ("last month"), before any
    future it goes on to look to."""
    done = _DONE.search(sentence)
    if done is None or not _PAST_TIME.search(sentence):
        return False
    ahead = _FUTURE.search(sentence)
    return ahead is None or done.start() < ahead.start()
