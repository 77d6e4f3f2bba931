"""The web application through its HTTP interface: the JSON API, exports, the write token, limits,
error responses, and the escaping of hostile article text on the pages.

The store holds the four articles of ``tests/fixtures/web`` run through the real pipeline; the
expected rows below are what the pipeline finds in them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from webseed import FOLLOWUPS, HOSTILE_TITLE, TODAY, extractions, seed

from saidwhat.cli import app as cli
from saidwhat.model import Entity, Extraction, Part, Source, Statement, TimeExpression
from saidwhat.pipeline import Pipeline
from saidwhat.web import create_app
from saidwhat.web.guards import READ_ONLY, SECURITY_HEADERS
from saidwhat.web.highlight import highlight
from saidwhat.web.pages import http_url
from saidwhat.web.timeline import chart

TOKEN = "correct horse battery staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FERRY = "Harbour master Jonas Lind said on Monday that the ferry would run again by the end of June."


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[TestClient]:
    """A client of a seeded store that no test writes to."""
    db = seed(tmp_path_factory.mktemp("web") / "read.db", pipeline)
    with TestClient(create_app(db, token=TOKEN, pipeline=pipeline)) as client:
        yield client


@pytest.fixture
def writable(tmp_path: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    """A client of a seeded store of its own, for tests that ingest."""
    with TestClient(create_app(seed(tmp_path / "write.db", pipeline), token=TOKEN, pipeline=pipeline)) as client:
        yield client


@pytest.fixture(scope="module")
def followed(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[TestClient]:
    """A client of the seeded store with the follow-up articles too, that no test writes to."""
    db = seed(tmp_path_factory.mktemp("web") / "followed.db", pipeline, FOLLOWUPS)
    with TestClient(create_app(db, pipeline=pipeline)) as client:
        yield client


def ids(page: dict) -> list[tuple[str, str]]:
    return [(item["article_id"], item["statement_id"]) for item in page["items"]]


# -- reading -------------------------------------------------------------------------------------


def test_articles_are_listed_newest_first_page_by_page(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert (first["total"], first["limit"], first["offset"]) == (4, 2, 0)
    assert [(a["id"], a["published"], a["statements"]) for a in first["items"]] == [
        ("port-berth", "2025-06-02", 2),
        ("city-budget", "2025-03-04", 2),
    ]
    assert first["next"] == "/api/articles?limit=2&offset=2"
    second = client.get(first["next"]).json()
    assert [a["id"] for a in second["items"]] == ["hostile", "port-expansion"]
    assert second["next"] is None


def test_one_article_is_the_extract_json_contract(client: TestClient, pipeline: Pipeline) -> None:
    expected = next(e for e in extractions(pipeline) if e.id == "port-expansion").to_json_dict()
    assert client.get("/api/articles/port-expansion").json() == expected


def test_an_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/no-such-story")
    assert (response.status_code, response.json()) == (404, {"detail": "no such article"})


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "okafor"}, [("port-expansion", "s1"), ("port-expansion", "s2"), ("port-expansion", "s3"),
                                 ("port-berth", "s1"), ("port-berth", "s2")]),
        ({"text": "berth"}, [("port-expansion", "s3"), ("port-berth", "s2")]),
        ({"since": "2025-03-01", "until": "2025-03-31"}, [("city-budget", "s1"), ("city-budget", "s2")]),
        ({"kind": "direct"}, [("port-expansion", "s2"), ("hostile", "s2"), ("port-berth", "s2")]),
        ({"future": "true", "due_after": "2026-01-01"},
         [("port-expansion", "s1"), ("city-budget", "s1"), ("port-berth", "s2")]),
        ({"due_before": "2026-01-01"}, [("port-expansion", "s3")]),
        # Filter values are data, never SQL or LIKE patterns.
        ({"speaker": "%"}, []),
        ({"speaker": "' OR 1=1 --"}, []),
    ],
)
def test_statements_are_filtered(client: TestClient, params: dict[str, str], expected: list) -> None:
    page = client.get("/api/statements", params=params).json()
    assert (page["total"], ids(page)) == (len(expected), expected)


def test_blank_filters_are_unset_on_pages_and_invalid_in_the_api(client: TestClient) -> None:
    blank = {"speaker": "", "since": "", "kind": "", "future": "", "text": "berth"}
    page = client.get("/", params=blank).text
    assert "1–2 of 2" in page
    assert '<a href="/api/statements?text=berth&amp;format=csv">CSV</a>' in page
    assert client.get("/api/statements", params=blank).status_code == 422


def test_statement_pages_join_up_to_the_whole_list(client: TestClient) -> None:
    whole = ids(client.get("/api/statements").json())
    url, pages = "/api/statements?limit=4", []
    while url:
        page = client.get(url).json()
        pages.append(ids(page))
        url = page["next"]
    assert [len(p) for p in pages] == [4, 4, 2]
    assert sum(pages, []) == whole


def test_claims_come_by_due_date_with_their_status(client: TestClient) -> None:
    page = client.get("/api/claims", params={"today": "2025-07-01"}).json()
    assert [(i["article_id"], i["statement_id"], i["due"], i["status"], i["relation"]) for i in page["items"]] == [
        ("port-expansion", "s3", "2025-03-31", "reported", "delayed"),  # the berth opened late, said port-berth
        ("port-expansion", "s1", "2026-12-31", "pending", None),
        ("city-budget", "s1", "2026-12-31", "pending", None),
        ("port-berth", "s2", "2031-12-31", "pending", None),
        ("port-expansion", "s4", None, "undated", None),  # a warning: forward-looking, no date
        ("hostile", "s2", None, "undated", None),  # "Nobody should open ...": advice, no date
    ]
    assert all(re.fullmatch(r"c\d+", i["claim"]) and i["sources"] == 1 for i in page["items"])
    assert client.get("/api/claims", params={"today": "2025-07-01", "overdue": "true"}).json()["total"] == 0
    later = {"today": "2027-01-15"}
    overdue = client.get("/api/claims", params=later | {"overdue": "true"}).json()
    assert ids(overdue) == [("port-expansion", "s1"), ("city-budget", "s1")]
    assert client.get("/api/claims", params=later | {"status": "overdue"}).json() == overdue


def test_each_status_lists_its_own_claims(followed: TestClient) -> None:
    everything = followed.get("/api/claims", params={"today": TODAY.isoformat()}).json()
    by_status = {
        status: ids(followed.get("/api/claims", params={"today": TODAY.isoformat(), "status": status}).json())
        for status in ("overdue", "pending", "reported", "undated")
    }
    assert by_status == {
        "overdue": [("tram-plan", "s2")],  # the ticket machines, due by May, of which no story spoke again
        "pending": [("port-expansion", "s1"), ("city-budget", "s1"), ("port-berth", "s2")],
        "reported": [("port-expansion", "s3"), ("tram-plan", "s1")],
        "undated": [("port-expansion", "s4"), ("hostile", "s2")],
    }
    assert everything["total"] == 8 and sorted(sum(by_status.values(), [])) == sorted(ids(everything))


def test_overdue_and_another_status_are_422(client: TestClient) -> None:
    refused = client.get("/api/claims", params={"overdue": "true", "status": "pending"})
    assert refused.status_code == 422
    assert "overdue=true contradicts status=pending" in refused.json()["detail"][0]["msg"]
    assert client.get("/api/claims", params={"status": "due"}).status_code == 422


def test_a_claim_said_twice_and_reported_later_has_its_timeline(followed: TestClient) -> None:
    reported = followed.get("/api/claims", params={"today": TODAY.isoformat(), "status": "reported"}).json()
    tram = next(i for i in reported["items"] if i["article_id"] == "tram-plan")
    outcome = (tram["sources"], tram["relation"], tram["reported"], tram["due"])
    assert outcome == (2, "happened", "2025-10-20", "2025-10-31")
    detail = followed.get(f"/api/claims/{tram['claim']}", params={"today": TODAY.isoformat()}).json()
    assert detail["claim"] == tram
    assert [(s["article_id"], s["statement_id"], s["speaker"]) for s in detail["said_in"]] == [
        ("tram-plan", "s1", "Aino Varga"), ("tram-plan-wire", "s1", "Aino Varga"),
    ]
    (followup,) = detail["followups"]
    assert {k: followup[k] for k in ("article_id", "published", "relation")} == {
        "article_id": "tram-opens", "published": "2025-10-20", "relation": "happened",
    }
    assert followup["evidence"].startswith("KESSEL - The new tram line between Kessel and the airport opened on Monday")
    assert 0.5 <= followup["score"] <= 1


@pytest.mark.parametrize("claim_id", ["c999999", "nonsense", "c", "c-1", "c1x"])
def test_an_unknown_claim_is_404(client: TestClient, claim_id: str) -> None:
    response = client.get(f"/api/claims/{claim_id}")
    assert (response.status_code, response.json()) == (404, {"detail": f"no claim {claim_id!r}"})
    page = client.get(f"/claims/{claim_id}")
    assert page.status_code == 404 and f"no claim &#39;{claim_id}&#39;" in page.text


def test_a_story_lists_the_other_articles_that_tell_it(followed: TestClient) -> None:
    def story(article_id: str) -> list[tuple[str, str]]:
        return [(a["id"], a["published"]) for a in followed.get(f"/api/articles/{article_id}/story").json()]

    assert story("tram-plan") == [("tram-plan-wire", "2025-04-11")]
    assert story("tram-plan-wire") == [("tram-plan", "2025-04-10")]
    assert story("tram-opens") == []  # the same tram, months later: a follow-up, not the same story
    missing = followed.get("/api/articles/no-such-story/story")
    assert (missing.status_code, missing.json()) == (404, {"detail": "no such article"})


def test_speakers_by_number_of_statements(client: TestClient) -> None:
    page = client.get("/api/speakers", params={"limit": 3, "offset": 1}).json()
    assert page["total"] == 5
    assert [(s["name"], s["statements"], s["articles"]) for s in page["items"]] == [
        ("Councillor Mara Vint", 2, 1),
        ("Ines Carvalho", 1, 1),
        ("Piet Maas", 1, 1),
    ]
    assert page["next"] == "/api/speakers?limit=3&offset=4"


def test_bad_parameters_are_422(client: TestClient) -> None:
    for params in ({"since": "last week"}, {"limit": 0}, {"limit": 1001}, {"offset": -1}, {"kind": "rumour"}):
        assert client.get("/api/statements", params=params).status_code == 422, params



def test_a_parameter_given_twice_is_422(client: TestClient) -> None:
    """Rather than the last value kept silently (found by the schema tests)."""
    refused = client.get("/api/statements?kind=direct&kind=mixed")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "kind"]


@pytest.mark.parametrize("url", ["/api/statements", "/api/claims", "/", "/claims"])
@pytest.mark.parametrize("params", [{"speaker": "\x00"}, {"speaker": "Lind\x00"}, {"text": "ferry\x00"}])
def test_a_nul_in_a_filter_is_422(client: TestClient, url: str, params: dict[str, str]) -> None:
    """A NUL is in no stored text, and SQLite's LIKE would end the pattern there and match anything."""
    refused = client.get(url, params=params)
    assert refused.status_code == 422
    assert "NUL" in refused.text


# -- exports -------------------------------------------------------------------------------------


def test_exports_hold_every_filtered_row_as_the_json_pages_do(client: TestClient) -> None:
    items = client.get("/api/statements", params={"kind": "direct"}).json()["items"]
    jsonl = client.get("/api/statements", params={"kind": "direct", "format": "jsonl"})
    assert jsonl.headers["content-type"] == "application/x-ndjson"
    assert jsonl.headers["content-disposition"] == 'attachment; filename="statements.jsonl"'
    assert [json.loads(line) for line in jsonl.text.splitlines()] == items

    exported = client.get("/api/statements", params={"kind": "direct", "format": "csv"})
    assert exported.headers["content-type"] == "text/csv; charset=utf-8"
    cell = {None: "", True: "true", False: "false"}
    as_text = [{k: cell.get(v, v) if not isinstance(v, int) or isinstance(v, bool) else str(v)
                for k, v in item.items()} for item in items]
    assert list(csv.DictReader(io.StringIO(exported.text))) == as_text


def test_exports_ignore_the_page_size_unless_given(client: TestClient) -> None:
    assert len(client.get("/api/statements", params={"format": "jsonl"}).text.splitlines()) == 10
    assert len(client.get("/api/statements", params={"format": "jsonl", "limit": 3}).text.splitlines()) == 3


def test_an_empty_csv_export_still_has_its_header(client: TestClient) -> None:
    exported = client.get("/api/claims", params={"speaker": "nobody", "format": "csv"})
    assert exported.text == (
        "article_id,article_title,published,statement_id,kind,speaker,actor,source_text,cue,content,"
        "said_on,hedged,negated,future,due,claim,status,sources,relation,reported\n"
    )


# -- writing -------------------------------------------------------------------------------------


def test_writes_are_refused_without_a_configured_token(tmp_path: Path, pipeline: Pipeline) -> None:
    with TestClient(create_app(str(tmp_path / "ro.db"), pipeline=pipeline)) as client:
        api = client.post("/api/articles", json={"id": "ferry", "text": FERRY}, headers=AUTH)
        form = client.post("/ingest", data={"token": TOKEN, "content": FERRY})
        assert (api.status_code, api.json()) == (403, {"detail": READ_ONLY})
        assert form.status_code == 403 and READ_ONLY in form.text
        assert client.get("/api/articles").json()["total"] == 0


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_writes_need_the_right_bearer_token(writable: TestClient, headers: dict[str, str]) -> None:
    response = writable.post("/api/articles", json={"id": "ferry", "text": FERRY}, headers=headers)
    assert (response.status_code, response.headers["www-authenticate"]) == (401, "Bearer")
    assert writable.get("/api/articles").json()["total"] == 4


def test_the_token_is_checked_before_the_body(writable: TestClient) -> None:
    assert writable.post("/api/articles", json={"no": "article"}).status_code == 401


def test_ingest_stores_new_articles_and_names_duplicates(writable: TestClient) -> None:
    first = writable.post("/api/articles", json={"id": "ferry", "text": FERRY}, headers=AUTH)
    assert first.json() == {"new": ["ferry"], "duplicate": [], "failed": []}
    again = [{"id": "ferry-copy", "text": FERRY}, {"id": "ferry", "text": "Another story entirely, said Ana Silva."}]
    second = writable.post("/api/articles", json=again, headers=AUTH)
    assert second.json() == {"new": ["ferry~2"], "duplicate": ["ferry"], "failed": []}
    stored = writable.get("/api/statements", params={"speaker": "Jonas Lind"}).json()["items"]
    assert [(s["article_id"], s["cue"], s["content"]) for s in stored] == [
        ("ferry", "said", "that the ferry would run again by the end of June")
    ]


@pytest.mark.parametrize("published", ["1987-02-26", "1987-02-26T15:01:01", "1987-02-26 15:01:01+01:00"])
def test_ingest_takes_a_date_or_a_timestamp_as_the_command_does(writable: TestClient, published: str) -> None:
    record = {"id": "ferry", "text": FERRY, "published": published}
    assert writable.post("/api/articles", json=record, headers=AUTH).json()["new"] == ["ferry"]
    assert writable.get("/api/articles/ferry").json()["published"] == "1987-02-26"


def test_ingest_refuses_a_published_value_that_is_no_date(writable: TestClient) -> None:
    refused = writable.post("/api/articles", json={"id": "ferry", "text": FERRY, "published": "Feb 26"}, headers=AUTH)
    assert refused.status_code == 422
    assert "published is not an ISO date: 'Feb 26'" in refused.json()["detail"][0]["msg"]


def test_ingest_reports_each_record_that_fails(writable: TestClient) -> None:
    records = [{"id": "menu", "html": "<html><body><nav>Home</nav></body></html>"}, {"id": "ok", "text": FERRY}]
    report = writable.post("/api/articles", json=records, headers=AUTH).json()
    assert report == {"new": ["ok"], "duplicate": [], "failed": ["request[0]: no article text found"]}


def test_the_ingest_form_takes_pasted_text_and_files(writable: TestClient) -> None:
    pasted = writable.post(
        "/ingest", data={"token": TOKEN, "content": FERRY, "id": "lind", "title": "Ferry", "published": "2025-05-05"}
    )
    assert '<p class="tally">1 new, 0 duplicate, 0 failed</p>' in pasted.text
    assert writable.get("/api/articles/lind").json()["title"] == "Ferry"
    files = [
        ("files", ("../../etc/again.txt", FERRY.encode())),
        ("files", ("feed.jsonl", b'{"id": "x"}\nnot json\n')),
    ]
    uploaded = writable.post("/ingest", data={"token": TOKEN}, files=files)
    assert '<p class="tally">0 new, 1 duplicate, 2 failed</p>' in uploaded.text
    assert re.findall(r"<li>(feed[^<]*)</li>", uploaded.text) == [
        "feed.jsonl:1: record has neither text nor html",
        "feed.jsonl:2: invalid JSON (Expecting value at column 1)",
    ]


def test_the_ingest_form_needs_the_token_and_something_to_ingest(writable: TestClient) -> None:
    assert writable.post("/ingest", data={"token": "guess", "content": FERRY}).status_code == 401
    assert writable.post("/ingest", data={"token": TOKEN, "content": "  "}).status_code == 400


def test_request_bodies_over_five_megabytes_are_413(writable: TestClient) -> None:
    headers = AUTH | {"content-type": "application/json"}
    big = b"[" + b" " * (5 * 1024 * 1024) + b"]"
    assert writable.post("/api/articles", content=big, headers=headers).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it streams
        yield b"["
        for _ in range(6):
            yield b" " * (1024 * 1024)
        yield b"]"

    streamed = writable.post("/api/articles", content=chunks(), headers=headers)
    assert streamed.status_code == 413


# -- security ------------------------------------------------------------------------------------


def test_hostile_article_text_title_and_url_are_escaped(client: TestClient) -> None:
    page = client.get("/articles/hostile").text
    assert "<script" not in page and "<img" not in page
    assert 'href="javascript' not in page
    assert (
        '<h1 class="title">&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Council '
        "&lt;img src=x onerror=alert(2)&gt;</h1>"
    ) in page
    assert '<span class="url">javascript:alert(1)</span>' in page
    assert "the text &lt;script&gt;alert(1)&lt;/script&gt; had been posted" in page
    assert client.get("/api/articles/hostile").json()["title"] == HOSTILE_TITLE


def test_hostile_html_ingested_leaves_no_markup_behind(writable: TestClient) -> None:
    html = (
        "<html><head><title>Leak</title><script>window.__pwned = 1</script></head><body><article>"
        "<p>Councillor Mara Vint said on Monday that the <a href=\"javascript:alert(1)\">council website</a>"
        " had been defaced with <img src=x onerror=alert(1)> images and a &lt;script&gt; tag.</p>"
        "</article></body></html>"
    )
    report = writable.post("/api/articles", json={"id": "defaced", "html": html}, headers=AUTH).json()
    assert report["new"] == ["defaced"]
    page = writable.get("/articles/defaced").text
    assert "<script" not in page and "<img" not in page and "javascript:" not in page
    assert "images and a &lt;script&gt; tag" in page


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example.org/a?b=c#d", True),
        ("HTTP://NEWS.EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        (" https://news.example.org/", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("https://news.example.org/\"onmouseover=alert(1)", True),  # quoted by autoescape in href
        ("//evil.example/", False),
        (None, False),
    ],
)
def test_only_http_urls_become_links(url: str | None, linked: bool) -> None:
    assert (http_url(url) == url and url is not None) is linked


def test_highlights_are_built_from_escaped_pieces_and_nest() -> None:
    text = "Police said Ana <i>Silva</i> told aides on Monday to wait."

    def span(fragment: str) -> tuple[int, int]:
        start = text.index(fragment)
        return (start, start + len(fragment))

    def part(fragment: str) -> Part:
        return Part(spans=[span(fragment)], text=fragment)

    silva = "Ana <i>Silva</i>"
    extraction = Extraction(
        id="nest", text=text,
        entities=[Entity(id="e1", name="Ana <i>Silva</i>", type="PERSON", mentions=[span(silva)])],
        statements=[
            Statement(id="s1", kind="indirect", source=Source(**part("Police").model_dump()), cue=part("said"),
                      content=part(f"{silva} told aides on Monday to wait")),
            Statement(id="s2", kind="indirect", source=Source(**part(silva).model_dump(), entity="e1"),
                      cue=part("told"), content=part("to wait"), via="s1"),
        ],
        times=[TimeExpression(start=span("Monday")[0], end=span("Monday")[1], text="Monday", type="DATE",
                              value="2025-01-13")],
    )
    assert str(highlight(extraction)) == (
        '<span class="hl hl-source" data-statements="s1">Police</span> '
        '<span class="hl hl-cue" data-statements="s1">said</span> '
        '<span class="hl hl-source" data-statements="s1 s2">Ana &lt;i&gt;Silva&lt;/i&gt;</span>'
        '<span class="hl hl-content" data-statements="s1"> </span>'
        '<span class="hl hl-cue" data-statements="s1 s2">told</span>'
        '<span class="hl hl-content" data-statements="s1"> aides on </span>'
        '<mark class="timex" data-type="DATE" title="2025-01-13">'
        '<span class="hl hl-content" data-statements="s1">Monday</span></mark>'
        '<span class="hl hl-content" data-statements="s1"> </span>'
        '<span class="hl hl-content" data-statements="s1 s2">to wait</span>.'
    )


def test_pages_carry_security_headers(client: TestClient) -> None:
    headers = client.get("/articles/hostile").headers
    assert {name: headers[name] for name in SECURITY_HEADERS} == SECURITY_HEADERS


def test_server_errors_tell_the_client_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(str(tmp_path / "e.db"))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full at /srv/secret/saidwhat.db")

    monkeypatch.setattr(app.state.store, "counts", broken)
    client = TestClient(app, raise_server_exceptions=False)
    api, page = client.get("/api/articles"), client.get("/")
    assert (api.status_code, api.json()) == (500, {"detail": "internal server error"})
    assert page.status_code == 500 and "secret" not in page.text and "Traceback" not in page.text


# -- pages ---------------------------------------------------------------------------------------


def test_pages_render_the_listings(client: TestClient) -> None:
    home = client.get("/", params={"speaker": "okafor"}).text
    assert "1–5 of 5" in home
    assert '<a href="/api/statements?speaker=okafor&amp;format=csv">CSV</a>' in home
    claims = client.get("/claims", params={"today": "2025-07-01"}).text
    assert re.findall(r'href="/articles/([^"]+)"', claims) == [
        "port-expansion#s1", "city-budget#s1", "port-berth#s2", "port-expansion#s3", "port-expansion#s4",
        "hostile#s2",
    ]
    assert re.findall(r"<h2>([^<]+)</h2>", claims) == ["Pending", "Reported", "Undated"]
    assert len(re.findall(r'<a class="claim-link" href="/claims/c\d+\?today=2025-07-01">', claims)) == 6
    assert re.findall(r'<td class="outcome">(.*?)</td>', claims) == [
        '<span class="relation delayed">delayed</span> <span class="date">2025-06-02</span>'
    ]
    moved = client.get("/speakers/Lena%20Okafor", follow_redirects=False)
    assert moved.status_code == 301 and re.fullmatch(r"/speakers/a\d+", moved.headers["location"])
    speaker = client.get(moved.headers["location"]).text
    assert re.findall(r"<time>([^<]+)</time>", speaker) == ["2025-01-13", "2025-06-02"]


def test_the_claims_form_filters_by_status_and_keeps_overdue_only(followed: TestClient) -> None:
    def shown(params: dict[str, str]) -> tuple[list[str], list[str]]:
        page = followed.get("/claims", params={"today": TODAY.isoformat(), "speaker": "", **params}).text
        return re.findall(r"<h2>([^<]+)</h2>", page), re.findall(r'<option value="(\w*)" selected>', page)

    assert shown({"status": ""}) == (["Overdue", "Pending", "Reported", "Undated"], [])
    assert shown({"status": "reported"}) == (["Reported"], ["reported"])
    assert shown({"overdue": "true"}) == (["Overdue"], [])
    assert 'name="overdue" value="true" checked' in followed.get("/claims", params={"overdue": "true"}).text
    refused = followed.get("/claims", params={"overdue": "true", "status": "undated"})
    assert refused.status_code == 422 and "overdue=true contradicts status=undated" in refused.text


def test_a_claim_page_draws_its_timeline(followed: TestClient) -> None:
    listed = followed.get("/api/claims", params={"today": TODAY.isoformat(), "status": "reported"}).json()["items"]
    tram = next(i["claim"] for i in listed if i["article_id"] == "tram-plan")
    page = followed.get(f"/claims/{tram}", params={"today": TODAY.isoformat()}).text
    assert '<dd class="due">2025-10-31</dd>' in page
    assert "reported as of 2025-07-01: happened on 2025-10-20" in page
    (svg,) = re.findall(r'<svg class="timeline-chart".*?</svg>', page, re.DOTALL)
    dots = re.findall(r'<a href="([^"]+)"><circle class="dot (\w+)" cx="([\d.]+)"[^>]*><title>([^<]+)</title>', svg)
    assert [(href, kind, title) for href, kind, _, title in dots] == [
        ("/articles/tram-plan#s1", "said", "said 2025-04-10: Kessel airport tram to open in October, minister says"),
        ("/articles/tram-plan-wire#s1", "said", "said 2025-04-10: Kessel airport tram line to open in October"),
        ("/articles/tram-opens", "happened", "happened 2025-10-20: First passengers ride the Kessel airport tram"),
    ]
    rules = dict(re.findall(r'<g class="rule (\w+)"><title>[^<]*</title>\s*<line x1="([\d.]+)"', svg))
    said, wire, happened = (float(x) for _, _, x, _ in dots)
    assert said == wire < float(rules["today"]) < happened < float(rules["due"])  # July, then 20 and 31 October
    assert re.findall(r'<li class="followup (\w+)">', page) == ["happened"]
    assert '<blockquote class="evidence">KESSEL - The new tram line between Kessel and the airport opened' in page
    assert "<script" not in page


def test_the_timeline_scales_its_axis_and_needs_a_date(followed: TestClient) -> None:
    store = followed.app.state.store  # type: ignore[attr-defined]
    (tram,) = store.claims(TODAY, "reported", speaker="Aino Varga")
    detail = store.claim(tram.claim, date(2030, 1, 1))
    near = chart(detail, date(2030, 1, 1))
    assert near is not None and [r.kind for r in near.rules] == ["due"]  # today lies beyond the axis
    assert [t.label for t in near.ticks] == ["May 2025", "Jul 2025", "Sep 2025", "Nov 2025"]
    assert all(0 < d.x < near.width and 0 < d.y < near.axis + 1 for d in near.dots)
    decades = chart(replace(detail, claim=replace(detail.claim, due=date(2045, 6, 30))), TODAY)
    assert decades is not None and [t.label for t in decades.ticks] == ["2025", "2030", "2035", "2040", "2045"]
    undated = [replace(row, said_on=None, published=None) for row in detail.said_in]
    assert chart(replace(detail, said_in=undated, followups=[]), TODAY) is None


def test_the_article_page_lists_more_on_its_story(followed: TestClient) -> None:
    page = followed.get("/articles/tram-plan-wire").text
    (story,) = re.findall(r'<section class="story">.*?</section>', page, re.DOTALL)
    assert re.findall(r'href="/articles/([^"]+)"', story) == ["tram-plan"]
    assert "More on this story" not in followed.get("/articles/tram-opens").text


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/speakers/Nobody%20At%20All", 404, "no actor &#39;Nobody At All&#39;"),
        ("/articles/%3Cscript%3E", 404, "no article &#39;&lt;script&gt;&#39;"),
        ("/?since=yesterday", 422, "since: Input should be a valid date"),
    ],
)
def test_page_errors_are_pages(client: TestClient, url: str, status: int, message: str) -> None:
    response = client.get(url)
    assert (response.status_code, response.headers["content-type"]) == (status, "text/html; charset=utf-8")
    assert message in response.text


def test_serve_refuses_a_database_it_cannot_open(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing" / "web.db")])
    assert result.exit_code == 2
    assert f"cannot create database {tmp_path / 'missing' / 'web.db'}: no directory" in result.stderr
