"""The app starts in its own theme without re-reading its stylesheets for it, and the
high-contrast theme (key c) still switches everything over."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from cafe.tui.app import CafeApp
from cafe.tui.themes import CAFE, HIGH_CONTRAST
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
