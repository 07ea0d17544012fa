"""The presentation round's speaker clock counts from when the step's timer starts: it
counted "Nu: Fatima … 00:07 / 00:40" while the timer still said "Space starts"."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from cafe.core import meeting_seating
from cafe.tui.app import CafeApp
from cafe.tui.widgets.steps.presentation_step import PresentationView
from tests.tui.helpers import FakePhoneServer, meeting, step_index


def _used(app: CafeApp) -> str:
    """The speaker's time used so far, as the label shows it ("00:07")."""
    label = str(app.screen.query_one(PresentationView).query_one("#speaker-now", Label).render())
    return label.split()[-3]


async def test_the_speaker_clock_waits_for_the_steps_timer(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m", registered=12, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "presentation_round"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        clock.advance(30)  # the co-host explains the round before pressing Space
        app.screen.query_one(PresentationView).on_time(clock.now())
        assert _used(app) == "00:00"
        await pilot.press("space")
        clock.advance(12)
        app.screen.query_one(PresentationView).on_time(clock.now())
        assert _used(app) == "00:12"
        await pilot.press("k")  # the next speaker starts at zero
        await pilot.pause()
        clock.advance(5)
        app.screen.query_one(PresentationView).on_time(clock.now())
        assert _used(app) == "00:05"
