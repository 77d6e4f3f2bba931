"""Word search in statement content: SQLite's FTS5 index, PostgreSQL's ``tsvector``.

Both stem English words ("deploy" finds "deployed"), ignore case and drop accents ("Zoe" finds
"Zoë"), and need every word of the query. The user's text is always a bound parameter, and is
read as plain words on both backends, so no input is a query-syntax error.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import sqlalchemy.dialects.postgresql  # noqa: F401 (gives func.to_tsvector its PostgreSQL types)
from sqlalchemy import ColumnElement, column, func, table, text

FTS_TABLE = "statements_fts"
"""SQLite's FTS5 table over ``statements.content_text``, kept in step by triggers (migration
0002); each row's rowid is its statement's ``pk``."""

statements_fts = table(FTS_TABLE, column("rowid"), column(FTS_TABLE))

_ENGLISH = text("'english'")
_ACCENTS = text(r"'[\u0300-\u036f]'")  # combining marks, once NFKD splits them off


def _fold(words: Any) -> ColumnElement[str]:
    """The words without accents; constants are SQL text so that queries match the index."""
    return func.regexp_replace(func.normalize(words, text("NFKD")), _ACCENTS, text("''"), text("'g'"))


def content_words(content: ColumnElement[str]) -> ColumnElement[Any]:
    """PostgreSQL's stemmed words of a content column: the expression its GIN index holds."""
    return func.to_tsvector(_ENGLISH, _fold(content))


def article_words(body: ColumnElement[str]) -> ColumnElement[Any]:
    """PostgreSQL's stemmed words of an article's text, as its GIN index holds them (no accent
    folding: follow-ups and story threads search it with the words of other articles)."""
    return func.to_tsvector(_ENGLISH, body)


def query_words(words: str) -> ColumnElement[Any]:
    """PostgreSQL's query needing every one of the ``words``; stop words ("the", "not") drop out."""
    return func.plainto_tsquery(_ENGLISH, _fold(words))


_WORD = re.compile(r"[^\W_]+")  # letters and digits, as FTS5's unicode61 tokenizer splits them


def fts5_query(words: str) -> str:
    """An FTS5 query needing every word of ``words``, each on its own as on PostgreSQL; "" if none.

    Each word is quoted, so ``NEAR``, ``AND`` or ``NOT`` are plain words; punctuation such as
    ``"``, ``*``, ``-`` or ``:`` separates words and is never query syntax.
    """
    return " ".join(f'"{word}"' for word in _WORD.findall(unicodedata.normalize("NFC", words)))
