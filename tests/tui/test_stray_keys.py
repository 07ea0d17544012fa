"""Keys pressed at a bad moment: the room does not pay for them.

A facilitator's audit: ``n`` with 29 minutes of round 1 left showed the room "Byt bord!";
Ctrl+Q (beside Ctrl+P) closed the meeting and the phones' pages mid-round; ``r`` in the
break after round 2 re-seated round 2, which had been held, and the planner then sat
people together again who had met there.
"""

from __future__ import annotations

from pathlib import Path

from cafe.core import meeting_seating
from cafe.i18n import t
from cafe.tui.app import CafeApp
from cafe.tui.screens.confirm_modal import ConfirmModal, QuitModal
from tests.tui.helpers import FakePhoneServer, five_minutes_into_round_1, meeting, step_index


async def test_next_while_the_round_runs_asks_and_no_keeps_the_round(tmp_path: Path) -> None:
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=12)
    round_1 = service.state.current_step
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        left = service.agenda.steps[round_1].minutes * 60 - 5 * 60
        assert f"{left // 60:02d}:00 kvar" in app.screen.question, "the time the round has"
        await pilot.press("enter")  # Enter is "no": the stray key did nothing
        await pilot.pause()
        assert service.state.current_step == round_1
        assert service.timer() is not None and service.timer().running  # type: ignore[union-attr]

        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert service.state.current_step == round_1 + 1, "yes moves on"


async def test_no_question_once_the_time_is_up_or_for_skip(tmp_path: Path) -> None:
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=12)
    round_1 = service.state.current_step
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")  # "end the step now" says it already
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert service.state.current_step == round_1 + 1

    service.start_step(step_index(service, "cafe_round", 2))
    service.timer_start()
    clock.advance(service.agenda.steps[service.state.current_step].minutes * 60 + 1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")  # in overtime: the round is over
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert service.state.current_step == step_index(service, "cafe_round", 2) + 1


async def test_ctrl_q_mid_meeting_asks_and_esc_keeps_it_running(tmp_path: Path) -> None:
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=12)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitModal)
        assert app.screen.question == t("tui.quit_confirm")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, QuitModal)
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert not app.is_running, "a second Ctrl+Q is yes"


async def test_ctrl_q_before_the_meeting_quits_at_once(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m", registered=3)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_r_in_the_break_after_round_2_keeps_round_2_as_it_was_held(
    tmp_path: Path,
) -> None:
    service, clock = meeting(tmp_path / "m", registered=16, present=True)
    meeting_seating.plan_now(service, 1)
    held = service.state.seating_plan.tables(2)
    service.start_step(step_index(service, "cafe_round", 2))
    service.timer_start()
    service.start_step(step_index(service, "cafe_round", 2) + 1)  # the break
    leaving = held[0].guests[0]
    service.set_present(leaving, False)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert t("tui.round.replanned", round=3) in said, said
    plan = service.state.seating_plan
    assert plan.tables(2) == held, "round 2 was held: it stays as it was"
    assert leaving not in plan.people(3)
    met = {
        frozenset((a, b))
        for number in (1, 2)
        for table in plan.tables(number)
        for a in table.people
        for b in table.people
        if a < b
    }
    again = [
        pair
        for table in plan.tables(3)
        for pair in met
        if pair <= set(table.people) and not {table.host} & pair
    ]
    assert again == [], "nobody sits again with someone they met in round 1 or 2"


async def test_r_after_the_last_round_has_begun_says_so(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m", registered=16, present=True)
    meeting_seating.plan_now(service, 1)
    before = service.state.seating_plan
    service.start_step(step_index(service, "cafe_round", 4))
    service.timer_start()
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert t("tui.round.all_held") in said, said
    assert service.state.seating_plan == before, "the last round's tables stay"


async def test_r_in_a_circle_speaks_of_the_ring_not_of_hosts(tmp_path: Path) -> None:
    """Someone left the circle in round 3, ``r``: the laptop said "Omplacerat från runda
    4; värdarna sitter kvar." of a circle without hosts, and reshuffled the ring."""
    service, clock = meeting(tmp_path / "m", registered=7, present=True)
    meeting_seating.plan_now(service, 1)
    ring = service.state.seating_plan.order
    service.start_step(step_index(service, "cafe_round", 3))
    service.timer_start()
    service.set_present(ring[1], False)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert t("tui.round.replanned_circle", round=4) in said, said
        assert not any("värdarna" in line for line in said), said
    assert service.state.seating_plan.order == (ring[0], *ring[2:])
