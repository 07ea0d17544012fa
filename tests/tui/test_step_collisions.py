"""The laptop and the co-host's console moving the step at the same time (audit Q)."""

from __future__ import annotations

from pathlib import Path

from cafe.core import meeting_seating
from cafe.core.service import STEP_GRACE
from cafe.i18n import t
from cafe.tui.app import CafeApp
from cafe.tui.screens.confirm_modal import ConfirmModal
from tests.tui.helpers import FakePhoneServer, meeting, step_index


def _round_1(tmp_path: Path, *, running: bool = True) -> CafeApp:
    """Twenty people seated, round 1 on screen, its clock started a minute ago (or not)."""
    service, clock = meeting(tmp_path / "m", registered=20, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round", 1))
    if running:
        service.timer_start()
        clock.advance(60)
    return CafeApp(service, clock=clock, server=FakePhoneServer())


async def test_yes_to_a_question_the_console_has_answered_moves_nothing_more(
    tmp_path: Path,
) -> None:
    """S1: the laptop asked "time is still running, go on?"; the co-host moved on from the
    console meanwhile; the laptop's "Ja" then moved the meeting again."""
    app = _round_1(tmp_path)
    service = app.service
    round_1 = service.state.current_step
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        service.next_step(by="console")  # the console's "Nästa steg", confirmed there
        await pilot.pause()
        app.clock.advance(STEP_GRACE + 1)  # type: ignore[attr-defined]
        await pilot.press("left", "enter")  # Ja
        await pilot.pause()
        assert service.state.current_step == round_1 + 1, "one step on, not two"
        said = [str(n.message) for n in app._notifications]
        step = service.agenda.steps[round_1 + 1]
        expected = t("tui.step.moved_while_asked", number=round_1 + 2, title=step.title)
        assert expected in said, said


async def test_n_a_moment_after_the_console_moved_the_step_moves_nothing(
    tmp_path: Path,
) -> None:
    """S2: both pressed next within a second, and round 2 was never held."""
    app = _round_1(tmp_path)
    service = app.service
    service.timer_toggle()  # paused: n goes without a question
    async with app.run_test(size=(120, 40)) as pilot:
        service.next_step(by="console")
        app.clock.advance(0.4)  # type: ignore[attr-defined]
        await pilot.press("n")
        await pilot.pause()
        round_2 = step_index(service, "cafe_round", 2)
        assert service.state.current_step == round_2
        said = [str(n.message) for n in app._notifications]
        assert any("Medvärden bytte just till steg" in s for s in said), said
        app.clock.advance(STEP_GRACE)  # type: ignore[attr-defined]
        await pilot.press("n")  # pressed again, knowingly
        await pilot.pause()
        assert service.state.current_step == round_2 + 1


async def test_p_while_the_rounds_time_runs_asks_first(tmp_path: Path) -> None:
    """M2: p took the round's question and tables off the projector mid-conversation."""
    app = _round_1(tmp_path)
    service = app.service
    round_1 = service.state.current_step
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert service.state.current_step == round_1
        await pilot.press("enter")  # Nej is the default
        await pilot.pause()
        assert service.state.current_step == round_1
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("left", "enter")
        await pilot.pause()
        assert service.state.current_step == round_1 - 1


async def test_the_laptop_says_when_the_console_starts_pauses_or_gives_time(
    tmp_path: Path,
) -> None:
    """Audit Q, M4: only step changes from the console were announced; the clock started,
    stopped and grew under the facilitator's eyes without a word."""
    app = _round_1(tmp_path, running=False)
    service = app.service

    def said() -> list[str]:
        return [str(n.message) for n in app._notifications]

    async with app.run_test(size=(120, 40)) as pilot:
        service.timer_start(by="console")
        await pilot.pause()
        assert t("tui.cohost.timer_started") in said()
        service.timer_adjust(60, by="console")
        await pilot.pause()
        assert t("tui.cohost.timer_plus", count=1) in said()
        assert t("tui.cohost.timer_started") not in said(), "the newer word replaces it"
        service.timer_toggle(by="console")
        await pilot.pause()
        assert t("tui.cohost.timer_paused") in said()
        app.clear_notifications()
        service.timer_toggle()  # the laptop's own Space: nothing to say
        await pilot.pause()
        assert not any("Medvärden" in message for message in said()), said()
