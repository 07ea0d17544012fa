"""A phone scans the printed QR code, signs up in a real browser, and it is in the store.

The code is written by `cafe qr` and read back by zbarimg; Chromium (Debian's, driven
by Playwright) opens what the decoder read. The projector page is opened beside it and
must show the new sign-up live. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.cli import main
from cafe.core.clock import SystemClock
from cafe.storage.folder import open_meeting
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages, decode_qr
from tests.web.support import seat_people, start_round, table_plan


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_phone_signs_up_from_the_qr_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, browser: Browser
) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder, clock=SystemClock())
    theme = service.create_theme("Mötesplatser för äldre", signup=True)
    service.create_theme("Besöksvänner", signup=True)
    names = ["Åsa Öberg", "Per Persson", "Li Wei", "Omar Said", "Zoë Ahmed", "Jonas Berg"]
    ids = seat_people(service, names)
    service.store_seating(table_plan({1: [(1, ids[0], ids[:3]), (2, ids[3], ids[3:])]}))
    start_round(service, 1)
    service.timer_start()

    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        monkeypatch.setattr("cafe.cli.qr_cmd.detect_lan_address", lambda: LOOPBACK)
        png = tmp_path / "meeting.png"
        assert main(["qr", str(folder), "--out", str(png), "--port", str(server.port)]) == 0
        url = decode_qr(png)
        assert url == server.participant_url()

        try:
            projector = await browser.new_page(viewport={"width": 1920, "height": 1080})
            await projector.goto(server.screen_url())
            await projector.wait_for_selector("body[data-live='1']")
            assert await projector.inner_text("#count-signups") == "0"

            phone = await browser.new_page(viewport={"width": 360, "height": 740})
            await phone.goto(url)
            # During a round the meeting's code lands on "where do I sit?"; sign-up is
            # one tap away in the pages' menu.
            assert await phone.get_attribute("form", "id") == "seat-form"
            async with phone.expect_navigation():
                await phone.click("nav.pages a >> nth=0")
            await phone.fill("#name", "Åsa Öberg")
            await phone.fill("#organisation", "Röda Korset <Väst>")
            await phone.fill("#email", "asa@example.org")
            await phone.check(f"#theme-{theme.id}")
            await phone.check("#consent")
            await phone.evaluate("window.scrollTo(0, 0)")
            await phone.screenshot(path=artifact("signup-360x740.png"))
            async with phone.expect_navigation():
                await phone.click("#send")
            body = await phone.inner_text("body")
            assert "Tack, Åsa Öberg!" in body and "Röda Korset <Väst>" in body

            await projector.wait_for_function(
                "document.getElementById('count-signups').textContent === '1'", timeout=5000
            )
            timer = await projector.inner_text("#timer")
            assert timer.count(":") == 1 and not timer.startswith("-")
            assert "Åsa" in await projector.inner_text("#seating")
            await projector.screenshot(path=artifact("screen-1920x1080.png"))
        finally:
            await close_pages(browser)
    finally:
        await server.stop()

    [signup] = open_meeting(folder).state.live_signups()
    assert (signup.name, signup.organisation, signup.email) == (
        "Åsa Öberg",
        "Röda Korset <Väst>",
        "asa@example.org",
    )
    assert signup.themes == (theme.id,) and signup.consent
    assert (signup.consent_version, signup.source) == ("consent-v1", "web")
