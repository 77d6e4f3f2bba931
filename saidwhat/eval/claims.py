"""Score a statement's stance flags on MEANTIME, whose events carry time, certainty and polarity.

Gold: every SLINK from a SPEECH_COGNITIVE event mention (the cue) to another event mention (the
main event of what was said). What was said is
- **future** when MEANTIME marks the main event's ``time`` or ``tense`` FUTURE (the annotators'
  judgement that it happens after it is told of: "will", "would", "is scheduled"), or that of an
  event the main event reports or intends in turn (an SLINK or GLINK from it: "plans to *close*",
  "expects sales to *exceed*"), since saidwhat's ``future`` is about the content, not its first verb;
- **hedged** when the main event's ``certainty`` is POSSIBLE or PROBABLE;
- **negated** when the main event's ``polarity`` is NEG.

A gold event is matched to the predicted statement whose cue meets the gold cue and whose content
spans hold all of the event's tokens (of several, the shortest content). Flags are scored over
matched events; ``coverage`` is the share of gold events matched.
"""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Extraction, Span, Statement
from ..read.jsonl import from_record
from .attribution import chars
from .meantime import MeantimeDoc, read_meantime

FLAGS = ("future", "hedged", "negated")


@dataclass(frozen=True)
class GoldEvent:
    cue: tuple[Span, ...]
    event: tuple[Span, ...]
    flags: dict[str, bool]


def gold_flags(event: ET.Element, chain: Sequence[ET.Element]) -> dict[str, bool]:
    """The three flags of a reported event and the events it leads to, as the module says."""
    return {
        "future": any(e.get("time") == "FUTURE" or e.get("tense") == "FUTURE" for e in (event, *chain)),
        "hedged": event.get("certainty") in ("POSSIBLE", "PROBABLE"),
        "negated": event.get("polarity") == "NEG",
    }


def _slinks(doc: MeantimeDoc) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for link in (*doc.root.iter("SLINK"), *doc.root.iter("GLINK")):
        source, target = link.find("source"), link.find("target")
        if source is not None and target is not None:
            links.setdefault(source.get("m_id", ""), []).append(target.get("m_id", ""))
    return links


def _below(links: dict[str, list[str]], m_id: str) -> list[str]:
    """The events an event leads to through SLINKs and GLINKs, transitively (each once)."""
    seen: list[str] = []
    todo = list(links.get(m_id, []))
    while todo:
        now = todo.pop()
        if now not in seen and now != m_id:
            seen.append(now)
            todo.extend(links.get(now, []))
    return seen


def reported_events(doc: MeantimeDoc) -> list[GoldEvent]:
    """The events that SPEECH_COGNITIVE mentions report, with their cues, in text order."""
    markables = doc.markables()
    speech = {
        source.get("m_id", "")
        for relation in doc.root.iter("REFERS_TO")
        if (target := relation.find("target")) is not None
        and markables.get(target.get("m_id", ""), ET.Element("x")).get("class") == "SPEECH_COGNITIVE"
        for source in relation.iter("source")
    }
    links = _slinks(doc)
    found = []
    for source in speech:
        cue = markables.get(source)
        for reported in links.get(source, []):
            event = markables.get(reported)
            if cue is None or event is None or event.tag != "EVENT_MENTION":
                continue
            chain = [e for m in _below(links, reported) if (e := markables.get(m)) is not None]
            found.append(GoldEvent(doc.extent(cue), doc.extent(event), gold_flags(event, chain)))
    return sorted(found, key=lambda g: g.event)


def match(gold: GoldEvent, predicted: Sequence[Statement]) -> Statement | None:
    """The statement of the gold cue whose content holds the event (see the module docstring)."""
    event, cue = chars(gold.event), chars(gold.cue)
    holding = [s for s in predicted if event <= chars(s.content.spans) and cue & chars(s.cue.spans)]
    return min(holding, key=lambda s: len(chars(s.content.spans)), default=None)


def score_claims(
    docs: Sequence[MeantimeDoc], extract: Callable[[Article], Extraction]
) -> dict[str, dict[str, float]]:
    """P/R/F1 of each flag over matched gold events, and the coverage of the match."""
    counts = {flag: [0, 0, 0] for flag in FLAGS}  # true positive, predicted, gold
    total = matched = 0
    for doc in docs:
        statements = extract(Article(id=doc.id, text=doc.text, published=doc.dct)).statements
        for gold in reported_events(doc):
            total += 1
            found = match(gold, statements)
            if found is None:
                continue
            matched += 1
            for flag, count in counts.items():
                said, true = bool(getattr(found, flag)), gold.flags[flag]
                count[0] += said and true
                count[1] += said
                count[2] += true
    scores: dict[str, dict[str, float]] = {"coverage": {"matched": matched, "gold": total}}
    scores.update({flag: _prf(*count) for flag, count in counts.items()})
    return scores


def _prf(tp: int, n_said: int, n_true: int) -> dict[str, float]:
    p, r = tp / n_said if n_said else 0.0, tp / n_true if n_true else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_true}


def load_claims(directory: Path) -> list[MeantimeDoc]:
    docs = read_meantime(directory)
    if not docs:
        raise ValueError(f"no MEANTIME documents under {directory}")
    return docs


def format_claims_report(scores: dict[str, dict[str, float]]) -> str:
    cover = scores["coverage"]
    return f"reported events matched: {cover['matched']:.0f} of {cover['gold']:.0f}\n{_flag_table(scores)}"


def _flag_table(scores: dict[str, dict[str, float]]) -> str:
    lines = [f"{'flag':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for flag in FLAGS:
        s = scores[flag]
        lines.append(f"{flag:<8} {100 * s['p']:6.1f} {100 * s['r']:6.1f} {100 * s['f1']:6.1f} {s['gold']:5.0f}")
    return "\n".join(lines)


def score_due(
    annotations: Path, reuters: Path, extract: Callable[[Article], Extraction]
) -> dict[str, int]:
    """Due accuracy on hand-annotated Reuters statements: a TSV of article id, the content's first
    words and the due date ('#' lines are comments). The statement is the one whose content starts
    with those words, else the first that holds them (a content that begins with its subject,
    "Canadian economic growth is expected to slow further"); a statement none holds counts as missed
    (and wrong)."""
    rows = _rows(annotations)
    articles = _reuters({article_id for article_id, _, _ in rows}, reuters, extract)
    counts = {"annotated": len(rows), "found": 0, "future": 0, "right": 0}
    for article_id, words, due in rows:
        found = _by_first_words(articles[article_id].statements, words)
        counts["found"] += found is not None
        counts["future"] += found is not None and found.future
        counts["right"] += found is not None and str(found.due) == due
    return counts


def _by_first_words(statements: Sequence[Statement], words: str) -> Statement | None:
    """The statement whose content starts with these words (whitespace-normalised), else the first
    that holds them."""
    contents = [(" ".join(s.content.text.split()), s) for s in statements]
    return next((s for text, s in contents if text.startswith(words)), None) or next(
        (s for text, s in contents if words in text), None)


def _rows(annotations: Path) -> list[list[str]]:
    """The tab-separated rows of a hand-annotated file ('#' lines are comments)."""
    return [line.split("\t") for line in annotations.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _reuters(wanted: set[str], reuters: Path, extract: Callable[[Article], Extraction]) -> dict[str, Extraction]:
    """The extractions of these Reuters-21578 stories, by id."""
    articles = {}
    with gzip.open(next(reuters.glob("*.jsonl.gz")), "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("id") in wanted:
                articles[record["id"]] = extract(from_record(record, "reuters", None))
    return articles


def _pages(wanted: set[str], pages: Path, extract: Callable[[Article], Extraction]) -> dict[str, Extraction]:
    """The extractions of these web pages, by name (the file's under ``pages`` without .html.gz)."""
    from ..read import read_inputs
    from ..read.results import articles_only

    found = {}
    for page in sorted(wanted):
        path = pages / f"{page}.html.gz"
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such page")
        for article in articles_only(read_inputs([str(path)]), lambda error: None):
            found[page] = extract(article)
    return found


def score_flags(
    annotations: Path, reuters: Path, pages: Path, extract: Callable[[Article], Extraction]
) -> dict[str, dict[str, float]]:
    """Flags and due dates against statements labelled by hand: a TSV of article (a Reuters-21578
    id, or a web page's file name under ``pages`` without .html.gz), the content's first words,
    whether it is a statement ("yes"/"no"), future, hedged, negated (Y/N) and due; see
    tests/fixtures/web_flags.tsv and reuters_flags.tsv. A labelled statement is found as in
    ``score_due``; one not found counts as unflagged. Of those labelled no statement, ``junk``
    counts the ones still extracted."""
    rows = _rows(annotations)
    wanted = {row[0] for row in rows}
    wires = {w for w in wanted if w.startswith("reuters-")}
    found = {**_reuters(wires, reuters, extract), **_pages(wanted - wires, pages, extract)}
    counts = {flag: [0, 0, 0] for flag in FLAGS}
    coverage: dict[str, float] = dict.fromkeys(("statements", "found", "no statement", "junk", "dated", "due right"), 0)
    for article, words, statement, *flags, due in rows:
        predicted = _by_first_words(found[article].statements if article in found else (), words)
        if statement != "yes":
            coverage["no statement"] += 1
            coverage["junk"] += predicted is not None
            continue
        coverage["statements"] += 1
        coverage["found"] += predicted is not None
        for (flag, count), label in zip(counts.items(), flags):
            said, true = predicted is not None and bool(getattr(predicted, flag)), label == "Y"
            count[0] += said and true
            count[1] += said
            count[2] += true
        if due not in ("none", "-"):
            coverage["dated"] += 1
            coverage["due right"] += predicted is not None and str(predicted.due) == due
    scores: dict[str, dict[str, float]] = {"coverage": coverage}
    scores.update({flag: _prf(*count) for flag, count in counts.items()})
    return scores


def format_flags_report(scores: dict[str, dict[str, float]]) -> str:
    c = scores["coverage"]
    head = (f"statements labelled: {c['statements']:.0f}, found {c['found']:.0f}; labelled no statement "
            f"{c['no statement']:.0f}, still extracted {c['junk']:.0f}")
    return f"{head}\n{_flag_table(scores)}\ndue exactly right: {c['due right']:.0f} of {c['dated']:.0f}"


def format_due_report(counts: dict[str, int]) -> str:
    share = 100 * counts["right"] / counts["annotated"] if counts["annotated"] else 0.0
    return (f"due exactly right: {counts['right']} of {counts['annotated']} ({share:.1f}%); "
            f"statements found {counts['found']}, flagged future {counts['future']}")
