"""Any listing as a download: CSV with a header, or JSON Lines with one object per row."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any, Literal

from starlette.responses import Response

from ..store import rows_to_csv

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}


def export(rows: Sequence[Any], row_type: type, format: Literal["csv", "jsonl"], name: str) -> Response:
    """``rows`` (dataclasses of ``row_type``) as ``name.csv`` or ``name.jsonl``; a CSV of no rows
    still has its header."""
    if format == "csv":
        buffer = io.StringIO()
        rows_to_csv(rows, buffer, [f.name for f in fields(row_type)])
        body = buffer.getvalue()
    else:
        body = "".join(
            json.dumps(asdict(row), ensure_ascii=False, default=lambda value: value.isoformat()) + "\n"
            for row in rows
        )
    return Response(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}.{format}"'},
    )
