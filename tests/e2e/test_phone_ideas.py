"""A table host scans the table's QR code and sends ideas; the running app shows them.

The app (``CafeApp``) runs the LAN server in its own event loop, as ``cafe run`` does;
the phone is Debian's Chromium driven by Playwright in that same loop, so this checks
that the TUI neither blocks the server nor misses what a phone sends.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.cli import main
from cafe.core.events import EventKind
from cafe.tui.app import CafeApp
from cafe.tui.messages import MeetingChanged
from cafe.tui.widgets.idea_list import IdeaList
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages, decode_qr
from tests.web.support import start_round


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_table_host_sends_ideas_that_reach_the_running_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, browser: Browser
) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    start_round(service, 1)
    service.capture_ideas(["Ensamhet syns inte utåt"], table=2)
    start_round(service, 2)
    service.timer_start()  # round 2 under way: round 1 is for retelling
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    app = CafeApp(service, server=server)
    messages: list[object] = []

    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        assert server.running and app.phones_url == server.participant_url()
        app.action_show("capture")
        await pilot.pause()

        monkeypatch.setattr("cafe.cli.qr_cmd.detect_lan_address", lambda: LOOPBACK)
        png = tmp_path / "table-2.png"
        args = ["qr", str(folder), "--table", "2", "--out", str(png), "--port", str(server.port)]
        assert main(args) == 0
        url = decode_qr(png)
        assert url == server.table_url(2)

        try:
            phone = await browser.new_page(viewport={"width": 360, "height": 740})
            await phone.goto(url)
            retell = await phone.inner_text("#retell")
            assert "Ensamhet syns inte utåt" in retell, "the host can retell round 1"
            await phone.fill("#ideas", "Fika på biblioteket\nSkjuts till träffar")
            async with phone.expect_navigation():
                await phone.click("#send")
            assert "Skickat!" in await phone.inner_text("#sent")
            sent = await phone.inner_text("#this-round")
            assert "Fika på biblioteket" in sent and "Skjuts till träffar" in sent
            await phone.screenshot(path=artifact("table-host-360x740.png"))
        finally:
            await close_pages(browser)

        await pilot.pause()
        shown = [idea.text for idea in app.screen.query_one(IdeaList).rows.ideas]
        assert "Fika på biblioteket" in shown and "Skjuts till träffar" in shown
        arrived = [
            event
            for message in messages
            if isinstance(message, MeetingChanged)
            for event in message.events
            if event.kind is EventKind.IDEA_CAPTURED
        ]
        assert [e.data["text"] for e in arrived] == ["Fika på biblioteket", "Skjuts till träffar"]
        assert {(e.data["table"], e.data["round"], e.data["source"]) for e in arrived} == {
            (2, 2, "web")
        }
    assert not server.running, "the app stopped the server on the way out"
