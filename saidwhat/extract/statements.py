"""Statements: who said what, with which cue, read off the dependency parse and the quote marks.

Three finders feed one list, each candidate a cue, a source and a content as token sets:
- reporting verbs with a clausal complement ("said that ...", "asked Putin to deploy ...") or
  standing beside the clause they report (``"The economy," she said, "is strong."``);
- "according to X", whose content is the clause it modifies;
- quotations no verb claimed, attributed to the nearest reporting verb around them or, failing
  that, to the statement just before them (a floating quote).
A statement whose cue lies inside another's content is reported through it (``via``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..model import Part, Source, Statement, TimeExpression, part
from ..nlp import doc_text
from .cue_model import CueModel, features, shipped
from .cues import COGNITIVE, NOT_BESIDE_QUOTES, NOUN_CUES, OBJECT_CONTENT, OBJECT_CONTROL, OBJECT_PREPOSITIONS, SPEECH_VERBS
from .entities import EntityIndex
from .modality import attributes
from .quotes import find_quotes

MIN_QUOTE_WORDS = 4
MAX_FLOAT_GAP = 80  # tokens between a statement and a quote that still continues it
DASHES = {"―", "—", "–"}
SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
LABEL_WORDS = {
    "correction", "update", "editor", "note", "watch", "video", "photos", "related", "breaking",
    "analysis", "opinion", "exclusive", "photo", "credit", "caption", "read", "see", "tags",
    "topics", "share", "advertisement", "subscribe", "warning", "contact", "email",
}
NOUN_PREPOSITIONS = {"of", "about", "on", "over", "for", "against"}  # "claims about", "ire over"
RAISING = {"seem", "appear"}  # verbs whose subject belongs to the content
EXPLETIVES = {"it", "there"}  # "it seems", "there appears": a subject that is no one
SPEAKING_NOUNS = {"poll", "survey", "study", "report", "source", "sources", "official", "officials"}


@dataclass
class Candidate:
    cue: list[int]
    source: tuple[int, int] | None
    content: set[int]
    anchor: int = field(default=-1)  # the cue's head token, to merge finders' results

    @property
    def start(self) -> int:
        return min(self.content)


def extract_statements(
    doc: Doc,
    entities: EntityIndex,
    times: list[TimeExpression],
    published: date | None,
    model: CueModel | None = None,
) -> list[Statement]:
    """The statements of one parsed article; ``model`` replaces the shipped cue model."""
    quotes = quotations(doc)
    in_quote = {i for q, _ in quotes for i in q}
    model = model or shipped()
    found: dict[int, Candidate] = {}
    for token in doc:
        cand = _cue_statement(token, in_quote, model) or _according_to(token) or _colon_statement(token)
        if cand is not None and cand.content:
            found.setdefault(cand.anchor, cand)
    candidates = [c for c in found.values() if not _turn_of_speech(doc, c, in_quote)]
    for quote, end in quotes:
        _attach_quote(doc, quote, end, candidates)
    candidates = [c for c in candidates if _words(doc, c.content)]
    candidates.sort(key=lambda c: (c.start, c.anchor))
    return _statements(doc, candidates, in_quote, entities, times, published)


def quotations(doc: Doc) -> list[tuple[set[int], int]]:
    """Each quotation's tokens, with the character offset where it ends."""
    return [(_tokens_in(doc, s, e), e) for s, e in find_quotes(doc_text(doc))]


def _turn_of_speech(doc: Doc, cand: Candidate, in_quote: set[int]) -> bool:
    """ "I think", "you know", "we want" inside a quote: a stance verb that attributes nothing."""
    verb = doc[cand.anchor] if cand.anchor >= 0 else None
    if verb is None or verb.lemma_.lower() not in COGNITIVE:
        return False
    first_or_second = cand.source is not None and doc[cand.source[0]].lower_ in ("i", "we", "you")
    return verb.i in in_quote or first_or_second or cand.source is None


# --- finders ---------------------------------------------------------------------------------


def _cue_statement(token: Token, in_quote: set[int], model: CueModel | None) -> Candidate | None:
    """A verb or noun with its content. What the rules approve (a listed verb with its clause, a
    listed noun with its that-clause) stands unless the cue model rules it out here; anything
    else stands when the model is confident that it attributes."""
    found = cue_candidate(token, in_quote)
    if found is None:
        return None
    cand, feats, approved = found
    if model is None:
        return cand if approved else None
    return cand if model.probability(feats) >= (model.drop if approved else model.keep) else None


def cue_candidate(token: Token, in_quote: set[int]) -> tuple[Candidate, list[str], bool] | None:
    """Any verb or noun read as a cue, with the cue model's features and whether the rules alone
    approve it; None when nothing reads as its content."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
        found = _verb_content(token)
    elif token.pos_ == "NOUN":
        found = _noun_content(token)
    else:
        return None
    if found is None:
        return None
    kind, content, source, approved = found
    doc = token.doc
    content = _without_aside(doc, content - {c.i for c in token.children if c.dep_ == "punct"})
    if not content:
        return None
    subject = doc[source[0] : source[1]].root if source else None
    feats = features(token, kind, subject, token.i in in_quote, _words(doc, content))
    cue = _cue_tokens(token) if kind[:4] != "noun" else [token.i]
    if kind in ("object", "noun-prep"):  # "referred to", "claims about": the preposition is the cue's
        cue = sorted({*cue, *(c.i for c in token.rights if c.dep_ == "prep" and c.i + 1 == min(content))})
    return Candidate(cue=cue, source=source, content=content, anchor=token.i), feats, approved


def _verb_content(verb: Token) -> tuple[str, set[int], tuple[int, int] | None, bool] | None:
    """How a verb's content hangs off it: a clause ("said that", "asked X to"), an object ("cited
    a poll"), the clause it stands beside ("“...,” she said") or a passive subject ("the plan was
    backed by X"); with its source and whether a listed verb takes it so."""
    lemma = verb.lemma_.lower()
    if lemma in RAISING:
        return _impression(verb)
    listed = lemma in SPEECH_VERBS | COGNITIVE
    # "plans to call", "refused to discuss": the rules read the infinitive as the content
    infinitive = verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ not in ("VERB", "AUX")]
    content: set[int] = set()
    kind = "clause"
    for clause in clauses:
        start = clause.left_edge.i
        if lemma in OBJECT_CONTROL:
            objects = [c.left_edge.i for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
            start = min([start, *objects])
        content.update(range(start, clause.right_edge.i + 1))
    by_object = lemma in OBJECT_CONTENT or not listed
    if not content and by_object:
        kind, content = "object", _object_content(verb)
    if not content and (lemma not in NOT_BESIDE_QUOTES or _as_clause(verb)) and _reports_its_head(verb):
        head = verb.head
        kind, content = "beside", set(range(head.left_edge.i, head.right_edge.i + 1)) - _subtree(verb)
    if not content and not by_object:  # "told reporters": for the model to judge
        kind, content = "object", _object_content(verb)
    if not content and any(c.dep_ == "agent" for c in verb.children):
        kind, content = "passive", {i for c in verb.children if c.dep_ == "nsubjpass" for i in _subtree(c)}
    if not content:
        return None
    approved = listed and not infinitive and (kind in ("clause", "beside") or lemma in OBJECT_CONTENT)
    return kind, content, _source(verb), approved


def _as_clause(verb: Token) -> bool:
    """ "as polls show", "as its supporters point out": any verb stands beside what it reports."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _impression(verb: Token) -> tuple[str, set[int], None, bool] | None:
    """ "No one seems to have followed up", "Sanders does not appear ready to ease off": the
    writer's impression, which PolNeAR marks with no source and the subject inside the content."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp", "attr")]
    if not complements:
        return None  # "appeared at a rally"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.lower_ not in EXPLETIVES]
    return "impression", {i for c in subjects + complements for i in _subtree(c)}, None, False


def _noun_content(noun: Token) -> tuple[str, set[int], tuple[int, int] | None, bool] | None:
    """ "the minister's remarks that the war was over", "a statement by the ministry that ...",
    "Trump's claims about the test", "an agreement to curb emissions"."""
    kind, content, marked = "noun-clause", set(), False
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" or m.lower_ == "to" for m in clause.children):
            content = set(range(clause.left_edge.i, clause.right_edge.i + 1))
            marked = any(m.dep_ == "mark" for m in clause.children)  # "that ...", not "to ..."
            break
    if not content:
        kind = "noun-prep"
        content = {
            i
            for p in noun.rights
            if p.dep_ == "prep" and p.lower_ in NOUN_PREPOSITIONS
            for o in p.children
            if o.dep_ in ("pobj", "pcomp")
            for i in _subtree(o)
        }
    if not content:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    source = (owners[0].left_edge.i, owners[0].i + 1) if owners else None  # without the "'s"
    return kind, content, source, marked and noun.lemma_.lower() in NOUN_CUES


def _object_content(verb: Token) -> set[int]:
    """ "called the plan “a disaster”", "cited a poll", "called for an inquiry", "accused the
    mayor of lying", "talked about taxes"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    preps = [c for c in verb.rights if c.dep_ in ("prep", "oprd") and (c.dep_ == "oprd" or c.lower_ in OBJECT_PREPOSITIONS)]
    if verb.lemma_.lower() == "call" and not preps:
        return set()  # "called the plan a disaster", "called for a vote", not "called a meeting"
    if not objects:
        objects = [o for p in preps[:1] for o in p.children if o.dep_ in ("pobj", "pcomp")]
        if any(o.lemma_.lower() in SPEECH_VERBS and o.pos_ == "VERB" for o in objects):
            return set()  # "was quoted as saying ...": the inner verb is the cue
    if not objects:
        return set()
    start = objects[0].left_edge.i
    # After an object only the complement's own preposition: "blamed X for Y", not "X on Tuesday".
    tail = [p for p in preps if p.i > objects[0].i and (p.dep_ == "oprd" or p.lower_ in ("of", "as", "to", "for"))]
    end = max([objects[0].right_edge.i, *(p.right_edge.i for p in tail)])
    return set(range(start, end + 1))


ASIDE_WORDS = {"which", "who", "whom", "whose"}


def _without_aside(doc: Doc, content: set[int]) -> set[int]:
    """The content without a closing aside after a comma (", which makes him an outlier", ",
    contradicting the police"): the writer's comment, not what was said, as PolNeAR marks it."""
    if not content:
        return content
    last = max(content)
    for comma in range(min(content), last):
        if comma not in content or doc[comma].text != "," or comma + 1 not in content:
            continue
        opener = doc[comma + 1]
        clause = opener if opener.dep_ in ("advcl", "acl") else opener.head
        relative = clause.dep_ == "relcl" and opener.lower_ in ASIDE_WORDS
        participle = clause.dep_ in ("advcl", "acl") and clause.tag_ == "VBG" and clause.i == opener.i
        if (relative or participle) and clause.left_edge.i == opener.i and clause.right_edge.i >= last - 1:
            return {i for i in content if i < comma}
    return content


def _reports_its_head(token: Token) -> bool:
    """ "“We will fight,” he said": spaCy hangs the cue off the quoted clause."""
    return (
        token.dep_ in ("parataxis", "ccomp", "advcl")
        and token.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") or _agent_before(c) for c in token.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in token.children)
        and any(t.is_punct for t in token.doc[min(token.i, token.head.i) : max(token.i, token.head.i)])
    )


def _agent_before(child: Token) -> bool:
    """ "As reported by the Tribune, the council ...": a passive cue's agent, before the clause."""
    return child.dep_ == "agent" and child.head.i < child.head.head.i


def _according_to(token: Token) -> Candidate | None:
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in (*to.children, *token.children) if c.dep_ == "pobj"]
    if not objects:
        return None
    phrase = _subtree(token) | _subtree(to) | {token.i, to.i}
    head = token.head if token.head.i != token.i else token
    sentence = token.sent
    if head.pos_ in ("VERB", "AUX") and head.i != token.i:
        clause = set(range(head.left_edge.i, head.right_edge.i + 1))
    else:
        clause = set(range(sentence.start, sentence.end))
    content = {i for i in clause - phrase if not (doc[i].is_punct and doc[i].head.i in phrase)}
    return Candidate(cue=[token.i, to.i], source=_np(objects[0]), content=content, anchor=token.i)


def _attach_quote(doc: Doc, quote: set[int], end: int, candidates: list[Candidate]) -> None:
    """Give a quotation to the statement that already holds part of it, or attribute it."""
    if not quote:
        return
    holders = [c for c in candidates if c.content & quote and not set(c.cue) & quote]
    if holders:
        for c in holders:
            c.content |= quote - set(c.cue) - _source_set(c)
        return
    if _words(doc, quote) < MIN_QUOTE_WORDS:
        return
    signed = _signature(doc, end)
    if signed is not None:
        candidates.append(Candidate(cue=[signed[0]], source=signed[1], content=set(quote), anchor=signed[0]))
        return
    cue = _nearest_cue(doc, quote)
    if cue is not None:
        same = [c for c in candidates if c.anchor == cue.i]
        if same:  # "“One,” said X, “two.”": both halves belong to one statement
            same[0].content |= quote
        else:
            candidates.append(
                Candidate(cue=_cue_tokens(cue), source=_source(cue), content=set(quote), anchor=cue.i)
            )
        return
    # A floating quote continues the statement just before it, as newswire quotes run on.
    before = [c for c in candidates if max(c.content) < min(quote) and c.source is not None]
    if before:
        prev = max(before, key=lambda c: max(c.content))
        # "said the crews were brave. “...”" runs on; PolNeAR gives the quote after "praised the
        # crews" or "announced his candidacy" a cue of its own, which the rules could not find
        cue = doc[prev.anchor]
        by_object = any(c.dep_ == "dobj" and c.i in prev.content for c in cue.children)
        if cue.pos_ == "VERB" and (by_object or cue.lemma_.lower() not in SPEECH_VERBS):
            return
        gap = range(max(prev.content) + 1, min(quote))
        if len(gap) < MAX_FLOAT_GAP and not any(i in gap for c in candidates if c is not prev for i in c.cue):
            prev.content |= quote


def _signature(doc: Doc, end: int) -> tuple[int, tuple[int, int]] | None:
    """A quote signed with a dash after it: "“...” ― Pamela Padilla"."""
    text = doc_text(doc)
    dash = end
    while dash < len(text) and text[dash] in " \t\xa0":
        dash += 1
    if dash >= len(text) or text[dash] not in DASHES:
        return None
    cue = doc.char_span(dash, dash + 1, alignment_mode="expand")
    if cue is None:
        return None
    stop = cue.end
    while stop < len(doc) and doc[stop].pos_ == "PROPN" and "\n" not in doc[stop - 1].whitespace_:
        stop += 1
    return (cue.start, (cue.end, stop)) if stop > cue.end else None


def _colon_statement(token: Token) -> Candidate | None:
    """A speaker label or headline: "PENCE: Well, look ...", "Pat Caddell: Voters worried"."""
    if token.text != ":":
        return None
    sent = token.sent
    if token.i - sent.start > 5 or token.i == sent.start:
        return None
    start = sent.start
    while start < token.i and token.doc[start].is_punct:  # '"WALLACE: ...' in a transcript
        start += 1
    label = token.doc[start : token.i]
    if not label or not all(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in label):
        return None
    # "Stealth Over Health: ..." or "Correction: ..." open a headline or a note, not a quote;
    # one capitalised word is a name or a speaking noun ("Sanders: ...", "Poll: ...").
    if label.root.lower_ in LABEL_WORDS or (label.root.pos_ != "PROPN" and len(label) > 1):
        if label.root.lemma_.lower() not in SPEAKING_NOUNS:
            return None
    named = all(t.pos_ == "PROPN" for t in label) or len(label) == 1
    speaker = label.text.isupper() or named or any(t.ent_type_ in SPEAKER_TYPES for t in label)
    if not speaker and label.root.lemma_.lower() not in SPEAKING_NOUNS:
        return None
    end = token.i + 1
    while end < len(token.doc) and "\n" not in token.doc[end - 1].whitespace_ and "\n" not in token.doc[end].text:
        end += 1
    content = set(range(token.i + 1, end))
    return Candidate(cue=[token.i], source=(label.start, label.end), content=content, anchor=token.i)


def _nearest_cue(doc: Doc, quote: set[int]) -> Token | None:
    """A reporting verb with a subject, outside the quote, in its sentence or a short neighbour."""
    first, last = doc[min(quote)], doc[max(quote)]
    window = list(range(first.sent.start, last.sent.end))
    before = doc[first.sent.start - 1].sent if first.sent.start > 0 else None
    if before is not None and before[-1].text == ":":
        window = list(range(before.start, before.end)) + window
    if last.sent.end < len(doc):
        after = doc[last.sent.end].sent
        if len(after) <= 8:
            window += list(range(after.start, after.end))
    options = [
        doc[i]
        for i in window
        if i not in quote
        and doc[i].lemma_.lower() in SPEECH_VERBS
        and doc[i].pos_ in ("VERB", "AUX")
        and _source(doc[i]) is not None
    ]
    if not options:
        return None
    return min(options, key=lambda t: min(abs(t.i - min(quote)), abs(t.i - max(quote))))


# --- parts of a statement --------------------------------------------------------------------


def _cue_tokens(verb: Token) -> list[int]:
    """The verb with its auxiliaries and adverbs ("has also said"), its particle and a noun cue
    phrase ("said in a statement", "called for")."""
    cue = [verb.i]
    helpers = {c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")}
    while cue[0] - 1 in helpers:
        cue.insert(0, cue[0] - 1)
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ == "for" and child.i == verb.i + 1):
            cue.append(child.i)
        elif child.dep_ == "prep" and child.lower_ == "in":
            nouns = [c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in NOUN_CUES]
            if nouns:
                cue.extend(range(child.i, nouns[0].i + 1))
    return sorted(cue)


def _source(verb: Token, depth: int = 0) -> tuple[int, int] | None:
    """The speaker: the agent or subject of the verb, or of the verb it depends on ("adding")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _np(objects[0])
    for child in verb.children:
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.lemma_ == "quote"):
            if child.lower_ in EXPLETIVES and child.dep_ == "nsubj" and verb.lemma_ in RAISING:
                return None
            return _np(child)
    if any(c.dep_ == "nsubjpass" for c in verb.children) or depth >= 3 or verb.head.i == verb.i:
        return None
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        head = verb.head.head if verb.head.pos_ == "ADP" else verb.head  # "quoted as saying"
        return _source(head, depth + 1)
    return None


def _np(head: Token) -> tuple[int, int]:
    """A source as written, with its appositives and relative clauses ("Scott Pruitt, the
    attorney general of Oklahoma,"), as PolNeAR annotates it; never past the cue's clause."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    if head.head.i > head.i:
        end = min(end, head.head.i)
    return start, end


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _source_set(c: Candidate) -> set[int]:
    return set(range(*c.source)) if c.source else set()


def _tokens_in(doc: Doc, start: int, end: int) -> set[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def _words(doc: Doc, tokens: set[int]) -> int:
    """How many of the tokens are words; the punctuation of a document is found once."""
    marks = doc.user_data.get("saidwhat_marks")
    if marks is None:
        marks = doc.user_data["saidwhat_marks"] = frozenset(t.i for t in doc if t.is_punct or t.is_space)
    return len(tokens) - len(marks.intersection(tokens))


# --- records ---------------------------------------------------------------------------------


def _char_spans(doc: Doc, tokens: set[int] | list[int], trim: bool) -> list[tuple[int, int]]:
    """Contiguous character ranges of a token set; with ``trim``, without edge punctuation."""
    runs: list[list[int]] = []
    for i in sorted(tokens):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans = []
    for run in runs:
        kept = [i for i in run if not doc[i].is_space]
        if trim:
            kept = _trimmed(doc, kept)
        if kept:
            spans.append((doc[kept[0]].idx, doc[kept[-1]].idx + len(doc[kept[-1]])))
    return spans


def _trimmed(doc: Doc, run: list[int]) -> list[int]:
    while run and doc[run[0]].is_punct and not doc[run[0]].is_quote:
        run = run[1:]
    while run and doc[run[-1]].text in (",", ";", ":", ".", "—", "–", "-"):
        run = run[:-1]
    return run


def _part(doc: Doc, tokens: set[int] | list[int], trim: bool = True) -> Part | None:
    spans = _char_spans(doc, tokens, trim)
    return part(doc_text(doc), spans) if spans else None


def _kind(doc: Doc, content: set[int], in_quote: set[int]) -> str:
    words = [i for i in content if not doc[i].is_punct and not doc[i].is_space]
    quoted = sum(1 for i in words if i in in_quote)
    if words and quoted >= 0.9 * len(words):
        return "direct"
    return "mixed" if quoted else "indirect"


def _statements(
    doc: Doc,
    candidates: list[Candidate],
    in_quote: set[int],
    entities: EntityIndex,
    times: list[TimeExpression],
    published: date | None,
) -> list[Statement]:
    statements: list[Statement] = []
    spans: list[set[int]] = []
    for cand in candidates:
        cand.content -= set(cand.cue) | _source_set(cand)  # "what she called a rant"
        cue, content = _part(doc, cand.cue, trim=False), _part(doc, cand.content)
        if cue is None or content is None:
            continue
        source = None
        if cand.source is not None:
            mention = doc[cand.source[0] : cand.source[1]]
            src = _part(doc, list(range(*cand.source)))
            if src is not None:
                source = Source(spans=src.spans, text=src.text, entity=_resolve(entities, mention))
        sid = f"s{len(statements) + 1}"
        holders = [k for k, held in enumerate(spans) if cand.cue[0] in held]
        via = statements[min(holders, key=lambda k: len(spans[k]))].id if holders else None
        statements.append(
            Statement(
                id=sid,
                kind=_kind(doc, cand.content, in_quote),
                source=source,
                cue=cue,
                content=content,
                via=via,
                **attributes(doc, cand.cue, cand.content, times, published),
            )
        )
        spans.append(cand.content)
    return statements


def _resolve(entities: EntityIndex, mention: Span) -> str | None:
    """Relative pronouns ("who said") stand for the noun their clause modifies."""
    root = mention.root
    if root.lower_ in ("who", "which", "that") and root.head.dep_ == "relcl":
        noun = root.head.head
        return entities.resolve(mention.doc[noun.i : noun.i + 1])
    return entities.resolve(mention)
