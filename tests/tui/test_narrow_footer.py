"""At 80x24 the meeting screen's footer shows the keys that matter, all of them visible."""

from __future__ import annotations

from pathlib import Path

from cafe.core.clock import ScaledClock
from cafe.demo.app import DemoApp
from cafe.demo.setup import create_demo_meeting
from cafe.tui.widgets.key_footer import KeyFooter


def _footer(app: DemoApp) -> dict[str, bool]:
    """Each footer key shown, and whether it fits on the screen whole."""
    return {key.key: key.whole for key in app.screen.query_one(KeyFooter).placed_keys()}


async def test_the_footer_at_80_columns_shows_n_p_space_help_and_the_demo_keys(
    tmp_path: Path,
) -> None:
    service, people = create_demo_meeting(
        tmp_path / "demo", people=12, lang="sv", clock=ScaledClock(1)
    )
    app = DemoApp(service, people, speed=1, lang="sv")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = _footer(app)
        for key in ("n", "p", "space", "question_mark", "f5", "f6"):
            assert shown.get(key), (key, shown)
        assert all(shown.values()), shown
        assert "h" not in shown and "ctrl+q" not in shown, "the rest is under ?"

        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        await pilot.pause()
        wide = _footer(app)
        assert {"n", "p", "space", "h", "question_mark", "ctrl+q", "f5", "f6"} <= set(wide)

        await pilot.press("f6")
        await app.workers.wait_for_complete()
