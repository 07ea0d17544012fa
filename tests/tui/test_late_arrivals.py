"""A late arrival checked in during round 1 is told where to sit now, on the laptop.

The audit added three people with ``a`` while round 1 ran: the laptop said they were
checked in, and nothing about where they could sit until round 2.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from cafe.core.participants import PersonInput
from cafe.tui.app import CafeApp
from tests.tui.helpers import FakePhoneServer, five_minutes_into_round_1, type_text


async def _add(pilot: Pilot, name: str, organisation: str, sector: str) -> None:
    """``a``, then name, organisation, sector, each with Enter, as the co-host types."""
    await pilot.press("a")
    await pilot.pause()
    for text in (name, organisation, sector):
        await type_text(pilot, text)
        await pilot.press("enter")
    await pilot.pause()


def _said(app: CafeApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_and_the_door_tell_a_late_arrival_their_table_in_the_round(
    tmp_path: Path,
) -> None:
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=13)
    sara = service.add_participant(PersonInput("Sara Lind", "ABF", "förening"))  # not here yet
    before = service.state.seating_plan
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await _add(pilot, "Birgitta Oqvist", "PRO", "forening")
        plan = service.state.seating_plan
        [birgitta] = [p for p in service.state.participants.values() if p.name.startswith("Bir")]
        seat = plan.table_of(birgitta.id, 1)
        assert seat is not None and not seat.host
        said = f"Birgitta Oqvist är incheckad – sätt dig vid bord {seat.table} (runda 1 pågår)."
        assert said in _said(app), _said(app)
        sizes = sorted(len(t.people) for t in before.tables(1))
        assert len(before.tables(1)[seat.table - 1].people) == sizes[0], "the emptiest table"
        for old, new in zip(before.tables(1), plan.tables(1), strict=True):
            assert new.people[: len(old.people)] == old.people, "nobody else moves"

        await pilot.press("d")  # Sara arrives: ticked at the door
        await pilot.pause()
        await type_text(pilot, "sara")
        await pilot.press("down", "enter")
        await pilot.pause()
        seat = service.state.seating_plan.table_of(sara.id, 1)
        assert seat is not None
        assert f"Sara Lind: sätt dig vid bord {seat.table} (runda 1 pågår)." in _said(app)


async def test_in_a_circle_a_late_arrival_joins_the_end_of_the_ring(tmp_path: Path) -> None:
    """No table to name; they sit down at the end of the ring, and the round's speaking
    order on the laptop has them at once (it left them out while ``w`` said "i ringen")."""
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=6)
    before = service.state.seating_plan
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await _add(pilot, "Birgitta Oqvist", "PRO", "forening")
        assert "Birgitta Oqvist är incheckad." in _said(app)
        assert not any("bord" in said for said in _said(app))
        await pilot.press("escape")
        await pilot.pause()
        order = str(app.screen.query_one("#circle-order", Static).render())
        assert order.endswith("·  Birgitta Oqvist"), order
    [birgitta] = [p for p in service.state.participants.values() if p.name.startswith("Bir")]
    assert service.state.seating_plan.order == (*before.order, birgitta.id)
