"""The closing and the check-out's word cloud stay whole on a 4:3 projector.

At 1024x768 the closing's "Så går vi vidare" ran 165 px below the screen (its last point
never seen, "Tack för i dag!" down to 20 px).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.core.agenda import StepKind
from cafe.core.service import MeetingService
from cafe.web.server import LanServer
from tests.e2e.test_projector_board_pages import THEMES
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages

SCREENS = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]

CLOSING = """() => {
  const focus = document.getElementById("focus").getBoundingClientRect();
  const items = [...document.querySelectorAll(".next li")];
  return {
    cut: items.filter((li) => {
      const r = li.getBoundingClientRect();
      return r.bottom > focus.bottom + 1 || r.bottom > innerHeight || r.right > focus.right + 1;
    }).map((li) => li.textContent.trim().slice(0, 40)),
    title: parseFloat(getComputedStyle(document.getElementById("question")).fontSize),
    points: Math.max(...items.map((li) => parseFloat(getComputedStyle(li).fontSize))),
  };
}"""


def _go(service: MeetingService, kind: StepKind) -> None:
    service.start_step(next(i for i, s in enumerate(service.agenda.steps) if s.kind is kind))


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_the_closing_shows_every_point_under_its_title(
    tmp_path: Path, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m", challenge="ofrivillig ensamhet bland äldre")
    for name, _ in THEMES[:7]:
        service.create_theme(name, signup=True)
    _go(service, StepKind.CLOSING)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        problems: list[str] = []
        for width, height in SCREENS:
            page = await browser.new_page(viewport={"width": width, "height": height})
            await page.goto(server.screen_url())
            await page.wait_for_selector("body[data-live='1']")
            await page.screenshot(path=artifact(f"projector-closing-{width}.png"))
            found = await page.evaluate(CLOSING)
            where = f"{width}x{height}"
            if found["cut"]:
                problems.append(f"{where}: cut off: {found['cut']}")
            if found["title"] < 1.2 * found["points"]:
                problems.append(f"{where}: title {found['title']} px, points {found['points']}")
            await page.close()
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()
