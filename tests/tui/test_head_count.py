"""The start screen's head count shows the seating plan's real tables once one exists."""

from __future__ import annotations

from pathlib import Path

from cafe.core.meeting_seating import plan_meeting, table_estimate
from cafe.core.participants import PersonInput
from cafe.i18n import set_language
from cafe.tui.widgets.steps.welcome_step import head_count
from tests.meetings import new_meeting

SECTORS = ("kommun", "förening", "region", "företag", "idéburen")


def test_head_count_shows_the_plans_tables_not_an_estimate(tmp_path: Path) -> None:
    set_language("sv")
    service = new_meeting(tmp_path / "m")
    service.add_participants(
        [
            PersonInput(f"Person {n}", f"Org {n % 7}", SECTORS[n % 5], present=True)
            for n in range(30)
        ]
    )
    estimate = table_estimate(service)
    assert f"bord (cirka {estimate})" in head_count(service)

    plan_meeting(service, tables=estimate - 2)
    text = head_count(service)
    assert f"bord i placeringen: {estimate - 2}" in text
    assert "cirka" not in text

    service.add_participant(PersonInput("Sen Ankomst", "", "annat", present=True))
    assert "cirka" in head_count(service), "a plan that no longer seats who is here"


def test_a_circle_that_latecomers_bring_to_ten_is_still_said_to_be_one(tmp_path: Path) -> None:
    """The door said "10 av 11 anmälda → bord (cirka 3)" in round 3 of a circle: the
    meeting keeps its ring, and the count says so (not "färre än 10" either)."""
    from cafe.core import meeting_seating
    from tests.tui.helpers import meeting, step_index

    set_language("sv")
    service, _ = meeting(tmp_path / "m", registered=7, present=True)
    service.start_step(step_index(service, "cafe_round", 3))
    meeting_seating.seat_for_step(service)
    service.timer_start()
    service.add_participants(
        [PersonInput(f"Sen {n}", "PRO", "förening", present=True) for n in range(3)]
    )
    assert head_count(service) == "Här: 10 av 10 anmälda → en ring (som rundorna började)"
