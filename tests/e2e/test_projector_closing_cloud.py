"""The closing and the check-out's word cloud stay whole on a 4:3 projector.

At 1024x768 the closing's "Så går vi vidare" ran 165 px below the screen (its last point
never seen, "Tack för i dag!" down to 20 px).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.core.agenda import StepKind
from cafe.core.service import MeetingService
from cafe.web.server import LanServer
from tests.e2e.test_projector_board_pages import THEMES
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages, projector_one_by_one

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
        async for page, width, height in projector_one_by_one(
            browser, server.screen_url(), SCREENS
        ):
            where = f"{width}x{height}"
            await page.screenshot(path=artifact(f"projector-closing-{width}.png"))
            found = await page.evaluate(CLOSING)
            if found["cut"]:
                problems.append(f"{where}: cut off: {found['cut']}")
            if found["title"] < 1.2 * found["points"]:
                problems.append(f"{where}: title {found['title']} px, points {found['points']}")
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()


THOUGHTS = ["Hopp", "gemenskap", "Samverkansöverenskommelse", "tillit",
            "Jag bär med mig hoppet om att vi faktiskt gör något tillsammans",
            "Föreningslivsutvecklingssamordnare behövs", "långsiktighet", "mod", "nätverk",
            "Äntligen träffas vi!", "fika", "glädje och energi", "Medmänsklighetsperspektivet",
            "Ensamhet kan brytas", "ödmjukhet", "framtidstro"]  # fmt: skip
CLOUD = """() => {
  const cloud = document.getElementById("cloud").getBoundingClientRect();
  const focus = document.getElementById("focus").getBoundingClientRect();
  const words = [...document.querySelectorAll("#cloud span")];
  const shown = words.filter((w) => w.getClientRects().length);
  const weight = (w) => Number(w.className.replace(/\\D/g, ""));
  return {
    words: words.length, shown: shown.length,
    heaviest: words.filter((w) => weight(w) === Math.max(...words.map(weight)))
      .every((w) => shown.includes(w)),
    cut: shown.filter((w) => {
      const r = w.getBoundingClientRect();
      return r.left < cloud.left - 1 || r.right > cloud.right + 1 || r.bottom > cloud.bottom + 1
        || r.bottom > focus.bottom + 1 || r.bottom > innerHeight || w.scrollWidth > w.clientWidth + 1;
    }).map((w) => w.textContent),
  };
}"""


@pytest.mark.asyncio(loop_scope="session")
async def test_the_word_cloud_shows_only_whole_words(tmp_path: Path, browser: Browser) -> None:
    """At 1024x768 the cloud ran 209 px down and 283 px across (8 words off the screen);
    at 16:9 "medmänsklighetsperspektivet" lost its last letter at the right edge."""
    service = new_meeting(tmp_path / "m", challenge="ofrivillig ensamhet bland äldre")
    _go(service, StepKind.CHECKOUT)
    rng = random.Random(3)
    for _ in range(45):
        service.note_checkout(rng.choice(THOUGHTS))
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        problems: list[str] = []
        async for page, width, height in projector_one_by_one(
            browser, server.screen_url(), SCREENS
        ):
            where = f"{width}x{height}"
            await page.screenshot(path=artifact(f"projector-cloud-{width}.png"))
            found = await page.evaluate(CLOUD)
            if found["cut"]:
                problems.append(f"{where}: words cut: {found['cut']}")
            if not found["heaviest"] or found["shown"] < found["words"] // 2:
                problems.append(f"{where}: {found['shown']} of {found['words']} words shown")
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()
