"""The time-expression scorer and its gold loaders, on hand-made gold and on MEANTIME."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from saidwhat.eval.time import (
    GoldDoc,
    GoldTime,
    format_time_report,
    load_gold,
    load_meantime,
    load_timeml,
    match_times,
    score_times,
)
from saidwhat.model import TimeExpression

TEXT = "Sales fell on Friday and rose last week, the firm said in 2024."


def span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def predicted(phrase: str, kind: str, value: str) -> TimeExpression:
    start, end = span(phrase)
    return TimeExpression(start=start, end=end, text=phrase, type=kind, value=value)  # type: ignore[arg-type]


GOLD = GoldDoc(
    "d1", TEXT, date(2024, 12, 3),
    (GoldTime(*span("Friday"), "DATE", "2024-11-29"), GoldTime(*span("last week"), "DATE", "2024-W48"),
     GoldTime(*span("2024"), "DATE", "2024")),
)
PREDICTIONS = [
    predicted("on Friday", "DATE", "2024-11-29"),  # relaxed only, value right
    predicted("last week", "DURATION", "2024-W47"),  # strict, value and type wrong
    predicted("the firm", "DATE", "XXXX"),  # spurious
]


def test_scores_on_a_hand_made_pair():
    scores = score_times([GOLD], lambda text, dct: PREDICTIONS)
    assert (scores["gold"], scores["predicted"]) == (3, 3)
    assert scores["relaxed"] == {"matched": 2, "precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3}
    assert scores["strict"] == {"matched": 1, "precision": 1 / 3, "recall": 1 / 3, "f1": 1 / 3}
    assert (scores["value_accuracy"], scores["type_accuracy"]) == (0.5, 0.5)
    assert scores["value_f1"] == pytest.approx(1 / 3)
    assert scores["type_f1"] == pytest.approx(1 / 3)
    assert format_time_report(scores) == "\n".join([
        "                P      R     F1   match",
        "relaxed      66.7   66.7   66.7       2",
        "strict       33.3   33.3   33.3       1",
        "value accuracy 50.0, value F1 33.3",
        "type accuracy 50.0, type F1 33.3",
        "1 documents, 3 gold, 3 predicted",
    ])


def test_the_predictor_gets_text_and_creation_date():
    seen = []
    score_times([GOLD], lambda text, dct: seen.append((text, dct)) or [])
    assert seen == [(TEXT, date(2024, 12, 3))]


def test_matching_is_one_to_one_by_largest_overlap():
    gold = [GoldTime(0, 5, "DATE", "a"), GoldTime(6, 10, "DATE", "b")]
    wide = TimeExpression(start=0, end=10, text="x" * 10, type="DATE", value="a")
    narrow = TimeExpression(start=7, end=9, text="xx", type="DATE", value="b")
    matches = match_times(gold, [wide, narrow])
    assert [(m.gold.value, m.predicted.end) for m in matches] == [("a", 10), ("b", 9)]
    assert [m.gold.value for m in match_times(gold, [wide])] == ["a"]


def test_predictions_on_the_creation_time_or_past_the_annotation_are_not_scored():
    doc = GoldDoc("d2", "Headline\nMay 5 , 2009\nIt fell today .\nIt rose in June .", date(2009, 5, 5),
                  (GoldTime(31, 36, "DATE", "2009-05-05"),), dct_spans=((9, 21),), annotated_end=38)
    preds = [TimeExpression(start=s, end=e, text="t", type="DATE", value="2009-05-05")
             for s, e in ((9, 21), (31, 36), (49, 53))]
    scores = score_times([doc], lambda text, dct: preds)
    assert (scores["predicted"], scores["relaxed"]["matched"], scores["strict"]["matched"]) == (1, 1, 1)


def test_timeml_loader(tmp_path: Path):
    (tmp_path / "a.tml").write_text(
        '<?xml version="1.0"?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" '
        'functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>\n<TEXT>\nPrices rose '
        '<TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> after <EVENT eid="e1">'
        'falling</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; '
        "more.\n</TEXT></TimeML>\n",
        encoding="utf-8",
    )
    [doc] = load_gold(tmp_path)
    assert doc == load_timeml(tmp_path)[0]
    assert (doc.id, doc.dct) == ("a", date(2013, 3, 22))
    assert doc.text == "\nPrices rose Thursday after falling for three days & more.\n"
    assert [(doc.text[t.start : t.end], t.type, t.value) for t in doc.times] == [
        ("Thursday", "DATE", "2013-03-21"), ("three days", "DURATION", "P3D"),
    ]


def test_meantime_offsets_round_trip(shared_data: Path):
    import xml.etree.ElementTree as ET

    meantime = shared_data / "meantime-en"
    docs = {doc.id: doc for doc in load_meantime(meantime)}
    assert len(docs) == 120
    assert sum(len(doc.times) for doc in docs.values()) == 370
    for path in sorted(meantime.rglob("*.xml"))[:10]:
        root = ET.parse(path).getroot()
        doc = docs[root.get("doc_id")]
        words = {t.get("t_id"): t.text for t in root.iter("token")}
        expected = [
            " ".join(words[a.get("t_id")] for a in timex.iter("token_anchor"))
            for timex in root.iter("TIMEX3")
            if timex.get("functionInDocument") != "CREATION_TIME" and timex.find("token_anchor") is not None
        ]
        assert sorted(doc.text[t.start : t.end] for t in doc.times) == sorted(expected)
        assert doc.dct is not None and doc.text.split("\n")[0] == " ".join(
            t.text for t in root.iter("token") if t.get("sentence") == "0"
        )
