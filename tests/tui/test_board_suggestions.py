"""Theme suggestions beside the idea board (issue #18): shown from a worker thread, one
accepted as an ordinary board change, undone with Ctrl+Z; duplicates merged one pair at
a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from cafe.core.service import MeetingService
from cafe.core.state import Idea
from cafe.i18n import t
from cafe.tui.app import CafeApp
from cafe.tui.screens.board_screen import BoardScreen
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.suggestion_panel import SuggestionPanel
from tests.tui.helpers import FakePhoneServer, meeting, press_quickly, step_index, type_text

FOOD = [
    "Äta lunch tillsammans i skolans matsal",
    "Soppkök i kyrkan varje torsdag",
    "Gemensamma middagar i kvarteret",
    "Laga mat tillsammans i föreningens kök",
    "Grötfrukost på lördagar",
    "Matlåda och någon att äta med",
]
DIGITAL = [
    "Hjälp med BankID och Swish",
    "Lära sig använda surfplatta",
    "Wifi på äldreboendet",
    "Seniorsurf varje vecka",
    "Kurser i videosamtal med mobilen",
    "Datorhjälp hemma",
]


async def _open_suggestions(pilot, app) -> SuggestionPanel:
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, BoardScreen)
    await pilot.press("s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    panel = app.screen.query_one(SuggestionPanel)
    assert panel.display
    return panel


async def _show_pair(pilot, panel: SuggestionPanel, pair: tuple[str, str]) -> None:
    """The duplicates (d), then n until ``pair`` is the one shown."""
    await pilot.press("d")
    await pilot.pause()
    while panel.suggestions.duplicates[panel.pair_index] != pair:
        await pilot.press("n")


async def test_suggestions_are_shown_one_is_accepted_and_undone(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    food = [i.id for i in service.capture_ideas(FOOD, table=1)]
    digital = [i.id for i in service.capture_ideas(DIGITAL, table=2)]
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _open_suggestions(pilot, app)
        options = panel.query_one("#suggestion-list", OptionList)
        assert options.option_count == 2
        assert {frozenset(s.ideas) for s in panel.suggestions.themes} == {
            frozenset(food),
            frozenset(digital),
        }
        assert options.has_focus, "the keys act on the suggestions at once"
        first = panel.suggestions.themes[0]
        shown = str(panel.query_one("#suggestion-ideas", Static).render())
        assert service.state.ideas[first.ideas[0]].text in shown

        # Enter: the suggestion becomes an ordinary theme with its ideas.
        await pilot.press("enter")
        await pilot.pause()
        [theme] = service.state.live_themes()
        assert theme.name == first.name
        assert {i.id for i in service.state.visible_ideas() if i.theme == theme.id} == set(
            first.ideas
        )
        assert options.option_count == 1, "the accepted suggestion leaves the panel"

        # Ctrl+Z: the theme is gone, the ideas are without a theme, the suggestion is back.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.live_themes() == []
        assert all(i.theme == "" for i in service.state.visible_ideas())
        assert options.option_count == 2
        said = t("tui.board.undone_what", what=t("tui.board.undo.suggestion_accepted"))
        assert any(str(n.message) == said for n in app._notifications)


async def test_rename_reject_and_the_other_group_stays_off_the_board(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    service.capture_ideas([*FOOD, *DIGITAL], table=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _open_suggestions(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        await press_quickly(pilot, *["backspace"] * 40)
        await type_text(pilot, "Mat ihop")
        await pilot.press("enter")
        await pilot.pause()
        assert panel.suggestions.themes[0].name == "Mat ihop"
        await pilot.press("delete")
        await pilot.pause()
        assert len(panel.suggestions.themes) == 1
        await pilot.press("enter")
        await pilot.pause()
        assert [th.name for th in service.state.live_themes()] != ["Mat ihop"]
        assert len(service.state.live_themes()) == 1


async def test_duplicates_are_offered_one_pair_at_a_time_and_merged(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    service.capture_ideas([*FOOD, *DIGITAL], table=1)
    a, b = service.capture_ideas(
        ["Dagis besöker äldreboendet", "Förskolan på besök hos de äldre"], table=3
    )
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _open_suggestions(pilot, app)
        assert (a.id, b.id) in panel.suggestions.duplicates
        await _show_pair(pilot, panel, (a.id, b.id))
        shown = str(panel.query_one("#suggestion-ideas", Static).render())
        assert a.text in shown and b.text in shown
        await pilot.press("m")
        await pilot.pause()
        assert service.state.ideas[b.id].merged_into == a.id
        said = f"”{b.text}” är ihopslagen med ”{a.text}”. Ctrl+Z ångrar."
        assert any(str(n.message) == said for n in app._notifications), "names the two"
        assert (a.id, b.id) not in panel.suggestions.duplicates
        row = str(app.screen.query_one(IdeaList).get_option(a.id).prompt)
        assert row.startswith(f"· {a.text}  (+1 ihopslagen)"), "the board says it came up twice"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert service.state.ideas[b.id].visible


async def test_a_duplicate_pair_says_which_table_and_round_said_each(tmp_path: Path) -> None:
    """Two tables saying the same is a sign of weight, one table twice is not: the pair
    showed the two texts only."""
    service, clock = meeting(tmp_path / "m")
    service.capture_ideas([*FOOD, *DIGITAL], table=1)
    service.start_step(step_index(service, "cafe_round", 2))
    service.timer_start()  # round 2 under way: its ideas are round 2's
    (a,) = service.capture_ideas(["Dagis besöker äldreboendet"], table=3)
    (b,) = service.capture_ideas(["Förskolan på besök hos de äldre"], table=5)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _open_suggestions(pilot, app)
        assert (a.id, b.id) in panel.suggestions.duplicates
        await _show_pair(pilot, panel, (a.id, b.id))
        shown = str(panel.query_one("#suggestion-ideas", Static).render())
        assert "1 · bord 3, runda 2: Dagis besöker äldreboendet" in shown
        assert "2 · bord 5, runda 2: Förskolan på besök hos de äldre" in shown


async def test_a_rejected_suggestion_stays_rejected_when_s_is_pressed_again(
    tmp_path: Path,
) -> None:
    """A rejected "Trygghet" came back the next time s was pressed: the same ideas give
    the same grouping, computed again."""
    service, clock = meeting(tmp_path / "m")
    service.capture_ideas([*FOOD, *DIGITAL], table=1)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _open_suggestions(pilot, app)
        before = [set(th.ideas) for th in panel.suggestions.themes if not th.other]
        rejected = set(panel.suggestions.themes[0].ideas)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = [set(th.ideas) for th in panel.suggestions.themes if not th.other]
        assert rejected not in after, "not offered again"
        assert len(after) == len(before) - 1, "the others still are"


LIBRARY = [
    "Biblioteket har digitala fixarkvällar",
    "Digital fixarträff på biblioteket med studieförbunden",
]
LANGUAGE = [
    "Språkcafé för äldre som kommit till Sverige sent i livet",
    "Språkcafé där äldre nysvenskar och svenskar möts",
]


def _two_pairs(tmp_path: Path) -> tuple[MeetingService, CafeApp, list[Idea], list[Idea]]:
    """Twelve ideas from table 1, and two likely duplicate pairs from tables 3 and 4."""
    service, clock = meeting(tmp_path / "m")
    service.capture_ideas([*FOOD, *DIGITAL], table=1)
    library = service.capture_ideas(LIBRARY, table=3)
    language = service.capture_ideas(LANGUAGE, table=4)
    return service, CafeApp(service, clock=clock, server=FakePhoneServer()), library, language


def _pane(panel: SuggestionPanel) -> str:
    return str(panel.query_one("#suggestion-ideas", Static).render())


@pytest.mark.parametrize("drawn", [True, False], ids=["pane-redrawn", "key-first"])
async def test_a_pair_the_cohost_hid_one_of_stays_says_so_and_is_not_merged(
    tmp_path: Path, drawn: bool
) -> None:
    """Audit J S1: B hid one idea of the pair on A's pane; the pane went to the next pair
    unsaid, and A's m 0.2 s later merged that pair, which A never read. Whether the pane
    was redrawn before A's m (``drawn``) or not, m now merges nothing and says why."""
    service, app, (a, b), (c, d) = _two_pairs(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _open_suggestions(pilot, app)
        assert {(a.id, b.id), (c.id, d.id)} <= set(panel.suggestions.duplicates)
        await _show_pair(pilot, panel, (a.id, b.id))
        service.delete_idea(b.id, by="console")  # B taps "Dölj" on the console
        if drawn:
            await pilot.pause()
            shown = _pane(panel)
            assert a.text in shown and b.text in shown, "the pair A was reading stays"
            assert "Idé 2 doldes på medvärdens konsol." in shown
            assert "n visar nästa par" in shown
        await pilot.press("m")
        await pilot.pause()
        assert all(not i.merged_into for i in service.state.ideas.values()), "nothing merged"
        said = "Inget slogs ihop: Idé 2 doldes på medvärdens konsol. n visar nästa par."
        assert any(str(n.message) == said for n in app._notifications)
        shown = _pane(panel)
        assert a.text in shown and "Idé 2 doldes på medvärdens konsol." in shown

        await pilot.press("n")  # only now, asked for, the next pair
        await pilot.pause()
        assert (a.id, b.id) not in panel.suggestions.duplicates
        assert panel.shown_pair is not None and panel._live(panel.shown_pair)
        assert "medvärdens konsol" not in _pane(panel)


async def test_a_pair_the_cohost_merged_elsewhere_says_into_what(tmp_path: Path) -> None:
    """B merged idea 1 of the shown pair into another idea: the pane names that idea."""
    service, app, (a, _), (c, d) = _two_pairs(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _open_suggestions(pilot, app)
        await _show_pair(pilot, panel, (c.id, d.id))
        service.merge_ideas(a.id, [c.id], by="console")
        await pilot.pause()
        assert f"Idé 1 slogs ihop med ”{a.text}” på medvärdens konsol." in _pane(panel)
        await pilot.press("m")
        await pilot.pause()
        assert service.state.ideas[d.id].visible and not service.state.ideas[d.id].merged_into
        service.restore_idea(c.id)  # B's Undo: the pair is whole again, and m merges it
        await pilot.pause()
        assert "medvärdens konsol" not in _pane(panel)
        await pilot.press("m")
        await pilot.pause()
        assert service.state.ideas[d.id].merged_into == c.id
