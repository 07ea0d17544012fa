"""Every key, by screen, rendered from the one bindings registry."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from cafe.i18n import t
from cafe.tui.bindings import SCOPES, keys_in
from cafe.tui.widgets.key_table import KeyTable


class HelpScreen(ModalScreen[None]):
    """A section per screen (meeting, door, capture, board, everywhere); Esc closes."""

    CSS_PATH = "help_screen.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "dismiss(None)", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Label(t("tui.help.title"), classes="dialog-title")
            with VerticalScroll(id="help-body"), Grid(id="help-sections"):
                for scope in SCOPES:
                    with Vertical(classes="help-section"):
                        yield Label(t(f"tui.help.scope.{scope}"), classes="help-scope")
                        yield KeyTable(
                            tuple(
                                (key.shown_keys, key.description)
                                for key in keys_in(scope)
                                if key.listed
                            ),
                            classes="help-keys",
                        )
            yield Label(t("tui.help.close"), classes="caption")

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")
