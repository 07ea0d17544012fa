"""A dialog's buttons side by side, moved between with the arrow keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button


class ButtonRow(Horizontal):
    """← and → move between the buttons, as Shift+Tab and Tab do; Enter presses the one
    focused. In "Ta bort temat …? Ja / Nej" a co-host's ← did nothing and the theme stayed.

    Not in the footer: a dialog's buttons are on screen, and the arrows are what one tries.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
    ]

    def action_step(self, by: int) -> None:
        """Focus the button ``by`` places along; at either end the focus stays."""
        buttons = [b for b in self.query(Button) if b.focusable]
        focused = self.screen.focused
        if focused not in buttons:
            return
        index = min(max(buttons.index(focused) + by, 0), len(buttons) - 1)
        buttons[index].focus()
