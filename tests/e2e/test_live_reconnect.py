"""Live pages come back by themselves: refused once, or cut off, then live again, no reload.

The real server on 127.0.0.1 with room for one live feed only, so one held by someone
else refuses the page (503); then the server is stopped and started again on the same
port (a drop). Debian's Chromium shows the projector page and the co-host console; each
must go live again by itself, with its own backoff, and follow the meeting as before.
The language link of a 404 for a crafted path is resolved by the browser itself.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest
from playwright.async_api import Browser, Page

from cafe.core.agenda import StepKind
from cafe.core.clock import SystemClock
from cafe.core.service import MeetingService
from cafe.storage.folder import meeting_token
from cafe.web.live import FeedLimits
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, close_pages
from tests.web.support import step_index

ONE_FEED = FeedLimits(total=1, per_address=1, reserved=0)
BACK_WITHIN_MS = 20_000
"""The page's backoff is 1, 2, 4, 8 s: it is back well within this once there is room."""


OFFLINE_SHOWN = """() => {
  const note = document.getElementById("offline");
  const style = getComputedStyle(note);
  return style.display !== "none" && style.opacity === "1";
}"""
"""The projector's "no contact with the laptop" note is on the wall (after its 5 s)."""


def _server(service: MeetingService, port: int = 0) -> LanServer:
    return LanServer(
        service, host=LOOPBACK, port=port, lan_address=lambda: LOOPBACK, feed_limits=ONE_FEED
    )


async def _live(page: Page, value: str, timeout: float = BACK_WITHIN_MS) -> None:
    await page.wait_for_function(
        "(v) => document.body.dataset.live === v", arg=value, timeout=timeout
    )


async def _follows(page: Page, service: MeetingService, kind: StepKind) -> None:
    """A change at the laptop reaches the page through its feed."""
    service.start_step(step_index(service, kind, 1 if kind is StepKind.CAFE_ROUND else 0))
    await page.wait_for_function(
        "(seq) => Number(document.body.dataset.seq) >= seq",
        arg=service.state.last_seq,
        timeout=5000,
    )


@pytest.mark.parametrize("which", ["projector", "console"])
@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_a_live_page_comes_back_by_itself_after_a_refusal_and_a_drop(
    tmp_path: Path, which: str, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m", clock=SystemClock())
    server = _server(service)
    await server.start()
    port = server.port
    url = server.screen_url() if which == "projector" else server.cohost_url()
    try:
        async with aiohttp.ClientSession() as other:
            try:
                feed = await other.get(f"{server.screen_url()}/events")
                assert feed.status == 200, "someone else holds the only feed"
                await feed.content.readline()

                page = await browser.new_page()
                await page.goto(url)
                await page.evaluate("() => { window.notReloaded = true; }")
                await _live(page, "0", timeout=5000)  # refused: 503
                await asyncio.sleep(1.5)
                assert await page.evaluate("() => document.body.dataset.live") == "0"

                feed.close()  # they leave; the server notices at its next beat
                await _live(page, "1")
                await _follows(page, service, StepKind.CAFE_ROUND)

                await server.stop()  # a drop: the laptop's server goes away and comes back
                await _live(page, "0", timeout=5000)
                if which == "projector":  # after 5 s the room's screen says so
                    await page.wait_for_function(OFFLINE_SHOWN, timeout=10_000)
                    assert "Ingen kontakt med datorn" in await page.inner_text("#offline")
                server = _server(service, port)
                await server.start()
                assert server.port == port
                await _live(page, "1")
                if which == "projector":
                    assert await page.evaluate(OFFLINE_SHOWN) is False, "gone when back"
                await _follows(page, service, StepKind.CHECKOUT)
                assert await page.evaluate("() => window.notReloaded === true"), "never reloaded"
            finally:
                await close_pages(browser)
    finally:
        await server.stop()


@pytest.mark.parametrize("target", ["/%5Cevil.example/", "/%09/evil.example/", "//evil.example/"])
@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_the_language_link_of_a_crafted_404_stays_on_the_laptop(
    tmp_path: Path, target: str, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m")
    server = _server(service)
    await server.start()
    here = f"{LOOPBACK}:{server.port}"
    try:
        try:
            page = await browser.new_page()
            response = await page.goto(f"http://{here}{target}")
            assert response is not None and response.status == 404
            link = await page.evaluate("() => document.getElementById('switch-lang').href")
            assert link.startswith(f"http://{here}/"), link
            await page.click("#switch-lang")
            assert page.url.startswith(f"http://{here}/"), page.url
            assert "English" not in await page.inner_text("#switch-lang")
        finally:
            await close_pages(browser)
    finally:
        await server.stop()
    assert meeting_token(service) not in link
