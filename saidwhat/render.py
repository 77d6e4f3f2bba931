"""Every way saidwhat writes its results out: the readable text report of an extraction
(``saidwhat extract --format text``), and stored rows as a terminal table, JSON, CSV or JSON Lines
(the listing commands and the web exports), one cell format shared by the text outputs."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date
from typing import TYPE_CHECKING, Literal, TextIO

from rich.table import Table

from .model import Extraction, Statement

if TYPE_CHECKING:
    from .store import ArticleRow, ClaimRow, SpeakerRow, StatementRow

    Row = ArticleRow | StatementRow | SpeakerRow | ClaimRow

ExportFormat = Literal["csv", "jsonl"]
MEDIA_TYPES: dict[ExportFormat, str] = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}


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


def _cell(value: object) -> str:
    """Dates ISO, booleans lower-case as in JSON, a missing value empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _iso(value: date) -> str:
    """The JSON of a date, the one value in rows that ``json`` cannot write itself."""
    return value.isoformat()


def rows_to_csv(rows: Sequence[Row], file: TextIO, columns: Sequence[str] | None = None) -> None:
    """Write a header and one line per row; ``columns`` defaults to every field of the rows.

    With no rows and no ``columns`` nothing is written, as there is no header to infer.
    """
    if columns is None:
        if not rows:
            return
        columns = [f.name for f in fields(rows[0])]
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(getattr(row, c)) for c in columns] for row in rows)


def rows_to_json(rows: Sequence[Row]) -> str:
    """A JSON array of objects, one per row, with ISO dates and non-ASCII text kept as is."""
    return json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2, default=_iso)


def rows_to_jsonl(rows: Sequence[Row]) -> str:
    """JSON Lines: one object per row, as in ``rows_to_json``."""
    return "".join(json.dumps(asdict(row), ensure_ascii=False, default=_iso) + "\n" for row in rows)


def rows_table(rows: Sequence[Row], columns: Sequence[str]) -> Table:
    """A rich Table of the chosen columns, headed by the field names."""
    table = Table(*columns)
    for row in rows:
        table.add_row(*(_cell(getattr(row, c)) for c in columns))
    return table


def export_text(rows: Sequence[Row], row_type: type, format: ExportFormat) -> str:
    """``rows`` (dataclasses of ``row_type``) as an export; a CSV of no rows still has its header."""
    if format == "jsonl":
        return rows_to_jsonl(rows)
    buffer = io.StringIO()
    rows_to_csv(rows, buffer, [f.name for f in fields(row_type)])
    return buffer.getvalue()
