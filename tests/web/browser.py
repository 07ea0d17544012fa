"""For the phone browser tests (tests/e2e): Debian's Chromium, a real QR decoder, artefacts."""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

    from cafe.core.service import MeetingService
    from cafe.web.server import LanServer

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
"""Screenshots for people to look at (gitignored, rewritten on every run)."""

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = "127.0.0.1"
"""The "LAN address" injected into the server: tests only ever talk to loopback."""


def decode_qr(image: Path) -> str:
    """The URL in a QR image, read by zbarimg as a phone camera would."""
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, f"zbarimg could not read {image}: {result.stderr}"
    return result.stdout.strip()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.unlink(missing_ok=True)
    return path


async def close_pages(browser: Browser) -> None:
    """Close every page a test opened in the shared browser (each page or context of a
    test is its own context), before the test stops its server: open live pages would
    hold the server's connections."""
    for context in browser.contexts:
        await context.close()


async def projector_pages(
    browser: Browser, url: str, screens: Iterable[tuple[int, int]]
) -> list[Page]:
    """The projector page at each (width, height), its live feed connected."""
    pages = []
    for width, height in screens:
        page = await browser.new_page(viewport={"width": width, "height": height})
        await page.goto(url)
        await page.wait_for_selector("body[data-live='1']")
        pages.append(page)
    return pages


async def projector_one_by_one(
    browser: Browser, url: str, screens: Iterable[tuple[int, int]]
) -> AsyncIterator[tuple[Page, int, int]]:
    """The projector page at each (width, height) in turn, live; each is closed before
    the next opens."""
    for width, height in screens:
        (page,) = await projector_pages(browser, url, [(width, height)])
        yield page, width, height
        await page.close()


async def follow_pages(page: Page, shown: str, pages: str, name: str) -> list[dict[str, Any]]:
    """Every page of a rotating projector part once, in the order it turns them.

    ``shown`` is JavaScript returning what a test checks of the page in sight, with its
    ``index``; ``pages`` selects the part's pages. Each page is screenshot as
    ``projector-{name}-page{N}.png``, and the next is waited for (a page turns every few
    seconds), until the first comes round again.
    """
    seen: dict[int, dict[str, Any]] = {}
    while True:
        found = await page.evaluate(shown)
        if found["index"] in seen:
            return [seen[n] for n in sorted(seen)]
        seen[found["index"]] = found
        await page.screenshot(path=artifact(f"projector-{name}-page{found['index'] + 1}.png"))
        await page.wait_for_function(
            "([sel, i]) => [...document.querySelectorAll(sel)].findIndex((p) => !p.hidden) !== i",
            arg=[pages, found["index"]],
            timeout=10_000,
        )


async def serve_round_1(folder: Path) -> tuple[MeetingService, LanServer]:
    """A meeting in round 1 with its clock running, and its real server on loopback
    (started; the caller stops it)."""
    from cafe.web.server import LanServer
    from tests.meetings import new_meeting
    from tests.web.support import start_round

    service = new_meeting(folder)
    start_round(service, 1)
    service.timer_start()
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    return service, server
