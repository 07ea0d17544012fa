"""The rotation list in a narrow terminal: a line too long for its column breaks before
where to go, so "→ bord 2" is always read in one piece."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult

from cafe.tui.widgets.seating_view import RotationView, SeatEntry

ENTRIES = (
    SeatEntry("Åsa Nyström", 3),
    SeatEntry("Birgitta Yilmaz-Andersson", 12, host=True, appointed=True),
    SeatEntry("Jörgen Persson", 2, host=True, moved=False),
    SeatEntry("Maximilian Lindqvist-Öberg", 7),
)


class RotationApp(App[None]):
    CSS = "RotationView { width: 46; }"

    def compose(self) -> ComposeResult:
        yield RotationView()


async def test_a_long_line_breaks_before_the_table_never_inside_it() -> None:
    app = RotationApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(RotationView)
        view.entries = ENTRIES
        await pilot.pause()
        shown = [line.plain.rstrip() for line in view.lines(view.content_size.width)]
    destinations = [m.group(0) for line in shown for m in re.finditer(r"→ bord \d+", line)]
    assert sorted(destinations) == sorted(f"→ bord {e.table}" for e in ENTRIES), shown
    assert not any(line.endswith(("→", "bord")) for line in shown), shown
    assert any("Åsa Nyström → bord 3" in line for line in shown), "a line that fits stays whole"
    assert "\x00" not in "".join(shown)
