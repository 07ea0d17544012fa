"""The idea board under pressure: keys act on the focused pane only, moving several ideas
out of their themes asks first, and Ctrl+Z undoes every kind of change, newest first."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from cafe.tui.app import CafeApp
from cafe.tui.screens.board_screen import BoardScreen
from cafe.tui.screens.choice_modal import ChoiceModal
from cafe.tui.screens.confirm_modal import ConfirmModal
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.theme_list import ThemeList
from tests.tui.helpers import FakePhoneServer, meeting, press_quickly, type_text


async def test_board_keys_focus_confirmation_and_undo_in_order(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    a, b, c = service.capture_ideas(["Mötesplats", "Fika", "Promenad"], table=1)
    places = service.create_theme("Mötesplatser", ideas=[a.id, b.id])
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        board = app.screen
        assert isinstance(board, BoardScreen)

        # With the theme list focused, g does nothing to the ideas: it says where to go.
        board.query_one(ThemeList).focus()
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is board, "no new-theme prompt from the theme pane"
        assert service.state.ideas[a.id].theme == places.id
        assert any("idélistan" in str(n.message) for n in app._notifications)

        # Two ideas out of their theme: asked first; "no" leaves them where they were.
        ideas = board.query_one(IdeaList)
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
        app.screen.dismiss(False)
        await pilot.pause()
        assert service.state.ideas[a.id].theme == places.id == service.state.ideas[b.id].theme

        # Now do it, then rename the theme, then undo both, newest first.
        await pilot.press("o")
        await pilot.pause()
        app.screen.dismiss("")
        await pilot.pause()
        app.screen.dismiss(True)
        await pilot.pause()
        assert service.state.ideas[a.id].theme == "" == service.state.ideas[b.id].theme
        service_theme = board.query_one(ThemeList)
        service_theme.focus()
        await pilot.press("e")
        await pilot.pause()
        await press_quickly(pilot, *["backspace"] * len("Mötesplatser"))
        await type_text(pilot, "Träffpunkter")
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.themes[places.id].name == "Träffpunkter"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.themes[places.id].name == "Mötesplatser", "the rename first"
        assert service.state.ideas[a.id].theme == "", "the move is not undone before its turn"
        assert any("namnbytet" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.ideas[a.id].theme == places.id == service.state.ideas[b.id].theme
        assert service.state.ideas[c.id].theme == ""

        # A theme deleted by mistake comes back with its ideas.
        await pilot.press("delete")
        await pilot.pause()
        app.screen.dismiss(True)
        await pilot.pause()
        assert [th.name for th in service.state.live_themes()] == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        [back] = service.state.live_themes()
        assert back.name == "Mötesplatser"
        assert {i.id for i in service.state.visible_ideas() if i.theme == back.id} == {a.id, b.id}


async def _move_at_the_laptop(pilot: Pilot, app: CafeApp, ideas: list[str], theme: str) -> None:
    """On the laptop's board: the ideas marked (one: just highlighted), o, the theme."""
    await pilot.press("t")
    await pilot.pause()
    listed = app.screen.query_one(IdeaList)
    listed.focus()
    for idea in ideas:
        listed.show_idea(idea)
        if len(ideas) > 1:
            await pilot.press("x")
    await pilot.press("o")
    await pilot.pause()
    app.screen.dismiss(theme)
    await pilot.pause()


async def test_ctrl_z_does_not_take_back_what_the_co_host_did_since(tmp_path: Path) -> None:
    """The laptop moved an idea to "Resor", the co-host's console then moved it on to
    "Mötesplatser": the laptop's Ctrl+Z (for its own slip) put it back without a theme,
    under the co-host's thumb and unsaid. Now the co-host's move stands and the laptop
    says so; an idea nobody touched since is still put back."""
    service, clock = meeting(tmp_path / "m")
    a, b = service.capture_ideas(["Besöksvänner", "Skjuts till träffen"], table=1)
    travel = service.create_theme("Resor")
    places = service.create_theme("Mötesplatser")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _move_at_the_laptop(pilot, app, [a.id, b.id], travel.id)
        assert service.state.ideas[a.id].theme == travel.id == service.state.ideas[b.id].theme

        service.set_idea_theme(a.id, places.id)  # the console's "Flytta" on the phone
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.ideas[a.id].theme == places.id, "the co-host's move stands"
        assert service.state.ideas[b.id].theme == "", "the laptop's own move is undone"
        said = [str(n.message) for n in app._notifications]
        assert any("1 idé har flyttats igen sedan dess" in s for s in said), said


async def test_ctrl_z_keeps_a_theme_name_the_co_host_gave_since(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    travel = service.create_theme("Resor")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one(ThemeList).focus()
        await pilot.press("e")
        await pilot.pause()
        await press_quickly(pilot, *["backspace"] * len("Resor"))
        await type_text(pilot, "Skjuts")
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.themes[travel.id].name == "Skjuts"
        service.rename_theme(travel.id, "Resor och skjuts")  # the console's "Byt namn"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.themes[travel.id].name == "Resor och skjuts"
        said = [str(n.message) for n in app._notifications]
        assert any("nytt namn sedan dess" in s for s in said), said


async def test_an_undo_with_nothing_left_to_take_back_does_not_say_undone(tmp_path: Path) -> None:
    """The co-host moved the one idea on: "Ångrat: flytten." beside "it stays" said the
    opposite of what happened."""
    service, clock = meeting(tmp_path / "m")
    [a] = service.capture_ideas(["Besöksvänner"], table=1)
    travel = service.create_theme("Resor")
    places = service.create_theme("Mötesplatser")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _move_at_the_laptop(pilot, app, [a.id], travel.id)
        service.set_idea_theme(a.id, places.id)  # the console
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.ideas[a.id].theme == places.id
        said = [str(n.message) for n in app._notifications]
        assert any("flyttats igen sedan dess" in s for s in said), said
        assert not any(s.startswith("Ångrat") for s in said), said
