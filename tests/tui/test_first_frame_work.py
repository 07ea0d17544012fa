"""The work before the first frame: a restart in the middle of a round waits for it.

Textual shows an app's first screen inside a batch of updates and draws nothing until the
batch ends; the meeting screen waits for it, so it is laid out once and each widget
rendered once before the frame that is drawn (it used to be three layouts and two
renders, the first of them thrown away)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rich.console import RenderableType
from rich.text import Text
from textual._compositor import Compositor, ReflowResult
from textual.app import App
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from cafe.tui.app import CafeApp
from cafe.tui.screens.meeting_screen import MeetingScreen
from cafe.tui.widgets.seating_view import SeatingView
from cafe.tui.widgets.step_panel import StepPanel
from tests.tui.helpers import FakePhoneServer, five_minutes_into_round_1, meeting


class Work:
    """Layouts and renders counted until the first frame Textual draws."""

    def __init__(self) -> None:
        self.layouts = 0
        self.renders: Counter[int] = Counter()
        self.kinds: dict[int, str] = {}
        self.at_first_frame: tuple[int, Counter[int]] | None = None
        self.card_layouts = 0
        """Times the table cards were laid out (wrapped and bordered)."""


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Work:
    counted = Work()
    reflow = Compositor.reflow
    render_lines = Widget.render_lines
    display = App._display

    def counted_reflow(self: Compositor, parent: Widget, size: Size) -> ReflowResult:
        counted.layouts += 1
        return reflow(self, parent, size)

    def counted_render(self: Widget, crop: Region) -> list[Strip]:
        counted.renders[id(self)] += 1
        counted.kinds[id(self)] = type(self).__name__
        return render_lines(self, crop)

    def first_frame(
        self: App[object], screen: Screen[object], update: RenderableType | None
    ) -> None:
        # What Textual draws: not in a batch (it drops those), and something to draw.
        if counted.at_first_frame is None and update is not None and not self._batch_count:
            counted.at_first_frame = (counted.layouts, Counter(counted.renders))
        display(self, screen, update)

    lines = SeatingView.lines

    def counted_lines(self: SeatingView, width: int) -> list[Text]:
        counted.card_layouts += 1
        return lines(self, width)

    monkeypatch.setattr(SeatingView, "lines", counted_lines)
    monkeypatch.setattr(Compositor, "reflow", counted_reflow)
    monkeypatch.setattr(Widget, "render_lines", counted_render)
    monkeypatch.setattr(App, "_display", first_frame)
    return counted


async def test_a_restart_mid_round_lays_out_once_and_renders_each_widget_once(
    tmp_path: Path, work: Work
) -> None:
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=30)

    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        tables = app.screen.query_one(SeatingView)
        shown = str(tables.render())
        assert all(f"Bord {table.number} " in shown for table in tables.tables), shown
        assert len(tables.tables) >= 4, "the round's tables are on the screen"
        assert work.at_first_frame is not None, "a frame was drawn"
        layouts, renders = work.at_first_frame
        assert layouts == 1, f"{layouts} layouts before the first frame"
        twice = sorted({work.kinds[key] for key, count in renders.items() if count > 1})
        assert not twice, f"rendered more than once before the first frame: {twice}"
        assert renders[id(tables)] == 1, "the tables are drawn"
        assert work.card_layouts == 1, "the cards are laid out once, measured and drawn"


async def test_the_cards_are_laid_out_again_when_the_tables_change(
    tmp_path: Path, work: Work
) -> None:
    """Laid out once per change of data, not once per refresh; but every change shows."""
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=30)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tables = app.screen.query_one(SeatingView)
        before = work.card_layouts
        tables.refresh()  # a repaint alone keeps the laid-out cards
        await pilot.pause()
        assert work.card_layouts == before
        first, second = tables.tables[:2]
        renamed = dict(tables.names, **{first.people[0]: "Zelda Renamed"})
        tables.names = renamed
        await pilot.pause()
        assert work.card_layouts == before + 1
        assert "Zelda Renamed" in str(tables.render())
        tables.tables = tables.tables[:1]
        await pilot.pause()
        shown = str(tables.render())
        assert f"Table {first.number} " in shown
        assert f"Table {second.number} " not in shown


async def test_a_change_made_in_a_later_batch_is_drawn_when_the_batch_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen waits for a batch; it does not lose what changed in it."""
    service, clock = meeting(tmp_path / "m", registered=12, present=True)
    service.start_step(0)
    frames: list[bool] = []
    display = App._display

    def drawn(self: App[object], screen: Screen[object], update: RenderableType | None) -> None:
        if update is not None:
            frames.append(not self._batch_count)
        display(self, screen, update)

    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(App, "_display", drawn)
        with app.batch_update():
            service.start_step(1)
            await pilot.pause()
            assert not any(frames), "nothing is drawn in a batch"
        await pilot.pause()
        assert any(frames), "the batch's end brings a frame"
        view = app.screen.query_one(StepPanel).view
        assert view is not None and view.index == 1, "the new step's view is on the screen"


async def test_a_resize_during_a_batch_is_laid_out_when_the_batch_ends(tmp_path: Path) -> None:
    """The layout the screen skipped in the batch is done after it (the new size)."""
    service, clock = meeting(tmp_path / "m", registered=12, present=True)
    service.start_step(0)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(StepPanel)
        assert panel.size.width > 80
        with app.batch_update():
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
        await pilot.pause()
        assert app.screen.size == (80, 24)
        assert panel.size.width < 80 - 20, "laid out for 80 columns, rail beside it"
