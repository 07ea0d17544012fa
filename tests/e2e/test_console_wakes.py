"""A console phone taken out of a pocket catches up at once (audit Q, M3): it waited out
its retry, up to 30 s, showing the old step with its clock counting. Timers run on
Playwright's fake clock, never advanced here: only the page's own reconnect on waking or
coming back online can bring the feed back."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, close_pages


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_a_console_back_online_reconnects_without_waiting_out_its_retry(
    tmp_path: Path, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m")
    service.start_step(0, by="console")
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    port = server.port
    try:
        page = await browser.new_page(viewport={"width": 360, "height": 740})
        await page.clock.install()
        await page.goto(server.cohost_url())
        await page.wait_for_selector("body[data-live='1']")
        now = await page.evaluate("() => Date.now()")
        await page.clock.pause_at(now + 1000)  # from here the page's timers stand still
        await server.stop()  # the phone's connection gone: a pocket, a sleeping Wi-Fi
        await page.wait_for_selector("body[data-live='0']")
        dimmed = await page.evaluate(
            "() => getComputedStyle(document.getElementById('timer')).opacity"
        )
        assert float(dimmed) < 1, "offline, the clock does not claim to be the laptop's"
        service.next_step(by="console")  # the meeting goes on meanwhile
        server = LanServer(service, host=LOOPBACK, port=port, lan_address=lambda: LOOPBACK)
        await server.start()
        await page.evaluate("() => window.dispatchEvent(new Event('online'))")
        await page.wait_for_selector("body[data-live='1']", timeout=10_000)
        title = service.agenda.steps[1].title
        await page.wait_for_function(
            "(t) => document.getElementById('step-title').textContent.trim() === t",
            arg=title,
            timeout=10_000,
        )
    finally:
        await close_pages(browser)
        await server.stop()
