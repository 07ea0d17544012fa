"""A café round composes only what its mode shows (the rotation list before the timer
starts, the tables while it runs, or the circle), and composes again when the mode changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.query import NoMatches
from textual.widgets import Input, Label

from cafe.core import meeting_seating
from cafe.core.participants import PersonInput
from cafe.core.timer import TimerPhase
from cafe.i18n import t
from cafe.tui.app import CafeApp
from cafe.tui.widgets.round_timer import RoundTimer
from cafe.tui.widgets.seating_view import RotationView, SeatingView
from cafe.tui.widgets.steps.cafe_round_step import CafeRoundView
from tests.tui.helpers import FakePhoneServer, five_minutes_into_round_1, meeting, step_index


def _parts(view: CafeRoundView) -> set[str]:
    found = set()
    for name, kind in (("rotation", RotationView), ("tables", SeatingView)):
        try:
            view.query_one(kind)
            found.add(name)
        except NoMatches:
            pass
    if view.query(".circle-box"):
        found.add("circle")
    return found


async def test_the_rotation_list_then_the_tables_once_the_timer_runs(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m", registered=24, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(CafeRoundView)
        assert view.has_class("-rotation") and _parts(view) == {"rotation"}
        rotation = view.query_one(RotationView)
        shown = str(rotation.render())
        assert len(rotation.texts()) == 24, "everyone is on the list"
        assert all(f"{p.name} → bord" in shown for p in service.state.present()), shown

        recomposed: list[int] = []
        recompose = view.recompose

        async def counted() -> None:
            recomposed.append(1)
            await recompose()

        view.recompose = counted  # type: ignore[method-assign]
        service.timer_start()
        view.refresh_view()
        view.refresh_view()  # another change before the tables are composed
        await pilot.pause()
        await pilot.pause()
        assert recomposed == [1], "composed once, with the data of its time"
        assert view.has_class("-seated") and _parts(view) == {"tables"}
        cards = str(view.query_one(SeatingView).render())
        tables = service.state.seating_plan.tables(1)
        assert all(f"Bord {table.number} " in cards for table in tables), cards
        assert cards.count("╭") == len(tables), "a card per table"
        timer = view.query_one(RoundTimer)
        assert timer.phase is TimerPhase.RUNNING and timer.has_class("-running")


async def test_a_small_meeting_composes_the_circle_alone(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m", registered=7, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round"))
    service.timer_start()
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(CafeRoundView)
        assert view.has_class("-circle") and _parts(view) == {"circle"}
        order = str(view.query_one("#circle-order").render())
        assert all(p.name in order for p in service.state.present())
        assert not view.query(".legend"), "the legend explains table cards, which it has none of"


@pytest.mark.parametrize(("size", "columns"), [((120, 40), 3), ((80, 24), 2)])
async def test_the_rotation_list_has_as_many_columns_as_fit(
    tmp_path: Path, size: tuple[int, int], columns: int
) -> None:
    service, clock = meeting(tmp_path / "m", registered=24, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round", 2))
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rotation = app.screen.query_one(RotationView)
        lines = str(rotation.render()).splitlines()
        assert max(line.count("→ bord") for line in lines) == columns, lines
        assert sum(line.count("→ bord") for line in lines) == 24, "nobody is cut off"
        assert all(len(line) <= rotation.size.width for line in lines)


async def test_the_next_step_right_after_the_timer_starts_is_not_a_crash(tmp_path: Path) -> None:
    """The tables are composed a moment after the timer starts; a co-host who presses n in
    that moment gets the next step, and the old view composes nothing."""
    service, clock = meeting(tmp_path / "m", registered=24, present=True)
    meeting_seating.plan_now(service, 1)
    round_one = step_index(service, "cafe_round")
    service.start_step(round_one)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(CafeRoundView)
        service.timer_start()
        view.refresh_view()  # the tables are due
        service.start_step(round_one + 1)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(CafeRoundView) is not view
        assert not view.is_attached
        assert service.state.current_step == round_one + 1


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_capturing_a_circles_ideas_speaks_of_the_circle_not_tables(
    tmp_path: Path, lang: str
) -> None:
    """Seven people in one circle: the capture screen said "the table hosts retell",
    showed an empty TABLE box with "○" and grouped the ideas under "the circle / unknown
    table"."""
    service, clock = meeting(tmp_path / "m", registered=7, present=True)
    service.start_step(step_index(service, "cafe_round"))
    service.capture_idea("Fika i bygdegården varje tisdag", round=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        heading = str(screen.query_one("#capture-heading", Label).render())
        assert heading == t("tui.capture.heading_circle", round=1, count=1)
        assert not screen.query_one("#table-box").display
        shown = screen.query_one("#capture-ideas").get_option_at_index(0).prompt
        assert str(shown) == t("tui.ideas.circle")
        hint = str(screen.query_one("#capture-hint", Label).render())
        assert hint == t("tui.capture.hint_circle")

        await pilot.press(*"Bokcirkel")
        await pilot.press("enter")
        await pilot.pause()
        assert [i.text for i in service.state.visible_ideas()][-1] == "Bokcirkel"


async def test_a_number_typed_in_a_circle_is_not_glued_onto_the_next_idea(tmp_path: Path) -> None:
    """Habit from table meetings: "3" and Enter. The number stayed in the field, and the
    next idea, typed with eyes on the paper, was stored as "3Läsecirkel"."""
    service, clock = meeting(tmp_path / "m", registered=7, present=True)
    service.start_step(step_index(service, "cafe_round"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#capture-error", Label).render())
        assert error == t("tui.capture.circle_no_tables")
        assert app.screen.query_one("#capture-text", Input).value == ""
        await pilot.press(*"Läsecirkel", "enter")
        await pilot.pause()
    assert [(i.text, i.table) for i in service.state.visible_ideas()] == [("Läsecirkel", 0)]


async def test_two_leaving_mid_round_does_not_turn_the_laptop_s_tables_into_a_circle(
    tmp_path: Path,
) -> None:
    """Ten at tables, two go home during round 1: the laptop's capture went by the people
    present (eight: a circle) and filed a table's paper list under "the circle", while the
    phones still filed by the seating plan's tables. Both now go by the plan."""
    service, clock = five_minutes_into_round_1(tmp_path / "m", registered=10)
    leaving = sorted(service.state.participants)[:2]
    for person in leaving:
        service.set_present(person, False)
    assert not service.circle_mode and not service.sits_in_circle, "tables stay tables"
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#table-box").display, "tables to choose, as planned"
        await pilot.press("2", "enter", *"Läxhjälp", "enter")
        await pilot.pause()
    assert [(i.text, i.table) for i in service.state.visible_ideas()] == [("Läxhjälp", 2)]


async def test_late_arrivals_in_a_circle_keep_the_ideas_under_the_circle(tmp_path: Path) -> None:
    """Eight in a circle, three arrive during round 1: the laptop's list headed the typed
    ideas "no table given" as if the meeting sat at tables."""
    service, clock = meeting(tmp_path / "m", registered=8, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round"))
    service.add_participants([PersonInput(f"Sen Ankomst {n}", present=True) for n in range(3)])
    assert not service.circle_mode and service.sits_in_circle
    service.capture_idea("Bokcirkel", round=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        shown = app.screen.query_one("#capture-ideas").get_option_at_index(0).prompt
        assert str(shown) == t("tui.ideas.circle")


async def test_namesakes_in_the_rotation_and_at_the_tables_are_told_apart(
    tmp_path: Path,
) -> None:
    """The English rotation list said "Emma Berg → table 1" and "Emma Berg → table 2":
    the two (of two organisations) get theirs in brackets, nobody else does."""
    service, clock = meeting(tmp_path / "m", registered=10, present=True, agenda="idea-meeting.en")
    service.add_participants(
        [
            PersonInput("Emma Berg", "Hageby municipality", present=True),
            PersonInput("Emma Berg", "Red Cross", present=True),
        ]
    )
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(CafeRoundView)
        emmas = [line for line in view.query_one(RotationView).texts() if "Emma" in line]
        assert len(emmas) == 2, emmas
        assert {line.split(" → ")[0].lstrip("★☆ ") for line in emmas} == {
            "Emma Berg (Hageby municipality)",
            "Emma Berg (Red Cross)",
        }, emmas
        others = [line for line in view.query_one(RotationView).texts() if "Emma" not in line]
        assert others and not any("(" in line.split(" → ")[0] for line in others), others
        service.timer_start()
        view.refresh_view()
        await pilot.pause(0.3)
        seated = view.query_one(SeatingView).names
        assert sorted(n for n in seated.values() if n.startswith("Emma")) == [
            "Emma Berg (Hageby municipality)",
            "Emma Berg (Red Cross)",
        ]
