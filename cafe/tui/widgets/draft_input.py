"""An input that takes Enter in order with the letters around it.

Textual runs an input's Enter binding only once the key has bubbled up to the app, so
letters typed right after Enter (a fast typist, a busy laptop) reach the field first and
join the entry being submitted. This input handles Enter in its own key queue instead,
and empties itself at once: what follows Enter starts the next entry, and nothing typed
is lost or glued together. If storing fails, the handler puts the text back.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input


class DraftInput(Input):
    """``Submitted.value`` holds the entry; the field is already empty for the next.

    Coming back to the field (``i``) never selects what is in it: a half-typed line (one
    brought back after a crash too) is continued, and the first key typed replaced it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        value = self.value
        self.value = ""
        self.post_message(self.Submitted(self, value, None))

    def restore(self, text: str) -> None:
        """Put back an entry the service refused, before anything typed since."""
        self.value = text + self.value
        self.cursor_position = len(text)
