"""What some tests need beyond the package: the corpora in ``../shared/data`` (read by path, never
copied in), PostgreSQL's server binaries, Debian's Chromium. Where one is missing its tests skip,
except in CI (``CI`` set, as ``.ci/run`` runs there), where they fail: a green CI run is one in
which every test ran."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def missing(message: str) -> NoReturn:
    """Skip the test for want of ``message``'s need, or fail it in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must provide this: {message}")
    pytest.skip(message)
