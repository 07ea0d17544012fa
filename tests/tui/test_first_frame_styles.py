"""Restyles before the first frame: each one re-applies the whole stylesheet to a widget
and everything in it, which a restart in the middle of a round waits for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from textual.app import App
from textual.dom import DOMNode

from cafe.tui.app import CafeApp
from cafe.tui.screens.meeting_screen import MeetingScreen
from cafe.tui.widgets.round_timer import RoundTimer
from tests.tui.helpers import FakePhoneServer, five_minutes_into_round_1, meeting, step_index


async def test_a_restart_mid_round_restyles_nothing_before_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=24)

    restyled: Counter[str] = Counter()
    update_styles = App.update_styles

    def counted(self: App[object], node: DOMNode, animate: bool = True) -> None:
        restyled[f"{type(node).__name__}#{node.id or ''}"] += 1
        update_styles(self, node, animate)

    monkeypatch.setattr(App, "update_styles", counted)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        timer = screen.query_one(RoundTimer)
        assert timer.has_class("-running") and not timer.has_class("-idle")
        assert screen.has_class("-notes-hidden")
        # Textual restyles a screen when it is shown; the meeting screen was styled as it
        # mounted, so its first showing does not. Classes given before that cost nothing:
        # the timer is composed in the clock's phase, the rail with the meeting's lateness.
        # The projector's address shows once the phones' server runs (it starts after).
        assert set(restyled) <= {"Label#rail-projector"}, restyled


async def test_a_step_change_restyles_the_rail_not_the_whole_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the rail's look depends on the step (on a small screen it gives the sign-up's
    QR code its room); the new step's view is styled once, as it mounts."""
    service, clock = meeting(tmp_path / "m", registered=6)
    service.start_step(step_index(service, "signup") - 1)
    restyled: list[str] = []
    update_styles = App.update_styles

    def counted(self: App[object], node: DOMNode, animate: bool = True) -> None:
        restyled.append(type(node).__name__)
        update_styles(self, node, animate)

    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rail = app.screen.query_one("#rail")
        assert rail.display, "the rail is there before the sign-up step"
        monkeypatch.setattr(App, "update_styles", counted)
        await pilot.press("n")
        await pilot.pause()
        assert service.current_step is not None and service.current_step.kind == "signup"
        assert not rail.display, "at 80 columns the QR code takes the rail's room"
        assert "MeetingScreen" not in restyled, restyled
