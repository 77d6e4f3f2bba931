"""Time expressions: TIMEX3 extents, types and values, normalised against the publication date.

The grammar in ``timex_rules`` proposes candidates from the raw text (one pass per rule); the
longest non-overlapping ones win. spaCy supplies what regexes cannot see: the tense of the
governing verb (a bare "Friday" in a past-tense sentence is the last one) and part-of-speech
checks ("May" the modal, "daily" the newspaper).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc, Token

from ..model import TimeExpression
from .timex_calendar import Tense
from .timex_rules import RULES, Rule, Timex

YEAR_CUES = frozenset(
    "in since by until till from to through between and of before after during early late mid "
    "the 's fiscal or for circa around than year season".split()
)
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going"})
MOD = re.compile(
    r"(?:\b(?P<approx>about|around|approximately|roughly|nearly|almost|circa)"
    r"|\b(?P<more>more\s+than|over|at\s+least)|\b(?P<less>less\s+than|under|up\s+to)"
    r"|\b(?P<some>some)"
    r"|\b(?:the\s+)?(?:very\s+)?(?P<side>beginning|start|middle|end|close)\s+of"
    r"|\b(?P<side2>early|mid|late)|\b(?P<mid>mid-))\s*$",
    re.IGNORECASE,
)
SIDE = {"beginning": "START", "start": "START", "early": "START", "middle": "MID", "mid": "MID",
        "mid-": "MID", "end": "END", "close": "END", "late": "END"}
AMOUNT_MOD = {"more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
              "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS"}
WORD_BEFORE = re.compile(r"([\w']+)\W*$")
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")


class _DocContext:
    """What the normalisers may ask about the document (see ``timex_rules.Context``)."""

    def __init__(self, doc: Doc, dct: date | None):
        self.doc, self.dct = doc, dct
        self._starts = [t.idx for t in doc]

    def token(self, char: int) -> Token:
        return self.doc[max(bisect_right(self._starts, char) - 1, 0)]

    def tag(self, start: int) -> str:
        return self.token(start).tag_

    def word_before(self, start: int) -> str:
        found = WORD_BEFORE.search(self.doc.text, max(0, start - 20), start)
        return found.group(1).lower() if found else ""

    def is_year(self, start: int, end: int) -> bool:
        """A bare four-digit number is a year when spaCy says DATE or a preposition leads in."""
        token = self.token(start)
        if token.ent_type_ == "DATE":
            return True
        following = self.token(end) if end < len(self.doc.text) else None
        if following is not None and following.idx >= end and following.tag_ == "NNS":
            return False
        return self.word_before(start) in YEAR_CUES

    def tense(self, start: int) -> Tense:
        """Past, future, or None, read off the verb that governs the expression."""
        verb = self.token(start)
        for _ in range(8):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX for a in aux) or verb.lower_ in FUTURE_AUX:
            return "future"
        if verb.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
            return "future"
        if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux):
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have") for a in aux):
            return "past"
        return None


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str], Rule]]:
    """Every match of every rule, longest first (ties: rule order, then position)."""
    found = [
        (m.start(), m.end(), priority, m, rule)
        for priority, rule in enumerate(RULES)
        for m in rule.pattern.finditer(text)
        if m.end() > m.start()
    ]
    return sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0]))


def _modifier(text: str, floor: int, start: int, kind: str) -> tuple[int, str | None]:
    """Widen an extent over a leading modifier ("late", "about", "the end of") and name its mod."""
    found = MOD.search(text, max(floor, start - 30), start)
    if not found or found.end() != start:
        return start, None
    groups = {k: v.lower() for k, v in found.groupdict().items() if v}
    if "approx" in groups:
        return found.start(), "APPROX"
    if kind == "DURATION" and not text.startswith("the", start):
        if "some" in groups:
            return found.start(), "APPROX"
        amount = " ".join(groups.get("more", groups.get("less", "")).split())
        return (found.start(), AMOUNT_MOD[amount]) if amount else (start, None)
    side = groups.get("side") or groups.get("side2") or groups.get("mid")
    if kind == "DATE" and side:
        return found.start(), SIDE[side]
    return start, None


def extract_times(doc: Doc, published: date | None) -> list[TimeExpression]:
    """TIMEX3 expressions in text order, values anchored to ``published``."""
    text = doc.text
    ctx = _DocContext(doc, published)
    chosen: list[tuple[int, int, Timex, re.Match[str], str]] = []
    for start, end, _, match, rule in _candidates(text):
        if any(start < c[1] and c[0] < end for c in chosen):
            continue
        timex = rule.normalise(match, ctx)
        if timex is not None:
            chosen.append((start, end, timex, match, rule.name))
    chosen.sort(key=lambda c: c[0])
    times: list[TimeExpression] = []
    for start, end, (kind, value), match, rule_name in chosen:
        floor = times[-1].end if times else 0
        start, mod = _modifier(text, floor, start, kind)
        if kind == "TIME" and "day" in match.re.groupindex and not match.group("day"):
            value = _reference_day(ctx, times, start, same_sentence=True) + value[10:]
        elif rule_name == "the_day":
            value = _reference_day(ctx, times, start, same_sentence=False)
        record = dict(start=start, end=end, text=text[start:end], type=kind, value=value, mod=mod)
        times.append(TimeExpression.model_validate(record))
    return times


def _reference_day(
    ctx: _DocContext, earlier: list[TimeExpression], start: int, same_sentence: bool
) -> str:
    """The day last named before ``start`` (in its sentence, for a clock time), else the DCT."""
    sentence_start = 0
    if same_sentence and ctx.doc.has_annotation("SENT_START"):
        sentence_start = ctx.token(start).sent.start_char
    for previous in reversed(earlier):
        if previous.start < sentence_start:
            break
        if previous.type == "DATE" and DAY_VALUE.match(previous.value):
            return previous.value
    return ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
