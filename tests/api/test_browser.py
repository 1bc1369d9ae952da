"""The web UI as a person uses it: `newsgraph serve` in its own process, Debian's chromium.

Paste an invented article, see the quote highlighted with its speaker, store it, follow the
speaker to their actor page, and keep screenshots of both pages (in NEWSGRAPH_SCREENSHOTS,
default `<tmp>/newsgraph-screenshots/`). Skipped when /usr/bin/chromium or Playwright is
missing, except under CI=true, where it fails. Playwright downloads no browser here: it is
given Debian's chromium as its executable.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.test_extract import FLOOD, FLOOD_QUOTE

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


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`newsgraph serve` on a free loopback port over a new SQLite store; its base URL."""
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    command = [sys.executable, "-m", "newsgraph", "serve", "--db", f"sqlite:///{tmp_path}/news.db"]
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
                pytest.fail(f"newsgraph serve exited: {(tmp_path / 'serve.log').read_text()}")
            try:
                if httpx.get(f"{base}/api/articles", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"newsgraph serve did not answer: {(tmp_path / 'serve.log').read_text()}"
                )
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
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            env=_browser_env(tmp_path / "browser"),
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(90_000)  # the first paste may wait for the model to load
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
