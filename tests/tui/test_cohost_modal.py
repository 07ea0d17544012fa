"""F4: the co-host console's address and QR code, on the laptop's screen only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from cafe.tui.app import CafeApp
from cafe.tui.screens.cohost_modal import CohostModal
from tests.tui.helpers import COHOST_URL, FakePhoneServer, meeting


async def test_f4_shows_the_console_code_with_a_warning(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, CohostModal)
        assert str(app.screen.query_one("#cohost-url", Static).render()) == COHOST_URL
        assert "▀" in str(app.screen.query_one("#cohost-qr").render())
        warning = str(app.screen.query_one("#cohost-warning", Static).render())
        assert "kan styra mötet" in warning and "--cohost --new" in warning
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CohostModal)


async def test_without_a_server_f4_says_there_is_no_console(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=None, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, CohostModal)
        assert not app.screen.query("#cohost-qr")
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "no co-host console" in shown
    assert service.log.get_meta("cohost_token") is None, "no code is made without a server"  # type: ignore[attr-defined]
