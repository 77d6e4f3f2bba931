"""``eval claims``: the flags of what a SPEECH_COGNITIVE event reports, scored on MEANTIME's XML.

An invented two-sentence MEANTIME document: the minister said (speech) the plant would close
(FUTURE, SLINKed from "said"); the mayor said the bridge reopened (NON_FUTURE).
"""

from __future__ import annotations

from pathlib import Path

from saidwhat.eval.claims import format_claims_report, load_claims, reported_events, score_claims
from saidwhat.pipeline import Pipeline

WORDS = [["The", "minister", "said", "the", "plant", "would", "close", "next", "year", "."],
         ["The", "mayor", "said", "the", "bridge", "reopened", "on", "Monday", "."]]
EVENTS = {  # m_id: (token id, time)
    "1": ("t3", "NON_FUTURE"), "2": ("t7", "FUTURE"), "3": ("t13", "NON_FUTURE"), "4": ("t16", "NON_FUTURE"),
}


def write_doc(folder: Path) -> None:
    tokens, n = [], 0
    for s, words in enumerate(WORDS):
        for word in words:
            n += 1
            tokens.append(f'<token t_id="t{n}" sentence="{s}" number="{n - 1}">{word}</token>')
    events = "".join(
        f'<EVENT_MENTION m_id="{m}" time="{time}" tense="PAST" certainty="CERTAIN" polarity="POS">'
        f'<token_anchor t_id="{t}"/></EVENT_MENTION>' for m, (t, time) in EVENTS.items()
    )
    said = '<EVENT m_id="9" class="SPEECH_COGNITIVE" instance_id="said"/>'
    links = "".join(
        f'<REFERS_TO r_id="r{m}"><source m_id="{m}"/><target m_id="9"/></REFERS_TO>' for m in ("1", "3")
    ) + '<SLINK r_id="s1"><source m_id="1"/><target m_id="2"/></SLINK>' \
        '<SLINK r_id="s2"><source m_id="3"/><target m_id="4"/></SLINK>'
    dct = '<TIMEX3 m_id="8" type="DATE" value="2024-12-03" functionInDocument="CREATION_TIME"/>'
    (folder / "doc.xml").write_text(
        f'<Document doc_id="d1">{"".join(tokens)}<Markables>{events}{said}{dct}</Markables>'
        f"<Relations>{links}</Relations></Document>", encoding="utf-8",
    )


def test_gold_is_what_the_speech_reports(tmp_path: Path) -> None:
    write_doc(tmp_path)
    (doc,) = load_claims(tmp_path)
    gold = reported_events(doc)
    assert [(doc.text[g.event[0][0]:g.event[0][1]], g.flags["future"]) for g in gold] == [
        ("close", True), ("reopened", False)]


def test_scores_the_pipeline(tmp_path: Path, pipeline: Pipeline) -> None:
    write_doc(tmp_path)
    scores = score_claims(load_claims(tmp_path), pipeline.extract)
    assert scores["coverage"] == {"matched": 2, "gold": 2}
    assert (scores["future"]["p"], scores["future"]["r"]) == (1.0, 1.0)
    assert "future" in format_claims_report(scores)
