"""Large feeds and JSON files: read whole up to a stated limit, refused beyond it in one named
line, never cut short in silence and never held whole when over the limit."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from saidwhat.model import Article
from saidwhat.read import MAX_CHARS, read_inputs
from saidwhat.read.feed import MAX_FEED_BYTES
from saidwhat.read.jsonl import MAX_LINE_BYTES

MiB = 1 << 20
STORY = (
    "<p>The Orsk water board said on Wednesday that the new reservoir would be full by the autumn, "
    "ending two summers of rationing in the valley towns.</p><p>&quot;We expect no cuts next year,"
    "&quot; board chair Mila Tove told reporters at the dam.</p>"
)


def feed_item(number: int) -> bytes:
    return (
        f"<item><guid>https://orsk.example/water/{number}</guid><link>https://orsk.example/water/{number}</link>"
        f"<title>Reservoir report {number}</title><description>{STORY.replace('<', '&lt;')}</description></item>"
    ).encode()


def write_feed(path: Path, padding: int) -> Path:
    """A feed of two stories with ``padding`` bytes of comment between them, a mebibyte at a time."""
    with path.open("wb") as out:
        out.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Orsk Herald</title>')
        out.write(feed_item(1) + b"<!--")
        for _ in range(padding // MiB):
            out.write(b" " * MiB)
        out.write(b"-->" + feed_item(2) + b"</channel></rss>")
    return path


def write_padded_json(path: Path, padding: int) -> Path:
    """A JSON list of one good record and ``padding`` bytes of white space after it."""
    with path.open("wb") as out:
        out.write(b"[" + json.dumps({"id": "orsk", "text": "The reservoir is full, Mila Tove said."}).encode())
        for _ in range(padding // MiB):
            out.write(b" " * MiB)
        out.write(b"]")
    return path


def test_a_feed_larger_than_a_page_keeps_its_last_entries(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "big.rss", 21 * MiB)
    assert feed.stat().st_size > 20 * MAX_CHARS  # the largest HTML page, where the feed used to be cut
    results = list(read_inputs([str(feed)]))
    assert [r.id for r in results if isinstance(r, Article)] == [
        "https://orsk.example/water/1",
        "https://orsk.example/water/2",
    ]


def test_a_feed_over_the_limit_is_refused_in_one_line(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "huge.rss", MAX_FEED_BYTES + MiB)
    [error] = read_inputs([str(feed)])
    assert str(error) == f"{feed}: feed too large (over {MAX_FEED_BYTES:,} bytes)"


def test_a_json_file_over_the_limit_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = write_padded_json(tmp_path / "huge.json", MAX_LINE_BYTES + MiB)
    tracemalloc.start()
    try:
        [error] = read_inputs([str(path)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    reason = f"JSON file too large (over {MAX_LINE_BYTES:,} bytes; write long lists as JSON Lines)"
    assert str(error) == f"{path}: {reason}"
    assert peak < MAX_LINE_BYTES + 8 * MiB  # at most the limit is held, never the whole file


def test_a_json_file_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = write_padded_json(tmp_path / "padded.json", 30 * MiB)
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and article.id == "orsk"
