"""The TUI is the co-hosts' console: notes hidden until asked for, the projector page one key
away, and a step revisited shows its time as it was, never as overtime."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from cafe.core.agenda import StepKind
from cafe.core.timer import TimerPhase
from cafe.storage.folder import open_meeting
from cafe.tui.app import CafeApp
from cafe.tui.screens.projector_modal import ProjectorModal
from cafe.tui.widgets.round_timer import RoundTimer
from cafe.tui.widgets.step_panel import StepPanel
from tests.tui.helpers import SCREEN_URL, FakePhoneServer, meeting


def _index(service: object, kind: StepKind) -> int:
    steps = service.agenda.steps  # type: ignore[attr-defined]
    return next(i for i, step in enumerate(steps) if step.kind is kind)


async def test_notes_are_hidden_at_first_and_the_choice_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    service, clock = meeting(folder)
    service.start_step(_index(service, StepKind.OPENING))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        notes = app.screen.query_one(StepPanel).query_one(".notes", Static)
        assert app.screen.has_class("-notes-hidden")
        assert notes.styles.display == "none", "safe when the console is mirrored"
        await pilot.press("h")
        await pilot.pause()
        assert notes.styles.display != "none"
        assert any("Anteckningarna visas" in str(n.message) for n in app._notifications)

    # A restart (after a crash, or the next morning) keeps the co-hosts' choice.
    again = open_meeting(folder, clock=clock)
    app = CafeApp(again, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        notes = app.screen.query_one(StepPanel).query_one(".notes", Static)
        assert not app.screen.has_class("-notes-hidden")
        assert notes.styles.display != "none"
        await pilot.press("h")
        await pilot.pause()
        assert notes.styles.display == "none"
    assert open_meeting(folder, clock=clock).log.get_meta("console.notes") == "hidden"  # type: ignore[attr-defined]


async def test_going_back_shows_the_time_as_it_was_never_overtime(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    purpose = _index(service, StepKind.PURPOSE)
    service.start_step(purpose)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")  # the purpose's timer runs
        clock.advance(120)
        await pilot.press("n")  # on to the presentation round, 20 minutes there
        await pilot.click("#yes")  # the purpose had time left: asked first
        clock.advance(20 * 60)
        await pilot.press("p")  # back to show the purpose again
        await pilot.pause()
        timer = app.screen.query_one(RoundTimer)
        planned = service.agenda.steps[purpose].minutes * 60
        assert service.timer() is not None
        assert service.timer().remaining(clock.now()) == planned - 120  # type: ignore[union-attr]
        assert timer.phase is TimerPhase.PAUSED
        assert not timer.has_class("-overtime")
        assert not str(timer.render()).startswith("-")


async def test_the_projector_page_is_one_key_away(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    opened: list[str] = []
    app.open_url = opened.append
    async with app.run_test(size=(120, 40)) as pilot:
        rail = app.screen.query_one("#rail-projector")
        lines = str(rail.render()).splitlines()
        assert lines == ["Projektorsidan (v):", "http://192.0.2.10:8765/…"], (
            "where, on whole lines: the token (wider than the rail) was split in the middle"
        )
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorModal)
        assert str(app.screen.query_one("#projector-url", Static).render()) == SCREEN_URL
        qr = app.screen.query_one("#projector-qr")
        assert "▀" in str(qr.render()), "a QR code for a tablet or a second laptop"
        await pilot.press("o")
        await pilot.pause()
        assert opened == [SCREEN_URL]
        assert not isinstance(app.screen, ProjectorModal)


async def test_at_80_columns_the_rail_says_which_key_shows_the_address(tmp_path: Path) -> None:
    """At 80x24 the line went altogether: nothing on the main screen said where the
    projector page was."""
    service, clock = meeting(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        rail = app.screen.query_one("#rail-projector")
        assert rail.styles.display == "block" and rail.region.height == 1
        assert rail.region.bottom <= app.screen.query_one("#rail").region.bottom
        assert str(rail.render()) == "Projektorsidan: tryck v"
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert str(rail.render()).startswith("Projektorsidan (v):")


async def test_a_restart_at_check_out_leaves_the_keys_to_the_meeting(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    checkout = _index(service, StepKind.CHECKOUT)
    service.start_step(checkout)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.focused is None, "no field has the keys after a restart"
        await pilot.press("p")  # meant as "previous step"
        await pilot.pause()
        assert service.state.current_step == checkout - 1
        assert service.state.checkout == {}, "a command key never becomes a stored thought"
