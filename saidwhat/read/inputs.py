"""Opening inputs as byte streams, and turning every way they can be broken into a ``ReadError``.

Inputs are read as bytes and decoded here, never through text-mode files, so that no newline
translation can shift the offsets that every later stage reports.

A gzipped input is decompressed as it is read, on a budget: once its decompressed bytes outgrow
``MAX_INFLATION`` times the compressed bytes read (beyond ``INFLATION_ALLOWANCE``), a gzip bomb,
reading stops with a ``ReadError``; so does a truncated or corrupt gzip stream, after every byte
before the damage has been read.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from ..errors import ReadError

Format = Literal["text", "html", "jsonl", "json", "warc", "feed"]

STDIN = "-"
MAX_CHARS = 1_000_000
"""The longest article text accepted; longer inputs are refused rather than held in memory."""
MAX_TEXT_BYTES = 4 * MAX_CHARS
"""UTF-8 needs at most four bytes a character, so a longer plain-text file is surely too long."""
MAX_PAGE_BYTES = 20 * MAX_CHARS
"""The largest HTML page handed to the extractor."""
MAX_INFLATION = 100
"""How many times its compressed size a gzip stream may grow: text, HTML and WARC grow 3 to 10 times,
a gzip bomb about 1,000 times."""
INFLATION_ALLOWANCE = 16 * 1024 * 1024
"""Decompressed bytes always allowed, so that a small and very repetitive input is no bomb."""

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
}
_GZIP_MAGIC = b"\x1f\x8b"
_FEED_ROOT = re.compile(rb"^(?:<\?xml[^>]*>|<!--.*?-->|<\?xml-stylesheet[^>]*>|\s)*<(?:rss|feed|rdf:RDF)\b", re.S)
_CHUNK = 1 << 16


class StreamError(ReadError):
    """A stream that breaks part way (a truncated or corrupt gzip stream, a gzip bomb), raised from
    inside whichever reader is reading it; the reader may add where (``path:N``)."""


@dataclass(frozen=True)
class Input:
    """Where an input came from: its name in messages, its default article id, its format."""

    origin: str
    stem: str
    format: Format | None
    """``None`` when the name does not say; the content decides (see ``sniff``)."""

    @classmethod
    def named(cls, name: str) -> Input:
        """The input of a file called ``name``; ``a.txt.gz`` has the id ``a`` and is a ``.txt``."""
        path = Path(name)
        if path.suffix.lower() == ".gz":
            path = path.with_suffix("")
        return cls(name, path.stem, EXTENSIONS.get(path.suffix.lower()))


def expand(names: Iterable[str]) -> Iterator[str]:
    """The names with each folder replaced by the files under it that have a readable extension
    (``.gz`` or not), in path order; hidden files and folders are passed over. A folder with no
    such file stays, to be reported."""
    for name in names:
        folder = Path(name)
        if name == STDIN or not folder.is_dir():
            yield name
            continue
        found = sorted(
            str(path) for path in folder.rglob("*")
            if path.is_file() and Input.named(path.name).format
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        )
        yield from found or [name]


def describe(name: str) -> Input:
    """The input a command-line name stands for: a file, or stdin for ``-``."""
    return Input("<stdin>", "stdin", None) if name == STDIN else Input.named(name)


@contextmanager
def opened(name: str) -> Iterator[io.BufferedReader[Any]]:
    """A peekable binary stream of the input, decompressed when it starts with the gzip magic."""
    if name == STDIN:
        with borrowed(_stdin_bytes(), describe(name).origin) as stream:  # stdin is not ours to close
            yield stream
        return
    with open(name, "rb") as file:
        yield from _unpacked(file, name)


@contextmanager
def borrowed(stream: BinaryIO, origin: str) -> Iterator[io.BufferedReader[Any]]:
    """A peekable, decompressed view of a stream that stays open: its owner closes it."""
    buffered = io.BufferedReader(stream, _CHUNK)  # type: ignore[type-var]  # BinaryIO does not declare readinto
    try:
        yield from _unpacked(buffered, origin)
    finally:
        buffered.detach()


def _unpacked(stream: io.BufferedReader[Any], origin: str) -> Iterator[io.BufferedReader[Any]]:
    if stream.peek(2)[:2] != _GZIP_MAGIC:
        yield stream
        return
    with io.BufferedReader(_Inflated(stream, origin), _CHUNK) as unpacked:
        yield unpacked


class _Counted(io.RawIOBase):
    """A stream that counts the bytes read from it."""

    def __init__(self, stream: io.BufferedReader[Any]):
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = self._stream.readinto(buffer)
        self.count += size
        return size


class _Inflated(io.RawIOBase):
    """The decompressed bytes of a gzip stream, on the budget of ``MAX_INFLATION``; every failure
    a ``StreamError`` of ``origin``, raised only once the bytes before it have all been read."""

    def __init__(self, packed: io.BufferedReader[Any], origin: str):
        self._packed = _Counted(packed)
        self._gzip = gzip.GzipFile(fileobj=self._packed, mode="rb")
        self._origin = origin
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            size = self._gzip.readinto1(buffer)  # one decompression step: no bytes are held back
        except EOFError:
            raise StreamError(self._origin, "truncated gzip stream") from None
        except (gzip.BadGzipFile, zlib.error) as error:
            raise StreamError(self._origin, f"corrupt gzip stream ({error})") from None
        self._size += size
        if self._size > INFLATION_ALLOWANCE + MAX_INFLATION * self._packed.count:
            reason = f"decompressed size exceeds {MAX_INFLATION} times the compressed size (a gzip bomb?)"
            raise StreamError(self._origin, reason)
        return size

    def close(self) -> None:
        self._gzip.close()
        super().close()


def _stdin_bytes() -> BinaryIO:
    """Standard input's bytes; a text-only stand-in (as in tests) is encoded back to UTF-8."""
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8"))


@contextmanager
def failures(origin: str) -> Iterator[None]:
    """Re-raise file-system failures as a one-line ``ReadError``."""
    try:
        yield
    except FileNotFoundError:
        raise ReadError(origin, "no such file") from None
    except IsADirectoryError:
        raise ReadError(origin, f"is a folder with no readable file ({', '.join(EXTENSIONS)})") from None
    except PermissionError:
        raise ReadError(origin, "permission denied") from None
    except OSError as error:
        raise ReadError(origin, (error.strerror or str(error)).lower()) from None


def sniff(stream: io.BufferedReader[Any]) -> Format:
    """Guess a format from the first bytes: ``WARC/`` starts a web archive, ``{`` JSON Lines,
    ``[{`` a JSON list, an ``<rss>``, ``<feed>`` or ``<rdf:RDF>`` root a feed, any other ``<`` an
    HTML page, anything else plain text."""
    head = stream.peek(_CHUNK)[:_CHUNK]
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if _FEED_ROOT.match(head):
        return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"[") and head[1:].lstrip().startswith(b"{"):
        return "json"
    return "html" if head.startswith(b"<") else "text"


def decode(data: bytes, origin: str) -> str:
    """Strict UTF-8, refusing empty and binary input with the byte offset of the first problem."""
    if not data.strip():
        raise ReadError(origin, "empty input")
    nul = data.find(b"\0")
    if nul >= 0:
        raise ReadError(origin, f"binary data, not text (NUL byte at byte offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        reason = f"not valid UTF-8 (byte 0x{bad:02x} at byte offset {error.start})"
        raise ReadError(origin, reason) from None


def too_long(chars: int) -> str:
    return f"article too long ({chars:,} characters; the limit is {MAX_CHARS:,})"


def check_length(text: str, origin: str) -> str:
    if len(text) > MAX_CHARS:
        raise ReadError(origin, too_long(len(text)))
    return text


def read_text(stream: BinaryIO, origin: str) -> str:
    """The whole stream as text, refusing over-long input without holding all of it."""
    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        rest = iter(lambda: stream.read(_CHUNK), b"")
        raise ReadError(origin, too_long(_utf8_length(data) + sum(map(_utf8_length, rest))))
    return check_length(decode(data, origin), origin)


def read_whole(stream: BinaryIO, limit: int, origin: str, too_large: str) -> bytes:
    """The whole stream, or a ``ReadError`` saying ``too_large`` once it passes ``limit`` bytes.

    Read a chunk at a time into one buffer: a single large read would set ``limit`` bytes aside
    at once, even for a gzip bomb refused a few chunks in, and a list of chunks joined would
    hold every byte twice.
    """
    whole = io.BytesIO()
    while chunk := stream.read(_CHUNK):
        if whole.tell() + len(chunk) > limit:
            raise ReadError(origin, too_large)
        whole.write(chunk)
    return whole.getvalue()


def read_page(stream: BinaryIO, origin: str) -> bytes:
    """The whole stream as bytes for the HTML extractor, which detects the page's own encoding."""
    data = stream.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise ReadError(origin, f"page too large (over {MAX_PAGE_BYTES:,} bytes)")
    if not data.strip():
        raise ReadError(origin, "empty input")
    return data


def estimate_articles(inputs: Iterable[str]) -> int | None:
    """About how many articles the inputs hold, for a progress bar: a JSON Lines file's line
    count, one for any other file; ``None`` when stdin makes it unknowable."""
    names = list(expand(inputs))
    return None if STDIN in names else sum(map(_estimate, names))


def _estimate(name: str) -> int:
    if describe(name).format != "jsonl":
        return 1
    try:
        with opened(name) as stream:
            chunks = iter(lambda: stream.read(_CHUNK), b"")
            return max(1, sum(chunk.count(b"\n") for chunk in chunks))
    except (OSError, ReadError):
        return 1  # reading it for real will say what is wrong


_CONTINUATION = bytes(range(0x80, 0xC0))


def _utf8_length(data: bytes) -> int:
    """Characters in UTF-8 bytes: every byte but the continuation bytes starts one."""
    return len(data.translate(None, _CONTINUATION))
