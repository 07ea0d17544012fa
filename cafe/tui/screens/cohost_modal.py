"""The co-host console's address and QR code, for the other co-host's phone (``F4``).

The code runs the meeting (steps, timer, removing sign-ups and thoughts), so it is shown
here only, on the laptop, never on the projector page or a printout, with a warning that
says so. ``cafe qr DIR --cohost --new`` makes a new code when this one has been seen.
"""

from __future__ import annotations

import shlex
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from cafe.i18n import t
from cafe.tui.widgets.qr_beside import QrBeside


class CohostModal(ModalScreen[None]):
    """Shows the console's address and code; Esc (or F4 again) closes."""

    CSS_PATH = "cohost_modal.tcss"
    AUTO_FOCUS = ""
    """No button focused at first: focusing it scrolled the words beside the code down to
    it, past the title and the address (Esc and the keys still work)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f4", "dismiss(None)", show=False),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        close = Horizontal(
            Button(t("tui.cohost.close"), id="close", variant="primary"), classes="buttons"
        )
        with Vertical(classes="dialog", id="cohost"):
            if not self.url:
                yield Label(t("tui.cohost.title"), classes="dialog-title")
                yield Static(t("tui.cohost.no_server"), markup=False)
                yield close
                return
            yield QrBeside(
                self.url,
                Label(t("tui.cohost.title"), classes="dialog-title"),
                Static(self.url, id="cohost-url", markup=False),
                Static(
                    t("tui.cohost.warning", folder=self._folder()),
                    id="cohost-warning",
                    markup=False,
                ),
                Static(t("tui.cohost.how"), id="cohost-how", markup=False),
                close,
                qr_id="cohost-qr",
            )

    def _folder(self) -> str:
        """This meeting's folder, as the command to type needs it (a placeholder, "MAPP",
        had to be translated in a hurry)."""
        folder = getattr(getattr(self.app, "service", None), "folder", None)
        return shlex.quote(str(folder)) if folder else t("tui.cohost.folder_placeholder")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)
