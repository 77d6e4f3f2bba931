"""Quotation spans from quote marks, tolerant of the marks real news gets wrong.

Straight marks are paired by position (an opening mark follows a space or a bracket, a closing
mark precedes one); curly marks and guillemets by their direction, though a mark of another style
closes a quote right after a comma or a full stop ("“We will build it," Park said). A quote left
open at the end of a paragraph (after a blank line or, in wire copy, at an indented line) continues
when the next paragraph opens with a mark (the newswire convention for quotes spanning
paragraphs) and otherwise closes there, so a stray mark never swallows the rest of the article; a
straight mark that opens a quote while one is open shows a closing mark left out before the cue
('"We had chances, Hale told reporters. "When ...').
"""

from __future__ import annotations

import re

OPENING = {"“": "”", "«": "»", "„": "“", '"': '"', "‹": "›"}
CLOSING = {"”", "»", '"', "“", "›"}
# A quote that a cue follows after its comma, its closing mark left out: '"We had chances, Hale
# told reporters. "When you ...' (a straight mark opening the next quote shows the slip).
_UNCLOSED = re.compile(r",\s+(?:(?:[A-Z][\w'-]*\s+){1,3}|(?:he|she|they|it)\s+)(?:said|says|told|tells|added|asked)\b")
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[\"“«„]|''))|\n(?=[ \t]{2,}\S)|\r\n\s*\r\n")  # or indented


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks included, in text order."""
    quotes: list[tuple[int, int]] = []
    paragraphs = _paragraphs(text)
    open_at: int | None = None
    closer = ""
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            ch, width = _mark(text, i)
            if open_at is None:
                if ch in OPENING and _opens(text, i, width):
                    open_at, closer = i, OPENING[ch]
            elif (
                ch in CLOSING
                and (ch == closer or ch in "”»" or _mismatched(text, i))
                and _closes(text, i, width, open_at)
            ):
                quotes.append((open_at, i + width))
                open_at = None
            elif ch == '"' and _opens(text, i, width) and (cue := _UNCLOSED.search(text, open_at, i)):
                quotes.append((open_at, cue.start() + 1))  # the mark left out after the comma
                open_at = i
            i += width
        if open_at is not None:
            following = paragraphs[p_index + 1][0] if p_index + 1 < len(paragraphs) else None
            mark, width = _mark(text, following) if following is not None else ("", 0)
            if following is None or mark not in OPENING:
                quotes.append((open_at, _rstrip(text, p_start, p_end)))
                open_at = None
            else:
                # The repeated opening mark of the next paragraph is not a new quote.
                paragraphs[p_index + 1] = (following + width, paragraphs[p_index + 1][1])
    return [(s, e) for s, e in quotes if e - s > 2]


def _mark(text: str, i: int) -> tuple[str, int]:
    """The character at ``i``, reading two apostrophes (``''``, old newswire style) as ``"``."""
    if text.startswith("''", i):
        return '"', 2
    return text[i], 1


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _opens(text: str, i: int, width: int = 1) -> bool:
    if text[i] not in "\"'":
        return True
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-:;,") and not after.isspace()


def _mismatched(text: str, i: int) -> bool:
    """ "“We will build it," Park said": a quote closed with another style of mark than it opened
    with, right after the punctuation that ends a quotation."""
    return i > 0 and text[i - 1] in ",.?!" and (i + 1 >= len(text) or not text[i + 1].isalnum())


def _closes(text: str, i: int, width: int, open_at: int) -> bool:
    if text[i] in "”»›":
        return True
    if text[i] == "“":  # German-style closing mark only when it does not open the next quote
        return not (i + 1 < len(text) and text[i + 1].isalnum())
    before = text[i - 1]
    after = text[i + width] if i + width < len(text) else " "
    return i > open_at + 1 and not before.isspace() and (after.isspace() or not after.isalnum())
