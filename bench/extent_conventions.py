"""What each corpus's extent convention is worth: time scores with saidwhat's extents as they are,
and with the modifiers before an expression left out of its extent.

AQUAINT mostly leaves "about", "nearly", "early", "earlier" (and often "the") out of a TIMEX3;
TimeBank and MEANTIME keep them, as the TimeML guidelines ask. Cutting them from every
prediction shows how far one corpus's strict F1 can rise by its convention, and what the others
lose for it. Values are untouched, so value F1 does not move.

    python bench/extent_conventions.py ../shared/data/tempeval3-train/TimeBank \
        ../shared/data/tempeval3-train/AQUAINT ../shared/data/meantime-en
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from saidwhat.eval.time import Predict, load_gold, score_times
from saidwhat.model import Article, TimeExpression
from saidwhat.pipeline import Pipeline

MODIFIERS = r"about|nearly|almost|early|late|earlier|later|at least|more than|some|around|over|only|just|mid-?"
CUTS = {
    "as extracted": None,
    "modifiers cut": re.compile(rf"^(?:(?:{MODIFIERS})\s*)+", re.IGNORECASE),
    "modifiers and 'the' cut": re.compile(rf"^(?:(?:the|{MODIFIERS})\s*)+", re.IGNORECASE),
}


def predictor(pipeline: Pipeline, cut: re.Pattern[str] | None) -> Predict:
    """The pipeline's time expressions, each without the leading words ``cut`` matches."""

    def predict(text: str, dct: date | None) -> list[TimeExpression]:
        times = pipeline.extract(Article(id="eval", text=text, published=dct)).times
        if cut is None:
            return times
        out = []
        for t in times:
            found = cut.match(t.text)
            if found and found.end() < len(t.text):
                t = t.model_copy(update={"start": t.start + found.end(), "text": t.text[found.end():]})
            out.append(t)
        return out

    return predict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="folders of TimeML .tml files or MEANTIME XML")
    args = parser.parse_args()
    pipeline = Pipeline()
    print(f"{'corpus':12}{'extents':26}{'strict F1':>10}{'value F1':>10}")
    for corpus in args.corpora:
        gold = load_gold(corpus)
        for name, cut in CUTS.items():
            scores = score_times(gold, predictor(pipeline, cut))
            print(f"{corpus.name:12}{name:26}{100 * scores['strict']['f1']:10.1f}{100 * scores['value_f1']:10.1f}")


if __name__ == "__main__":
    main()
