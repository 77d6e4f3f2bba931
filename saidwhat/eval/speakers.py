"""Score who said it, and one identity per speaker across articles, on MEANTIME (EVAL.md, Speakers).

Gold: every SPEECH_COGNITIVE event mention with an ``Arg0`` participant is an attribution; its cue
is the event mention, its content the ``Arg1`` participant, its speaker the ``Arg0`` entity's
instance (shared across documents). A speaker is *named* when it is a person or organisation
(``PER``/``ORG``) written with a proper name (a ``NAM`` or ``PRE.NAM`` mention) somewhere in the
corpus. Its names are its instance name and those mentions as written, also without their
leading words (MEANTIME keeps titles and descriptions inside a name mention: "Chief executive
Thomas Enders" is also "Thomas Enders"), and for a person the last word alone (the surname).
Identity is also scored on every named person and organisation mention, whether or not it speaks.

Predicted identity is a *clustering*: a function from the extractions to a label per
(article id, entity id) such as an actor id. An entity the clustering leaves out, and a gold
mention no predicted mention overlaps, stand alone (a singleton of the prediction).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

from ..model import Article, Extraction, Span, Statement
from .attribution import chars, dice
from .clusters import bcubed, ceaf_e, muc
from .meantime import MeantimeDoc, read_meantime

Clustering = Callable[[Sequence[Extraction]], Mapping[tuple[str, str], str]]
SPEAKER_TYPES = {"PER", "ORG"}
NAME_MENTIONS = {"NAM", "PRE.NAM"}
AGREEING = {"PER": "PERSON", "ORG": "ORG"}  # saidwhat's entity type for a MEANTIME one


def name_key(name: str) -> str:
    """A name reduced for comparison: case-folded words, punctuation and possessive "'s" ignored,
    so that "Wal - Mart" (MEANTIME's tokens) and "Wal-Mart" meet."""
    name = re.sub(r"[’‘`]", "'", name.casefold())
    return " ".join(re.findall(r"\w+", re.sub(r"'s\b", "", name)))


@dataclass(frozen=True)
class GoldSpeech:
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    speaker: str | None  # the Arg0 instance when it is a person or organisation


@dataclass(frozen=True)
class GoldMention:
    """A named person (``PER``) or organisation (``ORG``) mention, with its head where MEANTIME
    gives one."""

    spans: tuple[Span, ...]
    head: Span | None
    instance: str
    type: str


@dataclass(frozen=True)
class SpeakerDoc:
    id: str
    topic: str
    text: str
    published: date | None
    speeches: tuple[GoldSpeech, ...]
    mentions: tuple[GoldMention, ...]

    def article(self) -> Article:
        return Article(id=self.id, text=self.text, published=self.published)


@dataclass
class SpeakerGold:
    """The documents, and each named instance's name keys and display name."""

    docs: list[SpeakerDoc] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    display: dict[str, str] = field(default_factory=dict)

    def named(self, speech: GoldSpeech) -> bool:
        return speech.speaker in self.names


class _Reader:
    """One MEANTIME document's relations: what each mention refers to, each event's roles."""

    def __init__(self, doc: MeantimeDoc):
        self.doc = doc
        self.markables = doc.markables()
        self.refers: dict[str, list[ET.Element]] = defaultdict(list)
        for relation in doc.root.iter("REFERS_TO"):
            referred = self._target(relation)
            for source in relation.iter("source"):
                if referred is not None:
                    self.refers[source.get("m_id", "")].append(referred)
        self.roles: dict[str, dict[str, ET.Element]] = defaultdict(dict)
        for relation in doc.root.iter("HAS_PARTICIPANT"):
            event, participant = relation.find("source"), self._target(relation)
            if event is not None and participant is not None:
                self.roles[event.get("m_id", "")].setdefault(relation.get("sem_role", ""), participant)

    def _target(self, relation: ET.Element) -> ET.Element | None:
        target = relation.find("target")
        return self.markables.get(target.get("m_id", "")) if target is not None else None

    def entity(self, mention: ET.Element) -> ET.Element | None:
        return next((e for e in self.refers[mention.get("m_id", "")] if e.tag == "ENTITY"), None)

    def instance(self, entity: ET.Element) -> str:
        """The cross-document id; an entity left without one is its document's own."""
        return entity.get("instance_id") or f"{self.doc.id}#{entity.get('m_id')}"

    def speeches(self) -> list[GoldSpeech]:
        found = []
        for m_id, markable in self.markables.items():
            said = any(e.get("class") == "SPEECH_COGNITIVE" for e in self.refers[m_id])
            arg0 = self.roles[m_id].get("Arg0")
            if markable.tag != "EVENT_MENTION" or not said or arg0 is None:
                continue
            entity = self.entity(arg0)
            arg1 = self.roles[m_id].get("Arg1")
            found.append(GoldSpeech(
                self.doc.extent(markable),
                self.doc.extent(arg1) if arg1 is not None else (),
                self.instance(entity) if entity is not None and entity.get("ent_type") in SPEAKER_TYPES else None,
            ))
        return sorted(found, key=lambda s: s.cue)

    def head(self, mention: ET.Element, spans: tuple[Span, ...]) -> Span | None:
        """Where the ``head`` attribute is written in the mention (two topics of four give one)."""
        written = mention.get("head", "")
        at = self.doc.text.find(written, spans[0][0], spans[-1][1]) if written else -1
        return (at, at + len(written)) if at >= 0 else None


def _forms(words: list[str], person: bool) -> set[str]:
    """A name mention's forms: as written, without a leading "the", and where no "of" makes the
    words before the name part of it ("Bank of America"), without its leading words down to the
    last two, and for a person the last word."""
    forms = {" ".join(words), " ".join(words[1:] if words[:1] == ["the"] else words)}
    if "of" not in words:
        forms.update(" ".join(words[i:]) for i in range(len(words) - 1))
        if person:
            forms.update(words[-1:])
    return forms


def _read(doc: MeantimeDoc, gold: SpeakerGold, descriptors: dict[str, str]) -> SpeakerDoc:
    reader = _Reader(doc)
    mentions = []
    for mention in reader.markables.values():
        entity = reader.entity(mention) if mention.tag == "ENTITY_MENTION" else None
        if entity is None or entity.get("ent_type") not in SPEAKER_TYPES:
            continue
        instance = reader.instance(entity)
        descriptors.setdefault(instance, re.sub(r"\s*\(.*\)", "", entity.get("TAG_DESCRIPTOR", "")).strip())
        if mention.get("syntactic_type") not in NAME_MENTIONS:
            continue
        spans = doc.extent(mention)
        mentions.append(GoldMention(spans, reader.head(mention, spans), instance, entity.get("ent_type", "")))
        gold.names[instance].update(_forms(name_key(" ".join(doc.text[s:e] for s, e in spans)).split(),
                                           entity.get("ent_type") == "PER"))
    mentions.sort(key=lambda m: m.spans)
    return SpeakerDoc(doc.id, doc.topic, doc.text, doc.dct, tuple(reader.speeches()), tuple(mentions))


def load_speakers(directory: Path) -> SpeakerGold:
    """The speaker gold of every MEANTIME document under a folder, in path order."""
    gold, descriptors = SpeakerGold(), dict[str, str]()
    gold.docs = [_read(doc, gold, descriptors) for doc in read_meantime(directory)]
    if not gold.docs:
        raise ValueError(f"no MEANTIME documents under {directory}")
    for instance, names in gold.names.items():
        if descriptors.get(instance):
            names.add(name_key(descriptors[instance]))
        gold.display[instance] = descriptors.get(instance) or instance
    return gold


def match_speeches(gold: Sequence[GoldSpeech], predicted: Sequence[Statement]) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one and greedy: pairs whose cues intersect first (by
    decreasing cue Dice), then pairs whose contents have Dice >= 0.5 (by decreasing Dice); ties
    go to the earlier gold, then the earlier prediction."""
    candidates = []
    for i, g in enumerate(gold):
        g_cue, g_content = chars(g.cue), chars(g.content)
        for j, p in enumerate(predicted):
            p_cue = chars(p.cue.spans)
            if g_cue & p_cue:
                candidates.append((0, -dice(g_cue, p_cue), i, j))
            elif (score := dice(g_content, chars(p.content.spans))) >= Fraction(1, 2):
                candidates.append((1, -score, i, j))
    matched: dict[int, int] = {}
    for _, _, i, j in sorted(candidates):
        if i not in matched and j not in matched.values():
            matched[i] = j
    return matched


def align_mention(mention: GoldMention, extraction: Extraction) -> str | None:
    """The entity of the predicted mention that overlaps the gold one (and its head, where
    given), preferring an entity of the same type, then the largest overlap, then the first.

    Without a head the type decides between the parts of a mention that MEANTIME annotates as
    one name: "President of the United States Barack Obama" is the person, not the country."""
    best, best_rank = None, (False, 0)
    gold_chars = chars(mention.spans)
    head = chars([mention.head]) if mention.head else gold_chars
    for entity in extraction.entities:
        for span in entity.mentions:
            predicted = chars([span])
            rank = (entity.type == AGREEING.get(mention.type), len(gold_chars & predicted))
            if predicted & head and rank > best_rank:
                best, best_rank = entity.id, rank
    return best


def by_name(extractions: Sequence[Extraction]) -> dict[tuple[str, str], str]:
    """Entities clustered by their name alone (see ``name_key``)."""
    return {(x.id, e.id): name_key(e.name) for x in extractions for e in x.entities}


@dataclass(frozen=True)
class _Said:
    """One gold attribution's outcome; ``entity`` is the matched source's (article, entity)."""

    topic: str
    speaker: str | None
    named: bool
    found: bool
    right: bool
    entity: tuple[str, str] | None


@dataclass(frozen=True)
class _Mentioned:
    topic: str
    key: tuple[str, int]
    instance: str
    entity: tuple[str, str] | None


def _outcomes(gold: SpeakerGold, extractions: Mapping[str, Extraction]) -> tuple[list[_Said], list[_Mentioned]]:
    said, mentioned = [], []
    for doc in gold.docs:
        extraction = extractions[doc.id]
        names = {e.id: name_key(e.name) for e in extraction.entities}
        matched = match_speeches(doc.speeches, extraction.statements)
        for i, speech in enumerate(doc.speeches):
            source = extraction.statements[matched[i]].source if i in matched else None
            entity = source.entity if source is not None else None
            right = entity is not None and names.get(entity) in gold.names.get(speech.speaker or "", ())
            said.append(_Said(doc.topic, speech.speaker, gold.named(speech), i in matched, right,
                              (doc.id, entity) if entity is not None else None))
        for k, mention in enumerate(doc.mentions):
            entity = align_mention(mention, extraction)
            mentioned.append(_Mentioned(doc.topic, (doc.id, k), mention.instance,
                                        (doc.id, entity) if entity is not None else None))
    return said, mentioned


def _identity(said: list[_Said], labels: Mapping[tuple[str, str], str], gold: SpeakerGold) -> dict:
    """B-cubed over the matched named attributions with a predicted entity, and the speakers
    quoted in several articles that are split across predicted clusters."""
    items = [(n, s.speaker, e) for n, s in enumerate(said) if s.named and s.speaker and (e := s.entity)]
    gold_labels: dict[Hashable, Hashable] = {n: speaker for n, speaker, _ in items}
    predicted: dict[Hashable, Hashable] = {n: labels.get(entity, entity) for n, _, entity in items}
    articles: dict[str, set[str]] = defaultdict(set)
    clusters: dict[str, set[Hashable]] = defaultdict(set)
    for n, speaker, (article, _) in items:
        articles[speaker].add(article)
        clusters[speaker].add(predicted[n])
    across = [speaker for speaker, seen in articles.items() if len(seen) > 1]
    split = sorted(gold.display[speaker] for speaker in across if len(clusters[speaker]) > 1)
    return {"items": len(items), **bcubed(gold_labels, predicted).as_dict(),
            "speakers": len(across), "splits": len(split), "split": split}


def _mention_identity(mentioned: list[_Mentioned], labels: Mapping[tuple[str, str], str]) -> dict:
    gold_labels: dict[Hashable, Hashable] = {m.key: m.instance for m in mentioned}
    predicted: dict[Hashable, Hashable] = {
        m.key: labels.get(m.entity, m.entity) if m.entity else ("unaligned", m.key) for m in mentioned
    }
    scores = {name: metric(gold_labels, predicted) for name, metric in
              (("muc", muc), ("bcubed", bcubed), ("ceafe", ceaf_e))}
    return {
        "mentions": len(mentioned), "aligned": sum(m.entity is not None for m in mentioned),
        **{name: s.as_dict() for name, s in scores.items()},
        "conll": sum(s.f1 for s in scores.values()) / 3,
    }


def score_speakers(
    gold: SpeakerGold, extractions: Iterable[Extraction], clusterings: Mapping[str, Clustering]
) -> dict[str, dict]:
    """Scores by topic and over ``"all"``: speaker accuracy, and identity of speakers and of named
    mentions under each clustering. ``extractions`` come in linking order, one per gold document."""
    ordered = list(extractions)
    by_id = {x.id: x for x in ordered}
    said, mentioned = _outcomes(gold, by_id)
    labels = {name: cluster(ordered) for name, cluster in clusterings.items()}
    topics = sorted({doc.topic for doc in gold.docs})
    scores = {}
    for topic in [*topics, "all"]:
        mine = [s for s in said if topic in ("all", s.topic)]
        named = [s for s in mine if s.named]
        right = sum(s.right for s in named)
        scores[topic] = {
            "docs": sum(topic in ("all", d.topic) for d in gold.docs),
            "attributions": len(mine), "found": sum(s.found for s in mine),
            "named": len(named), "named_found": sum(s.found for s in named), "right": right,
            "accuracy": right / len(named) if named else 0.0,
            "identity": {name: _identity(mine, lab, gold) for name, lab in labels.items()},
            "mentions": {name: _mention_identity([m for m in mentioned if topic in ("all", m.topic)], lab)
                         for name, lab in labels.items()},
        }
    return scores


def format_speakers_report(scores: dict[str, dict]) -> str:
    """Three plain-text tables (speakers, speaker identity, mention identity), percentages with
    one decimal, then the speakers split across articles."""
    lines = [f"{'speakers':10}{'docs':>6}{'gold':>6}{'found':>7}{'named':>7}{'found':>7}{'right':>7}{'acc':>7}"]
    for topic, s in scores.items():
        lines.append(f"{topic:10}{s['docs']:6d}{s['attributions']:6d}{s['found']:7d}{s['named']:7d}"
                     f"{s['named_found']:7d}{s['right']:7d}{100 * s['accuracy']:7.1f}")
    lines += ["", f"{'identity':10}{'clustering':12}{'items':>6}{'P':>7}{'R':>7}{'F1':>7}{'multi':>7}{'splits':>7}"]
    for topic, s in scores.items():
        for name, i in s["identity"].items():
            lines.append(f"{topic:10}{name:12}{i['items']:6d}" + _percents(i)
                         + f"{i['speakers']:7d}{i['splits']:7d}")
    lines += ["", f"{'mentions':10}{'clustering':12}{'gold':>6}{'align':>6}{'MUC':>7}"
              f"{'B3 P':>7}{'B3 R':>7}{'B3':>7}{'CEAFe':>7}{'CoNLL':>7}"]
    for topic, s in scores.items():
        for name, m in s["mentions"].items():
            lines.append(f"{topic:10}{name:12}{m['mentions']:6d}{m['aligned']:6d}{100 * m['muc']['f1']:7.1f}"
                         + _percents(m["bcubed"]) + f"{100 * m['ceafe']['f1']:7.1f}{100 * m['conll']:7.1f}")
    for name, i in scores["all"]["identity"].items():
        lines.append(f"\nsplit {name}: " + ("; ".join(i["split"]) or "none"))
    return "\n".join(lines)


def _percents(prf: dict) -> str:
    return "".join(f"{100 * prf[k]:7.1f}" for k in ("precision", "recall", "f1"))
