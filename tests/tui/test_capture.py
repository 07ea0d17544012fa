"""Capture under time pressure: the table first and always visible, never a number filed
as an idea, never an idea without a table while the meeting sits at tables; Ctrl+Z undoes
capture, edit and delete in reverse order and says what it undid."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Digits, Input, Label

from cafe.core import meeting_seating as seating
from cafe.tui.app import CafeApp
from cafe.tui.screens.capture_screen import CaptureScreen
from cafe.tui.widgets.idea_list import IdeaList
from tests.tui.helpers import FakePhoneServer, meeting, step_index, type_text


def _round_one(folder: Path):  # type: ignore[no-untyped-def]
    service, clock = meeting(folder, registered=24, present=True)
    seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round", 1))
    return service, clock


async def test_the_table_comes_first_and_a_number_is_never_an_idea(tmp_path: Path) -> None:
    service, clock = _round_one(tmp_path / "m")
    tables = list(service.state.seating_plan.table_numbers())
    assert len(tables) >= 5
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaptureScreen)
        assert screen.query_one("#capture-text", Input).has_focus
        assert str(screen.query_one("#table-digits", Digits).value) == "–", "none chosen yet"
        assert screen.has_class("-no-table")

        # An idea before a table is refused, and stays typed.
        await type_text(pilot, "Fler mötesplatser")
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.visible_ideas() == []
        assert "Välj bord först" in str(screen.query_one("#capture-error", Label).render())
        assert screen.query_one("#capture-text", Input).value == "Fler mötesplatser"
        screen.query_one("#capture-text", Input).value = ""

        # The guide's order: table, Enter, idea, Enter ...
        await type_text(pilot, "5")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.table == 5 and service.state.visible_ideas() == [], "5 is a table"
        assert str(screen.query_one("#table-digits", Digits).value) == "5"
        for text in ("Fler mötesplatser", "Besöksvänner"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await type_text(pilot, "2")
        await pilot.press("enter")
        await type_text(pilot, "Digital fika")
        await pilot.press("enter")
        await pilot.pause()
        assert [(i.text, i.table) for i in service.state.visible_ideas()] == [
            ("Fler mötesplatser", 5),
            ("Besöksvänner", 5),
            ("Digital fika", 2),
        ]

        # A table the plan has not got is refused with the valid ones named.
        await type_text(pilot, "99")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.table == 2
        assert "inget bord 99" in str(screen.query_one("#capture-error", Label).render())
        # The refused number is not put back: the next idea was typed onto it ("993 nya").
        assert screen.query_one("#capture-text", Input).value == ""
        await type_text(pilot, "3 nya gatlampor vid torget")
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.visible_ideas()[-1].text == "3 nya gatlampor vid torget"
        assert service.state.visible_ideas()[-1].table == 2

        # A phone's ideas keep their own table, whatever table is being typed.
        service.capture_ideas(["Promenadgrupp"], table=7, source="web")
        await pilot.pause()
        assert {i.text: i.table for i in service.state.visible_ideas()}["Promenadgrupp"] == 7
        assert screen.table == 2


async def test_undo_takes_back_capture_edit_and_delete_in_reverse_order(tmp_path: Path) -> None:
    service, clock = _round_one(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await type_text(pilot, "3")
        await pilot.press("enter")
        for text in ("Ett", "Två"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.pause()
        one, two = (i.id for i in service.state.visible_ideas())
        ideas = app.screen.query_one(IdeaList)

        ideas.show_idea(one)  # delete "Ett" (F8), then edit "Två" (F2) by mistake
        await pilot.press("f8")
        await pilot.pause()
        ideas.show_idea(two)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " fel")
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.ideas[two].text == "Två fel"

        await pilot.press("ctrl+z")  # the edit first
        await pilot.pause()
        assert service.state.ideas[two].text == "Två"
        assert service.state.ideas[one].deleted, "the delete is not undone before its turn"
        assert any("Ändringen är ångrad" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+z")  # then the delete
        await pilot.pause()
        assert not service.state.ideas[one].deleted
        await pilot.press("ctrl+z")  # then the captures, newest first
        await pilot.pause()
        assert service.state.ideas[two].deleted and not service.state.ideas[one].deleted


async def test_an_edit_in_capture_does_not_overwrite_the_cohosts_correction_unseen(
    tmp_path: Path,
) -> None:
    """F2 on an idea; the co-host corrected it on the console meanwhile. The first Enter
    says so and keeps what was typed; the second replaces it; Ctrl+Z gives theirs back."""
    service, clock = _round_one(tmp_path / "m")
    (idea,) = service.capture_ideas(["Läxhjälp på bibblan"], table=3)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one(IdeaList).show_idea(idea.id)
        await pilot.press("f2")
        await pilot.pause()
        service.edit_idea(idea.id, text="Läxhjälp på biblioteket", seen=idea.text)  # co-host
        await pilot.press("end")
        await type_text(pilot, " varje dag")
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.ideas[idea.id].text == "Läxhjälp på biblioteket"
        error = str(app.screen.query_one("#idea-error", Label).render())
        assert "”Läxhjälp på biblioteket”" in error, error
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.ideas[idea.id].text == "Läxhjälp på bibblan varje dag"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.ideas[idea.id].text == "Läxhjälp på biblioteket"
