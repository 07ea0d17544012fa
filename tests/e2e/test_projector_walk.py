"""The projector page is the room's screen at every step: a meeting walked step by step.

A real meeting folder, the real server on 127.0.0.1, Debian's Chromium at 1920x1080 as the
projector. The co-hosts move through the agenda (as the TUI's keys do, through the
service); at each step kind the live page must show what the room needs, never a
facilitator note, and a screenshot is kept in ``test-artifacts/`` for people to look at.
At check-out the QR code is read from the screenshot by zbar and opened on a phone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page

from cafe.core import meeting_seating
from cafe.core.agenda import StepKind
from cafe.core.clock import SystemClock
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages, decode_qr

FIRST = ["Åsa", "Per", "Li", "Omar", "Zoë", "Jonas", "Karin", "Ali", "Maria", "Erik", "Sara"]
LAST = ["Öberg", "Persson", "Wei", "Said", "Ahmed", "Berg", "Lund", "Hassan", "Nilsson"]
PEOPLE = [f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}" for i in range(31)]


def _meeting(folder: Path) -> MeetingService:
    service = new_meeting(folder, clock=SystemClock())
    service.add_participants(
        [
            PersonInput(name, organisation=f"Förening {i}", present=True, host=i < 8)
            for i, name in enumerate(PEOPLE)
        ]
    )
    return service


def _notes(service: MeetingService) -> list[str]:
    """Distinctive lines of every step's facilitator notes: none may reach the wall."""
    lines = []
    for step in service.agenda.steps:
        for line in step.notes.splitlines():
            line = line.strip("- ").strip()
            if len(line) > 25:
                lines.append(line[:40])
    return lines


def _go(service: MeetingService, kind: StepKind, round_number: int = 0) -> None:
    for index, step in enumerate(service.agenda.steps):
        if step.kind is kind and (not round_number or step.round == round_number):
            service.start_step(index)
            return
    raise AssertionError(kind)


AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE_FOUND: dict[str, list[str]] = {}
"""Per projector view (step and language): the axe-core WCAG A/AA violations found."""
AXE_RULES: dict[str, int] = {}
ENGLISH: list[Page] = []
"""The same projector page in English, checked at every step beside the Swedish one."""


async def _caught_up(page: Page, seq: int) -> None:
    await page.wait_for_function(
        "(seq) => Number(document.body.dataset.seq) >= seq", arg=seq, timeout=5000
    )


async def _audit(page: Page, name: str) -> None:
    """axe-core's WCAG A/AA rules on the page as it is now.

    The projector page is live (it changes without loading again), so axe-core is put
    into it once, not before every audit as ``Axe.run`` does (half a megabyte of script
    each time); a page that did load again has lost it and gets it anew.
    """
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(AXE.axe_script)
    found = await page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    AXE_RULES[name] = len(found["passes"])
    AXE_FOUND[name] = [
        f"{rule['id']} ({rule['impact']}): {[n['target'] for n in rule['nodes']][:3]}"
        for rule in found["violations"]
    ]


async def _shown(projector: Page, service: MeetingService, name: str) -> str:
    """Wait until the page shows the meeting's latest change, screenshot it, return its text.

    The English page is brought up to date too, and both are checked by axe-core.
    """
    seq = service.state.last_seq
    await _caught_up(projector, seq)
    await projector.screenshot(path=artifact(f"projector-{name}.png"))
    await _audit(projector, f"{name}-sv")
    for english in ENGLISH:
        await _caught_up(english, seq)
        await english.screenshot(path=artifact(f"projector-{name}-en.png"))
        await _audit(english, f"{name}-en")
    return await projector.inner_text("#stage")


async def _fits(projector: Page, selector: str) -> None:
    """Every visible line in ``selector`` is on the projected screen, left of the side column."""
    outside = await projector.evaluate(
        """(sel) => {
             const side = document.querySelector(".side").getBoundingClientRect();
             const out = [];
             for (const el of document.querySelectorAll(sel + " li, " + sel + " h3")) {
               const r = el.getBoundingClientRect();
               if (r.width === 0 && r.height === 0) continue;   // on a hidden page
               if (r.bottom > window.innerHeight || r.right > side.left)
                 out.push(el.textContent.trim().slice(0, 30));
             }
             return out; }""",
        selector,
    )
    assert outside == [], f"cut off or under the side column: {outside}"


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
@pytest.mark.slow
async def test_the_projector_at_every_step_kind(tmp_path: Path, browser: Browser) -> None:
    service = _meeting(tmp_path / "m")
    notes = _notes(service)
    assert notes, "the shipped agenda has notes to keep off the wall"
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        try:
            projector = await browser.new_page(viewport={"width": 1920, "height": 1080})
            await projector.goto(server.screen_url())
            await projector.wait_for_selector("body[data-live='1']")
            english_context = await browser.new_context(viewport={"width": 1920, "height": 1080})
            english = await english_context.new_page()
            await english.goto(server.screen_url() + "?lang=en")
            await english.wait_for_selector("body[data-live='1']")
            ENGLISH[:] = [english]
            AXE_FOUND.clear()
            seen: dict[str, str] = {}

            # Opening: title, challenge, the two co-hosts, the sign-up code.
            _go(service, StepKind.OPENING)
            text = seen["opening"] = await _shown(projector, service, "1-opening")
            assert "Välkommen till idémöte om ensamhet bland äldre" in text
            assert "ensamhet bland äldre" in text
            assert "Vill du jobba vidare? Skanna och anmäl dig" in text

            _go(service, StepKind.PURPOSE)
            seen["purpose"] = await _shown(projector, service, "2-purpose")
            assert "Att utforska samhällsutmaningen" in seen["purpose"]

            # Presentation round: the question, how far the round has come, the timer.
            meeting_seating.ensure_plan(service, 1)
            _go(service, StepKind.PRESENTATION_ROUND)
            service.timer_start()
            order = meeting_seating.speaking_order(service)
            for pid in order[0][1][:3]:
                service.mark_spoken(pid, True)
            text = seen["presentation"] = await _shown(projector, service, "3-presentation")
            assert "Vem är du" in text
            assert "Har presenterat sig: 3 av 31" in text
            assert await projector.get_attribute("#speakers-progress", "value") == "3"
            assert "Nu: " in text
            assert "Nästa runda: 1" in text, "round 1's tables, to find one's seat"
            await _fits(projector, ".seating")

            # A cafe round: question, a big timer, every table with first names.
            _go(service, StepKind.CAFE_ROUND, 1)
            service.timer_start()
            text = seen["round"] = await _shown(projector, service, "4-round-1")
            assert "Runda 1 av 4" in text
            assert "Vad betyder samhällsutmaningen" in text
            plan = service.state.seating
            assert plan is not None
            tables = [t["table"] for t in plan["rounds"][0]["tables"]]
            for number in tables:
                assert f"Bord {number}" in text
            assert "Åsa" in text and "Öberg" not in text, "first names only"
            timer_box = await projector.locator("#timer").bounding_box()
            assert timer_box is not None and timer_box["height"] >= 0.15 * 1080
            assert "Var sitter jag?" in text
            await _fits(projector, ".seating")

            # The break: time left and the next round's tables.
            _go(service, StepKind.BREAK)
            service.timer_start()
            text = seen["break"] = await _shown(projector, service, "5-break")
            assert "Paus" in text and "Nästa runda: 3" in text
            assert await projector.inner_text("#timer") != ""
            await _fits(projector, ".seating")

            # Harvest: the idea board, live, as the co-hosts theme ideas.
            _go(service, StepKind.HARVEST)
            ideas = [
                service.capture_idea(f"Idé nummer {n}: träffpunkt i biblioteket", table=1)
                for n in range(1, 61)
            ]
            theme = service.create_theme("Mötesplatser", ideas=[i.id for i in ideas[:20]])
            service.create_theme("Besöksvänner", ideas=[i.id for i in ideas[20:35]])
            text = seen["harvest"] = await _shown(projector, service, "6-harvest-60")
            assert "Mötesplatser" in text
            # 60 ideas no longer fit one 1920x1080 page in type read from the back (2.2vh):
            # the page turns, and every idea is on one of its pages.
            board = " ".join(await projector.locator(".board-page").all_text_contents())
            assert "Besöksvänner" in board and "Idéer utan tema ännu" in board
            for n in (1, 20, 21, 35, 36, 60):
                assert f"Idé nummer {n}:" in board, f"idea {n} on a page"
            assert await projector.locator(".board-page:not([hidden])").count() == 1
            await _fits(projector, ".board")
            service.set_idea_theme(ideas[59].id, theme.id)
            text = await _shown(projector, service, "6-harvest-moved")
            mötesplatser = await projector.locator(".theme[data-theme='0']").all_text_contents()
            assert "Idé nummer 60:" in " ".join(mötesplatser), "a moved idea moves on the wall"
            extra = service.capture_idea("Idé nummer 61: en till", table=2)
            await _shown(projector, service, "6-harvest-61")
            pages = await projector.locator(".board-page").count()
            assert pages >= 2, "paged when long"
            assert await projector.locator("#board [data-dot]").count() == pages
            board = " ".join(await projector.locator(".board-page").all_text_contents())
            assert "Idé nummer 61:" in board
            assert extra.id

            # Sign-up: the lists with their counts, and the sign-up code.
            service.set_theme_signup(theme.id, True)
            _go(service, StepKind.SIGNUP)
            service.sign_up(name="Åsa Öberg", themes=[theme.id], consent=True, email="a@b.se")
            text = seen["signup"] = await _shown(projector, service, "7-signup")
            assert "Mötesplatser" in text and "Anmälda: 1" in text
            assert "Öberg" not in text and "a@b.se" not in text
            assert "Vill du jobba vidare? Skanna och anmäl dig" in text

            # Check-out: the question, a word cloud, and a code that opens its form.
            _go(service, StepKind.CHECKOUT)
            service.note_checkout("Hopp och samarbete")
            text = seen["checkout"] = await _shown(projector, service, "8-checkout")
            assert "Vilken tanke/förhoppning" in text
            assert "samarbete" in await projector.inner_text("#cloud")
            assert "Skanna och skriv din tanke" in text
            shot = artifact("projector-8-checkout-qr.png")
            await projector.screenshot(path=shot)
            url = decode_qr(shot)
            phone = await browser.new_page(viewport={"width": 360, "height": 740})
            await phone.goto(url)
            first_form = await phone.get_attribute("form", "id")
            assert first_form == "checkout-form", url
            await phone.screenshot(path=artifact("phone-checkout-from-projector.png"))
            await phone.close()

            # Closing: thanks, and what happens next.
            _go(service, StepKind.CLOSING)
            text = seen["closing"] = await _shown(projector, service, "9-closing")
            assert "Tack för i dag!" in text and "Så går vi vidare" in text
            assert "Mötesplatser" in text

            # Going back shows the time as it was left, never as overtime.
            _go(service, StepKind.PURPOSE)
            service.timer_start()
            _go(service, StepKind.PRESENTATION_ROUND)
            _go(service, StepKind.PURPOSE)
            await _shown(projector, service, "10-back-to-purpose")
            assert "-overtime" not in (await projector.get_attribute("#timer", "class") or "")
            assert not (await projector.inner_text("#timer")).startswith("-")

            for kind, shown in seen.items():
                for line in notes:
                    assert line not in shown, f"a facilitator note on the wall at {kind}"
            english_text = await english.inner_text("#stage")
            assert "Scan to sign up" in english_text and "signed up to keep working" in english_text
            assert await english.get_attribute("html", "lang") == "en"
            assert await english.get_attribute("#question", "lang") == "sv", "WCAG 3.1.2"
            assert await projector.get_attribute("#question", "lang") is None
        finally:
            await close_pages(browser)
    finally:
        await server.stop()
    summary = "\n".join(
        f"{name}: {AXE_RULES[name]} rules passed, {len(found)} violations"
        for name, found in AXE_FOUND.items()
    )
    artifact("projector-axe.txt").write_text(summary + "\n", encoding="utf-8")
    assert len(AXE_FOUND) == 2 * 12, sorted(AXE_FOUND)
    bad = {name: found for name, found in AXE_FOUND.items() if found}
    assert bad == {}, f"axe-core WCAG A/AA violations on the projector page: {bad}"


@pytest.mark.parametrize("kind", list(StepKind))
def test_every_step_kind_has_a_projector_layout(kind: StepKind) -> None:
    from cafe.web.room import LAYOUTS

    assert kind in LAYOUTS
