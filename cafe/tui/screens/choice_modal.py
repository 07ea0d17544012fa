"""Pick one of a few things (a theme to move ideas to)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from cafe.i18n import t


class ChoiceModal(ModalScreen[str | None]):
    """Dismisses with the chosen option's id, or ``None`` (Esc)."""

    DEFAULT_CSS = """
    ChoiceModal { align: center middle; }
    ChoiceModal > Vertical { width: 60; height: auto; max-height: 80%; padding: 1 2; }
    ChoiceModal OptionList { height: auto; max-height: 20; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(
                *(Option(label, id=choice_id) for choice_id, label in self.choices),
                id="choices",
                markup=False,
            )
            yield Label(t("tui.modal.enter_esc"), classes="caption")

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
