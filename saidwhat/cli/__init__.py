"""The ``saidwhat`` command: extract, ingest, query and evaluate.

Each module registers its commands on ``app`` when imported; ``--help`` lists the top-level
commands in import order, then the sub-apps in the order they are added here.
"""

from . import extracting, listing, serving  # noqa: F401 (imported for their commands)
from .actors import actors_app
from .claims import claims_app
from .common import app
from .evaluating import eval_app, train_app

app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
app.add_typer(actors_app, name="actors")
app.add_typer(claims_app, name="claims")

__all__ = ["app"]
