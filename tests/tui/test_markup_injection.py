"""Text from phones is shown as text in the TUI: no markup, no click actions, no links."""

from __future__ import annotations

from pathlib import Path

from cafe.tui.app import CafeApp
from tests.meetings import new_meeting

HOSTILE = "[@click=app.quit]klicka[/] [b]fet[/b] [link=http://evil.example]länk[/link] \x1b[31m"


async def test_markup_from_a_phone_is_shown_literally_and_does_nothing(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "möte")
    service.next_step()
    service.capture_ideas([HOSTILE], table=1, source="web")
    theme = service.create_theme("[@click=app.quit]tema[/]", signup=True)
    service.sign_up(name="[b]Namn[/b]", themes=[theme.id], source="web")
    app = CafeApp(service, lang="sv")
    async with app.run_test(size=(160, 50)) as pilot:
        for screen_key in ("i", "t"):
            await pilot.press("escape", screen_key)
            await pilot.pause()
            shown = app.export_screenshot().replace("&#160;", " ")
            assert "[b]fet[/b]" in shown, f"screen {screen_key!r} interpreted the markup"
            assert "[@click=app.quit]" in shown
            for _ in range(3):  # clicking where the text is does not run the action
                await pilot.click(offset=(20, 10))
            assert app.is_running
        assert "\x1b" not in app.export_screenshot(), "control characters are not passed on"
