"""The footer of keys, drawn as one widget: each key is drawn where it says it is, a click
on a key does what pressing it does, and the mouse over a key shows it and its tooltip."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

from cafe.tui.app import CafeApp
from cafe.tui.widgets.key_footer import KeyFooter
from tests.tui.helpers import FakePhoneServer, meeting


def footer_app(folder: Path) -> CafeApp:
    service, clock = meeting(folder, registered=12, present=True)
    return CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")


async def test_every_key_is_drawn_where_it_is_placed(tmp_path: Path) -> None:
    app = footer_app(tmp_path / "m")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyFooter)
        line = bar.render().plain
        placed = bar.placed_keys()
        assert len(line) == 120
        shown = {key.key: line[key.start : key.end] for key in placed if key.whole}
        assert shown["n"] == " n Nästa ", shown
        assert shown["question_mark"] == " ? / F1 Hjälp ", shown
        assert shown["ctrl+p"] == "^p Kommandon", shown
        assert line.rstrip().endswith("▏^p Kommandon"), line
        assert [key.start for key in placed] == sorted(key.start for key in placed)


async def test_clicking_a_key_does_what_pressing_it_does(tmp_path: Path) -> None:
    app = footer_app(tmp_path / "m")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = app.service.state.current_step
        bar = app.screen.query_one(KeyFooter)
        next_key = next(key for key in bar.placed_keys() if key.key == "n")
        await pilot.click(KeyFooter, offset=(next_key.start + 1, 0))
        await pilot.pause()
        assert app.service.state.current_step == before + 1

        help_key = next(key for key in bar.placed_keys() if key.key == "question_mark")
        await pilot.click(KeyFooter, offset=(help_key.end - 2, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_the_key_under_the_mouse_is_highlighted(tmp_path: Path) -> None:
    app = footer_app(tmp_path / "m")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyFooter)
        placed = bar.placed_keys()
        first = placed[0]
        plain = bar.render()
        await pilot.hover(KeyFooter, offset=(first.start + 1, 0))
        await pilot.pause()
        assert bar.hovered == 0
        lit = bar.render()
        inside = {span.style for span in lit.spans if span.start < first.end}
        outside = {span.style for span in lit.spans if span.start >= first.end}
        assert inside != {span.style for span in plain.spans if span.start < first.end}
        assert outside <= {span.style for span in plain.spans}, "only the hovered key changes"

        gap = max(key.end for key in placed if key.key != "ctrl+p") + 2
        await pilot.hover(KeyFooter, offset=(gap, 0))
        await pilot.pause()
        assert bar.hovered is None


class _Keys(App[None]):
    """A footer alone, with more keys than a narrow terminal holds."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"bell_{key}", f"Åtgärd {key}") for key in "abcdefgh"
    ]

    def compose(self) -> ComposeResult:
        yield KeyFooter()


async def test_a_key_is_whole_exactly_when_its_text_is_drawn_whole() -> None:
    app = _Keys()
    async with app.run_test(size=(200, 10)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyFooter)
        wide = bar.render().plain
        texts = {key.key: wide[key.start : key.end].rstrip() for key in bar.placed_keys()}
        assert all(key.whole for key in bar.placed_keys())

        await pilot.resize_terminal(60, 10)
        await pilot.pause()
        narrow = bar.render().plain
        placed = bar.placed_keys()
        assert len(narrow) == 60
        assert any(not key.whole for key in placed) and any(key.whole for key in placed)
        for key in placed:
            text = texts[key.key]
            drawn = narrow[key.start : key.start + len(text)] == text
            assert key.whole == drawn, (key, narrow)
