from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from saidwhat.eval.attribution import (
    Counts,
    evaluate,
    format_attribution_report,
    score_attribution,
    trim,
)
from saidwhat.eval.polnear import GoldArticle, GoldAttribution, load_polnear, parse_ann
from saidwhat.model import Source, Span, Statement, part

TEXT = (
    "“The economy is strong,” the minister said on Tuesday. "
    "Critics disagreed, saying growth had stalled. "
    "“We will act,” she added, “before the winter.”"
)


def at(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return (start, start + len(fragment))


def gold(*attributions: GoldAttribution, text: str = TEXT) -> GoldArticle:
    return GoldArticle("a1", text, None, None, "x", attributions)


def attribution(
    content: Sequence[Span], cue: Sequence[Span], source: Sequence[Span] = ()
) -> GoldAttribution:
    return GoldAttribution(tuple(source), tuple(cue), tuple(content))


def statement(content: list[Span], cue: list[Span], source: list[Span] | None = None) -> Statement:
    who = Source(**part(TEXT, source).model_dump()) if source else None
    return Statement(
        id="s", kind="direct", source=who, cue=part(TEXT, cue), content=part(TEXT, content)
    )


MINISTER = attribution([at("“The economy is strong,”")], [at("said")], [at("the minister")])
CRITICS = attribution([at("growth had stalled")], [at("saying")], [at("Critics")])
WINTER = attribution(
    [at("“We will act,”"), at("“before the winter.”")], [at("added")], [at("she")]
)


def test_perfect_predictions_score_100() -> None:
    article = gold(MINISTER, CRITICS, WINTER)
    predicted = [
        statement(list(g.content), list(g.cue), list(g.source)) for g in article.attributions
    ]
    scores = score_attribution([article], {"a1": predicted})
    assert scores.content == scores.triple == Counts(3, 3, 3)
    assert scores.exact == {
        "source": Counts(3, 3, 3),
        "cue": Counts(3, 3, 3),
        "content": Counts(4, 4, 4),
    }
    assert (scores.triple.precision, scores.triple.recall, scores.triple.f1) == (1.0, 1.0, 1.0)
    assert scores.source_agreement == scores.cue_agreement == 1.0


@pytest.mark.parametrize(("end", "matched"), [(15, 1), (16, 0)])
def test_dice_threshold_is_inclusive_at_one_half(end: int, matched: int) -> None:
    article = gold(attribution([(0, 10)], [(30, 34)]))
    # (0, 10) against (5, 15): 2 * 5 / 20 = 0.5; against (5, 16): 10 / 21 < 0.5.
    scores = score_attribution([article], {"a1": [statement([(5, end)], [(30, 34)])]})
    assert scores.content == Counts(1, 1, matched)


def test_matching_is_one_to_one_and_greedy_by_dice() -> None:
    article = gold(CRITICS)
    partial = statement([at("growth had")], [at("saying")])
    whole = statement([at("growth had stalled")], [at("saying")])
    scores = score_attribution([article], {"a1": [partial, whole]})
    assert scores.content == Counts(1, 2, 1)
    (link,) = scores.per_article["a1"].links
    assert (link.gold, link.predicted, link.dice) == (0, 1, Fraction(1))


def test_ties_go_to_the_first_listed_prediction() -> None:
    same = statement([at("growth had stalled")], [at("saying")])
    scores = score_attribution([gold(CRITICS)], {"a1": [same, same]})
    (link,) = scores.per_article["a1"].links
    assert link.predicted == 0


def test_source_and_cue_agreement_on_matched_pairs() -> None:
    no_source = attribution([at("growth had stalled")], [at("saying")])
    article = gold(MINISTER, no_source, WINTER)
    predicted = [
        statement([at("“The economy is strong,”")], [at("said")], [at("minister")]),
        statement([at("growth had stalled")], [at("saying")]),
        statement(list(WINTER.content), [at("act")]),
    ]
    scores = score_attribution([article], {"a1": predicted})
    agreements = [(k.source_agrees, k.cue_agrees) for k in scores.per_article["a1"].links]
    # Overlapping sources agree, absent on both sides agrees, absent on one side does not.
    assert agreements == [(True, True), (True, True), (False, False)]
    assert scores.triple == Counts(3, 3, 2)
    assert scores.source_agreement == scores.cue_agreement == pytest.approx(2 / 3)


def test_source_absent_only_in_gold_disagrees() -> None:
    no_source = attribution([at("growth had stalled")], [at("saying")])
    guessed = statement([at("growth had stalled")], [at("saying")], [at("Critics")])
    scores = score_attribution([gold(no_source)], {"a1": [guessed]})
    assert scores.content == Counts(1, 1, 1)
    assert scores.triple == Counts(1, 1, 0)


def test_trim_strips_whitespace_quotes_and_punctuation() -> None:
    assert trim(TEXT, at("“The economy is strong,” ")) == at("The economy is strong")
    assert trim(TEXT, at("“before the winter.”")) == at("before the winter")
    assert trim(TEXT, at("” ")) is None


def test_exact_spans_compare_after_trimming() -> None:
    predicted = [statement([at("The economy is strong")], [at("said ")], [at("the minister")])]
    scores = score_attribution([gold(MINISTER)], {"a1": predicted})
    assert scores.exact == {
        "source": Counts(1, 1, 1),
        "cue": Counts(1, 1, 1),
        "content": Counts(1, 1, 1),
    }


def test_exact_spans_are_sets_per_role() -> None:
    twice = statement([at("growth had stalled")], [at("saying")], [at("Critics")])
    scores = score_attribution([gold(CRITICS)], {"a1": [twice, twice]})
    assert scores.exact["cue"] == Counts(1, 1, 1)
    assert scores.content == Counts(1, 2, 1)


def test_discontinuous_content() -> None:
    first_half_only = statement([at("“We will act,”")], [at("added")], [at("she")])
    scores = score_attribution([gold(WINTER)], {"a1": [first_half_only]})
    # Each contiguous span is one exact item; the link sees all 34 gold content characters.
    assert scores.exact["content"] == Counts(2, 1, 1)
    (link,) = scores.per_article["a1"].links
    assert link.dice == Fraction(2 * 14, 14 + 34)


def test_missing_predictions_score_zero_and_unknown_ids_are_refused() -> None:
    scores = score_attribution([gold(MINISTER)], {})
    assert scores.triple == Counts(1, 0, 0)
    assert scores.triple.f1 == 0.0
    with pytest.raises(ValueError, match="not in the gold"):
        score_attribution([gold(MINISTER)], {"other": []})


def test_report_table() -> None:
    predicted = [statement(list(MINISTER.content), [at("Tuesday")]), statement([(0, 5)], [])]
    scores = score_attribution([gold(MINISTER, CRITICS)], {"a1": predicted})
    assert format_attribution_report(scores).splitlines() == [
        "                      P      R     F1    gold    pred   match",
        "linked content     50.0   50.0   50.0       2       2       1",
        "linked triple       0.0    0.0    0.0       2       2       0",
        "exact source        0.0    0.0    0.0       2       0       0",
        "exact cue           0.0    0.0    0.0       2       1       0",
        "exact content      50.0   50.0   50.0       2       2       1",
        "on matched pairs: source agrees 0.0%, cue agrees 0.0%",
    ]


ANN = (
    "T1\tSource 0 11\tThe senator\n"
    "T2\tCue 12 16\tsaid\n"
    "T3\tContent 17 23;30 36\tlunch. dinner\n"
    "T4\tAttribution 12 16\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "#1\tAnnotatorNotes T3\tcheck the second part\n"
    "T5\tCue 40 45\tnoted\n"
    "T6\tContent 46 50\tnone\n"
    "T7\tContent 52 55\tyet\n"
    "T8\tAttribution-no-source 40 45\tnoted\n"
    "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7\n"
)


def test_parse_ann_reads_events_with_discontinuous_and_repeated_roles() -> None:
    assert parse_ann(ANN) == (
        GoldAttribution(((0, 11),), ((12, 16),), ((17, 23), (30, 36))),
        GoldAttribution((), ((40, 45),), ((46, 50), (52, 55))),
    )


def test_load_polnear_takes_first_annotator_and_keeps_offsets(tmp_path: Path) -> None:
    text = "The mayor said\r\n“Taxes will fall.”\r\n"
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "paper_2016-05-04_mayor.txt").write_bytes(text.encode())
    content = "T1\tContent 16 34\t“Taxes will fall.”"
    event = "E1\tAttribution:T2 Cue:T2 Content:T1"
    for annotator, cue in [("b2", "T2\tCue 10 14\tsaid"), ("a1", "T2\tCue 4 9\tmayor")]:
        ann = f"{content}\n{cue}\n{event}\n"
        path = tmp_path / "dev" / "attributions" / f"paper_2016-05-04_mayor_{annotator}.ann"
        path.write_text(ann, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ttitle\n"
        "dev\tpaper_2016-05-04_mayor\t2016-05-04\tMayor promises tax cut\n",
        encoding="utf-8",
    )
    (article,) = load_polnear(tmp_path, "dev")
    assert (article.id, article.annotator, article.published, article.title) == (
        "paper_2016-05-04_mayor", "a1", date(2016, 5, 4), "Mayor promises tax cut"
    )
    assert article.text == text
    (attr,) = article.attributions
    assert text[slice(*attr.content[0])] == "“Taxes will fall.”"
    assert attr.cue == ((4, 9),)

    def extract(g: GoldArticle) -> list[Statement]:
        cue, content = part(g.text, [(4, 9)]), part(g.text, [(16, 34)])
        return [Statement(id="s1", kind="direct", source=None, cue=cue, content=content)]

    assert evaluate(tmp_path, "dev", extract).triple == Counts(1, 1, 1)
    with pytest.raises(FileNotFoundError, match="no PolNeAR split 'test'"):
        load_polnear(tmp_path, "test")


def test_real_dev_split_loads_with_matching_span_texts(shared_data: Path) -> None:
    polnear = shared_data / "polnear"
    articles = load_polnear(polnear, "dev")
    assert len(articles) == 84
    assert sum(len(a.attributions) for a in articles) == 2193
    assert all(a.published is not None for a in articles)
    checked = 0
    for article in articles:
        ann = polnear / "dev" / "attributions" / f"{article.id}_{article.annotator}.ann"
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            _, kind_and_offsets, written = line.split("\t")
            pieces = [p.split() for p in kind_and_offsets.split(" ", 1)[1].split(";")]
            expected = " ".join(article.text[int(s) : int(e)] for s, e in pieces)
            assert expected.split("\n")[0] == written
            checked += 1
    assert checked == 8601
