"""Scores by kind of gold attribution, on hand-made gold."""

from saidwhat.eval.attribution import score_attribution
from saidwhat.eval.phenomena import by_phenomenon, format_phenomena
from saidwhat.eval.polnear import GoldArticle, GoldAttribution
from saidwhat.model import Source, Statement, part

TEXT = (
    "“The bridge is safe,” Mayor Ann Cole said. "
    "According to the council, the budget is balanced. "
    "Her criticism of the audit drew praise. "
    "Voters want a new mayor."
)


def at(fragment):
    start = TEXT.index(fragment)
    return (start, start + len(fragment))


SAFE = GoldAttribution((at("Mayor Ann Cole"),), (at("said"),), (at("“The bridge is safe,”"),))
BUDGET = GoldAttribution((at("the council"),), (at("According to"),), (at("the budget is balanced"),))
AUDIT = GoldAttribution((at("Her"),), (at("criticism of"),), (at("the audit"),))
MAYOR = GoldAttribution((at("Voters"),), (at("want"),), (at("a new mayor"),))


def predicted(attribution, source=True):
    who = Source(**part(TEXT, list(attribution.source)).model_dump()) if source else None
    return Statement(
        id="s",
        kind="direct",
        source=who,
        cue=part(TEXT, list(attribution.cue)),
        content=part(TEXT, list(attribution.content)),
    )


def test_rows_count_each_attribution_once_per_group_and_share_the_right_ones(pipeline):
    article = GoldArticle("a1", TEXT, None, None, "x", (SAFE, BUDGET, AUDIT, MAYOR))
    # the mayor's quote and the council's budget are right; the voters' statement lost its source
    scores = score_attribution([article], {"a1": [predicted(SAFE), predicted(BUDGET), predicted(MAYOR, source=False)]})
    rows = {group: (right, total) for group, right, total in by_phenomenon([article], scores, pipeline.nlp)}
    assert rows["all"] == (2, 4)
    assert (rows["direct"], rows["indirect"], rows["mixed"]) == ((1, 1), (1, 3), (0, 0))
    assert rows["say/tell/add/ask/write"] == (1, 1)
    assert rows["according to"] == (1, 1)
    assert rows["noun cue"] == (0, 1)
    assert rows["other verb or adjective"] == (0, 1)
    assert rows["source: pronoun"] == (0, 1)
    assert rows["source: named or nominal"] == (2, 3)
    table = format_phenomena(list(by_phenomenon([article], scores, pipeline.nlp)))
    assert "according to" in table and "50.0%" in table.splitlines()[1]
