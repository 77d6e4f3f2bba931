"""Query rows as CSV, JSON or a terminal table, one cell format shared by the text outputs."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date
from typing import TextIO

from rich.table import Table

from .queries import ClaimRow, SpeakerRow, StatementRow

Row = StatementRow | SpeakerRow | ClaimRow


def _cell(value: object) -> str:
    """Dates ISO, booleans lower-case as in JSON, a missing value empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


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
    return json.dumps(
        [asdict(row) for row in rows],
        ensure_ascii=False,
        indent=2,
        default=lambda value: value.isoformat(),
    )


def rows_table(rows: Sequence[Row], columns: Sequence[str]) -> Table:
    """A rich Table of the chosen columns, headed by the field names."""
    table = Table(*columns)
    for row in rows:
        table.add_row(*(_cell(getattr(row, c)) for c in columns))
    return table
