"""Read the PolNeAR attribution corpus: article texts and their brat standoff annotations.

Layout: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``, plus a
``metadata.tsv`` with each article's publication date. Offsets are code-point offsets into the
text read as UTF-8 with no newline translation, the same convention as saidwhat's own output.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Article, Span

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT = re.compile(r"^E\d+\t(.*)$")
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution; an absent source has no spans."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    published: date | None
    title: str | None
    annotator: str
    attributions: tuple[GoldAttribution, ...]

    def article(self) -> Article:
        """The article as saidwhat would read it, for running the extractor on gold text."""
        return Article(id=self.id, text=self.text, published=self.published, title=self.title)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one brat ``.ann`` text: one per ``E`` line, in file order.

    Only Source, Cue and Content arguments are kept (the event trigger repeats the cue); brat
    numbers a repeated role (``Content2``), so those spans join the role's first argument's.
    Annotator notes and stray continuation lines of multi-line span texts are skipped.
    """
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[str] = []
    for line in ann.splitlines():
        if m := _TEXTBOUND.match(line):
            pairs = (piece.split() for piece in m.group(3).split(";"))
            spans[m.group(1)] = tuple((int(s), int(e)) for s, e in pairs)
        elif m := _EVENT.match(line):
            events.append(m.group(1))
    return tuple(_attribution(args, spans) for args in events)


def _attribution(args: str, spans: dict[str, tuple[Span, ...]]) -> GoldAttribution:
    roles: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
    for arg in args.split():
        role, ref = arg.split(":")
        name = _ROLES.get(role.rstrip("0123456789"))
        if name is not None:
            roles[name].extend(spans[ref])
    return GoldAttribution(**{name: tuple(sorted(found)) for name, found in roles.items()})


def read_metadata(data_dir: Path) -> dict[str, dict[str, str]]:
    """metadata.tsv rows by file name (without extension)."""
    with (data_dir / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def load_polnear(data_dir: Path, split: str) -> list[GoldArticle]:
    """Every article of a split that has annotations, sorted by id.

    Where several annotators annotated an article the lexicographically first ``.ann`` file is
    the gold, as EVAL.md fixes it.
    """
    data_dir = Path(data_dir)
    ann_dir = data_dir / split / "attributions"
    if not ann_dir.is_dir():
        raise FileNotFoundError(f"no PolNeAR split {split!r}: {ann_dir} is missing")
    metadata = read_metadata(data_dir) if (data_dir / "metadata.tsv").exists() else {}
    ann_files: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        ann_files.setdefault(path.stem.rsplit("_", 1)[0], path)
    articles = []
    for name, ann_path in sorted(ann_files.items()):
        with (data_dir / split / "text" / f"{name}.txt").open(encoding="utf-8", newline="") as f:
            text = f.read()
        row = metadata.get(name, {})
        articles.append(
            GoldArticle(
                id=name,
                text=text,
                published=date.fromisoformat(row["publication_date"]) if row else None,
                title=row.get("title") or None,
                annotator=ann_path.stem.rsplit("_", 1)[1],
                attributions=parse_ann(ann_path.read_text(encoding="utf-8")),
            )
        )
    return articles

