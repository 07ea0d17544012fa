"""Add a participant in a few keystrokes: name, organisation, sector, Enter."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from cafe.core.errors import CafeError
from cafe.core.participants import PersonInput
from cafe.i18n import t
from cafe.tui.widgets.person_form import PersonForm


class PersonModal(ModalScreen[bool]):
    """The same form as at the door, as a dialog over any screen (key ``a``)."""

    DEFAULT_CSS = """
    PersonModal { align: center middle; }
    PersonModal > Vertical { width: 100; max-width: 95%; height: auto; padding: 1 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, submit: Callable[[PersonInput, bool], object]) -> None:
        """``submit(person, allow_duplicate)`` adds the person or raises ``CafeError``."""
        super().__init__()
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("tui.checkin.add_title"), classes="dialog-title")
            yield PersonForm(id="person-form")
            yield Label(t("tui.checkin.form_hint"), classes="caption")

    def on_mount(self) -> None:
        self.query_one(PersonForm).focus_name()

    @on(PersonForm.Submitted)
    def accept(self, event: PersonForm.Submitted) -> None:
        event.stop()
        form = self.query_one(PersonForm)
        try:
            self.submit(event.person, event.allow_duplicate)
        except CafeError as error:
            form.show_error(error)
            return
        self.dismiss(True)
