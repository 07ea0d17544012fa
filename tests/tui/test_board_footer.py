"""The idea board's footer at 120 and 80 columns, in Swedish and English: every key shown
fits on the screen whole, help (?) is always there, and the keys listed are the keys of
what has the focus: the board's panes, the suggested themes or a duplicate pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.tui.app import CafeApp
from cafe.tui.screens.board_screen import BoardScreen
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.tui.widgets.suggestion_panel import SuggestionPanel
from tests.tui.helpers import FakePhoneServer, meeting

IDEAS = {
    "sv": [
        "Äta lunch tillsammans i skolans matsal",
        "Soppkök i kyrkan varje torsdag",
        "Gemensamma middagar i kvarteret",
        "Laga mat tillsammans i föreningens kök",
        "Hjälp med BankID och Swish",
        "Lära sig använda surfplatta",
        "Seniorsurf varje vecka",
        "Kurser i videosamtal med mobilen",
        "Dagis besöker äldreboendet",
        "Förskolan på besök hos de äldre",
    ],
    "en": [
        "Free football training on Friday nights",
        "Open the sports hall for basketball",
        "A skate park by the school",
        "Swimming lessons for teenagers",
        "More summer jobs for young people",
        "Help writing a CV",
        "Paid holiday jobs in the parks",
        "A job fair in the town centre",
        "Nursery children visit the care home",
        "Preschool visits to the care home",
    ],
}
AGENDA = {"sv": "idemote.sv", "en": "idea-meeting.en"}


def board_app(folder: Path, lang: str) -> CafeApp:
    """A meeting whose ideas make two suggested themes and one duplicate pair."""
    service, clock = meeting(folder, agenda=AGENDA[lang])
    service.capture_ideas(IDEAS[lang][:8], table=1)
    service.capture_ideas(IDEAS[lang][8:9], table=2)
    service.capture_ideas(IDEAS[lang][9:], table=3)
    return CafeApp(service, clock=clock, server=FakePhoneServer(), lang=lang)


async def open_suggestions(pilot) -> SuggestionPanel:
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BoardScreen)
    await pilot.press("s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen.query_one(SuggestionPanel)


def footer(app: CafeApp) -> dict[str, bool]:
    """Each key in the footer, and whether it is drawn whole inside the screen."""
    return {key.key: key.whole for key in app.screen.query_one(KeyFooter).placed_keys()}


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_footer_key_fits_and_lists_only_what_works_here(
    tmp_path: Path, lang: str, size: tuple[int, int]
) -> None:
    app = board_app(tmp_path / "m", lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        await settle(pilot)
        board = footer(app)
        assert all(board.values()), board
        assert {"question_mark", "escape", "x", "m", "s", "ctrl+z"} <= set(board), (
            "Esc, the way back to the meeting, was left out at 80 columns"
        )

        panel = await open_suggestions(pilot)
        await settle(pilot)
        themes = footer(app)
        assert all(themes.values()), themes
        assert {"question_mark", "escape", "enter", "d", "ctrl+z"} <= set(themes), themes
        assert "s" not in themes, "s shows the suggestions, and they are shown"
        assert "n" not in themes, "no pair is shown: n (next pair) does nothing"
        assert "m" not in themes and "x" not in themes and "g" not in themes, (
            "the idea pane's keys do nothing while the suggestions have the focus"
        )

        await pilot.press("d")
        await settle(pilot)
        assert panel.pair_index is not None and panel.suggestions.duplicates
        pair = footer(app)
        assert all(pair.values()), pair
        assert {"question_mark", "escape", "m", "n", "ctrl+z"} <= set(pair), pair
        assert not {"e", "o", "delete", "enter", "d"} & set(pair), (
            "rename, move out and reject act on a theme, not on a pair; Esc goes back"
        )

        await pilot.press("escape")
        await settle(pilot)
        assert panel.pair_index is None
        assert "enter" in footer(app) and "n" not in footer(app)


async def test_the_board_shows_its_secondary_keys_when_there_is_room(tmp_path: Path) -> None:
    app = board_app(tmp_path / "m", "sv")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("t")
        await settle(pilot)
        wide = footer(app)
        assert {"escape", "x", "m", "g", "o", "l", "ctrl+z", "s", "question_mark"} <= set(wide)
        assert all(wide.values()), wide
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert "o" not in footer(app) and "l" not in footer(app), "under ? at 120 columns"
        board = app.screen
        assert {"o", "l"} <= set(board._bindings.key_to_bindings), "still bound, listed under ?"


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_theme_list_shows_the_keys_for_a_theme(
    tmp_path: Path, lang: str, size: tuple[int, int]
) -> None:
    """In the theme list the footer said "x Mark  m Merge" (keys for the ideas) and never
    "l": the list's own keys are shown there, and they act on the highlighted theme."""
    app = board_app(tmp_path / "m", lang)
    service = app.service
    theme = service.create_theme("Mat och gemenskap", ideas=[])
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        keys = footer(app)
        assert all(keys.values()), keys
        assert {"l", "e", "escape", "question_mark"} <= set(keys), keys
        assert not {"x", "m", "o"} & set(keys), keys
        await pilot.press("l")
        await settle(pilot)
        assert service.state.themes[theme.id].signup, "l put a sign-up list on the theme"
        await pilot.press("shift+tab")
        await settle(pilot)
        assert {"x", "m"} <= set(footer(app)), "back in the ideas, their keys are back"
        await pilot.press("tab")
        await settle(pilot)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await settle(pilot)
        panel = app.screen.query_one(SuggestionPanel)
        assert panel.display, "s shows the suggestions from the theme list at every width"


async def test_the_title_of_the_list_the_keys_act_on_stands_out(tmp_path: Path) -> None:
    """ "e" renamed a theme or rewrote an idea depending on a focus nobody could see on a
    mirrored projector: the focused list's title is marked (and drawn in reverse)."""
    app = board_app(tmp_path / "m", "sv")
    app.service.create_theme("Mat och gemenskap", ideas=[])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await settle(pilot)
        titles = {
            name: app.screen.query_one(f"#{name}")
            for name in ("board-ideas-title", "themes-title", "suggestion-title")
        }

        def marked() -> set[str]:
            return {name for name, title in titles.items() if title.has_class("-keys-here")}

        assert marked() == {"board-ideas-title"}
        ideas = titles["board-ideas-title"]
        assert ideas.styles.background != app.screen.query_one("#themes-title").styles.background
        await pilot.press("tab")
        await settle(pilot)
        assert marked() == {"themes-title"}
        await open_suggestions(pilot)
        await settle(pilot)
        assert marked() == {"suggestion-title"}
