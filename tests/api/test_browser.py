"""The web UI as a person uses it: `newsgraph serve` in its own process, Debian's chromium.

Paste an invented article, see the quote highlighted with its speaker, store it, follow the
speaker to their actor page; and over the ingested examples/outlets.jsonl, open the story the
three outlets told and see who carried the minister's remark, then the actor graph. Screenshots
go to NEWSGRAPH_SCREENSHOTS (default `<tmp>/newsgraph-screenshots/`). Skipped when
/usr/bin/chromium or Playwright is missing, except under CI=true, where it fails. Playwright
downloads no browser here: it is given Debian's chromium as its executable.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.test_extract import FLOOD, FLOOD_QUOTE
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(
    os.environ.get("NEWSGRAPH_SCREENSHOTS") or Path(tempfile.gettempdir()) / "newsgraph-screenshots"
)


def _playwright() -> Any:
    """Playwright's sync API, or skip (fail under CI=true) when it or chromium is missing."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("the playwright package (pip install -e '.[dev]')")
    if missing:
        why = "browser test needs " + " and ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{why}; under CI=true it must run, not skip")
        pytest.skip(why)
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serving(db: str, folder: Path) -> Iterator[str]:
    """`newsgraph serve` on a free loopback port over the store at `db`; its base URL."""
    port = _free_port()
    log_path = folder / "serve.log"
    log = log_path.open("w")
    command = [sys.executable, "-m", "newsgraph", "serve", "--db", db]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"newsgraph serve exited: {log_path.read_text()}")
            try:
                if httpx.get(f"{base}/api/articles", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"newsgraph serve did not answer: {log_path.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The server over a new, empty SQLite store."""
    with _serving(f"sqlite:///{tmp_path}/news.db", tmp_path) as base:
        yield base


@pytest.fixture
def outlets_server(tmp_path: Path) -> Iterator[str]:
    """The server over a store holding examples/outlets.jsonl, ingested (and so placed in
    stories) by `newsgraph ingest` as a user would."""
    db = f"sqlite:///{tmp_path}/outlets.db"
    ingest = subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", str(EXAMPLES / "outlets.jsonl"), "--db", db],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
    assert ingest.returncode == 0, ingest.stderr
    assert "stories:" in ingest.stderr
    with _serving(db, tmp_path) as base:
        yield base


def _launch(pw: Any, root: Path) -> Any:
    """Debian's chromium, headless, with its profile in a temporary folder."""
    return pw.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        env=_browser_env(root),
    )


def _watch(page: Any, server: str) -> list[str]:
    """Script errors, console errors, failed responses and requests to other hosts, as met."""
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on(
        "console",
        lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None,
    )
    page.on(
        "response",
        lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None,
    )
    page.on(
        "request",
        lambda r: None if r.url.startswith(server) else problems.append(f"left: {r.url}"),
    )
    return problems


def _browser_env(root: Path) -> dict[str, str]:
    """Chromium's profile, caches and runtime files in a temporary folder, not the user's."""
    dirs = {
        "HOME": root / "home",
        "XDG_CONFIG_HOME": root / "config",
        "XDG_CACHE_HOME": root / "cache",
        "XDG_DATA_HOME": root / "data",
        "XDG_RUNTIME_DIR": root / "runtime",
    }
    for path in dirs.values():
        path.mkdir(parents=True, mode=0o700)
    return {**os.environ, **{name: str(path) for name, path in dirs.items()}}


def test_paste_an_article_see_the_quote_and_open_the_speakers_page(
    server: str, tmp_path: Path
) -> None:
    sync_playwright = _playwright()
    from playwright.sync_api import expect

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = _launch(pw, tmp_path / "browser")
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(90_000)  # the first paste may wait for the model to load
            problems = _watch(page, server)

            # Paste the article and submit it without storing: the result shows at once.
            page.goto(f"{server}/paste")
            page.get_by_label("Article text").fill(FLOOD)
            page.locator("input[name=published]").fill("2025-03-11")
            page.locator("input[name=source]").fill("Coastal Courier")
            page.get_by_role("button", name="Annotate").click()
            expect(page.locator(".notice")).to_contain_text("Annotated, not stored.")
            quote = page.locator(".annotated .quote-direct[data-speaker='Anna Keller']").first
            expect(quote).to_contain_text(FLOOD_QUOTE)
            expect(page.locator("aside .speaker", has_text="Anna Keller")).to_be_visible()
            # Hovering the quote shows its speaker and relay chain.
            quote.hover()
            expect(page.locator("#tip")).to_contain_text("Anna Keller via Nordic Press Agency")

            # Store it: the stored article's page links the speaker to their actor page.
            page.get_by_role("button", name="Store it").click()
            page.wait_for_url("**/articles/*?status=stored")
            expect(page.locator(".notice")).to_have_text("Stored.")
            expect(
                page.locator(".annotated .quote-direct[data-speaker='Anna Keller']").first
            ).to_be_visible()
            page.locator(".annotated .timex", has_text="Friday").hover()
            expect(page.locator("#tip")).to_contain_text("2025-03-14 (DATE)")
            # The screenshot shows the hover panel of the quote.
            page.locator(".annotated .quote-direct[data-speaker='Anna Keller']").first.hover()
            expect(page.locator("#tip")).to_contain_text("Anna Keller via Nordic Press Agency")
            page.screenshot(path=str(SCREENSHOTS / "article_page.png"), full_page=True)

            page.locator("aside a.speaker", has_text="Anna Keller").click()
            page.wait_for_url("**/actors/*")
            expect(page.locator("h1.actor-name")).to_have_text("Anna Keller")
            expect(page.locator("dl.facts")).to_contain_text("Minister")
            listed = page.locator("#quotes blockquote", has_text=FLOOD_QUOTE)
            expect(listed).to_have_count(1)
            expect(page.locator("#quotes")).to_contain_text("via Nordic Press Agency")
            expect(page.locator("#timeline")).to_contain_text("2025-03-11")
            shot = SCREENSHOTS / "actor_page.png"
            page.screenshot(path=str(shot), full_page=True)
            assert not problems, problems
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    # Where to look at the result (shown with `pytest -s`).
    print(f"screenshots: {shot} and {SCREENSHOTS / 'article_page.png'}")  # noqa: T201


def test_open_a_story_see_who_carried_the_remark_then_the_actor_graph(
    outlets_server: str, tmp_path: Path
) -> None:
    sync_playwright = _playwright()
    from playwright.sync_api import expect

    server = outlets_server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = _launch(pw, tmp_path / "browser")
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(30_000)
            problems = _watch(page, server)

            # The stories, most outlets first: the ministers' meeting, told by three outlets.
            page.goto(f"{server}/")
            page.get_by_role("navigation").get_by_role("link", name="Stories").click()
            page.wait_for_url("**/stories")
            meeting = page.locator("table.stories tbody tr").first
            expect(meeting.locator("td.num").first).to_have_text("3")
            meeting.get_by_role("link").click()
            page.wait_for_url("**/stories/*")
            expect(page.locator("h1.story-title")).to_contain_text("Velt")

            # The Regional Wire's re-post is a republication, not a fourth outlet.
            wire = page.locator("li.outlet-group", has_text="Regional Wire")
            expect(wire.locator(".story-article.republished")).to_contain_text(
                "near-duplicate of Tarsian News Agency"
            )
            expect(page.locator("table.carried th.outlet-head")).to_have_text(
                ["Tarsian News Agency", "Brevanian News Service", "Orvad Daily Monitor"]
            )

            # Who carried the "brotherly relations" remark: the agency, and the Monitor through
            # it; the Brevanian readout left it out.
            remark_rows = page.locator(
                "table.carried tr.item-quote", has_text="brotherly relations"
            )
            remark = remark_rows.filter(
                has=page.locator("td.cell.carried[data-outlet='Tarsian News Agency']")
            )
            expect(remark).to_have_count(1)
            monitor = remark.locator("td.cell[data-outlet='Orvad Daily Monitor']")
            expect(monitor).to_have_class(re.compile(r"\bcarried\b"))
            expect(monitor.locator(".value")).to_have_text("via Tarsian News Agency")
            brevanian = remark.locator("td.cell[data-outlet='Brevanian News Service']")
            expect(brevanian).to_have_class(re.compile(r"\bmissing\b.*\bleft-out\b"))
            expect(brevanian).to_contain_text("—")
            expect(
                remark_rows.filter(
                    has=page.locator("td.cell.carried[data-outlet='Brevanian News Service']")
                )
            ).to_have_count(0)
            card = page.locator(".card[data-outlet='Brevanian News Service']")
            expect(card.locator("ul.left-out")).to_contain_text("brotherly relations")
            # The trade figure: 30 percent by the agency, 25 by the Brevanian service.
            trade = page.locator("table.carried tr.item-claim", has_text="30 percent / 25 percent")
            expect(trade.locator("td[data-outlet='Tarsian News Agency'] .value")).to_have_text(
                "30 percent"
            )
            expect(trade.locator("td[data-outlet='Brevanian News Service'] .value")).to_have_text(
                "25 percent"
            )
            remark.scroll_into_view_if_needed()
            shot = SCREENSHOTS / "story_page.png"
            page.screenshot(path=str(shot), full_page=True)

            # The actor graph: an SVG of linked actors; a node opens the actor's page.
            page.get_by_role("navigation").get_by_role("link", name="Graph").click()
            page.wait_for_url("**/graph")
            nodes = page.locator("svg.actor-graph a.node")
            expect(nodes.filter(has_text="Oskar Velt")).to_have_count(1)
            expect(nodes.filter(has_text="Mira Solen")).to_have_count(1)
            assert page.locator("svg.actor-graph path.edge").count() >= 1
            page.screenshot(path=str(SCREENSHOTS / "graph_page.png"), full_page=True)
            nodes.filter(has_text="Oskar Velt").locator("circle").click()
            page.wait_for_url("**/actors/*")
            expect(page.locator("h1.actor-name")).to_have_text("Oskar Velt")
            expect(page.locator("a.graph-link")).to_be_visible()
            assert not problems, problems
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    print(f"screenshots: {shot} and {SCREENSHOTS / 'graph_page.png'}")  # noqa: T201
