"""A statement's place in time and its stance: when it was said, whether it is hedged, negated or
forward-looking, and the last day of the time window a forward-looking statement points to."""

from __future__ import annotations

import calendar
import re
from collections.abc import Set
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..model import TimeExpression
from ..nlp import doc_text
from .statements.agents import AGENTS, can_act
from .time.tense import CONDITION, RESCHEDULE
from .time.values import DAY_VALUE, add_months, day_of, window

# Hedges by part of speech, so that "May" is not taken for "may": words of doubt, belief and
# appearance. A plan, an intention or an aim is a commitment, not a doubt ("plans to close the
# plant" is not hedged; "expects to" and "hopes to" are).
HEDGES = {
    "MD": frozenset("could may might".split()),
    "VERB": frozenset("expect hope consider appear seem guess think believe suspect".split()),
    "ADV": frozenset(
        "possibly perhaps probably likely reportedly allegedly potentially apparently seemingly maybe".split()),
    "ADJ": frozenset("possible likely unlikely potential".split()),
    "NOUN": frozenset("potential possibility likelihood".split()),
}
# Cues that hedge what they report: "it expects to", "she suggested", "he believes".
HEDGING_CUES = frozenset("suggest speculate hint expect hope anticipate estimate believe think suspect guess".split())
FUTURE_WORDS = frozenset("will shall 'll wo".split())
# Modals that put a not-yet-happened event forward ("would reopen", "could close"); with "have"
# they look back instead ("couldn't have waited").
FORWARD_MODALS = frozenset("will shall 'll wo would could may might should must".split())
# Those that report a future in a past clause ("decided it would sell"); the others there tell of
# a duty or a possibility ("ruled the clause should apply").
FUTURE_MODALS = FUTURE_WORDS | {"would"}
# Modals of a possibility, and the verbs of believing that make one a forecast.
POSSIBLE = frozenset("may might could".split())
BELIEVING = frozenset("believe think fear suspect expect anticipate predict forecast hope".split())
FUTURE_CUES = frozenset("promise vow pledge threaten predict forecast plan expect intend".split())
# Words whose infinitive or clause is something yet to happen: "plans to close", "expects sales to
# exceed", "is set to", "is due to", "is considering using".
INTENT = frozenset(
    "plan expect intend aim hope want seek agree promise pledge vow threaten decide prepare schedule "
    "set due likely unlikely poised consider propose try wish ready need urge ask call order "
    "anticipate predict forecast project".split()
)
# Of those, the adjectives of a prospect, which look ahead when told in the past too ("said the
# bank was likely to cut rates"); "was ready to" tells a state of mind then.
PROSPECTS = frozenset("likely unlikely due set poised".split())
# Of those, the ones that forecast a thing named with no infinitive: "any such move was unlikely".
FORECASTING = frozenset({"likely", "unlikely"})
# Cues that announce or ask for something, and nouns of the acts they announce: "announced 10,000
# job cuts", "demanded the suspension" are yet to happen; "announced record profits" is not.
ANNOUNCING_CUES = frozenset("announce unveil negotiate propose demand seek approve order".split())
PENDING_ACTS = frozenset(
    "cut cuts purchase acquisition takeover merger sale update upgrade suspension closure plan move "
    "effort investment increase reduction launch deal offer bid layoffs redundancies".split()
)
# Cues that ask for an act in a clause of its own, its verb in the bare form: "recommends that
# everyone get a flu vaccine", "demanded that he resign" (not "suggest" or "insist", which also
# report a state: "insisted that he is innocent").
MANDATING = frozenset("recommend urge demand request ask propose order advise".split())
# Cues that ask or wish for a thing named by a noun ("requested larger purchases", "urged
# restraint", "called for a meeting", "hope for government funding", "would love a water cooler"):
# what is asked for is yet to come. Not "ask", whose object is mostly the question put.
REQUESTING = frozenset("recommend urge demand request seek propose".split())
REQUESTING_FOR = frozenset("call hope press push appeal".split())
# Verbs that put a thing off to a time, which is then the thing's time ahead, whatever the tense:
# "extended its tender offer to March 31", "delayed completion to June 1989" ("moved to a premium"
# is no rescheduling).
PUT_OFF = RESCHEDULE - {"move"}
SUPERSEDED = frozenset("formerly previously originally initially".split())
# Nouns of a prospect, whose clause with a modal says what may come: "increased the likelihood that
# banks will declare the loans non-performing", "there is a good chance that prices could be
# maintained", "with the expectation that over-expenditure will be offset".
PROSPECT_NOUNS = frozenset("likelihood chance risk possibility prospect probability danger expectation".split())
# Nouns that an infinitive after "is" defines rather than plans: "the first step is to take
# inventory", "the whole point is to raise awareness"; "the plan is to open the plant", "the
# purpose [of the meeting] is to review the talks" look ahead.
DEFINED = frozenset("step point key trick way answer solution secret rule lesson".split())
# Nouns after "it is" that name a thing ahead ("it is time to act", "it is our intention to sell"),
# unlike a judgement ("it is a shame to see a comrade die").
PROSPECTS_NAMED = frozenset("time intention goal objective target aim plan hope wish".split())
# Verbs of appearance: after "may" or "would" they tell how a thing seems now ("it may sound
# shallow", "it would seem odd"), not what will happen.
APPEARING = frozenset("sound seem appear look feel".split())
APPEARING_MODALS = frozenset("may might could can would".split())
# Verbs whose object, when not in the past, is an event yet to come: "is planning a bond issue".
PLANNING = frozenset("plan intend prepare schedule propose".split())
# Of those, the ones whose past tense tells of a settled act: "he decided to leave".
DONE_INTENT = frozenset("decide try".split())
# Attempts and refusals: told in the past, they are over, whatever came of them ("sought to win a
# 35-hour week", "refused to sign the agreement").
ATTEMPTS = frozenset("try seek attempt refuse decline".split())
NEGATING_CUES = frozenset("deny reject dismiss refute".split())
REFUSING = frozenset("decline refuse".split())  # negate what they refuse to do or tell
FAILING = frozenset({"fail"})  # "failed to fulfil": the act did not come about
# What one declines to do when declining to tell: "declined to comment", "to name the buyer",
# "to give further details", "to go into detail", "to project revenues".
TELLING = frozenset(
    "comment say name disclose identify give discuss elaborate estimate value talk go specify confirm"
    " reveal answer detail predict speculate quantify divulge provide release describe explain put project"
    " forecast".split()
)
# Of those, the ones whose negation is a refusal to tell, not a plan ("will not give up" is one).
SAYING = frozenset("comment say disclose discuss elaborate specify confirm reveal divulge identify detail".split())
ASKING = frozenset("ask wonder question know".split())
# Cues of perceiving: what one saw or found is going on or done ("saw people trying to recruit"),
# unless a modal puts it forward ("found that sales would fall").
PERCEIVING = frozenset("see hear watch notice observe witness find discover".split())
# Cues of what evidence showed: told in the past with "could", they report a possibility then.
EVIDENTIAL = frozenset("show find reveal demonstrate prove indicate discover".split())
# Cues whose infinitive is an act ahead ("plans to close", "told them to leave", "is looking to
# double", "the decision to float in Hong Kong"); after another cue it is a choice made, an
# attempt or a feeling ("chose to receive bids", "attempted to address", "was shocked to find").
AHEAD_INFINITIVE = INTENT | FUTURE_CUES | REFUSING | ANNOUNCING_CUES | frozenset(
    "say tell warn advise encourage invite direct instruct require force persuade convince remind offer allow"
    " permit recommend beg plead look announcement decision proposal threat bid"
    " request".split()
)
# Cues that, in the passive, report what is so ("is said to be against", "is believed to have left"),
# not what is asked for ("was told to leave").
REPORTED_STATE = frozenset("say report believe think know rumour rumor understand allege consider deem".split())
# Adjectives of feeling: their infinitive tells what the feeling is about ("are so excited to have
# you", "is happy to help", "were content to read a synopsis"), not an act ahead.
FEELING = frozenset(
    "happy glad pleased delighted excited thrilled proud honored honoured sorry sad content relieved"
    " surprised disappointed grateful lucky fortunate".split()
)
# Cues of liking, whose infinitive is ahead only as a wish ("would like to meet"): "likes to watch
# football" is a habit.
WISHING = frozenset("like love".split())
# Verbs of remarking: "I would like to emphasise that ...", "It should be noted that ..." are the
# remark itself, made as it is said, not one ahead.
REMARKING = frozenset(
    "emphasise emphasize stress note say thank add point remind reiterate underline congratulate apologise "
    "apologize welcome express remember mention".split()
)
# Verbs that tell of a state going on, or of how things look, not of an act ahead.
ONGOING = frozenset("continue seem appear remain keep tend".split())
QUESTIONS = frozenset("if whether what when how why who which".split())
# A duration after "within" or "in", or one that says "next", runs from the day of the statement:
# "within two weeks", "in 90 days", "the next three months".
DURATION_LEADS = re.compile(r"\b(?:within|in)\s+$", re.IGNORECASE)
FORWARD = re.compile(r"the\s+(?:next|coming)\b", re.IGNORECASE)
DEFINITE_SPAN = re.compile(r"(?:the|this|its|their)\s+(?!next\b|coming\b)", re.IGNORECASE)
DURATION = re.compile(r"^P(\d+)([YMWD])$")
# "in the coming months", "over the next few weeks": forward, but no window to hold anyone to.
VAGUE = re.compile(r"\b(?:coming|next|few|several|upcoming)\s+(?:few\s+)?(?:days|weeks|months|years)$", re.IGNORECASE)
# Verbs of expecting or aiming whose object lies ahead when a window in the content has not ended:
# "expects a recovery in the second half", "was aiming for growth this year".
EXPECTING = frozenset("expect anticipate forecast predict project aim target plan intend".split())
PREDICTING = frozenset("expect anticipate forecast predict project".split())
INTENDING = frozenset({"intend"})
RECENT = timedelta(days=7)
# Cues that report a result: a figure reported is one reached, whatever period it names ("reported
# a third quarter loss of two mln dlrs", "posted second quarter net income of 12.6 mln dlrs").
RESULTS = frozenset("report post".split())
# Words before a day that make it no day of speaking: "said after April 3 the price will return",
# "said by year end there had been a strong growth".
NOT_THE_DAY = re.compile(r"\b(?:effective|after|before|until|till|since|from|by)\s+$", re.IGNORECASE)
# Which third of its window an "early", "mid" or "late" expression names (TIMEX3 ``mod``).
THIRDS = {"START": 0, "MID": 1, "END": 2}
# "the week of March 16": the day names its week.
WEEK_OF = re.compile(r"\bweek\s+of\s+$", re.IGNORECASE)
# What joins a period to the day it ends on: "the third quarter ending July 31".
ENDS_ON = re.compile(r"\s+(?:ending|ended|to)\s+(?:on\s+)?", re.IGNORECASE)
# A window after "after" only says where the event may start: it sets no due date.
AFTER = re.compile(r"\bafter\s+$", re.IGNORECASE)
# "notes due 1997": when a debt matures, not when the issue is made.
MATURITY = re.compile(
    r"\b(bonds?|notes?|debentures?|certificates?|securities|eurobonds?|paper|loans?|debt|tranches?)\b"
    r"[^.;]{0,60}\bdue\s+(in\s+)?$",
    re.IGNORECASE,
)


def attributes(
    doc: Doc, cue: list[int], content: set[int], times: list[TimeExpression], published: date | None,
    in_quote: Set[int] = frozenset(),
) -> dict:
    """``said_on``, ``hedged``, ``negated``, ``future`` and ``due`` of one statement (``in_quote``:
    the tokens inside quotation marks). A quotation of several sentences looks ahead when one of
    them does ("We have no intention of increasing the offer. We believe it is adequate and will
    be accepted."), and its flags and due date are then that sentence's; else the first's."""
    sentences = _quoted_sentences(doc, content, in_quote)
    narrated = _narrated(doc, sentences)
    found = _judged(doc, cue, content, times, published, in_quote, narrated)
    for sentence in [] if found["future"] else sentences[1:]:
        judged = _judged(doc, cue, sentence, times, published, in_quote, narrated)
        if judged["future"]:
            return judged
    return found


def _quoted_sentences(doc: Doc, content: set[int], in_quote: Set[int]) -> list[set[int]]:
    """The content's sentences, when it is all quoted words (an indirect content that runs on is
    one clause the parser broke)."""
    if not content <= in_quote | {i for i in content if doc[i].is_punct}:
        return []
    sentences: list[set[int]] = []
    for i in sorted(content):
        if doc[i].is_sent_start or not sentences:
            sentences.append(set())
        sentences[-1].add(i)
    return sentences


def _narrated(doc: Doc, sentences: list[set[int]]) -> bool:
    """Whether a quotation tells a story in the past: some sentence's main verb is a simple past,
    and none is in the present or has "will" ("He would make art in the most surprising places.
    Once he wrote a short play ...")."""
    mains = [m for sentence in sentences if (m := _main(doc, sentence)) is not None and m.pos_ in ("VERB", "AUX")]
    tensed = [m for m in mains if m.tag_ in ("VBD", "VBZ", "VBP") or _modal(m)]
    past = [m for m in tensed if m.tag_ == "VBD" and not _modal(m)]
    now = [m for m in tensed if m.tag_ in ("VBZ", "VBP") or any(
        a.lower_ in FUTURE_WORDS or a.tag_ in ("VBZ", "VBP") for a in _auxiliaries(m))]
    return bool(past) and not now


def _habit(words: list[Token]) -> bool:
    """ "would" in a story told in the past: what used to happen, or what was ahead then ("Mike
    would wipe out every penny he had"), with no "will" beside it and no wish ("would like")."""
    modals = [w for w in words if w.tag_ == "MD"]
    wish = any(_lemma(w.head) in WISHING for w in modals if w.lower_ == "would")
    return any(w.lower_ == "would" for w in modals) and not wish and not any(w.lower_ in FUTURE_WORDS for w in modals)


def _unable(words: list[Token], in_quote: Set[int]) -> bool:
    """Every modal a "could" in the speaker's own words that tells what could or could not be done
    then: denied ("I couldn't get my mind into any other mode"), or joined to a simple past ("I
    could only manage two stairs at a time and then needed to sit"). Reported speech shifts the
    tense ("said it could not meet the deadline" still looks ahead)."""
    modals = [w for w in words if w.tag_ == "MD"]

    def then(verb: Token) -> bool:
        joined = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
        return any(c.dep_ == "neg" for c in verb.children) or any(j.tag_ == "VBD" and not _modal(j) for j in joined)

    return bool(modals) and all(m.lower_ == "could" and m.i in in_quote and then(m.head) for m in modals)


def _judged(
    doc: Doc, cue: list[int], content: set[int], times: list[TimeExpression], published: date | None,
    in_quote: Set[int], narrated: bool = False,
) -> dict:
    """The attributes of one statement's content as the sentence or clause it mostly is
    (``narrated``: a quotation that tells a story in the past, see ``_narrated``)."""
    verb = _cue_verb(doc, cue)
    words = [doc[i] for i in sorted(content)]
    on_cue = _on_cue(doc, verb.i, content, times)
    said_on = _said_on(doc, on_cue, published) or published
    text = doc_text(doc)
    main = _main(doc, content)
    # "Portugal's economy, which has been enjoying its best years in more than a decade, may ...":
    # a time in a relative clause told in the past locates that clause, not the content's event.
    # words quoted inside the quotation are recalled as said then: "I just told myself: ‘I’m going
    # to sing the song if it kills me!’", "I then heard him ask, ‘So he’s going to do it?’"
    recalled = _recalled(words)
    inside = [t for t in times if _inside(doc, t, content - recalled) and not _in_past_clause(doc, t, verb, main)]
    # "its third quarter ending July 31": the period ends on the day named after it
    inside = [t for t in inside if not any(_ends_on(text, t, u) for u in inside)]
    covered = [(t, w) for t in inside if (w := _window(text, t, said_on))]  # each with the days it covers
    windows = [w for _, w in covered]
    # "second-quarter results on August 6": a date that describes a thing does not say when.
    timed = [(t, _part(w, t.mod)) for t, w in covered if not _describes(doc, t)]
    # A day ahead named beside the cue can only be the content's: "said effective March 16 it will".
    beside = [w for t in on_cue if (w := _window(text, t, said_on))]
    ahead = [w for w in beside if said_on is not None and w[0] > said_on]
    timing = [w for _, w in timed] + ahead
    # an act dated well before is no longer pending ("approved the acquisition last November")
    past = main is not None and (
        _past(main, main.i in in_quote) or main.pos_ == "NOUN" and _dated_before(windows, said_on)
        or _infinitive_dated_before(doc, main, verb, timed, said_on) or _result(verb, main)
    )
    if main is not None and past and _lemma(main) not in EXPECTING | PUT_OFF:
        # "the banks earlier this week notified Texaco they would not buy more": that week dates the
        # telling, and only a time of what was told can be due (a forecast's time is the forecast's:
        # "forecast a shortage today")
        timed = [(t, w) for t, w in timed if not _hangs_from(doc, t, main)]
        covered = [(t, w) for t, w in covered if not _hangs_from(doc, t, main)]
        windows = [w for _, w in covered]
        timing = [w for _, w in timed] + ahead
    # a due date from a describing time too, but only from the part it names: "prices seen around
    # the beginning of the year", said in June, date nothing ahead
    later = _later(timing, said_on) or _later([_part(w, t.mod) for t, w in covered], said_on)
    possible_then = _observed(verb, main) and not later
    modal_past = not later and (narrated and _habit(words) or _unable(words, in_quote))
    future = not _telling_nothing(verb, main, words) and not possible_then and not modal_past and (
        _foreseen(verb, main, bool(later)) or not _perceived(verb, main) and (
        _going_to([w for w in words if w.i not in recalled], in_quote) or not past and (
            _future(verb, main) or any(said_on is not None and first > said_on for first, _ in windows)
        ) or main is not None and _reports_future(main, bool(later))
        or _joined_ahead(verb, main, content, in_quote) or (
            bool(later) and main is not None and _lemma(main) in EXPECTING and not _perfect(main)
        ) or bool(later) and main is not None and (_directed(main) or _put_off(main))
        or _prospect_ahead(words)
    ))
    # the main event's own time; said before the story ("previously said it hoped to submit the plan
    # by mid-February in order to win agreement prior to June 30"), even one the story has passed
    dating = _later([w for t, w in timed if _dates(doc, t, main)], None if _told_before(verb) else said_on)
    return {
        "said_on": said_on,
        "hedged": _hedged(words) or _lemma(verb) in HEDGING_CUES,
        "negated": _negated(verb, doc, content),
        "future": future,
        "due": max(dating or later) if future and later else None,
    }


def _window(text: str, time: TimeExpression, said_on: date | None) -> tuple[date, date] | None:
    """The days a time expression in the content covers, if it can bound a due date ("notes due
    1997" cannot: that is when they mature); "the week of March 16" covers that day's week."""
    if AFTER.search(text, max(0, time.start - 7), time.start) or VAGUE.search(time.text):
        return None
    if MATURITY.search(text[max(0, time.start - 90):time.start]):
        return None
    days = window(time.value)
    if days is not None and days[0] == days[1] and WEEK_OF.search(text, max(0, time.start - 9), time.start):
        monday = days[0] - timedelta(days=days[0].weekday())
        return monday, monday + timedelta(days=6)
    return days or _ahead(text, time, said_on)


def _part(days: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """The third of a window that "early", "mid" or "late" names, for a due date: "by mid-1987" is
    due by the end of August 1987, "early next year" by the end of April. (Whether the content lies
    ahead is judged on the whole window.)"""
    first, last = days
    if mod not in THIRDS or (last - first).days < 9:
        return days
    n = THIRDS[mod]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if first.day != 1 or months < 3:  # a month or a few weeks: by days
        third = ((last - first).days + 1) / 3
        return first + timedelta(days=round(third * n)), first + timedelta(days=round(third * (n + 1)) - 1)
    start, end = (add_months(first.year, first.month, months * k // 3) for k in (n, n + 1))
    return date(*start, 1), date(*end, 1) - timedelta(days=1)


def _told_before(cue: Token) -> bool:
    """Whether the cue says the statement was made some time before the story: "previously said",
    "had earlier said"."""
    return any(c.dep_ == "advmod" and c.lower_ in ("previously", "earlier") for c in cue.children)


def _ends_on(text: str, period: TimeExpression, day: TimeExpression) -> bool:
    """Whether a date names the day a period ends on: "the third quarter ending July 31", "the
    year to October 31" (not "three to four months")."""
    return period.type == day.type == "DATE" and bool(ENDS_ON.fullmatch(text, period.end, day.start))


def _dates(doc: Doc, time: TimeExpression, main: Token | None) -> bool:
    """Whether a time expression dates the content's main event: it hangs from its verb, or from a
    verb that verb leads to ("is to negotiate tomorrow"). "Thailand is to negotiate tomorrow for
    contracts to cover the next five years" is due tomorrow; the five years are the contracts'."""
    span = _tokens(doc, time)
    if span is None or main is None:
        return False
    verb = _verb_over(span.root)
    while verb.dep_ == "xcomp" and verb.i != main.i:
        verb = verb.head
    return verb.i == main.i


def _hangs_from(doc: Doc, time: TimeExpression, verb: Token) -> bool:
    """Whether a time expression hangs from this very verb, not from an infinitive it leads to ("was
    going to close the branch next year")."""
    span = _tokens(doc, time)
    return span is not None and _verb_over(span.root).i == verb.i


def _dated_before(windows: list[tuple[date, date]], said_on: date | None) -> bool:
    """Whether an act is dated well before the statement ("approved the acquisition last November"):
    then it is not pending. A day of the week before may date the announcement itself ("announced
    the company's move on Wednesday")."""
    return bool(windows) and said_on is not None and all(last < said_on - RECENT for _, last in windows)


def _infinitive_dated_before(
    doc: Doc, main: Token, cue: Token, timed: list[tuple[TimeExpression, tuple[date, date]]], said_on: date | None
) -> bool:
    """An infinitive dated by a time of its own well before the statement ("decided to reopen the
    investigation in May", said in November), unless it was forecast: "expects to report a profit
    in the first quarter" is still ahead (but "had planned to close the plant in May" is not), and
    "unchanged since 1978" dates no act."""
    if main.tag_ != "VB" or not _forward(main, frozenset()) or _lemma(cue) in EXPECTING and not _perfect(cue):
        return False
    text = doc_text(doc)
    own = [
        w for t, w in timed
        if _hangs_from(doc, t, main) and not NOT_THE_DAY.search(text, max(0, t.start - 8), t.start)
    ]
    return _dated_before(own, said_on)


def _later(windows: list[tuple[date, date]], said_on: date | None) -> list[date]:
    """The last days of the windows that do not end before the statement was made."""
    return [last for _, last in windows if said_on is None or last >= said_on]


def _describes(doc: Doc, time: TimeExpression) -> bool:
    """Whether a time expression modifies a noun ("second-quarter results", "1987 tax revenue"); a
    possessive one only when its noun is no place in time: "Monday's collapse could spell disaster",
    but "will use it in next Thursday's auction"."""
    span = _tokens(doc, time)
    if span is not None and span.root.dep_ == "poss":
        return span.root.head.dep_ != "pobj"
    return span is not None and span.root.dep_ in ("amod", "compound", "nummod", "nmod")


def _in_past_clause(doc: Doc, time: TimeExpression, cue: Token, main: Token | None) -> bool:
    """Whether the verb a time expression hangs from heads a relative clause in the past or perfect,
    other than the cue's own ("whose board approved the acquisition last November"), or, beside a
    main event not in the past, a clause in the simple past: "The May crush ended today ..., so no
    processors will want to lock in a ratio" is due on no day."""
    span = _tokens(doc, time)
    if span is None:
        return False
    verb = _verb_over(span.root)
    if verb.i == cue.i or not _past(verb):
        return False
    return verb.dep_ == "relcl" or verb.dep_ in ("ccomp", "advcl", "conj") and _told_beside(verb, main)


def _told_beside(verb: Token, main: Token | None) -> bool:
    """Whether a past verb tells a clause of its own beside a main event not in the past: in the
    simple past, with its own subject, neither a condition ("if Congress approved it later") nor a
    postponement ("postponed delivery to July 1-20", a day still ahead)."""
    if main is None or verb.i == main.i or verb.tag_ != "VBD" or _past(main) or _lemma(verb) in RESCHEDULE:
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return subject and not any(c.dep_ == "mark" and c.lower_ in CONDITION for c in verb.children)


def _verb_over(token: Token) -> Token:
    """The nearest verb a token hangs from (itself if a verb), else the root of its sentence."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _telling_nothing(verb: Token, main: Token | None, words: list[Token]) -> bool:
    """A refusal to tell ("declined to name the Japanese company"), a question ("Asked if Chase
    Manhattan would consider an acquisition in Italy", "do not know whether it will make money",
    "began to wonder whether tuft cells might be involved"), a
    source's wish to stay unnamed ("asked not to be identified"), a name given ("called it an
    incredible feat when it decides to work"), or a state that goes on ("the authorities continue
    to pour fuel on the fire"): the content says nothing of what will happen,
    whatever its infinitive or modal."""
    cue = _lemma(verb)
    told = main is not None and _lemma(main) in TELLING
    named = [c for c in verb.children if c.dep_ in ("oprd", "dobj")]
    if cue == "call" and len(named) > 1:
        return True  # "called it an incredible feat": a name given (object and predicate), nothing ahead
    if main is not None and _remark(main):
        return True
    if _unavailable(verb):
        return True
    if main is not None and _lemma(main) in SAYING and any(c.dep_ == "neg" for c in main.children):
        return True  # "said she couldn't comment on the investigation", "would not disclose the terms"
    if cue in REFUSING:
        return told
    if cue == "ask" and verb.tag_ == "VBN" and told:  # "Asked to comment on the deal, Azpurua said
        return True  # only ...": a question put to the speaker
    if cue in ONGOING:
        return main is not None and any(a.tag_ == "TO" for a in _auxiliaries(main))
    if _question(words):
        return True
    first = next((w.lower_ for w in words if not w.is_punct and w.tag_ != "RB"), "")  # "just how much"
    asking = cue in ASKING or any(c.dep_ == "xcomp" and _lemma(c) in ASKING for c in verb.children)
    if not asking:  # "has yet to decide whether ..." is a decision ahead, "did not say when it
        # would reopen" still says it will: only "did not say whether", "declined to say if" tell nothing
        refused = verb.dep_ == "xcomp" and _lemma(verb.head) in REFUSING
        return first in ("if", "whether") and (refused or _denied(verb))
    unnamed = told and main is not None and any(c.dep_ == "auxpass" for c in main.children)
    return unnamed or first in QUESTIONS


NO_ONE = frozenset({"nobody", "none", "neither", "no"})
"""A subject that is, or opens with, one of these says no one did: "Nobody has decided",
"neither he nor the department had decided", "no company has said"."""


def _denied(verb: Token) -> bool:
    """A verb negated, or whose subject is no one ("neither he nor the U.S. Agriculture Department
    had decided whether ...")."""
    return any(
        c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.lower_ in NO_ONE for c in verb.children
    )


def _unavailable(verb: Token) -> bool:
    """ "No spokesman was available to say why ...", "was not available to comment on whether
    ...": no one said anything; but in "figures were not available but the department said they
    will be included", someone did."""
    over = [verb] if verb.dep_ in ("conj", "ccomp", "parataxis") else [verb, verb.head]
    around = [*over, *(c for v in over for c in v.children if c.dep_ == "acomp")]
    return any(t.lower_ in ("available", "unavailable") for t in around)


def _question(words: list[Token]) -> bool:
    """A question put in the speaker's words ("“How are you going to stop the tide,” he said",
    "“Will the plant close?”"): it asks, and says nothing will happen."""
    said: list[Token] = []  # the first sentence or quotation, not a later one: "“... two rockets a
    end = 0  # year starting in 2024,” “What do you think?”" looks ahead; but a first one with no
    for w in words:  # verb only leads into it: "“After two more years of this,” “what kind of ...?”"
        if said and (w.i >= end or w.is_quote and w.is_right_punct):
            if any(t.pos_ in ("VERB", "AUX") for t in said):
                break
            said, end = [], 0
            continue
        if not (w.is_punct and w.text != "?") and not w.is_quote:
            end = end or w.sent.end  # (a token's sentence is found by a walk: once)
            said.append(w)
    if said and said[-1].text == "?":
        return True
    # a question word before its auxiliary, the subject after: "How are you", "When will they"
    return len(said) > 2 and said[0].lower_ in QUESTIONS and said[0].dep_ != "nsubj" and said[1].pos_ == "AUX"


def _remark(main: Token) -> bool:
    """ "I would like to emphasise that ...", "It should be noted that ...": a remark made as it is
    said (``REMARKING``)."""
    wished = [c for c in main.children if c.dep_ == "xcomp"] if _lemma(main) in WISHING and _modal(main) else []
    noted = _lemma(main) in REMARKING and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in main.children)
    return noted or any(_lemma(c) in REMARKING for c in wished)


def _main(doc: Doc, content: set[int]) -> Token | None:
    """The content's main verb: its first root that is a verb with a tense, else its first verb,
    else its first root. "Ships bound for Kuwait in the past to unload arms were known to have
    sailed under escort", parsed as two clauses, is told by "were known", not by "to unload"."""
    roots = [doc[i] for i in sorted(content) if doc[i].head.i not in content or doc[i].head.i == i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
    untensed = [v for v in verbs if any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)]
    return next((v for v in verbs if v not in untensed), verbs[0] if verbs else roots[0] if roots else None)


def _result(cue: Token, main: Token) -> bool:
    """Whether a past cue reports a figure as its whole content: "reported a third quarter loss"."""
    return cue.tag_ in ("VBD", "VBN") and _lemma(cue) in RESULTS and main.pos_ in ("NOUN", "PROPN", "NUM")


def _perfect(verb: Token) -> bool:
    """ "had intended": an intention reported as over, not still ahead (the past perfect)."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _over(cue: Token) -> bool:
    """An expectation or intention in the past perfect ("had forecast M-1", "had not intended to
    hurt U.S. industry"), or an expectation the narrator tells in the past progressive ("Analysts
    were expecting 2.52 dlrs a share"): what a story sets against what came about; not one a speaker
    reports ("said they were expecting a rate cut"). A commitment or request in the past perfect
    still looks ahead of when it was made ("had agreed to play", "had threatened to use live fire")."""
    told = cue.tag_ == "VBG" and cue.dep_ == "ROOT" and any(a.tag_ == "VBD" for a in _auxiliaries(cue))
    return told and _lemma(cue) in PREDICTING or _perfect(cue) and _lemma(cue) in PREDICTING | INTENDING


def _past(main: Token, quoted: bool = False) -> bool:
    """A main verb in the past or perfect ("ended", "has been", "couldn't have waited"), unless
    "would"/"will" puts it forward ("will have finished"). An intent in the past tense is one still
    held, told in reported speech ("said it planned to open a plant"), but not in the speaker's own
    words, which reported speech does not shift (“He wanted to work with Nellie Wall, but then I
    showed up instead”)."""
    aux = _auxiliaries(main)
    if any(a.lower_ in FUTURE_WORDS or a.lower_ == "would" for a in aux) and not any(a.lower_ == "have" for a in aux):
        return False
    if any(a.lower_ in FUTURE_WORDS and a.tag_ == "MD" for a in aux):
        return False  # a future perfect: "will have risen to five billion dlrs by 1992"
    held = _lemma(main) in INTENT - DONE_INTENT and not _perfect(main) and not (quoted and main.tag_ == "VBD")
    if held or any(a.tag_ == "TO" for a in aux):
        return False  # "was expected this year", "were to be introduced this month"
    prospects = [c for c in main.children if c.dep_ == "acomp" and _lemma(c) in PROSPECTS]
    if main.lemma_ == "be" and not _perfect(main) and any(
            x.dep_ == "xcomp" or _lemma(c) in FORECASTING and x.dep_ != "ccomp"
            for c in prospects for x in [*c.children, c]):
        return False  # "said the bank was likely to cut rates", "the move was unlikely": a prospect
    if any(a.lemma_ == "have" or a.tag_ == "VBD" for a in aux):
        return True
    # A participle with a subject and no auxiliary is a simple past the tagger misread.
    misread = main.tag_ == "VBN" and not aux and any(c.dep_ == "nsubj" for c in main.children)
    return main.tag_ == "VBD" or misread


def _cue_verb(doc: Doc, cue: list[int]) -> Token:
    """The cue's head word: "say" in "did not say", else its first token."""
    heads = [doc[i] for i in cue if doc[i].head.i not in cue or doc[i].head.i == i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX", "NOUN")]
    return (verbs or heads or [doc[cue[0]]])[0]


def _future(verb: Token, main: Token | None) -> bool:
    """Whether the content puts its main event after the moment it was said (besides "going to"):
    a forward modal, "is to", an infinitive of its own ("to be deployed"), a verb of intent with an
    infinitive or clause ("plans to close", "expects the bank to cut"), a verb of planning with an
    object ("is planning a bond issue"), a cue that promises or predicts, or one that announces or
    asks for a pending act ("announced job cuts")."""
    if _lemma(verb) in FUTURE_CUES and not _over(verb):
        return True
    if main is None:
        return False
    if main.pos_ in ("NOUN", "PROPN", "PRON"):
        pending = _lemma(verb) in ANNOUNCING_CUES and main.lower_ in PENDING_ACTS
        return pending or _requested(verb, main)
    if _forward(main) and not _chosen(verb, main) or _planning(main) or _mandated(verb, main):
        return True
    if _object_ahead(main):
        return True
    tensed = main.tag_ != "VB" or bool(_auxiliaries(main))  # not "forgot the whole seek part"
    if tensed and any(c.dep_ == "dobj" and _requested(main, c) for c in main.children):
        return True  # "said it is seeking a stake", "said it would propose new rules"
    # "expect three tankers to reinforce ...": the parser often hangs that infinitive as an adverbial
    # (after other verbs it is mostly one of purpose: "set the payout to allow holders to ...")
    objected = _lemma(main) in PREDICTING and any(c.dep_ == "dobj" for c in main.children)
    complements = [c for c in main.children if c.dep_ in ("xcomp", "ccomp") or objected and c.dep_ == "advcl"]
    if main.lemma_ == "be":  # "is likely to award", "is ready to sign"
        predicates = [c for c in main.children if c.dep_ == "acomp"]
        said = any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "nsubj" and c.lower_ == "it" for c in main.children)
        if not said and any(
                _lemma(c) in FORECASTING and not any(x.dep_ in ("ccomp", "xcomp") for x in c.children)
                for c in predicates):
            return True  # a forecast of a thing named: "any such move was unlikely this year"
        judged = predicates + [c for c in main.children if c.dep_ == "attr" and _lemma(c) not in PROSPECTS_NAMED]
        extraposed = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in main.children)
        defined = any(c.dep_ == "nsubj" and c.lemma_.lower() in DEFINED for c in main.children)
        # where a thing is is no plan: "the political will is not there ... to make agreements work"
        # ("there is to be a vote" still is one)
        located = any(c.lower_ in ("there", "here") and c.i > main.i for c in main.children)
        if defined or located or extraposed and any(_lemma(c) not in INTENT for c in judged):  # "it is
            complements = [c for c in complements if c.dep_ != "xcomp"]  # difficult (a shame) to see ..."
        complements += [x for c in predicates if _lemma(c) in INTENT for x in c.children if x.dep_ == "xcomp"]
        # a belief in what will be: "is confident that the cooperation will continue", "I am sure
        # the reaction will be favourable"
        if any(x.dep_ == "ccomp" and _forward(x, FUTURE_MODALS) for c in predicates for x in c.children):
            return True
    return any(
        (_lemma(main) in INTENT or main.lemma_ == "be") and any(a.tag_ == "TO" for a in c.children)
        or (_lemma(main) in INTENT and c.tag_ == "VBG")
        for c in complements
    )


def _joined_ahead(cue: Token, main: Token | None, content: set[int], in_quote: Set[int] = frozenset()) -> bool:
    """A clause joined to the main one that looks ahead: "the acquisition brings its ownership to 94
    pct and it intends to acquire the rest before mid year", "has acquired the centre and will
    incorporate it"; not a way of saying ("It's tight, but overall I would say it's fairly
    priced")."""
    if main is None:
        return False
    doc = main.doc

    def told(clause: Token) -> bool:  # a past in the speaker's own words: "then needed to sit and rest"
        return clause.i in in_quote and clause.tag_ == "VBD"

    joined = [c for c in main.children if c.dep_ == "conj" and c.i in content and c.pos_ in ("VERB", "AUX")]
    joined += [  # or sharing the subject of a verb under it: "yielding a profit ... and expected to
        doc[i] for i in content  # finalise the sale"
        if doc[i].dep_ == "conj" and doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i in content
        and main.is_ancestor(doc[i].head) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children)
    ]
    joined += [  # a clause the parser hung on the cue: "I think if there's any sign of a dip, it will be
        doc[i] for i in content  # bought back up again" with "bought" under "added"
        if doc[i].head.i not in content and doc[i] != main and doc[i].pos_ in ("VERB", "AUX")
        and doc[i].dep_ in ("ccomp", "conj") and (
            _modal(doc[i]) or (_intends(doc[i]) or _reports_future(doc[i])) and not told(doc[i]))
    ]  # (not "bound ... to unload arms"); "was growing more impatient and warned that it would soon ..."
    telling = SAYING | REMARKING

    def ahead(clause: Token) -> bool:
        modals = {a.lower_ for a in _auxiliaries(clause) if a.tag_ == "MD"}
        if modals and modals <= POSSIBLE | {"can"} and (clause.lemma_ == "be" or _lemma(clause) in APPEARING):
            return False  # a possibility now: "it might be an aspect of ...", "you may be able to ..."
        if not any(s.dep_ in ("nsubj", "nsubjpass") for s in clause.children):  # "has acquired the
            # centre and will incorporate it into ...": its own "will" or "may"; "had been merged ...
            # and would cease looking" tells what followed in the past
            # (but "and warned that it would soon have new powers", "and expected to finalise the
            # sale" report what lies ahead)
            reported = not told(clause) and (_intends(clause) or _reports_future(clause))
            return bool(modals & (FUTURE_WORDS | {"may", "might"})) and _forward(clause) or reported
        return not _past(clause) and _future(cue, clause) and _lemma(clause) not in telling and not any(
            x.dep_ == "xcomp" and _lemma(x) in telling for x in clause.children)

    return any(ahead(c) for c in joined)


def _intends(verb: Token) -> bool:
    """A verb of intent with an infinitive, not in the past perfect, nor a decision or attempt told
    in the past: "expected to finalise the sale", not "decided to postpone it"."""
    settled = _lemma(verb) in DONE_INTENT | ATTEMPTS and _told_as_past(verb)
    return _lemma(verb) in INTENT and not (_perfect(verb) or settled) and _to_infinitive(verb)


def _object_ahead(verb: Token) -> bool:
    """An object that a relative clause with "will" describes, after a verb not in the past: "is
    commencing a four-year capital program that will include the opening of 20 new stores", "We
    want a company that will fit into our management structure"."""
    return not _past(verb) and any(
        r.dep_ == "relcl" and _forward(r, FUTURE_WORDS) and any(a.lower_ in FUTURE_WORDS for a in _auxiliaries(r))
        for c in verb.children if c.dep_ == "dobj" for r in c.children
    )


def _put_off(verb: Token) -> bool:
    """Put off to a time (``PUT_OFF``), and not since superseded: "the meeting formerly postponed
    to April had been put off indefinitely"."""
    return _lemma(verb) in PUT_OFF and not any(c.lower_ in SUPERSEDED for c in verb.children if c.dep_ == "advmod")


def _directed(main: Token) -> bool:
    """Someone told or asked to do a thing ("has told the party to come up with a package in early
    April"): with a time ahead, that act is ahead, whenever the telling was."""
    return _lemma(main) in MANDATING | {"tell"} and _to_infinitive(main)


def _to_infinitive(verb: Token) -> bool:
    """Whether a verb is completed by an infinitive with "to": "expected to finalise", "told his party
    to come up with"."""
    return any(x.dep_ == "xcomp" and any(a.tag_ == "TO" for a in x.children) for x in verb.children)


def _prospect_ahead(words: list[Token]) -> bool:
    """A noun of a prospect whose clause a modal puts ahead (``PROSPECT_NOUNS``)."""
    return any(
        _lemma(w) in PROSPECT_NOUNS and any(
            c.dep_ in ("acl", "ccomp") and _modal(c) and _forward(c, FUTURE_MODALS | POSSIBLE) for c in w.children)
        for w in words
    )


def _mandated(cue: Token, main: Token) -> bool:
    """An act asked for in a clause with a bare verb ("recommended that patients stay indoors"):
    it lies after the asking ("asked it be exempt"; "asked for ... are higher" is no such clause)."""
    bare = main.tag_ == "VB" or main.tag_ == "VBP" and main.lemma_ != "be"
    clause = main.dep_ == "ccomp" and main.head.i == cue.i
    return _lemma(cue) in MANDATING and clause and bare and not _auxiliaries(main)


def _requested(cue: Token, main: Token) -> bool:
    """A thing asked or wished for by name (``REQUESTING``): "requested larger purchases", "called
    for the meeting", "is seeking a stake", "proposed new rules", "would love a water cooler". Not
    one asked for before the story and over ("had requested a delay", "sought a stake"), nor a
    request denied ("never recommends funding"), nor the hearer alone ("urged voters"), nor what a
    thing calls for ("the recipe called for three cups of sugar")."""
    lemma = _lemma(cue)
    asked_for = lemma in REQUESTING_FOR and cue.i + 1 < len(cue.doc) and cue.nbor().lower_ == "for" and all(
        can_act(c) for c in cue.children if c.dep_ == "nsubj")
    sought = lemma in REQUESTING or lemma in WISHING and _modal(cue) or asked_for
    hearer = main.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or main.lemma_.lower() in AGENTS
    over = _perfect(cue) or lemma in ATTEMPTS and _told_as_past(cue)  # "sought a stake" is over
    return sought and cue.pos_ == "VERB" and not (over or _denied(cue) or hearer)


def _chosen(cue: Token, main: Token) -> bool:
    """An infinitive that completes a cue not of intent or telling (``AHEAD_INFINITIVE``), nor of a
    wish (``WISHING`` after a modal), or one of an attempt or refusal told in the past, an intention
    or expectation in the past perfect, a state reported in the passive, or a feeling: "chose to
    receive bids", "tried to find out", "refused to sign", "had intended to charge", "is said to be
    against", "are so excited to have you" are not put forward by their "to" alone ("is trying to
    sell", "plans to charge", "had planned to charge", "is eager to calm the markets" are)."""
    lemma = _lemma(cue)
    over = lemma in ATTEMPTS and _told_as_past(cue) or _over(cue)  # "had intended to charge"
    state = lemma in REPORTED_STATE and any(c.dep_ == "auxpass" for c in cue.children)
    ahead = lemma in AHEAD_INFINITIVE and not (over or state) or lemma in WISHING and _modal(cue)
    felt = main.head.pos_ == "ADJ" and main.head.head == cue and _lemma(main.head) in FEELING and not _modal(cue)
    return (main.head == cue and not ahead or felt) and not _modal(main)


def _told_as_past(verb: Token) -> bool:
    """ "tried", "had tried", "was trying": an attempt over, whatever came of it; but a refusal in the
    present perfect still stands ("has refused to drop the sales tax")."""
    standing = _lemma(verb) in REFUSING
    return verb.tag_ == "VBD" or any(
        a.tag_ == "VBD" or a.lemma_ == "have" and not standing for a in _auxiliaries(verb))


def _foreseen(cue: Token, main: Token | None, ahead: bool) -> bool:
    """A forecast told by a present "see": "analysts see GM earning 5.65 dlrs this year", "sees 1987
    earnings at 1.25 dlrs", "sees an improvement in the current quarter": a change going on, a figure
    or a time ahead. Not a view ("see Japan as a promising market") nor what was seen ("saw people
    trying to recruit")."""
    present = cue.tag_ in ("VBZ", "VBP") or cue.tag_ == "VB" and not _auxiliaries(cue) and any(
        c.dep_ == "nsubj" for c in cue.children)  # the tagger's slip: "Brokers see/VB Norvale earning"
    if _lemma(cue) != "see" or not present or any(c.lower_ == "as" for c in cue.children):
        return False
    changing = main is not None and main.tag_ == "VBG" and main.head == cue and main.dep_ == "ccomp"
    figure = any(t.tag_ == "CD" for c in cue.children if c.dep_ == "dobj" for t in c.subtree)  # not "first hand"
    return changing or figure or ahead


def _observed(cue: Token, main: Token | None) -> bool:
    """What a test or a study showed to be possible then, told in the past with "could", the past
    of "can": "Breathing tests showed that his lungs could not hold as much air", "showed that taste
    receptors could be found in the small intestine" (with a time ahead it is a forecast still:
    "polls showed the party could win in November")."""
    if main is None or _lemma(cue) not in EVIDENTIAL or not _told_as_past(cue):
        return False
    modals = {a.lower_ for a in _auxiliaries(main) if a.tag_ == "MD"}
    return modals == {"could"}


def _perceived(cue: Token, main: Token | None) -> bool:
    """What a cue of perceiving reports, with no modal of its own ("saw people trying to recruit")."""
    return _lemma(cue) in PERCEIVING and not (main is not None and _modal(main))


def _lemma(token: Token) -> str:
    """The token's lemma, lower-case, with the model's known slips mended: en_core_web_sm makes
    "hopes", "hoped" and "hoping" forms of "hop"."""
    return _MENDED.get(token.lower_) or token.lemma_.lower()


_MENDED = {form: "hope" for form in ("hope", "hopes", "hoped", "hoping")}


def _auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries, and theirs: in "will be co-managed" the parser hangs "will" from "be"."""
    direct = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return direct + [c for a in direct for c in a.children if c.dep_ in ("aux", "auxpass")]


def _modal(verb: Token) -> bool:
    return any(a.tag_ == "MD" for a in _auxiliaries(verb))


def _planning(verb: Token) -> bool:
    """A verb of planning with an object, in the present ("is planning a bond issue", "plans a
    rights issue"); "planned a bond", "was planning a bond" tell of a plan that may be over."""
    aux = _auxiliaries(verb)
    return (
        _lemma(verb) in PLANNING and verb.tag_ in ("VB", "VBG", "VBP", "VBZ")
        and any(c.dep_ == "dobj" for c in verb.children) and not any(a.tag_ == "VBD" or a.lemma_ == "have" for a in aux)
    )


def _forward(verb: Token, modals: frozenset[str] = FORWARD_MODALS) -> bool:
    """A verb put forward by a modal ("would take") or an infinitive of its own ("to be deployed"),
    not an ability lost ("could no longer rely on a handful of clinics": a state now; "will no
    longer sell" still looks ahead), nor an appearance now ("it may sound shallow")."""
    aux = _auxiliaries(verb)
    modal = [a.lower_ for a in aux if a.tag_ == "MD"]
    # "could have waited" looks back; "will have risen" ahead
    perfect = any(a.lemma_ == "have" for a in aux) and not FUTURE_WORDS.intersection(modal)
    lost = any(c.lower_ == "longer" and c.dep_ == "advmod" for c in verb.children) and all(
        m in ("could", "can") for m in modal)
    seeming = _lemma(verb) in APPEARING and any(c.dep_ in ("acomp", "attr", "oprd") for c in verb.children) and all(
        m in APPEARING_MODALS for m in modal)
    stray = any(a.lower_ == "will" and _testament(a, verb) for a in aux)
    return not (perfect or lost or seeming or stray) and any(
        a.tag_ == "MD" and a.lower_ in modals or a.tag_ == "TO" for a in aux)


def _testament(will: Token, verb: Token) -> bool:
    """Whether a "will" the parser took for a modal is someone's testament: right before a past
    tense or a participle, and just after an owner ("Ford's unexecuted will specified that ...",
    "his will named"). Either alone misleads: "Josten's will own" and "the network will
    connected" (a typo) are modals."""
    if will.i == 0 or will.i + 1 != verb.i or verb.tag_ not in ("VBN", "VBD"):
        return False
    return any(t.tag_ in ("POS", "PRP$") for t in will.doc[max(0, will.i - 3):will.i])


def _reports_future(main: Token, ahead: bool = False) -> bool:
    """A main verb whose clause tells of a future ("decided it would sell the unit", "hopes the swap
    will pave the way"), by a modal, not by an infinitive ("cause you to grow"); not one in the past
    perfect ("had indicated he would") unless the content names a time still ahead (``ahead``: "had
    said first quarter results would likely be lower", said in March), nor a duty or a possibility
    ("ruled that the clause should apply"), unless a belief holds the possibility of an event
    ("believes the merged company may experience pressure on margins"; not a state, "thinks the
    market may be overvalued")."""
    believed = _lemma(main) in BELIEVING
    return (ahead or not _perfect(main)) and any(
        (_forward(c, FUTURE_MODALS) or believed and _forward(c, POSSIBLE) and _eventive(c)) and _modal(c)
        and not _asks(c) and not _compared_with(c)
        for c in main.children if c.dep_ == "ccomp"
    )


def _compared_with(clause: Token) -> bool:
    """Whether a clause is the standard of a comparison the parser broke off, with no subject of
    its own: "higher ratings than their financial performance alone would merit"."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return False
    start = clause.left_edge.i
    return any(t.lower_ == "than" for t in clause.doc[max(0, start - 6) : start])


def _eventive(verb: Token) -> bool:
    """A verb of something happening, not of being or seeming ("may be overvalued", "could seem")."""
    return verb.lemma_ != "be" and _lemma(verb) not in APPEARING and not any(
        a.lemma_ == "be" for a in _auxiliaries(verb))


def _asks(clause: Token) -> bool:
    """An indirect question ("has not determined what amount would be excessive", "did not know
    when it would be approved"): what is asked about is not said to happen."""
    first = clause.left_edge
    while first.tag_ == "RB" and first.i < clause.i:  # "exactly when it would be approved"
        first = first.nbor()
    if not (first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ in ("if", "whether")):
        return False
    path = [t for t in first.ancestors if t.i != clause.i and clause.is_ancestor(t)]
    return first.dep_ != "advcl" and not any(t.dep_ == "advcl" for t in path)  # not "if ..., I would"


def _hedged(tokens: list[Token]) -> bool:
    return any(
        _lemma(t) in HEDGES.get("MD" if t.tag_ == "MD" else t.pos_, ()) or _expected(t) or _odds(t) for t in tokens)


def _odds(noun: Token) -> bool:
    """A chance that something happens ("a 55% chance that the grant leads to", "little chance
    Soviet exports will rise"), not one given to do something ("offered the chance to relocate")."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return noun.lower_ == "chance" and noun.pos_ == "NOUN" and (following is None or following.lower_ != "to")


def _expected(modal: Token) -> bool:
    """A "should" that forecasts, not one that advises: what things should do ("the moves should
    broaden investor interest", "prices should climb"), not what someone should do ("doctors should
    ask") or what should be done ("cannabis shouldn't be legalized")."""
    if modal.lower_ != "should" or modal.tag_ != "MD":
        return False
    subjects = [c for c in modal.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(c.dep_ == "nsubj" and not can_act(c) for c in subjects)


def _negated(verb: Token, doc: Doc, content: set[int]) -> bool:
    """Whether the report asserts a negation: a negated, denying or refusing cue ("did not say",
    "denied", "declined to comment"), or a main verb of the content that is negated ("said it would
    not raise taxes"), done by no one ("no date has been set"), to no thing ("set no targets") or
    failed ("failed to fulfil"); two cancel out."""
    roots = [doc[i] for i in content if doc[i].head.i not in content or doc[i].head.i == i]
    count = (
        _denied(verb)
        + (_lemma(verb) in NEGATING_CUES or _refusal(verb))
        + any(_denied(r) or _failed(r) or _none_of(r) for r in roots if r.pos_ in ("VERB", "AUX"))
    )
    return count % 2 == 1


def _refusal(verb: Token) -> bool:
    """A refusal to act or to tell, which negates what was refused: "declined to comment", "refused
    to sign", "declined comment on"; not a fall ("declined 6.7 billion marks")."""
    told = any(c.dep_ == "dobj" and _lemma(c) in TELLING for c in verb.children)
    return _lemma(verb) in REFUSING and (_to_infinitive(verb) or told)


def _failed(verb: Token) -> bool:
    """ "failed to fulfil its agreed cuts": the act did not come about (but "the talks failed" is
    an act of its own)."""
    return _lemma(verb) in FAILING and _to_infinitive(verb)


def _none_of(verb: Token) -> bool:
    """A verb whose object or predicate is "no" thing: "set no exchange rate targets", "there were no
    breach of warranties"."""
    return any(c.dep_ in ("dobj", "attr") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
               for c in verb.children)


def _going_to(tokens: list[Token], in_quote: Set[int] = frozenset()) -> bool:
    """ "is going to raise", "its going to be harder", "is going to be sold"; not "remembers going
    to get pizza", a trip that completes another verb, nor "I was going to pass out" in the speaker's own words (as
    reported speech, "said the bank was going to close the branch" still looks ahead)."""
    return any(
        a.lower_ == "going" and b.lower_ == "to" and b.head.i > b.i and b.head.pos_ in ("VERB", "AUX")
        and not _completes(a) and not (a.i in in_quote and any(x.tag_ == "VBD" for x in _auxiliaries(a)))
        for a, b in zip(tokens, tokens[1:])
    )


def _recalled(words: list[Token]) -> set[int]:
    """The tokens of a quotation inside the content's own, from an opening single quote to the
    next closing one (an apostrophe with nothing opened, "the Smiths’ house", closes nothing)."""
    recalled: set[int] = set()
    opened: list[int] = []
    for w in words:
        if opened and w.text in ("’", "'") and w.i > opened[-1] + 1:
            recalled.update(range(opened.pop(), w.i + 1))
        elif w.text == "‘" or w.text == "'" and not w.whitespace_ and (w.i == 0 or w.nbor(-1).whitespace_):
            opened.append(w.i)
    return recalled


def _completes(gerund: Token) -> bool:
    """A gerund with no auxiliary of its own that completes a verb: "remembers going", "stopped going"."""
    return gerund.dep_ in ("xcomp", "dobj", "pcomp") and gerund.head.pos_ == "VERB" and not _auxiliaries(gerund)


def _tokens(doc: Doc, time: TimeExpression) -> Span | None:
    """The tokens of a time expression, found once per document: every statement asks."""
    cache = doc.user_data.setdefault("saidwhat_time_tokens", {})
    key = (time.start, time.end)
    if key not in cache:
        cache[key] = doc.char_span(time.start, time.end, alignment_mode="expand")
    return cache[key]


def _inside(doc: Doc, time: TimeExpression, tokens: set[int]) -> bool:
    span = _tokens(doc, time)
    return span is not None and all(t.i in tokens for t in span)


def _said_on(doc: Doc, on_cue: list[TimeExpression], published: date | None) -> date | None:
    """A full date modifying the cue itself: "On Friday, X said ..." or "X said on Friday ...";
    never one after the article's date ("said after Thursday night's fight"), nor one that bounds a
    span or starts a term ("said after April 3 the price will return to two dlrs", "said effective
    March 16 it will offer ...")."""
    for time in on_cue:
        m = DAY_VALUE.match(time.value)
        if m is None or NOT_THE_DAY.search(doc_text(doc), max(0, time.start - 12), time.start):
            continue
        try:
            day = day_of(m)
        except ValueError:
            continue
        if published is None or day <= published:
            return day
    return None


def _on_cue(doc: Doc, verb: int, content: set[int], times: list[TimeExpression]) -> list[TimeExpression]:
    """The time expressions that hang from the cue, outside the content."""
    cue = doc[verb]
    return [
        time for time in times if (span := _tokens(doc, time)) is not None
        and any(t.i not in content and (t.i == verb or cue.is_ancestor(t)) for t in span)
        and any(t.head.i == verb or t.head.head.i == verb for t in span)
    ]


def _ahead(text: str, time: TimeExpression, start: date | None) -> tuple[date, date] | None:
    """The window of a duration counted from the statement's day: "within two weeks"."""
    m = DURATION.match(time.value)
    if m is None or start is None:
        return None
    if not (FORWARD.match(time.text) or DURATION_LEADS.search(text, max(0, time.start - 8), time.start)):
        return None
    if DEFINITE_SPAN.match(time.text):
        return None  # "in the fiscal year ending March 31" is that year, not a year from today
    amount, unit = int(m[1]), m[2]
    if unit in "YM":
        year, month = add_months(start.year, start.month, amount * (12 if unit == "Y" else 1))
        end = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    else:
        end = start + timedelta(days=amount * (7 if unit == "W" else 1))
    return start, end

