"""The on-screen demo: the real TUI, driven by the simulated room, to the report."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import Label, Static

from cafe.core.clock import ScaledClock
from cafe.demo.app import DemoApp
from cafe.demo.setup import create_demo_meeting
from cafe.tui.meeting_clock import rail_rows

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""


async def test_demo_app_runs_the_meeting_and_can_be_paused(tmp_path: Path) -> None:
    service, people = create_demo_meeting(
        tmp_path / "demo", people=14, lang="en", clock=ScaledClock(20_000)
    )
    app = DemoApp(service, people, speed=20_000, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        assert not app.running_script.is_set()
        await pilot.press("f5")
        assert app.running_script.is_set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert service.state.current_step == len(service.agenda.steps) - 1
        assert service.state.live_signups() and service.state.checkout
        assert [p.name for p in app.report_paths if p.suffix == ".pptx"] == ["working-group.pptx"]
        web_ideas = [i for i in service.state.ideas.values() if i.source == "web"]
        assert len(web_ideas) >= 4


async def test_take_over_stops_the_simulation(tmp_path: Path) -> None:
    service, people = create_demo_meeting(
        tmp_path / "demo", people=12, lang="sv", clock=ScaledClock(1)
    )
    app = DemoApp(service, people, speed=1, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await app.workers.wait_for_complete()
        step = service.state.current_step
        await pilot.pause(0.3)
        assert service.state.current_step == step
        assert app.report_paths == []


async def test_after_the_last_step_the_clock_stops_and_the_closing_points_at_the_report(
    tmp_path: Path,
) -> None:
    service, people = create_demo_meeting(
        tmp_path / "demo", people=12, lang="sv", clock=ScaledClock(20_000)
    )
    app = DemoApp(service, people, speed=20_000, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert service.state.current_step == len(service.agenda.steps) - 1
        before = service.clock.now()
        spent = rail_rows(service, before)[-1].actual_seconds
        time.sleep(0.05)  # 1,000 simulated seconds, were the clock still running
        await pilot.pause()
        assert service.clock.now() == before
        assert rail_rows(service, service.clock.now())[-1].actual_seconds == spent

        caption = str(app.screen.query_one("#closing-caption", Label).render())
        where = str(app.screen.query_one("#closing-command", Static).render())
        assert caption == "Demot har skrivit rapporten:"
        assert "cafe report" not in caption + where
        for path in app.report_paths:
            assert str(path) in where
            assert path.is_file()
