"""The article text as HTML with every statement part and time expression marked.

The text is cut at every span boundary; each piece is escaped on its own and wrapped in a
``<span>`` naming the roles it plays (source over cue over content where statements nest), and
each time expression is a ``<mark>`` around its pieces with its TIMEX3 value as the title. No
piece of the text ever reaches the page unescaped.
"""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

from ..model import Extraction, TimeExpression

ROLES = ("source", "cue", "content")
"""Strongest first: a piece in one statement's content and another's cue is shown as a cue."""

Mark = tuple[str, str]  # (role, statement id)


def highlight(extraction: Extraction) -> Markup:
    """The whole text, every character once, with the statement parts and times marked up."""
    text = extraction.text
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, list[Mark]] = {}
    for statement in extraction.statements:
        parts = {"source": statement.source, "cue": statement.cue, "content": statement.content}
        for role, part in parts.items():
            for start, end in part.spans if part else []:
                starts.setdefault(start, []).append((role, statement.id))
                ends.setdefault(end, []).append((role, statement.id))
    times = _disjoint(extraction.times)
    time_at = {t.start: t for t in times}
    cuts = sorted({0, len(text), *starts, *ends, *(t.start for t in times), *(t.end for t in times)})
    html: list[Markup] = []
    active: Counter[Mark] = Counter()
    open_time: TimeExpression | None = None
    for start, end in zip(cuts, cuts[1:]):
        active.update(starts.get(start, []))
        active.subtract(ends.get(start, []))
        if open_time is not None and open_time.end == start:
            html.append(Markup("</mark>"))
            open_time = None
        if start in time_at:
            open_time = time_at[start]
            html.append(_time_tag(open_time))
        html.append(_piece(text[start:end], [mark for mark, n in active.items() if n > 0]))
    if open_time is not None:
        html.append(Markup("</mark>"))
    return Markup("").join(html)


def _disjoint(times: list[TimeExpression]) -> list[TimeExpression]:
    """Time expressions in text order, dropping any that overlaps one before it (markup must nest)."""
    kept: list[TimeExpression] = []
    for t in sorted(times, key=lambda t: (t.start, -t.end)):
        if t.start < t.end and (not kept or t.start >= kept[-1].end):
            kept.append(t)
    return kept


def _time_tag(t: TimeExpression) -> Markup:
    value = f"{t.value} ({t.mod})" if t.mod else t.value
    return Markup('<mark class="timex" data-type="{}" title="{}">').format(t.type, value)


def _piece(text: str, marks: list[Mark]) -> Markup:
    if not marks:
        return escape(text)
    role = next(r for r in ROLES if any(m[0] == r for m in marks))
    ids = " ".join(dict.fromkeys(sid for _, sid in marks))
    return Markup('<span class="hl hl-{}" data-statements="{}">{}</span>').format(role, ids, text)

