"""Capture: the table hosts retell, the facilitator types each idea and presses Enter.

The table comes first and stays on screen in large digits: a number alone and Enter
chooses the table ("5, Enter, idea, Enter, idea, Enter ..."), so a table number typed
first can never be stored as an idea, and while the meeting sits at tables no idea is
stored without one. Ideas sent from phones appear in the same list with their own
table. Ctrl+Z undoes the last capture, edit or delete, newest first, and says what.
"""

from __future__ import annotations

import logging
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Input, Label, OptionList

from cafe.core.agenda import StepKind
from cafe.core.errors import CafeError
from cafe.core.service import MeetingService
from cafe.core.timer import format_seconds
from cafe.i18n import t
from cafe.storage.console_settings import read_capture_draft, write_capture_draft
from cafe.tui.bindings import install
from cafe.tui.board_data import idea_rows
from cafe.tui.messages import MeetingChanged
from cafe.tui.screens.idea_modal import IdeaModal
from cafe.tui.seen_text import SeenText
from cafe.tui.widgets.draft_input import DraftInput
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.tui.widgets.meeting_header import MeetingHeader

log = logging.getLogger(__name__)

UndoStep = tuple[Literal["captured", "deleted", "edited"], str, str, int]
"""What was done, to which idea, and (for an edit) its text and table before."""


DRAFT_PAUSE = 0.4
"""Seconds of no typing before the line is written down (one small write, not one a key)."""


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
        self.table: int | None = None
        """The table whose ideas are being typed; ``None`` until chosen (0: the circle)."""
        self._table_round = -1
        self.earlier_for: int | None = None
        """While the co-host types in the paper of the round before (F7): the round under
        way when they chose it. A new round brings capture back to the round under way."""
        self._draft_timer: Timer | None = None
        self._draft_kept = ""

    def compose(self) -> ComposeResult:
        header = MeetingHeader()
        header.title = self.service.agenda.meta.title
        header.challenge = self.service.agenda.meta.challenge
        header.mode = t("tui.capture.mode")
        yield header
        with Horizontal(id="capture-top"):
            yield Label("", id="capture-heading", markup=False)
            yield Label("", id="capture-clock", markup=False)
        with Horizontal(id="capture-entry"):
            with Vertical(id="table-box"):
                yield Label(t("tui.capture.table"), id="table-label")
                yield Digits("–", id="table-digits")
            with Vertical(id="text-box"):
                yield Label("", id="table-prompt", markup=False)
                yield DraftInput(placeholder=t("tui.capture.text"), id="capture-text")
        yield Label("", id="capture-error", classes="problem", markup=False)
        yield IdeaList(id="capture-ideas")
        yield Label(t("tui.capture.hint"), id="capture-hint", classes="caption")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_ideas()
        self.query_one("#capture-text", Input).focus()
        self.set_interval(1.0, self._show_clock)
        self._bring_back_draft()

    # -- the line being typed survives a crash --------------------------------------------

    def _bring_back_draft(self) -> None:
        """What was being typed when the laptop died (a flat battery, a kill), with its
        table: the README promises nothing typed is lost, and the line was."""
        kept = read_capture_draft(self.service)
        field = self.query_one("#capture-text", DraftInput)
        if kept is None or field.value:
            return
        text, table = kept
        if table is not None and table in self.tables:
            self.table = table
            self._show_table()
        field.value = text
        field.cursor_position = len(field.value)
        self.notify(t("tui.capture.draft_back"), timeout=10)

    @on(Input.Changed, "#capture-text")
    def _typed(self, event: Input.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_PAUSE, self.keep_draft)

    def forget_draft(self) -> None:
        """A clean quit stored the line as an idea: it is not brought back next time."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
        write_capture_draft(self.service, "", None)
        self._draft_kept = ""

    def keep_draft(self) -> None:
        """Write the line being typed to the meeting's file (at a pause in the typing)."""
        self._draft_timer = None
        text = self.query_one("#capture-text", Input).value
        kept = f"{self.table}:{text}" if text.strip() else ""
        if kept != self._draft_kept:
            write_capture_draft(self.service, text, self.table)
            self._draft_kept = kept

    def _show_clock(self) -> None:
        """The round's time left beside the heading: capture happens while the clock runs,
        and the meeting screen that shows it is one key away."""
        timer = self.service.timer()
        step = self.service.current_step
        label = self.query_one("#capture-clock", Label)
        if not (timer and timer.started and step and step.kind is StepKind.CAFE_ROUND):
            label.update("")
            return
        left = timer.remaining(self.app.clock.now())
        key = "tui.capture.time_over" if left < 0 else "tui.capture.time_left"
        label.update(t(key, time=format_seconds(abs(left))))
        label.set_class(left < 0, "-over")

    def on_screen_resume(self) -> None:
        # A message from the last visit ("choose a table first … the idea is kept") is
        # about a field that may be empty now.
        self.query_one("#capture-error", Label).update("")
        self.refresh_ideas()
        self.query_one("#capture-text", Input).focus()

    @property
    def tables(self) -> list[int]:
        """The plan's table numbers; empty when the meeting sits in one circle."""
        if self.service.sits_in_circle:
            return []
        return list(self.service.state.seating_plan.table_numbers())

    def _show_table(self) -> None:
        """The chosen table, large; a new round starts with none chosen."""
        if self._table_round != self.round_number:
            self._table_round = self.round_number
            self.table = 0 if not self.tables else None
        digits = self.query_one("#table-digits", Digits)
        prompt = self.query_one("#table-prompt", Label)
        if not self.tables:
            digits.update("○")
            prompt.update(t("tui.capture.prompt_circle"))
        elif self.table is None:
            digits.update("–")
            prompt.update(t("tui.capture.prompt_table"))
        else:
            digits.update(str(self.table))
            prompt.update(t("tui.capture.prompt_ideas", table=self.table))
        self.set_class(self.table is None, "-no-table")

    def choose_table(self, number: int) -> bool:
        """Set the table the next ideas belong to; refuses a table the plan has not got."""
        tables = self.tables
        error = self.query_one("#capture-error", Label)
        if tables and number not in tables:
            error.update(
                t("tui.capture.no_such_table", table=number, tables=", ".join(map(str, tables)))
            )
            return False
        error.update("")
        self.table = number
        self._show_table()
        return True

    @property
    def round_number(self) -> int:
        """The round the ideas typed now are filed under: the round under way, or (F7)
        the one before it, whose paper sheets are typed in while this one runs."""
        current = self.service.capture_round
        if self.earlier_for == current:
            return self.service.round_before(current) or current
        return current

    def action_earlier_round(self) -> None:
        """File what is typed under the round before, or back under the round under way."""
        current = self.service.capture_round
        if self.earlier_for == current:
            self.earlier_for = None
        elif self.service.round_before(current) is None:
            self.notify(t("tui.capture.no_earlier_round"), severity="warning")
            return
        else:
            self.earlier_for = current
        self.refresh_ideas()
        self.query_one("#capture-text", Input).focus()

    @on(MeetingChanged)
    def refresh_ideas(self) -> None:
        if self.earlier_for is not None and self.earlier_for != self.service.capture_round:
            # A new round began while round 1's paper was being typed in: what comes next
            # is the new round's, and the co-host is told, not left filing it a round back.
            self.earlier_for = None
            self.notify(t("tui.capture.back_to_current", round=self.service.capture_round))
        round_number = self.round_number
        earlier = self.earlier_for is not None
        rows = idea_rows(self.service, round_number=round_number, group="table")
        self.query_one(IdeaList).rows = rows
        circle = not self.tables
        heading = (
            t(
                "tui.capture.heading_circle" if circle else "tui.capture.heading_round",
                round=round_number,
                count=len(rows.ideas),
            )
            if round_number
            else t("tui.capture.heading", count=len(rows.ideas))
        )
        if earlier:
            now = self.service.capture_round
            heading = t("tui.capture.heading_earlier", round=round_number, now=now) + heading
        # Eight tables send in the same half minute: which have not? (The list had to be
        # scrolled for the missing "bord N" heading.)
        heard = {idea.table for idea in rows.ideas}
        waiting = [n for n in self.tables if n not in heard]
        if round_number and waiting and heard and not earlier:
            tables = ", ".join(map(str, waiting))
            heading += " · " + t("tui.capture.waiting", count=len(waiting), tables=tables)
        self.query_one("#capture-heading", Label).update(heading)
        self.query_one("#capture-hint", Label).update(
            t("tui.capture.hint_circle" if circle else "tui.capture.hint")
        )
        # One circle: no table to choose, no table hosts retelling (the box showed "○").
        self.set_class(circle, "-circle")
        self.set_class(earlier, "-earlier")
        self._show_table()
        self._show_clock()

    # -- typing ------------------------------------------------------------------------

    @on(Input.Submitted, "#capture-text")
    def capture(self, event: Input.Submitted) -> None:
        """A number alone chooses the table; anything else is an idea for that table."""
        event.stop()
        error = self.query_one("#capture-error", Label)
        text = event.value.strip()
        if not text:
            return
        if text.isdigit():
            if not self.tables:  # not put back either: "3Läsecirkel" reached the slides
                error.update(t("tui.capture.circle_no_tables"))
            else:  # a refused number is not put back: the next idea was typed onto it
                self.choose_table(int(text))  # the message names it and the tables there are
            return
        if self.table is None:
            error.update(t("tui.capture.choose_table_first"))
            self.query_one("#capture-text", DraftInput).restore(event.value)
            return
        there = self.service.state.idea_already_at(text, self.table, self.round_number)
        if there is not None:  # the table's phone sent this line already
            key = (
                "tui.capture.already_sent" if there.source == "web" else "tui.capture.already_typed"
            )
            error.update(t(key, text=there.text, table=self.table, round=self.round_number))
            self.query_one(IdeaList).show_idea(there.id)
            return
        try:
            idea = self.service.capture_idea(event.value, table=self.table, round=self.round_number)
        except CafeError as problem:
            error.update(str(problem))
            self.query_one("#capture-text", DraftInput).restore(event.value)
            return
        error.update("")
        self.undo_steps.append(("captured", idea.id, "", 0))
        self.refresh_ideas()
        self.query_one(IdeaList).show_idea(idea.id)

    def draft(self) -> tuple[str, int] | None:
        """Text typed but not yet stored, with its table (the app stores it on quit).

        At tables, text with no table chosen is no draft: it was refused ("choose the
        table first") and, stored on quit, it became an idea of no table in every report.
        """
        text = self.query_one("#capture-text", Input).value
        if not text.strip() or text.strip().isdigit():
            return None
        if self.table is None and self.tables:
            log.warning("capture text with no table left out on quit: %d characters", len(text))
            return None
        return text, self.table or 0

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
        seen = SeenText(idea.text)

        def save(text: str, table: int) -> None:
            before = self.service.state.ideas[idea_id].table
            replaced = seen.edit_idea(self.service, idea_id, text, table)
            self.undo_steps.append(("edited", idea_id, replaced, before))

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
        self.undo_steps.append(("deleted", idea_id, "", 0))
        self.notify(t("tui.capture.deleted"))

    def action_undo(self) -> None:
        if not self.undo_steps:
            self.notify(t("tui.capture.nothing_to_undo"))
            return
        what, idea_id, text, table = self.undo_steps.pop()
        try:
            if what == "captured":
                self.service.delete_idea(idea_id)
            elif what == "edited":
                self.service.edit_idea(idea_id, text=text, table=table)
            else:
                self.service.restore_idea(idea_id)
        except CafeError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(t(f"tui.capture.undone_{what}"))
