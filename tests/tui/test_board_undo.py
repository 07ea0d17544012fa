"""The idea board under pressure: keys act on the focused pane only, moving several ideas
out of their themes asks first, and Ctrl+Z undoes every kind of change, newest first."""

from __future__ import annotations

from pathlib import Path

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
