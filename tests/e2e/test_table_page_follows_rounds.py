"""A table's page left open all evening follows the rounds.

Table hosts stay at their table: the page opened in round 1 kept showing round 1's
question in round 2, and what the host then sent was filed under round 1, with a
"Sent!" above "Nothing sent yet" for the round under way. The real server on 127.0.0.1
and Debian's Chromium at a phone's width.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page

from cafe.core.service import MeetingService
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages
from tests.web.support import start_round

PHONE = {"width": 360, "height": 740}
LOOK_AGAIN = "() => window.dispatchEvent(new Event('focus'))"
"""What a host's return to the page does (the page also asks every 10 s)."""


def _round_under_way(service: MeetingService, number: int) -> None:
    start_round(service, number)
    service.timer_start()


@asynccontextmanager
async def _table_3_in_round_1(
    tmp_path: Path, browser: Browser
) -> AsyncIterator[tuple[MeetingService, Page]]:
    """Round 1 under way, the real server on 127.0.0.1, table 3's page open on a phone."""
    service = new_meeting(tmp_path / "m")
    _round_under_way(service, 1)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        phone = await browser.new_page(viewport=PHONE)
        await phone.goto(server.table_url(3))
        yield service, phone
    finally:
        await close_pages(browser)
        await server.stop()


async def _round_shown(phone: Page) -> str:
    return await phone.inner_text("#round")


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_an_open_page_shows_the_next_round_and_files_its_ideas_there(
    tmp_path: Path, browser: Browser
) -> None:
    async with _table_3_in_round_1(tmp_path, browser) as (service, phone):
        assert "Runda 1 av 4" in await _round_shown(phone)

        _round_under_way(service, 2)
        async with phone.expect_navigation():
            await phone.evaluate(LOOK_AGAIN)
        assert "Runda 2 av 4" in await _round_shown(phone)
        question = service.current_step.question if service.current_step else ""
        assert question and question in await phone.inner_text("#question")

        await phone.fill("#ideas", "Skrivet i runda 2")
        async with phone.expect_navigation():
            await phone.click("#send")
        assert "Skickat!" in await phone.inner_text("#sent")
        assert [(i.text, i.round) for i in service.state.visible_ideas()] == [
            ("Skrivet i runda 2", 2)
        ]
        assert "Skrivet i runda 2" in await phone.inner_text("#this-round")


@pytest.mark.asyncio(loop_scope="session")
async def test_text_typed_in_the_old_round_goes_there_and_the_page_says_so(
    tmp_path: Path, browser: Browser
) -> None:
    async with _table_3_in_round_1(tmp_path, browser) as (service, phone):
        await phone.fill("#ideas", "Runda 1: läxhjälp")
        assert await phone.is_hidden("#round-moved")

        _round_under_way(service, 2)
        await phone.evaluate(LOOK_AGAIN)
        await phone.wait_for_selector("#round-moved", state="visible")
        assert "runda 1" in await phone.inner_text("#round-moved")
        assert await phone.input_value("#ideas") == "Runda 1: läxhjälp", "not reloaded away"
        await phone.screenshot(path=artifact("table-round-moved-360x740.png"), full_page=True)

        async with phone.expect_navigation():
            await phone.click("#send")
        assert "Skickat till runda 1." in await phone.inner_text("#sent")
        assert "Runda 2 av 4" in await _round_shown(phone)
        assert [(i.text, i.round) for i in service.state.visible_ideas()] == [
            ("Runda 1: läxhjälp", 1)
        ]
        kept = "() => Object.keys(localStorage).filter((k) => k.startsWith('cafe-draft:'))"
        assert await phone.evaluate(kept) == [], "round 1's draft is forgotten once sent"
        await phone.screenshot(path=artifact("table-sent-to-round-1-360x740.png"), full_page=True)
