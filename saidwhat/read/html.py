"""HTML pages: trafilatura finds the main text and the metadata, then related-link lines go.

The article text is the extracted paragraphs joined by blank lines, as in plain-text input, so a
quotation that runs over a paragraph break looks the same whichever way the article came in.
"""

from __future__ import annotations

import re
from datetime import date

import trafilatura
from trafilatura.settings import set_date_params

from ..errors import ReadError
from ..model import Article
from .inputs import check_length

_MARKERS = (
    r"read (?:more|also)|also read|see also|more on this(?: story)?"
    r"|related(?: articles?| coverage| stories| links?)?"
)
_RELATED = re.compile(
    rf"^(?:(?i:{_MARKERS})\s*[:：]"  # any case, with a colon
    r"|(?:READ MORE|READ ALSO|RELATED)\b"  # shouted, colon or not
    r"|Read (?:more|also)\b)"  # "Read also Valmora port ..."
)
_MIN_PARAGRAPH_WORDS = 8
"""A page whose longest extracted line is shorter holds menus and captions, not an article."""
_LINK_LINE_MAX = 300
"""Longer lines are prose that happens to start like a link, and are kept."""
_SENTENCE_END = tuple(".!?\"'”’»")
_CARDS = "//p//span[.//img and .//a and not(.//span[.//img]) and not(text()[normalize-space()])]"
"""A hover card inside a paragraph: a picture and links, no words of its own (a politician's
name linking to a card of their latest headlines, which would run into the sentence)."""


def is_related_link(line: str) -> bool:
    """Whether a line is a pointer to another story ("Read more: ...", "RELATED: ...")."""
    line = line.strip()
    return len(line) <= _LINK_LINE_MAX and _RELATED.match(line) is not None


def strip_related(lines: list[str]) -> list[str]:
    """Drop related-link lines (stripped, non-blank); a bare marker line ("Read more:") takes the
    headline after it, a line without closing punctuation, with it."""
    kept: list[str] = []
    skip_headline = False
    for line in lines:
        if skip_headline and len(line) <= _LINK_LINE_MAX and not line.endswith(_SENTENCE_END):
            skip_headline = False
            continue
        skip_headline = False
        if is_related_link(line):
            skip_headline = _RELATED.sub("", line).strip(" :：") == ""
            continue
        kept.append(line)
    return kept


def body(extracted: str, title: str | None) -> str:
    """Extracted lines as paragraphs, without the page's headline repeated and related links."""
    lines = [line.strip() for line in extracted.splitlines() if line.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(strip_related(lines))


def read_html(
    page: str | bytes,
    *,
    id: str,
    origin: str,
    published: date | None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
) -> Article:
    """The article in a page; the caller's metadata wins over what the page says about itself."""
    found = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        prune_xpath=_CARDS,
        # no guessing from copyright years and the like: a wrong date skews every relative time
        date_extraction_params=set_date_params(extensive=False),
    )
    if isinstance(found, dict):  # only with as_dict=True, which is not asked for
        found = None
    text = body(found.text or "", found.title) if found else ""
    if not found or not _has_paragraph(text):
        raise ReadError(origin, "no article text found")
    return Article(
        id=id,
        text=check_length(text, origin),
        title=title or found.title,
        published=published or _date(found.date),
        url=url or found.url,
        source=source or found.sitename,
        author=author or found.author,
        origin=origin,
    )


def _has_paragraph(text: str) -> bool:
    return any(len(line.split()) >= _MIN_PARAGRAPH_WORDS for line in text.split("\n"))


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
