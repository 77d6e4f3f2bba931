"""spaCy's attribute ruler and lemmatizer as table look-ups: the same annotations in a fraction
of the time.

Attribute ruler. The English models map tags to parts of speech, morphology and some lemmas with an
``AttributeRuler`` of a few hundred token patterns. Its ``Matcher`` tries every pattern on every
token, which costs more than the tagger and the parser's scoring together. Nearly all of those
patterns test one token for equal values, so this component reads the tested attributes of the
whole document as one array, finds each token's candidate patterns by those values, checks only
their remaining conditions, and then sets attributes exactly as the ruler does: all matches first,
applied in the ruler's order (later rules win). A ruler with a pattern the table cannot express is
left as it is.

Lemmatizer. The rule lemmatizer works word by word in Python and caches only some of its answers,
so common words ("the", "said", "Monday") are worked out afresh each time. Its answer depends on
nothing but the word, its part of speech and its morphology, so this component remembers it by
those three for every word, and asks the lemmatizer only for combinations it has not yet seen.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, cast

from spacy.attrs import IDS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from ..errors import Unsupported

# Token attributes a pattern may test; each is read from ``Doc.to_array`` as the Matcher reads it.
ATTRIBUTES = ("TAG", "POS", "DEP", "LOWER", "ORTH", "NORM", "LEMMA", "IS_SPACE", "IS_PUNCT")

Row = list[int]


class Rule(NamedTuple):
    attr_id: int
    length: int
    tests: list[tuple[int, Callable[[Row], bool]]]  # (token offset, condition on its row)


def _id(value: str | bool) -> int:
    return int(value) if isinstance(value, bool) else get_string_id(value)


def _condition(column: int, value: object, strings: StringStore) -> Callable[[Row], bool]:
    if isinstance(value, (str, bool)):
        wanted = _id(value)
        return lambda row: row[column] == wanted
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operator in ("IN", "NOT_IN"):
            members = {_id(v) for v in operand}
            if operator == "IN":
                return lambda row: row[column] in members
            return lambda row: row[column] not in members
        if operator == "REGEX":
            pattern = re.compile(operand)
            return lambda row: bool(pattern.search(strings[row[column]]))
    raise Unsupported(f"value {value!r}")


def _keys(spec: dict) -> tuple[str | None, list[int]]:
    """The attribute and values under which a pattern is indexed (every token it matches has one
    of them), or None for a pattern that every token must be checked against."""
    for attr, value in spec.items():
        if isinstance(value, (str, bool)):
            return attr, [_id(value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return attr, [_id(v) for v in value["IN"]]
    return None, []


class _Component:
    """What spaCy asks of a pipeline component that works one document at a time."""

    name: str

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class AttributeTable(_Component):
    """Applies an ``AttributeRuler``'s patterns through an index on the first token's values."""

    def __init__(self, name: str):
        self.name = name
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.columns: list[str] = []
        self.index: dict[tuple[int, int], list[Rule]] = defaultdict(list)
        self.scan: list[Rule] = []

    def load(self, ruler: AttributeRuler) -> AttributeTable:
        """Index the ruler's patterns; raises ``Unsupported`` for one the table cannot express."""
        entries = cast(list[dict[str, Any]], ruler.patterns)  # spaCy declares a wider union
        patterns = [(attr_id, p) for attr_id, entry in enumerate(entries) for p in entry["patterns"]]
        used = {attr for _, pattern in patterns for spec in pattern for attr in spec}
        if unknown := used - set(ATTRIBUTES):
            raise Unsupported(f"attributes {sorted(unknown)}")
        self.attrs, self.indices, self.columns = ruler.attrs, ruler.indices, sorted(used)
        self.index.clear()
        self.scan.clear()
        for attr_id, pattern in patterns:
            if not pattern or any("OP" in spec for spec in pattern):
                raise Unsupported(f"pattern {pattern!r}")
            key, values = _keys(pattern[0])
            tests = [
                (offset, _condition(self.columns.index(attr), value, ruler.vocab.strings))
                for offset, spec in enumerate(pattern)
                for attr, value in spec.items()
                if (offset, attr) != (0, key)  # the index already holds it
            ]
            rule = Rule(attr_id, len(pattern), tests)
            if key is None:
                self.scan.append(rule)
                continue
            column = self.columns.index(key)
            for value in values:
                self.index[(column, value)].append(rule)
        return self

    def __call__(self, doc: Doc) -> Doc:
        array = doc.to_array([IDS[attr] for attr in self.columns]).tolist()
        # one attribute comes back as a flat array
        rows: list[Row] = [[value] for value in array] if len(self.columns) == 1 else array
        matches = set()
        for i, row in enumerate(rows):
            candidates = list(self.scan)
            for column, value in enumerate(row):
                candidates.extend(self.index.get((column, value), ()))
            for rule in candidates:
                end = i + rule.length
                if end <= len(rows) and all(test(rows[i + offset]) for offset, test in rule.tests):
                    matches.add((rule.attr_id, i, end))
        for attr_id, start, end in sorted(matches):
            index = self.indices[attr_id]
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[attr_id])
        return doc


class LemmaTable(_Component):
    """Sets each lemma the lemmatizer would, from a table keyed by word, part of speech and
    morphology; only unseen combinations reach the lemmatizer."""

    LIMIT = 500_000  # entries before the table starts afresh, so a long run's memory stays flat

    def __init__(self, name: str):
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def load(self, lemmatizer: Lemmatizer) -> LemmaTable:
        self.lemmatizer = lemmatizer
        self.lemmas.clear()
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        assert lemmatizer is not None, "spaCy loads a component before it runs"
        rows = doc.to_array([IDS["ORTH"], IDS["POS"], IDS["MORPH"], IDS["LEMMA"]]).tolist()
        overwrite = lemmatizer.overwrite
        if len(self.lemmas) > self.LIMIT:
            self.lemmas.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self.lemmas.get(key)
            if found is None:
                token = doc[i]
                token.lemma_ = lemmatizer.lemmatize(token)[0]
                self.lemmas[key] = token.lemma
            else:
                doc[i].lemma = found
        return doc
