"""Capture: the table hosts retell, the facilitator types each idea and presses Enter.

The table field keeps its value, so a table's ideas go in one after another; ideas sent
from phones appear in the same list as they arrive. Ctrl+Z undoes the last capture or
delete (the service keeps both in the log; undo is a restore or a delete).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList

from cafe.core import meeting_seating as seating
from cafe.core.errors import CafeError
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.bindings import install
from cafe.tui.board_data import idea_rows
from cafe.tui.messages import MeetingChanged
from cafe.tui.screens.idea_modal import IdeaModal, parse_table
from cafe.tui.widgets.draft_input import DraftInput
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.meeting_header import MeetingHeader

UndoStep = tuple[Literal["captured", "deleted"], str]


class CaptureScreen(Screen[None]):
    """Table and text fields over the round's ideas (grouped by table)."""

    CSS_PATH = "capture_screen.tcss"
    SCOPE = "capture"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
    ]

    def __init__(self, service: MeetingService) -> None:
        super().__init__(id="capture")
        install(self, "capture")
        self.service = service
        self.undo_steps: list[UndoStep] = []
        """What Ctrl+Z takes back, newest last."""

    def compose(self) -> ComposeResult:
        header = MeetingHeader()
        header.title = self.service.agenda.meta.title
        header.challenge = self.service.agenda.meta.challenge
        header.mode = t("tui.capture.mode")
        yield header
        yield Label("", id="capture-heading")
        with Horizontal(id="capture-entry"):
            yield Input(placeholder=t("tui.capture.table"), id="capture-table")
            yield DraftInput(placeholder=t("tui.capture.text"), id="capture-text")
        yield Label("", id="capture-error", classes="problem", markup=False)
        yield IdeaList(id="capture-ideas")
        yield Label(t("tui.capture.hint"), classes="caption")
        yield Footer()

    def on_mount(self) -> None:
        tables = seating.table_numbers(self.service.state.seating)
        if tables and not self.service.circle_mode:
            self.query_one("#capture-table", Input).value = str(tables[0])
        self.refresh_ideas()
        self.query_one("#capture-text", Input).focus()

    def on_screen_resume(self) -> None:
        self.refresh_ideas()
        self.query_one("#capture-text", Input).focus()

    @property
    def round_number(self) -> int:
        return self.service.current_round

    @on(MeetingChanged)
    def refresh_ideas(self) -> None:
        round_number = self.round_number
        rows = idea_rows(self.service, round_number=round_number, group="table")
        self.query_one(IdeaList).rows = rows
        heading = (
            t("tui.capture.heading_round", round=round_number, count=len(rows.ideas))
            if round_number
            else t("tui.capture.heading", count=len(rows.ideas))
        )
        self.query_one("#capture-heading", Label).update(heading)

    # -- typing ------------------------------------------------------------------------

    @on(Input.Submitted, "#capture-table")
    def table_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#capture-text", Input).focus()

    @on(Input.Submitted, "#capture-text")
    def capture(self, event: Input.Submitted) -> None:
        """Store the idea; the field is already empty for the next one (``DraftInput``)."""
        event.stop()
        error = self.query_one("#capture-error", Label)
        if not event.value.strip():
            return
        try:
            table = parse_table(self.query_one("#capture-table", Input).value)
            idea = self.service.capture_idea(event.value, table=table)
        except CafeError as problem:
            error.update(str(problem))
            self.query_one("#capture-text", DraftInput).restore(event.value)
            return
        error.update("")
        self.undo_steps.append(("captured", idea.id))
        self.refresh_ideas()
        self.query_one(IdeaList).show_idea(idea.id)

    def draft(self) -> tuple[str, int] | None:
        """Text typed but not yet stored, with its table (the app stores it on quit)."""
        text = self.query_one("#capture-text", Input).value
        if not text.strip():
            return None
        try:
            table = parse_table(self.query_one("#capture-table", Input).value)
        except CafeError:
            table = 0
        return text, table

    # -- the list ----------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        ideas = self.query_one(IdeaList)
        if delta < 0:
            ideas.action_cursor_up()
        else:
            ideas.action_cursor_down()

    @on(OptionList.OptionSelected, "#capture-ideas")
    def edit_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_idea()

    def action_edit_idea(self) -> None:
        idea_id = self.query_one(IdeaList).current_id
        if idea_id is None:
            return
        idea = self.service.state.ideas[idea_id]

        def save(text: str, table: int) -> None:
            self.service.edit_idea(idea_id, text=text, table=table)

        self.app.push_screen(IdeaModal(idea.text, idea.table, save))

    def action_delete_idea(self) -> None:
        idea_id = self.query_one(IdeaList).current_id
        if idea_id is None:
            return
        try:
            self.service.delete_idea(idea_id)
        except CafeError as error:
            self.notify(str(error), severity="warning")
            return
        self.undo_steps.append(("deleted", idea_id))
        self.notify(t("tui.capture.deleted"))

    def action_undo(self) -> None:
        if not self.undo_steps:
            self.notify(t("tui.capture.nothing_to_undo"))
            return
        what, idea_id = self.undo_steps.pop()
        try:
            if what == "captured":
                self.service.delete_idea(idea_id)
            else:
                self.service.restore_idea(idea_id)
        except CafeError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(t(f"tui.capture.undone_{what}"))
