"""A send whose answer is lost after the laptop stored it, and the host sends again.

The Wi-Fi drops (or the laptop dies) after the ideas reached the laptop: the page says
"Inte bekräftat" and keeps the text and its submission id. The host adds the idea the
table just had, or replaces the text, and sends again. The real server on 127.0.0.1
stores the first send; Playwright fetches it for the page and then drops the answer, as
the audit did.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from playwright.async_api import Browser, Route

from tests.web.browser import artifact, close_pages, serve_round_1

PHONE = {"width": 360, "height": 740}
KEPT = "() => Object.keys(localStorage).filter((k) => k.startsWith('cafe-draft:')).length"


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_a_resend_after_a_lost_answer_stores_the_added_and_replaced_lines(
    tmp_path: Path, browser: Browser
) -> None:
    service, server = await serve_round_1(tmp_path / "m")
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


@pytest.mark.asyncio(loop_scope="session")
async def test_a_send_that_hangs_says_sending_then_not_confirmed_and_a_resend_stores_once(
    tmp_path: Path, browser: Browser
) -> None:
    """M3: the laptop got the ideas but its answer never comes (a stalled Wi-Fi, a lid
    half closed). The button looked the same for 40 s and nothing was said. Now it says
    "Skickar …", and after a while that the send was not confirmed, the text kept; the
    phone's clock is Playwright's, moved on by hand, so no test waits 15 s."""
    service, server = await serve_round_1(tmp_path / "m")
    hang = {"on": True}
    released = asyncio.Event()

    async def stalled(route: Route) -> None:
        if route.request.method == "POST" and hang["on"]:
            await route.fetch(max_redirects=0)  # the laptop stores the ideas
            await released.wait()  # and its answer never arrives
            with contextlib.suppress(Exception):
                await route.abort("timedout")
        else:
            await route.continue_()

    try:
        phone = await browser.new_page(viewport=PHONE)
        await phone.clock.install()
        await phone.route("**/t/**", stalled)
        await phone.goto(server.table_url(2))
        text = "Fika på torget\nLäxhjälp i biblioteket"
        await phone.fill("#ideas", text)
        label = await phone.inner_text("#send")
        await phone.click("#send")
        await phone.wait_for_function("document.querySelector('#send').disabled")
        assert await phone.inner_text("#send") == "Skickar …"
        assert [i.text for i in service.state.visible_ideas()] == text.splitlines()
        assert await phone.is_hidden("#not-confirmed")

        await phone.clock.fast_forward(20_000)  # no answer for 20 s
        await phone.wait_for_selector("#not-confirmed", state="visible")
        assert "Inte bekräftat" in await phone.inner_text("#not-confirmed")
        assert await phone.is_hidden("#not-sent")
        assert await phone.input_value("#ideas") == text, "the text is kept to send again"
        assert await phone.is_enabled("#send") and await phone.inner_text("#send") == label
        await phone.screenshot(path=artifact("table-not-confirmed-360x740.png"), full_page=True)

        hang["on"] = False
        await phone.fill("#ideas", text + "\nBokcirkel")
        await phone.click("#send")
        await phone.wait_for_selector("#sent")
        assert [i.text for i in service.state.visible_ideas()] == [*text.splitlines(), "Bokcirkel"]
    finally:
        released.set()
        await close_pages(browser)
        await server.stop()


@pytest.mark.asyncio(loop_scope="session")
async def test_a_laptop_that_dies_just_after_answering_leaves_the_sent_page_not_an_error(
    tmp_path: Path, browser: Browser
) -> None:
    """M4: the laptop stored the ideas and answered, then died (kill -9, a flat battery).
    The page asked the laptop for the "Skickat!" page once more, and the phone showed the
    browser's "This site can't be reached". The answer it had is now shown as it is."""
    service, server = await serve_round_1(tmp_path / "m")

    posted: list[str] = []
    refused: list[str] = []

    async def dies_after_answering(route: Route) -> None:
        """The send and the answer it follows (its 303 to "Skickat!", which Chromium
        follows inside the send, unrouted) reach the laptop; after that it is gone:
        every later request is refused, as by a laptop that is off."""
        if posted:
            if not route.request.url.endswith("/round"):  # the page's poll may ask any time
                refused.append(route.request.url)
            await route.abort("connectionrefused")
            return
        if route.request.method == "POST":
            posted.append(route.request.url)
        await route.continue_()

    try:
        phone = await browser.new_page(viewport=PHONE)
        await phone.goto(server.table_url(6))
        await phone.route("**/*", dies_after_answering)
        await phone.fill("#ideas", "- Fika på torget\n- Läxhjälp")
        await phone.click("#send")
        await phone.wait_for_selector("#sent", timeout=10_000)
        assert "Skickat!" in await phone.inner_text("#sent")
        assert refused == [], "nothing more was asked of the dead laptop"
        assert phone.url.endswith("?sent=1") and phone.url.startswith("http://127.0.0.1")
        assert await phone.input_value("#ideas") == ""
        assert await phone.evaluate(KEPT) == 0, "the laptop has it: the phone forgets it"
        assert "Fika på torget" in await phone.inner_text("#this-round")
        assert [i.text for i in service.state.visible_ideas()] == ["Fika på torget", "Läxhjälp"]
    finally:
        await close_pages(browser)
        await server.stop()


@pytest.mark.asyncio(loop_scope="session")
async def test_a_long_list_sends_its_first_lines_and_keeps_the_rest_on_the_phone(
    tmp_path: Path, browser: Browser
) -> None:
    """M5 on the phone: 25 lines store 20, the other 5 stay in the box (and in the phone's
    keeping, should it reload) under a note; one more tap sends them."""
    service, server = await serve_round_1(tmp_path / "m")
    lines = [f"Idé nummer {n}" for n in range(1, 26)]
    try:
        phone = await browser.new_page(viewport=PHONE)
        await phone.goto(server.table_url(1))
        await phone.fill("#ideas", "\n".join(lines))
        await phone.click("#send")
        await phone.wait_for_selector("#sent-part")
        assert "5 rader till finns kvar" in await phone.inner_text("#sent-part")
        assert await phone.input_value("#ideas") == "\n".join(lines[20:])
        await phone.reload()
        assert await phone.input_value("#ideas") == "\n".join(lines[20:]), "kept until sent"
        await phone.click("#send")
        await phone.wait_for_selector("#sent")
        assert [i.text for i in service.state.visible_ideas()] == lines
    finally:
        await close_pages(browser)
        await server.stop()
