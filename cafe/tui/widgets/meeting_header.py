"""The line at the top of every screen: the meeting's title and its challenge."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label


class MeetingHeader(Horizontal):
    """Title left, challenge beside it, the screen's name right; always visible."""

    DEFAULT_CSS = """
    MeetingHeader { height: 1; dock: top; }
    MeetingHeader > #header-title { width: auto; text-style: bold; padding: 0 1; }
    MeetingHeader > #header-challenge { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    MeetingHeader > #header-mode { width: auto; padding: 0 1; }
    """

    title: reactive[str] = reactive("")
    """The meeting's title."""
    challenge: reactive[str] = reactive("")
    """The societal challenge the meeting explores."""
    mode: reactive[str] = reactive("")
    """What this screen is (check-in, capture ...); empty on the main screen."""

    def compose(self) -> ComposeResult:
        yield Label(self.title, id="header-title", markup=False)
        yield Label(self.challenge, id="header-challenge", markup=False)
        if self.mode:
            yield Label(self.mode, id="header-mode", markup=False)

    def watch_title(self, title: str) -> None:
        if self.is_mounted:
            self.query_one("#header-title", Label).update(title)

    def watch_challenge(self, challenge: str) -> None:
        if self.is_mounted:
            self.query_one("#header-challenge", Label).update(challenge)

    def watch_mode(self, mode: str) -> None:
        if self.is_mounted and self.query("#header-mode"):
            self.query_one("#header-mode", Label).update(mode)
