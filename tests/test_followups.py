"""Claims followed through later stories: fulfilled, delayed, cancelled, repeated; duplicates
merged into one claim; story threads; and the same results whatever the order of ingest, and
after a rebuild.

The articles are invented wire stories about one announcement (Norvale's harbour fee cut) and
what became of it, with an unrelated story in between that must not be taken for a follow-up.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.model import Article, Entity, Extraction, Source, Statement, part
from saidwhat.pipeline import Pipeline
from saidwhat.store import Store

CLAIM = Article(
    id="fees-announced", published=date(2025, 3, 3), title="Norvale to cut harbour fees",
    text="KALVIK, March 3 - Transport Minister Elin Rask said on Monday that Norvale will cut harbour "
         "fees for container ships by 15 percent from April 1.\n"
         "The cut is meant to win back shipping lines that moved to Sandhaven last year, she said.",
)
COPY = Article(  # the same announcement, rewritten by another desk the same day
    id="fees-announced-2", published=date(2025, 3, 3), title="Norvale harbour fees to fall",
    text="KALVIK, March 3 - Norvale will cut harbour fees for container ships by 15 percent from "
         "April 1, Transport Minister Elin Rask said on Monday.\n"
         "Port operators welcomed the decision.",
)
UNRELATED = Article(
    id="rail-strike", published=date(2025, 3, 20), title="Rail workers strike in Sandhaven",
    text="SANDHAVEN, March 20 - Rail workers in Sandhaven walked out on Thursday over pay, "
         "union leader Tomas Berg said, halting freight trains to the port.",
)
FOLLOWUPS = {
    "happened": Article(
        id="fees-cut", published=date(2025, 4, 1), title="Norvale cuts harbour fees",
        text="KALVIK, April 1 - Norvale cut harbour fees for container ships by 15 percent on Tuesday, "
             "the transport ministry said.\nMinister Elin Rask said two shipping lines had already "
             "booked extra calls.",
    ),
    "delayed": Article(
        id="fees-delayed", published=date(2025, 3, 28), title="Norvale postpones fee cut",
        text="KALVIK, March 28 - Norvale has postponed the cut in harbour fees for container ships "
             "until June, Transport Minister Elin Rask said on Friday, citing a budget review.",
    ),
    "cancelled": Article(
        id="fees-scrapped", published=date(2025, 3, 25), title="Norvale scraps fee plan",
        text="KALVIK, March 25 - Norvale has scrapped its plan to cut harbour fees for container ships, "
             "Transport Minister Elin Rask told parliament on Tuesday.",
    ),
    "repeated": Article(
        id="fees-repeated", published=date(2025, 3, 14), title="Norvale confirms fee cut",
        text="KALVIK, March 14 - Transport Minister Elin Rask said on Friday that Norvale will cut "
             "harbour fees for container ships by 15 percent as planned, despite objections from "
             "the finance ministry.",
    ),
}


def ingest(store: Store, pipeline: Pipeline, articles: list[Article]) -> None:
    for article in articles:
        assert store.add(pipeline.extract(article)) == "new"


def followups(store: Store) -> set[tuple[str, str, str, str]]:
    """Every follow-up as (claim's article, claim's statement, later article, relation)."""
    return {
        (c.article_id, c.statement_id, f.article_id, f.relation)
        for c in store.claim_records(date(2025, 12, 1)) for f in c.followups
    }


def the_claim(store: Store, said_in: tuple[str, ...] = (CLAIM.id,)) -> list:
    """The records of the announcement, from the stories that made it."""
    return [c for c in store.claim_records(date(2025, 12, 1)) if c.article_id in said_in]


@pytest.mark.parametrize("relation", sorted(FOLLOWUPS))
def test_a_later_story_is_a_followup_with_its_relation(store: Store, pipeline: Pipeline, relation: str) -> None:
    later = FOLLOWUPS[relation]
    ingest(store, pipeline, [CLAIM, UNRELATED, later])
    [claim] = the_claim(store)
    assert claim.status == "reported"
    [followup] = claim.followups
    assert (followup.article_id, followup.relation, followup.published) == (later.id, relation, later.published)
    assert "harbour fees" in followup.evidence


def test_an_unrelated_later_story_is_no_followup_and_the_claim_stays_pending_then_overdue(
    store: Store, pipeline: Pipeline
) -> None:
    ingest(store, pipeline, [CLAIM, UNRELATED])
    [claim] = the_claim(store)
    assert (claim.due, claim.followups) == (date(2025, 4, 1), [])
    assert [c.status for c in store.claims(date(2025, 3, 10)) if c.article_id == CLAIM.id] == ["pending"]
    assert [c.status for c in store.claims(date(2025, 4, 10)) if c.article_id == CLAIM.id] == ["overdue"]


def test_a_rewritten_story_is_another_source_of_the_same_claim(store: Store, pipeline: Pipeline) -> None:
    ingest(store, pipeline, [CLAIM, COPY, FOLLOWUPS["happened"]])
    [row] = store.claims(date(2025, 12, 1))
    assert (row.sources, row.status, row.relation, row.reported) == (2, "reported", "happened", date(2025, 4, 1))
    detail = store.claim(row.claim)
    assert detail is not None
    assert {s.article_id for s in detail.said_in} == {CLAIM.id, COPY.id}
    assert [f.article_id for f in detail.followups] == ["fees-cut"]
    # Each copy is its own record, with the claim's follow-ups.
    assert {(c.article_id, c.followups[0].article_id) for c in the_claim(store, (CLAIM.id, COPY.id))} == {
        (CLAIM.id, "fees-cut"), (COPY.id, "fees-cut")
    }


def test_later_stories_form_a_timeline_oldest_first(store: Store, pipeline: Pipeline) -> None:
    ingest(store, pipeline, [CLAIM, *FOLLOWUPS.values()])
    [claim] = the_claim(store)
    assert [(f.published, f.relation) for f in claim.followups] == [
        (date(2025, 3, 14), "repeated"), (date(2025, 3, 25), "cancelled"),
        (date(2025, 3, 28), "delayed"), (date(2025, 4, 1), "happened"),
    ]
    [row] = [r for r in store.claims(date(2025, 12, 1)) if r.article_id == CLAIM.id]
    assert (row.relation, row.reported) == ("happened", date(2025, 4, 1))


def test_a_rebuild_gives_the_same_claims_and_followups_as_ingest(store: Store, pipeline: Pipeline) -> None:
    ingest(store, pipeline, [CLAIM, UNRELATED, *FOLLOWUPS.values(), COPY])
    claims, found = store.claims(date(2025, 12, 1)), followups(store)
    assert {(CLAIM.id, f.id, r) for r, f in FOLLOWUPS.items()} <= {(c, f, r) for c, _, f, r in found}
    assert store.rebuild_claims() == len(claims)
    assert (store.claims(date(2025, 12, 1)), followups(store)) == (claims, found)


def test_a_story_stored_before_the_claim_it_follows_is_found_too(store: Store, pipeline: Pipeline) -> None:
    ingest(store, pipeline, [FOLLOWUPS["happened"], UNRELATED, CLAIM])
    assert followups(store) == {(CLAIM.id, "s1", "fees-cut", "happened")}


def test_a_rewrite_of_the_same_news_joins_its_story_thread(store: Store, pipeline: Pipeline) -> None:
    ingest(store, pipeline, [CLAIM, UNRELATED, COPY, FOLLOWUPS["happened"]])
    assert [a.id for a in store.story(COPY.id)] == [CLAIM.id]
    assert [a.id for a in store.story(CLAIM.id)] == [COPY.id]
    assert store.story(UNRELATED.id) == []


def test_claims_jsonl_and_show_from_the_command_line(tmp_path: Path) -> None:
    source, db = tmp_path / "news.jsonl", tmp_path / "news.db"
    stories = [CLAIM, FOLLOWUPS["happened"]]
    source.write_text("".join(a.model_dump_json() + "\n" for a in stories), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(source), "--db", str(db)]).exit_code == 0
    listed = runner.invoke(app, ["claims", "--db", str(db), "--format", "jsonl", "--today", "2025-12-01"])
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    [claim] = [r for r in records if r["article_id"] == CLAIM.id]
    text = CLAIM.text
    assert set(claim) == {
        "article_id", "statement_id", "speaker", "actor", "cue", "content", "said_on", "due", "status", "followups"
    }
    assert [text[a:b] for a, b in claim["content"]["spans"]] == [claim["content"]["text"]]
    assert (claim["speaker"], claim["said_on"], claim["due"], claim["status"]) == (
        "Elin Rask", "2025-03-03", "2025-04-01", "reported"
    )
    assert claim["followups"] == [{
        "article_id": "fees-cut", "statement_id": claim["followups"][0]["statement_id"], "relation": "happened",
        "published": "2025-04-01",
        "evidence": "KALVIK, April 1 - Norvale cut harbour fees for container ships by 15 percent on Tuesday, "
                    "the transport ministry said.",
    }]
    rows = runner.invoke(app, ["claims", "--db", str(db), "--format", "json", "--status", "reported"])
    [row] = json.loads(rows.stdout)
    shown = runner.invoke(app, ["claims", "show", row["claim"], "--db", str(db)])
    assert shown.exit_code == 0
    assert "happened: fees-cut" in shown.stdout and "due" in shown.stdout
    missing = runner.invoke(app, ["claims", "show", "c999", "--db", str(db)])
    assert missing.exit_code == 1 and "no claim 'c999'" in missing.stderr


def test_a_future_due_before_the_day_it_was_said_is_no_claim(store: Store) -> None:
    """A misread past ("the plan took effect at the start of the 1985 financial year", flagged
    forward-looking) must not be listed as a claim; a real one beside it is."""
    text = "Norvale said the levy began at the start of the 1985 year. Norvale said it will cut fees in May."
    said = [
        Statement(
            id=f"s{i}", kind="indirect", source=Source(spans=[(start, start + 7)], text="Norvale", entity="e0"),
            cue=part(text, [(start + 8, start + 12)]), content=part(text, [(start + 13, end)]),
            said_on=date(1987, 4, 2), future=True, due=due,
        )
        for i, (start, end, due) in enumerate([(0, 57, date(1985, 1, 1)), (59, 95, date(1987, 5, 31))])
    ]
    mentions = [(0, 7), (59, 66)]
    store.add(Extraction(
        id="levy", text=text, published=date(1987, 4, 2),
        entities=[Entity(id="e0", name="Norvale", type="ORG", mentions=mentions)], statements=said,
    ))
    assert [(c.statement_id, c.due) for c in store.claim_records(date(1987, 4, 3))] == [("s1", date(1987, 5, 31))]


def test_the_story_search_keeps_to_its_keys_and_matches_a_short_stem_whole(store: Store) -> None:
    """The full-text search reads only the keys it is given (a time window's stories), and a short
    stem is a word, not a prefix: "par" finds a bond priced at par, not a parliament."""
    from saidwhat.store.words import search_articles

    bodies = [
        "The bond was priced at par.", "The parliament met.", "The notes were sold at par.",
        "The bank agreed.", "The bankruptcy court agreed.",
    ]
    for n, body in enumerate(bodies):
        store.add(Extraction(id=f"a{n}", text=body, published=date(1987, 4, 1 + n)))
    with store.engine.connect() as conn:
        pk = dict(conn.exec_driver_sql("SELECT id, pk FROM articles").all())

        def found(low: int, high: int) -> list[str]:
            rows = search_articles(conn, {"par"}, (low, high), (date(1987, 4, 1), date(1987, 4, 5)), 10)
            return sorted(row.text for row in rows)

        assert found(pk["a0"], pk["a2"] + 1) == [bodies[0], bodies[2]]
        assert found(pk["a1"], pk["a2"] + 1) == [bodies[2]]
        rows = search_articles(conn, {"bank"}, (pk["a0"], pk["a4"] + 1), (date(1987, 4, 1), date(1987, 4, 5)), 10)
        assert [row.text for row in rows] == [bodies[3]]  # a four-letter stem is a word too
        assert not search_articles(conn, {"bank"}, (pk["a0"], pk["a4"] + 1), (date(1987, 4, 1), date(1987, 4, 3)), 10)


def unrecognised(id_: str, published: date, title: str, text: str, said: str | None = None) -> Extraction:
    """A story in which the entity recogniser found no one; ``said``, if given, is the content of
    a forward-looking statement of the first words, cued by the "said" after them."""
    statements = []
    if said is not None:
        cue, start = text.index(" said ") + 1, text.index(said)
        statements = [Statement(
            id="s0", kind="indirect", source=Source(spans=[(0, cue - 1)], text=text[:cue - 1]),
            cue=part(text, [(cue, cue + 4)]), content=part(text, [(start, start + len(said))]),
            said_on=published, future=True,
        )]
    return Extraction(id=id_, text=text, published=published, title=title, statements=statements)


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
def test_a_story_headlined_with_the_claims_matter_follows_it_though_no_actor_was_recognised(
    store: Store, order: str
) -> None:
    claim = unrecognised(
        "bond-planned", date(1987, 4, 2), "Kestrel Port Authority plans crown bond",
        "Kestrel Port Authority said it plans to issue a 300 mln crown bond due 1995 next week, "
        "lead managed by Halden Bank.", said="it plans to issue a 300 mln crown bond due 1995 next week",
    )
    other = unrecognised(  # the same words, another issuer's bond: no follow-up
        "other-bond", date(1987, 4, 8), "Vestra Shipping bond priced",
        "Vestra Shipping's 300 mln crown bond due 1995 was priced at par, lead manager Halden Bank said.",
    )
    priced = unrecognised(
        "bond-priced", date(1987, 4, 9), "KESTREL PORT AUTHORITY CROWN BOND PRICED AT PAR",
        "The 300 mln crown bond due 1995 for Kestrel Port Authority was priced at par on Thursday, "
        "lead manager Halden Bank said.",
    )
    for n, news in enumerate(["Wheat prices rose.", "The union plans a strike.", "Rain fell.", "Oil firms plan cuts."]):
        store.add(Extraction(id=f"filler-{n}", text=news, published=date(1987, 3, 1 + n)))  # what rare is
    for story in [claim, other, priced] if order == "as published" else [priced, other, claim]:
        store.add(story)
    [record] = store.claim_records(date(1987, 12, 1))
    assert [f.article_id for f in record.followups] == ["bond-priced"]


def recognised(
    id_: str, published: date, title: str, text: str, names: dict[str, str], said: str | None = None,
    due: date | None = None,
) -> Extraction:
    """A story whose entities are those of ``names`` (name → type) it holds, each mention found in the
    text; ``said``, if given, is the content of a forward-looking statement of the first, cued by
    "said", due on ``due``."""
    entities = [
        Entity(id=f"e{n}", name=name, type=kind, mentions=[
            (i, i + len(name)) for i in range(len(text)) if text.startswith(name, i)
        ])
        for n, (name, kind) in enumerate((name, kind) for name, kind in names.items() if name in text)
    ]
    statements = []
    if said is not None:
        speaker, cue, start = entities[0].mentions[0], text.index(" said ") + 1, text.index(said)
        statements = [Statement(
            id="s0", kind="indirect", source=Source(spans=[speaker], text=text[slice(*speaker)], entity="e0"),
            cue=part(text, [(cue, cue + 4)]), content=part(text, [(start, start + len(said))]),
            said_on=published, future=True, due=due,
        )]
    return Extraction(id=id_, text=text, published=published, title=title, entities=entities, statements=statements)


def fillers(store: Store) -> None:
    """Stories that make the common words common."""
    for n, news in enumerate([
        "Officials met on Friday.", "Trade officials said prices rose.", "Officials will meet on Friday.",
        "The talks ended on Friday.", "Officials said talks will resume.",
    ]):
        store.add(Extraction(id=f"filler-{n}", text=news, published=date(1987, 3, 1 + n)))


def followed(store: Store, stories: list[Extraction], order: str = "as published") -> list[str]:
    """The follow-ups of the one claim among ``stories``, stored after the fillers in ``order``."""
    fillers(store)
    for story in stories if order == "as published" else stories[::-1]:
        store.add(story)
    [record] = store.claim_records(date(1987, 12, 1))
    return sorted(f.article_id for f in record.followups)


def test_a_followup_names_every_actor_of_the_claims_matter_but_the_place_it_happens_in(store: Store) -> None:
    """Norvale's officials will discuss action against Sandhaven: a Norvale story on fishing quotas
    that does not name Sandhaven is about another matter; one that names both is a follow-up,
    though it does not name Kestrel, where the meeting was to be."""
    places = {"Norvale": "GPE", "Kestrel": "GPE", "Sandhaven": "GPE", "Lindmark": "GPE"}
    said = "its trade officials will meet in Kestrel on Friday to discuss action against Sandhaven over fishing quotas"
    claim = recognised(
        "quota-talks", date(1987, 4, 9), "Norvale to weigh steps over fishing quotas", f"Norvale said {said}.", places,
        said=said,
    )
    other = recognised(
        "other-talks", date(1987, 4, 13), "Lindmark talks end",
        "Norvale trade officials met Lindmark officials on Friday to discuss action over fishing quotas.", places,
    )
    followup = recognised(
        "action-agreed", date(1987, 4, 14), "Quota dispute deepens",
        "Norvale trade officials agreed on Friday to take action against Sandhaven over fishing quotas.", places,
    )
    assert followed(store, [claim, other, followup]) == ["action-agreed"]


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
def test_one_very_rare_word_of_the_claim_finds_a_later_story(store: Store, order: str) -> None:
    """A story that shares with the claim, of the words not common in the store, only its company's
    name is still compared with it, and follows it up: a name in two stories of seventy says more
    than two words each found in a few."""
    firm = {"Becmoor": "ORG"}
    claim = recognised(
        "meeting-set", date(1987, 4, 9), "Becmoor sets meeting",
        "Becmoor said stockholders will vote at a special meeting.", firm,
        said="stockholders will vote at a special meeting",
    )
    later = recognised(
        "meeting-adjourned", date(1987, 6, 5), "Becmoor adjourns meeting",
        "Becmoor adjourned its special meeting of stockholders.", firm,
    )
    for n in range(60):  # "special", "meeting" and "stockholders" become common words (words.COMMON_FLOOR)
        text = f"Stockholders of company {n} met at a special meeting."
        store.add(Extraction(id=f"meeting-{n}", text=text, published=date(1987, 3, 1)))
    for story in [claim, later] if order == "as published" else [later, claim]:
        store.add(story)
    [record] = store.claim_records(date(1987, 12, 1))
    assert [f.article_id for f in record.followups] == ["meeting-adjourned"]


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
def test_a_followup_names_the_countries_the_claim_names_by_a_nationality(store: Store, order: str) -> None:
    """"Norvale says Soviet tankers will carry its oil": a later Norvale story on tankers that
    names neither "Soviet" nor the Soviet Union is about other tankers; one that says "Soviet
    tankers" follows it up, as does one that names the country."""
    norvale = {"Norvale": "GPE", "Soviet Union": "GPE"}
    said = "three Soviet tankers will carry its crude oil exports from the gulf"
    claim = recognised(
        "tankers-chartered", date(1987, 4, 13), "Soviet tankers to carry Norvale oil", f"Norvale said {said}.",
        norvale, said=said,
    )
    other = recognised(
        "other-tankers", date(1987, 6, 2), "Norvale charters tankers",
        "Norvale chartered three Danish tankers to carry crude oil exports from the gulf.", norvale,
    )
    nationality = recognised(
        "tankers-sailed", date(1987, 6, 3), "Tankers sail",
        "Three Soviet tankers began to carry Norvale's crude oil exports from the gulf.", norvale,
    )
    country = recognised(
        "tankers-lent", date(1987, 6, 4), "Tankers lent",
        "The Soviet Union lent Norvale three tankers to carry its crude oil exports from the gulf.", norvale,
    )
    assert followed(store, [claim, other, nationality, country], order) == ["tankers-lent", "tankers-sailed"]


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
def test_a_story_long_after_a_dated_claim_was_due_does_not_follow_it(store: Store, order: str) -> None:
    """Whether the hearing set for April 13 took place is news that week; in October the same
    court and firm make other news. A story that tells it put off follows it however late."""
    firm = {"Kestrel Oil": "ORG"}
    said = "the appeals court will hear its request for relief from the bond on April 13"
    claim = recognised(
        "hearing-set", date(1987, 4, 7), "Kestrel Oil hearing set", f"Kestrel Oil said {said}.", firm, said=said,
        due=date(1987, 4, 13),
    )
    held = recognised(
        "hearing-held", date(1987, 4, 14), "Kestrel Oil heard",
        "The appeals court heard the request of Kestrel Oil for relief from the bond on Monday.", firm,
    )
    later = recognised(
        "review-asked", date(1987, 10, 20), "Kestrel Oil asks for review",
        "Kestrel Oil asked the supreme court to review the appeals court ruling on its request for relief from the "
        "bond, which the court heard in April.", firm,
    )
    put_off = recognised(  # over a month after April 13, but telling the hearing put off
        "hearing-put-off", date(1987, 5, 20), "Kestrel Oil hearing put off",
        "Kestrel Oil said the appeals court has postponed until July the hearing of its request for relief "
        "from the bond.", firm,
    )
    assert followed(store, [claim, held, put_off, later], order) == ["hearing-held", "hearing-put-off"]


def test_the_same_prediction_reworded_by_another_desk_is_one_claim(store: Store) -> None:
    """Two stories of the same day give the same analyst's prediction in other words ("might" and
    "may", "leaders" and "heads", "the end of October" and "end-October"): one claim with two
    sources, and neither story a follow-up of the other."""
    analyst = {"Mira Tolle": "PERSON"}
    first = "Ueda might be forced to step down just after the June summit of leaders from industrial democracies, " \
            "well before his one-year term is due to expire at the end of October"
    second = "Ueda may be forced to step down after the June summit of heads of industrial democracies and " \
             "before his one-year term is due to expire at end-October"
    fillers(store)
    store.add(recognised("budget-passed", date(1987, 4, 23), "Budget passes", f"Mira Tolle said {first}.",
                         analyst, said=first))
    store.add(recognised("budget-analysis", date(1987, 4, 23), "Setback for Ueda", f"Mira Tolle said {second}.",
                         analyst, said=second))
    [row] = store.claims(date(1987, 12, 1))
    assert (row.sources, row.relation) == (2, None)


def test_a_story_names_an_actor_by_every_word_of_its_name(store: Store) -> None:
    """The claim is about the Kestrel State Court of Appeal; a story on "the Kestrel state court of
    appeals" names it though no entity of that name was found in it, a story on "a Kestrel court"
    does not."""
    court = {"Harlow Oil": "ORG", "Kestrel State Court of Appeal": "ORG"}
    said = "the Kestrel State Court of Appeal will hear its plea for relief from the bond"
    claim = recognised(
        "plea-set", date(1987, 4, 7), "Harlow Oil plea", f"Harlow Oil said {said}.", court, said=said,
    )
    written = recognised(
        "plea-heard", date(1987, 4, 14), "Plea heard",
        "The Kestrel state court of appeals heard the plea of Harlow Oil for relief from the bond.", court,
    )
    other = recognised(
        "other-court", date(1987, 4, 15), "Another plea",
        "A Kestrel court heard the plea of Harlow Oil for relief from the bond.", court,
    )
    assert followed(store, [claim, written, other]) == ["plea-heard"]


@pytest.mark.parametrize("common", [False, True])
def test_a_story_names_an_actor_by_its_one_word_name_if_the_word_is_very_rare(store: Store, common: bool) -> None:
    """The recogniser missed "the zephran engine" in lower case: the word, found in two stories of
    the store, still names the Zephran; a word found in many does not."""
    said = "it would switch to the Corvel engine because the Zephran would not be ready on time"
    stories = [
        recognised(id_, date(1987, 4, day), title, text, {"Lindair": "ORG", "Zephran": "ORG"}, said=claimed)
        for id_, day, title, text, claimed in [
            ("engine-switch", 8, "Lindair to switch suppliers", f"Lindair said {said}.", said),
            ("engine-signed", 9, "Corvel accord signed",
             "Lindair signed an accord for the Corvel engine, as the zephran engine would not be ready on time.", None),
        ]
    ]
    for n in range(3 if common else 0):
        store.add(Extraction(id=f"zephran-{n}", text=f"Zephran sales rose {n} pct.", published=date(1987, 3, 9)))
    assert followed(store, stories) == ([] if common else ["engine-signed"])


BUYER = {"Norvale": "GPE"}


def olein(id_: str, day: int, title: str, text: str) -> Extraction:
    """A story of April 1987 on Norvale's palm olein tender."""
    return recognised(id_, date(1987, 4, day), title, text, BUYER)


def tender_set() -> Extraction:
    """Traders' word that Norvale will tender tomorrow, April 3."""
    said = "Norvale will tender tomorrow for 12,000 tonnes of palm olein for May shipment"
    return recognised(
        "tender-set", date(1987, 4, 2), "Norvale to tender for palm olein", f"Traders said {said}.", BUYER,
        said=said, due=date(1987, 4, 3),
    )


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
def test_a_claim_due_within_days_is_reported_on_within_days(store: Store, order: str) -> None:
    """A tender "tomorrow" is news that week: a story the week after, on the next week's tender,
    is not about it."""
    claim = tender_set()
    held = olein(
        "tender-held", 4, "Norvale tender held",
        "Norvale held its tender for 12,000 tonnes of palm olein for May shipment on Friday, traders said.",
    )
    next_week = olein(  # the next week's tender, a week after this one was due
        "next-tender", 11, "Norvale tenders again",
        "Norvale tendered on Friday for another 12,000 tonnes of palm olein for June shipment, traders said.",
    )
    assert followed(store, [claim, held, next_week], order) == ["tender-held"]


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
@pytest.mark.parametrize("retold", [True, False])
def test_a_claim_told_put_off_is_followed_past_its_date(store: Store, order: str, retold: bool) -> None:
    """"Norvale retenders" tells the tender put off: the purchase two weeks after the first date
    is news of the same claim, where without the retender it would be of another tender."""
    claim = tender_set()
    retender = olein(
        "tender-repeated", 16, "Norvale retenders for palm olein",
        "Norvale retenders today for 12,000 tonnes of palm olein for May shipment, traders said.",
    )
    bought = olein(
        "olein-bought", 17, "Norvale buys palm olein",
        "Norvale bought 6,000 tonnes of palm olein for May shipment at its tender, traders said.",
    )
    stories = [claim, retender, bought] if retold else [claim, bought]
    assert followed(store, stories, order) == (["olein-bought", "tender-repeated"] if retold else [])


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
def test_a_rare_topic_both_headlines_name_finds_a_later_story(store: Store, order: str) -> None:
    """"NORVALE CONSIDERING BUYING SUPERCOMPUTER" and, weeks later, "NORVALE TO BUY SUPERCOMPUTERS":
    the story shares one uncommon word with the claim, a word three stories of six hundred hold,
    which is too common to find it alone; both headlines name it, so it is the claim's topic. A story
    whose headline names it but not the claim's does not follow the claim that way."""
    firm = {"Norvale": "ORG"}
    said = "its trade ministry is considering buying a supercomputer for its research institutes"
    claim = recognised(
        "computer-considered", date(1987, 4, 7), "NORVALE CONSIDERING BUYING SUPERCOMPUTER",
        f"Norvale said {said}.", firm, said=said,
    )
    later = recognised(
        "computer-bought", date(1987, 6, 2), "NORVALE TO BUY SUPERCOMPUTERS",
        "Norvale plans to buy two supercomputers, its trade ministry said.", firm,
    )
    other = recognised(  # the topic in its headline, but not in the claim's
        "computer-sales", date(1987, 5, 4), "SUPERCOMPUTER SALES RISE",
        "Supercomputer sales rose, Halden said.", {"Halden": "ORG"},
    )
    for n in range(600):  # the ministry, research and buying are everyday news; the rest is rare
        text = f"Norvale's trade ministry said company {n} is buying equipment for its research institutes."
        store.add(Extraction(id=f"ministry-{n}", text=text, published=date(1987, 3, 1)))
    stories = [claim, other, later]
    for story in stories if order == "as published" else stories[::-1]:
        store.add(story)
    [record] = store.claim_records(date(1987, 12, 1))
    assert [f.article_id for f in record.followups] == ["computer-bought"]


@pytest.mark.parametrize("order", ["as published", "follow-up first"])
def test_a_claim_that_names_no_one_is_about_whom_its_story_opens_with(store: Store, order: str) -> None:
    """"Norvale is sending a team to Kestrel ... The team will lay the groundwork for emergency
    microchip talks next week, officials said": the claim names no one, its story's first
    sentence names Norvale and Kestrel, and a later story naming both follows it; one naming
    Norvale alone, on its fishing quotas, does not."""
    places = {"Norvale": "GPE", "Kestrel": "GPE"}
    said = "The team will lay the groundwork for emergency microchip talks next week"
    text = f"Norvale is sending a three-man trade team to Kestrel to halt sanctions.\n{said}, officials said."
    base = recognised("team-sent", date(1987, 4, 2), "NORVALE SENDS TEAM TO KESTREL", text, places)
    cue, start = text.index(" said") + 1, text.index(said)
    unnamed = text.index("officials")
    claim = base.model_copy(update={"statements": [Statement(
        id="s0", kind="indirect", source=Source(spans=[(unnamed, unnamed + 9)], text="officials", entity=None),
        cue=part(text, [(cue, cue + 4)]), content=part(text, [(start, start + len(said))]),
        said_on=date(1987, 4, 2), future=True,
    )]})
    later = recognised(
        "talks-groundwork", date(1987, 4, 7), "OFFICIAL TAKES DATA TO MICROCHIP TALKS",
        "A Norvale official left for Kestrel with data for the emergency microchip talks; a three-man "
        "team is already in Kestrel laying the groundwork for the talks.", places,
    )
    quotas = recognised(
        "quota-talks", date(1987, 4, 6), "NORVALE QUOTA TALKS",
        "A Norvale team will lay the groundwork for emergency fishing quota talks next week.", places,
    )
    fillers(store)
    stories = [claim, quotas, later]
    for story in stories if order == "as published" else stories[::-1]:
        store.add(story)
    [record] = store.claim_records(date(1987, 12, 1))
    assert [f.article_id for f in record.followups] == ["talks-groundwork"]
