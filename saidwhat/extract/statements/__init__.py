"""Statements: who said what, with which cue, read off the dependency parse and the quote marks.

Three kinds of finder feed one list of ``Candidate`` records (a cue, a speaker and a content as
token sets):
- reporting verbs and nouns with their content (``content``): a clause ("said that ...", "asked
  Putin to deploy ..."), an object ("cited a poll"), the clause they stand beside (``"The
  economy," she said, "is strong."``), a noun's clause or phrase ("her remarks that ...", "the
  support of X"); a learned cue model judges them (``candidates``, ``cue_model``), and keeps
  besides an organisation's plans and anyone's forecasts (``intentions``);
- phrases (``phrases``): "according to X", "In a new poll, ...", speaker labels and a name
  before a colon;
- quotations no finder claimed (``quotations``), attributed to the nearest reporting verb around
  them, to a dash signature or, failing those, to the quoting statement just before them (a
  floating quote).
A statement whose cue lies inside another's content is reported through it (``via``, ``records``).
"""

from .candidate import Candidate, Judged
from .candidates import cue_candidate, cue_candidates
from .extract import extract_statements
from .quotations import attach_quotes, quotations
from .records import char_spans

__all__ = [
    "Candidate",
    "Judged",
    "attach_quotes",
    "char_spans",
    "cue_candidate",
    "cue_candidates",
    "extract_statements",
    "quotations",
]
