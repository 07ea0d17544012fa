"""The app starts in its own theme without re-reading its stylesheets for it, and the
high-contrast theme (key c) still switches everything over."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from cafe.storage.folder import open_meeting
from cafe.tui.app import CafeApp
from cafe.tui.themes import CAFE, HIGH_CONTRAST
from cafe.web.snapshot import screen_state
from tests.tui.helpers import FakePhoneServer, meeting


async def test_the_app_starts_in_its_theme_and_switches_to_high_contrast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reparses: list[int] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparses.append(1)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    service, clock = meeting(tmp_path / "m", registered=6)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == CAFE.name
        assert {"-theme-cafe", "-dark-mode"} <= app.classes and "-light-mode" not in app.classes
        assert app.screen.styles.background == Color.parse(CAFE.background)
        assert len(reparses) <= 1, "only Textual's first screen mode re-reads the styles"

        await pilot.press("c")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
        assert app.screen.styles.background == Color.parse(HIGH_CONTRAST.background)
        assert "-light-mode" in app.classes


async def test_c_puts_the_projector_in_high_contrast_too_and_it_holds_after_a_restart(
    tmp_path: Path,
) -> None:
    """``c`` says "for projectors", yet it changed only the laptop's colours: the projector
    page stayed dark green. It is a choice for the hall, so a restart keeps it."""
    folder = tmp_path / "m"
    service, clock = meeting(folder, registered=6)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
        assert service.state.high_contrast, "the meeting holds it"
        assert screen_state(service)["contrast"] is True, "the projector's feed carries it"
    service.log.close()

    reopened = open_meeting(folder, clock=clock)
    assert reopened.state.high_contrast, "read back from the meeting's log"
    app = CafeApp(reopened, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name, "the restarted laptop starts in it"
        assert app.screen.styles.background == Color.parse(HIGH_CONTRAST.background)
        await pilot.press("c")
        await pilot.pause()
        assert app.theme == CAFE.name and not reopened.state.high_contrast
        assert screen_state(reopened)["contrast"] is False
    reopened.log.close()
