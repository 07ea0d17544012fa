"""Add a participant in a few keystrokes: name, organisation, sector, Enter."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

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

if TYPE_CHECKING:
    from cafe.core.service import MeetingService


def arrival_note(service: MeetingService, person_id: str, *, added: bool) -> str | None:
    """What to tell someone who is now here: where they sit in the round under way (the
    service gave them a seat), so the co-host can say "bord 3" at once; else, for someone
    just added, that they are checked in (``None`` for a tick at the door between rounds,
    which says enough)."""
    person = service.state.participants[person_id]
    round_number = service.round_under_way
    seat = service.state.seating_plan.table_of(person_id, round_number) if round_number else None
    if seat is not None:
        key = "tui.checkin.added_seated" if added else "tui.checkin.seated_now"
        return t(key, name=person.name, table=seat.table, round=round_number)
    return t("tui.checkin.added", name=person.name) if added else None


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
