"""Keeping the English articles: the extractors read English only, and a multilingual crawl
(CC-NEWS) would otherwise fill the database with statements found in text they cannot parse.

Most news in English is recognised at once by its share of English function words; only the rest
goes to langdetect (seeded, so a text gets the same verdict on every run), which costs
milliseconds an article. Texts too short or too full of figures to judge (a results table reads
as Swedish to langdetect) are kept: a wrong skip loses an article, a wrong keep costs little.
"""

from __future__ import annotations

import re

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from ..errors import Skipped
from ..model import Article

MIN_WORDS = 20
"""Shorter texts are kept unjudged: a headline-length sample misleads the detector."""
SAMPLE_WORDS = 400
"""The opening of the text is evidence enough, and judging it costs a fraction of the whole."""
ENGLISH_SHARE = 0.12
"""English prose has about one function word in four; other languages almost none of these."""
PROSE_SHARE = 0.75
"""Below this share of tokens with a letter in them, a text is tables and figures, not prose."""
SENTENCE_WORDS = 40
"""Prose ends a sentence at least this often; tables and lists of figures hardly ever do."""
UNSPACED_CHARS = 60
"""A text this long in few, long tokens is in a script written without spaces (Chinese, Japanese,
Thai), which the word counts above cannot judge."""
UNSPACED_TOKEN = 15
"""Tokens this long on average mean such a script: English words average five letters."""

_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on said it was with as by at from he she be has have will are "
    "an its this which not but were had would been they their".split()
)
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_END = 0x250
"""Code points below are Latin letters with their accents, digits and punctuation."""
_SENTENCE_END = re.compile(r"[^\W\d_]{2,}[.!?]\W*$")

DetectorFactory.seed = 0


def not_english(language: str, origin: str) -> Skipped:
    return Skipped(origin, f"not English ({language})")


def language_of(text: str) -> str | None:
    """The language code of a text (``en`` without asking langdetect when it is plain), or
    ``None`` when it is too short or too little prose to judge."""
    tokens = text.split(maxsplit=SAMPLE_WORDS)[:SAMPLE_WORDS]
    if len(tokens) < MIN_WORDS:
        sample = text[: SAMPLE_WORDS * UNSPACED_TOKEN]
        unspaced = len(text) >= max(UNSPACED_CHARS, UNSPACED_TOKEN * len(tokens)) and not _mostly_latin(sample)
        return _detect(sample) if unspaced else None
    if sum(t.lower().strip(".,;:\"'“”‘’()") in _FUNCTION_WORDS for t in tokens) >= ENGLISH_SHARE * len(tokens):
        return "en"
    return _detect(" ".join(tokens)) if _is_prose(tokens) else None


def _mostly_latin(sample: str) -> bool:
    """Latin script (an identifier, a URL), written with spaces whatever this sample's spacing."""
    return 2 * sum(ord(c) < _LATIN_END for c in sample) >= len(sample)


def _detect(sample: str) -> str | None:
    try:
        return detect_langs(sample)[0].lang
    except LangDetectException:  # nothing it recognises as letters
        return None


def _is_prose(tokens: list[str]) -> bool:
    worded = sum(_LETTER.search(t) is not None for t in tokens)
    sentences = sum(_SENTENCE_END.search(t) is not None for t in tokens)
    return worded >= PROSE_SHARE * len(tokens) and sentences * SENTENCE_WORDS >= len(tokens)


def english_or_skipped(article: Article) -> Article | Skipped:
    """The article if it is (or may be) English, else why it is skipped."""
    language = language_of(article.text)
    if language is None or language == "en":
        return article
    return not_english(language, article.origin or article.id)
