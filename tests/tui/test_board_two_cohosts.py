"""The laptop's idea board while the other co-host changes the same lists on the console.

Audit J S2: the console's "Öppna en anmälningslista" opens; the laptop's ``l`` toggled.
Two co-hosts opening the same new list 0.2 s apart closed it, and nobody was told. The
console's change goes through the service here, as the console's does, between keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label

from cafe.core.service import MeetingService
from cafe.tui.app import CafeApp
from cafe.tui.screens.board_screen import BoardScreen
from cafe.tui.screens.choice_modal import ChoiceModal
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.theme_list import ThemeList
from tests.tui.helpers import FakePhoneServer, meeting, press_quickly


async def _board(pilot, marked: set[str] | frozenset[str] = frozenset()) -> BoardScreen:
    """The board (t), with ``marked`` ideas marked as x would mark them."""
    await pilot.press("t")
    await pilot.pause()
    board = pilot.app.screen
    assert isinstance(board, BoardScreen)
    board.marked = set(marked)
    return board


async def _theme_list(pilot, theme_id: str) -> BoardScreen:
    """The board (t), its theme list focused on ``theme_id``."""
    board = await _board(pilot)
    themes = board.query_one(ThemeList)
    themes.focus()
    themes.highlighted = themes.get_option_index(theme_id)
    await pilot.pause()
    return board


def _said(app: CafeApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _two_themes(service: MeetingService, *, open_list: bool) -> str:
    service.create_theme("Mötesplatser och fika", signup=True)
    return service.create_theme("Besöksvänner och telefonvänner", signup=open_list).id


@pytest.mark.parametrize("drawn", [True, False], ids=["row-redrawn", "key-first"])
async def test_l_after_the_cohost_opened_the_list_leaves_it_open_and_says_so(
    tmp_path: Path, drawn: bool
) -> None:
    """Whether or not the row had been redrawn with the co-host's list before A's l was
    read (``drawn``), the list stays open, the laptop says the co-host opened it, and
    the next l closes it: A asked, knowing."""
    service, clock = meeting(tmp_path / "m")
    theme = _two_themes(service, open_list=False)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _theme_list(pilot, theme)
        service.set_theme_signup(theme, True, by="console")  # B taps "Öppna …"
        if drawn:
            await pilot.pause()
        await pilot.press("l")  # A, who saw no list, opens it too
        await pilot.pause()
        assert service.state.themes[theme].signup, "two who open a list leave it open"
        told = {
            "Listan för ”Besöksvänner och telefonvänner” är redan öppen – medvärden öppnade den.",
            "Medvärden har öppnat listan för ”Besöksvänner och telefonvänner” på konsolen, "
            "så den är kvar öppen. Tryck l igen för att stänga den.",
        }
        assert told & set(_said(app)), _said(app)
        if drawn:
            assert "Tryck l igen" in _said(app)[-1], "the row showed it open: l meant close"

        await pilot.press("l")
        await pilot.pause()
        assert not service.state.themes[theme].signup, "asked again: closed"
        assert not told & set(_said(app)), "the word that it was left open went with it"
        await pilot.pause()
        shown = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert not any("Tryck l igen" in text for text in shown), "and left the screen"


async def test_l_after_the_cohost_closed_the_list_leaves_it_closed(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    theme = _two_themes(service, open_list=True)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _theme_list(pilot, theme)
        service.set_theme_signup(theme, False, by="console")
        await press_quickly(pilot, "l")
        assert not service.state.themes[theme].signup, "two who close a list leave it closed"
        assert any("medvärden stängde den" in s or "Medvärden har stängt" in s for s in _said(app))


async def test_l_twice_at_the_laptop_opens_and_closes_without_a_word_of_the_cohost(
    tmp_path: Path,
) -> None:
    """The laptop's own l is no co-host's: l l in a hurry opens, then closes."""
    service, clock = meeting(tmp_path / "m")
    theme = _two_themes(service, open_list=False)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _theme_list(pilot, theme)
        await press_quickly(pilot, "l", "l")
        assert not service.state.themes[theme].signup
        assert [e.data["signup"] for e in service.events()[-2:]] == [True, False]
        assert not any("edvärden" in s for s in _said(app))


@pytest.mark.parametrize("key", ["g", "o"])
async def test_an_idea_the_cohost_moved_while_a_dialog_was_open_stays_where_they_put_it(
    tmp_path: Path, key: str
) -> None:
    """Audit J M5: A marked four ideas and pressed g; while A typed the name, B moved one
    of them to "Besöksvänner" on the console. A's Enter took it back, and neither knew."""
    service, clock = meeting(tmp_path / "m")
    visits = service.create_theme("Besöksvänner").id
    ideas = service.capture_ideas(
        ["Anhöriga behöver avlösning", "Anhörigcafé", "Besök hos anhöriga", "Stöd i vården"],
        table=1,
    )
    target = service.create_theme("Anhöriga").id if key == "o" else ""
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _board(pilot, {i.id for i in ideas})
        await pilot.press(key)
        await pilot.pause()
        service.set_idea_theme(ideas[2].id, visits)  # B, on the console, meanwhile
        if key == "g":
            await press_quickly(pilot, *"Anhöriga")
            await pilot.press("enter")
        else:
            modal = app.screen
            assert isinstance(modal, ChoiceModal)
            modal.dismiss(target)
        await pilot.pause()
        theme = target or next(th.id for th in service.state.live_themes() if th.name == "Anhöriga")
        themed = {i.id for i in service.state.visible_ideas() if i.theme == theme}
        assert themed == {ideas[0].id, ideas[1].id, ideas[3].id}
        assert service.state.ideas[ideas[2].id].theme == visits, "where the co-host put it"
        assert any("den andra skärmen" in said for said in _said(app)), _said(app)


async def test_a_merge_leaves_out_what_the_cohost_hid_and_its_undo_leaves_it_hidden(
    tmp_path: Path,
) -> None:
    """A marked three ideas and pressed m; while A edited the wording, B hid one on the
    console. The merge took the hidden one too, and Ctrl+Z then brought it back on the
    board, undoing B's hide."""
    service, clock = meeting(tmp_path / "m")
    a, b, c = service.capture_ideas(["Fika ihop", "Fika varje dag", "Fika med grannar"], table=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        board = await _board(pilot, {b.id, c.id})
        board.query_one(IdeaList).highlighted = board.query_one(IdeaList).get_option_index(a.id)
        await pilot.press("m")
        await pilot.pause()
        service.delete_idea(c.id, by="console")  # B, meanwhile
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.ideas[b.id].merged_into == a.id
        assert service.state.ideas[c.id].deleted and not service.state.ideas[c.id].merged_into
        said = _said(app)
        assert "1 idé är ihopslagen med ”Fika ihop”. Ctrl+Z ångrar." in said, said
        assert any("den andra skärmen" in s for s in said), said
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.ideas[b.id].visible
        assert not service.state.ideas[c.id].visible, "the co-host's hide stands"


async def test_a_marked_idea_the_cohost_hid_is_unmarked_and_said(tmp_path: Path) -> None:
    """A's marks dropped without a word when B hid or merged a marked idea: "marked: 3"
    became "marked: 2" and A's g made a theme of two."""
    service, clock = meeting(tmp_path / "m")
    a, b, c = service.capture_ideas(["Fika ihop", "Fika varje dag", "Fika med grannar"], table=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        board = await _board(pilot, {a.id, b.id, c.id})
        service.delete_idea(c.id, by="console")  # B
        await pilot.pause()
        assert board.marked == {a.id, b.id}
        said = _said(app)
        assert any("inte längre markerad" in s for s in said), said
        service.delete_idea(a.id, by="console")
        service.restore_idea(a.id)  # hidden and back before the laptop redrew: still marked
        await pilot.pause()
        assert board.marked == {a.id, b.id}
        assert sum("inte längre markerad" in s for s in _said(app)) == 1


async def test_a_marked_idea_hidden_at_the_laptop_itself_says_nothing_of_the_cohost(
    tmp_path: Path,
) -> None:
    service, clock = meeting(tmp_path / "m")
    a, b = service.capture_ideas(["Fika ihop", "Fika varje dag"], table=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        board = await _board(pilot, {a.id, b.id})
        service.delete_idea(b.id)  # at the laptop (by="tui")
        await pilot.pause()
        assert board.marked == {a.id}
        assert not any("andra skärmen" in s for s in _said(app)), _said(app)


async def test_a_rename_at_the_laptop_does_not_overwrite_the_cohosts_unseen(
    tmp_path: Path,
) -> None:
    """A opened Rename; meanwhile B renamed the theme on the console. A's Enter replaced
    B's name unseen: the console refused the same race, the laptop did not."""
    service, clock = meeting(tmp_path / "m")
    theme = _two_themes(service, open_list=False)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await _theme_list(pilot, theme)
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#prompt-input", Input)
        service.rename_theme(theme, "Besöksvänner")  # B, on the console
        field.value = "Vänner som hälsar på"
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.themes[theme].name == "Besöksvänner", "B's name stands"
        error = str(app.screen.query_one("#prompt-error", Label).render())
        assert "”Besöksvänner”" in error and "Enter igen" in error, error
        assert field.value == "Vänner som hälsar på", "what A typed is kept"
        await pilot.press("enter")  # A, having read it
        await pilot.pause()
        assert service.state.themes[theme].name == "Vänner som hälsar på"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.themes[theme].name == "Besöksvänner", "undo gives B's name back"


async def test_an_edit_at_the_laptop_does_not_overwrite_the_cohosts_correction_unseen(
    tmp_path: Path,
) -> None:
    service, clock = meeting(tmp_path / "m")
    (idea,) = service.capture_ideas(["Fika varje dag"], table=2)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        board = await _board(pilot)
        board.query_one(IdeaList).highlighted = board.query_one(IdeaList).get_option_index(idea.id)
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#idea-text", Input)
        service.edit_idea(idea.id, text="Fika varje vardag", seen="Fika varje dag")  # B
        field.value = "Fika varje dag kl 10"
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.ideas[idea.id].text == "Fika varje vardag"
        error = str(app.screen.query_one("#idea-error", Label).render())
        assert "”Fika varje vardag”" in error and "Enter igen" in error, error
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.ideas[idea.id].text == "Fika varje dag kl 10"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.ideas[idea.id].text == "Fika varje vardag", "undo gives B's back"
