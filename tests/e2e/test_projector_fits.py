"""The projector's words stay on the projected screen, whatever the projector: a long
challenge spelled out in the purpose, the break's big timer, a round in overtime, the
harvest's board of 26 ideas, twelve sign-up lists, at 16:9, 16:10 and 4:3; the sound button covers none of it.

At 1920x1080 the break's "15:00" used to run off the right edge and a purpose naming a
longer challenge pushed the challenge line under the bottom of the screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, Page

from cafe.core.agenda import StepKind
from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import (
    LOOPBACK,
    artifact,
    close_pages,
    projector_one_by_one,
    projector_pages,
)

CHALLENGE = "ensamhet bland äldre i våra stadsdelar, byar och på landsbygden runt omkring"
SCREENS = [(1920, 1080), (1280, 800), (1024, 768)]

OUTSIDE = """() => {
  const out = [];
  const focus = document.getElementById("focus");
  if (focus && focus.scrollHeight > focus.clientHeight + 1)
    out.push("the step's words run below the screen: " + focus.scrollHeight + " > " + focus.clientHeight);
  const side = document.querySelector(".side").getBoundingClientRect();
  const timer = document.getElementById("timer");
  const t = timer.getBoundingClientRect();
  if (timer.textContent && (t.right > side.right + 1 || timer.scrollWidth > timer.clientWidth + 1
                            || t.right > innerWidth))
    out.push("timer " + timer.textContent + " is wider than its column");
  return out;
}"""


BOARD = """() => {
  const board = document.getElementById("board").getBoundingClientRect();
  const ideas = [...document.querySelectorAll(".board-page:not([hidden]) li:not(.cont-head)")];
  const sizes = ideas.map((li) => parseFloat(getComputedStyle(li).fontSize));
  const outside = ideas.filter((li) => {
    const r = li.getBoundingClientRect();
    return r.bottom > board.bottom + 1 || r.right > board.right + 1;
  }).length;
  const lowest = Math.max(...ideas.map((li) => li.getBoundingClientRect().bottom));
  return {count: ideas.length, smallest: Math.min(...sizes), outside,
          filled: (lowest - board.top) / board.height};
}"""
COVERED = """() => {
  const button = document.getElementById("sound");
  if (!button || button.hidden) return ["no sound button to check"];
  const b = button.getBoundingClientRect();
  const texts = [...document.querySelectorAll("#stage li, #stage h1, #stage h2, #stage h3, #stage p")];
  return texts.filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top;
  }).map((el) => el.tagName + ": " + el.textContent.trim().slice(0, 40));
}"""
LISTS = """() => {
  const focus = document.getElementById("focus").getBoundingClientRect();
  return [...document.querySelectorAll(".lists li")].filter((li) => {
    const r = li.getBoundingClientRect();
    return r.height && r.top >= focus.top - 1 && r.bottom <= focus.bottom + 1
      && r.right <= focus.right + 1;
  }).length;
}"""
IDEAS = [
    "Bättre belysning i Stadsparken", "Nattvandring med fler föreningar",
    "Öppen fritidsgård på fredagar", "Trygghetsvandring med boende",
    "Kulturskolan håller öppet längre", "Mötesplats för äldre i centrum",
    "Café med volontärer på torget", "Språkvänner – träffa nya svenskar",
    "Fler vuxna ute på kvällarna", "Samarbete polis–moské om ungdomar",
    "Kyrkans lokaler öppna för läxhjälp", "Hyresgästerna kartlägger otrygga platser",
    "Företagen sponsrar sommarjobb", "Gemensam trygghetsapp? Nej – hellre människor",
    "Trygghetsvärdar vid busstationen", "Belysning i gångtunneln",
    "Lokal samverkansgrupp polis–föreningar", "Öppna skolgårdar på kvällen",
    "Nattöppet bibliotek en gång i månaden", "Föreningarnas dag på torget",
    "Torget behöver liv på kvällarna", "Fler bänkar och blommor",
    "Fastighetsägare och föreningar tillsammans för tryggare gårdar",
    "Mobil fritidsgård i bussen", "Gatufester varje sommar", "Läxhjälp på biblioteket",
]  # fmt: skip


def _go(service: MeetingService, kind: StepKind) -> None:
    service.start_step(next(i for i, s in enumerate(service.agenda.steps) if s.kind is kind))


async def _check(page: Page, service: MeetingService, name: str) -> list[str]:
    await page.wait_for_function(
        "(seq) => Number(document.body.dataset.seq) >= seq", arg=service.state.last_seq
    )
    size = page.viewport_size
    assert size is not None
    await page.screenshot(path=artifact(f"projector-fits-{name}-{size['width']}.png"))
    found: list[str] = await page.evaluate(OUTSIDE)
    await page.evaluate("() => { document.getElementById('sound').hidden = false; }")
    found += [f"the sound button covers {c}" for c in await page.evaluate(COVERED)]
    return [f"{name} at {size['width']}x{size['height']}: {f}" for f in found]


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_nothing_leaves_the_projected_screen(tmp_path: Path, browser: Browser) -> None:
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", clock=clock, challenge=CHALLENGE)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    pages = []
    try:
        pages = await projector_pages(browser, server.screen_url(), SCREENS)
        problems: list[str] = []

        _go(service, StepKind.PURPOSE)
        for page in pages:
            problems += await _check(page, service, "purpose")
            assert CHALLENGE in await page.inner_text("#focus")

        _go(service, StepKind.BREAK)  # not started: "15:00" stands still, as it is measured
        for page in pages:
            problems += await _check(page, service, "break")
            assert await page.inner_text("#timer") == "15:00"

        _go(service, StepKind.CAFE_ROUND)
        service.timer_start()
        clock.advance(25 * 60 + 5 * 60)  # five minutes over, then stopped: "-05:00" stands
        service.timer_pause()
        for page in pages:
            problems += await _check(page, service, "overtime")
            assert await page.inner_text("#timer") == "-05:00"

        timer = await pages[0].locator("#timer").bounding_box()
        assert timer is not None and timer["height"] >= 0.15 * 1080, "large at 1920x1080"

        # The harvest with 26 ideas: the room reads them to theme them. They were 13 px
        # at 1280x720, in the top half of the screen, and the sound button (bottom left)
        # covered the board's first column at 1024x768.
        _go(service, StepKind.HARVEST)
        for n, idea in enumerate(IDEAS):
            service.capture_idea(idea, table=n % 6 + 1)
        for page in pages:
            problems += await _check(page, service, "harvest")
            size = page.viewport_size
            assert size is not None
            board = await page.evaluate(BOARD)
            where = f"harvest at {size['width']}x{size['height']}"
            assert board["count"] == len(IDEAS), where
            if board["outside"]:
                problems.append(f"{where}: {board['outside']} ideas outside the board")
            if board["smallest"] < 0.025 * size["height"]:
                problems.append(f"{where}: ideas in {board['smallest']:.1f} px type")
            if board["filled"] < 0.75:
                problems.append(f"{where}: the ideas fill {board['filled']:.0%} of the board")

        # Twelve sign-up lists: the 11th ran under the bottom edge, the 12th was not seen.
        names = [
            "Föräldrar och familjer med annat modersmål", "Drop-in och spontanidrott",
            "Samverkan, lokaler och stöd", "Information och kommunikation", "Trygghet",
            "Kostnader och avgifter", "Ledare och utbildning", "E-sport och gaming",
            "Kultur och musik", "Skolan som mötesplats", "Transport till träningar",
            "Funktionsnedsättning och tillgänglighet",
        ]  # fmt: skip
        for name in names:
            service.create_theme(name, signup=True)
        _go(service, StepKind.SIGNUP)
        for page in pages:
            problems += await _check(page, service, "signup-12")
            shown = await page.evaluate(LISTS)
            size = page.viewport_size
            assert size is not None
            if shown != len(names):
                problems.append(f"signup at {size['width']}: {shown} of 12 lists on screen")

        assert problems == [], "\n".join(problems)
    finally:
        for page in pages:
            await page.close()
        await server.stop()


@pytest.mark.asyncio(loop_scope="session")
async def test_the_sound_button_clears_an_english_sign_up_count(
    tmp_path: Path, browser: Browser
) -> None:
    """ "… signed up to keep working" is longer than "vill jobba vidare": at the sign-up
    step the button covered "working" at 1280x720, 1366x768 and 1920x1080."""
    service = new_meeting(tmp_path / "m", agenda="idea-meeting.en", challenge="loneliness")
    places = service.create_theme("Meeting places and lunch clubs in every district", signup=True)
    visits = service.create_theme("Phone buddies and visits", signup=True)
    for n in range(5):
        themes = [places.id, visits.id] if n < 3 else [places.id]
        service.sign_up(name=f"Person {n}", organisation="Org", themes=themes, source="web")
    _go(service, StepKind.SIGNUP)
    service.timer_start()
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        problems: list[str] = []
        for width, height in [*SCREENS, (1366, 768)]:
            page = await browser.new_page(viewport={"width": width, "height": height})
            await page.goto(server.screen_url())
            await page.wait_for_selector("body[data-live='1']")
            problems += await _check(page, service, "signup-en")
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()


COLUMN_TOPS = """() => {
  const items = [...document.querySelectorAll(
    ".board-page:not([hidden]) h3, .board-page:not([hidden]) li")];
  const board = document.getElementById("board").getBoundingClientRect();
  const width = board.width / Number(getComputedStyle(document.getElementById("board"))
    .getPropertyValue("--columns"));
  const columns = new Map();
  for (const el of items) {
    const r = el.getBoundingClientRect();
    const key = Math.floor((r.left - board.left + 2) / width);
    const top = columns.get(key);
    if (!top || r.top < top.r.top) columns.set(key, {el, r});
  }
  return [...columns.values()].sort((a, b) => a.r.left - b.r.left).map(({el}) => ({
    heading: el.tagName === "H3" || el.classList.contains("cont-head"),
    theme: el.closest(".theme").querySelector("h3").firstChild.textContent.trim(),
    text: el.textContent.trim().slice(0, 60),
  }));
}"""


CUT_HEADS = """() => [...document.querySelectorAll(".board-page:not([hidden]) li.cont-head")]
  .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
  .map((el) => el.textContent)"""


@pytest.mark.asyncio(loop_scope="session")
async def test_every_column_of_the_board_starts_with_its_theme_s_name(
    tmp_path: Path, browser: Browser
) -> None:
    """Sixty ideas, one theme of 25: it ran on into the second column and the room read
    ideas there with no theme above them ("Kulturskolan håller öppet längre" under what?)."""
    service = new_meeting(tmp_path / "m")
    names = ["Mötesplatser och träffpunkter för äldre", "Trygghet", "Kultur", "Skola", "Arbete"]
    themes = [service.create_theme(name) for name in names]
    for n, text in enumerate((IDEAS * 3)[:60]):
        idea = service.capture_idea(f"{text} {n}", table=n % 6 + 1)
        service.set_idea_theme(idea.id, themes[0 if n < 25 else n % 5].id)
    _go(service, StepKind.HARVEST)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        problems: list[str] = []
        async for page, width, _ in projector_one_by_one(browser, server.screen_url(), SCREENS):
            await page.screenshot(path=artifact(f"projector-board-columns-{width}.png"))
            tops = await page.evaluate(COLUMN_TOPS)
            assert len(tops) >= 2, f"{width}: the 60 ideas fill more than one column"
            for n, top in enumerate(tops, 1):
                if not top["heading"]:
                    problems.append(f"{width}, column {n} starts with {top['text']!r}")
                elif not top["text"].startswith(top["theme"]):
                    problems.append(f"{width}, column {n}: {top['text']!r}")
            cut = await page.evaluate(CUT_HEADS)
            if cut:  # the room read "Mötesplatser och… (forts.)"
                problems.append(f"{width}: continued headings cut short: {cut}")
            board = await page.evaluate(BOARD)
            if board["outside"]:
                problems.append(f"{width}: {board['outside']} ideas outside the board")
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()
