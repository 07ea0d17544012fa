"""A paused clock says so on the projector: it looked the same as one not yet started,
and the room, back from a fire alarm, could not tell whether its time was running."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.core.agenda import StepKind
from cafe.core.clock import FakeClock
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages

LABEL = "() => getComputedStyle(document.getElementById('timer'), '::after').content"


@pytest.mark.asyncio(loop_scope="session")
@pytest.mark.parametrize(
    ("agenda", "word"), [("idemote.sv", "Pausad"), ("idea-meeting.en", "Paused")]
)
async def test_a_paused_round_is_marked_paused(
    tmp_path: Path, browser: Browser, agenda: str, word: str
) -> None:
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", agenda=agenda, clock=clock)
    service.start_step(
        next(i for i, s in enumerate(service.agenda.steps) if s.kind is StepKind.CAFE_ROUND)
    )
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        page = await browser.new_page(viewport={"width": 1280, "height": 720})
        await page.goto(server.screen_url())
        await page.wait_for_selector("body[data-live='1']")
        assert await page.evaluate(LABEL) == "none", "not started: no word"
        service.timer_start()
        clock.advance(300)
        await page.wait_for_selector("#timer.-running")
        assert await page.evaluate(LABEL) == "none", "running: no word"
        service.timer_pause()
        await page.wait_for_selector("#timer.-paused")
        assert await page.evaluate(LABEL) == f'"{word}"'
        await page.screenshot(path=artifact(f"projector-paused-{word}.png"))
        service.timer_start()
        await page.wait_for_selector("#timer.-running")
        assert await page.evaluate(LABEL) == "none", "resumed: the word goes"
    finally:
        await close_pages(browser)
        await server.stop()
