import json
from pathlib import Path

from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.eval.attribution import Counts
from saidwhat.eval.polnear import GoldArticle, GoldAttribution
from saidwhat.extract.entities import extract_entities
from saidwhat.extract.statements import extract_statements
from saidwhat.extract.statements.cue_model import CueModel
from saidwhat.extract.time import extract_times
from saidwhat.train import KEEP_GRID, Parsed, choose, examples, fit

TEXT = (
    "The senator attacked the governor's budget. "
    "The governor said that the budget was balanced. "
    "Officials built a new road near the river."
)


def at(text: str, fragment: str) -> tuple[tuple[int, int], ...]:
    start = text.index(fragment)
    return ((start, start + len(fragment)),)


def attribution(text: str, source: str, cue: str, content: str) -> GoldAttribution:
    return GoldAttribution(at(text, source), at(text, cue), at(text, content))


def test_fit_learns_which_features_mark_an_attribution() -> None:
    data = [(["bias", "lemma=say"], True)] * 20 + [(["bias", "lemma=build"], False)] * 20
    model = CueModel(fit(data), keep=0.5, drop=0.5)
    assert model.probability(["bias", "lemma=say"]) > 0.8
    assert model.probability(["bias", "lemma=build"]) < 0.2
    assert "lemma=rare" not in fit(data + [(["bias", "lemma=rare"], True)])  # seen once: left out


def test_fit_does_not_depend_on_the_order_of_the_examples() -> None:
    """A whole-batch fit: shuffling the examples alone must not move a weight."""
    words, deps = ("say", "add", "build"), ("ccomp", "dobj")
    data = [(["bias", f"lemma={w}", f"dep={d}"], w == "say" or d == "ccomp") for w in words for d in deps] * 3
    assert fit(data) == fit(data[::-1]) == fit(data[1::2] + data[::2])


def test_examples_are_labelled_by_the_linked_triple_test(pipeline) -> None:
    gold = (
        attribution(TEXT, "The senator", "attacked", "the governor's budget"),
        attribution(TEXT, "The governor", "said", "the budget was balanced"),
    )
    article = GoldArticle("a", TEXT, None, None, "x", gold)
    labels = {
        next(f for f in feats if f.startswith("lemma=") and "|" not in f): label
        for feats, label in examples(Parsed(article, pipeline.nlp(TEXT)))
    }
    assert labels == {"lemma=attack": True, "lemma=say": True, "lemma=build": False}


def test_a_cue_is_judged_with_the_quotes_its_statement_takes(pipeline) -> None:
    """Gold content runs over both quotes; "said" holds the first alone until the second attaches."""
    text = "“The bridge will open in May,” the mayor said. “The money is already there and the crews are ready.”"
    first, second = "“The bridge will open in May,”", "“The money is already there and the crews are ready.”"
    gold = (GoldAttribution(at(text, "the mayor"), at(text, "said"), at(text, first) + at(text, second)),)
    article = GoldArticle("a", text, None, None, "x", gold)
    assert [label for feats, label in examples(Parsed(article, pipeline.nlp(text))) if "lemma=say" in feats] == [True]


def test_thresholds_within_a_tie_of_the_best_f1_go_to_the_more_precise() -> None:
    totals = {
        (0.3, 0.25): Counts(gold=1000, predicted=900, matched=620),  # F1 65.26, the best
        (0.4, 0.25): Counts(gold=1000, predicted=800, matched=587),  # F1 65.22: a tie, more precise
        (0.5, 0.25): Counts(gold=1000, predicted=700, matched=540),  # F1 63.53: most precise, too low
    }
    assert choose(totals) == (0.4, 0.25)
    assert choose({k: v for k, v in totals.items() if k != (0.4, 0.25)}) == (0.3, 0.25)


def cues(pipeline, model: CueModel) -> list[str]:
    doc = pipeline.nlp(TEXT)
    found = extract_statements(doc, extract_entities(doc), extract_times(doc, None), None, model=model)
    return [s.cue.text for s in found]


def test_the_model_adds_unlisted_verbs_and_drops_listed_ones(pipeline) -> None:
    assert cues(pipeline, CueModel({}, keep=0.6, drop=0.4)) == ["said"]  # undecided: the lexicon
    confident = CueModel({"lemma=attack": 5.0, "lemma=say": -5.0}, keep=0.6, drop=0.4)
    assert cues(pipeline, confident) == ["attacked"]


def write_corpus(folder: Path, n: int) -> None:
    (folder / "train" / "text").mkdir(parents=True)
    (folder / "train" / "attributions").mkdir()
    rows = ["compartment\tfilename\tpublication_date\ttitle"]
    for k in range(n):
        name = f"wire_2016-05-0{k + 1}_story{k}"
        text = f"The mayor of Town {k} said that taxes would fall. Workers built {k + 2} bridges."
        ann = [
            f"T1\tSource {at(text, 'The mayor of Town')[0][0]} {at(text, 'said')[0][0] - 1}\tThe mayor of Town {k}",
            f"T2\tCue {at(text, 'said')[0][0]} {at(text, 'said')[0][1]}\tsaid",
            f"T3\tContent {at(text, 'taxes would fall')[0][0]} {at(text, 'taxes would fall')[0][1]}\ttaxes would fall",
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        ]
        (folder / "train" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / "train" / "attributions" / f"{name}_a1.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
        rows.append(f"train\t{name}\t2016-05-0{k + 1}\tStory {k}")
    (folder / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_train_cues_writes_a_model_that_reads_back(tmp_path: Path) -> None:
    write_corpus(tmp_path / "polnear", 5)
    out = tmp_path / "weights.json"
    result = CliRunner().invoke(app, ["train", "cues", str(tmp_path / "polnear"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 train articles: choosing thresholds by 5-fold cross-validation" in result.output
    model = CueModel.read(out)
    assert model.keep in KEEP_GRID
    assert model.weights["lemma=say"] > 0 > model.weights["lemma=build"]
    assert json.loads(out.read_text())["drop"] == model.drop


def test_train_cues_names_a_missing_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "cues", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "nowhere" in result.output
