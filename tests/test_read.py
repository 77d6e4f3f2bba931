"""Reading articles: every format, gzip, stdin, ids, exact offsets, and every way input goes bad."""

from __future__ import annotations

import errno
import gzip
import io
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from saidwhat.model import Article
from saidwhat.read import MAX_CHARS, ReadError, estimate_articles, read_bytes, read_inputs, read_stream
from saidwhat.read.html import is_related_link, strip_related
from saidwhat.read.inputs import Input, describe
from saidwhat.read.jsonl import MAX_LINE_BYTES

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

PLAIN_TEXT = (
    "TARNO, May 2 (Northgate Wire) - The Tarno city council approved a new bus lane on Friday.\n"
    "\n"
    '"It will save commuters ten minutes a day," councillor Ada Brisk said.\n'
)
PAGE_TEXT = (
    "TARNO, May 9 (Tarno Gazette) - The central library of Tarno reopened on Friday, two years "
    "after a fire destroyed its reading rooms and about 40,000 books.\n\n"
    "“Every shelf you see was paid for by the people of this town,” head librarian Oskar Wend "
    "said at the ceremony.\n\n"
    "Mayor Lidia Rusk said that the city plans to extend opening hours to Sundays next year.\n\n"
    "Related costs, including new wiring, came to 2.1 million crowns, according to the council."
)


def read(*names: str | Path, published: date | None = None) -> list[Article | ReadError]:
    return list(read_inputs([str(name) for name in names], published))


def show(results: list[Article | ReadError]) -> list[Article | str]:
    """Errors as their one-line message (exceptions compare by identity, messages by value)."""
    return [result if isinstance(result, Article) else str(result) for result in results]


def errors(results: list[Article | ReadError]) -> list[str]:
    return [str(result) for result in results if isinstance(result, ReadError)]


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_read_error_is_one_line() -> None:
    error = ReadError("a.txt", "empty input")
    assert (error.origin, error.reason) == ("a.txt", "empty input")
    assert str(error) == "a.txt: empty input"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt.gz", Input("a.txt.gz", "a", "text")),
        ("news/story.2025.HTML", Input("news/story.2025.HTML", "story.2025", "html")),
        ("feed.jsonl.gz", Input("feed.jsonl.gz", "feed", "jsonl")),
        ("one.json", Input("one.json", "one", "json")),
        ("notes.md", Input("notes.md", "notes", None)),
        ("-", Input("<stdin>", "stdin", None)),
    ],
)
def test_names_give_id_and_format(name: str, expected: Input) -> None:
    assert describe(name) == expected


def test_text_file_is_the_article_text() -> None:
    path = FIXTURES / "plain.txt"
    assert read(path) == [Article(id="plain", text=PLAIN_TEXT, origin=str(path))]


def test_text_keeps_crlf_and_every_character(tmp_path: Path) -> None:
    raw = "\ufeff“Yes,” she said.\r\n\r\nThe end.\r".encode()
    [article] = read(write(tmp_path / "crlf.txt", raw))
    assert isinstance(article, Article)
    assert article.text == "\ufeff“Yes,” she said.\r\n\r\nThe end.\r"
    assert article.text.index("The end.") == 21


def test_published_flag_wins_over_the_input_date() -> None:
    flag = date(2025, 6, 1)
    results = read(FIXTURES / "plain.txt", FIXTURES / "page.html", FIXTURES / "records.jsonl",
                   published=flag)
    assert {r.published for r in results if isinstance(r, Article)} == {flag}


def test_html_page_gives_main_text_and_metadata() -> None:
    path = FIXTURES / "page.html"
    assert read(path) == [
        Article(
            id="page",
            text=PAGE_TEXT,
            title="Tarno opens library after fire",
            published=date(2025, 5, 9),
            url="https://gazette.example.com/2025/05/09/tarno-library",
            source="Tarno Gazette",
            author="Ines Moravec",
            origin=str(path),
        )
    ]


@pytest.mark.parametrize(
    ("line", "related"),
    [
        ("Read more: Fire guts Tarno library", True),
        ("Read also Kestland nurse shortage worst in a decade", True),
        ("READ MORE Valmora port backlog grows", True),
        ("RELATED: Book drive collects 12,000 donations", True),
        ("Related coverage: Tarno council votes", True),
        ("see also: the mayor's letter", True),
        ("Related costs, including new wiring, came to 2.1 million crowns.", False),
        ("Reading more than one newspaper helps, the teacher said.", False),
        ("Read more: " + "x" * 300, False),
    ],
)
def test_related_link_lines(line: str, related: bool) -> None:
    assert is_related_link(line) is related


def test_a_bare_marker_takes_the_headline_after_it() -> None:
    lines = ["He spoke.", "Read more:", "Ferry fares rise", "She replied.", "RELATED", "It rained."]
    assert strip_related(lines) == ["He spoke.", "She replied.", "It rained."]


def test_jsonl_records_and_their_errors() -> None:
    path = FIXTURES / "records.jsonl"
    results = read(path)
    assert results[:2] == [
        Article(
            id="tarno-bus",
            text='The council said "yes".\r\nVoting was 9-2.',
            title="Tarno approves bus lane",
            published=date(2025, 5, 2),
            url="https://gazette.example.com/2025/05/02/bus-lane",
            source="Tarno Gazette",
            origin=f"{path}:1",
        ),
        Article(
            id="17",
            text="Ada Brisk said the lane would open next month.",
            published=date(2025, 5, 3),
            origin=f"{path}:2",
        ),
    ]
    assert errors(results) == [
        f"{path}:4: invalid JSON (Expecting ',' delimiter at column 44)",
        f"{path}:5: record has no id",
        f"{path}:6: record has neither text nor html",
        f"{path}:7: record is not a JSON object",
        f"{path}:8: published is not an ISO date: 'last Tuesday'",
        f"{path}:9: text is not a string",
    ]
    assert results[-1] == Article(
        id="tarno-page",
        text="The Tarno ferry will run twice a day from June, its operator said on Monday.",
        title="Tarno page",
        origin=f"{path}:10",
    )


def test_json_file_holds_one_record_or_a_list(tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", b'{"id": "a", "text": "First."}')
    many = write(tmp_path / "many.json", b'[{"id": "b", "text": "Second."}, {"text": "No id."}]')
    assert show(read(one, many)) == [
        Article(id="a", text="First.", origin=one),
        Article(id="b", text="Second.", origin=f"{many}[0]"),
        f"{many}[1]: record has no id",
    ]


def _without_origin(result: Article | ReadError) -> dict | str:
    return result.model_dump(exclude={"origin"}) if isinstance(result, Article) else result.reason


@pytest.mark.parametrize("name", ["plain.txt", "page.html", "records.jsonl"])
def test_gzip_reads_like_the_plain_file(tmp_path: Path, name: str) -> None:
    plain = FIXTURES / name
    packed = write(tmp_path / f"{name}.gz", gzip.compress(plain.read_bytes()))
    assert [_without_origin(r) for r in read(packed)] == [_without_origin(r) for r in read(plain)]


def test_stdin_bytes_keep_crlf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"One.\r\n\r\nTwo.\r\n")))
    assert read("-") == [Article(id="stdin", text="One.\r\n\r\nTwo.\r\n", origin="<stdin>")]


def test_stdin_twice_reads_nothing_the_second_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Once.")))
    assert show(read("-", "-")) == [
        Article(id="stdin", text="Once.", origin="<stdin>"),
        "<stdin>: empty input",
    ]


def test_stdin_gzipped_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress(b'{"id": "x", "text": "From a pipe."}\n')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert read("-") == [Article(id="x", text="From a pipe.", origin="<stdin>:1")]


def test_stdin_html_from_a_text_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO((FIXTURES / "page.html").read_text()))
    [article] = read("-")
    assert isinstance(article, Article)
    assert (article.id, article.text, article.origin) == ("stdin", PAGE_TEXT, "<stdin>")


def _truncated_gzip() -> bytes:
    packed = gzip.compress(b"The mayor said the bridge would reopen. " * 50)
    return packed[: len(packed) // 2]


# bytes and streams, as the web's uploads come


@pytest.mark.parametrize("name", ["plain.txt", "page.html", "records.jsonl", "wire.rss", "wire.atom"])
@pytest.mark.parametrize("packed", [False, True])
def test_bytes_read_like_the_file_of_that_name(name: str, packed: bool) -> None:
    path = FIXTURES / name
    data = gzip.compress(path.read_bytes()) if packed else path.read_bytes()
    from_bytes = list(read_bytes(data, name))
    from_file = read(path)
    assert [_without_origin(r) for r in from_bytes] == [_without_origin(r) for r in from_file]
    assert [r.origin for r in from_bytes] == [str(r.origin).replace(str(path), name, 1) for r in from_file]


def test_a_stream_is_read_by_content_and_left_open() -> None:
    stream = io.BytesIO(b'{"id": "a", "text": "First."}\n{"id": "b"}\n')
    assert show(list(read_stream(stream, "upload", date(2025, 5, 2)))) == [
        Article(id="a", text="First.", published=date(2025, 5, 2), origin="upload:1"),
        "upload:2: record has neither text nor html",
    ]
    assert not stream.closed


def test_a_stream_named_dash_is_a_file_not_stdin() -> None:
    assert list(read_bytes(b"Said so.", "-")) == [Article(id="-", text="Said so.", origin="-")]


class _Broken(io.RawIOBase):
    """A stream whose device fails on the first read."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: object) -> int:
        raise OSError(errno.EIO, "Input/output error")


@pytest.mark.parametrize(
    ("stream", "name", "reason"),
    [
        (_Broken(), "upload.txt", "input/output error"),
        (io.BytesIO(_truncated_gzip()), "cut.txt", "truncated gzip stream"),
        (io.BytesIO(b"\x1f\x8bxxxxxxxxxx"), "bad.jsonl", "corrupt gzip stream (Unknown compression method)"),
        (io.BytesIO(b""), "empty.html", "empty input"),
    ],
)
def test_a_bad_stream_is_a_read_error_naming_the_input(stream: io.IOBase, name: str, reason: str) -> None:
    assert show(list(read_stream(stream, name))) == [f"{name}: {reason}"]


@pytest.mark.parametrize(
    ("name", "content", "text"),
    [
        ("notes.md", b"The mayor spoke.", "The mayor spoke."),
        ("page.php", (FIXTURES / "page.html").read_bytes(), PAGE_TEXT),
        ("feed.data", b' [{"id": "q", "text": "Listed."}]', "Listed."),
        ("feed.log", b'{"id": "r", "text": "Lined."}', "Lined."),
    ],
)
def test_unknown_extension_goes_by_content(
    tmp_path: Path, name: str, content: bytes, text: str
) -> None:
    [article] = read(write(tmp_path / name, content))
    assert isinstance(article, Article) and article.text == text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b" \r\n\t\n", "empty input"),
        ("empty.html", b"\n", "empty input"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00", "binary data, not text (NUL byte at byte offset 8)"),
        ("latin.txt", "Café".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at byte offset 3)"),
        ("cut.txt.gz", _truncated_gzip(), "truncated gzip stream"),
        ("bad.txt.gz", b"\x1f\x8bxxxxxxxxxx", "corrupt gzip stream (Unknown compression method)"),
        ("nobody.html", (FIXTURES / "nobody.html").read_bytes(), "no article text found"),
        ("empty.jsonl", b"", "empty input"),
    ],
)
def test_bad_input_has_a_clear_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = write(tmp_path / name, content)
    assert errors(read(path)) == [f"{path}: {reason}"]


def test_missing_file_and_folder_without_articles(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert errors(read(missing, tmp_path)) == [
        f"{missing}: no such file",
        f"{tmp_path}: is a folder with no readable file (.txt, .html, .htm, .jsonl, .json, .warc, .rss, .atom)",
    ]


def test_a_folder_is_read_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "wire" / ".cache").mkdir(parents=True)
    write(tmp_path / "b.txt", PLAIN_TEXT.encode())
    write(tmp_path / "wire" / "a.txt.gz", gzip.compress(PLAIN_TEXT.replace("bus lane", "tram stop").encode()))
    write(tmp_path / "wire" / ".cache" / "c.txt", b"A hidden copy.")
    write(tmp_path / "wire" / "scan.pdf", b"%PDF-1.4")
    write(tmp_path / "wire" / "broken.jsonl", b"{not json\n")
    results = read(tmp_path)
    assert [r.id for r in results if isinstance(r, Article)] == ["b", "a"]
    assert [e.split(" (")[0] for e in errors(results)] == [f"{tmp_path / 'wire' / 'broken.jsonl'}:1: invalid JSON"]
    assert estimate_articles([str(tmp_path)]) == 3


def test_huge_single_line_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", b"a" * 50_000_000)
    reason = "article too long (50,000,000 characters; the limit is 1,000,000)"
    assert errors(read(path)) == [f"{path}: {reason}"]


def test_length_limit_counts_characters_not_bytes(tmp_path: Path) -> None:
    at_limit = write(tmp_path / "at.txt", "é".encode() * MAX_CHARS)
    record = json.dumps({"id": "over", "text": "é" * (MAX_CHARS + 1)}).encode()
    over = write(tmp_path / "over.jsonl", record)
    [article, error] = read(at_limit, over)
    assert isinstance(article, Article) and len(article.text) == MAX_CHARS
    reason = "article too long (1,000,001 characters; the limit is 1,000,000)"
    assert str(error) == f"{over}:1: {reason}"


def test_a_nul_escape_in_a_record_is_an_error_of_that_record(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "The mill reopened on Monday, the owners said."},
        {"id": "b", "text": "The mill\u0000 reopened."},
        {"id": "c", "text": "The mill reopened.", "title": "Mill\u0000"},
        {"id": "d", "html": "<p>The mill\u0000 reopened.</p>"},
    ]
    path = write(tmp_path / "nul.jsonl", "".join(json.dumps(line) + "\n" for line in lines).encode())
    assert b"\\u0000" in Path(path).read_bytes()  # the escape, not a NUL byte, is in the file
    good, *bad = read(path)
    assert isinstance(good, Article) and good.id == "a"
    assert [str(error) for error in bad] == [
        f"{path}:2: text holds a NUL character (\\u0000 at character 8)",
        f"{path}:3: title holds a NUL character (\\u0000 at character 4)",
        f"{path}:4: html holds a NUL character (\\u0000 at character 11)",
    ]


def test_an_over_long_jsonl_line_is_refused_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "a", "text": "First."}\n{"id": "b", "text": "')
        out.write(b"x" * MAX_LINE_BYTES)
        out.write(b'"}\n{"id": "c", "text": "Third."}\n')
    first, error, third = read(path)
    assert str(error) == f"{path}:2: line too long (over {MAX_LINE_BYTES:,} bytes)"
    assert (first.origin, third.origin) == (f"{path}:1", f"{path}:3")


def test_truncated_gzip_jsonl_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    lines = b"".join(b'{"id": "r%d", "text": "Story number %d."}\n' % (i, i) for i in range(2000))
    packed = gzip.compress(lines)
    path = write(tmp_path / "cut.jsonl.gz", packed[: len(packed) // 2])
    results = read(path)
    assert all(isinstance(r, Article) for r in results[:-1]) and len(results) > 2
    assert str(results[-1]) == f"{path}: truncated gzip stream"


def test_a_batch_carries_on_after_bad_input(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.txt", b"\xff\xfe")
    results = show(read(FIXTURES / "plain.txt", tmp_path / "gone.txt", bad, FIXTURES / "page.html"))
    assert [r if isinstance(r, str) else r.id for r in results] == [
        "plain",
        f"{tmp_path / 'gone.txt'}: no such file",
        f"{bad}: not valid UTF-8 (byte 0xff at byte offset 0)",
        "page",
    ]


def test_estimate_counts_jsonl_lines(tmp_path: Path) -> None:
    packed = write(tmp_path / "three.jsonl.gz", gzip.compress(b"{}\n{}\n{}\n"))
    names = [str(FIXTURES / "plain.txt"), packed, str(tmp_path / "gone.jsonl")]
    assert estimate_articles(names) == 5
    assert estimate_articles([*names, "-"]) is None


def test_samples_load() -> None:
    articles = read(SAMPLES / "articles.jsonl")
    assert errors(articles) == []
    assert len(articles) >= 12
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert isinstance(article, Article) and article.title and article.published
        assert article.published.year == 2025
        assert 150 <= len(article.text.split()) <= 400
        assert "\n\n" in article.text and "\n\n\n" not in article.text


def test_sample_pages_read_as_their_jsonl_text() -> None:
    by_id = {a.id: a for a in read(SAMPLES / "articles.jsonl") if isinstance(a, Article)}
    pages = read(*sorted((SAMPLES / "html").glob("*.html")))
    assert len(pages) == 2
    for page in pages:
        assert isinstance(page, Article)
        record = by_id[page.id]
        assert (page.text, page.title, page.published, page.url) == (
            record.text, record.title, record.published, record.url)


@pytest.mark.parametrize(
    "page_id",
    [
        "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
        "0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0",
    ],
)
def test_real_pages_keep_the_first_sentence(shared_data: Path, page_id: str) -> None:
    pages = shared_data / "article-extraction"
    truth = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))[page_id]
    first_sentence = re.split(r"(?<=[.!?])\s", truth["articleBody"])[0]
    [article] = read(pages / "html" / f"{page_id}.html.gz")
    assert isinstance(article, Article) and article.id == page_id
    assert first_sentence in article.text


def test_a_hover_card_inside_a_paragraph_is_no_text(tmp_path: Path) -> None:
    """A politician's name that links to a card of their latest headlines (a picture and links,
    no words of its own): the card would run into the sentence ("Rep. Dana OrtizDana Ortiz...")."""
    card = (
        '<span class="hover"><a href="/people/dana-ortiz">Dana Ortiz</a><span class="card"><span>'
        '<img src="/ortiz.jpg" alt=""><a href="/people/dana-ortiz">Dana Ortiz</a>'
        '<a href="/news/1">Ortiz pushes budget bill | Senate delays vote</a> <a href="/people/dana-ortiz">MORE</a>'
        "</span></span></span>"
    )
    prose = " ".join(["The committee met for six hours on Tuesday and voted to send the bill to the floor."] * 3)
    page = (
        "<html><head><title>Budget bill advances</title></head><body><article>"
        f"<p>A budget bill backed by Rep. {card} (D-Calif.) cleared the committee on Tuesday.</p>"
        f"<p>{prose}</p><p>{prose}</p></article></body></html>"
    )
    [article] = read(write(tmp_path / "card.html", page.encode()))
    assert isinstance(article, Article)
    assert article.text.startswith("A budget bill backed by Rep. Dana Ortiz (D-Calif.) cleared the committee")
    assert "MORE" not in article.text and "Senate delays vote" not in article.text
