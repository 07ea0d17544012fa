"""Whole meetings walked with the keyboard against a real meeting folder (Pilot).

The thirty-person meeting is walked in two halves that meet at round 2 (the second half
starts from the same state built through the service). Each test asserts on the stored
meeting (the domain state, and what a reopened folder holds) and on what the screen
shows the room.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList, Static

from cafe.core import meeting_seating as seating
from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.core.timer import TimerPhase
from cafe.storage.folder import open_meeting
from cafe.tui.app import CafeApp
from cafe.tui.screens.confirm_modal import ConfirmModal
from cafe.tui.screens.meeting_screen import MeetingScreen
from cafe.tui.widgets.agenda_rail import AgendaRail
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.people_table import PeopleTable
from cafe.tui.widgets.round_timer import RoundTimer
from cafe.tui.widgets.step_panel import StepPanel
from cafe.tui.widgets.step_view import StepView
from tests.tui.helpers import (
    PHONE_URL,
    FakePhoneServer,
    meeting,
    press_quickly,
    step_index,
    type_text,
)

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""


def text_of(widget: Static) -> str:
    """What the widget says, as plain text (a string or a Rich renderable such as a Group)."""
    console = Console(width=200, file=io.StringIO(), record=True)
    console.print(widget.content, markup=False, highlight=False)
    return console.export_text()


def view(app: CafeApp) -> StepView:
    found = app.screen.query_one(StepPanel).view
    assert found is not None
    return found


async def tick(pilot: Pilot, app: CafeApp) -> None:
    """Let the screen redraw from the (fake) clock, as its 0.25 s interval would."""
    await pilot.pause()
    screen = app.get_screen_stack("meeting")[0]
    assert isinstance(screen, MeetingScreen)
    screen.tick()
    await pilot.pause()


async def go_to(pilot: Pilot, app: CafeApp, index: int) -> None:
    """Press n until the meeting is at step ``index``."""
    while app.service.state.current_step < index:
        await pilot.press("n")
        await pilot.pause()
        if isinstance(app.screen, ConfirmModal):  # the step's time runs: leave it early
            await pilot.click("#yes")
            await pilot.pause()


async def test_thirty_people_arrive_sit_and_send_ideas(meeting_dir: Path) -> None:
    """The first half of a whole meeting: the door, opening, presentations, round 1 with
    its timer and capture, and round 2's late arrivals. It ran as one test with the second
    half (below) and took two minutes on a busy machine, longer than any other test; split,
    the two halves run side by side on the two workers."""
    service, clock = meeting(meeting_dir, registered=26)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        # -- the door: 26 registered people arrive, 2 more are added on the spot ---------
        await pilot.press("d")
        await pilot.pause()
        assert app.current_mode == "door"
        await pilot.press("down")  # from the name field into the list
        await press_quickly(pilot, *["enter", "down"] * 26)  # down the list, checking in
        await pilot.pause()
        assert len(service.state.present()) == 26
        await pilot.press("f2")
        for name, org, sector in (
            ("Zeynep Ek", "PRO", "förening"),
            ("Oskar Lind", "Kommunen", "kommun"),
        ):
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, org)
            await pilot.press("enter")
            await type_text(pilot, sector)
            await pilot.press("enter")
            await pilot.pause()
        assert len(service.state.present()) == 28
        oskar = next(p for p in service.state.participants.values() if p.name == "Oskar Lind")
        assert (oskar.organisation, oskar.sector.value, oskar.present) == (
            "Kommunen",
            "public",
            True,
        )
        assert "28" in text_of(app.screen.query_one("#head-count", Label))
        # typing a name filters the list: find a registered person in a few keys
        await type_text(pilot, "oskar")
        await pilot.pause()
        assert [p.name for p in app.screen.query_one(PeopleTable).visible_people()] == [
            "Oskar Lind"
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "meeting"
        assert not service.circle_mode

        # -- opening and purpose: the challenge large, notes hidden until h --------------
        await pilot.press("n")
        await pilot.pause()
        assert service.state.current_step == 0
        assert "ensamhet bland äldre" in text_of(view(app).query_one(".challenge", Static))
        notes = view(app).query_one(".notes", Static)
        assert app.screen.has_class("-notes-hidden")
        assert notes.styles.display == "none", "the notes are hidden from a mirrored screen"
        await pilot.press("h")
        await pilot.pause()
        assert not app.screen.has_class("-notes-hidden")
        assert notes.styles.display != "none", "h shows them to the co-hosts"

        # -- presentation round: speaking order by table, ticked off --------------------------
        await go_to(pilot, app, step_index(service, "presentation_round"))
        assert service.state.seating is not None and service.state.seating["mode"] == "tables"
        await pilot.press("k", "k", "k")
        await pilot.pause()
        assert len(service.state.spoken) == 3
        speakers = view(app).query_one("#speakers", OptionList)
        shown = [str(speakers.get_option_at_index(i).prompt) for i in range(speakers.option_count)]
        assert sum(line.startswith("✓") for line in shown) == 3
        assert any(line.startswith("Bord 1") for line in shown)

        # -- round 1: rotation screen, then the timer with its warnings -------------------------
        round_one = step_index(service, "cafe_round", 1)
        await go_to(pilot, app, round_one)
        assert view(app).has_class("-rotation")
        plan = service.state.seating_plan
        present_ids = {p.id for p in service.state.present()}
        assert plan.people(1) == present_ids
        hosts_round_one = plan.hosts(1)
        await pilot.press("space")
        await tick(pilot, app)
        assert view(app).has_class("-seated")
        timer_widget = view(app).query_one(RoundTimer)
        assert timer_widget.phase is TimerPhase.RUNNING
        planned = service.agenda.steps[round_one].minutes * 60
        clock.advance(planned - 150)
        await tick(pilot, app)
        clock.advance(40)
        await tick(pilot, app)
        assert timer_widget.phase is TimerPhase.WARNING and timer_widget.has_class("-warning")
        assert timer_widget.bells == 1
        await pilot.press("plus")
        await tick(pilot, app)
        assert round(service.timer().remaining(clock.now())) == 110 + 60
        clock.advance(200)
        await tick(pilot, app)
        assert timer_widget.phase is TimerPhase.OVERTIME and timer_widget.has_class("-overtime")
        assert timer_widget.bells == 2
        assert (
            AgendaRail is not None
            and app.screen.query_one(AgendaRail).rows[round_one].status == "current"
        )

        # -- capture: table + text, Enter, next; undo; a phone idea appears live -----------------
        await pilot.press("i")
        await pilot.pause()
        assert app.current_mode == "capture"
        await type_text(pilot, "2")  # the table first, as the hint says: number, Enter
        await pilot.press("enter")
        for idea in ("Fler träffar", "Besöksvän", "Fel"):
            await type_text(pilot, idea)
            await pilot.press("enter")
        await pilot.pause()
        assert [i.text for i in service.state.visible_ideas()] == [
            "Fler träffar",
            "Besöksvän",
            "Fel",
        ]
        assert {i.table for i in service.state.visible_ideas()} == {2}
        assert app.screen.table == 2
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(service.state.visible_ideas()) == 2
        service.capture_idea("Promenader (mobil)", table=4, source="phone")
        await pilot.pause()
        listed = app.screen.query_one(IdeaList)
        texts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any("Promenader" in line and "☎" in line for line in texts)
        # edit the phone idea (one down from the last typed one) with F2
        await pilot.press("down")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " ute")
        await pilot.press("enter")
        await pilot.pause()
        edited = [i.text for i in service.state.visible_ideas() if i.table == 4]
        assert edited == ["Promenader (mobil) ute"]
        await pilot.press("escape")
        await pilot.pause()

        # -- round 2: rotation; two late arrivals re-seated without moving hosts ----------------
        await go_to(pilot, app, step_index(service, "cafe_round", 2))
        assert view(app).has_class("-rotation")
        for name in ("Sen Ek", "Sist Ek"):
            await pilot.press("a")
            await pilot.pause()
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, "PRO")
            await pilot.press("enter")
            await type_text(pilot, "civil")
            await pilot.press("enter")
            await pilot.pause()
        assert len(service.state.present()) == 30
        await pilot.press("r")
        await pilot.pause()
        plan = service.state.seating_plan
        assert plan.people(2) == {p.id for p in service.state.present()}
        assert plan.people(1) == present_ids, "round 1 is history"
        hosts_round_two = plan.hosts(2)
        assert all(hosts_round_two.get(no) == host for no, host in hosts_round_one.items()), (
            hosts_round_one,
            hosts_round_two,
        )
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "sen e")
        await pilot.pause()
        where = text_of(app.screen.query_one("#where-result", Static))
        assert "Sen Ek" in where and "2" in where
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+q")

    reopened = open_meeting(meeting_dir, clock=clock)
    assert reopened.state.current_step == step_index(service, "cafe_round", 2)
    assert len(reopened.state.present()) == 30
    assert reopened.state.seating_plan.people(2) == {p.id for p in reopened.state.present()}
    assert [i.text for i in reopened.state.visible_ideas()] == [
        "Fler träffar",
        "Besöksvän",
        "Promenader (mobil) ute",
    ]


def at_round_one(folder: Path) -> tuple[MeetingService, FakeClock]:
    """Where the first half of the walk leaves the meeting, built through the service: 30
    people present and seated, round 1 run, with two typed ideas and one from a phone."""
    service, clock = meeting(folder, registered=30, present=True)
    round_one = step_index(service, "cafe_round", 1)
    for index in range(round_one):
        service.start_step(index)
    seating.plan_now(service, 1)
    service.start_step(round_one)
    service.timer_start()
    clock.advance(service.agenda.steps[round_one].minutes * 60)
    service.capture_idea("Fler träffar", table=2)
    service.capture_idea("Besöksvän", table=2)
    service.capture_idea("Promenader (mobil) ute", table=4, source="phone")
    return service, clock


async def test_thirty_people_harvest_sign_up_and_close(meeting_dir: Path) -> None:
    """The second half of a whole meeting (the first is the test above): rounds 2 to 4,
    the idea board, sign-up, check-out and closing, all with the keyboard."""
    service, clock = at_round_one(meeting_dir)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        # -- rounds 2 to 4 run and each gets an idea -------------------------------------------
        for number in (2, 3, 4):
            await go_to(pilot, app, step_index(service, "cafe_round", number))
            await pilot.press("space")
            clock.advance(60 * 20)
            await tick(pilot, app)
            await pilot.press("i")
            await pilot.pause()
            await type_text(pilot, f"Idé {number}")
            await pilot.press("enter")
            await pilot.pause()
            assert "Välj bord först" in text_of(app.screen.query_one("#capture-error", Label))
            app.screen.query_one("#capture-text", Input).value = ""
            await type_text(pilot, "1")  # each round starts with no table chosen
            await pilot.press("enter")
            await type_text(pilot, f"Idé {number}")
            await pilot.press("enter")
            await pilot.press("escape")
            await pilot.pause()
        rounds = sorted({i.round for i in service.state.visible_ideas()})
        assert rounds == [1, 2, 3, 4]

        # -- harvest and idea board: merge duplicates, themes, sign-up lists --------------------
        await go_to(pilot, app, step_index(service, "harvest"))
        await pilot.press("t")
        await pilot.pause()
        assert app.current_mode == "board"
        ideas = app.screen.query_one(IdeaList)
        first = ideas.current_id
        await pilot.press("x")  # mark the first idea, the cursor moves on
        await pilot.pause()
        await pilot.press("m")  # merge the marked one into the highlighted one
        await pilot.pause()
        await pilot.press("enter")  # keep the wording
        await pilot.pause()
        merged = service.state.ideas[first]
        assert merged.merged_into
        await pilot.press("x")
        await pilot.press("g")
        await pilot.pause()
        await type_text(pilot, "Mötesplatser")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("x", "x")
        await pilot.press("g")
        await pilot.pause()
        await type_text(pilot, "Besök")
        await pilot.press("enter")
        await pilot.pause()
        themes = {th.name: th for th in service.state.live_themes()}
        assert set(themes) == {"Mötesplatser", "Besök"}
        await pilot.press("tab")  # to the theme list
        await pilot.pause()
        await pilot.press("l")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " mm")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "l")
        await pilot.pause()
        themes = {th.name: th for th in service.state.live_themes()}
        assert set(themes) == {"Mötesplatser mm", "Besök"}
        assert all(th.signup for th in themes.values())
        assert sum(1 for i in service.state.visible_ideas() if i.theme) == 3
        await pilot.press("escape")
        await pilot.pause()

        # -- sign-up: lists live, the QR code, a manual sign-up ---------------------------------
        await go_to(pilot, app, step_index(service, "signup"))
        assert view(app).query_one("#qr").url == PHONE_URL
        service.sign_up(name="Åsa Öberg", themes=[themes["Besök"].id], source="phone")
        await pilot.press("u")
        await pilot.pause()
        await type_text(pilot, "Per Ek")
        await pilot.press("tab")
        await type_text(pilot, "Kommun")
        await pilot.press("tab", "space")  # first theme in the list
        await pilot.press("shift+tab", "shift+tab")
        await pilot.press("enter")
        await pilot.pause()
        assert {s.name for s in service.state.live_signups()} == {"Åsa Öberg", "Per Ek"}
        lists = text_of(view(app).query_one("#signup-lists", Static))
        assert "Åsa Öberg" in lists and "Per Ek (Kommun)" in lists

        # -- check-out: typed thoughts -------------------------------------------------------
        await go_to(pilot, app, step_index(service, "checkout"))
        await pilot.press("i")
        await type_text(pilot, "Hopp")
        await pilot.press("tab")
        await type_text(pilot, "Kim")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        service.note_checkout("Tack för i dag", source="phone")
        await pilot.pause()
        notes_shown = text_of(view(app).query_one("#checkout-notes", Static))
        assert "“Hopp” — Kim" in notes_shown and "Tack för i dag" in notes_shown

        # -- closing: the numbers and the report command ------------------------------------
        await go_to(pilot, app, step_index(service, "closing"))
        figures = text_of(view(app).query_one("#closing-numbers", Static))
        assert "30 deltagare" in figures
        assert f"{len(service.state.visible_ideas())} idéer" in figures
        assert "2 teman" in figures and "2 har skrivit upp sig" in figures
        assert "cafe report" in text_of(view(app).query_one("#closing-command", Static))
        await pilot.press("ctrl+q")

    reopened = open_meeting(meeting_dir, clock=clock)
    assert reopened.state.current_step == step_index(service, "closing")
    assert len(reopened.state.present()) == 30
    assert len(reopened.state.visible_ideas()) == len(service.state.visible_ideas())
    assert len(reopened.state.checkout) == 2


async def test_seven_people_sit_in_one_circle(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir, registered=7, present=True)
    app = CafeApp(service, clock=clock, server=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert service.circle_mode
        assert "en ring" in text_of(view(app).query_one("#welcome-count", Static))
        await go_to(pilot, app, step_index(service, "presentation_round"))
        assert service.state.seating == {
            "mode": "circle",
            "order": service.state.seating["order"],
        }
        assert sorted(service.state.seating["order"]) == sorted(service.state.participants)
        for _ in range(7):
            await pilot.press("k")
        await pilot.pause()
        assert len(service.state.spoken) == 7
        assert "Alla har presenterat sig" in text_of(view(app).query_one("#speaker-now", Label))
        for number in (1, 2, 3, 4):
            await go_to(pilot, app, step_index(service, "cafe_round", number))
            assert view(app).has_class("-circle"), "no tables, no rotation"
            question = service.agenda.steps[service.state.current_step].question
            assert question in text_of(view(app).query_one(".question", Static))
            await pilot.press("space")
            clock.advance(60 * 20)
            await tick(pilot, app)
            await pilot.press("i")
            await pilot.pause()
            assert app.screen.table == 0, "the circle: no table to choose"
            await type_text(pilot, f"Tanke {number}")
            await pilot.press("enter")
            await pilot.press("escape")
            await pilot.pause()
        assert [(i.round, i.table) for i in service.state.visible_ideas()] == [
            (1, 0),
            (2, 0),
            (3, 0),
            (4, 0),
        ]
        await go_to(pilot, app, step_index(service, "signup"))
        assert "--no-server" in text_of(view(app).query_one("#qr-caption", Label))
        await go_to(pilot, app, step_index(service, "closing"))
        assert "7 deltagare" in text_of(view(app).query_one("#closing-numbers", Static))
