"""The human-readable report of ``saidwhat extract --format text``: who said what, by speaker."""

from __future__ import annotations

from collections import defaultdict

from .model import Extraction, Statement


def speaker_name(extraction: Extraction, statement: Statement) -> str:
    """The canonical entity name when the source resolved, else the source as written."""
    if statement.source is None:
        return "(no source)"
    names = {e.id: e.name for e in extraction.entities}
    return names.get(statement.source.entity or "", statement.source.text)


def text_report(extraction: Extraction) -> str:
    lines = [f"# {extraction.title or extraction.id}"]
    meta = [f"id {extraction.id}"]
    if extraction.published:
        meta.append(f"published {extraction.published.isoformat()}")
    if extraction.url:
        meta.append(extraction.url)
    lines.append(" · ".join(meta))
    by_speaker: dict[str, list[Statement]] = defaultdict(list)
    for statement in extraction.statements:
        by_speaker[speaker_name(extraction, statement)].append(statement)
    if not by_speaker:
        lines.append("\nNo statements found.")
    for speaker, statements in by_speaker.items():
        lines.append(f"\n## {speaker}")
        for s in statements:
            flags = [f for f, on in (("hedged", s.hedged), ("negated", s.negated), ("future", s.future)) if on]
            when = [f"said {s.said_on.isoformat()}"] if s.said_on else []
            if s.due:
                when.append(f"due {s.due.isoformat()}")
            via = f" via {s.via}" if s.via else ""
            tail = "; ".join(when + flags)
            content = " ".join(s.content.text.split())  # one line per statement, however it was wrapped
            lines.append(f"- [{s.id} {s.kind}{via}] {s.cue.text}: {content}" + (f"  ({tail})" if tail else ""))
    if extraction.times:
        lines.append("\n## Time expressions")
        for t in extraction.times:
            mod = f" mod={t.mod}" if t.mod else ""
            lines.append(f"- {t.text!r} {t.type} {t.value}{mod}")
    return "\n".join(lines)
