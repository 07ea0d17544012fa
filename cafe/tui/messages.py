"""App-wide messages (widget-specific ones live nested in their widget's class)."""

from __future__ import annotations

from textual.message import Message

from cafe.core.events import Event


class MeetingChanged(Message):
    """The meeting's state changed: new events were committed (from any source).

    Screens re-read ``service.state`` on it. Phones can send many submissions at once,
    so a burst collapses into one message that carries all of its events.
    """

    def __init__(self, events: list[Event]) -> None:
        super().__init__()
        self.events = list(events)
        """The events committed, oldest first."""

    def can_replace(self, message: Message) -> bool:
        """A newer change supersedes a pending one; the newer one keeps both's events."""
        if isinstance(message, MeetingChanged):
            message.events[:0] = self.events
            return True
        return False


class ServerStarted(Message):
    """The phones' LAN server answers: the screens can show its addresses and QR codes.

    The meeting screen is drawn before the server starts (a first frame does not wait for
    a socket), so the addresses arrive afterwards.
    """

    def __init__(self, phones_url: str, projector_url: str) -> None:
        super().__init__()
        self.phones_url = phones_url
        self.projector_url = projector_url
