"""Claims in the store, each followed through the later stories that report on it.

Each article is followed in the transaction that stores it, in three steps, each a handful of
indexed queries (their postings still grow with the store: see the README for the measured cost):

1. its words are counted (``term_counts``), their counts coming back with the same statement
   (``words.Rarity``), so that every word's rarity is known;
2. its forward-looking statements become claims, or sources of a claim already stored when a
   duplicate or rewritten story said the same (same speaker, nearly the same words, within days);
3. it is compared both ways: with the earlier claims that share at least two of their rarest
   words with its uncommon words (the ``claim_terms`` index) and with the later stories, already
   stored, that hold two of its new claims' rarest words (found through the database's full-text
   index, best BM25 first); one word of the claim's that is very rare in the store (a company's
   name) is enough. A pair is a follow-up when the story names the claim's matter (every actor
   the claim's own words name, or one of its actors when they name none: by the actor, or by
   every word of a longer name) or its headline holds ``HEADLINE`` of the claim's headline words,
   names the countries the claim names by a nationality (``saidwhat.claims.nations``), holds
   ``SHARED_WORDS`` of the claim's words and scores at least ``THRESHOLD`` by BM25
   (``saidwhat.claims.matching``); its best sentence is the evidence and gives the relation, which
   must be a delay or a cancellation when the story came out ``SETTLED`` after the claim was due.

Everything a step reads is as it stood when the article was stored, so ``rebuild`` replays the
articles in the order they were stored and gives the same claims and follow-ups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, case, delete, func, insert, or_, select, update

from ..claims.matching import Evidence, best_sentence, story_score
from ..claims.nations import names_country, nations
from ..claims.relations import may_tell_late, relation
from ..claims.terms import WORD, counted_terms, sentences, terms
from ..model import Entity, Extraction, Relation, Statement
from .schema import (
    article_stories,
    articles,
    claim_sources,
    claim_terms,
    claims,
    entities,
    followups,
    statements,
    term_counts,
)
from .stories import named_actors, thread
from .words import Rarity, count_words, rarest, search_articles, stored_between

THRESHOLD = 0.45
"""The BM25 score, over the claim's word weight, that a later story must reach to report on it."""
SHARED_WORDS = 3
"""How many of the claim's words (all of them, for a shorter claim) a story must hold."""
SHARED = 2
"""Of a claim's rarest words (``words.RAREST``, as rare when it was stored), how many a story must
hold to be compared with it."""
WINDOW = timedelta(days=366)
"""How long after a claim was made a story can still report on it."""
SETTLED = timedelta(days=30)
"""How long after its due date a story can still report on a dated claim as anything but put off or
called off: whether it happened is news around that date, and a story months later is about what
came after ("Texaco asks the Supreme Court to review" in October is not the April hearing), while
"the berth opened two months behind schedule" still tells of the claim ..."""
PROMPT = timedelta(days=5)
"""... or twice as long as the claim looked ahead, if that is shorter, but at least this: a tender
"today" or a meeting "tomorrow" is reported within days, and a story a week later is about the
next week's tender (on the whole Reuters store this took 832 of the 7,030 dated follow-ups off:
of 20 read, 19 told of another day's forecast, tender or meeting)."""
SECOND_PERSON = frozenset({"you", "your", "yourself", "yourselves"})
LATE_RELATIONS = frozenset({"delayed", "cancelled"})
DUPLICATE = 0.6
"""The overlap of content words (Jaccard) at which two statements are one claim ..."""
DUPLICATE_DAYS = timedelta(days=3)
"""... when said this close together, by the same speaker."""
HEADLINE = 0.3
"""The share of the weight of the claim's headline words that a story's headline must hold, the
rarest of them included, to follow the claim without naming one of its actors (the entity
recogniser missed it: "EIB 300 MLN GUILDER BULLET BOND PRICED AT PAR" for the European Investment
Bank's planned bond)."""
CANDIDATES = 50
"""The most later stories, best BM25 first, that a new claim is compared with (on the whole Reuters
corpus, 200 add 73 follow-ups to 30,675, none of them in the development set; each is a story
whose words are counted, and on a corpus stored out of order there are many)."""


# The statements run for every article or claim are built once: building one costs more than
# running it.
_STATEMENTS_OF = select(statements.c.pk, statements.c.future, statements.c.content_spans).where(
    statements.c.article_pk == bindparam("pk")
)
_STORED_STATEMENTS = select(statements.c.pk, statements.c.local_id, statements.c.source_entity_pk).where(
    statements.c.article_pk == bindparam("pk")
)
_STORED_ENTITIES = select(entities.c.local_id, entities.c.pk).where(entities.c.article_pk == bindparam("pk"))
_ADD_CLAIM, _ADD_SOURCE, _ADD_TERMS, _ADD_FOLLOWUP = (
    insert(claims), insert(claim_sources), insert(claim_terms), insert(followups)
)
_ACTOR = select(entities.c.actor_pk).where(entities.c.pk == bindparam("pk"))
_SPEAKER_ACTOR = (
    select(entities.c.actor_pk)
    .select_from(statements.outerjoin(entities, statements.c.source_entity_pk == entities.c.pk))
    .where(statements.c.pk == bindparam("pk"))
)
_ACTOR_MAP = select(entities.c.pk, entities.c.actor_pk, entities.c.name).where(
    entities.c.pk.in_(bindparam("pks", expanding=True))
)
_QUERIES = (
    select(claims.c.pk, claims.c.terms, claims.c.nations)
    .where(claims.c.pk.in_(bindparam("pks", expanding=True)))
    .order_by(claims.c.pk)
)
_REPORTED = (
    update(claims)
    .where(claims.c.pk == bindparam("claim"), or_(claims.c.reported.is_(None), claims.c.reported <= bindparam("on")))
    .values(relation=bindparam("found"), reported=bindparam("on"))
)


def _duplicates_query(dated: bool) -> Any:
    """The stored claims that hold at least ``least`` of the ``rare`` words (said from ``first`` to
    ``last`` if ``dated``: a range of each word's postings, by the claims' keys)."""
    sharing = select(claim_terms.c.claim_pk).where(claim_terms.c.term.in_(bindparam("rare", expanding=True)))
    query = select(claims.c.pk, claims.c.terms)
    if dated:
        within = claims.c.said_on.between(bindparam("first"), bindparam("last"))
        sharing = sharing.where(claim_terms.c.claim_pk >= select(func.min(claims.c.pk)).where(within).scalar_subquery())
        query = query.where(within)
    sharing = sharing.group_by(claim_terms.c.claim_pk).having(func.count() >= bindparam("least"))
    return query.where(claims.c.pk.in_(sharing))


_DUPLICATES = {dated: _duplicates_query(dated) for dated in (True, False)}
_SHARING = (  # SHARED of a claim's rarest words among the ``words``, or one of the ``very_rare``
    select(claim_terms.c.claim_pk).where(claim_terms.c.term.in_(bindparam("words", expanding=True)))
    .group_by(claim_terms.c.claim_pk)
    .having(func.sum(case((claim_terms.c.term.in_(bindparam("very_rare", expanding=True)), SHARED), else_=1)) >= SHARED)
)
_EARLIER = (  # the claims said in the window before a story, not already sourced in it
    select(
        claims.c.pk, claims.c.entities, claims.c.matter, claims.c.said_on, claims.c.due, claims.c.relation,
        articles.c.title,
    )
    .join(statements, statements.c.pk == claims.c.pk)  # a claim's key is its first statement's
    .join(articles, articles.c.pk == statements.c.article_pk)
    .where(
        claims.c.pk.in_(_SHARING),
        claims.c.said_on <= bindparam("published"),
        claims.c.said_on >= bindparam("since"),
        claims.c.pk.not_in(
            select(claim_sources.c.claim_pk).join(statements, statements.c.pk == claim_sources.c.statement_pk)
            .where(statements.c.article_pk == bindparam("article"))
        ),
    )
)


@dataclass
class NewClaim:
    pk: int
    said_on: date | None
    due: date | None
    weights: dict[str, float]
    entities: list[int]
    matter: list[int]
    nations: list[str]
    article_pk: int
    headline: str


@dataclass(frozen=True)
class _Sought:
    """A claim as a story is compared with it: its key, words (with their weights), the countries it
    names by a nationality, when it was made and due, and whether the latest story on it told it put
    off (see ``_late``)."""

    pk: int
    query: dict[str, float]
    countries: list[str]
    said_on: date | None
    due: date | None
    put_off: bool = False


class _Story:
    """A story compared with claims: its headline and words, and what recording a follow-up in it
    reads (its statements), read once however many claims it reports on."""

    def __init__(
        self, conn: Connection, pk: int, headline: str | None, body: str, counts: Counter[str], published: date | None,
        newest: bool = False,
    ) -> None:
        self._conn, self.pk, self.headline, self.body, self.counts = conn, pk, headline or "", body, counts
        self.published = published
        self.length = sum(counts.values())
        self.newest = newest  # the article being stored: the latest of its day

    @cached_property
    def statements(self) -> Sequence[Any]:
        return self._conn.execute(_STATEMENTS_OF, {"pk": self.pk}).all()


def follow(conn: Connection, article_pk: int, extraction: Extraction) -> None:
    """Count the words of an article just stored, gather its claims, and link its follow-ups."""
    counts = Counter(terms(extraction.text))
    rarity = count_words(conn, counts)
    thread(conn, article_pk, extraction, rarity)
    new = _gather(conn, article_pk, extraction, rarity)
    published = extraction.published
    if published is not None:
        _follow_earlier(conn, article_pk, extraction, published, counts, rarity)
    windows: dict[date, int | None] = {}  # an article's claims are mostly said the same day
    for claim in new:
        _follow_later(conn, claim, rarity, windows)


def _to_the_reader(statement: Statement) -> bool:
    """A statement whose source is "you" and no one named: advice to the reader ("you should aim to
    have 25 times your expenses saved"), or someone a quotation addresses, is no one's claim."""
    source = statement.source
    return source is not None and source.entity is None and source.text.lower() in SECOND_PERSON


def _gather(conn: Connection, article_pk: int, extraction: Extraction, rarity: Rarity) -> list[NewClaim]:
    """Make a claim of each forward-looking statement, or a source of a claim it repeats."""
    # a "future" due before the day it was said is a misread past ("the start of the 1985 year")
    said = [
        s for s in extraction.statements
        if s.future and not (s.due and s.said_on and s.due < s.said_on) and not _to_the_reader(s)
    ]
    if not said:
        return []
    rows = conn.execute(_STORED_STATEMENTS, {"pk": article_pk}).all()
    pk_of = {row.local_id: (row.pk, row.source_entity_pk) for row in rows}
    entity_pks = dict(conn.execute(_STORED_ENTITIES, {"pk": article_pk}).all())
    names = [mention for e in extraction.entities for mention in e.mentions]
    spans = sentences(extraction.text)
    new = []
    for statement in said:
        sentence = _reporting_sentence(spans, statement.cue.spans)
        said_by = [*statement.cue.spans, *_speaker_spans(extraction, statement)]
        words = terms(f"{statement.content.text} {_without(extraction.text, sentence, said_by)}")
        if not words:
            continue
        statement_pk, speaker = pk_of[statement.id]
        around = [*statement.content.spans, sentence]  # "traders said Pakistan will tender...": Pakistan
        named = [entity_pks[e.id] for e in extraction.entities if any(_inside(m, around) for m in e.mentions)]
        keys = sorted({speaker, *named} - {None})
        matter = sorted(entity_pks[e.id] for e in _matter(extraction, statement))
        if not keys:  # "The team will lay the groundwork for talks next week, officials said"
            keys = matter = sorted({entity_pks[e.id] for e in _leading(extraction, spans)})
        named_by_nationality = nations(extraction.text, statement.content.spans, names)
        weighted = rarity.weights(words)
        same = _repeated(conn, set(words), set(rarest(weighted)), speaker, statement.said_on)
        if same is not None:
            conn.execute(_ADD_SOURCE, {"statement_pk": statement_pk, "claim_pk": same})
            continue
        claim_pk = statement_pk
        conn.execute(_ADD_CLAIM, {
            "pk": claim_pk, "said_on": statement.said_on, "due": statement.due, "entities": keys, "matter": matter,
            "nations": named_by_nationality, "terms": weighted,
        })
        conn.execute(_ADD_SOURCE, {"statement_pk": statement_pk, "claim_pk": claim_pk})
        conn.execute(_ADD_TERMS, [{"term": w, "claim_pk": claim_pk} for w in rarest(weighted)])
        new.append(NewClaim(
            claim_pk, statement.said_on, statement.due, weighted, keys, matter, named_by_nationality, article_pk,
            extraction.title or "",
        ))
    return new


def _leading(extraction: Extraction, spans: list[tuple[int, int]]) -> list[Entity]:
    """The entities of the story's first sentence, which says who the story is about: the matter
    of a claim that names no one ("Japan is sending a three-man team to Washington ... The team
    will lay the groundwork for talks next week, officials said")."""
    first = next(iter(spans), (0, 0))
    return [e for e in extraction.entities if any(_inside(m, [first]) for m in e.mentions)]


_PLACES = {"GPE", "LOC", "FAC"}
_WHERE = {"in", "at"}
"""A place after one of these only says where ("will meet in Brussels"): a story on the matter
need not name it."""


def _matter(extraction: Extraction, statement: Statement) -> list[Entity]:
    """The entities the statement's content names, but for places it only says things happen in:
    "European Community trade experts will meet in Brussels to discuss action against Japan" is
    the EC's and Japan's matter, and an EC story that does not name Japan is about another."""
    text, content = extraction.text, statement.content.spans

    def names(entity: Entity, start: int, end: int) -> bool:
        before = text[max(0, start - 12):start].split()[-1:]
        where = entity.type in _PLACES and bool(before) and before[0].lower() in _WHERE
        return _inside((start, end), content) and not where

    return [e for e in extraction.entities if any(names(e, *m) for m in e.mentions)]


def _reporting_sentence(spans: list[tuple[int, int]], cue: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence (of the article's ``spans``) that holds the cue: it names the speaker and often
    the matter."""
    start = cue[0][0] if cue else -1
    return next(((a, b) for a, b in spans if a <= start < b), (0, 0))


def _speaker_spans(extraction: Extraction, statement: Statement) -> list[tuple[int, int]]:
    """Where the speaker is written, unless it is an organisation or a place: a company or a
    government announcing its own plans is part of the matter, a person or "traders" is not."""
    source = statement.source
    if source is None:
        return []
    kind = next((e.type for e in extraction.entities if e.id == source.entity), None)
    return [] if kind in {"ORG", "GPE", "NORP"} else list(source.spans)


def _without(text: str, span: tuple[int, int], left_out: list[tuple[int, int]]) -> str:
    """The text of ``span`` with the parts in ``left_out`` blanked: who said it and the verb are
    not the matter, and the speaker is already required as an actor."""
    chars = list(text[span[0]:span[1]])
    for start, end in left_out:
        for i in range(max(start, span[0]), min(end, span[1])):
            chars[i - span[0]] = " "
    return "".join(chars)


def _inside(mention: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention[0] and mention[1] <= end for start, end in spans)


def _repeated(
    conn: Connection, words: set[str], rare: set[str], speaker: int | None, said_on: date | None
) -> int | None:
    """The stored claim this statement repeats: nearly the same words, the same speaker's actor,
    said within ``DUPLICATE_DAYS``; None if there is none."""
    # nearly the same words hold most of the same rarest words
    found = {"rare": sorted(rare), "least": max(1, len(rare) // 2)}
    if said_on is not None:
        found |= {"first": said_on - DUPLICATE_DAYS, "last": said_on + DUPLICATE_DAYS}
    rows = conn.execute(_DUPLICATES[said_on is not None], found).all()
    similar = [row.pk for row in rows if len(words & set(row.terms)) / len(words | set(row.terms)) >= DUPLICATE]
    if not similar:
        return None
    speaker_actor = _actor(conn, speaker)
    for pk in similar:
        their_speaker = conn.execute(_SPEAKER_ACTOR, {"pk": pk}).scalar()
        if their_speaker == speaker_actor:
            return int(pk)
    return None


def _actor(conn: Connection, entity_pk: int | None) -> int | None:
    if entity_pk is None:
        return None
    return conn.execute(_ACTOR, {"pk": entity_pk}).scalar()


class _Named(NamedTuple):
    """An entity of a claim: its actor and its name (a tuple: one is made for every entity of
    every claim a story is compared with)."""

    actor: int
    name: str


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    """The words of a name or a headline, read once: an article's claims share its headline, and a
    name is read only when its actor is not named."""
    return frozenset(terms(text))


def _actor_map(conn: Connection, entity_pks: set[int]) -> dict[int, _Named]:
    """The actor and name of each of these entities that has an actor."""
    if not entity_pks:
        return {}
    rows = conn.execute(_ACTOR_MAP, {"pks": sorted(entity_pks)})
    return {pk: _Named(actor, name) for pk, actor, name in rows if actor is not None}


def _names_matter(
    present: set[int], words: AbstractSet[str], body: str, entities: list[int], matter: list[int],
    known: dict[int, _Named], rarity: Rarity,
) -> bool:
    """Whether a story naming the actors ``present``, in the ``words`` of its headline and text,
    names the claim's: every entity of its ``matter`` if one has an actor, else one of its
    ``entities`` (keys to ``known``). A story names an entity by its actor, or by every word of a
    name of two words or more: the linker may keep two forms of a name apart ("the Texas State
    Court of Appeal" and "the Texas state court of appeals"), and a story saying "the cereals
    management committee" of the EC names the EC Cereals Management Committee. One word is
    enough only if the story (its ``body``) writes it in lower case, where the recogniser misses a
    name, and it is very rare in the store (``words.VERY_RARE``): a story on "the superfan engine"
    names IAE's Superfan; but "House" is in "White House", and "Dillon", a word of a name the
    recogniser split ("Dillon, Read and Co"), is written in every story of that bank's deals."""

    def named(pk: int) -> bool:
        entity = known[pk]
        name = _words(entity.name)
        if entity.actor in present or len(name) > 1 and name <= words:
            return True
        return len(name) == 1 and name <= words and entity.name.lower() in _lower_case(body) and bool(
            rarity.very_rare(name)
        )

    wanted = [pk for pk in matter if pk in known]
    if wanted:
        return all(named(pk) for pk in wanted)
    return any(named(pk) for pk in entities if pk in known)


def _same_headline(words: AbstractSet[str], story_words: AbstractSet[str], rarity: Rarity) -> bool:
    """Whether the story's headline (its ``story_words``) holds the rarest of the claim's headline
    ``words`` (most often the name of who acts: "EIB", "Tunisia") and ``HEADLINE`` of their
    weight: a news headline states the matter."""
    shared = words & story_words
    if not shared:
        return False
    weights = rarity.weights(words)
    return (
        rarest(weights, 1)[0] in shared
        and sum(weights[w] for w in sorted(shared)) >= HEADLINE * sum(weights.values())
    )


@lru_cache(maxsize=256)
def _lower_case(body: str) -> frozenset[str]:
    """The words a story writes in lower case, as nouns are and names are not; kept for the stories
    met most recently, as one is compared with many claims."""
    return frozenset(word for word in WORD.findall(body) if word.islower())


def _topic(rarity: Rarity, headline: str | None, body: str) -> set[str]:
    """The words of a headline that name its topic on their own: nouns the story also writes in
    lower case, rare in the store (``words.TOPICAL``), "JAPAN CONSIDERING BUYING U.S.
    SUPERCOMPUTERS"; a name, however rare, heads stories on every matter of its owner ("BP",
    "CAESARS")."""
    lower = _lower_case(body)
    return rarity.topical(terms(" ".join(w for w in WORD.findall(headline or "") if w.lower() in lower)))


def _follow_earlier(
    conn: Connection, article_pk: int, extraction: Extraction, published: date, counts: Counter[str], rarity: Rarity
) -> None:
    """Link this article to the earlier claims it reports on."""
    words = rarity.distinctive(counts)  # a common word's postings are long and say little
    window = {"published": published, "since": published - WINDOW, "article": article_pk}
    candidates = list(conn.execute(_EARLIER, {
        "words": sorted(words), "very_rare": sorted(rarity.very_rare(words)), **window
    }))
    topic = _topic(rarity, extraction.title, extraction.text)
    if topic:  # the claims whose headline names this one's topic too, by one of their rarest words
        seen = {row.pk for row in candidates}
        candidates += [
            row for row in conn.execute(_EARLIER, {"words": sorted(topic), "very_rare": sorted(topic), **window})
            if row.pk not in seen and topic & _words(row.title or "")
        ]
    late = {row.pk for row in candidates if _late(row.said_on, row.due, published, row.relation == "delayed")}
    if late and not may_tell_late(f"{extraction.title or ''}\n{extraction.text}"):
        # a claim long past due only by a story telling of things put off or called off
        candidates = [row for row in candidates if row.pk not in late]
    if not candidates:
        return
    present = named_actors(conn, [article_pk]).get(article_pk, set())
    known = _actor_map(conn, {pk for row in candidates for pk in (*row.entities, *row.matter)})
    headline = _words(extraction.title or "")
    said = counts.keys() | headline
    acting = {
        row.pk for row in candidates
        if _names_matter(present, said, extraction.text, row.entities, row.matter, known, rarity)
    }
    unnamed = {  # the headline words of the other claims, if they share one with this headline
        row.pk: title for row in candidates if row.pk not in acting and (title := _words(row.title or "")) & headline
    }
    rarity.weights({w for title in unnamed.values() for w in title})  # read at once
    named = {
        row.pk: row for row in candidates
        if row.pk in acting or row.pk in unnamed and _same_headline(unnamed[row.pk], headline, rarity)
    }
    if not named:  # the actors first: most candidates fail there, before their words are read
        return
    average = rarity.average_length
    story = _Story(conn, article_pk, extraction.title, extraction.text, counts, published, newest=True)
    for pk, query, countries in conn.execute(_QUERIES, {"pks": sorted(named)}):
        row = named[pk]
        _compare(conn, _Sought(pk, query, countries, row.said_on, row.due, row.relation == "delayed"), story, average)


def _compare(conn: Connection, claim: _Sought, story: _Story, average: float) -> Relation | None:
    """Record the story as a follow-up of the claim if it speaks of the same matter (see the module):
    it also names the countries the claim names by a nationality. The relation recorded, if any."""
    if len(claim.query.keys() & story.counts.keys()) < min(SHARED_WORDS, len(claim.query)):
        return None
    if not all(names_country(country, story.body) for country in claim.countries):
        return None
    score = story_score(claim.query, story.counts, story.length, average)
    evidence = best_sentence(claim.query, story.body) if score >= THRESHOLD else None
    return None if evidence is None else _record(conn, claim, story, evidence, score)


def _follow_later(conn: Connection, claim: NewClaim, rarity: Rarity, windows: dict[date, int | None]) -> None:
    """Link a new claim to the later stories, already stored, that report on it (``windows``: the
    lowest key stored in the window after each day, as far as known)."""
    if claim.said_on is None:
        return
    # stored before the claim's own article: what a replay had seen at this point; one of the same
    # day stored before it came before it
    first, last = claim.said_on + timedelta(days=1), claim.said_on + WINDOW
    if claim.said_on not in windows:
        windows[claim.said_on] = stored_between(conn, first, last)
    low = windows[claim.said_on]
    if low is None or low >= claim.article_pk:
        return  # the usual case when stories come in the order they were published
    known = _actor_map(conn, {*claim.entities, *claim.matter})
    rare = set(rarest(claim.weights))
    very_rare = rarity.very_rare(rare)
    searchable = {w for w in rare if w.isalpha()}
    if not searchable:
        return
    found = search_articles(conn, searchable, (low, claim.article_pk), (first, last), CANDIDATES)
    headline = _words(claim.headline)
    titled = rare & headline  # the claim's rarest words its headline names: a story's topic may be one
    sharing = sorted(  # the words first, then one look-up of the actors of the stories that hold them
        (
            (row.published, row.pk, row.text, row.title, counts) for row in found
            if len(shared := rare & (counts := counted_terms(row.text)).keys()) >= SHARED
            or shared & very_rare or titled and titled & _topic(rarity, row.title, row.text)
        ),
        key=lambda story: story[:2],  # oldest first, as if stored in order: a delay told leaves the date open
    )
    named = named_actors(conn, [pk for _, pk, *_ in sharing])
    sought = _Sought(claim.pk, claim.weights, claim.nations, claim.said_on, claim.due)
    for published, pk, body, title, counts in sharing:
        if _late(claim.said_on, claim.due, published, sought.put_off) and not may_tell_late(f"{title or ''}\n{body}"):
            continue
        story_headline = _words(title or "")
        if _names_matter(
            named.get(pk, set()), counts.keys() | story_headline, body, claim.entities, claim.matter, known, rarity
        ) or _same_headline(headline, story_headline, rarity):
            told = _compare(conn, sought, _Story(conn, pk, title, body, counts, published), rarity.average_length)
            if told is not None:
                sought = replace(sought, put_off=told == "delayed")


def _late(said_on: date | None, due: date | None, published: date | None, put_off: bool = False) -> bool:
    """Whether a story out on ``published`` is long past the ``due`` date of a claim made on
    ``said_on`` (``SETTLED``, ``PROMPT``); a claim last told put off ("Pakistan retenders today")
    has no date of its own any more, and is reported on as long as ``SETTLED`` allows."""
    if due is None or published is None:
        return False
    settled = SETTLED if said_on is None or put_off else min(SETTLED, max(PROMPT, 2 * (due - said_on)))
    return published > due + settled


def _record(conn: Connection, claim: _Sought, story: _Story, evidence: Evidence, score: float) -> Relation | None:
    """Store one follow-up, with the statement its evidence falls in, and update the claim; a story
    out long after the claim was due only if it tells it put off or called off (``_late``). The
    relation stored, if any."""
    start, end = evidence.span
    holding = next((s for s in story.statements if any(a < end and start < b for a, b in s.content_spans)), None)
    found = relation(story.body[start:end], bool(holding and holding.future), story.headline)
    if _late(claim.said_on, claim.due, story.published, claim.put_off) and found not in LATE_RELATIONS:
        return None
    conn.execute(_ADD_FOLLOWUP, {
        "claim_pk": claim.pk, "article_pk": story.pk, "statement_pk": holding.pk if holding else None,
        "relation": found, "score": score, "start": start, "end": end,
    })
    if not story.newest:
        _latest(conn, claim.pk)
    else:  # stored last, so the latest of its day: the claim's latest unless one came out later
        conn.execute(_REPORTED, {"claim": claim.pk, "on": story.published, "found": found})
    return found


def _latest(conn: Connection, claim_pk: int) -> None:
    """Set the claim's relation and reported date from its latest follow-up, in one statement."""
    latest = (
        select(followups.c.relation, articles.c.published)
        .join(articles, articles.c.pk == followups.c.article_pk)
        .where(followups.c.claim_pk == claim_pk)
        .order_by(articles.c.published.desc().nulls_last(), articles.c.pk.desc())
        .limit(1)
        .subquery()
    )
    conn.execute(update(claims).where(claims.c.pk == claim_pk).values(
        relation=select(latest.c.relation).scalar_subquery(), reported=select(latest.c.published).scalar_subquery()
    ))


def rebuild(conn: Connection) -> int:
    """Forget every claim, follow-up and word count, and replay the stored articles in the order
    they were stored; how many claims result."""
    from .records import load  # records stores through this module

    for table in (followups, claim_terms, claim_sources, claims, article_stories, term_counts):
        conn.execute(delete(table))
    for pk, article_id in conn.execute(select(articles.c.pk, articles.c.id).order_by(articles.c.pk)).all():
        extraction = load(conn, article_id)
        assert extraction is not None  # listed a moment ago, in this transaction
        follow(conn, pk, extraction)
    return int(conn.execute(select(func.count()).select_from(claims)).scalar_one())
