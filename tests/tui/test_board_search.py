"""The harvest's ideas found by words: with 100 ideas in round and table order, marking the
four about "anhörig" took 90 arrow presses. ``/`` narrows the list to ideas holding the
typed words, ``u`` to ideas in no theme; marks made in a search stay when it is cleared."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from cafe.tui.app import CafeApp
from cafe.tui.widgets.filter_input import FilterInput
from cafe.tui.widgets.idea_list import IdeaList
from tests.tui.helpers import FakePhoneServer, meeting, type_text

IDEAS = [
    "Stöd till anhöriga som vårdar någon hemma",
    "Fika varje vardag på träffpunkten",
    "Besöksvänner från kyrkan",
    "Anhörigcafé en kväll i månaden",
    "Promenadgrupper med kommunens friskvård",
    "Avlösning så att anhörigvårdare får vila",
    "Telefonkedja för dem som inte går ut",
    "Digital fika för den som inte kan komma",
]


def _shown(app: CafeApp) -> list[str]:
    ideas = app.screen.query_one(IdeaList)
    return [i.text for i in ideas.rows.ideas]


async def test_a_search_narrows_the_list_and_its_marks_make_one_theme(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    service.capture_ideas(IDEAS[:4], table=1)
    service.capture_ideas(IDEAS[4:], table=2)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "ANHORIG")  # accents and case aside
        assert _shown(app) == [IDEAS[0], IDEAS[3], IDEAS[5]]
        title = str(app.screen.query_one("#board-ideas-title", Label).render())
        assert title.startswith("Idéer med orden: 3 av 8"), title
        await pilot.press("enter")  # back to the list, the search kept
        assert app.screen.focused is app.screen.query_one(IdeaList)
        await pilot.press("x", "x", "x")
        await pilot.pause()
        await pilot.press("slash", "escape")  # all again; the marks stay
        await pilot.pause()
        assert len(_shown(app)) == 8
        assert not app.screen.query_one(FilterInput).value
        assert app.screen.focused is app.screen.query_one(IdeaList)
        await pilot.press("g")
        await pilot.pause()
        await type_text(pilot, "Anhöriga")
        await pilot.press("enter")
        await pilot.pause()
        (theme,) = service.state.live_themes()
        assert sorted(i.text for i in service.state.visible_ideas() if i.theme == theme.id) == (
            sorted([IDEAS[0], IDEAS[3], IDEAS[5]])
        )
        await pilot.press("u")  # what is left to sort
        await pilot.pause()
        assert sorted(_shown(app)) == sorted(i for n, i in enumerate(IDEAS) if n not in (0, 3, 5))
        title = str(app.screen.query_one("#board-ideas-title", Label).render())
        assert title.startswith("Idéer utan tema: 5 av 8"), title
        await pilot.press("u")
        await pilot.pause()
        assert len(_shown(app)) == 8


async def test_esc_clears_a_search_before_it_leaves_the_board(tmp_path: Path) -> None:
    """Audit M M5: after g on a search's ideas, Esc left the board with the search still
    on, and the next u (ideas without a theme) opened the meeting's sign-up dialog."""
    service, clock = meeting(tmp_path / "m")
    service.capture_ideas(IDEAS, table=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        board = app.screen
        await pilot.press("slash")
        await type_text(pilot, "fika")
        await pilot.press("enter", "u")
        await pilot.pause()
        assert len(_shown(app)) == 2
        await pilot.press("escape")  # all again, still on the board
        await pilot.pause()
        assert app.screen is board and len(_shown(app)) == 8
        assert not board.query_one(FilterInput).value
        await pilot.press("u", "escape")  # "only unthemed" is cleared the same way
        await pilot.pause()
        assert app.screen is board and len(_shown(app)) == 8
        await pilot.press("escape")  # then back to the meeting
        await pilot.pause()
        assert app.screen is not board
