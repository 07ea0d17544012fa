"""A table host's typed ideas survive a send that never reached the laptop.

The laptop's battery dies (or its lid is closed) while a table host taps "Send the
ideas": the phone showed Chromium's own "This site can't be reached" page, and the text
was lost, or Back brought an earlier round's ideas into this round's box. The real
server on 127.0.0.1 is stopped and started again on the same port, as ``cafe run``
after a crash.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages, serve_round_1
from tests.web.support import start_round

PHONE = {"width": 360, "height": 740}
IDEAS = "Torget behöver liv på kvällarna\nFler bänkar och blommor"
KEPT = "() => Object.keys(localStorage).filter((k) => k.startsWith('cafe-draft:')).length"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_a_send_the_laptop_never_got_keeps_the_text_to_send_again(
    tmp_path: Path, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m")
    start_round(service, 1)
    service.timer_start()
    port = _free_port()
    server = LanServer(service, host=LOOPBACK, port=port, lan_address=lambda: LOOPBACK)
    await server.start()
    url = server.table_url(3)
    try:
        phone = await browser.new_page(viewport=PHONE)
        await phone.goto(url)
        await phone.fill("#ideas", IDEAS)
        await server.stop()  # the laptop is gone
        await phone.click("#send")
        await phone.wait_for_selector("#not-sent", state="visible")
        assert "Inte bekräftat: ingen kontakt" in await phone.inner_text("#not-sent")
        assert await phone.input_value("#ideas") == IDEAS, "the text is still in the box"
        assert await phone.is_enabled("#send")
        assert phone.url == url, "still the table's page, not the browser's error page"
        await phone.screenshot(path=artifact("table-not-sent-360x740.png"), full_page=True)

        server = LanServer(service, host=LOOPBACK, port=port, lan_address=lambda: LOOPBACK)
        await server.start()  # `cafe run` again
        async with phone.expect_navigation():
            await phone.click("#send")
        assert "Skickat!" in await phone.inner_text("#sent")
        ideas = [i.text for i in service.state.visible_ideas() if i.table == 3]
        assert ideas == IDEAS.splitlines(), "stored once, under the table and round"
        assert {i.round for i in service.state.visible_ideas()} == {1}
        assert await phone.evaluate(KEPT) == 0, "the laptop has it: the phone forgets it"
        assert await phone.input_value("#ideas") == ""
    finally:
        await close_pages(browser)
        await server.stop()


@pytest.mark.asyncio(loop_scope="session")
async def test_text_not_yet_sent_survives_a_reload_but_not_into_the_next_round(
    tmp_path: Path, browser: Browser
) -> None:
    service, server = await serve_round_1(tmp_path / "m")
    try:
        phone = await browser.new_page(viewport=PHONE)
        await phone.goto(server.table_url(2))
        assert await phone.is_hidden("#draft-kept")
        await phone.fill("#ideas", "Halvskriven idé om läxhjälp")
        await phone.reload()
        assert await phone.input_value("#ideas") == "Halvskriven idé om läxhjälp"
        assert await phone.is_visible("#draft-kept"), "says the text is kept, not yet sent"

        start_round(service, 2)  # the round-1 page's text is not this round's
        service.timer_start()
        await phone.reload()
        assert "Runda 2" in await phone.inner_text("#round")
        assert await phone.input_value("#ideas") == "", "round 1's text stays out of round 2"
        assert service.state.visible_ideas() == []
    finally:
        await close_pages(browser)
        await server.stop()
