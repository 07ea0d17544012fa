"""A send whose answer is lost after the laptop stored it, and the host sends again.

The Wi-Fi drops (or the laptop dies) after the ideas reached the laptop: the page says
"Inte skickat" and keeps the text and its submission id. The host adds the idea the
table just had, or replaces the text, and sends again. The real server on 127.0.0.1
stores the first send; Playwright fetches it for the page and then drops the answer, as
the audit did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, Route

from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, close_pages
from tests.web.support import start_round

PHONE = {"width": 360, "height": 740}


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_a_resend_after_a_lost_answer_stores_the_added_and_replaced_lines(
    tmp_path: Path, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m")
    start_round(service, 1)
    service.timer_start()
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    lose = {"answers": True}

    async def answer_lost(route: Route) -> None:
        if route.request.method == "POST" and lose["answers"]:
            await route.fetch(max_redirects=0)  # the laptop gets it and stores it
            await route.abort("internetdisconnected")  # the phone never hears
        else:
            await route.continue_()

    def stored(table: int) -> list[str]:
        return [i.text for i in service.state.visible_ideas() if i.table == table]

    try:
        for table, second in (
            (4, "Cykelklubb\nDigital fika\nTelefonkedja mellan grannar"),  # a line added
            (5, "Helt ny idé A\nHelt ny idé B"),  # the text replaced
        ):
            lose["answers"] = True
            phone = await browser.new_page(viewport=PHONE)
            await phone.route("**/t/**", answer_lost)
            await phone.goto(server.table_url(table))
            await phone.fill("#ideas", "Cykelklubb\nDigital fika")
            await phone.click("#send")
            await phone.wait_for_selector("#not-sent", state="visible")
            assert stored(table) == ["Cykelklubb", "Digital fika"], "the first send arrived"

            lose["answers"] = False
            await phone.fill("#ideas", second)
            await phone.click("#send")
            await phone.wait_for_selector("#sent")
            assert "Skickat!" in await phone.inner_text("#sent")
            expected = ["Cykelklubb", "Digital fika"]
            expected += [line for line in second.splitlines() if line not in expected]
            assert stored(table) == expected, "every line the host sent, each once"
            await phone.close()
    finally:
        await close_pages(browser)
        await server.stop()
