"""Linked triple recall by kind of gold attribution: which phenomena still fail.

Each gold attribution falls in three groups, by its content (direct: nine tenths or more of its
characters inside quotation marks; mixed: some; indirect: none), its cue (a form of say, tell, add,
ask or write; "according to"; a colon; a dash signature; a noun cue, one that ends in a noun or
is a noun phrase with its prepositions; any other verb or adjective) and its source (none, a
pronoun, or a name or noun phrase). A row gives the share of its attributions that the linked
triple score counts as right, so a weak row names a weak phenomenon.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.statements.quotes import find_quotes
from .attribution import AttributionScores, chars
from .polnear import GoldArticle, GoldAttribution

CONTENTS = ("direct", "mixed", "indirect")
CUES = ("say/tell/add/ask/write", "according to", "colon", "dash", "other verb or adjective", "noun cue")
SOURCES = ("named or nominal", "pronoun", "none")
SAYING = {"say", "tell", "add", "ask", "write"}
PRONOUNS = set("he she they it i we you who which that his her their its him them".split())
NOMINAL = {"NOUN", "PROPN", "DET", "ADJ", "ADP", "PRON", "NUM"}


def content_kind(attribution: GoldAttribution, quoted: frozenset[int], text: str) -> str:
    content = {i for i in chars(attribution.content) if not text[i].isspace()}
    share = len(content & quoted) / len(content) if content else 0.0
    return "direct" if share >= 0.9 else "mixed" if share > 0 else "indirect"


def cue_kind(attribution: GoldAttribution, doc: Doc) -> str:
    text = " ".join(doc.text[s:e] for s, e in attribution.cue).strip()
    spans = (doc.char_span(s, e, alignment_mode="expand") for s, e in attribution.cue)
    words = [t for span in spans if span is not None for t in span if not t.is_punct]
    if text.lower().startswith("according to"):
        return "according to"
    if text == ":":
        return "colon"
    if text and text[0] in "—–―-" and len(text) <= 2:
        return "dash"
    if any(t.lemma_.lower() in SAYING for t in words):
        return "say/tell/add/ask/write"
    nominal = all(t.pos_ in NOMINAL for t in words) and any(t.pos_ == "NOUN" for t in words)
    if words and (words[-1].pos_ == "NOUN" or nominal):
        return "noun cue"
    return "other verb or adjective"


def source_kind(attribution: GoldAttribution, text: str) -> str:
    source = " ".join(text[s:e] for s, e in attribution.source).strip().lower()
    return "none" if not source else "pronoun" if source in PRONOUNS else "named or nominal"


def by_phenomenon(gold: Sequence[GoldArticle], scores: AttributionScores, nlp: Language) -> list[tuple[str, int, int]]:
    """(group, right, total) for every group, in a fixed order, with "all" first."""
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for article, doc in zip(gold, nlp.pipe(a.text for a in gold)):
        quoted = chars(find_quotes(article.text))
        links = scores.per_article[article.id].links
        agreeing = {link.gold for link in links if link.source_agrees and link.cue_agrees}
        for index, attribution in enumerate(article.attributions):
            groups = (
                "all",
                content_kind(attribution, quoted, article.text),
                cue_kind(attribution, doc),
                f"source: {source_kind(attribution, article.text)}",
            )
            for group in groups:
                total[group] += 1
                right[group] += index in agreeing
    order = ["all", *CONTENTS, *CUES, *(f"source: {s}" for s in SOURCES)]
    return [(group, right[group], total[group]) for group in order]


def format_phenomena(rows: list[tuple[str, int, int]]) -> str:
    lines = [f"{'by kind of gold attribution':32}{'right':>8}{'gold':>8}{'share':>8}"]
    for group, hits, count in rows:
        share = f"{100 * hits / count:7.1f}%" if count else "       -"
        lines.append(f"{group:32}{hits:8d}{count:8d}{share}")
    return "\n".join(lines)
