"""Yes or no before something that cannot simply be undone."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from cafe.i18n import t
from cafe.tui.widgets.button_row import ButtonRow


class ConfirmModal(ModalScreen[bool]):
    """Dismisses with ``True`` (yes) or ``False`` (no, Esc).

    The button Enter presses is the one drawn as chosen: "Ja" was drawn so while the
    focus, and Enter, were on "Nej", and a co-host's Enter did nothing without a word.
    ←/→ (and Tab) move the choice.
    """

    DEFAULT_CSS = """
    ConfirmModal { align: center middle; }
    ConfirmModal > Vertical { width: 60; max-width: 100%; height: auto; padding: 1 2; }
    ConfirmModal .question { width: 100%; }
    ConfirmModal Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmModal Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, question: str, *, default: bool = False) -> None:
        """``default``: what Enter answers (no, unless the question only makes sure)."""
        super().__init__()
        self.question = question
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False, classes="question")  # wraps
            with ButtonRow():
                yield Button(
                    t("tui.modal.yes"), id="yes", variant="primary" if self.default else "default"
                )
                yield Button(
                    t("tui.modal.no"), id="no", variant="default" if self.default else "primary"
                )

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focused button is drawn as chosen, wherever ←/→ or Tab put the focus."""
        if isinstance(event.widget, Button):
            for button in self.query(Button):
                button.variant = "primary" if button is event.widget else "default"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class QuitModal(ConfirmModal):
    """Leave the meeting? The app's Ctrl+Q, pressed again here, answers yes."""
