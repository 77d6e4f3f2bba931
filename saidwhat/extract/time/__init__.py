"""Time expressions (TIMEX3): found in a parsed article and valued against its publication date.

``expressions`` runs the grammar in ``rules`` over a document and re-anchors values through
``anaphora``; ``tense`` reads the direction a partial date points from the verb that governs
it, ``calendar`` anchors partial dates by that tense, ``periods`` values the periods a report
speaks of ("the quarter", "a year earlier"), ``values`` writes and reads TIMEX3 values, and
``lexicon`` holds the words of time.
"""

from .expressions import extract_times

__all__ = ["extract_times"]
