"""Edit one idea: its text and its table."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from cafe.core.errors import CafeError
from cafe.i18n import t


def parse_table(text: str) -> int:
    """A table number as typed; empty is 0 (the circle, or unknown)."""
    text = text.strip()
    if not text:
        return 0
    if not text.isdigit():
        raise CafeError(t("tui.capture.bad_table", value=text))
    return int(text)


class IdeaModal(ModalScreen[bool]):
    """Calls ``submit(text, table)``; shows its error and stays open if it fails."""

    DEFAULT_CSS = """
    IdeaModal { align: center middle; }
    IdeaModal > Vertical { width: 80; height: auto; padding: 1 2; }
    IdeaModal Horizontal { height: auto; }
    IdeaModal #idea-table { width: 12; }
    IdeaModal #idea-text { width: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, text: str, table: int, submit: Callable[[str, int], object]) -> None:
        super().__init__()
        self.text = text
        self.table = table
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("tui.capture.edit_title"), classes="dialog-title")
            with Horizontal():
                yield Input(
                    str(self.table or ""), placeholder=t("tui.capture.table"), id="idea-table"
                )
                yield Input(self.text, placeholder=t("tui.capture.text"), id="idea-text")
            yield Label("", id="idea-error", classes="problem", markup=False)
            yield Label(t("tui.modal.enter_esc"), classes="caption")

    def on_mount(self) -> None:
        self.query_one("#idea-text", Input).focus()

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            table = parse_table(self.query_one("#idea-table", Input).value)
            self.submit(self.query_one("#idea-text", Input).value, table)
        except CafeError as error:
            self.query_one("#idea-error", Label).update(str(error))
            return
        self.dismiss(True)
