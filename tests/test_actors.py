"""Actors (issue 21): one identity per person or organisation across articles, linked in memory
and in the store alike, curated by merge, split, rename and an authority file, kept through a
rebuild, exported with every article, and shown by the command line and the web pages.

The articles are hand-built ``Extraction``s, so that no spaCy model is needed."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_actor_totals import check_totals, linked_entities
from typer.testing import CliRunner

from saidwhat.actors import keys, link_extractions
from saidwhat.actors.linker import MemoryIndex, canonical_name, link_article, mentioned, vote
from saidwhat.cli import app
from saidwhat.model import Entity, Extraction, Source, Statement, part
from saidwhat.store import SpeakerRow, Store
from saidwhat.store.curation import read_authority
from saidwhat.web import create_app


@dataclass(frozen=True)
class Named:
    """An entity of an invented article: how it is written, its type and roles."""

    written: str
    type: str = "PERSON"
    roles: tuple[str, ...] = ()


def article(n: int, *named: Named, published: date | None = None) -> Extraction:
    """Article ``story-n`` in which each entity says one thing, in the order given."""
    sentences = [f"{who.written} said that plan {n}.{i} was sound." for i, who in enumerate(named)]
    text = " ".join(sentences)
    found, said, start = [], [], 0
    for i, (who, sentence) in enumerate(zip(named, sentences)):
        name = (start, start + len(who.written))
        cue = (name[1] + 1, name[1] + 5)
        content = (cue[1] + 1, start + len(sentence) - 1)
        found.append(Entity(id=f"e{i}", name=who.written, type=who.type, roles=list(who.roles), mentions=[name]))
        said.append(Statement(
            id=f"s{i}", kind="indirect", source=Source(spans=[name], text=who.written, entity=f"e{i}"),
            cue=part(text, [cue]), content=part(text, [content]),
        ))
        start += len(sentence) + 1
    return Extraction(id=f"story-{n}", text=text, published=published, entities=found, statements=said)


MINISTER = Named("Marta Kessler", roles=("Finance Minister",))
COACH = Named("Jonas Kessler", roles=("coach",))

# Each case: the entities of successive articles (one per article) and the name of the actor each
# must end up with; entities with the same expected name share one actor, the others do not.
CASES = {
    "short form first": ([Named("Kessler"), MINISTER], ["Marta Kessler", "Marta Kessler"]),
    "ambiguous surname": ([MINISTER, COACH, Named("Kessler")], ["Marta Kessler", "Jonas Kessler", "Kessler"]),
    "surname decided by a role": (
        [MINISTER, COACH, Named("Kessler", roles=("minister",))], ["Marta Kessler", "Jonas Kessler", "Marta Kessler"],
    ),
    "company suffixes": (
        [Named("Halvorsen Inc", "ORG"), Named("Halvorsen Corp", "ORG"), Named("Halvorsen", "ORG")],
        ["Halvorsen Corp"] * 3,
    ),
    "possessive short form after the full name": (
        [Named("Brantley's Ratings Service", "ORG"), Named("Brantley's", "ORG")], ["Brantley's Ratings Service"] * 2,
    ),
    "possessive short form before the full name": (
        [Named("Brantley's", "ORG"), Named("Brantley's Ratings Service", "ORG")], ["Brantley's Ratings Service"] * 2,
    ),
    "first word of a company's full name": (
        [Named("Talmac", "ORG"), Named("Talmac Oil and Gas Ltd", "ORG")], ["Talmac Oil and Gas Ltd"] * 2,
    ),
    "a part named after its whole": (  # the inspector general's office is not the agency
        [Named("NOVA", "ORG"), Named("NOVA's Office of the Inspector General", "ORG")],
        ["NOVA", "NOVA's Office of the Inspector General"],
    ),
    "a product does not name its maker": (  # one actor, named as the maker is
        [Named("Brennan", "ORG"), Named("Brennan", "ORG"), Named("Brennan Credit", "ORG")], ["Brennan"] * 3,
    ),
    "last word of one organisation": (
        [Named("British Treasury", "ORG"), Named("Treasury", "ORG")], ["British Treasury"] * 2,
    ),
    "last word of two organisations": (
        [Named("British Treasury", "ORG"), Named("French Treasury", "ORG"), Named("Treasury", "ORG")],
        ["British Treasury", "French Treasury", "Treasury"],
    ),
    "last word after a city": (  # the Kessport branch of a central bank is not the bank
        [Named("Kessport Reserve", "ORG"), Named("Reserve", "ORG")], ["Kessport Reserve", "Reserve"],
    ),
    "initials not written in capitals": (  # "Fen" is no acronym of Frontier Exploration Network
        [Named("Fen", "ORG"), Named("Frontier Exploration Network", "ORG")],
        ["Fen", "Frontier Exploration Network"],
    ),
    "a middle name, written or not": (
        [Named("Tomas Elling Brask"), Named("Tomas Brask"), Named("Ilse Varn"), Named("Ilse Maren Varn")],
        ["Tomas Elling Brask"] * 2 + ["Ilse Maren Varn"] * 2,
    ),
    "a generation after the surname": (
        [Named("Patrick W. Tarvell Jr."), Named("Tarvell"), Named("Patrick Tarvell Jr.")],
        ["Patrick W. Tarvell Jr."] * 3,  # the generation tells father and son apart, not the initial
    ),
    "a generation written after a middle initial": (
        [Named("Karl Tarvell Jr."), Named("Karl B. Tarvell Jr."), Named("Karl Tarvell")],
        ["Karl B. Tarvell Jr."] * 2 + ["Karl Tarvell"],
    ),
    "a nickname and the given name in full": (
        [Named("Jim Wrighton"), Named("James Wrighton"), Named("Robert Dalen"), Named("Bob Dalen")],
        ["James Wrighton"] * 2 + ["Robert Dalen"] * 2,  # the name in full is the longer
    ),
    "a nickname of two known names": (  # "Pat" is a Patricia or a Patrick
        [Named("Patricia Tarn"), Named("Patrick Tarn"), Named("Pat Tarn")],
        ["Patricia Tarn", "Patrick Tarn", "Pat Tarn"],
    ),
    "a name the nickname table links by no shared sound": (  # its "bill" also lists robert
        [Named("Robert Gatesby"), Named("Bill Gatesby"), Named("Ian Roachley"), Named("John Roachley")],
        ["Robert Gatesby", "Bill Gatesby", "Ian Roachley", "John Roachley"],
    ),
    "two given names that are no nicknames of each other": (
        [Named("James Orrin"), Named("John Orrin")], ["James Orrin", "John Orrin"],
    ),
    "a middle initial left out": (
        [Named("Harald Q. Senn"), Named("Harald Senn")], ["Harald Q. Senn"] * 2,
    ),
    "a first initial before the name a person goes by": (
        [Named("T. Orvo Lindahl"), Named("Orvo Lindahl")], ["T. Orvo Lindahl"] * 2,
    ),
    "two middle initials the short name could mean": (  # a son named for his father
        [Named("Harald Q. Senn"), Named("Harald T. Senn"), Named("Harald Senn")],
        ["Harald Q. Senn", "Harald T. Senn", "Harald Senn"],
    ),
    "two middle names the short name could mean": (
        [Named("Anna Lise Holm"), Named("Anna Britt Holm"), Named("Anna Holm")],
        ["Anna Lise Holm", "Anna Britt Holm", "Anna Holm"],
    ),
    "a second middle name after the short name met the first": (
        [Named("Anna Holm"), Named("Anna Lise Holm"), Named("Anna Holm"), Named("Anna Britt Holm")],
        ["Anna Lise Holm"] * 3 + ["Anna Britt Holm"],
    ),
    "an institution's nickname, before and after its name": (
        [Named("Fed", "ORG"), Named("Federal Reserve", "ORG"), Named("Fed", "ORG"), Named("Big Board", "ORG"),
         Named("Federal Reserve Board", "ORG")],
        ["Federal Reserve"] * 3 + ["New York Stock Exchange", "Federal Reserve"],
    ),
    "a city's branch is not the institution its nickname names": (
        [Named("New York Fed", "ORG"), Named("Fed", "ORG")], ["New York Fed", "Federal Reserve"],
    ),
    "a short name goes to the whole company, past the parts stored before it": (
        [Named("Tamura", "ORG"), Named("Tamura", "ORG"), Named("Tamura Motor Sales", "ORG"),
         Named("Tamura Motor Credit Corp", "ORG"), Named("Tamura Motor Corp", "ORG")],
        ["Tamura Motor Corp"] * 3 + ["Tamura Motor Credit Corp", "Tamura Motor Corp"],
    ),
    "a short name stays apart from a name that shares its first word and is no part of it": (
        [Named("Harwick", "ORG"), Named("Harwick", "ORG"), Named("Harwick Motor Sales", "ORG"),
         Named("Harwick Steel Co", "ORG"), Named("Harwick Motor Corp", "ORG")],
        ["Harwick"] * 3 + ["Harwick Steel Co", "Harwick Motor Corp"],
    ),
    "a bare name is the company whose name the others it begins extend": (
        [Named("Kelvar Motor Co", "ORG"), Named("Kelvar Motor Credit Co", "ORG"), Named("Kelvar Europe", "ORG"),
         Named("Kelvar Canada", "ORG"), Named("Kelvar Motor Co of Canada Ltd", "ORG"), Named("Kelvar", "ORG")],
        ["Kelvar Motor Co", "Kelvar Motor Credit Co", "Kelvar Europe", "Kelvar Canada",
         "Kelvar Motor Co of Canada Ltd", "Kelvar Motor Co"],
    ),
    "a bare name two companies begin, neither extending the other, or a plural noun, stays apart": (
        [Named("Brisco Steel Co", "ORG"), Named("Brisco Mining Corp", "ORG"), Named("Brisco", "ORG"),
         Named("Traders Credit Co", "ORG"), Named("Traders Credit Bank Ltd", "ORG"), Named("Traders", "ORG")],
        ["Brisco Steel Co", "Brisco Mining Corp", "Brisco", "Traders Credit Co", "Traders Credit Bank Ltd", "Traders"],
    ),
    "a company by the last word of its name, which is no English word": (
        [Named("Orlav Vesnik Co", "ORG"), Named("Vesnik", "ORG"), Named("Tarnova", "ORG"),
         Named("Ebbing Tarnova Inc", "ORG"), Named("Knox Timber Co", "ORG"), Named("Timber", "ORG")],
        ["Orlav Vesnik Co"] * 2 + ["Ebbing Tarnova Inc"] * 2 + ["Knox Timber Co", "Timber"],
    ),
    "a last word that begins other names, or two companies run together, is no company's own": (
        [Named("Halvor Land Co", "ORG"), Named("Halvor Bank", "ORG"), Named("Halvor", "ORG"),
         Named("Brandholm Halvor Ltd", "ORG"), Named("Quessel", "ORG"), Named("Dravo Inc and Quessel Ltd", "ORG")],
        ["Halvor Land Co", "Halvor Bank", "Halvor", "Brandholm Halvor Ltd", "Quessel", "Dravo Inc and Quessel Ltd"],
    ),
    "acronym of one organisation": (
        [Named("Kestrel Aviation Systems", "ORG"), Named("KAS", "ORG")], ["Kestrel Aviation Systems"] * 2,
    ),
    "acronym of two organisations": (
        [Named("Kestrel Aviation Systems", "ORG"), Named("Korvan Air Services", "ORG"), Named("KAS", "ORG")],
        ["Kestrel Aviation Systems", "Korvan Air Services", "KAS"],
    ),
    "acronym of a name written the other way round": (  # "USDA": U.S. Department of Agriculture
        [Named("U.S. Fisheries Department", "ORG"), Named("USDF", "ORG")], ["U.S. Fisheries Department"] * 2,
    ),
    "acronym before the name written the other way round": (
        [Named("USDF", "ORG"), Named("U.S. Fisheries Department", "ORG")], ["U.S. Fisheries Department"] * 2,
    ),
    "acronym spelled with and": (  # Reuters writes S&P "S and P"
        [Named("Hartley and Finch Corp", "ORG"), Named("H and F", "ORG")], ["Hartley and Finch Corp"] * 2,
    ),
    "acronym spelled with and, before the name": (
        [Named("H and F", "ORG"), Named("Hartley and Finch Corp", "ORG")], ["Hartley and Finch Corp"] * 2,
    ),
    "a department's name either way round": (
        [Named("U.S. Fisheries Department", "ORG"), Named("U.S. Department of Fisheries", "ORG"),
         Named("Ministry of Mines", "ORG"), Named("Mines Ministry", "ORG")],
        ["U.S. Department of Fisheries"] * 2 + ["Ministry of Mines"] * 2,
    ),
    "abbreviated place": ([Named("United States", "GPE"), Named("U.S.", "GPE")], ["United States"] * 2),
    "abbreviated place first": ([Named("U.S.", "GPE"), Named("United States", "GPE")], ["United States"] * 2),
    "a place's initials are not an organisation's": (
        [Named("Upland Steel", "ORG"), Named("US", "GPE")], ["Upland Steel", "US"],
    ),
    "a place is no acronym of another place's words": (  # only capitals stand for initials
        [Named("New Kestria", "GPE"), Named("Nk", "GPE")], ["New Kestria", "Nk"],
    ),
    "line-broken name": ([Named("Oskar\nVennberg"), Named("Oskar Vennberg")], ["Oskar Vennberg"] * 2),
    "a company's name is no person's": (  # "Saxon Co" beside "Saxon", a short form of Bill Saxon
        [Named("Bill Saxon"), Named("Saxon"), Named("Saxon Co", "ORG")], ["Bill Saxon", "Bill Saxon", "Saxon Co"],
    ),
    "one body spelt the British and the American way": (
        [Named("International Jute Organisation", "ORG"), Named("International Jute Organization", "ORG"),
         Named("Council for Economic Co-operation", "ORG"), Named("Council for Economic Cooperation", "ORG")],
        ["International Jute Organisation"] * 2 + ["Council for Economic Co-operation"] * 2,
    ),
    "a company's trade in the plural or not": (
        [Named("Ostrava Motors Co", "ORG"), Named("Ostrava Motor Company", "ORG")], ["Ostrava Motor Company"] * 2,
    ),
    "a trade that begins a name keeps its number": (
        [Named("Chemical Bank", "ORG"), Named("Chemicals", "ORG")], ["Chemical Bank", "Chemicals"],
    ),
    "an acronym the article calls another kind of organisation": (  # "The pilots' association, VPA,"
        [Named("Valmora Port Authority", "ORG"), Named("VPA", "ORG", ("The pilots' association",))],
        ["Valmora Port Authority", "VPA"],
    ),
}


def articles_of(case: str) -> list[Extraction]:
    return [article(n, who) for n, who in enumerate(CASES[case][0])]


def check_grouping(found: list[tuple[str, str]], expected: list[str]) -> None:
    """``found`` holds (actor id, actor name) per article: names as expected, and one actor per name."""
    assert [name for _, name in found] == expected
    by_name = {name: {actor for actor, n in found if n == name} for name in expected}
    assert all(len(ids) == 1 for ids in by_name.values()), by_name
    assert len({actor for actor, _ in found}) == len(by_name)


@pytest.mark.parametrize("case", CASES)
def test_linking_in_memory(case: str) -> None:
    index = MemoryIndex()
    linked = [link_article(index, x)["e0"] for x in articles_of(case)]
    check_grouping([(index.resolve(a), index.name(a)) for a in linked], CASES[case][1])
    assert link_extractions(articles_of(case)) == {
        (f"story-{n}", "e0"): index.resolve(a) for n, a in enumerate(linked)
    }


@pytest.mark.parametrize("case", CASES)
def test_linking_in_the_store(store: Store, case: str) -> None:
    for x in articles_of(case):
        assert store.add(x) == "new"
    found = []
    for x in articles_of(case):
        actor = store.actor_ids(x.id)["e0"]
        detail = store.actor(actor)
        assert detail is not None
        found.append((actor, detail.actor.name))
    check_grouping(found, CASES[case][1])


def test_a_full_name_keeps_the_id_of_its_short_form(store: Store) -> None:
    first, second = articles_of("short form first")
    store.add(first)
    short = store.actor_ids(first.id)["e0"]
    store.add(second)
    assert store.actor_ids(first.id)["e0"] == store.actor_ids(second.id)["e0"] == short
    detail = store.actor(short)
    assert detail is not None
    assert (detail.actor.name, detail.actor.statements, detail.actor.articles) == ("Marta Kessler", 2, 2)
    assert dict(detail.aliases) == {"Kessler": 1, "Marta Kessler": 1}
    assert detail.roles == [("Finance Minister", 1)]


# Curation, kept through a rebuild.


@pytest.fixture
def curated(store: Store) -> Store:
    """Kessler (linked to Marta Kessler by rule), Petra Alm and Petra Alm-Lind (apart by rule), and a
    bystander, over four articles."""
    for n, who in enumerate([MINISTER, Named("Kessler"), Named("Petra Alm"), Named("Petra Alm-Lind")]):
        store.add(article(n, who, Named("Ivo Lask", roles=("Harbour master",)), published=date(2024, 1, 1 + n)))
    return store


def actor_of(store: Store, n: int, local: str = "e0") -> str:
    return store.actor_ids(f"story-{n}")[local]


def test_merge_split_and_rename_survive_a_rebuild(curated: Store) -> None:
    kessler, petra, p_alm = (actor_of(curated, n) for n in (0, 2, 3))
    lask = actor_of(curated, 0, "e1")
    assert kessler == actor_of(curated, 1) and len({kessler, petra, p_alm, lask}) == 4
    curated.merge_actors(petra, [p_alm])
    split = curated.split_actor(kessler, "Kessler")
    curated.rename_actor(kessler, "Marta Kessler-Ruud")

    def state() -> dict[str, tuple[str, int, int]]:
        return {a: (d.actor.name, d.actor.statements, d.actor.articles)
                for a in (kessler, split, petra, lask) if (d := curated.actor(a)) is not None}

    expected = {
        kessler: ("Marta Kessler-Ruud", 1, 1), split: ("Kessler", 1, 1), petra: ("Petra Alm-Lind", 2, 2),
        lask: ("Ivo Lask", 4, 4),
    }
    assert state() == expected
    assert curated.actor(p_alm) is None
    assert [actor_of(curated, n) for n in range(4)] == [kessler, split, petra, petra]
    links = linked_entities(curated)
    assert curated.rebuild_actors() == 4
    assert state() == expected
    assert linked_entities(curated) == links
    check_totals(curated)


def test_a_rebuild_changes_no_count(curated: Store) -> None:
    before = [curated.actor(actor_of(curated, n, local)) for n in range(4) for local in ("e0", "e1")]
    curated.rebuild_actors()
    assert [curated.actor(actor_of(curated, n, local)) for n in range(4) for local in ("e0", "e1")] == before


def test_curating_an_unknown_actor_is_an_error(curated: Store) -> None:
    from saidwhat.store.curation import CurationError

    with pytest.raises(CurationError, match="no actor 'a999'"):
        curated.merge_actors(actor_of(curated, 0), ["a999"])
    with pytest.raises(CurationError, match="has no mention named 'Nobody'"):
        curated.split_actor(actor_of(curated, 0), "Nobody")
    with pytest.raises(CurationError, match="no actor 'a999'"):
        curated.rename_actor("a999", "Anyone")


AUTHORITY = (
    "id,name,type,aliases,wikidata\n"
    "nw-0001,Lindqvist Shipping Group,ORG,Lindqvist Shipping;LSG,Q99000001\n"
)


def test_an_authority_file_pins_its_actors(store: Store, tmp_path: Path) -> None:
    shipping, acronym = Named("Lindqvist Shipping", "ORG"), Named("LSG", "ORG")
    store.add(article(1, shipping, published=date(2024, 2, 1)))
    store.add(article(2, acronym, published=date(2024, 3, 1)))
    before = [actor_of(store, 1), actor_of(store, 2)]
    assert before[0] != before[1]
    path = tmp_path / "authority.csv"
    path.write_text(AUTHORITY, encoding="utf-8")
    store.seed_actors(read_authority(path))
    assert [store.actor(a) for a in before] == [None, None]
    store.add(article(3, Named("Lindqvist Shipping Group", "ORG"), acronym, published=date(2024, 4, 1)))
    pinned = SpeakerRow(
        "nw-0001", "Lindqvist Shipping Group", "ORG", 4, 3, date(2024, 2, 1), date(2024, 4, 1), "Q99000001"
    )
    assert [actor_of(store, n) for n in (1, 2, 3)] == ["nw-0001"] * 3 and actor_of(store, 3, "e1") == "nw-0001"
    detail = store.actor("nw-0001")
    assert detail is not None and detail.actor == pinned
    assert store.rebuild_actors() == 1
    assert store.speakers() == [pinned]


def test_export_is_the_extract_contract_with_actors(curated: Store) -> None:
    curated.add(article(9, Named("Tarno", "GPE"), Named("Critics", "NORP")))
    exported = list(curated.export())
    assert [r["id"] for r in exported] == [f"story-{n}" for n in (0, 1, 2, 3, 9)]
    linked = {}
    for record in exported:
        ids = curated.actor_ids(record["id"])
        for entity in record["entities"]:
            actor, name = entity.pop("actor"), entity.pop("actor_name")
            linked[(record["id"], entity["name"])] = actor
            assert actor == ids.get(entity["id"])
            detail = curated.actor(actor) if actor else None
            assert name == (detail.actor.name if detail else None)
        stored = curated.get(record["id"])
        assert stored is not None
        assert json.loads(json.dumps(record)) == stored.to_json_dict()
    assert linked[("story-9", "Tarno")] is not None and linked[("story-9", "Critics")] is None
    assert linked[("story-0", "Marta Kessler")] == linked[("story-1", "Kessler")]


# The command line and the web pages.


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--db", str(db)], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        for n, who in enumerate([MINISTER, Named("Kessler"), Named("Petra Alm"), Named("Petra Alm-Lind")]):
            store.add(article(n, who, published=date(2024, 1, 1 + n)))
    return path


def listed(db: Path, *args: str) -> list[dict]:
    code, stdout, _ = run(db, "actors", "list", *args, "--format", "json")
    assert code == 0
    return json.loads(stdout)


def test_actors_on_the_command_line(db: Path, tmp_path: Path) -> None:
    assert [(r["id"], r["name"], r["statements"]) for r in listed(db)] == [
        ("a1", "Marta Kessler", 2), ("a2", "Petra Alm", 1), ("a3", "Petra Alm-Lind", 1)
    ]
    assert [r["id"] for r in listed(db, "alm")] == ["a2", "a3"]
    code, stdout, _ = run(db, "actors", "show", "a1")
    assert code == 0
    assert stdout.splitlines()[:4] == [
        "a1  Marta Kessler  (PERSON)",
        "2 statements in 2 articles, 2024-01-01 to 2024-01-02",
        "aliases: Kessler (1); Marta Kessler (1)",
        "roles: Finance Minister (1)",
    ]
    assert run(db, "actors", "merge", "a2", "a3") == (0, "", "merged a3 into a2\n")
    code, stdout, _ = run(db, "actors", "split", "a1", "Kessler")
    assert code == 0
    split = stdout.strip()
    assert run(db, "actors", "rename", "a2", "Petra Alm-Berg")[0] == 0
    assert run(db, "actors", "rebuild") == (0, "", f"3 actors in {db}\n")
    assert [(r["id"], r["name"], r["statements"]) for r in listed(db)] == [
        ("a2", "Petra Alm-Berg", 2), (split, "Kessler", 1), ("a1", "Marta Kessler", 1)
    ]
    authority = tmp_path / "authority.csv"
    authority.write_text(
        "id,name,type,aliases,wikidata\nnw-7,Petra Alm,PERSON,Petra Alm-Lind,Q99000007\n", encoding="utf-8"
    )
    assert run(db, "actors", "load", str(authority)) == (0, "", f"1 authority rows loaded into {db}\n")
    assert [(r["id"], r["wikidata"]) for r in listed(db, "Petra")] == [("nw-7", "Q99000007")]
    out = tmp_path / "export.jsonl"
    assert run(db, "export", "--out", str(out)) == (0, "", "")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["entities"][0]["actor"]) for r in lines] == [
        ("story-0", "a1"), ("story-1", split), ("story-2", "nw-7"), ("story-3", "nw-7")
    ]


@pytest.mark.parametrize(("args", "status", "message"), [
    (("show", "a99"), 1, "no actor 'a99' in "),  # nothing to show, as for an unknown article
    (("merge", "a1", "a99"), 2, "no actor 'a99'"),  # a CurationError: the command cannot do its work
    (("merge", "a99", "a1"), 2, "no actor 'a99'"),
    (("split", "a99", "Kessler"), 2, "no actor 'a99'"),
    (("split", "a1", "Nobody"), 2, "actor 'a1' has no mention named 'Nobody'"),
    (("rename", "a99", "Anyone"), 2, "no actor 'a99'"),
])
def test_a_bad_actor_id_is_a_one_line_error(db: Path, args: tuple[str, ...], status: int, message: str) -> None:
    code, stdout, stderr = run(db, "actors", *args)
    assert (code, stdout) == (status, "")
    assert stderr.startswith(f"saidwhat: {message}") and stderr.count("\n") == 1, stderr


def words_in(html: str, css_class: str) -> str:
    """The text of the page's ``<dd>`` of this class, without its tags."""
    found = re.search(f'<dd class="{css_class}">(.*?)</dd>', html, re.S)
    assert found is not None, css_class
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_the_speaker_pages_address_actors_by_id(db: Path) -> None:
    client = TestClient(create_app(str(db)))
    page = client.get("/speakers/a1")
    assert page.status_code == 200
    assert '<h1 class="speaker-name">Marta Kessler</h1>' in page.text
    assert words_in(page.text, "aliases") == "Kessler (1); Marta Kessler (1)"
    assert words_in(page.text, "roles") == "Finance Minister (1)"
    moved = client.get("/speakers/Marta%20Kessler", follow_redirects=False)
    assert (moved.status_code, moved.headers["location"]) == (301, "/speakers/a1")
    assert client.get("/speakers/a99").status_code == 404
    assert client.get("/speakers/Nobody%20At%20All").status_code == 404
    got = client.get("/api/speakers/a1").json()
    assert got["actor"] == {"id": "a1", "name": "Marta Kessler", "type": "PERSON", "statements": 2, "articles": 2,
                            "first": "2024-01-01", "last": "2024-01-02", "wikidata": None}
    assert got["aliases"] == [["Kessler", 1], ["Marta Kessler", 1]]
    assert got["roles"] == [["Finance Minister", 1]]
    assert [(s["article_id"], s["actor"]) for s in got["statements"]] == [("story-0", "a1"), ("story-1", "a1")]
    assert client.get("/api/speakers/a99").status_code == 404


def test_a_post_written_as_a_name_ties_no_one_to_its_holder() -> None:
    """ "West German Finance Minister Gerhard Stoltenberg" and, a year on, "West German Finance
    Minister Hans Eichel": the capitalised post is a description, not a short form of either."""
    post = "West German Finance Minister"

    def story(n: int, person: str) -> Extraction:
        text = f"{post} {person} said the mark was stable. The {post} later left."
        at = text.index(person)
        later = text.rindex(post)
        holder = Entity(id="e1", name=person, type="PERSON", roles=[post],
                        mentions=[(at, at + len(person)), (later, later + len(post))])
        return Extraction(id=f"post-{n}", text=text, entities=[holder])

    linked = link_extractions([story(1, "Gerhard Stoltenberg"), story(2, "Hans Eichel")])
    assert linked[("post-1", "e1")] != linked[("post-2", "e1")]
    index = MemoryIndex()
    people = ((1, "Gerhard Stoltenberg"), (2, "Hans Eichel"))
    actors = [link_article(index, story(n, person))["e1"] for n, person in people]
    assert [index.name(a) for a in actors] == ["Gerhard Stoltenberg", "Hans Eichel"]


def test_a_stray_long_form_gives_way_to_the_name_written_ten_times_as_often(store: Store) -> None:
    """The name is voted again whenever an actor is counted under another alias, so the store
    names an actor as linking in memory does, not by whichever form came first."""
    written = [Named("Norvale Harbour Authoritty", "ORG")] + [Named("Norvale", "ORG")] * 11
    stories = [article(n, who, published=date(2024, 1, 1 + n)) for n, who in enumerate(written)]
    for story in stories:
        store.add(story)
    detail = store.actor(actor_of(store, 0))
    assert detail is not None and actor_of(store, 11) == detail.actor.id
    assert detail.actor.name == "Norvale"
    assert link_extractions(stories)[("story-11", "e0")] == link_extractions(stories)[("story-0", "e0")]


def test_a_rebuild_revives_an_id_for_a_name_of_the_same_type_only() -> None:
    from saidwhat.store.actors import Dormant

    dormant = Dormant({("wilson", "PERSON"): 209})
    assert dormant.revive("Wilson", "ORG") is None  # "Wilson" the company is not Michael Wilson
    assert dormant.revive("Wilson", "PERSON") == 209
    assert dormant.revive("Wilson", "PERSON") is None  # revived once


def test_an_acronym_written_beside_two_spellings_of_a_name_joins_them() -> None:
    """ "KADS" beside "Kestrel Aero Defence & Space NV" in one story and beside "Kestrel Aero
    Defense & Space Company" in another: one organisation, as a surname alone would not be."""
    stories = []
    for n, name in enumerate(["Kestrel Aero Defence & Space NV", "Kestrel Aero Defense & Space Company"]):
        text = f"{name} (KADS) said orders rose. KADS said so."
        mentions = [(0, len(name)), (len(name) + 2, len(name) + 6), (text.rindex("KADS"), text.rindex("KADS") + 4)]
        stories.append(Extraction(
            id=f"story-{n}", text=text, entities=[Entity(id="e0", name=name, type="ORG", mentions=mentions)]
        ))
    linked = link_extractions(stories)
    assert linked[("story-0", "e0")] == linked[("story-1", "e0")]


@pytest.mark.parametrize(("aliases", "type_", "name"), [
    ({"Taylor": 5, "Taylor Swift": 3}, "PERSON", "Taylor Swift"),  # a person's full name
    ({"Numac": 2, "Numac Oil and Gas Ltd": 1}, "ORG", "Numac Oil and Gas Ltd"),  # a company's
    ({"Apple": 5, "Apple Watch Series": 1}, "ORG", "Apple"),  # a product is not its maker's name
    ({"Halden": 486, "Ronan Halden": 23}, "PERSON", "Ronan Halden"),  # the surname far more often
    ({"Halden": 486, "Ronan Halden": 5}, "PERSON", "Halden"),  # a stray full name
    ({"Halden": 14, "Energy Halden": 1}, "PERSON", "Halden"),  # written once: a stray title
    ({"Halden": 486, "Ronan Halden": 23, "Dag Halden": 14}, "PERSON", "Halden"),  # two people
    ({"U.S.": 900, "U.S. Group": 30}, "ORG", "U.S."),
])
def test_an_actor_is_named_by_its_fullest_form_only(aliases, type_, name) -> None:
    assert canonical_name(Counter(aliases), type_) == name


@pytest.mark.parametrize(("aliases", "voted"), [
    ({"Ardle": "PERSON", "Ardle Meter Inc": "ORG"}, "ORG"),  # a company's full name settles a tie
    ({"Ardle": "PERSON", "Ardle Meter": "ORG"}, "PERSON"),  # else a tie goes to a person
    ({"Ardle": "PERSON", "Ardle Meter Inc": "ORG", "Mr Ardle": "PERSON"}, "PERSON"),  # no tie
])
def test_an_actors_type_is_voted_by_its_names(aliases: dict[str, str], voted: str) -> None:
    types = Counter(aliases.values())
    assert vote(types, Counter(aliases)) == voted


def story(n: int, text: str, *named: tuple[str, str]) -> Extraction:
    """Article ``body-n``: each named entity at every place its name is written."""
    found = [
        Entity(id=f"e{i}", name=name, type=kind, mentions=[m.span() for m in re.finditer(re.escape(name), text)])
        for i, (name, kind) in enumerate(named)
    ]
    return Extraction(id=f"body-{n}", text=text, entities=found)


def test_a_ministry_named_without_its_country_is_the_one_of_the_country_named_before_it_or_in_the_story():
    stories = [
        story(0, "The Swiss National Bank kept rates.", ("Swiss National Bank", "ORG")),
        story(1, "Japan's Finance Ministry said rates will fall.", ("Japan", "GPE"), ("Finance Ministry", "ORG")),
        story(2, "The Finance Ministry said Brazil will cut its deficit. Brazil's exports rose, Brazil's imports fell.",
              ("Finance Ministry", "ORG"), ("Brazil", "GPE")),
        story(3, "The Finance Ministry said exports rose in Japan.", ("Finance Ministry", "ORG"), ("Japan", "GPE")),
        story(4, "The Finance Ministry said prices rose.", ("Finance Ministry", "ORG")),
        # the wire names U.S. departments so in any story: a department takes only a country written before it
        story(5, "The Commerce Department said Japan's exports rose. Japan's imports fell.",
              ("Commerce Department", "ORG"), ("Japan", "GPE")),
        story(6, "Switzerland's economy grew, the National Bank said.",
              ("Switzerland", "GPE"), ("National Bank", "ORG")),
    ]
    index = MemoryIndex()
    linked = [link_article(index, x) for x in stories]
    orgs = [index.resolve(ids[e.id]) for x, ids in zip(stories, linked) for e in x.entities if e.type == "ORG"]
    name = [index.name(actor) for actor in orgs]
    assert name == ["Swiss National Bank", "Japanese Finance Ministry", "Brazilian Finance Ministry",
                    "Japanese Finance Ministry", "Finance Ministry", "Commerce Department", "Swiss National Bank"]
    assert orgs[1] == orgs[3] and len(set(orgs[1:5])) == 3 and orgs[0] == orgs[6]


@pytest.mark.parametrize(("title", "name"), [
    ("JAPAN FEBRUARY RESERVES RISE", "Japanese Finance Ministry"),  # its headline's one country
    ("TRADE TALKS OPEN IN TOKYO", "Finance Ministry"),  # none
    ("JAPAN, U.S. OPEN TRADE TALKS", "Finance Ministry"),  # two
    ("U.S. BANKS WIN TOKYO SEATS", "Finance Ministry"),  # one the story names less than another
])
def test_a_ministry_in_a_story_of_several_countries_is_its_headlines(title: str, name: str) -> None:
    """A wire story on one country quotes others' officials too: when no country has two thirds of
    the story's, the Finance Ministry is that of the one country its headline names, if the story
    names none more."""
    text = ("The Finance Ministry said Japan's reserves rose. Japan's exports rose, U.S. officials said. "
            "Bonn and Paris welcomed it, and so did the U.S. and Japan.")
    x = story(0, text, ("Finance Ministry", "ORG"), ("Japan", "GPE"), ("U.S.", "GPE"), ("Bonn", "GPE"))
    index = MemoryIndex()
    linked = link_article(index, x.model_copy(update={"title": title}))
    assert index.name(index.resolve(linked["e0"])) == name


def test_a_rebuild_reads_the_headline_too(store: Store) -> None:
    text = "The Finance Ministry said Japan's reserves rose, and U.S. and French officials welcomed it."
    x = story(0, text, ("Finance Ministry", "ORG"), ("Japan", "GPE"), ("U.S.", "GPE"), ("French", "NORP"))
    store.add(x.model_copy(update={"title": "JAPAN FEBRUARY RESERVES RISE"}))
    store.rebuild_actors()
    detail = store.actor(store.actor_ids(x.id)["e0"])
    assert detail is not None and detail.actor.name == "Japanese Finance Ministry"


def test_a_contraction_of_a_one_word_name_is_one_of_its_forms_and_dotted_initials_are_not():
    text = "Brannwerk AG said it will cut jobs. BW said so. Freeman-Owings Inc rose. F.A. fell."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Brannwerk AG", "BW", "Freeman-Owings Inc", "F.A.")]
    x = Extraction(id="s", text=text, entities=[
        Entity(id="e0", name="Brannwerk AG", type="ORG", mentions=spans[:2]),
        Entity(id="e1", name="Freeman-Owings Inc", type="ORG", mentions=spans[2:]),
    ])
    forms = {m.name: m.forms for m in mentioned(x).values()}
    assert forms == {"Brannwerk AG": ("Brannwerk AG", "BW"), "Freeman-Owings Inc": ("Freeman-Owings Inc",)}


def test_a_legal_form_is_keyed_with_its_stop_or_without() -> None:
    """ "Ostrava Inc." closing a sentence is the Ostrava Inc named elsewhere: the exact-name key,
    which settles a short core shared by several actors, must not tell them apart."""
    assert keys("Ostrava Motor Co.", "ORG") == keys("Ostrava Motor Co", "ORG")
    assert keys("Ostrava Inc.", "ORG")[0] == ("name", "ostrava inc")
