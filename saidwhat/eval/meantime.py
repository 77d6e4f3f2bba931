"""Read MEANTIME's token-level XML: the article text rebuilt from its tokens, and character offsets.

EVAL.md fixes how the text is rebuilt (tokens joined by single spaces within a sentence, a newline
between sentences), so every evaluation on MEANTIME reads it here and their offsets agree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..extract.time.values import DAY_VALUE, day_of
from ..model import Span


@dataclass(frozen=True, eq=False)
class MeantimeDoc:
    """One MEANTIME article: its rebuilt text, where each token lies in it, and its markables.

    MEANTIME annotates only an article's first sentences: ``annotated_end`` is where the last
    sentence with any markable ends (None: the whole text is annotated).
    """

    id: str
    topic: str
    text: str
    root: ET.Element
    tokens: dict[str, Span]
    annotated_end: int | None

    def markables(self) -> dict[str, ET.Element]:
        """Every markable (mentions, instances, time expressions) by its ``m_id``."""
        found = self.root.find("Markables")
        return {} if found is None else {m.get("m_id", ""): m for m in found}

    def token_spans(self, markable: ET.Element) -> list[Span]:
        """The offsets of a markable's tokens, in text order."""
        return sorted(self.tokens[a.get("t_id", "")] for a in markable.iter("token_anchor"))

    def extent(self, markable: ET.Element) -> tuple[Span, ...]:
        """A markable's tokens as spans, neighbours with only whitespace between them joined."""
        spans: list[Span] = []
        for start, end in self.token_spans(markable):
            if spans and not self.text[spans[-1][1] : start].strip():
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        return tuple(spans)

    def creation_time(self) -> ET.Element | None:
        """The TIMEX3 that gives the document's creation time."""
        return next(
            (t for t in self.root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None
        )

    @property
    def dct(self) -> date | None:
        """The creation date, when its value is a day."""
        timex = self.creation_time()
        match = DAY_VALUE.match(timex.get("value") or "") if timex is not None else None
        return day_of(match) if match else None


def read_document(path: Path) -> MeantimeDoc | None:
    """One MEANTIME file, or None when the XML is not a MEANTIME document."""
    root = ET.parse(path).getroot()
    if root.tag != "Document":
        return None
    tokens: dict[str, Span] = {}
    sentence_of: dict[str, int] = {}
    sentences: list[list[str]] = []
    last_sentence = None
    offset = 0
    for token in root.iter("token"):
        if token.get("sentence") != last_sentence:
            if sentences:
                offset += 1  # the newline between sentences
            sentences.append([])
            last_sentence = token.get("sentence")
        elif sentences[-1]:
            offset += 1  # the space between tokens
        word = token.text or ""
        tokens[token.get("t_id", "")] = (offset, offset + len(word))
        sentence_of[token.get("t_id", "")] = len(sentences) - 1
        sentences[-1].append(word)
        offset += len(word)
    text = "\n".join(" ".join(words) for words in sentences)
    last = max((sentence_of[a.get("t_id", "")] for a in root.iter("token_anchor")), default=-1)
    annotated_end = sum(len(" ".join(words)) + 1 for words in sentences[: last + 1])
    topic = path.parent.name.removeprefix("corpus_")
    return MeantimeDoc(
        root.get("doc_id") or path.stem, topic, text, root, tokens,
        annotated_end if last + 1 < len(sentences) else None,
    )


def read_meantime(directory: Path) -> list[MeantimeDoc]:
    """Every MEANTIME document under a folder, once each (by document id), in path order.

    A document's topic is the name of its folder (MEANTIME's ``corpus_`` prefix dropped).
    """
    docs: dict[str, MeantimeDoc] = {}
    for path in sorted(Path(directory).rglob("*.xml")):
        doc = read_document(path)
        if doc is not None:
            docs.setdefault(doc.id, doc)
    return list(docs.values())
