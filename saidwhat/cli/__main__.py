"""``python -m saidwhat.cli``: the same command as ``saidwhat``."""

from . import app

app()
