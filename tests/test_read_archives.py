"""Reading web archives, feeds and news-please records, and skipping what is not in English."""

from __future__ import annotations

import gzip
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from saidwhat.cli import app
from saidwhat.model import Article
from saidwhat.read import ReadResult, Skipped, read_inputs
from saidwhat.read.language import language_of

FIXTURES = Path(__file__).parent / "fixtures" / "read"

PAGE = (
    "<html><head><title>Tarno library reopens</title></head><body><article>"
    "<h1>Tarno library reopens</h1>"
    "<p>The central library of Tarno reopened on Friday, two years after a fire destroyed its "
    "reading rooms.</p>"
    "<p>\u201cEvery shelf was paid for by the people of this town,\u201d librarian Oskar Wend said.</p>"
    "</article></body></html>"
)
GERMAN = (
    "Die Stadtbibliothek von Tarno hat am Freitag wieder geöffnet, zwei Jahre nachdem ein Brand "
    "die Lesesäle zerstört hatte. Jedes Regal wurde von den Menschen dieser Stadt bezahlt, sagte "
    "der Bibliothekar Oskar Wend bei der Feier am Abend."
)


def _response(writer: WARCWriter, url: str, body: bytes, record_id: str | None = None,
              status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": "2024-05-11T06:12:40Z"}
    if record_id:
        headers["WARC-Record-ID"] = f"<urn:uuid:{record_id}>"
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(record)


def warc_file(path: Path, pages: list[tuple[str, bytes]], gzipped: bool) -> Path:
    """A WARC of a ``warcinfo`` record, then one HTML response per page (records 2, 3, ...)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "saidwhat tests"}))
        for n, (url, body) in enumerate(pages):
            _response(writer, url, body, record_id=f"00000000-0000-4000-8000-{n:012d}")
    return path


def test_hand_written_warc_keeps_html_pages_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        _response(writer, "https://gazette.example/library", PAGE.encode(), "4f0c1d2e-1111-4aaa-8bbb-000000000001")
        _response(writer, "https://gazette.example/logo.png", b"\x89PNG", content_type="image/png")
        _response(writer, "https://gazette.example/old", b"", status="301 Moved Permanently")
        _response(writer, "https://gazette.example/menu", b"<html><body><p>Home</p></body></html>")
    results = list(read_inputs([str(path)]))
    assert results[0] == Article(
        id="4f0c1d2e-1111-4aaa-8bbb-000000000001",
        title="Tarno library reopens",
        published=date(2024, 5, 11),  # the page has none: the crawl's date
        url="https://gazette.example/library",
        text="The central library of Tarno reopened on Friday, two years after a fire destroyed its "
        "reading rooms.\n\n\u201cEvery shelf was paid for by the people of this town,\u201d librarian "
        "Oskar Wend said.",
        source="gazette.example",
        origin=f"{path}:1",
    )
    assert [str(r) for r in results[1:]] == [f"{path}:4: no article text found"]


def test_published_flag_wins_over_the_crawl_date(tmp_path: Path) -> None:
    path = warc_file(tmp_path / "crawl.warc.gz", [("https://gazette.example/library", PAGE.encode())], gzipped=True)
    [article] = read_inputs([str(path)], published=date(2024, 1, 2))
    assert isinstance(article, Article) and article.published == date(2024, 1, 2)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"WARC/1.0\r\nnonsense\r\n\r\n", "not a valid WARC file (record 1 has no WARC header)"),
        (b"not an archive at all\n", "not a valid WARC file (record 1 has no WARC header)"),
        (b"", "empty input"),
    ],
)
def test_not_a_warc_file(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(data)
    [error] = read_inputs([str(path)])
    assert str(error) == f"{path}: {reason}"


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_warc_of_real_pages_reads_like_the_pages(tmp_path: Path, shared_data: Path, gzipped: bool) -> None:
    pages = sorted((shared_data / "article-extraction" / "html").glob("*.html.gz"))[:3]
    bodies = [gzip.decompress(page.read_bytes()) for page in pages]
    name = "cc-news.warc.gz" if gzipped else "cc-news.warc"
    archive = warc_file(tmp_path / name, [(f"https://news.example/{n}", b) for n, b in enumerate(bodies)], gzipped)
    from_pages = [r for r in read_inputs([str(p) for p in pages])]
    from_warc = list(read_inputs([str(archive)]))
    assert [a.text if isinstance(a, Article) else str(a).split(": ", 1)[1] for a in from_warc] == [
        a.text if isinstance(a, Article) else str(a).split(": ", 1)[1] for a in from_pages
    ]
    assert [a.url for a in from_warc if isinstance(a, Article)] == [
        f"https://news.example/{n}" for n, a in enumerate(from_pages) if isinstance(a, Article)
    ]


THREE_PAGES = [
    (f"https://gazette.example/{n}", PAGE.replace("Tarno", town).encode())
    for n, town in enumerate(["Tarno", "Valmora", "Ostrel"])
]


def urls(results: list[ReadResult]) -> list[str | None]:
    return [result.url for result in results if isinstance(result, Article)]


def test_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    whole = warc_file(tmp_path / "whole.warc.gz", THREE_PAGES, gzipped=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:-30])
    *articles, error = read_inputs([str(cut)])
    assert urls(articles) == ["https://gazette.example/0", "https://gazette.example/1"]
    assert str(error) == f"{cut}:4: truncated gzip stream"


def _record_starts(data: bytes) -> list[int]:
    return [match.start() for match in re.finditer(rb"WARC/1\.0\r\n", data)]


@pytest.mark.parametrize(
    ("cut_after", "error"),
    [
        (b"WARC-Type: response\r\n", "{}: not a valid WARC file (record 3: record has no WARC-Target-URI)"),
        (b"WARC-Target-URI: https://gazette.example/1\r\n", "{}:3: truncated record (its headers are cut)"),
        (b"Content-Length: 388\r\n\r\n", "{}:3: truncated record (its headers are cut)"),
        (b"HTTP/1.1 200 OK\r\nContent-Type: text/html", "{}:3: truncated record (348 of its 388 bytes missing)"),
        (b"<p>The central library", "{}:3: truncated record (203 of its 388 bytes missing)"),
    ],
    ids=["before-target-uri", "in-warc-headers", "after-warc-headers", "in-http-headers", "in-page"],
)
def test_warc_cut_inside_a_record_names_it(tmp_path: Path, cut_after: bytes, error: str) -> None:
    whole = warc_file(tmp_path / "whole.warc", THREE_PAGES, gzipped=False).read_bytes()
    third = _record_starts(whole)[2]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: whole.index(cut_after, third) + len(cut_after)])
    results = list(read_inputs([str(cut)]))
    assert urls(results) == ["https://gazette.example/0"]
    assert str(results[-1]) == error.format(cut)


def test_a_record_without_a_valid_length_ends_the_archive(tmp_path: Path) -> None:
    whole = warc_file(tmp_path / "whole.warc", THREE_PAGES, gzipped=False).read_bytes()
    path = tmp_path / "bad.warc"
    path.write_bytes(whole.replace(b"Content-Length: 388", b"Content-Length: many"))
    *articles, error = read_inputs([str(path)])
    assert urls(articles) == ["https://gazette.example/0"]
    assert str(error) == f"{path}: not a valid WARC file (record 3 has no valid Content-Length)"


def test_junk_after_a_record_is_named_and_the_rest_is_read(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    whole = warc_file(tmp_path / "whole.warc", THREE_PAGES, gzipped=False).read_bytes()
    third = _record_starts(whole)[2]
    path = tmp_path / "junk.warc"
    path.write_bytes(whole[: third - 4] + b"junk junk\r\n" + whole[third - 4 :])
    results = list(read_inputs([str(path)]))
    assert [str(r) for r in results if not isinstance(r, Article)] == [
        f"{path}:2: junk after the record (is its Content-Length wrong?)"
    ]
    assert urls(results) == ["https://gazette.example/1", "https://gazette.example/2"]
    assert capfd.readouterr().err == ""  # warcio's own warning, which names no file, is not printed


def test_a_junk_record_is_named_by_number(tmp_path: Path) -> None:
    whole = warc_file(tmp_path / "whole.warc", THREE_PAGES, gzipped=False).read_bytes()
    third = _record_starts(whole)[2]
    path = tmp_path / "junk.warc"
    path.write_bytes(whole[:third] + b"garbage in place of a record\r\n\r\n" + whole[third:])
    *articles, error = read_inputs([str(path)])
    assert urls(articles) == ["https://gazette.example/0"]
    reason = "record 3: Invalid WARC record, first line: garbage in place of a record"
    assert str(error) == f"{path}: not a valid WARC file ({reason})"


def test_rss_entries_are_articles() -> None:
    path = FIXTURES / "wire.rss"
    first, teaser = read_inputs([str(path)])
    assert first == Article(
        id="https://gazette.example/2024/06/ferry",
        title="Ferry timetable extended",
        published=date(2024, 6, 4),
        url="https://gazette.example/2024/06/ferry",
        text="The Tarno ferry will run until midnight from July, the harbour office said on Monday."
        '\n\n"Late shifts at the port have doubled since spring," harbour master Ivo Lask told reporters.',
        source="gazette.example",
        origin=f"{path}:1",
    )
    assert str(teaser) == f"{path}:2: no article text found"


def test_atom_entry_takes_its_full_content(tmp_path: Path) -> None:
    # The same feed named .xml is recognised by its root element.
    path = tmp_path / "valmora.xml"
    path.write_bytes((FIXTURES / "wire.atom").read_bytes())
    [article] = read_inputs([str(path)])
    assert article == Article(
        id="tag:valmora.example,2024:quay",
        title="Valmora port reopens north quay",
        published=date(2024, 3, 11),
        url="https://valmora.example/quay",
        text="The north quay of Valmora port reopened on Monday after eight months of repairs to "
        'its sea wall.\n\n"We can take the large grain ships again," port director Sven Orlo said.',
        source="valmora.example",
        author="Mira Tosk",
        origin=f"{path}:1",
    )


def test_news_please_records(tmp_path: Path) -> None:
    text = "The Tarno ferry will run until midnight from July, the harbour office said on Monday."
    records = [
        {"maintext": text, "title": "Ferry", "date_publish": "2024-06-03 18:02:11",
         "url": "https://gazette.example/ferry", "language": "en", "source_domain": "gazette.example"},
        {"maintext": GERMAN, "title": "Bibliothek", "url": "https://zeitung.example/b", "language": "de"},
        {"maintext": text + " It is a trial.", "title": None, "date_publish": None, "url": None},
    ]
    path = tmp_path / "news-please.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ferry, german, no_id = read_inputs([str(path)])
    assert ferry == Article(
        id="https://gazette.example/ferry", title="Ferry", published=date(2024, 6, 3),
        url="https://gazette.example/ferry", text=text, origin=f"{path}:1",
    )
    assert isinstance(german, Skipped) and str(german) == f"{path}:2: not English (de)"
    assert str(no_id) == f"{path}:3: record has no id"


def test_articles_in_other_languages_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text((FIXTURES / "plain.txt").read_text(encoding="utf-8"), encoding="utf-8")
    skipped, kept = read_inputs([str(tmp_path / "de.txt"), str(tmp_path / "en.txt")])
    assert isinstance(skipped, Skipped) and skipped.reason == "not English (de)"
    assert isinstance(kept, Article) and kept.id == "en"


def test_ingest_counts_the_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("de.txt").write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "de.txt", str(FIXTURES / "wire.rss"), "--db", "news.db"])
    assert result.exit_code == 1  # the teaser entry is a failure, the German story is not
    assert result.stderr.splitlines()[:2] == [
        "skipped: de.txt: not English (de)",
        f"error: {FIXTURES / 'wire.rss'}:2: no article text found",
    ]
    assert result.stderr.splitlines()[2].startswith("1 new, 0 duplicate, 1 skipped (not English), 1 failed; ")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (GERMAN, "de"),
        ("Le conseil municipal de Tarno a approuvé vendredi une nouvelle voie de bus, a déclaré la "
         "maire Lidia Rusk aux journalistes, ajoutant que d'autres projets suivront au printemps.", "fr"),
        ("The council approved the new bus lane on Friday, and the mayor said it would open in "
         "the spring after a short trial on the river road.", "en"),
        ("Kurz gesagt: alles gut.", None),  # too short to judge
        ("塔尔诺市议会周五批准了一条新的公交专用道。市长鲁斯克表示，这条线路将于明年春季开通，"
         "每天可为通勤者节省十分钟。她还说，市政府计划在港口附近再修建两条类似的车道。", "zh-cn"),
        ("A very_long_identifier_without_spaces_is_not_a_foreign_script_at_all.", None),
        # a results table: figures, no sentences (langdetect alone calls it Swedish)
        ("Shr 80 cts vs 72 cts Net 55,513,000 vs 48,741,000 Revs 290.9 mln vs 264.1 mln "
         "Nine mths Shr 2.10 dlrs vs 1.95 dlrs Net 145.2 mln vs 131.0 mln Revs 861.4 mln", None),
    ],
    ids=["german", "french", "english", "short", "chinese", "one-long-token", "table"],
)
def test_language_of(text: str, language: str | None) -> None:
    assert language_of(text) == language
