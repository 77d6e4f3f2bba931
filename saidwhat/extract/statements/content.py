"""What a verb, noun or adjective cue reports, read off the dependency parse: a clause ("said
that ...", "asked Putin to deploy ..."), an object ("cited a poll"), the clause it stands beside
(``"The economy," she said, "is strong."``), a passive subject, a noun's clause or phrase ("her
remarks that ...", "the support of X") or an adjective's ("is worried that ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Content, ContentKind, subtree
from .cues import (
    ASKING,
    CLAUSE_ONLY,
    COGNITIVE,
    EXPLETIVES,
    NOT_ATTRIBUTING,
    NOT_BESIDE_QUOTES,
    NOUN_CUES,
    OBJECT_CONTENT,
    OBJECT_CONTROL,
    OBJECT_PREPOSITIONS,
    OCCASION_PREPOSITIONS,
    OCCASIONS,
    RAISING,
    SPEECH_VERBS,
)
from .speakers import noun_phrase, participle_after, reports_on, speaker_clause, speaker_span

NOUN_PREPOSITIONS = {"of", "about", "on", "over", "for", "against"}  # "claims about", "ire over"
BACKING = {"support", "backing"}  # nouns of endorsement, read by who gives and who gets
GIVERS = {"of", "from", "among"}
TARGETS = {"for", "behind", "to"}
ANSWERS = {"yes", "no", "so"}  # "72 percent said yes", "half said so"
WISHES = {"ask", "decline", "request", "want", "refuse", "prefer"}  # "asked not to be named"
UNNAMED = {"name", "identify", "quote"}
# Adjectives that judge how an act was done, not a stance held: their infinitive reports only when
# it is one of speech ("are quick to point out", "is correct to note").
JUDGING = {"right", "wrong", "correct", "quick", "slow", "first", "last", "wise", "smart", "foolish", "free", "able"}
NO_COMMENT = {"request", "message", "inquiry", "call", "email"}  # "did not respond to requests for comment"
# "skeptical of", "worried about", "eager for": what an adjective's stance is about
STANCE_PREPOSITIONS = {"of", "about", "with", "on", "over", "against", "by", "to", "in", "at", "for", "among"}


def verb_content(verb: Token) -> Content | None:
    """How a verb's content hangs off it: a clause ("said that", "asked X to"), an object ("cited
    a poll"), the clause it stands beside ("“...,” she said") or a passive subject ("the plan was
    backed by X"); with its speaker and whether a listed verb takes it so."""
    lemma = verb.lemma_.lower()
    if lemma in NOT_ATTRIBUTING or _concessive(verb) or _unnamed(verb):
        return None
    if lemma in RAISING:
        return _impression(verb)
    listed = lemma in SPEECH_VERBS | COGNITIVE
    # "plans to call", "refused to discuss": the rules read the infinitive as the content
    infinitive = verb.tag_ == "VB" and _has_to(verb)
    speaker = speaker_clause(verb) or participle_after(verb)
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") and c != speaker]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ not in ("VERB", "AUX") and c != speaker]
    clauses += _statement_clauses(verb)
    if lemma in ASKING:  # "asked the students if they ...", where spaCy reads "if" as a condition
        clauses += [c for c in verb.rights if c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.lefts)]
    clauses += _further_clauses(verb, clauses)
    content: set[int] = set()
    kind: ContentKind = "clause"
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
    # a verb that is not a cue and that a verb of speech reports is no cue beside it: "“This is ...,” said X"
    reported = not listed and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS
    beside = (lemma not in NOT_BESIDE_QUOTES or _as_clause(verb)) and _reports_its_head(verb) and not reported
    if not content and beside:
        head = verb.head
        kind, content = "beside", set(range(head.left_edge.i, head.right_edge.i + 1)) - subtree(verb)
    if not content and not by_object and lemma not in CLAUSE_ONLY:  # "told reporters": for the model to judge
        kind, content = "object", _object_content(verb)
    if not content and any(c.dep_ == "agent" for c in verb.children):
        kind, content = "passive", {i for c in verb.children if c.dep_ == "nsubjpass" for i in subtree(c)}
    if not content:
        return None
    if kind in ("clause", "object"):
        content |= _passive_subject(verb)
    approved = listed and not infinitive and (kind in ("clause", "beside") or lemma in OBJECT_CONTENT)
    return Content(kind, content, speaker_span(verb), approved)


def _unnamed(verb: Token) -> bool:
    """ "an official, who asked not to be named", "declined to be identified", "asked that his name
    not be used": a source's wish to stay unnamed, which PolNeAR leaves inside the source."""
    if verb.lemma_.lower() not in WISHES:
        return False
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp") or not any(c.dep_ == "auxpass" for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if clause.lemma_.lower() in UNNAMED or subject is not None and subject.lemma_.lower() == "name":
            return True
    return False


def _concessive(verb: Token) -> bool:
    """ "That said, early retirement comes in various shapes": a sentence opened as with "still",
    where no one says anything."""
    doc, i = verb.doc, verb.i
    opener = doc[i - 1] if i else None
    return (
        verb.lower_ == "said" and opener is not None and bool(opener.is_sent_start)
        and opener.lower_ in ("that", "this") and i + 1 < len(doc) and doc[i + 1].text == ","
    )


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
        if verb.doc[subject.i - 1].text == ",":  # "WeWork, which is expected to ...": the name, not
            return set(range(start, subject.i - 1))  # the comma that would make the clause an aside
    return set(range(start, subject.right_edge.i + 1))


def adjective_content(adjective: Token) -> Content | None:
    """ "is worried that ...", "was eager to ...", "are skeptical of free trade": a stance, for the
    cue model to judge, held by the subject of the verb the adjective completes."""
    clauses = [c for c in adjective.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if adjective.lemma_.lower() in JUDGING and not any(c.lemma_.lower() in SPEECH_VERBS for c in clauses):
        return None  # "were right to take a narrow approach" judges an act; "were quick to point out" reports
    kind: ContentKind
    if clauses:
        kind, content = "stance-clause", set(range(clauses[0].left_edge.i, _clause_end(clauses[0])))
    else:
        objects = _prepositional_objects(adjective, STANCE_PREPOSITIONS)[:1]
        kind, content = "stance-prep", {i for o in objects for i in subtree(o)}
    if not content:
        return None
    return Content(kind, content, speaker_span(adjective.head), False)


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
    """ "said in a statement that ...", "told reporters at a press conference that ...": spaCy hangs
    the clause on the noun, but the verb reports it."""
    return [
        clause
        for p in verb.rights
        if p.dep_ == "prep" and p.lower_ in OCCASION_PREPOSITIONS
        for noun in p.children
        if noun.dep_ == "pobj" and (
            p.lower_ == "in" and noun.lemma_.lower() in NOUN_CUES or noun.lemma_.lower() in OCCASIONS)
        for clause in noun.children
        if clause.dep_ in ("acl", "ccomp", "relcl")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    ]


def _clause_end(clause: Token) -> int:
    """Where a reported clause ends: before a conjoined reporting verb with no subject of its own
    ("said he makes $41,000 a year and questioned how ..."), which spaCy often hangs inside it."""
    for c in clause.rights:
        if reports_on(c):
            end = c.left_edge.i
            while end > clause.i + 1 and (clause.doc[end - 1].dep_ == "cc" or clause.doc[end - 1].is_punct):
                end -= 1
            return end
    return clause.right_edge.i + 1


def _as_clause(verb: Token) -> bool:
    """ "as polls show", "as its supporters point out": any verb stands beside what it reports."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _impression(verb: Token) -> Content | None:
    """ "No one seems to have followed up", "Sanders does not appear ready to ease off": the
    writer's impression, which PolNeAR marks with no source and the subject inside the content."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp", "attr")]
    if not complements:
        return None  # "appeared at a rally"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.lower_ not in EXPLETIVES]
    return Content("impression", {i for c in subjects + complements for i in subtree(c)}, None, False)


def noun_content(noun: Token) -> Content | None:
    """ "the minister's remarks that the war was over", "a statement by the ministry that ...",
    "Trump's claims about the test", "an agreement to curb emissions"."""
    if noun.lemma_.lower() in BACKING:
        return _backing(noun)
    kind: ContentKind = "noun-clause"
    content: set[int] = set()
    marked = False
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
    owners += [
        o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"
    ]
    speaker = (owners[0].left_edge.i, owners[0].right_edge.i + 1) if owners else None  # "Trump's", as PolNeAR marks it
    return Content(kind, content, speaker, marked and noun.lemma_.lower() in NOUN_CUES)


def _backing(noun: Token) -> Content | None:
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
        giver = next(iter(givers or named or subjects or owners), None)
    elif givers and (owners or subjects):  # "has the support of Y", "her support among Y"
        content = subtree((owners or subjects)[0])
        giver = givers[0]
    else:
        return None
    return Content("noun-backing", content, noun_phrase(giver) if giver is not None else None, False)


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
    follows: tuple[str, ...] = ("of", "as", "to", "for", "about") if lemma in ASKING else ("of", "as", "to", "for")
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


def _asks_for_comment(noun: Token) -> bool:
    """ "a request for comment": newsroom routine, not something anyone said."""
    return noun.lemma_.lower() in NO_COMMENT and any(t.lemma_.lower() == "comment" for t in noun.subtree)


ASIDE_WORDS = {"which", "who", "whom", "whose"}


def without_aside(doc: Doc, content: set[int]) -> set[int]:
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
