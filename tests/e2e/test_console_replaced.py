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
