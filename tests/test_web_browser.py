"""The web pages in a real browser: Debian's Chromium driven by Playwright against ``saidwhat serve``
started on a free local port. Screenshots of each page go to ``test-artifacts/``.

The hostile article is opened with the page's Content-Security-Policy bypassed, so that it is the
escaping that is tested, not the policy that would stop a script that got through.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from needs import missing
from playwright.sync_api import Browser, Page, expect, sync_playwright
from webseed import FOLLOWUPS, HOSTILE_TITLE, TODAY, extractions, seed

from saidwhat.pipeline import Pipeline
from saidwhat.render import speaker_name

CHROMIUM = shutil.which("chromium")

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
TOKEN = "browser-token"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Any script that runs sets the flag, whether it calls alert() or not.
TRAP = "window.alert = window.confirm = window.prompt = () => { window.__pwned = true; };"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """The base URL of ``saidwhat serve`` over a seeded store, accepting writes with TOKEN."""
    db = seed(tmp_path_factory.mktemp("browser") / "browser.db", pipeline, FOLLOWUPS)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "saidwhat.cli", "serve", "--db", db, "--port", str(port)],
        cwd=REPO, env=os.environ | {"SAIDWHAT_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/openapi.json", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"saidwhat serve did not start: {process.communicate()[1]}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        missing("Debian's chromium package (.ci/run installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, bypass_csp=True)
    context.add_init_script(TRAP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    yield page
    assert page.evaluate("window.__pwned === undefined"), "a script from the page ran"
    assert dialogs == []
    context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_then_open_an_article_with_its_statements_highlighted(
    server: str, page: Page, pipeline: Pipeline
) -> None:
    (article,) = [e for e in extractions(pipeline) if e.id == "port-expansion"]
    page.goto(server + "/")
    page.fill("input[name=speaker]", "okafor")
    page.click("button[type=submit]")
    expect(page.locator(".pager").first).to_contain_text("1–5 of 5")
    page.locator("a.article", has_text="Valmora port to double container capacity").first.click()
    expect(page.locator("h1.title")).to_have_text("Valmora port to double container capacity")

    text = page.locator(".article-text")
    expect(text.locator(".hl-source").first).to_have_text("its director Lena Okafor")
    expect(text.locator(".hl-cue").first).to_have_text("said")
    colours = {
        role: text.locator(f".hl-{role}").first.evaluate("e => getComputedStyle(e).backgroundColor")
        for role in ("source", "cue", "content")
    }
    assert len(set(colours.values())) == 3, colours

    when = text.locator("mark.timex", has_text="Monday")
    when.hover()
    expect(when).to_have_attribute("title", "2025-01-13")
    expect(page.locator(".statement-list li.statement")).to_have_count(len(article.statements))
    screenshot(page, "article")


def test_a_speaker_link_leads_to_a_timeline(server: str, page: Page, pipeline: Pipeline) -> None:
    said = [s for e in extractions(pipeline) for s in e.statements if speaker_name(e, s) == "Lena Okafor"]
    page.goto(server + "/articles/port-berth")
    page.locator("aside a.speaker", has_text="Lena Okafor").first.click()
    expect(page.locator("h1.speaker-name")).to_have_text("Lena Okafor")
    expect(page.locator(".timeline .day time")).to_have_text(["2025-01-13", "2025-06-02"])
    expect(page.locator(".timeline .statement")).to_have_count(len(said))
    screenshot(page, "speaker")


def test_claims_are_listed_by_status_and_filtered_by_the_form(server: str, page: Page) -> None:
    page.goto(f"{server}/claims?today={TODAY.isoformat()}")
    expect(page.locator("section.claims h2")).to_have_text(["Overdue", "Pending", "Reported", "Undated"])
    dues = ["2025-05-31", "2026-12-31", "2026-12-31", "2031-12-31", "2025-03-31", "2025-10-31", "", ""]
    expect(page.locator("tr.claim td.due")).to_have_text(dues)
    expect(page.locator("tr.claim").first).to_have_class("claim overdue")
    expect(page.locator("section.reported td.outcome .relation")).to_have_text(["delayed", "happened"])
    screenshot(page, "claims")

    page.select_option("select[name=status]", "reported")
    page.click("button[type=submit]")
    expect(page.locator("section.claims h2")).to_have_text(["Reported"])
    expect(page.locator("select[name=status]")).to_have_value("reported")
    page.select_option("select[name=status]", "")
    page.check("input[name=overdue]")
    page.click("button[type=submit]")
    expect(page.locator("section.claims h2")).to_have_text(["Overdue"])
    machines = "the old ticket machines at Kessel central station would be replaced by May"
    expect(page.locator("tr.claim .content")).to_have_text([machines])


def test_a_claim_shows_its_timeline_under_the_real_policy(server: str, browser: Browser) -> None:
    """Without bypassing the Content-Security-Policy: the chart is inline SVG styled from /static."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.extend([message.text] if "Content Security" in message.text else []))
    page.goto(f"{server}/claims?today={TODAY.isoformat()}")
    page.locator("section.reported a.claim-link", has_text="tram line").click()
    expect(page.locator("h1.claim-title")).to_contain_text("reported")
    expect(page.locator("dd.status-text")).to_have_text("reported as of 2025-07-01: happened on 2025-10-20")
    chart = page.locator("svg.timeline-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("circle.dot.said")).to_have_count(2)
    opened = "First passengers ride the Kessel airport tram"
    expect(chart.locator("circle.dot.happened title")).to_have_text(f"happened 2025-10-20: {opened}")
    expect(chart.locator("g.rule title")).to_have_text(["due 2025-10-31", "today 2025-07-01"])

    def fill(locator: str) -> str:
        return page.locator(locator).first.evaluate("e => getComputedStyle(e).fill")

    assert fill("svg.timeline-chart circle.dot.happened") == fill("ul.timeline-legend circle.dot.happened")
    assert len({fill(f"ul.timeline-legend circle.dot.{kind}") for kind in
                ("said", "happened", "repeated", "delayed", "cancelled", "updated")}) == 6
    expect(page.locator("ul.said-in a.article")).to_have_text([
        "Kessel airport tram to open in October, minister says", "Kessel airport tram line to open in October",
    ])
    expect(page.locator("li.followup .evidence")).to_contain_text("opened on Monday, carrying its first passengers")
    screenshot(page, "claim")
    chart.locator("a[href='/articles/tram-opens']").click()
    expect(page.locator("h1.title")).to_have_text(opened)
    assert refused == []
    context.close()


def test_an_article_links_to_more_on_its_story(server: str, page: Page) -> None:
    page.goto(server + "/articles/tram-plan")
    more = page.locator("section.story")
    expect(more.locator("h2")).to_have_text("More on this story")
    more.locator("a.article").click()
    expect(page.locator("h1.title")).to_have_text("Kessel airport tram line to open in October")
    first = "Kessel airport tram to open in October, minister says"
    expect(page.locator("section.story a.article")).to_have_text([first])


def test_the_hostile_article_shows_its_markup_as_text(server: str, page: Page) -> None:
    page.goto(server + "/")
    page.locator("a.article", has_text="Council").click()
    expect(page.locator("h1.title")).to_have_text(HOSTILE_TITLE)
    text = page.locator(".article-text")
    expect(text).to_contain_text("the text <script>alert(1)</script> had been posted")
    expect(text).to_contain_text('"Nobody should open <img src=x onerror=alert(1)> or javascript:alert(1) links,"')
    expect(page.locator("main script, main img, a[href^='javascript']")).to_have_count(0)
    expect(page.locator(".meta .url")).to_have_text("javascript:alert(1)")
    screenshot(page, "hostile")


def test_ingest_through_the_form_with_the_token(server: str, page: Page) -> None:
    page.goto(server + "/ingest")
    page.fill("input[name=token]", TOKEN)
    page.fill(
        "textarea[name=content]",
        "Fire chief Olga Brandt said on Friday that the station, tagged <img src=x onerror=alert(3)>"
        " by vandals, would reopen by September.",
    )
    page.fill("input[name=id]", "fire-station")
    page.fill("input[name=published]", "2025-04-04")
    page.click("button[type=submit]")
    expect(page.locator(".tally")).to_have_text("1 new, 0 duplicate, 0 failed")
    page.locator("ul.new a", has_text="fire-station").click()
    expect(page.locator(".article-text .hl-source")).to_have_text("Fire chief Olga Brandt")
    expect(page.locator(".article-text")).to_contain_text("<img src=x onerror=alert(3)>")
    screenshot(page, "ingested")
