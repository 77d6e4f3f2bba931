"""Statements: who said what, with which cue, read off the dependency parse and the quote marks.

Three kinds of finder feed one list of ``Candidate`` records (a cue, a source and a content as
token sets):
- reporting verbs and nouns with their content: a clause ("said that ...", "asked Putin to
  deploy ..."), an object ("cited a poll"), the clause they stand beside (``"The economy," she
  said, "is strong."``), a noun's clause or phrase ("her remarks that ...", "the support of X");
  a learned cue model judges them (``cue_model``);
- phrases (``phrase_cues``): "according to X", "In a new poll, ...", speaker labels and a name
  before a colon;
- quotations no finder claimed, attributed to the nearest reporting verb around them, to a dash
  signature or, failing those, to the quoting statement just before them (a floating quote).
A statement whose cue lies inside another's content is reported through it (``via``).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..model import Part, Source, Statement, TimeExpression, part
from ..nlp import doc_text
from .candidate import Candidate, noun_phrase, subtree
from .cue_model import CueModel, features, nesting, shipped
from .cues import COGNITIVE, NOT_BESIDE_QUOTES, NOUN_CUES, OBJECT_CONTENT, OBJECT_CONTROL, OBJECT_PREPOSITIONS, SPEECH_VERBS
from .entities import EntityIndex
from .modality import attributes
from .phrase_cues import according_to, colon_statement, in_poll, reportedly, signature
from .quotes import find_quotes

MIN_QUOTE_WORDS = 4
MAX_FLOAT_GAP = 80  # tokens between a statement and a quote that still continues it
NOUN_PREPOSITIONS = {"of", "about", "on", "over", "for", "against"}  # "claims about", "ire over"
RAISING = {"seem", "appear"}  # verbs whose subject belongs to the content
EXPLETIVES = {"it", "there"}  # "it seems", "there appears": a subject that is no one
BACKING = {"support", "backing"}  # nouns of endorsement, read by who gives and who gets
GIVERS = {"of", "from", "among"}
TARGETS = {"for", "behind", "to"}
ANSWERS = {"yes", "no", "so"}  # "72 percent said yes", "half said so"
NO_COMMENT = {"request", "message", "inquiry", "call", "email"}  # "did not respond to requests for comment"
# Verbs that carry a reporting verb without reporting themselves: "tried to show", "began asking".
CARRIERS = {"try", "attempt", "fail", "continue", "have", "go", "need", "struggle", "tend", "begin", "start", "keep", "avoid", "stop", "spend"}
HEARING = {"tell", "assure", "inform", "remind"}  # verbs whose object is whoever hears
ASKING = {"ask", "question", "press"}  # "asked the mayor about the budget": the question is the content
# "skeptical of", "worried about", "eager for": what an adjective's stance is about
STANCE_PREPOSITIONS = {"of", "about", "with", "on", "over", "against", "by", "to", "in", "at", "for", "among"}


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
    judged = cue_candidates(doc, in_quote)
    found: dict[int, Candidate] = {}
    for token in doc:
        cand = (
            (token.i in judged and _judge(judged[token.i], model))
            or according_to(token)
            or in_poll(token)
            or reportedly(token)
            or colon_statement(token)
        )
        if cand is not None and cand.content:
            found.setdefault(cand.anchor, cand)
    candidates = [c for c in found.values() if not _turn_of_speech(doc, c, in_quote)]
    attach_quotes(doc, quotes, in_quote, candidates)
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


def _judge(found: tuple[Candidate, list[str], bool], model: CueModel | None) -> Candidate | None:
    """What the rules approve (a listed verb with its clause, a listed noun with its that-clause)
    stands unless the cue model rules it out here; anything else stands when the model is
    confident that it attributes."""
    cand, feats, approved = found
    if model is None:
        return cand if approved else None
    return cand if model.probability(feats) >= (model.drop if approved else model.keep) else None


def cue_candidates(doc: Doc, in_quote: set[int]) -> dict[int, tuple[Candidate, list[str], bool]]:
    """Every verb, noun and adjective read as a cue, by token, as ``cue_candidate`` gives it, its
    features completed with where it sits: inside what another candidate reports ("said the party
    wants ...") a verb attributes less often than on its own."""
    found = {token.i: f for token in doc if (f := cue_candidate(token, in_quote)) is not None}
    outer: dict[int, list[bool]] = {}
    for j, (cand, _, approved) in found.items():
        for i in found.keys() & cand.content:
            if i != j:
                outer.setdefault(i, []).append(approved)
    for i, (_, feats, _) in found.items():
        feats += nesting(outer.get(i, []), feats)
    return found


def cue_candidate(token: Token, in_quote: set[int]) -> tuple[Candidate, list[str], bool] | None:
    """Any verb, noun or adjective read as a cue, with the cue model's features and whether the rules alone
    approve it; None when nothing reads as its content."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
        found = _verb_content(token)
    elif token.pos_ == "NOUN":
        found = _noun_content(token)
    elif token.pos_ == "ADJ" and token.dep_ == "acomp":
        found = _adjective_content(token)
    else:
        return None
    if found is None:
        return None
    kind, content, source, approved = found
    doc = token.doc
    marks = {c.i for c in token.children if c.dep_ == "punct" and not {c.i - 1, c.i + 1} <= content}  # not "A, and B"
    content = _without_aside(doc, content - marks)
    if not content:
        return None
    subject = doc[source[0] : source[1]].root if source else None
    feats = features(token, kind, subject, token.i in in_quote, _words(doc, content))
    cue = _cue_tokens(token) if kind[:4] != "noun" else [token.i]
    if token.dep_ == "acomp" and token.head.i < token.i:  # "is worried", "are skeptical of"
        cue = sorted({*range(_cue_tokens(token.head)[0], token.i), *cue})  # from the verb it completes
    if kind in ("object", "noun-prep", "stance-prep"):  # "referred to", "claims about", but "is listed as"
        after = min((i for i in content if i > token.i), default=-1)  # past a passive's subject
        preps = [c.i for c in token.rights if c.dep_ == "prep" and c.i + 1 == after and c.lower_ != "as"]
        cue = sorted({*cue, *preps})
    if kind[:4] != "noun":
        cue = _with_modifiers(token, _with_carrier(token, cue, content), content, in_quote)
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
    infinitive = verb.tag_ == "VB" and _has_to(verb)
    speaker = _speaker_clause(verb)
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") and c != speaker]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ not in ("VERB", "AUX") and c != speaker]
    clauses += _statement_clauses(verb)
    if lemma in ASKING:  # "asked the students if they ...", where spaCy reads "if" as a condition
        clauses += [c for c in verb.rights if c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.lefts)]
    clauses += _further_clauses(verb, clauses)
    content: set[int] = set()
    kind = "clause"
    for clause in clauses:
        start = clause.left_edge.i
        while clause.dep_ == "conj" and (clause.doc[start - 1].dep_ == "cc" or clause.doc[start - 1].is_punct):
            start -= 1  # ", and that B" joins A
        if lemma in OBJECT_CONTROL and _has_to(clause):
            objects = [c.left_edge.i for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
            start = min([start, *objects])
        content.update(range(start, _clause_end(clause)))
    if not content:  # a poll's answer: "72 percent of Democrats said yes"
        content = {c.i for c in verb.rights if c.lower_ in ANSWERS and c.dep_ in ("intj", "dobj", "advmod")}
    by_object = lemma in OBJECT_CONTENT or not listed
    if not content and by_object:
        kind, content = "object", _object_content(verb)
    if not content and (lemma not in NOT_BESIDE_QUOTES or _as_clause(verb)) and _reports_its_head(verb):
        head = verb.head
        kind, content = "beside", set(range(head.left_edge.i, head.right_edge.i + 1)) - subtree(verb)
    if not content and not by_object:  # "told reporters": for the model to judge
        kind, content = "object", _object_content(verb)
    if not content and any(c.dep_ == "agent" for c in verb.children):
        kind, content = "passive", {i for c in verb.children if c.dep_ == "nsubjpass" for i in subtree(c)}
    if not content:
        return None
    if kind in ("clause", "object"):
        content |= _passive_subject(verb)
    approved = listed and not infinitive and (kind in ("clause", "beside") or lemma in OBJECT_CONTENT)
    return kind, content, _source(verb), approved


def _passive_subject(verb: Token) -> set[int]:
    """ "The vote is expected to be close", "a role that is expected to be filled by X": what the
    passive is about belongs to its content, as PolNeAR marks it (a relative pronoun brings the
    noun it stands for); not whoever "was asked" or "was quoted", nor the "it" of "it was announced"."""
    if verb.lemma_.lower() in ASKING | {"quote", "tell", "warn"}:
        return set()
    subjects = [c for c in verb.lefts if c.dep_ == "nsubjpass" and c.lower_ not in EXPLETIVES]
    if not subjects:
        return set()
    subject = subjects[-1]
    start = subject.left_edge.i
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.i < subject.i:
        start = verb.head.left_edge.i
    return set(range(start, subject.right_edge.i + 1))


def _adjective_content(adjective: Token) -> tuple[str, set[int], tuple[int, int] | None, bool] | None:
    """ "is worried that ...", "was eager to ...", "are skeptical of free trade": a stance, for the
    cue model to judge, held by the subject of the verb the adjective completes."""
    clauses = [c for c in adjective.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if clauses:
        kind, content = "stance-clause", set(range(clauses[0].left_edge.i, _clause_end(clauses[0])))
    else:
        objects = _prepositional_objects(adjective, STANCE_PREPOSITIONS)[:1]
        kind, content = "stance-prep", {i for o in objects for i in subtree(o)}
    if not content:
        return None
    return kind, content, _source(adjective.head), False


def _has_to(verb: Token) -> bool:
    """An infinitive's "to": "plans to call", "urged residents to leave"."""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)


def _further_clauses(verb: Token, clauses: list[Token]) -> list[Token]:
    """ "said that A, and that B": spaCy often hangs B on the verb, which reports both."""
    if not clauses:
        return []
    return [
        c
        for c in verb.rights
        if c.dep_ == "conj" and c.i > clauses[0].i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _statement_clauses(verb: Token) -> list[Token]:
    """ "said in a statement that ...": spaCy hangs the clause on the noun, but the verb reports it."""
    return [
        clause
        for p in verb.rights
        if p.dep_ == "prep" and p.lower_ == "in"
        for noun in p.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in NOUN_CUES
        for clause in noun.children
        if clause.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    ]


def _clause_end(clause: Token) -> int:
    """Where a reported clause ends: before a conjoined reporting verb with no subject of its own
    ("said he makes $41,000 a year and questioned how ..."), which spaCy often hangs inside it."""
    for c in clause.rights:
        if _reports_on(c):
            end = c.left_edge.i
            while end > clause.i + 1 and (clause.doc[end - 1].dep_ == "cc" or clause.doc[end - 1].is_punct):
                end -= 1
            return end
    return clause.right_edge.i + 1


def _reports_on(verb: Token) -> bool:
    """A reporting verb conjoined, without a subject, to the root of a reported clause."""
    return (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ccomp"
        and verb.lemma_.lower() in SPEECH_VERBS
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    )


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
    return "impression", {i for c in subjects + complements for i in subtree(c)}, None, False


def _noun_content(noun: Token) -> tuple[str, set[int], tuple[int, int] | None, bool] | None:
    """ "the minister's remarks that the war was over", "a statement by the ministry that ...",
    "Trump's claims about the test", "an agreement to curb emissions"."""
    if noun.lemma_.lower() in BACKING:
        return _backing(noun)
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
            for i in subtree(o)
        }
    if not content:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    source = (owners[0].left_edge.i, owners[0].right_edge.i + 1) if owners else None  # "Trump's", as PolNeAR marks it
    return kind, content, source, marked and noun.lemma_.lower() in NOUN_CUES


def _backing(noun: Token) -> tuple[str, set[int], tuple[int, int] | None, bool] | None:
    """ "has the support of women", "threw their support behind Cruz", "her support among
    minorities": whoever gives the support is the source, whoever gets it the content."""
    givers = _prepositional_objects(noun, GIVERS)
    targets = _prepositional_objects(noun, TARGETS)
    verb = noun.head if noun.dep_ == "dobj" else None
    if not targets and verb is not None:
        targets = [o for o in _prepositional_objects(verb, TARGETS) if o.i > noun.i]
    owners = [c for c in noun.children if c.dep_ == "poss"]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    if targets:  # "threw their support behind X": a verb's subject names the giver better than "their"
        content = subtree(targets[0])
        named = [o for o in owners if o.pos_ != "PRON"]
        giver = (givers or named or subjects or owners or [None])[0]
    elif givers and (owners or subjects):  # "has the support of Y", "her support among Y"
        content = subtree((owners or subjects)[0])
        giver = givers[0]
    else:
        return None
    return "noun-backing", content, noun_phrase(giver) if giver is not None else None, False


def _prepositional_objects(token: Token, prepositions: set[str]) -> list[Token]:
    return [
        o
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ in prepositions
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
    ]


def _object_content(verb: Token) -> set[int]:
    """ "called the plan “a disaster”", "cited a poll", "called for an inquiry", "accused the
    mayor of lying", "talked about taxes"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    lemma = verb.lemma_.lower()
    # After an object only the complement's own preposition: "blamed X for Y", not "X on Tuesday";
    # "polls show Clinton with a narrow lead".
    follows = ("of", "as", "to", "for", "about") if lemma in ASKING else ("of", "as", "to", "for")
    follows += ("with",) if lemma == "show" else ()
    preps = [
        c
        for c in verb.rights
        if c.dep_ == "oprd"
        or c.dep_ == "prep"
        and (c.lower_ in OBJECT_PREPOSITIONS or c.lower_ in follows)
        and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)  # "dismissed on Monday"
    ]
    if lemma == "call" and not preps:
        return set()  # "called the plan a disaster", "called for a vote", not "called a meeting"
    if not objects:  # "called Clinton an ISIS co-founder", which spaCy reads as two predicates
        objects = [c for c in verb.rights if c.dep_ == "oprd"][:1]
    if not objects:
        objects = [o for p in preps[:1] for o in p.children if o.dep_ in ("pobj", "pcomp")]
        if any(o.lemma_.lower() in SPEECH_VERBS and o.pos_ == "VERB" for o in objects):
            return set()  # "was quoted as saying ...": the inner verb is the cue
    if not objects or _asks_for_comment(objects[0]):
        return set()
    start = objects[0].left_edge.i
    tail = [p for p in preps if p.i > objects[0].i and (p.dep_ == "oprd" or p.lower_ in follows)]
    end = max([objects[0].right_edge.i, *(p.right_edge.i for p in tail)])
    return set(range(start, end + 1))


ASIDE_WORDS = {"which", "who", "whom", "whose"}


def _without_aside(doc: Doc, content: set[int]) -> set[int]:
    """The content without a closing aside after a comma (", which makes him an outlier", ",
    contradicting the police"): the writer's comment, not what was said, as PolNeAR marks it; nor
    with a closing ", according to X", which is X's statement of its own."""
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
        if opener.lower_ == "according" and opener.right_edge.i >= last - 1:
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


def attach_quotes(
    doc: Doc, quotes: list[tuple[set[int], int]], in_quote: set[int], candidates: list[Candidate]
) -> None:
    """Give each quotation to a candidate, or make it one (extraction and training alike)."""
    for quote, end in quotes:
        _attach_quote(doc, quote, end, candidates, in_quote)


def _attach_quote(
    doc: Doc, quote: set[int], end: int, candidates: list[Candidate], in_quote: set[int]
) -> None:
    """Give a quotation to the statement that already holds part of it, or attribute it."""
    if not quote:
        return
    holders = []
    for c in candidates:
        shared = c.content & quote
        if shared and not _words(doc, shared):  # an opening mark spaCy left in the sentence before
            c.content -= quote
        elif shared and not set(c.cue) & quote:
            holders.append(c)
    if holders:
        for c in holders:
            c.content |= quote - set(c.cue) - _source_set(c)
        return
    short = _words(doc, quote) < MIN_QUOTE_WORDS
    signed = None if short else signature(doc, end)
    if signed is not None:
        candidates.append(Candidate(cue=[signed[0]], source=signed[1], content=set(quote), anchor=signed[0]))
        return
    cue = _said_after(doc, quote) if short else _nearest_cue(doc, quote)
    if cue is None and short:
        return
    if cue is not None:
        same = [c for c in candidates if c.anchor == cue.i]
        if same:  # "“One,” said X, “two.”": both halves belong to one statement
            same[0].content = (same[0].content - _hearer(cue)) | quote
        else:
            candidates.append(
                Candidate(cue=_cue_tokens(cue), source=_source(cue), content=set(quote), anchor=cue.i)
            )
        return
    # A floating quote continues the statement just before it, as newswire quotes run on, unless
    # another speaker's cue comes between ("“...,” she said as she took the stage. “...”" does not).
    before = [c for c in candidates if c.content and max(c.content) < min(quote) and c.source is not None]
    if before:
        prev = _quoting_speaker(doc, max(before, key=lambda c: max(c.content)), before, in_quote)
        # "said the crews were brave. “...”" runs on; PolNeAR gives the quote after "praised the
        # crews" or "announced his candidacy" a cue of its own, which the rules could not find
        cue = doc[prev.anchor]
        by_object = any(c.dep_ == "dobj" and c.i in prev.content for c in cue.children)
        if cue.pos_ == "VERB" and (by_object or cue.lemma_.lower() not in SPEECH_VERBS):
            return
        if not prev.content & in_quote:  # "said the plan was dead. “...”": PolNeAR starts anew
            return
        gap = range(max(prev.content) + 1, min(quote))
        others = [c for c in candidates if c is not prev and any(i in gap for i in c.cue) and doc[c.cue[0]].sent != cue.sent]
        if len(gap) < MAX_FLOAT_GAP and not others:
            prev.content |= quote


def _quoting_speaker(doc: Doc, last: Candidate, before: list[Candidate], in_quote: set[int]) -> Candidate:
    """The statement a floating quote may continue: the last one, unless that one quotes nothing and
    a quoting statement shares its sentence ("“...,” Trump said, referring to Kerry. “...”", "“...”
    said Ann Cole, who has accused the board of lying. “...”": the aside does not take the quote)."""
    if last.content & in_quote:
        return last
    sentence = doc[last.anchor].sent
    quoting = [
        c
        for c in before
        if c.content & in_quote and doc[c.anchor].sent == sentence and doc[c.anchor].lemma_.lower() in SPEECH_VERBS
    ]
    return max(quoting, key=lambda c: max(c.content)) if quoting else last


def _said_after(doc: Doc, quote: set[int]) -> Token | None:
    """ "“Absolutely,” he said.", "“Quiet!” demanded Trump.": a short quote that opens its sentence,
    closed by its own comma and followed at once by who said it; any other short quote is a title
    or a phrase the writer borrows ("told “Fox and Friends,” that ...")."""
    first, last = min(quote), max(quote)
    inside = doc[last - 1] if doc[last].is_quote else doc[last]
    if inside.text not in (",", "?", "!") or first != doc[first].sent.start or last + 1 >= len(doc):
        return None
    after = doc[last + 1]
    verbs = [after] if after.pos_ in ("VERB", "AUX") else [t for t in after.ancestors if t.pos_ in ("VERB", "AUX")][:1]
    if not verbs or verbs[0].lemma_.lower() not in SPEECH_VERBS:
        return None
    verb, source = verbs[0], _source(verbs[0])
    said_first = verb.i == last + 1 and source is not None and source[0] == verb.i + 1
    return verb if said_first or source == (last + 1, verb.i) else None


def _hearer(verb: Token) -> set[int]:
    """The object that stops being content once a quotation is found for the verb: whoever was told
    ("“...,” Burton told state delegates") or the "it" of "as Cole put it"."""
    if verb.lemma_.lower() not in HEARING and not _put_it(verb):
        return set()
    return {i for c in verb.children if c.dep_ == "dobj" for i in subtree(c)}


def _put_it(verb: Token) -> bool:
    """ "as Senator Cole put it, “...”": a reporting verb with its "it"."""
    doc = verb.doc
    return verb.lemma_.lower() == "put" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "it" and doc[verb.i + 1].dep_ == "dobj"


def _nearest_cue(doc: Doc, quote: set[int]) -> Token | None:
    """A reporting verb with a subject, outside the quote, in its sentence or a short neighbour."""
    # from its first word: spaCy often leaves an opening mark at the end of the sentence before
    first = doc[min((i for i in quote if not doc[i].is_punct), default=min(quote))]
    last = doc[max(quote)]
    window = list(range(first.sent.start, last.sent.end))
    before = doc[first.sent.start - 1].sent if first.sent.start > 0 else None
    if before is not None and before[-1].text == ":":
        window = list(range(before.start, before.end)) + window
    if last.sent.end < len(doc):
        after = doc[last.sent.end].sent
        if len(after) <= 8 and "\n" not in doc[after.start - 1].whitespace_ + doc[after.start - 1].text:
            window += list(range(after.start, after.end))  # "“...” \n Trump agreed." is another paragraph
    options = [
        doc[i]
        for i in window
        if i not in quote
        and (doc[i].lemma_.lower() in SPEECH_VERBS or _put_it(doc[i]))
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
    cue = [verb.i, verb.i + 1] if _put_it(verb) else [verb.i]
    helpers = {c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")}
    while cue[0] - 1 in helpers:
        cue.insert(0, cue[0] - 1)
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ == "for" and child.i == verb.i + 1):
            cue.append(child.i)
        elif child.dep_ == "prep" and child.lower_ == "in" and child.i > verb.i:
            nouns = [c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in NOUN_CUES]
            if nouns:
                cue.extend(range(child.i, nouns[0].i + 1))
    return sorted(cue)


def _with_carrier(verb: Token, cue: list[int], content: set[int]) -> list[int]:
    """The cue from the verb that carries the reporting one ("tried to show", "began asking",
    "issued a statement saying"), as PolNeAR marks it."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in CARRIERS:
        carrier = head
    elif verb.dep_ == "acl" and verb.tag_ == "VBG" and _issued(head):
        carrier = head.head
    else:
        return cue
    start = _cue_tokens(carrier)[0]
    if carrier.i > verb.i or content & set(range(start, verb.i)):
        return cue
    return sorted({*cue, *range(start, verb.i)})


def _asks_for_comment(noun: Token) -> bool:
    """ "a request for comment": newsroom routine, not something anyone said."""
    return noun.lemma_.lower() in NO_COMMENT and any(t.lemma_.lower() == "comment" for t in noun.subtree)


def _with_modifiers(verb: Token, cue: list[int], content: set[int], in_quote: set[int]) -> list[int]:
    """The cue with the adverbs and dates right after it ("said Friday", "wrote recently",
    "said dryly"), as PolNeAR marks them; never into the content or a quote."""
    last = max(cue)
    for child in verb.rights:
        if child.i <= last:
            continue
        if child.left_edge.i != last + 1 or child.dep_ not in ("npadvmod", "advmod"):
            break
        if any(t.i in content or t.i in in_quote for t in child.subtree):
            break
        last = child.right_edge.i
    return sorted({*cue, *range(min(cue), last + 1)})


def _source(verb: Token, depth: int = 0) -> tuple[int, int] | None:
    """The speaker: the agent or subject of the verb, or of the verb it depends on ("adding")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return noun_phrase(objects[0])
    # the subject nearest the verb: "“That, unfortunately,” he said" has two for spaCy
    subjects = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and verb.lemma_ == "quote")]
    subjects = subjects or _inverted_subject(verb)
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in EXPLETIVES and child.dep_ == "nsubj" and verb.lemma_ in RAISING:
            return None
        return noun_phrase(child)
    speaker = _speaker_clause(verb)
    if speaker is not None:
        return speaker.left_edge.i, speaker.right_edge.i + 1
    if any(c.dep_ == "nsubjpass" for c in verb.children) or depth >= 3 or verb.head.i == verb.i:
        return None
    if verb.tag_ == "VBN" and verb.dep_ == "advcl":  # "Asked about X, Y said": Y was asked
        return None
    if _reports_on(verb):  # "X said he ... and questioned ...": X questioned
        return _source(verb.head.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return _speaking_noun(verb.head, verb, depth)
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        head = verb.head.head if verb.head.pos_ == "ADP" else verb.head  # "quoted as saying"
        return _source(head, depth + 1)
    return None


def _speaker_clause(verb: Token) -> Token | None:
    """ "Jeffrey Salkin, a rabbi helping to organize the boycott, said he ...", "Sanders, who sits at
    zero endorsements, said that ...": spaCy reads the speaker, set off by a comma, as a clause the
    verb reports, beside the one it does report."""
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_.startswith("nsubj") for c in verb.children) or not any(c.dep_ == "ccomp" for c in verb.rights):
        return None
    before = [c for c in verb.lefts if c.dep_ == "ccomp" and c.right_edge.i == verb.i - 2]
    named = [s for c in before for s in c.lefts if s.dep_ == "nsubj" and s.pos_ in ("PROPN", "NOUN")]
    return before[0] if named else None


def _inverted_subject(verb: Token) -> list[Token]:
    """ "“...,” added a South Carolina Democrat": spaCy reads a speaker after the verb as its object
    when the quoted clause comes first."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS or lemma in ASKING | OBJECT_CONTENT | HEARING or verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    if not (before.is_quote or before.text == ","):
        return []
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return []
    return [c for c in verb.rights if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1]


def _speaking_noun(noun: Token, verb: Token, depth: int) -> tuple[int, int] | None:
    """ "polls showing a tight race": the polls; "issued a statement saying ...": who issued it."""
    if _issued(noun):
        issuer = _source(noun.head, depth + 1)
        if issuer is not None:
            return issuer
    start, end = noun_phrase(noun)
    end = min(end, verb.left_edge.i)
    while end > start and noun.doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def _issued(noun: Token) -> bool:
    """ "issued a statement", "released a report": a noun cue as the object of whoever put it out."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() in NOUN_CUES


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


def char_spans(doc: Doc, tokens: set[int] | list[int], trim: bool) -> list[tuple[int, int]]:
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
    spans = char_spans(doc, tokens, trim)
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
