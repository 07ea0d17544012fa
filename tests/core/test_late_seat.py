"""Someone who arrives while a round's tables talk gets a seat in that round at once.

The audit's late arrivals stood at the door: ``r`` re-plans from the next round, so the
round under way had no place for them, on the laptop, the wall or their phone. The
service now seats them as they are checked in: the emptiest table, nobody else moved,
stored with the round's seating.
"""

from __future__ import annotations

from pathlib import Path

from cafe.core import meeting_seating
from cafe.core.participants import PersonInput
from cafe.core.seating.late import late_seat
from cafe.core.seating.plan import SeatingPlan
from cafe.core.service import MeetingService
from cafe.storage.folder import open_meeting
from tests.tui.helpers import five_minutes_into_round_1, meeting, step_index
from tests.web.support import table_plan


def _plan(rounds: dict[int, list[tuple[int, str, list[str]]]]) -> SeatingPlan:
    return SeatingPlan.from_stored(table_plan(rounds))


def test_the_emptiest_table_and_nobody_else_moves() -> None:
    plan = _plan({1: [(1, "a", ["a", "b", "c"]), (2, "d", ["d", "e"]), (3, "f", ["f", "g"])]})
    seated, table = late_seat(plan, "x", 1, size_max=5)  # type: ignore[misc]
    assert table == 2, "of the two smallest, the first"
    assert seated.tables(1)[1].people == ("d", "e", "x")
    assert seated.tables(1)[0] == plan.tables(1)[0] and seated.tables(1)[2] == plan.tables(1)[2]
    again, table = late_seat(seated, "y", 1, size_max=5)  # type: ignore[misc]
    assert table == 3, "the next one goes where there is room"
    assert late_seat(again, "y", 1, size_max=5) is None, "seated already"


def test_someone_back_again_meets_the_fewest_people_they_sat_with() -> None:
    """x sat with a and b in round 1, left, and is back in round 2: table 3 (one more
    person, but nobody x has met) rather than a table where x meets a or b again."""
    plan = _plan(
        {
            1: [(1, "a", ["a", "b", "x"]), (2, "c", ["c", "d"]), (3, "e", ["e", "f", "g"])],
            2: [(1, "a", ["a", "d"]), (2, "c", ["c", "b"]), (3, "e", ["e", "f", "g"])],
        }
    )
    assert late_seat(plan, "x", 2, size_max=5)[1] == 3  # type: ignore[index]


def test_a_full_table_is_left_until_every_table_is_full() -> None:
    """Table 1 is full (3 of 3): x goes to table 2, though x met d there before."""
    rounds = {
        1: [(1, "d", ["d", "x"]), (2, "a", ["a", "b", "c"])],
        2: [(1, "a", ["a", "b", "c"]), (2, "d", ["d", "e"])],
    }
    assert late_seat(_plan(rounds), "x", 2, size_max=3)[1] == 2  # type: ignore[index]
    assert late_seat(_plan(rounds), "x", 2, size_max=4)[1] == 1, "room: meet someone new"  # type: ignore[index]
    rounds[2][1] = (2, "d", ["d", "e", "f"])
    assert late_seat(_plan(rounds), "x", 2, size_max=3)[1] == 1, "all full: nobody met again"  # type: ignore[index]


def _round_1_seats(service: MeetingService) -> dict[str, int]:
    plan = service.state.seating_plan
    return {pid: table.number for table in plan.tables(1) for pid in table.people}


def test_checked_in_mid_round_is_seated_in_that_round_and_stored(tmp_path: Path) -> None:
    service, _ = five_minutes_into_round_1(tmp_path / "m", registered=13)
    before = service.state.seating_plan
    seats = _round_1_seats(service)
    sizes = {t.number: len(t.people) for t in before.tables(1)}
    emptiest = min(sizes, key=lambda n: (sizes[n], n))

    late = service.add_participant(PersonInput("Birgitta Öqvist", "PRO", present=True))
    plan = service.state.seating_plan
    assert plan.table_of(late.id, 1).table == emptiest  # type: ignore[union-attr]
    assert {p: s for p, s in _round_1_seats(service).items() if p != late.id} == seats
    assert [plan.tables(r) for r in (2, 3, 4)] == [before.tables(r) for r in (2, 3, 4)]

    absent = service.add_participant(PersonInput("Jörgen Ålund", "Kommunen"))
    assert service.state.seating_plan.table_of(absent.id, 1) is None, "not here: no seat"
    service.set_present(absent.id)
    assert service.state.seating_plan.table_of(absent.id, 1) is not None, "ticked at the door"

    # Stored: a restarted laptop reads the same seats.
    service.log.close()
    reopened = open_meeting(tmp_path / "m")
    try:
        assert reopened.state.seating_plan == service.state.seating_plan
    finally:
        reopened.log.close()


def test_a_round_not_started_or_a_break_is_left_to_the_re_plan(tmp_path: Path) -> None:
    """Before Space the whole round can still be re-planned (``r``), and in a break
    nobody sits: no seat is squeezed in then."""
    service, _ = meeting(tmp_path / "m", registered=13, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round"))
    before = service.state.seating_plan
    service.add_participant(PersonInput("Birgitta Öqvist", "PRO", present=True))
    assert service.state.seating_plan == before
    service.timer_start()
    service.start_step(step_index(service, "cafe_round") + 1)  # after round 1
    service.add_participant(PersonInput("Siv Bäckström", "SPF", present=True))
    assert service.state.seating_plan == before


def test_a_circle_has_no_tables_to_join_but_its_ring(tmp_path: Path) -> None:
    """In a circle the late arrival sits down at the end of the ring: nobody else moves
    (``test_circle_stays`` has the rest)."""
    service, _ = five_minutes_into_round_1(tmp_path / "m", registered=6)
    before = service.state.seating_plan
    assert before.is_circle
    late = service.add_participant(PersonInput("Birgitta Öqvist", "PRO", present=True))
    after = service.state.seating_plan
    assert after.is_circle and not after.rounds
    assert after.order == (*before.order, late.id)
