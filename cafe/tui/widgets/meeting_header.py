"""The line at the top of every screen: the meeting's title and its challenge."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class MeetingHeader(Widget):
    """Title left, challenge beside it, the screen's name right; always visible.

    One line drawn by one widget: it was a label per part, three widgets on every
    screen to mount, style and render before its first frame.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "meeting-header--title",
        "meeting-header--challenge",
        "meeting-header--mode",
    }
    DEFAULT_CSS = """
    MeetingHeader { height: 1; dock: top; }
    MeetingHeader > .meeting-header--title { text-style: bold; }
    """

    title: reactive[str] = reactive("")
    """The meeting's title."""
    challenge: reactive[str] = reactive("")
    """The societal challenge the meeting explores."""
    mode: reactive[str] = reactive("")
    """What this screen is (check-in, capture ...); empty on the main screen."""

    def render(self) -> Text:
        style = self.get_component_rich_style
        title = Text(f" {self.title} ", style=style("meeting-header--title"), end="")
        mode = Text(f" {self.mode} " if self.mode else "", style=style("meeting-header--mode"))
        room = max(0, self.size.width - title.cell_len - mode.cell_len)
        challenge = Text(self.challenge, style=style("meeting-header--challenge"), end="")
        challenge.truncate(room, overflow="ellipsis", pad=True)
        return Text.assemble(title, challenge, mode, no_wrap=True, end="")
