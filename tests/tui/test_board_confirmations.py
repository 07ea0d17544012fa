"""The board's questions before a list or a theme that people signed up for goes away.

From an audit of a 60-person harvest: one stray ``l`` closed a list with 8 sign-ups and it
left the projector without a word; deleting a theme asked in a line cut at 60 columns and
said nothing of the 6 people on its list; and "Ja" was drawn as the chosen button while
Enter pressed "Nej", so a co-host's Enter did nothing.
"""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets import Button, Static

from cafe.core.service import MeetingService
from cafe.tui.app import CafeApp
from cafe.tui.screens.board_screen import BoardScreen
from cafe.tui.screens.choice_modal import ChoiceModal
from cafe.tui.screens.confirm_modal import ConfirmModal
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.theme_list import ThemeList
from tests.tui.helpers import FakePhoneServer, meeting


def _signed_up_theme(service: MeetingService, name: str, people: int) -> str:
    theme = service.create_theme(name, signup=True)
    for n in range(people):
        service.sign_up(name=f"Person {n}", organisation=f"Förening {n}", themes=[theme.id])
    return theme.id


async def _theme_list(pilot) -> BoardScreen:
    """The board (t), its theme list focused."""
    await pilot.press("t")
    await pilot.pause()
    board = pilot.app.screen
    assert isinstance(board, BoardScreen)
    board.query_one(ThemeList).focus()
    return board


def _question(app: CafeApp) -> str:
    """The dialog's question as drawn, every line of it."""
    widget = app.screen.query_one(".question", Static)
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return " ".join("".join(s.text for s in strip).strip() for strip in strips)


async def test_closing_a_list_with_sign_ups_asks_and_enter_keeps_it(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    theme = _signed_up_theme(service, "Samverkan, lokaler och stöd", 8)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        board = await _theme_list(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal), "a list of 8 is not closed by one key"
        assert "8 personer har redan skrivit upp sig" in _question(app)
        chosen = app.screen.focused
        assert isinstance(chosen, Button) and chosen.id == "no"
        assert chosen.variant == "primary", "the button Enter presses is drawn as chosen"
        assert app.screen.query_one("#yes", Button).variant == "default"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is board and service.state.themes[theme].signup, "still open"

        await pilot.press("l")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not service.state.themes[theme].signup
        await pilot.press("l")  # opening a list asks nothing
        await pilot.pause()
        assert app.screen is board and service.state.themes[theme].signup


async def test_deleting_a_theme_names_the_people_on_its_list_in_full(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    theme = _signed_up_theme(service, "Drop-in och spontanidrott", 6)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        await _theme_list(pilot)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        shown = _question(app)
        assert "6 personer har skrivit upp sig" in shown
        assert shown.endswith("Idéerna blir kvar utan tema."), "cut at 60 columns before"
        await pilot.press("enter")
        await pilot.pause()
        assert not service.state.themes[theme].deleted, "Enter answers no to a deletion"


async def test_moving_ideas_out_of_their_themes_goes_on_with_enter(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    a, b = service.capture_ideas(["Mötesplats", "Fika"], table=1)
    service.create_theme("Mötesplatser", ideas=[a.id, b.id])
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        ideas = app.screen.query_one(IdeaList)
        ideas.focus()
        for idea in (a, b):
            ideas.show_idea(idea.id)
            await pilot.press("x")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        app.screen.dismiss("")  # "(no theme)"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.query_one("#yes", Button).variant == "primary"
        await pilot.press("enter")  # the question only makes sure: Enter goes on
        await pilot.pause()
        assert service.state.ideas[a.id].theme == "" == service.state.ideas[b.id].theme


async def test_left_and_right_move_between_yes_and_no(tmp_path: Path) -> None:
    """Audit J C3: in "Ta bort temat …? Ja / Nej" (Nej chosen), ← did nothing, so the
    co-host's ← Enter left the theme in place. ←/→ now move the choice, drawn as chosen."""
    service, clock = meeting(tmp_path / "m")
    theme = service.create_theme("Hälsa och rörelse").id
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        board = await _theme_list(pilot)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        yes, no = app.screen.query_one("#yes", Button), app.screen.query_one("#no", Button)
        assert app.screen.focused is no, "no is the answer Enter gives at first"
        await pilot.press("right")  # at the end: stays
        assert app.screen.focused is no
        await pilot.press("left")
        assert app.screen.focused is yes
        assert (yes.variant, no.variant) == ("primary", "default"), "drawn as chosen"
        await pilot.press("right")
        assert app.screen.focused is no and (yes.variant, no.variant) == ("default", "primary")
        await pilot.press("tab")
        assert app.screen.focused is yes, "Tab still moves too"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is board and service.state.themes[theme].deleted
