"""Check-in at the door: find or add people, mark who is here, see the head count."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Label

from cafe.core.errors import CafeError
from cafe.core.meeting_seating import reseat_round, rounds_left_to_seat
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.bindings import install
from cafe.tui.messages import MeetingChanged
from cafe.tui.notices import SEATING, say
from cafe.tui.screens.person_modal import arrival_note
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.tui.widgets.meeting_header import MeetingHeader
from cafe.tui.widgets.people_table import PeopleTable
from cafe.tui.widgets.person_form import PersonForm
from cafe.tui.widgets.steps.welcome_step import head_count


class CheckinScreen(Screen[None]):
    """Typing a name filters the list (to find pre-registered people) and can add them."""

    CSS_PATH = "checkin_screen.tcss"
    SCOPE = "door"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "focus_table", show=False)]

    def __init__(self, service: MeetingService) -> None:
        super().__init__(id="door")
        install(self, "door")
        self.service = service

    def compose(self) -> ComposeResult:
        header = MeetingHeader()
        header.title = self.service.agenda.meta.title
        header.challenge = self.service.agenda.meta.challenge
        header.mode = t("tui.checkin.mode")
        yield header
        yield Label("", id="head-count")
        yield PersonForm(id="door-form")
        yield Label(t("tui.checkin.form_hint"), classes="caption")
        yield PeopleTable(id="people")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_people()
        self.query_one(PersonForm).focus_name()

    def on_screen_resume(self) -> None:
        self.refresh_people()
        self.query_one(PersonForm).focus_name()

    def on_screen_suspend(self) -> None:
        """Leaving the door drops a person half typed or refused: the next one to arrive
        got the last one's organisation, sector and "already in the meeting" warning."""
        self.query_one(PersonForm).clear()

    @on(MeetingChanged)
    def refresh_people(self) -> None:
        self.query_one("#head-count", Label).update(head_count(self.service))
        self.query_one(PeopleTable).people = tuple(self.service.state.participants.values())

    @on(PersonForm.NameChanged)
    def filter_people(self, message: PersonForm.NameChanged) -> None:
        self.query_one(PeopleTable).filter_text = message.text

    @on(PersonForm.Submitted)
    def add_person(self, message: PersonForm.Submitted) -> None:
        form = self.query_one(PersonForm)
        try:
            person = self.service.add_participant(
                message.person, allow_duplicate=message.allow_duplicate
            )
        except CafeError as error:
            form.show_error(error)
            return
        form.clear()
        self.query_one(PeopleTable).filter_text = ""
        self.notify(arrival_note(self.service, person.id, added=True) or "")
        self._remind_replan()

    @on(PeopleTable.PresenceToggled)
    def toggle_present(self, message: PeopleTable.PresenceToggled) -> None:
        try:
            self.service.set_present(message.participant_id, message.present)
        except CafeError as error:
            self.notify(str(error), severity="warning")
            return
        note = arrival_note(self.service, message.participant_id, added=False)
        if message.present and note:
            self.notify(note)
        form = self.query_one(PersonForm)
        if message.present and form.person().name.strip():
            # Found by typing "asa", ↓, Enter: the search went on standing in the name
            # field, and every next arrival needed F2 and Ctrl+U first.
            form.clear()
            self.query_one(PeopleTable).filter_text = ""
        self._remind_replan()

    def _remind_replan(self) -> None:
        """From round 1 on, a change of people needs a new seating (key r) while rounds
        are left: in a round and in the break between two. Not in a circle that seats
        everyone here (a latecomer joins the ring at once)."""
        plan = self.service.state.seating_plan
        here = {p.id for p in self.service.state.present()}
        if plan.is_circle and plan.people() == here:
            return  # who came has joined the ring already: nothing for r to do
        if self.service.current_round and rounds_left_to_seat(self.service):
            hint = t("tui.checkin.replan_hint", round=reseat_round(self.service))
            say(self.app, hint, about=SEATING)

    def action_focus_table(self) -> None:
        self.query_one(PeopleTable).focus()

    def action_focus_name(self) -> None:
        self.query_one(PersonForm).focus_name()

    def action_toggle_host(self) -> None:
        pid = self.query_one(PeopleTable).current_id
        if pid is None:
            return
        person = self.service.state.participants[pid]
        try:
            self.service.update_participant(pid, host=not person.host)
        except CafeError as error:
            self.notify(str(error), severity="warning")
