"""F4 and v: the co-host's and the projector's address and code, on the laptop only."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from cafe.qr import qr_halfblocks
from cafe.tui.app import CafeApp
from cafe.tui.screens.cohost_modal import CohostModal
from cafe.tui.widgets.qr_panel import QrPanel
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
        assert "kan styra mötet" in warning
        assert f"cafe qr {tmp_path / 'm'} --cohost --new" in warning, "this meeting's folder"
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


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("key", ["f4", "v"])
async def test_the_code_is_whole_on_an_80x24_console(tmp_path: Path, key: str, lang: str) -> None:
    """Stacked under the title and the words, the code ran off an 80x24 console (cut at
    the top or the bottom) and a phone could not read it; beside them it is whole, with
    the title and the address still in sight."""
    service, clock = meeting(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        name = "cohost" if key == "f4" else "projector"
        qr = app.screen.query_one(f"#{name}-qr", QrPanel)
        url = str(app.screen.query_one(f"#{name}-url", Static).render()).replace("\n", "")
        assert qr.url == url
        dialog = app.screen.query_one(".dialog").content_region
        assert qr.region.height == len(qr_halfblocks(url)), "every line of the code is drawn"
        assert dialog.contains_region(qr.region), (qr.region, dialog)
        assert app.screen.region.contains_region(qr.region)
        beside = app.screen.query_one(".beside")
        assert beside.scroll_y == 0, "the title and the address stay in sight"
        assert beside.region.contains_region(app.screen.query_one(f"#{name}-url").region)
