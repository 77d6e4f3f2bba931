"""Time expressions: TIMEX3 extents, types and values, normalised against the publication date.

The grammar in ``rules`` proposes candidates from the raw text (one pass per rule); the
longest non-overlapping ones win. spaCy supplies what regexes cannot see: the tense of the
governing verb (a bare "Friday" in a past-tense sentence is the last one) and part-of-speech
checks ("May" the modal, "daily" the newspaper). ``anaphora`` then re-anchors the values
that point elsewhere in the text. Without a publication date, a dated dateline stands in for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from ...model import TimeExpression
from ...nlp import doc_text, written_text
from ...nlp.dateline import opening_end
from .anaphora import Found, ranges, resolve
from .calendar import Tense
from .lexicon import WORD_BEFORE, YEAR_CUES
from .rules import RULES, Rule
from .tense import governing_tense
from .values import DAY_VALUE, day_of

MOD = re.compile(
    r"(?:\b(?P<approx>about|around|approximately|roughly|nearly|almost|circa)"
    r"|\b(?P<more>more\s+than|over|at\s+least)|\b(?P<less>less\s+than|under|up\s+to)"
    r"|\b(?P<some>some)"
    r"|\b(?:the\s+)?(?:very\s+)?(?P<side>beginning|start|middle|end|close)\s+of"
    r"|\b(?:the\s+)?(?P<side2>early|mid|late)(?:\s+in)?|\b(?:the\s+)?(?P<mid>mid-))\s*$",
    re.IGNORECASE,
)
SIDE = {"beginning": "START", "start": "START", "early": "START", "middle": "MID", "mid": "MID",
        "mid-": "MID", "end": "END", "close": "END", "late": "END"}
AMOUNT_MOD = {"more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
              "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS"}
MAKERS = frozenset({"ORG", "PRODUCT"})
"""Entity types of a make in a model's name."""
# Nouns a holiday before them dates: a time around it, or an event held then.
DATED_NOUNS = frozenset(
    "day eve season holiday week weekend period break rush sale shopping quarter recess vacation party dinner "
    "morning night deadline trading market".split()
)
# Words after which "over" is an amount ("for over a year"), not a preposition.
OVER_CUES = frozenset("for in of after within to than last lasting lasted take took just slightly little well".split())


class _DocContext:
    """What the normalisers may ask about the document (see ``rules.Context``)."""

    def __init__(self, doc: Doc, dct: date | None):
        self.doc, self.dct = doc, dct
        self._starts = [t.idx for t in doc]

    def token(self, char: int) -> Token:
        return self.doc[max(bisect_right(self._starts, char) - 1, 0)]

    def sentence(self, char: int) -> Span:
        if not self.doc.has_annotation("SENT_START"):
            return self.doc[:]
        return self.token(char).sent

    def tag(self, start: int) -> str:
        return self.token(start).tag_

    def word_before(self, start: int) -> str:
        found = WORD_BEFORE.search(doc_text(self.doc), max(0, start - 20), start)
        return found.group(1).lower() if found else ""

    def kind_of_thing(self, char: int) -> bool:
        """Whether the word at ``char`` only says what kind of thing the noun after it is
        ("Christmas cards", "Easter eggs"), unlike a time or an event it dates ("Christmas sales",
        "the Thanksgiving weekend", "a Christmas party")."""
        word = self.token(char)
        head = word.head
        return word.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in DATED_NOUNS

    def is_year(self, start: int, end: int) -> bool:
        """A bare four-digit number is a year when spaCy says DATE or a preposition leads in; not
        a model year before a make and model ("the 2020 Audi e-tron Sportback", "a 1965 Ford
        Mustang"; but "1990 BellSouth earnings", "the 2008 Beijing Olympic Games" and "the 1994
        Freedom of Access to Clinic Entrances Act" are years), nor before "model" ("1987 model
        cars", but "the 2008 model year")."""
        token = self.token(start)
        if token.dep_ == "nummod" and token.head.pos_ == "PROPN" and token.head.ent_type_ not in ("EVENT", "LAW"):
            if any(t.ent_type_ in MAKERS for t in self.doc[token.i + 1 : token.head.i]):
                return False
        after = self.doc[token.i + 1 : token.i + 3]
        if after[:1].text.lower() in ("model", "models") and after[1:].text.lower() != "year":
            return False
        if token.ent_type_ == "DATE":
            return True
        following = self.token(end) if end < len(doc_text(self.doc)) else None
        if following is not None and following.idx >= end and following.tag_ == "NNS":
            return False
        return self.word_before(start) in YEAR_CUES

    def tense(self, start: int, end: int) -> Tense:
        """Past, future, or None, read off the verb that governs the expression (``tense``)."""
        return governing_tense(self.token(start), end)


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str], Rule]]:
    """Every match of every rule, longest first (ties: rule order, then position)."""
    lowered = text.lower()
    same_length = len(lowered) == len(text)  # else offsets would not carry over
    found = [
        (_start(m), m.end(), priority, m, rule)
        for priority, (rule, caseless) in enumerate(zip(RULES, _CASELESS))
        for m in (_matches(rule, caseless, text, lowered) if same_length else rule.pattern.finditer(text))
        if m.end() > m.start()
    ]
    return sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0]))


def _matches(rule: Rule, caseless: re.Pattern[str] | None, text: str, lowered: str) -> Iterator[re.Match[str]]:
    """A rule's matches, as ``finditer`` gives them: found in the lower-cased text by the pattern
    without its case-folding (case-folding every comparison takes most of the time), then matched
    again where each starts, in the text as written, for the match the rule reads."""
    if caseless is None:
        yield from rule.pattern.finditer(text)
        return
    for m in caseless.finditer(lowered):
        again = rule.pattern.match(text, m.start())
        if again is not None:
            yield again


def _without_case(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without ``IGNORECASE``, for lower-cased text; None when it names a capital
    letter ("FY1987", "Q3", a capitalised word), which lower-cased text never holds."""
    if not pattern.flags & re.IGNORECASE:
        return None
    letters = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern.pattern)  # escapes and group names
    return None if re.search("[A-Z]", letters) else re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_CASELESS = [_without_case(rule.pattern) for rule in RULES]


def _start(m: re.Match[str]) -> int:
    """Where a match starts as an expression: "the nine months" keeps its article, but "the
    eight-year war" is a noun phrase of its own, with the duration only a modifier in it."""
    if m.groupdict().get("the") and not m.string.startswith("s", m.end("unit")):
        return m.start("num")
    return m.start()


def _modifier(text: str, floor: int, span: tuple[int, int], timex: tuple[str, str]) -> tuple[int, str | None]:
    """Widen an extent over a leading modifier ("late", "about", "the end of") and name its mod.

    An amount needs an amount to modify: "about" before "the future" is a preposition, and so is
    "over" in "spread over three years" (but not in "for over three years"), and "at least
    several years" leaves "several" as vague as it was. Nor is a possessive modified: "get around
    Wednesday's ruling"."""
    kind, value = timex
    start, end = span
    found = MOD.search(text, max(floor, start - 30), start)
    if not found or found.end() != start or value.endswith("_REF") or text.startswith(("'s", "’s"), end):
        return start, None
    groups = {k: v.lower() for k, v in found.groupdict().items() if v}
    if "approx" in groups:
        return found.start(), "APPROX"
    if kind == "DURATION" and not text.startswith("the", start):
        if "some" in groups:
            return found.start(), "APPROX"
        amount = " ".join(groups.get("more", groups.get("less", "")).split())
        before = WORD_BEFORE.search(text, max(0, found.start() - 20), found.start())
        if amount == "over" and before and before[1].lower() not in OVER_CUES:
            return start, None
        return (found.start(), AMOUNT_MOD[amount]) if amount and "X" not in value else (start, None)
    side = groups.get("side") or groups.get("side2") or groups.get("mid")
    if kind == "DATE" and side:
        return found.start(), SIDE[side]
    return start, None


def _choose(ctx: _DocContext) -> list[Found]:
    """The longest non-overlapping accepted candidates in text order, modifiers included."""
    text = doc_text(ctx.doc)  # read as prose: wrapped lines joined (``nlp.prose``)
    chosen: list[tuple[int, int, tuple[str, str], re.Match[str], str]] = []
    for start, end, _, match, rule in _candidates(text):
        if any(start < c[1] and c[0] < end for c in chosen):
            continue
        timex = rule.normalise(match, ctx)
        if timex is not None:
            chosen.append((start, end, timex, match, rule.name))
    found: list[Found] = []
    for start, end, (kind, value), match, rule_name in sorted(chosen, key=lambda c: c[0]):
        start, mod = _modifier(text, found[-1].end if found else 0, (start, end), (kind, value))
        found.append(Found(start, end, kind, value, mod, match, rule_name))
    return found


def _dateline(doc: Doc) -> date | None:
    """A full date among the opening sentences ("May 07 , 2010" under the headline)."""
    end = opening_end(doc)
    for item in _choose(_DocContext(doc, None)):
        day = DAY_VALUE.fullmatch(item.value)
        if item.start < end and item.rule == "date" and day:
            return day_of(day)
    return None


def extract_times(doc: Doc, published: date | None) -> list[TimeExpression]:
    """TIMEX3 expressions anchored to ``published`` (else to a dateline), ordered by where they
    end, so that a range follows the dates inside it."""
    ctx = _DocContext(doc, published or _dateline(doc))
    found = _choose(ctx)
    resolve(found, ctx)
    found += ranges(found)
    text = written_text(doc)  # the record holds the text as written, line breaks and all
    return [
        TimeExpression.model_validate(
            dict(start=f.start, end=f.end, text=text[f.start: f.end], type=f.type, value=f.value, mod=f.mod)
        )
        for f in sorted(found, key=lambda f: (f.end, -f.start))
    ]
