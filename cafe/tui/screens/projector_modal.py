"""The projector page's address and QR code, and a key that opens it in this laptop's browser.

The recommended set-up is an extended display: the projector shows the page full screen
while the co-hosts keep this console (with its notes) on the laptop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from cafe.i18n import t
from cafe.tui.widgets.button_row import ButtonRow
from cafe.tui.widgets.qr_beside import QrBeside


class ProjectorModal(ModalScreen[None]):
    """Shows where the room's screen is; ``o`` opens it, Esc closes."""

    CSS_PATH = "projector_modal.tcss"
    AUTO_FOCUS = ""
    """No button focused at first: focusing it scrolled the words beside the code down to
    it, past the title and the address (Esc and the keys still work)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v", "dismiss(None)", show=False),
        Binding("o", "open", show=False),
    ]

    def __init__(self, url: str, opener: Callable[[str], object]) -> None:
        super().__init__()
        self.url = url
        self.opener = opener

    def compose(self) -> ComposeResult:
        close = Button(t("tui.projector.close"), id="close")
        with Vertical(classes="dialog", id="projector"):
            if not self.url:
                yield Label(t("tui.projector.title"), classes="dialog-title")
                yield Static(t("tui.projector.no_server"), markup=False)
                yield ButtonRow(close, classes="buttons")
                return
            yield QrBeside(
                self.url,
                Label(t("tui.projector.title"), classes="dialog-title"),
                Static(self.url, id="projector-url", markup=False),
                Static(t("tui.projector.how"), id="projector-how", markup=False),
                ButtonRow(
                    Button(t("tui.projector.open"), id="open", variant="primary"),
                    close,
                    classes="buttons",
                ),
                qr_id="projector-qr",
            )

    def action_open(self) -> None:
        if not self.url:
            return
        try:
            self.opener(self.url)
        except Exception as error:  # no browser on this laptop: say so, keep the address shown
            self.notify(t("tui.projector.no_browser", error=error), severity="warning")
            return
        self.notify(t("tui.projector.opened"))
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open":
            self.action_open()
        else:
            self.dismiss(None)
