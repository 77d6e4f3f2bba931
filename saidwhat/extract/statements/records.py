"""Statement records from candidates: token sets become character spans, each statement gets its
kind (direct, mixed, indirect), its resolved source, the statement it is reported through (``via``)
and its modality and time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Span, Token

from ...model import Part, Source, Statement, StatementKind, TimeExpression, part
from ...nlp import written_text
from ..entities import EntityIndex
from ..modality import attributes
from .candidate import Candidate
from .speakers import noun_phrase, speaker_span, written_in


def char_spans(doc: Doc, tokens: Iterable[int], trim: bool) -> list[tuple[int, int]]:
    """Contiguous character ranges of a token set; with ``trim``, without edge punctuation."""
    runs: list[list[int]] = []
    for i in sorted(tokens):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans = []
    for run in runs:
        kept = [i for i in run if not doc[i].is_space]
        if trim:
            kept = _trimmed(doc, kept)
        if kept:
            spans.append((doc[kept[0]].idx, doc[kept[-1]].idx + len(doc[kept[-1]])))
    return spans


def _trimmed(doc: Doc, run: list[int]) -> list[int]:
    """A run without its leading punctuation (quote marks stay) and its closing commas, stops and dashes."""
    while run and doc[run[0]].is_punct and not doc[run[0]].is_quote:
        run = run[1:]
    while run and doc[run[-1]].text in (",", ";", ":", ".", "—", "–", "-"):
        run = run[:-1]
    return run


def _part(doc: Doc, tokens: set[int] | list[int], trim: bool = True) -> Part | None:
    """The text and spans of some tokens; None when they hold no text."""
    spans = char_spans(doc, tokens, trim)
    return part(written_text(doc), spans) if spans else None


def _statement_kind(doc: Doc, content: set[int], in_quote: set[int]) -> StatementKind:
    """Direct when nine words in ten are quoted, mixed when some are, else indirect."""
    words = [i for i in content if not doc[i].is_punct and not doc[i].is_space]
    quoted = sum(1 for i in words if i in in_quote)
    if words and quoted >= 0.9 * len(words):
        return "direct"
    return "mixed" if quoted else "indirect"


def statement_records(
    doc: Doc,
    candidates: list[Candidate],
    in_quote: set[int],
    entities: EntityIndex,
    times: list[TimeExpression],
    published: date | None,
) -> list[Statement]:
    """The statements of the candidates, in their order, each with the one it is reported through."""
    statements: list[Statement] = []
    spans: list[set[int]] = []
    recent: str | None = None  # the speaker of the statement before: a run of quotes goes on
    for cand in candidates:
        cand.content -= set(cand.cue) | cand.speaker_tokens  # "what she called a rant"
        cue, content = _part(doc, cand.cue, trim=False), _part(doc, cand.content)
        if cue is None or content is None:
            continue
        source = None
        if cand.speaker is not None:
            mention = doc[cand.speaker[0] : cand.speaker[1]]
            src = _part(doc, list(range(*_shown(mention))))
            if src is not None:
                source = Source(spans=src.spans, text=src.text, entity=_resolve(entities, mention, in_quote, recent))
                recent = source.entity or recent
        sid = f"s{len(statements) + 1}"
        holders = [k for k, held in enumerate(spans) if cand.cue[0] in held]
        via = statements[min(holders, key=lambda k: len(spans[k]))].id if holders else None
        statements.append(
            Statement(
                id=sid,
                kind=_statement_kind(doc, cand.content, in_quote),
                source=source,
                cue=cue,
                content=content,
                via=via,
                **attributes(doc, cand.cue, cand.content, times, published, in_quote),
            )
        )
        spans.append(cand.content)
    return statements


def _antecedent(mention: Span) -> Token | None:
    """The noun a relative pronoun stands for: the one its clause modifies ("Ann Holt, who said")."""
    root = mention.root
    return root.head.head if root.lower_ in ("who", "which", "that") and root.head.dep_ == "relcl" else None


def _shown(mention: Span) -> tuple[int, int]:
    """Where the source is written: for a relative "that" ("a blog post that said"), the noun it
    stands for, which a reader would not know "that" to be."""
    noun = _antecedent(mention)
    if noun is not None and len(mention) == 1 and mention.root.lower_ == "that" and mention.root.tag_ == "WDT":
        return noun_phrase(noun)[0], noun.i + 1
    return mention.start, mention.end


def _resolve(entities: EntityIndex, mention: Span, in_quote: set[int], recent: str | None) -> str | None:
    """Relative pronouns ("who said") stand for the noun their clause modifies, a letter or a
    statement for whoever wrote it."""
    noun = _antecedent(mention)
    if noun is not None:
        return entities.resolve(mention.doc[noun.i : noun.i + 1], in_quote, recent)
    root = mention.root
    writer = speaker_span(root.head.head) if written_in(root) else None
    if writer is not None:  # "resigned in a letter stating ...": the letter speaks for its writer
        return entities.resolve(mention.doc[writer[0] : writer[1]], in_quote, recent)
    return entities.resolve(mention, in_quote, recent)
