"""People and organisations: one canonical record per entity per article.

spaCy's NER labels each mention on its own, so the same name can come out PERSON in one sentence
and ORG in the next, and a title, a wrapped line or a dateline can end up inside a name. The
stages, one module each:
- ``mentions``: each NER span read as a mention, its name cleaned (whitespace-normalised, without
  articles, honorifics, titles, markup or a possessive ending) and its type evidence counted;
  ``roles`` reads the titles written before it or in apposition ("Belarusian President", "the
  Belarusian president");
- ``grouping``: mentions grouped whatever their order (the same name; a surname, first name,
  short company name or acronym joins the one full name it fits), the group's type voted over
  the article (titles, given names and appositives say PERSON; a newspaper, an agency or a
  company suffix says ORG; else spaCy's majority), its name its longest full form; surnames alone
  and definite descriptions built on a role ("the Belarusian leader") added as mentions;
- ``resolution``: the ``EntityIndex`` that resolves a source at its head, and pronouns and
  descriptions by salience (see ``EntityIndex.antecedent``);
- ``extract``: the order of those stages, junk dropped, the index built;
- ``words``: the word lists they read.
"""

from .extract import extract_entities
from .resolution import EntityIndex

__all__ = ["EntityIndex", "extract_entities"]
