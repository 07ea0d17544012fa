"""Every word of every idea is drawn on the idea board, also at 80 columns with a scrollbar.

Textual's option list wrapped long ideas at the width without the scrollbar; once the
scrollbar appeared, an idea needing one more line lost its last line ("Hjälp med BankID
och" without "Swish"). The list keeps the scrollbar's gutter, so the width never changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.tui.widgets.idea_list import IdeaList
from tests.tui.test_board_footer import board_app, open_suggestions, settle


async def _drawn_text(pilot, ideas: IdeaList) -> str:  # type: ignore[no-untyped-def]
    lines: list[str] = []
    height = ideas.scrollable_content_region.height
    offset = 0
    while True:
        ideas.scroll_to(y=offset, animate=False)
        await settle(pilot)
        lines += [ideas.render_line(y).text for y in range(height)]
        if offset >= ideas.max_scroll_y:
            return " ".join(lines)
        offset += height


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_word_of_every_idea_is_drawn(tmp_path: Path, size: tuple[int, int]) -> None:
    app = board_app(tmp_path / "m", "sv")
    async with app.run_test(size=size) as pilot:
        await open_suggestions(pilot)  # the suggestions beside it make the list narrow
        await settle(pilot)
        ideas = app.screen.query_one(IdeaList)
        drawn = set(_words(await _drawn_text(pilot, ideas)))
        for idea in app.service.state.ideas.values():
            missing = [word for word in _words(idea.text) if word not in drawn]
            assert not missing, f"{idea.text!r}: {missing} not drawn"
        if size == (80, 24):
            assert ideas.max_scroll_y > 0, "the case that matters has a scrollbar"


def _words(text: str) -> list[str]:
    return [w.strip(".,:;!?()[]·■☎") for w in text.split() if w.strip(".,:;!?()[]·■☎")]
