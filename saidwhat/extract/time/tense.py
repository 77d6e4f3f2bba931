"""The tense that decides which way a partial date points: read off the verb that governs it.

A past-tense verb sends a bare "March" back, a future, modal or planned one sends it forward.
Two constructions cut that link. A date that modifies a noun ("a move in September", "more
walkouts in late November") dates that noun's event, not the verb's, so the sentence's tense says
nothing about it; nor does it about the end of a span it set ("extended the offer to Nov. 20").
A condition takes its tense from the clause it conditions ("could intervene if
strikes were called before Christmas" is about the future, whatever "were" says).
"""

from __future__ import annotations

from spacy.tokens import Token

from .calendar import Tense
from .lexicon import MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS, ZONE_OFFSETS

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going"})
# Modals that put their clause ahead of the moment of speaking, unless "have" follows them.
MODAL_AHEAD = frozenset({"may", "might", "should", "must"})
# Verbs of scheduling and of foresight say nothing about which side of the publication date their
# date falls on: "forecast a loss in the fourth quarter", "did not rule out strikes in November".
PROSPECTIVE = frozenset(
    "schedule slate set plan expect due forecast predict project warn threaten propose consider "
    "hope aim intend anticipate".split()
)
CONDITION = frozenset({"if", "unless"})
# Verbs that send an infinitive ahead of themselves, in whatever tense: "asked them to leave",
# "agreed to buy", "voted to close".
DIRECTING = frozenset(
    "ask tell order urge call warn advise request agree decide promise vow pledge vote approve allow"
    " authorize authorise want seek need prepare try move offer choose elect".split()
)
# Of those, the decisions, settled when told in the past.
SETTLING = frozenset("decide choose elect vote approve".split())
# Nouns that are times themselves, not events: "16:15 GMT, June 1", "Friday, March 8".
TIME_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *SEASONS, *PARTS_OF_DAY, *ZONE_OFFSETS, *UNITS, *(u + "s" for u in UNITS),
     "today", "yesterday", "tomorrow", "tonight", "weekend", "noon", "midnight"]
)
# An adjective in these roles is the clause's predicate ("were busy at Christmas"); elsewhere it
# states a term of its own ("a dividend payable Jan. 15", "effective Feb. 1").
PREDICATE = frozenset({"acomp", "ROOT", "ccomp", "xcomp", "conj"})
# Adjectives that always state a term, whatever the parser makes of them: in "said effective March
# 16 it will offer a rebate" the date is when the offer starts, not when anything was said.
TERMS = frozenset({"effective", "payable"})
# Links to a word of the same standing: "March and June", "at 16:15 GMT, June 1".
COORDINATE = frozenset({"conj", "appos", "cc", "compound"})
# Verbs of telling whose object is an audience: "told a news conference on Tuesday".
ADDRESSING = frozenset({"tell", "address", "brief"})
ESTIMATING = frozenset({"estimate", "guesstimate"})
AWAITING = frozenset({"before", "until", "till", "ahead", "pending"})
OPEN_END = frozenset({"until", "till", "through"})
RESCHEDULE = frozenset("extend postpone delay defer adjourn push move".split())
# How far up the parse the governing verb is looked for.
CLIMB = 8


def governing_tense(token: Token, end: int) -> Tense:
    """Past, future, or None (the direction is open), for the expression that starts at
    ``token`` and ends at character ``end``."""
    root = token
    for _ in range(CLIMB):
        if root.head is root or not token.idx <= root.head.idx < end:
            break
        root = root.head
    if token.i > 0 and token.nbor(-1).lower_ in TERMS:
        return None  # "said effective March 16 it will ...", however it was parsed
    if root.dep_ == "pobj" and root.head.lower_ == "since":
        return "past"  # "since Jan. 13" starts before the moment of writing, whatever the verb
    verb, through_noun = _governor(root)
    if _day_event(token, root, verb):
        ahead = verb is not None and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)
        return "future" if ahead else "past"
    deadline = _deadline(root)
    if deadline and deadline.head.lemma_.lower() in RESCHEDULE:
        return "future"  # "postponed until Tuesday": put off to a day still ahead
    if deadline and verb is not None and not through_noun and _verb_tense(_clause_of(verb)) == "future":
        return "future"  # "refuse to begin negotiations until May": a term still ahead
    if verb is not None and through_noun and root.dep_ == "pobj" and not deadline and (
            _verb_tense(_clause_of(verb)) == "future"):
        return "future"  # "will command a mission in December": that event lies ahead too (not
        # "to make the late-November trip", whose date names a known event)
    if verb is None or through_noun and not _audience(root, verb) or deadline:
        return None
    if any(c.dep_ == "mark" and c.lower_ in CONDITION for c in verb.children) and verb.head is not verb:
        head, _ = _governor(verb.head)
        if head is not None:
            verb = head
    verb = _clause_of(verb)
    tense = _verb_tense(verb)
    if tense == "future" and _progressive(verb) and _comma_between(verb, token):
        return None  # "the Fed is firming policy, despite ... heavy borrowings Wednesday": a parse
        # that hangs a far date on a present progressive is no plan for that day
    return tense


def _progressive(verb: Token) -> bool:
    """A present progressive ("is meeting"), which reads as a plan only with a time of its own."""
    return verb.tag_ == "VBG" and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _comma_between(verb: Token, token: Token) -> bool:
    low, high = sorted((verb.i, token.i))
    return any(t.text == "," for t in verb.doc[low + 1:high])


def _day_event(token: Token, root: Token, verb: Token | None) -> bool:
    """Whether the expression is a day's (or weekend's) in the possessive, an event the story looks
    back on ("Thursday's closing price", "Wednesday's ruling") unless its own verb's "will" puts it
    ahead ("will bid in Thursday's auction"; not "would look for ways to get around Wednesday's
    ruling"); not one awaited ("ahead of Sunday's vote") or foreseen ("Saturday's slaughter is
    estimated at"), nor a longer period ("the summer's labor negotiations")."""
    daily = token.lower_ in WEEKDAYS or root.lower_ == "weekend"
    foreseen = verb is not None and verb.lemma_.lower() in PROSPECTIVE | ESTIMATING
    return daily and root.dep_ == "poss" and not _awaited(root.head) and not foreseen


def _awaited(noun: Token) -> bool:
    """Whether an event noun follows "before", "until" or "ahead of": it lies ahead of something."""
    prep = noun.head
    if prep.dep_ == "pcomp" or prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head
    return noun.dep_ == "pobj" and prep.lower_ in AWAITING


def _audience(root: Token, verb: Token) -> bool:
    """Whether the expression dates the audience a verb of telling addressed ("told a meeting of
    industrialists on Thursday"): that meeting is the telling's, and takes its tense."""
    noun = root.head.head if root.dep_ == "pobj" else root.head  # "on Thursday", or "Wednesday" alone
    return noun.dep_ == "dobj" and noun.head.i == verb.i and verb.lemma_.lower() in ADDRESSING


def _clause_of(verb: Token) -> Token:
    """A bare participle after "with" in a clause about the future is ahead too: "would leave on
    Monday, with the third departing from August 6"; after a past clause it has its own direction
    ("ordered six airplanes, with delivery starting May 1")."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in ("with", "without") or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return verb  # "resulting in closures in the fourth quarter", "after being flat in January": their own
    head, _ = _governor(verb.head)
    return head if head is not None and _verb_tense(head) == "future" else verb


def _deadline(token: Token) -> Token | None:
    """The preposition that makes the expression the end of a span ("extended to Nov. 20", "loans
    through January"), if one does: a past verb that set a deadline says nothing about which side
    of today it lies, unless it put something off."""
    for _ in range(3):
        if token.dep_ == "prep":
            ends = token.lower_ in OPEN_END or (token.lower_ == "to" and token.head.lemma_.lower() in RESCHEDULE)
            return token if ends else None
        if token.head is token:
            return None
        token = token.head
    return None


def _governor(root: Token) -> tuple[Token | None, bool]:
    """The nearest verb above an expression's root, and whether the way up passes a noun other
    than another time, or an adjective that is not the predicate (the expression then dates that
    noun's event or that term: "a move in September", "payable Dec. 7")."""
    current, through_noun = root, False
    for _ in range(CLIMB):
        if current.pos_ in ("VERB", "AUX"):
            return current, through_noun
        if current.head is current:
            return None, through_noun
        head = current.head
        premodifier = current.dep_ == "compound" and head.pos_ == "NOUN"  # "a June agreement"
        if (premodifier or current.dep_ not in COORDINATE) and head.lower_.rstrip(".") not in TIME_WORDS:
            through_noun = through_noun or head.pos_ in ("NOUN", "PROPN") or head.lower_ in TERMS or (
                head.pos_ == "ADJ" and head.dep_ not in PREDICATE)
        current = current.head
    return (current, through_noun) if current.pos_ in ("VERB", "AUX") else (None, through_noun)


def _past_perfect(token: Token) -> bool:
    """Whether the word an infinitive hangs on sits in a past perfect ("had been due to expire
    Friday"): the plan lay ahead of a past moment, on either side of today."""
    for word in (token, token.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in word.children):
            return True
    return False


def _past_circumstance(infinitive: Token) -> bool:
    """Whether an infinitive hangs from a past clause that neither plans nor asks for it: "made
    it difficult for Sun to meet demand well into the summer" tells of that past, while "asked
    them to leave by Friday" and "planned to open in March" still look ahead of their verb."""
    head, _ = _governor(infinitive.head) if infinitive.head is not infinitive else (None, False)
    if head is None or head.lemma_.lower() in PROSPECTIVE | DIRECTING:
        return False
    return head.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)


def _settled(infinitive: Token) -> bool:
    """Whether an infinitive hangs from a decision told in the past ("decided to reopen the
    investigation in May", in a November story): what was decided then may lie on either side of
    today, unlike what was asked for or promised."""
    head = infinitive.head
    return head.lemma_.lower() in SETTLING and head.tag_ == "VBD" and infinitive.dep_ == "xcomp"


def _verb_tense(verb: Token) -> Tense:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux} | {verb.lower_}
    if words & FUTURE_AUX:
        return "future"
    if words & MODAL_AHEAD and "have" not in words:
        return "future"
    if verb.tag_ == "VB" and "to" in words:
        return None if _past_perfect(verb.head) or _past_circumstance(verb) or _settled(verb) else "future"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "future"
    if verb.lemma_.lower() in PROSPECTIVE or (
            verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
        return None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have") for a in aux):
        return "past"
    if verb.tag_ == "VBN" and not aux and verb.dep_ in ("acl", "amod"):
        return "past"  # "plans announced in January"
    return None
