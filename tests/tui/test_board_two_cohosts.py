"""The laptop's idea board while the other co-host changes the same lists on the console.

Audit J S2: the console's "Öppna en anmälningslista" opens; the laptop's ``l`` toggled.
Two co-hosts opening the same new list 0.2 s apart closed it, and nobody was told. The
console's change goes through the service here, as the console's does, between keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.core.service import MeetingService
from cafe.tui.app import CafeApp
from cafe.tui.screens.board_screen import BoardScreen
from cafe.tui.widgets.theme_list import ThemeList
from tests.tui.helpers import FakePhoneServer, meeting, press_quickly


async def _theme_list(pilot, theme_id: str) -> BoardScreen:
    """The board (t), its theme list focused on ``theme_id``."""
    await pilot.press("t")
    await pilot.pause()
    board = pilot.app.screen
    assert isinstance(board, BoardScreen)
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
