"""The idea board's search line: words that narrow the list to the ideas that hold them."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    """Enter goes back to the list with the filter kept; Esc empties it and goes back.

    Esc on the board means "back to the meeting": here it only clears the search, the
    way a search field is left everywhere else."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "clear_filter", show=False)]

    class Cleared(Message):
        """The search was emptied with Esc: the whole list again, focus on it."""

    def action_clear_filter(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
