"""High contrast reaches the wall: ``c`` in ``cafe run`` says "for projectors", yet it
changed only the laptop's colours and the projector page stayed dark green.

A real meeting and server on 127.0.0.1, Debian's Chromium at 1920x1080 and 1024x768. The
choice is made through the service, as the TUI's key makes it (tests/tui/test_start_theme.py
presses the key); the open page follows live, a page opened afterwards starts in it, the
high-contrast page passes axe-core's WCAG A/AA rules, and every text on it has a higher
contrast against what is behind it than on the default page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page, expect

from cafe.core.agenda import StepKind
from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages, projector_pages
from tests.web.support import seat_people, step_index, table_plan

SCREENS = [(1920, 1080), (1024, 768)]
AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
CONTRASTS = """() => {
  const rgb = (s) => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((c) => {
    c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !el.getClientRects().length
        || el.closest(".sr-only")) continue;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(behind(el));
    found.push([walker.currentNode.textContent.trim().slice(0, 30),
                (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
  }
  return found;
}"""


def _meeting(folder: Path, clock: FakeClock) -> MeetingService:
    service = new_meeting(folder, clock=clock)
    ids = seat_people(service, ["Åsa Öberg", "Per Persson", "Li Wei", "Omar Said", "Zoë Ahmed"])
    service.store_seating(
        table_plan({n: [(1, ids[0], ids[:3]), (2, ids[3], ids[3:])] for n in range(1, 5)})
    )
    places = service.create_theme("Mötesplatser för äldre", signup=True)
    for n, text in enumerate(["Öppen träffpunkt på biblioteket", "Besöksvänner", "Skjuts"]):
        idea = service.capture_idea(text, table=n % 2 + 1)
        if n < 2:
            service.set_idea_theme(idea.id, places.id)
    return service


async def _caught_up(page: Page, service: MeetingService) -> None:
    await page.wait_for_function(
        "(seq) => Number(document.body.dataset.seq) >= seq", arg=service.state.last_seq
    )


async def _violations(page: Page) -> list[str]:
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(AXE.axe_script)
    found = await page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{rule['id']}: {[n['target'] for n in rule['nodes']][:3]}" for rule in found["violations"]
    ]


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_high_contrast_reaches_the_projector_live_and_is_higher_contrast(
    tmp_path: Path, browser: Browser
) -> None:
    clock = FakeClock(1_800_000_000.0)
    service = _meeting(tmp_path / "m", clock)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        pages = await projector_pages(browser, server.screen_url(), SCREENS)

        def step(name: str) -> None:
            if name == "presentation":
                service.start_step(step_index(service, StepKind.PRESENTATION_ROUND))
                for person in service.state.seating_plan.tables(1)[0].people:
                    service.mark_spoken(person)  # a table done: its chip changes colour
            elif name == "round":  # 100 s left, running: the timer's warning colour
                service.start_step(step_index(service, StepKind.CAFE_ROUND, 1))
                if not service.timer().running:  # type: ignore[union-attr]
                    service.timer_start()
                timer = service.timer()
                assert timer is not None
                clock.advance(timer.remaining(clock.now()) - 100)  # the heartbeat tells it
            else:
                service.start_step(step_index(service, StepKind.HARVEST))

        problems: list[str] = []
        lowest: dict[str, float] = {}
        for on in (False, True):
            service.set_high_contrast(on)
            for name in ("presentation", "round", "harvest"):
                step(name)
                for page in pages:
                    await _caught_up(page, service)
                    if name == "round":
                        await expect(page.locator("#timer")).to_have_class(re.compile("-warning"))
                    body = expect(page.locator("body"))
                    if on:
                        await body.to_have_class(re.compile(r"(^|\s)-contrast(\s|$)"))
                    else:
                        await body.not_to_have_class(re.compile(r"-contrast"))
                    size = page.viewport_size
                    assert size is not None
                    where = f"{name} {'contrast' if on else 'default'} {size['width']}"
                    await page.screenshot(path=artifact(f"projector-{where.replace(' ', '-')}.png"))
                    problems += [f"{where}: {v}" for v in await _violations(page)]
                    ratios = await page.evaluate(CONTRASTS)
                    worst = min(ratios, key=lambda pair: pair[1])
                    key = f"{name} {size['width']}"
                    if on:
                        if worst[1] < 7:
                            problems.append(f"{where}: {worst[0]!r} at {worst[1]:.1f}:1")
                        if worst[1] <= lowest[key]:
                            problems.append(
                                f"{where}: lowest {worst[1]:.1f}:1 against {lowest[key]:.1f}:1"
                            )
                    else:
                        lowest[key] = worst[1]
        assert problems == [], "\n".join(problems)

        # A page opened now (the projector's browser restarted) starts in high contrast.
        late = await browser.new_page(viewport={"width": 1280, "height": 720})
        await late.goto(server.screen_url())
        await expect(late.locator("body")).to_have_class(re.compile(r"-contrast"))
        service.set_high_contrast(False)
        await expect(late.locator("body")).not_to_have_class(re.compile(r"-contrast"))
    finally:
        await close_pages(browser)
        await server.stop()
