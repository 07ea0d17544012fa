"""A meeting keeps the seating it began its café rounds with, and a circle keeps its ring.

The audit's circle of seven became three tables when three latecomers brought it to ten
during round 3: entering round 4 re-seated it, the wall said "Byt bord!" and two people
who had just come in were made hosts of tables that never existed. The ring was shuffled
at every re-seat, latecomers were missing from the speaking order while ``w`` said they
were "i ringen", and ``cafe seating show --round 1`` printed today's ring.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from cafe.core import meeting_seating
from cafe.core.participants import PersonInput
from cafe.core.seating.plan import SeatingPlan
from cafe.core.service import MeetingService
from cafe.storage.folder import open_meeting
from cafe.web.snapshot import seating_data
from tests.tui.helpers import meeting, step_index

LATE = [
    PersonInput("Per Nilsson", "PRO Hageby", present=True),
    PersonInput("Sara Berg", "Röda Korset", present=True),
    PersonInput("Omar Haddad", "Moskéföreningen", present=True),
]


def _circle(folder: Path, present: int = 7) -> MeetingService:
    """``present`` people here, seated in the presentation round as one circle."""
    service, _ = meeting(folder, registered=present, present=True)
    service.start_step(step_index(service, "presentation_round"))
    assert meeting_seating.seat_for_step(service)
    assert service.state.seating_plan.is_circle
    return service


def _enter(service: MeetingService, round_number: int, *, start: bool = True) -> None:
    """Go to a café round as ``n`` does (seating it when it needs it), and press Space."""
    service.start_step(step_index(service, "cafe_round", round_number))
    meeting_seating.seat_for_step(service)
    if start:
        service.timer_start()


def test_a_circle_stays_a_circle_when_latecomers_bring_it_to_ten(tmp_path: Path) -> None:
    service = _circle(tmp_path / "m")
    for number in (1, 2, 3):
        _enter(service, number)
    ring = service.state.seating_plan.order
    late = [p.id for p in service.add_participants(LATE)]
    assert len(service.state.present()) == service.agenda.tables.circle_below
    assert service.circle_mode, "the room sits in a ring: it stays one"
    assert meeting_seating.table_estimate(service) == 0

    _enter(service, 4, start=False)
    plan = service.state.seating_plan
    assert plan.is_circle and not plan.tables(4), "no tables in round 4"
    assert plan.order == (*ring, *late), "the latecomers at the end of the ring"
    assert meeting_seating.appointed_hosts(service) == []
    meeting_seating.plan_now(service, meeting_seating.reseat_round(service))  # r
    assert service.state.seating_plan.is_circle


def test_tables_stay_tables_when_people_leave(tmp_path: Path) -> None:
    service, _ = meeting(tmp_path / "m", registered=12, present=True)
    _enter(service, 1)
    assert service.state.seating_plan.is_tables
    for person in sorted(service.state.participants)[:3]:
        service.set_present(person, False)
    assert len(service.state.present()) < service.agenda.tables.circle_below
    assert not service.circle_mode
    _enter(service, 2, start=False)
    plan = service.state.seating_plan
    assert plan.is_tables and plan.people(2) == {p.id for p in service.state.present()}
    assert plan.tables(1), "round 1 as it was"


def test_before_the_rounds_begin_the_head_count_decides(tmp_path: Path) -> None:
    """Nine in the presentation round's circle, a tenth comes before round 1 starts:
    round 1 is seated at tables (the room is rearranged before anyone talks)."""
    service = _circle(tmp_path / "m", present=9)
    service.add_participant(LATE[0])
    assert not service.circle_mode
    _enter(service, 1, start=False)
    assert service.state.seating_plan.is_tables


def test_latecomers_join_the_ring_of_the_round_under_way_everywhere(tmp_path: Path) -> None:
    service = _circle(tmp_path / "m")
    for number in (1, 2, 3):
        _enter(service, number)
    before = service.state.seating_plan
    per = service.add_participant(LATE[0])
    plan = service.state.seating_plan
    assert plan.order == (*before.order, per.id)
    assert plan.ring(3)[-1] == per.id, "in the ring of the round under way"
    assert plan.ring(2) == before.order, "not in rounds that were over before they came"
    shown = seating_data(service)
    assert shown is not None and shown["order"][-1] == "Per Nilsson", "the wall"
    assert meeting_seating.speaking_order(service)[0][1][-1] == per.id

    service.log.close()
    reopened = open_meeting(tmp_path / "m")
    try:
        assert reopened.state.seating_plan == plan, "stored so"
    finally:
        reopened.log.close()


def test_the_ring_stays_as_people_come_and_go(tmp_path: Path) -> None:
    service = _circle(tmp_path / "m", present=8)
    presented = service.state.seating_plan.order
    late = service.add_participant(LATE[0])  # during the presentation round
    assert service.state.seating_plan.order == (*presented, late.id)
    _enter(service, 1)
    assert service.state.seating_plan.order == (*presented, late.id), "round 1 as presented"
    _enter(service, 2)
    _enter(service, 3)
    leaving = presented[2]
    service.set_present(leaving, False)
    meeting_seating.plan_now(service, meeting_seating.reseat_round(service))  # r
    kept = tuple(pid for pid in (*presented, late.id) if pid != leaving)
    plan = service.state.seating_plan
    assert plan.order == kept, "who left drops out; nobody else moves"
    _enter(service, 4, start=False)
    assert service.state.seating_plan.order == kept

    # The rounds held keep their ring (M4): round 3 was held with them.
    plan = service.state.seating_plan
    assert all(leaving in plan.ring(number) for number in (1, 2, 3))
    assert leaving not in plan.ring(4)
    seated = seating_data(service)
    assert seated is not None and len(seated["order"]) == len(kept)


def test_a_circle_stored_before_rounds_were_kept_still_reads(tmp_path: Path) -> None:
    old = SeatingPlan.from_stored({"mode": "circle", "order": ["p2", "p1"]})
    assert old.ring(1) == old.ring(3) == ("p2", "p1")
    assert old.to_stored() == {"mode": "circle", "order": ["p2", "p1"]}, "stored as before"
    kept = old.reseated(["p1"], 3)
    stored = kept.to_stored()
    assert stored == {
        "mode": "circle",
        "order": ["p1"],
        "rounds": [{"round": 1, "order": ["p2", "p1"]}, {"round": 2, "order": ["p2", "p1"]}],
    }
    assert SeatingPlan.from_stored(stored) == kept


def test_seating_show_prints_a_circles_earlier_round_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service = _circle(tmp_path / "m")
    _enter(service, 1)
    _enter(service, 2)
    leaving = service.state.seating_plan.order[0]
    name = service.state.participants[leaving].name
    service.set_present(leaving, False)
    meeting_seating.plan_now(service, meeting_seating.reseat_round(service))
    service.log.close()
    capsys.readouterr()

    assert main(["seating", "show", str(tmp_path / "m"), "--round", "1"]) == 0
    first = capsys.readouterr().out
    assert first.splitlines()[0] == "7 personer: en ring. Talarordning:"
    assert f"1. {name}" in first
    assert main(["seating", "show", str(tmp_path / "m"), "--round", "3"]) == 0
    third = capsys.readouterr().out
    assert third.splitlines()[0] == "6 personer: en ring. Talarordning:"
    assert name not in third
