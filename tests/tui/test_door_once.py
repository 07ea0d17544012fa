"""One person, once, at the door: a name already there is refused, Enter again adds it.

The door (``d``) and the add dialog (``a``) use the same form; the rule is the service's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label

from cafe.core import meeting_seating
from cafe.core.participants import PersonInput
from cafe.i18n import t
from cafe.tui.app import CafeApp
from tests.tui.helpers import FakePhoneServer, meeting, step_index, type_text


async def _type_person(pilot: Pilot, name: str, organisation: str = "", sector: str = "") -> None:
    """Name, Enter, organisation, Enter, sector, Enter: as the co-host types it."""
    for text in (name, organisation, sector):
        if text:
            await type_text(pilot, text)
        await pilot.press("enter")
    await pilot.pause()


def _names(app: CafeApp) -> list[str]:
    return [p.name for p in app.service.state.participants.values()]


async def _check_in(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    """At the door (d): a few letters of the name, ↓ to the person, Enter ticks them here."""
    await pilot.press("d")
    await pilot.pause()
    await _find_and_tick(pilot, name)


async def _find_and_tick(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await type_text(pilot, name)
    await pilot.press("down", "enter")
    await pilot.pause()


async def test_the_door_refuses_a_second_asa_and_a_second_enter_adds_her(
    meeting_dir: Path,
) -> None:
    service, clock = meeting(meeting_dir)
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset", "förening"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await _type_person(pilot, "asa oberg", "", "förening")
        error = str(app.screen.query_one("#person-error", Label).render())
        assert "Åsa Öberg (Röda Korset) finns redan i mötet (id p1)." in error
        assert "Tryck Enter igen" in error
        assert _names(app) == ["Åsa Öberg"], "the door made a second Åsa"
        assert app.screen.query_one("#person-name", Input).value == "asa oberg", "kept"

        await pilot.press("enter")  # the same name again: another Åsa, confirmed
        await pilot.pause()
        assert _names(app) == ["Åsa Öberg", "asa oberg"]
        assert app.screen.query_one("#person-name", Input).value == ""
        assert str(app.screen.query_one("#person-error", Label).render()) == ""


async def test_a_changed_name_is_checked_afresh(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset"))
    service.add_participant(PersonInput("Per Ek", "Kommunen"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await _type_person(pilot, "Åsa Öberg", "Röda Korset")
        assert "(id p1)" in str(app.screen.query_one("#person-error", Label).render())
        # the co-host corrects the name to someone else who is also there already
        app.screen.query_one("#person-name", Input).value = "per ek"
        app.screen.query_one("#person-org", Input).value = ""
        app.screen.query_one("#person-sector", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "(id p2)" in str(app.screen.query_one("#person-error", Label).render())
        assert _names(app) == ["Åsa Öberg", "Per Ek"], "a new name needs its own confirmation"


async def test_the_add_dialog_asks_the_same_in_english(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await _type_person(pilot, "ÅSA ÖBERG", "röda korset")
        error = str(app.screen.query_one("#person-error", Label).render())
        assert "Åsa Öberg (Röda Korset) is already in the meeting (id p1)." in error
        assert "Press Enter again" in error
        assert _names(app) == ["Åsa Öberg"]
        await pilot.press("enter")
        await pilot.pause()
        assert _names(app) == ["Åsa Öberg", "ÅSA ÖBERG"]


async def test_leaving_the_door_drops_a_refused_person(meeting_dir: Path) -> None:
    """Esc after "already in the meeting": the next arrival got Anna's organisation,
    sector and warning, and a few Enters added them under her organisation."""
    service, clock = meeting(meeting_dir)
    service.add_participant(PersonInput("Anna Ek", "Grannstöd", "förening"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await _type_person(pilot, "Anna Ek", "Grannstöd", "förening")
        assert "(id p1)" in str(app.screen.query_one("#person-error", Label).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        fields = [
            app.screen.query_one(f"#person-{f}", Input).value for f in ("name", "org", "sector")
        ]
        assert fields == ["", "", ""]
        assert str(app.screen.query_one("#person-error", Label).render()) == ""
        await _type_person(pilot, "Yusuf Demir")
        [yusuf] = [p for p in service.state.participants.values() if p.name == "Yusuf Demir"]
        assert yusuf.organisation == "" and yusuf.sector == "other"


async def test_a_new_name_drops_the_warning_about_the_last_one(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    service.add_participant(PersonInput("Anna Ek", "Grannstöd"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await _type_person(pilot, "Anna Ek", "Grannstöd")
        assert "(id p1)" in str(app.screen.query_one("#person-error", Label).render())
        app.screen.query_one("#person-name", Input).value = "Yusuf"
        await pilot.pause()
        assert str(app.screen.query_one("#person-error", Label).render()) == ""


async def test_enter_on_the_start_of_a_sector_takes_the_one_it_begins(
    meeting_dir: Path,
) -> None:
    """ "civ" shows the suggestion "civil"; Enter used to refuse "civ" as unknown."""
    service, clock = meeting(meeting_dir)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await _type_person(pilot, "Yusuf Demir", "Turkiska föreningen", "civ")
        await _type_person(pilot, "Eva Lund", "Kommunen", "kom")
        await _type_person(pilot, "Per Ek", "", "pri")  # private sector or private person?
        error = str(app.screen.query_one("#person-error", Label).render())
    sectors = {p.name: p.sector.value for p in service.state.participants.values()}
    assert sectors == {"Yusuf Demir": "civil", "Eva Lund": "public"}
    assert '"pri"' in error, "a start that could be two sectors is still refused"


@pytest.mark.parametrize(("started", "from_round"), [(False, 2), (True, 3)])
async def test_a_late_arrival_is_told_which_round_r_reseats_from(
    meeting_dir: Path, started: bool, from_round: int
) -> None:
    """Before Space the round itself can be re-seated; the door said "a round is under
    way ... from the next round" either way."""
    service, clock = meeting(meeting_dir)
    for k in range(12):
        service.add_participant(PersonInput(f"Person {k}", present=True))
    late = service.add_participant(PersonInput("Sen Ankomst"))
    service.start_step(step_index(service, "cafe_round", 2))
    if started:
        service.timer_start()
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _check_in(pilot, "Sen Ankomst")
        assert service.state.participants[late.id].present
        said = [str(n.message) for n in app._notifications]
        assert t("tui.checkin.replan_hint", round=from_round) in said, said
        assert any(f"runda {from_round}" in message for message in said), "the round, named"
        await pilot.press("escape", "r")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert t("tui.round.replanned", round=from_round) in said, said
        hint = t("tui.checkin.replan_hint", round=from_round)
        assert hint not in said, "pressing r is done: the hint to press it went"


async def test_a_person_found_and_checked_in_leaves_the_name_field_for_the_next(
    meeting_dir: Path,
) -> None:
    """Audit P, C7: "asa", ↓, Enter checked Åsa in, and "asa" stayed in the name field:
    every next arrival needed F2 and Ctrl+U first."""
    service, clock = meeting(meeting_dir)
    asa, per = service.add_participants(
        [PersonInput("Åsa Öberg", "Röda Korset", "förening"), PersonInput("Per Lind")]
    )
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _check_in(pilot, "asa")
        assert service.state.participants[asa.id].present
        field = app.screen.query_one("#person-name", Input)
        assert field.value == "" and field.has_focus, "ready for the next arrival"
        await _find_and_tick(pilot, "per")
        assert service.state.participants[per.id].present


async def test_a_late_arrival_in_a_circle_is_not_told_to_press_r(meeting_dir: Path) -> None:
    """They have joined the end of the ring already: the hint to re-seat sent the co-host
    to r for nothing (and, before the meeting kept its ring, into three tables)."""
    service, clock = meeting(meeting_dir)
    for k in range(7):
        service.add_participant(PersonInput(f"Person {k}", present=True))
    late = service.add_participant(PersonInput("Sen Ankomst"))
    service.start_step(step_index(service, "cafe_round", 3))
    meeting_seating.seat_for_step(service)
    service.timer_start()
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _check_in(pilot, "Sen Ankomst")
        said = [str(n.message) for n in app._notifications]
        assert not any("Tryck r" in message for message in said), said
    assert service.state.seating_plan.order[-1] == late.id
