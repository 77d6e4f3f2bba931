"""Score time expressions against TimeML gold, exactly as EVAL.md specifies (TempEval-3 style).

Extents match one-to-one by character overlap (relaxed) and by identical bounds (strict); values
and types are judged on the relaxed matches, and value F1 = relaxed F1 x value accuracy.
Gold comes as MEANTIME token-level XML or as plain TimeML ``.tml`` files.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..extract.time.values import DAY_VALUE, day_of
from ..model import TimeExpression
from .attribution import Counts
from .meantime import MeantimeDoc, read_meantime

Predict = Callable[[str, date | None], list[TimeExpression]]


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    """One annotated article: its text, creation date and gold expressions.

    The creation time is left out of the gold; where it is written in the text (MEANTIME's
    dateline), ``dct_spans`` marks it so that predictions there are not scored either. MEANTIME
    annotates only an article's first sentences: predictions from ``annotated_end`` on are not
    scored (None: the whole text is annotated).
    """

    id: str
    text: str
    dct: date | None
    times: tuple[GoldTime, ...]
    dct_spans: tuple[tuple[int, int], ...] = ()
    annotated_end: int | None = None

    def scored(self, predicted: Sequence[TimeExpression]) -> list[TimeExpression]:
        """The predictions inside the annotated part of the text, off the creation time."""
        return [
            p for p in predicted
            if (self.annotated_end is None or p.start < self.annotated_end)
            and not any(p.start < e and s < p.end for s, e in self.dct_spans)
        ]


@dataclass(frozen=True)
class TimeMatch:
    """A gold expression paired with the prediction that overlaps it most."""

    gold: GoldTime
    predicted: TimeExpression

    @property
    def strict(self) -> bool:
        return (self.gold.start, self.gold.end) == (self.predicted.start, self.predicted.end)


def _dct(value: str | None) -> date | None:
    match = DAY_VALUE.match(value or "")
    return day_of(match) if match else None


def _meantime_doc(doc: MeantimeDoc) -> GoldDoc:
    """A MEANTIME document's gold: its anchored TIMEX3s, the creation time set apart."""
    times, dct_spans = [], []
    for timex in doc.root.iter("TIMEX3"):
        anchors = doc.token_spans(timex)
        if timex.get("functionInDocument") == "CREATION_TIME":
            if anchors:
                dct_spans.append((anchors[0][0], max(e for _, e in anchors)))
        elif anchors:  # un-anchored TIMEX3s are implicit and have no extent
            start, end = anchors[0][0], max(e for _, e in anchors)
            times.append(GoldTime(start, end, timex.get("type", ""), timex.get("value", "")))
    times.sort(key=lambda t: (t.start, t.end))
    return GoldDoc(doc.id, doc.text, doc.dct, tuple(times), tuple(dct_spans), doc.annotated_end)


def load_meantime(directory: Path) -> list[GoldDoc]:
    """Every MEANTIME document under a folder, once each (by document id), in path order."""
    return [_meantime_doc(doc) for doc in read_meantime(directory)]


def _timeml_doc(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    dct = next(
        (_dct(t.get("value")) for t in root.iter("TIMEX3")
         if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )
    body = root.find(".//TEXT")
    if body is None:
        raise ValueError(f"{path}: no TEXT element")
    pieces: list[str] = []
    times: list[GoldTime] = []

    def walk(element: ET.Element, offset: int) -> int:
        """Append the element's text to ``pieces``; return the offset after it."""
        start = offset
        pieces.append(element.text or "")
        offset += len(pieces[-1])
        for child in element:
            offset = walk(child, offset)
            pieces.append(child.tail or "")
            offset += len(pieces[-1])
        if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
            times.append(GoldTime(start, offset, element.get("type", ""), element.get("value", "")))
        return offset

    walk(body, 0)
    return GoldDoc(path.stem, "".join(pieces), dct, tuple(sorted(times, key=lambda t: t.start)))


def load_timeml(directory: Path) -> list[GoldDoc]:
    """Every ``.tml`` file under a folder: inline TIMEX3 tags, the DCT from CREATION_TIME."""
    return [_timeml_doc(path) for path in sorted(Path(directory).rglob("*.tml"))]


def load_gold(directory: Path) -> list[GoldDoc]:
    """TimeML when the folder holds ``.tml`` files, else MEANTIME XML."""
    directory = Path(directory)
    docs = load_timeml(directory) if any(directory.rglob("*.tml")) else load_meantime(directory)
    if not docs:
        raise ValueError(f"no TimeML or MEANTIME documents under {directory}")
    return docs


def match_times(
    gold: Sequence[GoldTime], predicted: Sequence[TimeExpression]
) -> list[TimeMatch]:
    """Each gold expression, in text order, takes the unused prediction it overlaps most.

    Ties go to the earlier prediction in the order given.
    """
    used: set[int] = set()
    matches = []
    for g in gold:
        best, best_overlap = None, 0
        for j, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if j not in used and overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            used.add(best)
            matches.append(TimeMatch(g, predicted[best]))
    return matches


def score_times(gold_docs: Sequence[GoldDoc], predict: Predict, annotated_only: bool = True) -> dict:
    """Relaxed and strict extent P/R/F1, value and type accuracy and F1, and the counts.

    ``annotated_only`` leaves out predictions on the creation time and past the annotated part of
    a document (see ``GoldDoc``); without it every prediction counts.
    """
    n_gold = n_pred = relaxed = strict = values = types = 0
    for doc in gold_docs:
        predicted = predict(doc.text, doc.dct)
        if annotated_only:
            predicted = doc.scored(predicted)
        matches = match_times(doc.times, predicted)
        n_gold += len(doc.times)
        n_pred += len(predicted)
        relaxed += len(matches)
        strict += sum(m.strict for m in matches)
        values += sum(m.gold.value == m.predicted.value for m in matches)
        types += sum(m.gold.type == m.predicted.type for m in matches)
    relaxed_counts = Counts(n_gold, n_pred, relaxed)
    value_accuracy = values / relaxed if relaxed else 0.0
    type_accuracy = types / relaxed if relaxed else 0.0
    return {
        "docs": len(gold_docs),
        "gold": n_gold,
        "predicted": n_pred,
        "relaxed": _prf(relaxed_counts),
        "strict": _prf(Counts(n_gold, n_pred, strict)),
        "value_correct": values,
        "type_correct": types,
        "value_accuracy": value_accuracy,
        "type_accuracy": type_accuracy,
        "value_f1": relaxed_counts.f1 * value_accuracy,
        "type_f1": relaxed_counts.f1 * type_accuracy,
    }


def _prf(counts: Counts) -> dict:
    return {
        "matched": counts.matched,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
    }


def format_time_report(scores: dict) -> str:
    """A plain-text table of the scores, percentages with one decimal."""
    lines = [f"{'':10}{'P':>7}{'R':>7}{'F1':>7}{'match':>8}"]
    for name in ("relaxed", "strict"):
        s = scores[name]
        percents = "".join(f"{100 * s[k]:7.1f}" for k in ("precision", "recall", "f1"))
        lines.append(f"{name:10}{percents}{s['matched']:8d}")
    lines += [
        *(
            f"{name} accuracy {100 * scores[name + '_accuracy']:.1f}, "
            f"{name} F1 {100 * scores[name + '_f1']:.1f}"
            for name in ("value", "type")
        ),
        f"{scores['docs']} documents, {scores['gold']} gold, {scores['predicted']} predicted",
    ]
    return "\n".join(lines)
