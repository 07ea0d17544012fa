"""A console whose code was replaced (``cafe qr DIR --cohost --new``) says so, and says
what to do: it showed "no contact with the laptop, trying again" for good, and after a
tap the participants' advice to scan the room's QR code, which is never the console's."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.i18n import t
from cafe.storage.folder import new_cohost_token
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_a_replaced_console_says_to_ask_for_the_new_code(
    tmp_path: Path, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m")
    service.start_step(0)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        page = await browser.new_page(viewport={"width": 360, "height": 740})
        await page.goto(server.cohost_url())
        await page.wait_for_selector("body[data-live='1']")
        new_cohost_token(service)
        service.next_step()  # the meeting goes on: the old console's feed is refused
        await page.wait_for_selector("#message", timeout=15_000)
        await page.screenshot(path=artifact("console-replaced-360.png"))
        assert await page.inner_text("h1") == t("web.error.console_gone_title")
        assert await page.inner_text("#message") == t("web.error.console_gone")

        stale = await page.goto(server.cohost_url().rsplit("/c/", 1)[0] + "/c/old-code/")
        assert stale is not None and stale.status == 404
        assert await page.inner_text("#message") == t("web.error.console_gone")
    finally:
        await close_pages(browser)
        await server.stop()


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_a_tap_the_laptop_never_got_says_so_where_it_was_made(
    tmp_path: Path, browser: Browser
) -> None:
    """With the laptop away, "Starta tiden" simply came back enabled: nothing said the
    tap was not done but the banner at the top of the page."""
    service = new_meeting(tmp_path / "m")
    service.start_step(0)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    port = server.port
    try:
        page = await browser.new_page(viewport={"width": 360, "height": 740})
        await page.goto(server.cohost_url())
        await page.wait_for_selector("body[data-live='1']")
        await server.stop()  # the laptop's server goes away
        await page.click("#b-timer")
        note = page.locator(".not-done.-shown")
        await note.wait_for(timeout=10_000)
        assert await note.inner_text() == t("web.cohost.not_done")
        assert await page.locator("#b-timer").is_enabled(), "it can be tapped again"
        await page.screenshot(path=artifact("console-not-done-360.png"))
        timer = service.timer()
        assert timer is None or not timer.started, "nothing was done"

        server = LanServer(service, host=LOOPBACK, port=port, lan_address=lambda: LOOPBACK)
        await server.start()
        await page.wait_for_selector("body[data-live='1']", timeout=40_000)
        assert await note.count() == 0, "back in touch: the note goes"
    finally:
        await close_pages(browser)
        await server.stop()
