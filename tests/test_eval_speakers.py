"""The speaker scorer: clustering scores on hand-computed examples, matching and alignment rules,
the MEANTIME reader on an invented corpus in MEANTIME's shape, the command, and the real corpus."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.eval.clusters import _best_assignment, bcubed, ceaf_e, conll, muc
from saidwhat.eval.speakers import (
    GoldMention,
    GoldSpeech,
    align_mention,
    by_name,
    load_speakers,
    match_speeches,
    name_key,
    score_speakers,
)
from saidwhat.model import Entity, Extraction, Part, Source, Statement
from saidwhat.pipeline import Pipeline

# Gold {a b c} {d e} against predicted {a b} {c d e}.
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
PRED = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_clustering_scores_on_a_hand_computed_example() -> None:
    # MUC: each side keeps 2 of its 3 links. B-cubed per item: precision 1, 1, 1/3, 2/3, 2/3 and
    # recall 2/3, 2/3, 1/3, 1, 1. CEAF-e: {abc}-{ab} 4/5 plus {de}-{cde} 4/5 over 2 clusters each.
    assert muc(GOLD, PRED).as_dict() == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})
    assert bcubed(GOLD, PRED).as_dict() == pytest.approx({"precision": 11 / 15, "recall": 11 / 15, "f1": 11 / 15})
    assert ceaf_e(GOLD, PRED).as_dict() == pytest.approx({"precision": 4 / 5, "recall": 4 / 5, "f1": 4 / 5})
    assert conll(GOLD, PRED) == pytest.approx((2 / 3 + 11 / 15 + 4 / 5) / 3)


def test_clustering_scores_at_the_extremes() -> None:
    assert bcubed(GOLD, GOLD).f1 == muc(GOLD, GOLD).f1 == ceaf_e(GOLD, GOLD).f1 == 1.0
    lumped = {item: 0 for item in GOLD}
    assert bcubed(GOLD, lumped).as_dict() == pytest.approx({"precision": 13 / 25, "recall": 1.0, "f1": 26 / 38})
    assert muc(GOLD, lumped).as_dict() == pytest.approx({"precision": 3 / 4, "recall": 1.0, "f1": 6 / 7})
    # Singletons everywhere: no links to find, so MUC is 0 however right the rest is.
    singletons = {item: item for item in GOLD}
    assert muc(singletons, singletons).f1 == 0.0
    assert bcubed(singletons, singletons).f1 == ceaf_e(singletons, singletons).f1 == 1.0
    # CEAF-e: one singleton per gold cluster, 2/(3+1) + 2/(2+1) = 7/6, over 5 and over 2 clusters.
    assert ceaf_e(GOLD, singletons).as_dict() == pytest.approx({"precision": 7 / 30, "recall": 7 / 12, "f1": 1 / 3})
    with pytest.raises(ValueError):
        bcubed(GOLD, {"a": 1})


def test_best_assignment_equals_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.choice([0.0, rng.random()]) for _ in range(cols)] for _ in range(rows)]
        wide = weights if rows <= cols else [list(column) for column in zip(*weights, strict=True)]
        brute = max(
            sum(wide[r][c] for r, c in enumerate(p)) for p in itertools.permutations(range(len(wide[0])), len(wide))
        )
        assert _best_assignment(weights) == pytest.approx(brute)


TEXT = 'Mary Okafor said the plant will close . " It is over , " she added , and the union protested .'


def at(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def statement(cue: str, content: str, source: str | None = None, entity: str | None = None) -> Statement:
    return Statement(
        id=f"s{cue}", kind="indirect", cue=Part(spans=[at(cue)], text=cue),
        content=Part(spans=[at(content)], text=content),
        source=Source(spans=[at(source)], text=source, entity=entity) if source else None,
    )


def test_speeches_match_by_cue_first_then_by_content() -> None:
    said = GoldSpeech((at("said"),), (at("the plant will close"),), "P1")
    added = GoldSpeech((at("added"),), (at("It is over"),), "P1")
    protested = GoldSpeech((at("protested"),), (), None)
    predicted = [
        statement("said", "It is over"),  # the cue is "said": it goes to `said` although its content is `added`'s
        statement("Mary Okafor", "It is over , "),  # no cue in common: matched to `added` by content
        statement("union", "the union"),  # no cue, no content in common with `protested`
    ]
    assert match_speeches([said, added, protested], predicted) == {0: 0, 1: 1}
    # One to one: a second statement on the same cue finds nothing left.
    assert match_speeches([said], [statement("said", "the plant"), statement("said", "the plant will close")]) == {0: 0}


def test_a_gold_mention_aligns_to_the_entity_of_its_type_covering_its_head() -> None:
    text = "President of the United States Barack Obama spoke ."
    person = Entity(id="e1", name="Barack Obama", type="PERSON", mentions=[at("Barack Obama", text)])
    country = Entity(id="e2", name="the United States", type="GPE", mentions=[at("the United States", text)])
    extraction = Extraction(id="d", text=text, entities=[country, person])
    whole = (at("President of the United States Barack Obama", text),)
    assert align_mention(GoldMention(whole, None, "P", "PER"), extraction) == "e1"
    assert align_mention(GoldMention(whole, at("United", text), "P", "PER"), extraction) == "e2"
    assert align_mention(GoldMention((at("spoke", text),), None, "P", "PER"), extraction) is None


def test_name_keys_ignore_case_punctuation_and_possessives() -> None:
    assert name_key("Wal - Mart") == name_key("wal-mart") == "wal mart"
    assert name_key("Moody's") == name_key("MOODY ’s") == "moody"
    assert name_key(" George\nShultz ") == "george shultz"


class MeantimeDoc:
    """An invented article in MEANTIME's XML shape: tokens, markables, relations."""

    def __init__(self, doc_id: str, created: str, *sentences: str):
        self.doc_id, self.created = doc_id, created
        self.words = [(n, word) for n, sentence in enumerate(sentences) for word in sentence.split()]
        self.markables: list[str] = []
        self.relations: list[str] = []
        self.count = 0

    def _id(self) -> str:
        self.count += 1
        return str(self.count)

    def _anchors(self, phrase: str) -> str:
        """The tokens of the first place the phrase is written; where part of it is in brackets
        ("[said] the"), only that part's."""
        words = phrase.replace("[", "").replace("]", "").split()
        marked = [n for n, w in enumerate(phrase.split()) if "[" in phrase and self._inside(phrase, n)]
        for i in range(len(self.words)):
            if [w for _, w in self.words[i : i + len(words)]] == words:
                return "".join(f'<token_anchor t_id="{i + 1 + k}"/>' for k in (marked or range(len(words))))
        raise ValueError(phrase)

    @staticmethod
    def _inside(phrase: str, n: int) -> bool:
        """Whether the n-th word of the phrase is within its brackets."""
        before = " ".join(phrase.split()[: n + 1])
        return before.rfind("[") > before.rfind("]") or phrase.split()[n].endswith("]")

    def _relation(self, tag: str, source: str, target: str, role: str = "") -> None:
        attribute = f' sem_role="{role}"' if role else ""
        self.relations.append(f'<{tag}{attribute}><source m_id="{source}"/><target m_id="{target}"/></{tag}>')

    def entity(self, kind: str, instance: str, name: str, *mentions: tuple[str, str]) -> list[str]:
        """An entity instance and its mentions, each (phrase, syntactic type)."""
        ids = []
        for phrase, syntactic in mentions:
            ids.append(self._id())
            self.markables.append(f'<ENTITY_MENTION m_id="{ids[-1]}" syntactic_type="{syntactic}">'
                                  f"{self._anchors(phrase)}</ENTITY_MENTION>")
        entity = self._id()
        self.markables.append(
            f'<ENTITY m_id="{entity}" ent_type="{kind}" instance_id="{instance}" TAG_DESCRIPTOR="{name}"/>'
        )
        for mention in ids:
            self._relation("REFERS_TO", mention, entity)
        return ids

    def event(self, phrase: str, kind: str, arg0: str, arg1: str | None = None) -> None:
        mention, event = self._id(), self._id()
        self.markables.append(f'<EVENT_MENTION m_id="{mention}">{self._anchors(phrase)}</EVENT_MENTION>')
        self.markables.append(f'<EVENT m_id="{event}" class="{kind}"/>')
        self._relation("REFERS_TO", mention, event)
        self._relation("HAS_PARTICIPANT", mention, arg0, "Arg0")
        if arg1:
            self._relation("HAS_PARTICIPANT", mention, arg1, "Arg1")

    def write(self, path: Path) -> None:
        tokens = "".join(f'<token t_id="{i + 1}" sentence="{n}">{w}</token>' for i, (n, w) in enumerate(self.words))
        dct = f'<TIMEX3 m_id="{self._id()}" type="DATE" value="{self.created}" functionInDocument="CREATION_TIME"/>'
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<?xml version="1.0"?>\n<Document doc_id="{self.doc_id}">{tokens}<Markables>{"".join(self.markables)}'
            f"{dct}</Markables><Relations>{''.join(self.relations)}</Relations></Document>\n",
            encoding="utf-8",
        )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two topics, three articles; Mary Okafor speaks in two of them, once as "Okafor"."""
    one = MeantimeDoc("101", "2024-03-04", "Norland Power to cut 300 jobs",
                      "Norland Power chief executive Mary Okafor said the company would close two plants .",
                      '" We had no choice , " she said .')
    okafor = one.entity("PER", "PER1", "Mary Okafor (chief executive)",
                        ("Norland Power chief executive Mary Okafor", "NAM"), ("she", "PRO"))
    norland = one.entity("ORG", "ORG1", "Norland Power", ("[Norland Power] to", "NAM"))
    plants = one.entity("PRO", "PRO1", "plants", ("two plants", ""))
    one.event("[said] the", "SPEECH_COGNITIVE", okafor[0], plants[0])
    one.event("she [said]", "SPEECH_COGNITIVE", okafor[1])
    one.event("cut", "OTHER", norland[0])
    one.write(tmp_path / "corpus_energy" / "101_Norland.xml")

    two = MeantimeDoc("102", "2024-03-06", "Unions condemn Norland Power cuts",
                      "Okafor told reporters on Tuesday that the cuts were needed .",
                      "The union said it would strike .")
    okafor = two.entity("PER", "PER1", "Mary Okafor", ("Okafor", "NAM"))
    union = two.entity("ORG", "ORG2", "union", ("The union", "NOM"))
    two.entity("ORG", "ORG1", "Norland Power", ("[Norland Power] cuts", "PRE.NAM"))
    two.event("told", "SPEECH_COGNITIVE", okafor[0])
    two.event("[said] it", "SPEECH_COGNITIVE", union[0])
    two.write(tmp_path / "corpus_energy" / "102_Unions.xml")

    three = MeantimeDoc("201", "2024-05-01", "Rovers sack coach",
                        "Rovers chairman Derek Fane said the club had lost faith in the coach .")
    fane = three.entity("PER", "PER2", "Derek Fane", ("Derek Fane", "NAM"))
    three.entity("ORG", "ORG3", "Rovers", ("[Rovers] chairman", "PRE.NAM"))
    three.event("said", "SPEECH_COGNITIVE", fane[0])
    three.write(tmp_path / "corpus_sport" / "201_Rovers.xml")
    (tmp_path / "corpus_sport" / "notes.xml").write_text("<other/>", encoding="utf-8")
    return tmp_path


def test_gold_from_an_invented_meantime_corpus(corpus: Path) -> None:
    gold = load_speakers(corpus)
    one, two, three = gold.docs
    assert [(d.id, d.topic, str(d.published)) for d in gold.docs] == [
        ("101", "energy", "2024-03-04"), ("102", "energy", "2024-03-06"), ("201", "sport", "2024-05-01"),
    ]
    assert one.text.split("\n")[2] == '" We had no choice , " she said .'
    assert [(one.text[s.cue[0][0] : s.cue[-1][1]], s.speaker) for s in one.speeches] == [
        ("said", "PER1"), ("said", "PER1"),
    ]
    assert one.text[slice(*one.speeches[0].content[0])] == "two plants"
    assert [(s.speaker, gold.named(s)) for s in two.speeches] == [("PER1", True), ("ORG2", False)]
    # The name as written, without its leading words, the surname, and the instance name.
    assert gold.names["PER1"] == {
        "norland power chief executive mary okafor", "power chief executive mary okafor", "chief executive mary okafor",
        "executive mary okafor", "mary okafor", "okafor",
    }
    assert gold.display["PER1"] == "Mary Okafor"
    assert [(m.instance, three.text[slice(*m.spans[0])], m.head) for m in three.mentions] == [
        ("ORG3", "Rovers", None), ("PER2", "Derek Fane", None),
    ]
    assert [(m.instance, m.type) for m in two.mentions] == [("ORG1", "ORG"), ("PER1", "PER")]  # "The union" is no name


def predicted(
    text: str, entities: dict[str, str], speeches: list[tuple[str, str, str | None]]
) -> tuple[list[Entity], list[Statement]]:
    """Entities by name (each mentioned wherever its name is written) and statements as
    (cue, source, entity name or None)."""
    ids = {name: f"e{n}" for n, name in enumerate(entities, 1)}
    records = [Entity(id=ids[name], name=name, type=kind,
                      mentions=[m.span() for m in re.finditer(re.escape(name), text)])
               for name, kind in entities.items()]
    statements = [
        Statement(id=f"s{n}", kind="indirect", cue=Part(spans=[at(cue, text)], text=cue),
                  content=Part(spans=[(len(text) - 2, len(text) - 1)], text="."),
                  source=Source(spans=[at(source, text)], text=source, entity=ids.get(entity or "")))
        for n, (cue, source, entity) in enumerate(speeches, 1)
    ]
    return records, statements


def test_scores_on_hand_made_predictions(corpus: Path) -> None:
    gold = load_speakers(corpus)
    one, two, three = gold.docs
    made = {
        "101": predicted(one.text, {"Mary Okafor": "PERSON", "Norland Power": "ORG"},
                         [("said the", "Mary Okafor", "Mary Okafor"), ("she said", "she", "Norland Power")]),
        "102": predicted(two.text, {"Okafor": "PERSON", "Norland Power": "ORG"}, [("told", "Okafor", "Okafor")]),
        "201": predicted(three.text, {"Derek Fane": "PERSON"}, []),
    }
    extractions = [Extraction(id=d.id, text=d.text, entities=made[d.id][0], statements=made[d.id][1])
                   for d in gold.docs]
    scores = score_speakers(gold, extractions, {"by name": by_name})
    energy, sport, every = scores["energy"], scores["sport"], scores["all"]
    assert list(scores) == ["energy", "sport", "all"]
    assert {k: energy[k] for k in ("docs", "attributions", "found", "named", "named_found", "right")} == {
        "docs": 2, "attributions": 4, "found": 3, "named": 3, "named_found": 3, "right": 2,
    }
    assert (sport["named"], sport["right"], sport["accuracy"]) == (1, 0, 0.0)  # not found is wrong
    assert (every["named"], every["right"], every["accuracy"]) == (4, 2, 0.5)
    # Okafor's three matched attributions: "Mary Okafor", "Norland Power", "Okafor" are three
    # predicted clusters; she speaks in two articles and is split.
    identity = energy["identity"]["by name"]
    assert [identity[k] for k in ("items", "speakers", "splits", "split")] == [3, 1, 1, ["Mary Okafor"]]
    assert (identity["precision"], identity["recall"]) == pytest.approx((1.0, 1 / 3))
    # Named mentions: Okafor x2 (aligned to "Mary Okafor" and "Okafor"), Norland Power x2 (one
    # cluster by name), Derek Fane, Rovers (no predicted mention: a singleton).
    mentions = every["mentions"]["by name"]
    assert (mentions["mentions"], mentions["aligned"]) == (6, 5)
    assert mentions["bcubed"]["precision"] == 1.0
    assert mentions["bcubed"]["recall"] == pytest.approx((1 / 2 + 1 / 2 + 1 + 1 + 1 + 1) / 6)
    # Linking both forms of Okafor's name into one actor mends the split.
    actor = score_speakers(gold, extractions, {"by actor": lambda xs: {
        (x.id, e.id): "okafor" if "Okafor" in e.name else e.name for x in xs for e in x.entities}})
    assert actor["all"]["mentions"]["by actor"]["bcubed"]["f1"] == 1.0
    assert actor["energy"]["identity"]["by actor"]["splits"] == 1  # "Norland Power" is still apart


def test_the_command_on_an_invented_corpus(corpus: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "speakers", str(corpus)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    # Columns: docs, gold, found, named, named found, right, accuracy.
    rows = {line.split()[0]: line.split()[1:] for line in result.output.splitlines()[1:4]}
    assert [rows[topic][i] for topic in ("energy", "sport", "all") for i in (0, 1, 3)] == [
        "2", "4", "3", "1", "1", "1", "3", "5", "4",
    ]
    assert int(rows["all"][5]) >= 2  # Mary Okafor and Derek Fane "said" in plain sentences
    assert "by name" in result.output and "by actor" in result.output


def test_the_command_stops_on_a_folder_without_meantime(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "speakers", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (2, f"saidwhat: no MEANTIME documents under {tmp_path}\n")


def test_on_meantime(shared_data: Path, pipeline: Pipeline) -> None:
    gold = load_speakers(shared_data / "meantime-en")
    assert len(gold.docs) == 120
    assert sum(len(d.speeches) for d in gold.docs) == 225
    assert sum(len(d.mentions) for d in gold.docs) == 622
    extractions = [pipeline.extract(d.article()) for d in gold.docs]
    scores = score_speakers(gold, extractions, {"by name": by_name})
    assert list(scores) == ["airbus", "apple", "gm", "stock", "all"]
    every = scores["all"]
    assert every["named"] == sum(scores[t]["named"] for t in ("airbus", "apple", "gm", "stock")) == 169
    assert 0.5 < every["found"] / every["attributions"] <= 1
    assert 0.4 < every["accuracy"] <= 1
    assert every["identity"]["by name"]["f1"] > 0.6
    assert every["mentions"]["by name"]["aligned"] > 0.8 * 622
    assert 0.5 < every["mentions"]["by name"]["conll"] <= 1
