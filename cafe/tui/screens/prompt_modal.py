"""One line of text: a theme's name, a merged idea's wording."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from cafe.core.errors import CafeError
from cafe.i18n import t


class PromptModal(ModalScreen[str | None]):
    """Dismisses with the text (Enter) or ``None`` (Esc).

    With ``submit``, Enter calls it first: a ``CafeError`` is shown under the field and
    the dialog stays open, so a mistake never loses what was typed.
    """

    DEFAULT_CSS = """
    PromptModal { align: center middle; }
    PromptModal > Vertical { width: 70; height: auto; padding: 1 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        submit: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label("", id="prompt-error", classes="problem", markup=False)
            yield Label(t("tui.modal.enter_esc"), classes="caption")

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        event.stop()
        if self.submit is not None:
            try:
                self.submit(event.value)
            except CafeError as error:
                self.query_one("#prompt-error", Label).update(str(error))
                return
        self.dismiss(event.value)
