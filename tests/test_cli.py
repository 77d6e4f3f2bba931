"""The ``saidwhat`` command end to end: inputs, outputs, exit codes, error lines, the database.

Inputs are single hand-written sentences whose one statement is not in doubt, so that these tests
check the command's behaviour, not the extractor's judgement. Tests whose messages name a path
work in a temporary folder, so that the expected messages are exact.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.model import Extraction
from saidwhat.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
BRIDGE = FIXTURES / "bridge.txt"
FERRY = FIXTURES / "ferry.html"
WIRE = FIXTURES / "wire.jsonl"
BRIDGE_TEXT = "Maria Lopez said on Monday that the bridge would reopen in March.\n"
CONTRACT_KEYS = {"id", "title", "published", "url", "text", "entities", "statements", "times"}
NURSES = "Health minister Anna Berg said that hospitals would hire 300 nurses.\n"
NO_FOLDER = "saidwhat: cannot create database nowhere/news.db: no directory nowhere\n"

Check = Callable[[Extraction], None]


def invoke(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


def parsed(stdout: str, check: Check) -> list[dict]:
    """The JSON Lines of ``extract``, each checked against the contract and for offsets."""
    objects = [json.loads(line) for line in stdout.splitlines()]
    for obj in objects:
        assert CONTRACT_KEYS <= obj.keys() and "origin" not in obj
        check(Extraction.model_validate(obj))
    return objects


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary current folder, so that messages name inputs by short relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def only_statement(obj: dict) -> tuple[str, str, str, str]:
    (s,) = obj["statements"]
    return s["kind"], s["source"]["text"], s["cue"]["text"], s["content"]["text"]


# extract: every input form


def test_extract_plain_text(consistent: Check) -> None:
    result = invoke("extract", BRIDGE)
    assert (result.exit_code, result.stderr) == (0, "")
    (obj,) = parsed(result.stdout, consistent)
    assert (obj["id"], obj["text"], obj["published"]) == ("bridge", BRIDGE_TEXT, None)
    kind, source, cue, content = only_statement(obj)
    assert (kind, source, cue) == ("indirect", "Maria Lopez", "said")
    assert content.startswith("that the bridge")
    names = {e["id"]: e["name"] for e in obj["entities"]}
    assert names[obj["statements"][0]["source"]["entity"]] == "Maria Lopez"


def test_extract_html_page(consistent: Check) -> None:
    (obj,) = parsed(invoke("extract", FERRY).stdout, consistent)
    quote = "“The ferry will run twice a day from June,”"
    assert (obj["id"], obj["title"], obj["published"]) == (
        "ferry", "Ferry to run twice a day", "2025-04-14"
    )
    assert obj["text"] == f"{quote} Tomas Varga said at the harbour."
    assert only_statement(obj) == ("direct", "Tomas Varga", "said", quote)


def test_extract_jsonl_gives_one_json_line_per_article(consistent: Check) -> None:
    objects = parsed(invoke("extract", WIRE).stdout, consistent)
    assert [(o["id"], o["published"], o["url"]) for o in objects] == [
        ("wire-1", "2025-03-04", "https://news.example.com/2025/03/04/nurses"),
        ("wire-2", "2025-04-10", "https://news.example.com/2025/04/10/port"),
        ("wire-3", "2025-05-20", "https://news.example.com/2025/05/20/clinic"),
    ]
    assert [only_statement(o)[1] for o in objects] == [
        "Health minister Anna Berg", "Harbour master Piet Olsen", "Anna Berg"
    ]


def test_extract_gzip_equals_plain(tmp_path: Path, consistent: Check) -> None:
    packed = tmp_path / "bridge.txt.gz"
    packed.write_bytes(gzip.compress(BRIDGE.read_bytes()))
    plain = parsed(invoke("extract", BRIDGE).stdout, consistent)
    assert parsed(invoke("extract", packed).stdout, consistent) == plain


@pytest.mark.parametrize(
    ("given", "ids", "first_text"),
    [
        (BRIDGE_TEXT, ["stdin"], BRIDGE_TEXT),
        (WIRE.read_text(encoding="utf-8"), ["wire-1", "wire-2", "wire-3"], NURSES.rstrip()),
    ],
    ids=["text", "jsonl"],
)
def test_extract_stdin(given: str, ids: list[str], first_text: str, consistent: Check) -> None:
    result = invoke("extract", "-", input=given)
    assert result.exit_code == 0
    objects = parsed(result.stdout, consistent)
    assert ([o["id"] for o in objects], objects[0]["text"]) == (ids, first_text)


def test_published_flag_overrides_the_inputs_dates(consistent: Check) -> None:
    objects = parsed(invoke("extract", WIRE, FERRY, "--published", "2024-12-31").stdout, consistent)
    assert [o["published"] for o in objects] == ["2024-12-31"] * 4


def test_published_flag_must_be_a_date() -> None:
    result = invoke("extract", BRIDGE, "--published", "2025-02-30")
    assert (result.exit_code, result.stdout) == (2, "")
    # Typer draws usage errors in a box; the message may wrap inside it.
    assert "'2025-02-30' is not a date (YYYY-MM-DD)" in " ".join(result.stderr.split())


def test_out_writes_one_file_per_article(tmp_path: Path, consistent: Check) -> None:
    printed = parsed(invoke("extract", WIRE, BRIDGE).stdout, consistent)
    result = invoke("extract", WIRE, BRIDGE, "--out", tmp_path / "out")
    assert (result.exit_code, result.stdout) == (0, "")
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == ["bridge.json", "wire-1.json", "wire-2.json", "wire-3.json"]
    written = {o["id"]: o for f in files for o in parsed(f.read_text(encoding="utf-8"), consistent)}
    assert written == {o["id"]: o for o in printed}


def test_out_file_names_are_safe_for_any_id(tmp_path: Path) -> None:
    record = json.dumps({"id": "2025/05 nurses", "text": NURSES})
    assert invoke("extract", "-", "--out", tmp_path, input=record).exit_code == 0
    assert [f.name for f in tmp_path.iterdir()] == ["2025_05_nurses.json"]
    written = (tmp_path / "2025_05_nurses.json").read_text(encoding="utf-8")
    assert json.loads(written)["id"] == "2025/05 nurses"


def test_text_format_groups_statements_by_speaker() -> None:
    result = invoke("extract", BRIDGE, "--format", "text", "--published", "2025-05-02")
    lines = result.stdout.splitlines()
    assert lines[:4] == ["# bridge", "id bridge · published 2025-05-02", "", "## Maria Lopez"]
    assert lines[4].startswith("- [s1 indirect] said: that the bridge would reopen in March")


def test_text_format_separates_articles_by_a_blank_line() -> None:
    stdout = invoke("extract", WIRE, "--format", "text").stdout
    headings = [line for line in stdout.splitlines() if line.startswith("#")]
    assert headings == [
        "# Hospitals to hire nurses", "## Anna Berg",
        "# Port stays shut", "## Piet Olsen",
        "# Clinic busy in first year", "## Anna Berg",
    ]
    assert stdout.count("\n\n# ") == 2


# extract: bad inputs among good ones


@pytest.mark.usefixtures("workdir")
def test_each_bad_input_gives_one_error_line_and_the_rest_is_output(consistent: Check) -> None:
    Path("empty.txt").write_bytes(b"")
    Path("blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    Path("cut.txt.gz").write_bytes(gzip.compress(BRIDGE.read_bytes())[:20])
    feed = json.dumps({"id": "ok", "text": NURSES}) + '\n{"id": "half", "text":\n'
    Path("feed.jsonl").write_text(feed, encoding="utf-8")
    shutil.copy(FIXTURES / "nobody.html", "nobody.html")
    result = invoke(
        "extract", "empty.txt", BRIDGE, "blob.txt", "cut.txt.gz", "feed.jsonl", "missing.txt",
        "nobody.html",
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: empty.txt: empty input",
        "error: blob.txt: binary data, not text (NUL byte at byte offset 8)",
        "error: cut.txt.gz: truncated gzip stream",
        "error: feed.jsonl:2: invalid JSON (Expecting value at column 23)",
        "error: missing.txt: no such file",
        "error: nobody.html: no article text found",
    ]
    assert [o["id"] for o in parsed(result.stdout, consistent)] == ["bridge", "ok"]


@pytest.mark.usefixtures("workdir")
def test_a_lone_surrogate_in_json_is_one_bad_record() -> None:
    records = [{"id": "odd", "text": "Anna Berg said \ud800."}, {"id": "ok", "text": NURSES}]
    Path("feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    result = invoke("extract", "feed.jsonl")
    assert (result.exit_code, result.stderr) == (
        1, "error: feed.jsonl:1: text is not valid Unicode (lone surrogate at character 15)\n"
    )
    assert [json.loads(o)["id"] for o in result.stdout.splitlines()] == ["ok"]


# ingest and the queries


def ingest(*args: str | Path) -> Result:
    return invoke("ingest", *args, "--db", "news.db")


def holds(articles: int, statements: int, actors: int) -> str:
    """The end of ingest's summary line, for the database ``news.db``."""
    return (
        f"the database now holds {articles} articles, {statements} statements, "
        f"{actors} actors (news.db)\n"
    )


@pytest.mark.usefixtures("workdir")
def test_ingest_reports_counts_and_stores_each_story_once(consistent: Check) -> None:
    extracted = parsed(invoke("extract", WIRE, BRIDGE).stdout, consistent)
    first = ingest(WIRE, BRIDGE)
    assert (first.exit_code, first.stdout) == (0, "")
    assert first.stderr == "4 new, 0 duplicate, 0 failed; " + holds(4, 4, 3)
    with Store.open("news.db") as store:
        counts = store.counts()
    assert counts["articles"] == len(extracted)
    assert counts["statements"] == sum(len(o["statements"]) for o in extracted)
    assert counts["entities"] == sum(len(o["entities"]) for o in extracted)
    assert counts["times"] == sum(len(o["times"]) for o in extracted)

    second = ingest(WIRE, BRIDGE)
    assert second.exit_code == 0
    assert second.stderr == "0 new, 4 duplicate, 0 failed; " + holds(4, 4, 3)
    # The same story under another name, with other whitespace, is a duplicate too.
    Path("copy.txt").write_text(NURSES.replace(" said ", "  said\n"), encoding="utf-8")
    assert ingest("copy.txt").stderr == "0 new, 1 duplicate, 0 failed; " + holds(4, 4, 3)
    with Store.open("news.db") as store:
        assert store.counts() == counts


@pytest.mark.usefixtures("workdir")
def test_ingest_goes_on_past_bad_input_and_exits_1() -> None:
    result = ingest("missing.txt", BRIDGE)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: missing.txt: no such file\n1 new, 0 duplicate, 1 failed; " + holds(1, 1, 1)
    )


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the three wire stories and the undated bridge story, ingested once."""
    folder = tmp_path_factory.mktemp("stored")
    assert invoke("ingest", WIRE, BRIDGE, "--db", folder / "news.db").exit_code == 0
    return folder


@pytest.fixture
def in_stored(stored: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work beside the stored database, so that it is ``news.db``."""
    monkeypatch.chdir(stored)


def query(*args: str) -> Result:
    result = invoke(*args, "--db", "news.db")
    assert result.exit_code == 0, result.stderr
    return result


def listed(*filters: str) -> list[str]:
    """The article ids of the statements a filtered listing returns, in its order."""
    rows = json.loads(query("statements", *filters, "--format", "json").stdout)
    return [row["article_id"] for row in rows]


@pytest.mark.usefixtures("in_stored")
@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        ((), ["wire-1", "wire-2", "wire-3", "bridge"]),
        (("--speaker", "berg"), ["wire-1", "wire-3"]),
        (("--speaker", "LOPEZ"), ["bridge"]),
        (("--speaker", "health minister"), ["wire-1"]),
        (("--text", "Repairs port"), ["wire-2"]),
        (("--text", "port nurses"), []),
        (("--since", "2025-04-10"), ["wire-2", "wire-3"]),
        (("--until", "2025-04-10"), ["wire-1", "wire-2"]),
        (("--since", "2025-04-01", "--until", "2025-04-30"), ["wire-2"]),
        (("--speaker", "berg", "--since", "2025-04-01"), ["wire-3"]),
        (("--limit", "1"), ["wire-1"]),
    ],
)
def test_statement_filters(filters: tuple[str, ...], ids: list[str]) -> None:
    assert listed(*filters) == ids


@pytest.mark.usefixtures("in_stored")
def test_statements_as_json_rows() -> None:
    first = json.loads(query("statements", "--format", "json").stdout)[0]
    keys = ("article_id", "article_title", "published", "statement_id", "speaker")
    assert {k: first[k] for k in keys} == {
        "article_id": "wire-1",
        "article_title": "Hospitals to hire nurses",
        "published": "2025-03-04",
        "statement_id": "s1",
        "speaker": "Anna Berg",
    }
    assert (first["source_text"], first["cue"], first["content"]) == (
        "Health minister Anna Berg", "said", "that hospitals would hire 300 nurses"
    )


@pytest.mark.usefixtures("in_stored")
def test_statements_as_csv() -> None:
    stdout = query("statements", "--format", "csv").stdout
    assert stdout.splitlines()[0] == (
        "article_id,article_title,published,statement_id,kind,speaker,actor,source_text,cue,content,"
        "said_on,hedged,negated,future,due"
    )
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert [(r["article_id"], r["speaker"], r["content"]) for r in rows] == [
        ("wire-1", "Anna Berg", "that hospitals would hire 300 nurses"),
        ("wire-2", "Piet Olsen", "the port would stay closed for repairs"),
        ("wire-3", "Anna Berg", "that the new clinic had treated 900 patients"),
        ("bridge", "Maria Lopez", "that the bridge would reopen in March"),
    ]


@pytest.mark.usefixtures("in_stored")
def test_statements_as_table() -> None:
    stdout = query("statements").stdout
    header = next(line for line in stdout.splitlines() if "said_on" in line)
    assert [cell.strip() for cell in header.strip("┃ ").split("┃")] == [
        "said_on", "speaker", "kind", "cue", "content", "article_id"
    ]
    for expected in ("wire-1", "wire-2", "wire-3", "Piet Olsen", "2025-04-10"):
        assert expected in stdout


@pytest.mark.usefixtures("in_stored")
def test_speakers() -> None:
    rows = json.loads(query("speakers", "--format", "json").stdout)
    assert rows == [
        {"id": "a1", "name": "Anna Berg", "type": "PERSON", "statements": 2, "articles": 2,
         "first": "2025-03-04", "last": "2025-05-20", "wikidata": None},
        {"id": "a3", "name": "Maria Lopez", "type": "PERSON", "statements": 1, "articles": 1,
         "first": None, "last": None, "wikidata": None},
        {"id": "a2", "name": "Piet Olsen", "type": "PERSON", "statements": 1, "articles": 1,
         "first": "2025-04-10", "last": "2025-04-10", "wikidata": None},
    ]
    assert query("speakers", "--format", "csv", "--limit", "1").stdout == (
        "id,name,type,statements,articles,first,last,wikidata\na1,Anna Berg,PERSON,2,2,2025-03-04,2025-05-20,\n"
    )


@pytest.mark.usefixtures("in_stored")
def test_show_as_text() -> None:
    lines = query("show", "wire-1").stdout.splitlines()
    assert lines[:4] == [
        "# Hospitals to hire nurses",
        "id wire-1 · published 2025-03-04 · https://news.example.com/2025/03/04/nurses",
        "",
        "## Anna Berg",
    ]
    assert lines[4].startswith("- [s1 indirect] said: that hospitals would hire 300 nurses")


@pytest.mark.usefixtures("in_stored")
def test_show_as_json_equals_the_extract_output(consistent: Check) -> None:
    extracted = {o["id"]: o for o in parsed(invoke("extract", WIRE, BRIDGE).stdout, consistent)}
    for article_id, expected in extracted.items():
        shown = query("show", article_id, "--format", "json").stdout
        assert parsed(shown, consistent) == [expected]


@pytest.mark.usefixtures("in_stored")
def test_show_unknown_id_is_a_one_line_error() -> None:
    result = invoke("show", "wire-9", "--db", "news.db")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "saidwhat: no article 'wire-9' in news.db\n"


@pytest.mark.usefixtures("workdir")
def test_ingest_into_a_missing_folder_is_a_one_line_error() -> None:
    result = invoke("ingest", str(BRIDGE), "--db", "nowhere/news.db")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", NO_FOLDER)
    assert not Path("nowhere").exists()


@pytest.mark.usefixtures("workdir")
@pytest.mark.parametrize("command", [("statements",), ("speakers",), ("show", "wire-1")], ids=lambda c: c[0])
def test_queries_never_create_a_database(command: tuple[str, ...]) -> None:
    result = invoke(*command, "--db", "mistyped.db")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", "saidwhat: no database at mistyped.db\n")
    assert not Path("mistyped.db").exists()


@pytest.mark.usefixtures("workdir")
def test_serve_on_a_missing_folder_is_a_one_line_error() -> None:
    result = invoke("serve", "--db", "nowhere/news.db")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", NO_FOLDER)


@pytest.mark.usefixtures("workdir")
@pytest.mark.parametrize(
    "command",
    [("extract", BRIDGE), ("ingest", BRIDGE, "--db", "news.db"), ("eval", "time", FIXTURES / "timeml")],
    ids=lambda c: c[0],
)
def test_a_model_that_cannot_load_is_a_one_line_error(command: tuple[str | Path, ...]) -> None:
    result = invoke(*command, "--model", "no_such_model")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("saidwhat: cannot load spaCy model 'no_such_model': ")
    assert result.stderr.count("\n") == 1


@pytest.mark.usefixtures("workdir")
def test_extract_out_refuses_a_second_article_with_the_same_id(tmp_path: Path) -> None:
    for folder in ("d1", "d2"):
        Path(folder).mkdir()
        Path(folder, "bridge.txt").write_text(BRIDGE.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("extract", "d1/bridge.txt", "d2/bridge.txt", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == "error: d2/bridge.txt: out/bridge.json was already written in this run (duplicate id)\n"
    assert [p.name for p in Path("out").iterdir()] == ["bridge.json"]


# eval


def polnear(root: Path) -> Path:
    """A one-article PolNeAR-style corpus whose one attribution the extractor gets right."""
    name = "courier_2025-03-04_nurses"
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / f"{name}.txt").write_text(NURSES, encoding="utf-8")

    def span(fragment: str) -> str:
        start = NURSES.index(fragment)
        return f"{start} {start + len(fragment)}\t{fragment}"

    ann = [
        f"T1\tSource {span('Health minister Anna Berg')}",
        f"T2\tCue {span('said')}",
        f"T3\tContent {span('that hospitals would hire 300 nurses')}",
        f"T4\tAttribution {span('said')}",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    ]
    ann_file = root / "dev" / "attributions" / f"{name}_abcd.ann"
    ann_file.write_text("\n".join(ann) + "\n", encoding="utf-8")
    metadata = [("compartment", "filename", "publication_date", "title")]
    metadata.append(("dev", name, "2025-03-04", "Hospitals to hire nurses"))
    (root / "metadata.tsv").write_text(
        "".join("\t".join(row) + "\n" for row in metadata), encoding="utf-8"
    )
    return root / "dev" / "text" / f"{name}.txt"


def test_eval_attribution_scores_a_right_statement_100(tmp_path: Path) -> None:
    polnear(tmp_path / "corpus")
    result = invoke("eval", "attribution", tmp_path / "corpus", "dev")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["P", "R", "F1", "gold", "pred", "match"]
    assert lines[1] == "linked content    100.0  100.0  100.0       1       1       1"
    assert lines[2] == "linked triple     100.0  100.0  100.0       1       1       1"
    assert lines[-1] == "on matched pairs: source agrees 100.0%, cue agrees 100.0%"


def test_eval_attribution_scores_extract_out_files_alike(tmp_path: Path) -> None:
    corpus, predicted = tmp_path / "corpus", tmp_path / "predicted"
    text_file = polnear(corpus)
    written = invoke("extract", text_file, "--published", "2025-03-04", "--out", predicted)
    assert written.exit_code == 0
    from_files = invoke("eval", "attribution", corpus, "dev", "--predictions", predicted)
    assert from_files.exit_code == 0
    assert from_files.stdout == invoke("eval", "attribution", corpus, "dev").stdout
    empty = invoke("eval", "attribution", corpus, "dev", "--predictions", tmp_path / "nothing")
    triple = empty.stdout.splitlines()[2]
    assert triple == "linked triple       0.0    0.0    0.0       1       0       0"


@pytest.mark.usefixtures("workdir")
def test_eval_attribution_on_a_missing_split() -> None:
    polnear(Path("corpus"))
    result = invoke("eval", "attribution", "corpus", "test")
    assert (result.exit_code, result.stdout) == (2, "")
    missing = "saidwhat: no PolNeAR split 'test': corpus/test/attributions is missing\n"
    assert result.stderr == missing


def test_eval_time_on_a_timeml_file() -> None:
    result = invoke("eval", "time", FIXTURES / "timeml")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1:3] == [
        "relaxed     100.0  100.0  100.0       1",
        "strict      100.0  100.0  100.0       1",
    ]
    assert lines[-2:] == ["type accuracy 100.0, type F1 100.0", "1 documents, 1 gold, 1 predicted"]


@pytest.mark.usefixtures("workdir")
def test_eval_time_on_a_folder_without_documents() -> None:
    Path("none").mkdir()
    result = invoke("eval", "time", "none")
    assert result.exit_code == 2
    assert result.stderr == "saidwhat: no TimeML or MEANTIME documents under none\n"


# help


@pytest.mark.parametrize(
    ("command", "summary"),
    [
        ((), "Who said what, when, and according to whom"),
        (("extract",), "Extract entities, statements and time expressions"),
        (("ingest",), "Extract from the inputs and store everything"),
        (("statements",), "List stored statements, filtered by speaker, words and date."),
        (("speakers",), "Who is quoted most"),
        (("show",), "One stored article with everything extracted from it."),
        (("eval",), "Score extraction against annotated corpora"),
        (("eval", "attribution"), "Linked (content, triple) and exact span scores"),
        (("eval", "time"), "Extent, value and type scores of time expressions"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else None,
)
def test_help(command: tuple[str, ...], summary: str) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    words = " ".join(result.stdout.split())  # rich wraps help at the terminal's width
    assert words.startswith("Usage: ")
    assert summary in words


# the console script in a real process


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``saidwhat`` in its own process, none of its streams a terminal, at rich's default width."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return subprocess.run(
        [sys.executable, "-m", "saidwhat.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
    )


def test_process_keeps_output_and_errors_apart(tmp_path: Path) -> None:
    shutil.copy(BRIDGE, tmp_path / "bridge.txt")
    done = run("extract", "bridge.txt", "missing.txt", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, "error: missing.txt: no such file\n")
    (line,) = done.stdout.splitlines()
    assert json.loads(line)["id"] == "bridge"


def test_process_exit_status_2_for_a_database_it_cannot_create(tmp_path: Path) -> None:
    done = run("ingest", BRIDGE, "--db", "nowhere/news.db", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == NO_FOLDER


def test_process_error_and_summary_lines_are_not_wrapped(tmp_path: Path) -> None:
    long_name = "a-report-from-the-linnmouth-harbour-authority-on-the-state-of-the-pier.txt"
    done = run("ingest", long_name, BRIDGE, "--db", "news.db", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    summary = "1 new, 0 duplicate, 1 failed; " + holds(1, 1, 1)
    assert done.stderr == f"error: {long_name}: no such file\n{summary}"
