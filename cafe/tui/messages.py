"""App-wide messages, and the step views' messages the meeting screen handles.

Other widget-specific messages live nested in their widget's class. A step view's module
is imported when its step is first shown, so the messages the meeting screen listens for
live here: the screen need not import every view to handle them.
"""

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


class SpeakerToggled(Message):
    """The presentation round: someone was ticked off (or un-ticked) as having spoken."""

    def __init__(self, participant_id: str, spoken: bool) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.spoken = spoken


class ThoughtSubmitted(Message):
    """The check-out: a thought was typed (with who said it, if given)."""

    def __init__(self, text: str, author: str) -> None:
        super().__init__()
        self.text = text
        self.author = author


class ThoughtDraftChanged(Message):
    """The check-out: the thought being typed changed (at a pause in the typing).

    The screen keeps it in the meeting's file, so a crash does not take what someone
    said on their way out; an empty text forgets it."""

    def __init__(self, text: str, author: str) -> None:
        super().__init__()
        self.text = text
        self.author = author
